#include "openpt/vision/weighted_nms.h"

#include <algorithm>

namespace openpt::vision {

float intersection_over_union(const NormalizedBox& a, const NormalizedBox& b) {
  const float area_a = (a.xmax - a.xmin) * (a.ymax - a.ymin);
  const float area_b = (b.xmax - b.xmin) * (b.ymax - b.ymin);
  if (!(area_a > 0) || !(area_b > 0)) return 0.0f;
  const float w = std::min(a.xmax, b.xmax) - std::max(a.xmin, b.xmin);
  const float h = std::min(a.ymax, b.ymax) - std::max(a.ymin, b.ymin);
  if (w <= 0 || h <= 0) return 0.0f;
  const float intersection = w * h;
  return intersection / (area_a + area_b - intersection);
}

std::vector<Detection> weighted_nms(std::vector<Detection> detections,
                                    const WeightedNmsOptions& options) {
  std::stable_sort(detections.begin(), detections.end(),
                   [](const Detection& a, const Detection& b) { return a.score > b.score; });
  std::vector<Detection> out;
  std::vector<Detection> rest;
  while (!detections.empty()) {
    if (options.max_detections >= 0 && static_cast<int>(out.size()) >= options.max_detections) {
      break;
    }
    const Detection& top = detections.front();
    Detection merged = top;
    merged.box = {};
    merged.keypoints = {};
    float total = 0;
    rest.clear();
    for (const Detection& d : detections) {
      if (intersection_over_union(top.box, d.box) <= options.iou_threshold) {
        rest.push_back(d);
        continue;
      }
      total += d.score;
      merged.box.xmin += d.score * d.box.xmin;
      merged.box.ymin += d.score * d.box.ymin;
      merged.box.xmax += d.score * d.box.xmax;
      merged.box.ymax += d.score * d.box.ymax;
      for (std::size_t k = 0; k < merged.keypoints.size(); ++k) {
        merged.keypoints[k].x += d.score * d.keypoints[k].x;
        merged.keypoints[k].y += d.score * d.keypoints[k].y;
      }
    }
    if (total > 0) {
      merged.box = {merged.box.xmin / total, merged.box.ymin / total, merged.box.xmax / total,
                    merged.box.ymax / total};
      for (Keypoint& k : merged.keypoints) k = {k.x / total, k.y / total};
    } else {
      merged = top;  // an empty box overlaps nothing, not even itself
      rest.erase(rest.begin());
    }
    out.push_back(merged);
    detections.swap(rest);
  }
  return out;
}

}  // namespace openpt::vision
