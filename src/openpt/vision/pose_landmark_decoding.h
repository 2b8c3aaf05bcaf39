// The landmark model's raw outputs turned into landmarks on the image and in the world.
//
// BlazePose's landmark model sees the rotated region (pose_region.h) as a 256 x 256 crop and
// returns, per landmark, x, y, z in crop pixels and visibility and presence logits; a 64 x 64
// heatmap per landmark; and world coordinates in metres (hip centre at the origin) in the
// crop's orientation. The 39 landmarks are BlazePose's 33 plus 6 auxiliary ones (33: hip
// centre and 34: a point giving the body's size and tilt are what tracking follows).
// Decoding follows MediaPipe's pose graph so that results match it: positions divided by
// the crop size, sigmoid visibility and presence, x and y refined as the heatmap's
// confidence-weighted centroid in a 7 x 7 window where the heatmap is confident, then
// letterbox padding removed and the crop rotated, scaled and moved back onto the image.
// z is scaled like x (by the region's width); world points are rotated with the region.
//
//   auto crop = decode_pose_landmarks(model.output(landmarks_index), 256, 256);
//   refine_with_heatmap(crop, model.output(heatmap_index), 64, 64);
//   auto on_image = project_to_image(crop, padding, region);
#pragma once

#include <array>
#include <span>

#include "openpt/vision/image_to_tensor.h"

namespace openpt::vision {

inline constexpr int kPoseModelLandmarkCount = 39;  // 33 + 6 auxiliary
inline constexpr int kPoseLandmarkCount = 33;
inline constexpr int kPoseHipCentreLandmark = 33;   // auxiliary
inline constexpr int kPoseScalePointLandmark = 34;  // auxiliary

struct PosePoint {
  float x = 0;  // normalised, of the crop or the image (see the function)
  float y = 0;
  float z = 0;  // depth, same scale as x; smaller is nearer the camera
  float visibility = 0;
  float presence = 0;
};

struct WorldPoint {
  float x = 0;  // metres
  float y = 0;
  float z = 0;
};

using PoseLandmarks = std::array<PosePoint, kPoseModelLandmarkCount>;
using PoseWorldLandmarks = std::array<WorldPoint, kPoseModelLandmarkCount>;

// `raw`: 39 x 5 values. Coordinates normalised to the crop.
PoseLandmarks decode_pose_landmarks(std::span<const float> raw, int input_width, int input_height);

struct HeatmapRefinement {
  int kernel_size = 7;
  float min_confidence = 0.5f;  // refine only where the heatmap peak is at least this
};

// `heatmap`: height x width x 39 logits (HWC).
void refine_with_heatmap(PoseLandmarks& landmarks, std::span<const float> heatmap, int height,
                         int width, const HeatmapRefinement& options = {});

// Crop coordinates to normalised image coordinates (z scaled like x).
PoseLandmarks project_to_image(const PoseLandmarks& crop, const LetterboxPadding& padding,
                               const NormalizedRect& region);

// `raw`: 39 x 3 values, rotated into the image's orientation.
PoseWorldLandmarks decode_world_landmarks(std::span<const float> raw, const NormalizedRect& region);

}  // namespace openpt::vision
