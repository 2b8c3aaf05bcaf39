#include "openpt/vision/ssd_anchors.h"

#include <cassert>
#include <cmath>

namespace openpt::vision {

namespace {

float layer_scale(float min_scale, float max_scale, int layer, int layer_count) {
  if (layer_count == 1) return (min_scale + max_scale) / 2;
  return min_scale +
         (max_scale - min_scale) * static_cast<float>(layer) / static_cast<float>(layer_count - 1);
}

}  // namespace

SsdAnchorOptions pose_detection_anchor_options() {
  return {};
}

std::vector<Anchor> ssd_anchors(const SsdAnchorOptions& o) {
  assert(static_cast<std::size_t>(o.num_layers) == o.strides.size());
  const int layer_count = static_cast<int>(o.strides.size());
  std::vector<Anchor> anchors;
  int layer = 0;
  while (layer < layer_count) {
    // Anchor shapes of every layer that shares this stride.
    std::vector<float> widths;
    std::vector<float> heights;
    int last = layer;
    for (; last < layer_count &&
           o.strides[static_cast<std::size_t>(last)] == o.strides[static_cast<std::size_t>(layer)];
         ++last) {
      const float scale = layer_scale(o.min_scale, o.max_scale, last, layer_count);
      std::vector<std::pair<float, float>> shapes;  // (scale, aspect ratio)
      for (float ratio : o.aspect_ratios) shapes.emplace_back(scale, ratio);
      if (o.interpolated_scale_aspect_ratio > 0) {
        const float next = last == layer_count - 1
                               ? 1.0f
                               : layer_scale(o.min_scale, o.max_scale, last + 1, layer_count);
        shapes.emplace_back(std::sqrt(scale * next), o.interpolated_scale_aspect_ratio);
      }
      for (const auto& [s, ratio] : shapes) {
        const float root = std::sqrt(ratio);
        heights.push_back(s / root);
        widths.push_back(s * root);
      }
    }
    const int stride = o.strides[static_cast<std::size_t>(layer)];
    assert(stride > 0);
    const int rows = (o.input_height + stride - 1) / stride;
    const int cols = (o.input_width + stride - 1) / stride;
    for (int y = 0; y < rows; ++y) {
      for (int x = 0; x < cols; ++x) {
        for (std::size_t k = 0; k < widths.size(); ++k) {
          Anchor a;
          a.x_center = (static_cast<float>(x) + o.anchor_offset_x) / static_cast<float>(cols);
          a.y_center = (static_cast<float>(y) + o.anchor_offset_y) / static_cast<float>(rows);
          if (!o.fixed_anchor_size) {
            a.width = widths[k];
            a.height = heights[k];
          }
          anchors.push_back(a);
        }
      }
    }
    layer = last;
  }
  return anchors;
}

}  // namespace openpt::vision
