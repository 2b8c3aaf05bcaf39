// Weighted non-maximum suppression, as BlazePose's detector post-processing does it: take the
// highest-scoring detection, gather every detection overlapping it by more than the IoU
// threshold (itself included), replace the box and keypoints by their score-weighted mean
// (keeping the top score), and repeat on the rest. Averaging the overlapping anchors makes
// the region steadier than keeping the single best box.
//
//   auto people = weighted_nms(decode_detections(boxes, scores, anchors), {.iou_threshold = 0.5f});
#pragma once

#include <vector>

#include "openpt/vision/detection_decoding.h"

namespace openpt::vision {

struct WeightedNmsOptions {
  // 0.5 matches MediaPipe Tasks Vision's pose landmarker (measured, issue 4); MediaPipe's
  // legacy pose graph used 0.3.
  float iou_threshold = 0.5f;
  int max_detections = -1;  // < 0: no limit
};

// Intersection over union of two boxes; 0 when either is empty.
float intersection_over_union(const NormalizedBox& a, const NormalizedBox& b);

// Merged detections, highest score first.
std::vector<Detection> weighted_nms(std::vector<Detection> detections,
                                    const WeightedNmsOptions& options = {});

}  // namespace openpt::vision
