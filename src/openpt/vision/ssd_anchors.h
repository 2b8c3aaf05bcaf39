// The anchor boxes of an SSD-style detector: one or more boxes per cell of each feature map,
// in normalized input coordinates, in the order the detector emits its raw boxes. Follows
// MediaPipe's SSD anchor generation; `pose_detection_anchor_options()` gives the 2254 anchors
// of BlazePose's 224x224 pose detector (strides 8, 16, 32, 32, 32; two anchors per cell and
// layer; fixed unit size).
//
//   std::vector<Anchor> anchors = ssd_anchors(pose_detection_anchor_options());
//   // anchors[0] = {x_center 0.5/28, y_center 0.5/28, width 1, height 1}
#pragma once

#include <vector>

namespace openpt::vision {

struct Anchor {
  float x_center = 0;
  float y_center = 0;
  float width = 1;
  float height = 1;
};

struct SsdAnchorOptions {
  int input_width = 224;
  int input_height = 224;
  int num_layers = 5;
  float min_scale = 0.1484375f;
  float max_scale = 0.75f;
  std::vector<int> strides = {8, 16, 32, 32, 32};
  std::vector<float> aspect_ratios = {1.0f};
  float anchor_offset_x = 0.5f;
  float anchor_offset_y = 0.5f;
  // An extra anchor per cell with this aspect ratio, sized between this layer's scale and the
  // next one's; 0 disables it.
  float interpolated_scale_aspect_ratio = 1.0f;
  bool fixed_anchor_size = true;  // every anchor 1 x 1 (the detector regresses absolute sizes)
};

SsdAnchorOptions pose_detection_anchor_options();

// Layers with the same stride share a feature map; their anchors are emitted per cell
// together. Options must be consistent (num_layers == strides.size(), strides > 0).
std::vector<Anchor> ssd_anchors(const SsdAnchorOptions& options);

}  // namespace openpt::vision
