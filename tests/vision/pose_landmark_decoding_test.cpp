#include "openpt/vision/pose_landmark_decoding.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "openpt/vision/pose_region.h"

namespace openpt::vision {
namespace {

constexpr float kPi = std::numbers::pi_v<float>;
const float kLn3 = std::log(3.0f);  // sigmoid(ln 3) = 3/4, sigmoid(-ln 3) = 1/4

TEST(DecodePoseLandmarks, DividesByTheCropSizeAndTakesSigmoids) {
  std::vector<float> raw(kPoseModelLandmarkCount * 5);
  for (int i = 0; i < kPoseModelLandmarkCount; ++i) {
    float* v = raw.data() + 5 * i;
    v[0] = 2.0f * static_cast<float>(i);  // x px
    v[1] = 100.0f + static_cast<float>(i);
    v[2] = -3.0f * static_cast<float>(i);
    v[3] = i % 2 == 0 ? 0.0f : kLn3;   // visibility logit
    v[4] = i % 2 == 0 ? -kLn3 : 0.0f;  // presence logit
  }
  // A 256 x 128 input: x and z are divided by 256, y by 128.
  const PoseLandmarks lm = decode_pose_landmarks(raw, 256, 128);
  for (int i = 0; i < kPoseModelLandmarkCount; ++i) {
    const PosePoint& p = lm[static_cast<std::size_t>(i)];
    EXPECT_NEAR(p.x, 2.0 * i / 256, 1e-6) << i;
    EXPECT_NEAR(p.y, (100.0 + i) / 128, 1e-6) << i;
    EXPECT_NEAR(p.z, -3.0 * i / 256, 1e-6) << i;
    EXPECT_NEAR(p.visibility, i % 2 == 0 ? 0.5 : 0.75, 1e-6) << i;
    EXPECT_NEAR(p.presence, i % 2 == 0 ? 0.25 : 0.5, 1e-6) << i;
  }
  // Spot values: 128 px is the middle of the 256 px crop.
  raw[5 * 34 + 0] = 128;
  raw[5 * 34 + 1] = 32;
  const PoseLandmarks spot = decode_pose_landmarks(raw, 256, 256);
  EXPECT_FLOAT_EQ(spot[34].x, 0.5f);
  EXPECT_FLOAT_EQ(spot[34].y, 0.125f);
}

// A 64 x 64 x 39 heatmap of logit -30 (sigmoid 9.4e-14: 47 such cells add ~4e-12 to a sum of
// 1.5, far below float precision of the result).
constexpr int kHeatmapSize = 64;
struct Heatmap {
  std::vector<float> logits =
      std::vector<float>(static_cast<std::size_t>(kHeatmapSize) * kHeatmapSize * 39, -30.0f);
  void set(int row, int col, int landmark, float logit) {
    logits[static_cast<std::size_t>((row * kHeatmapSize + col) * 39 + landmark)] = logit;
  }
};

PoseLandmarks landmarks_at(float x, float y) {
  PoseLandmarks lm;
  for (PosePoint& p : lm) p = {x, y, 0.1f, 0.9f, 0.8f};
  return lm;
}

TEST(RefineWithHeatmap, MovesAConfidentLandmarkToTheWeightedCentroid) {
  Heatmap hm;
  constexpr int k = 5;
  hm.set(10, 20, k, kLn3);  // 0.75 at row 10, columns 20 and 21
  hm.set(10, 21, k, kLn3);
  PoseLandmarks lm = landmarks_at(20.3f / 64, 10.6f / 64);  // cell (row 10, col 20)
  refine_with_heatmap(lm, hm.logits, kHeatmapSize, kHeatmapSize);
  // (20 * 0.75 + 21 * 0.75) / 1.5 = 20.5 columns; row 10. Cell index / 64, not the centre.
  EXPECT_NEAR(lm[k].x, 20.5 / 64, 1e-6);
  EXPECT_NEAR(lm[k].y, 10.0 / 64, 1e-6);
  EXPECT_FLOAT_EQ(lm[k].z, 0.1f);  // only x and y are refined
  EXPECT_FLOAT_EQ(lm[k].visibility, 0.9f);
  EXPECT_FLOAT_EQ(lm[k].presence, 0.8f);
  // Every other landmark's heatmap is ~0 everywhere: unchanged.
  for (std::size_t i = 0; i < lm.size(); ++i) {
    if (i == k) continue;
    EXPECT_FLOAT_EQ(lm[i].x, 20.3f / 64) << i;
    EXPECT_FLOAT_EQ(lm[i].y, 10.6f / 64) << i;
  }
}

TEST(RefineWithHeatmap, WeightsByConfidenceInBothAxes) {
  Heatmap hm;
  constexpr int k = 38;
  hm.set(30, 40, k, kLn3);   // 0.75
  hm.set(33, 42, k, -kLn3);  // 0.25
  hm.set(27, 37, k, 0.0f);   // 0.5: window corner (rows 27..33, cols 37..43)
  hm.set(26, 40, k, 10.0f);  // just outside the window: ignored
  PoseLandmarks lm = landmarks_at(40.9f / 64, 30.1f / 64);
  refine_with_heatmap(lm, hm.logits, kHeatmapSize, kHeatmapSize);
  const double sum = 0.75 + 0.25 + 0.5;
  EXPECT_NEAR(lm[k].x, (40 * 0.75 + 42 * 0.25 + 37 * 0.5) / sum / 64, 1e-6);
  EXPECT_NEAR(lm[k].y, (30 * 0.75 + 33 * 0.25 + 27 * 0.5) / sum / 64, 1e-6);
}

TEST(RefineWithHeatmap, PeakBelowHalfLeavesTheLandmarkUnchanged) {
  Heatmap hm;
  constexpr int k = 0;
  hm.set(10, 20, k, -0.1f);  // sigmoid 0.475
  hm.set(10, 21, k, -0.1f);
  PoseLandmarks lm = landmarks_at(20.3f / 64, 10.6f / 64);
  refine_with_heatmap(lm, hm.logits, kHeatmapSize, kHeatmapSize);
  EXPECT_FLOAT_EQ(lm[k].x, 20.3f / 64);
  EXPECT_FLOAT_EQ(lm[k].y, 10.6f / 64);
}

TEST(RefineWithHeatmap, PeakOfExactlyHalfIsEnough) {
  Heatmap hm;
  constexpr int k = 0;
  hm.set(10, 22, k, 0.0f);  // sigmoid 0.5, at the threshold (inclusive)
  PoseLandmarks lm = landmarks_at(20.3f / 64, 10.6f / 64);
  refine_with_heatmap(lm, hm.logits, kHeatmapSize, kHeatmapSize);
  EXPECT_NEAR(lm[k].x, 22.0 / 64, 1e-6);
  EXPECT_NEAR(lm[k].y, 10.0 / 64, 1e-6);
  // A higher threshold leaves it alone.
  PoseLandmarks strict = landmarks_at(20.3f / 64, 10.6f / 64);
  refine_with_heatmap(strict, hm.logits, kHeatmapSize, kHeatmapSize, {.min_confidence = 0.6f});
  EXPECT_FLOAT_EQ(strict[k].x, 20.3f / 64);
}

TEST(RefineWithHeatmap, KernelSizeSetsTheWindow) {
  Heatmap hm;
  constexpr int k = 3;
  hm.set(10, 20, k, kLn3);
  hm.set(10, 22, k, kLn3);  // 2 columns away: inside a 7 x 7 window, outside a 3 x 3 one
  PoseLandmarks seven = landmarks_at(20.5f / 64, 10.5f / 64);
  refine_with_heatmap(seven, hm.logits, kHeatmapSize, kHeatmapSize);
  EXPECT_NEAR(seven[k].x, 21.0 / 64, 1e-6);
  PoseLandmarks three = landmarks_at(20.5f / 64, 10.5f / 64);
  refine_with_heatmap(three, hm.logits, kHeatmapSize, kHeatmapSize, {.kernel_size = 3});
  EXPECT_NEAR(three[k].x, 20.0 / 64, 1e-6);
}

TEST(RefineWithHeatmap, LandmarksOutsideTheCropAreUnchanged) {
  Heatmap hm;
  // Confident everywhere for every landmark: any refinement would move the point.
  std::fill(hm.logits.begin(), hm.logits.end(), 5.0f);
  const float outside[][2] = {{1.0f, 0.5f},  {0.5f, 1.0f}, {-0.1f, 0.5f},
                              {0.5f, -0.1f}, {1.2f, 1.3f}, {0.5f, 1.05f}};
  for (const auto& xy : outside) {
    PoseLandmarks lm = landmarks_at(xy[0], xy[1]);
    refine_with_heatmap(lm, hm.logits, kHeatmapSize, kHeatmapSize);
    EXPECT_FLOAT_EQ(lm[7].x, xy[0]) << xy[0] << "," << xy[1];
    EXPECT_FLOAT_EQ(lm[7].y, xy[1]) << xy[0] << "," << xy[1];
  }
  PoseLandmarks nan = landmarks_at(std::nanf(""), 0.5f);
  refine_with_heatmap(nan, hm.logits, kHeatmapSize, kHeatmapSize);
  EXPECT_TRUE(std::isnan(nan[7].x));
  EXPECT_FLOAT_EQ(nan[7].y, 0.5f);
}

// MediaPipe converts to a cell index by truncation towards zero, so a point less than one cell
// left of the crop (x * 64 in (-1, 0)) still counts as column 0 and is refined.
TEST(RefineWithHeatmap, LessThanOneCellLeftOfTheCropTruncatesToColumnZero) {
  Heatmap hm;
  hm.set(10, 1, 2, kLn3);
  PoseLandmarks lm = landmarks_at(-0.5f / 64, 10.5f / 64);
  refine_with_heatmap(lm, hm.logits, kHeatmapSize, kHeatmapSize);
  EXPECT_NEAR(lm[2].x, 1.0 / 64, 1e-6);
  EXPECT_NEAR(lm[2].y, 10.0 / 64, 1e-6);
}

TEST(RefineWithHeatmap, WindowIsClippedAtTheHeatmapEdges) {
  Heatmap hm;
  // Top-left corner: window rows 0..3, cols 0..3.
  hm.set(0, 0, 1, kLn3);
  hm.set(0, 3, 1, kLn3);
  hm.set(0, 4, 1, 10.0f);  // outside the clipped window
  // Bottom-right corner: window rows 60..63, cols 60..63.
  hm.set(63, 60, 2, kLn3);
  hm.set(60, 63, 2, kLn3);
  hm.set(59, 63, 2, 10.0f);  // outside
  PoseLandmarks lm;
  for (PosePoint& p : lm) p = {0.5f, 0.5f, 0, 0, 0};
  lm[1] = {0.2f / 64, 0.7f / 64, 0, 0, 0};
  lm[2] = {63.9f / 64, 63.5f / 64, 0, 0, 0};
  refine_with_heatmap(lm, hm.logits, kHeatmapSize, kHeatmapSize);
  EXPECT_NEAR(lm[1].x, 1.5 / 64, 1e-6);  // (0 + 3) / 2
  EXPECT_NEAR(lm[1].y, 0.0, 1e-6);
  EXPECT_NEAR(lm[2].x, 61.5 / 64, 1e-6);  // (60 + 63) / 2
  EXPECT_NEAR(lm[2].y, 61.5 / 64, 1e-6);  // (63 + 60) / 2
}

TEST(RefineWithHeatmap, NonSquareHeatmapUsesRowsAndColumns) {
  // 32 rows x 16 columns.
  std::vector<float> logits(static_cast<std::size_t>(32) * 16 * 39, -30.0f);
  const auto set = [&](int row, int col, int k, float v) {
    logits[static_cast<std::size_t>((row * 16 + col) * 39 + k)] = v;
  };
  set(25, 3, 4, kLn3);
  set(27, 3, 4, kLn3);
  PoseLandmarks lm = landmarks_at(3.5f / 16, 26.2f / 32);
  refine_with_heatmap(lm, logits, 32, 16);
  EXPECT_NEAR(lm[4].x, 3.0 / 16, 1e-6);
  EXPECT_NEAR(lm[4].y, 26.0 / 32, 1e-6);
}

// 640 x 480 image; a region 240 px square: width 0.375, height 0.5.
constexpr int kW = 640;
constexpr int kH = 480;
const NormalizedRect kSquare240{
    .x_center = 0.5f, .y_center = 0.5f, .width = 0.375f, .height = 0.5f, .rotation_rad = 0};

PoseLandmarks one_point(float x, float y, float z = 0) {
  PoseLandmarks lm;
  lm[0] = {x, y, z, 0.3f, 0.4f};
  return lm;
}

TEST(ProjectToImage, UnrotatedScalesAndMoves) {
  const NormalizedRect region{
      .x_center = 0.4f, .y_center = 0.6f, .width = 0.5f, .height = 0.3f, .rotation_rad = 0};
  const PoseLandmarks out = project_to_image(one_point(0.25f, 0.75f, 0.1f), {}, region);
  EXPECT_NEAR(out[0].x, (0.25 - 0.5) * 0.5 + 0.4, 1e-6);
  EXPECT_NEAR(out[0].y, (0.75 - 0.5) * 0.3 + 0.6, 1e-6);
  EXPECT_NEAR(out[0].z, 0.1 * 0.5, 1e-6);  // z like x: times the region's width
  EXPECT_FLOAT_EQ(out[0].visibility, 0.3f);
  EXPECT_FLOAT_EQ(out[0].presence, 0.4f);
  // Crop corners go to the region's corners.
  const PoseLandmarks corner = project_to_image(one_point(0, 0), {}, region);
  EXPECT_NEAR(corner[0].x, 0.4 - 0.25, 1e-6);
  EXPECT_NEAR(corner[0].y, 0.6 - 0.15, 1e-6);
}

// Rotation pi/2: the crop's up is the image's right, the crop's right is the image's down
// (a quarter turn clockwise on screen). Offsets in pixels of the 240 px region.
TEST(ProjectToImage, QuarterTurnMapsCropUpToImageRight) {
  NormalizedRect region = kSquare240;
  region.rotation_rad = kPi / 2;
  // Top edge midpoint: 120 px "up" in the crop -> 120 px right of the centre.
  PoseLandmarks out = project_to_image(one_point(0.5f, 0.0f), {}, region);
  EXPECT_NEAR(out[0].x, 0.5 + 120.0 / kW, 1e-6);
  EXPECT_NEAR(out[0].y, 0.5, 1e-6);
  // 60 px right in the crop -> 60 px down in the image.
  out = project_to_image(one_point(0.75f, 0.5f), {}, region);
  EXPECT_NEAR(out[0].x, 0.5, 1e-6);
  EXPECT_NEAR(out[0].y, 0.5 + 60.0 / kH, 1e-6);
  // 60 px left and 60 px down in the crop -> 60 px up and 60 px left in the image.
  out = project_to_image(one_point(0.25f, 0.75f, 0.2f), {}, region);
  EXPECT_NEAR(out[0].x, 0.5 - 60.0 / kW, 1e-6);
  EXPECT_NEAR(out[0].y, 0.5 - 60.0 / kH, 1e-6);
  EXPECT_NEAR(out[0].z, 0.2 * 0.375, 1e-6);  // width, whatever the rotation
}

TEST(ProjectToImage, RemovesLetterboxPaddingFirst) {
  // Top and bottom quarters of the crop are padding: crop y 0.25 is the region's top edge.
  const LetterboxPadding padding{.top = 0.25f, .bottom = 0.25f};
  PoseLandmarks out = project_to_image(one_point(0.5f, 0.25f), padding, kSquare240);
  EXPECT_NEAR(out[0].x, 0.5, 1e-6);
  EXPECT_NEAR(out[0].y, 0.25, 1e-6);
  out = project_to_image(one_point(0.75f, 0.75f), padding, kSquare240);
  EXPECT_NEAR(out[0].x, 0.5 + 0.25 * 0.375, 1e-6);
  EXPECT_NEAR(out[0].y, 0.75, 1e-6);
  // With rotation: crop (0.5, 0.25) is the top edge midpoint again, now to the right.
  NormalizedRect turned = kSquare240;
  turned.rotation_rad = kPi / 2;
  out = project_to_image(one_point(0.5f, 0.25f), padding, turned);
  EXPECT_NEAR(out[0].x, 0.5 + 120.0 / kW, 1e-6);
  EXPECT_NEAR(out[0].y, 0.5, 1e-6);
  // Left/right padding: crop x 0.1 is the region's left edge.
  const LetterboxPadding sides{.left = 0.1f, .right = 0.1f};
  out = project_to_image(one_point(0.1f, 0.5f, 0.2f), sides, kSquare240);
  EXPECT_NEAR(out[0].x, 0.5 - 0.375 / 2, 1e-6);
  EXPECT_NEAR(out[0].y, 0.5, 1e-6);
  // z is on x's scale: widened with it by 1 / 0.8, then scaled by the region's width.
  EXPECT_NEAR(out[0].z, 0.2 / 0.8 * 0.375, 1e-6);
}

// The pose region's scale point is 1 / (2 x 1.25) = 0.4 of the region's side above its
// centre, i.e. crop (0.5, 0.1): projecting that back must land on the scale point, in any
// direction, on a non-square image.
TEST(ProjectToImage, InvertsPoseRegionForTheScalePoint) {
  const NormalizedPoint centre{0.45f, 0.55f};
  for (int degrees = -180; degrees < 180; degrees += 30) {
    const double a = degrees * std::numbers::pi / 180;  // clockwise from up
    const NormalizedPoint scale{static_cast<float>(centre.x + 80 * std::sin(a) / kW),
                                static_cast<float>(centre.y - 80 * std::cos(a) / kH)};
    const NormalizedRect region = pose_region(centre, scale, kW, kH);
    const PoseLandmarks out = project_to_image(one_point(0.5f, 0.1f), {}, region);
    EXPECT_NEAR(out[0].x * kW, scale.x * kW, 1e-3) << degrees;
    EXPECT_NEAR(out[0].y * kH, scale.y * kH, 1e-3) << degrees;
  }
}

TEST(DecodeWorldLandmarks, UnrotatedKeepsValues) {
  std::vector<float> raw(kPoseModelLandmarkCount * 3);
  for (std::size_t i = 0; i < raw.size(); ++i) raw[i] = 0.01f * static_cast<float>(i) - 0.5f;
  const PoseWorldLandmarks out = decode_world_landmarks(raw, kSquare240);
  for (std::size_t i = 0; i < out.size(); ++i) {
    EXPECT_FLOAT_EQ(out[i].x, raw[3 * i]);
    EXPECT_FLOAT_EQ(out[i].y, raw[3 * i + 1]);
    EXPECT_FLOAT_EQ(out[i].z, raw[3 * i + 2]);
  }
}

TEST(DecodeWorldLandmarks, RotatesXAndYWithTheRegionAndKeepsZ) {
  std::vector<float> raw(kPoseModelLandmarkCount * 3, 0.0f);
  raw[0] = 1;  // landmark 0: crop right
  raw[2] = 3;
  raw[4] = 2;     // landmark 1: crop down
  raw[6] = 0.3f;  // landmark 2: (0.3, 0.4), length 0.5
  raw[7] = 0.4f;
  raw[8] = -1;
  NormalizedRect region = kSquare240;
  region.rotation_rad = kPi / 2;
  PoseWorldLandmarks out = decode_world_landmarks(raw, region);
  // A quarter turn clockwise on screen: crop right -> image down, crop down -> image left.
  EXPECT_NEAR(out[0].x, 0, 1e-6);
  EXPECT_NEAR(out[0].y, 1, 1e-6);
  EXPECT_FLOAT_EQ(out[0].z, 3);
  EXPECT_NEAR(out[1].x, -2, 1e-6);
  EXPECT_NEAR(out[1].y, 0, 1e-6);
  EXPECT_NEAR(out[2].x, -0.4, 1e-6);
  EXPECT_NEAR(out[2].y, 0.3, 1e-6);
  EXPECT_FLOAT_EQ(out[2].z, -1);
  // 30 degrees: (1, 0) -> (cos 30, sin 30); lengths are kept.
  region.rotation_rad = kPi / 6;
  out = decode_world_landmarks(raw, region);
  EXPECT_NEAR(out[0].x, std::sqrt(3.0) / 2, 1e-6);
  EXPECT_NEAR(out[0].y, 0.5, 1e-6);
  EXPECT_NEAR(std::hypot(out[2].x, out[2].y), 0.5, 1e-6);
  EXPECT_FLOAT_EQ(out[2].z, -1);
}

}  // namespace
}  // namespace openpt::vision
