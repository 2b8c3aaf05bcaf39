// Raw SSD detector outputs turned into scored boxes with keypoints: each anchor's regressed
// box and keypoints are scaled by the input size and offset by the anchor, each score logit
// goes through a clipped sigmoid, and boxes scoring below the threshold are dropped. The
// defaults are those of BlazePose's pose detector (12 values per anchor: box centre x, y,
// width, height, then 4 keypoints x, y; 224x224 input).
//
//   auto anchors = ssd_anchors(pose_detection_anchor_options());
//   auto detections = decode_detections(boxes, scores, anchors);  // detector outputs 0, 1
//   // detections[i].box.xmin ... in [0, 1] of the detector's input image
#pragma once

#include <array>
#include <span>
#include <vector>

#include "openpt/vision/ssd_anchors.h"

namespace openpt::vision {

struct NormalizedBox {
  float xmin = 0;
  float ymin = 0;
  float xmax = 0;
  float ymax = 0;
};

struct Keypoint {
  float x = 0;
  float y = 0;
};

// A detection in normalized coordinates of the detector input. BlazePose's keypoints: hip
// centre, a point above the head that with the hip centre gives the body's scale and
// rotation, then the same pair for the shoulders.
struct Detection {
  float score = 0;
  NormalizedBox box;
  std::array<Keypoint, 4> keypoints{};
};

struct DetectionDecodingOptions {
  int values_per_anchor = 12;  // 4 box values, then 2 per keypoint
  float x_scale = 224;         // raw values are in input pixels
  float y_scale = 224;
  float w_scale = 224;
  float h_scale = 224;
  float score_clipping = 100;  // logits clipped to +-this before the sigmoid
  float min_score = 0.5f;
};

// `raw_boxes` holds anchors.size() * values_per_anchor values, `raw_scores` one logit per
// anchor (sizes are the caller's contract). Detections come out in anchor order.
std::vector<Detection> decode_detections(std::span<const float> raw_boxes,
                                         std::span<const float> raw_scores,
                                         std::span<const Anchor> anchors,
                                         const DetectionDecodingOptions& options = {});

}  // namespace openpt::vision
