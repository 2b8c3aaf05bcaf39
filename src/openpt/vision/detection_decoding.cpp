#include "openpt/vision/detection_decoding.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace openpt::vision {

std::vector<Detection> decode_detections(std::span<const float> raw_boxes,
                                         std::span<const float> raw_scores,
                                         std::span<const Anchor> anchors,
                                         const DetectionDecodingOptions& o) {
  const auto stride = static_cast<std::size_t>(o.values_per_anchor);
  assert(raw_scores.size() == anchors.size());
  assert(raw_boxes.size() == anchors.size() * stride);
  assert(stride >= 4 && (stride - 4) / 2 >= std::tuple_size_v<decltype(Detection::keypoints)>);
  std::vector<Detection> out;
  for (std::size_t i = 0; i < anchors.size(); ++i) {
    const float logit = std::clamp(raw_scores[i], -o.score_clipping, o.score_clipping);
    const float score = 1.0f / (1.0f + std::exp(-logit));
    if (score < o.min_score) continue;
    const Anchor& a = anchors[i];
    const float* raw = raw_boxes.data() + i * stride;
    const float x_center = raw[0] / o.x_scale * a.width + a.x_center;
    const float y_center = raw[1] / o.y_scale * a.height + a.y_center;
    const float width = raw[2] / o.w_scale * a.width;
    const float height = raw[3] / o.h_scale * a.height;
    Detection d;
    d.score = score;
    d.box = {x_center - width / 2, y_center - height / 2, x_center + width / 2,
             y_center + height / 2};
    for (std::size_t k = 0; k < d.keypoints.size(); ++k) {
      d.keypoints[k].x = raw[4 + 2 * k] / o.x_scale * a.width + a.x_center;
      d.keypoints[k].y = raw[5 + 2 * k] / o.y_scale * a.height + a.y_center;
    }
    out.push_back(d);
  }
  return out;
}

}  // namespace openpt::vision
