#include "openpt/vision/pose_region.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace openpt::vision {
namespace {

constexpr double kPi = std::numbers::pi;

TEST(NormalizeRadians, WrapsIntoMinusPiToPi) {
  EXPECT_NEAR(normalize_radians(static_cast<float>(3 * kPi / 2)), -kPi / 2, 1e-6);
  EXPECT_NEAR(normalize_radians(7.0f), 7 - 2 * kPi, 1e-6);
  EXPECT_NEAR(normalize_radians(-7.0f), -7 + 2 * kPi, 1e-6);
  EXPECT_NEAR(normalize_radians(20.0f), 20 - 6 * kPi, 1e-5);  // three turns
  EXPECT_NEAR(normalize_radians(0.5f), 0.5, 1e-7);
  EXPECT_FLOAT_EQ(normalize_radians(0.0f), 0.0f);
}

TEST(NormalizeRadians, HalfOpenRangeKeepsMinusPiAndTurnsPiIntoMinusPi) {
  const auto pi = static_cast<float>(kPi);
  EXPECT_FLOAT_EQ(normalize_radians(-pi), -pi);
  EXPECT_FLOAT_EQ(normalize_radians(pi), -pi);
}

// 640 x 480: a pixel is 1/640 of the width and 1/480 of the height.
constexpr int kWidth = 640;
constexpr int kHeight = 480;

TEST(AlignmentRect, ScalePointStraightAboveGivesNoRotation) {
  // 120 px above the centre: side 240 px = 240/640 of the width and 240/480 of the height.
  const NormalizedRect r =
      alignment_rect({0.4f, 0.6f}, {0.4f, 0.6f - 120.0f / kHeight}, kWidth, kHeight);
  EXPECT_FLOAT_EQ(r.x_center, 0.4f);
  EXPECT_FLOAT_EQ(r.y_center, 0.6f);
  EXPECT_NEAR(r.width, 0.375, 1e-6);
  EXPECT_NEAR(r.height, 0.5, 1e-6);
  EXPECT_NEAR(r.rotation_rad, 0.0, 1e-6);
}

// Head to the right of the hips (a body lying with its head to the right): the region's "up"
// must be turned a quarter clockwise on screen (image y down) to point right, so +pi/2.
TEST(AlignmentRect, ScalePointToTheRightTurnsTheRegionAQuarterClockwise) {
  const NormalizedRect r =
      alignment_rect({0.5f, 0.5f}, {0.5f + 90.0f / kWidth, 0.5f}, kWidth, kHeight);
  EXPECT_NEAR(r.rotation_rad, kPi / 2, 1e-6);
  EXPECT_NEAR(r.width, 180.0 / kWidth, 1e-6);
  EXPECT_NEAR(r.height, 180.0 / kHeight, 1e-6);
}

TEST(AlignmentRect, ScalePointToTheLeftTurnsTheRegionAQuarterAnticlockwise) {
  const NormalizedRect r =
      alignment_rect({0.5f, 0.5f}, {0.5f - 90.0f / kWidth, 0.5f}, kWidth, kHeight);
  EXPECT_NEAR(r.rotation_rad, -kPi / 2, 1e-6);
}

TEST(AlignmentRect, ScalePointBelowTurnsTheRegionUpsideDown) {
  const NormalizedRect r =
      alignment_rect({0.5f, 0.5f}, {0.5f, 0.5f + 60.0f / kHeight}, kWidth, kHeight);
  EXPECT_NEAR(r.rotation_rad, -kPi, 1e-6);  // pi, wrapped into [-pi, pi)
}

TEST(AlignmentRect, DiagonalIsMeasuredInPixelsNotNormalisedUnits) {
  // 60 px right and 60 px up: 45 degrees in pixels (in normalised units dx = 0.09375 and
  // dy = 0.125 would give a different angle); distance 60 sqrt(2) px.
  const NormalizedRect r = alignment_rect(
      {0.5f, 0.5f}, {0.5f + 60.0f / kWidth, 0.5f - 60.0f / kHeight}, kWidth, kHeight);
  EXPECT_NEAR(r.rotation_rad, kPi / 4, 1e-6);
  const double side_px = 2 * 60 * std::sqrt(2.0);
  EXPECT_NEAR(r.width, side_px / kWidth, 1e-6);
  EXPECT_NEAR(r.height, side_px / kHeight, 1e-6);
}

// Independent of the formula: turning the crop offset (0, -side/2) (the top edge's midpoint)
// clockwise by the rotation, in pixels, must land on the scale point, whatever its direction.
TEST(AlignmentRect, ScalePointIsTheTopEdgeMidpointInEveryDirection) {
  const NormalizedPoint centre{0.45f, 0.55f};
  for (int degrees = -180; degrees < 180; degrees += 15) {
    const double a = degrees * kPi / 180;  // direction of the scale point, clockwise from up
    const double distance_px = 100;
    const NormalizedPoint scale{static_cast<float>(centre.x + distance_px * std::sin(a) / kWidth),
                                static_cast<float>(centre.y - distance_px * std::cos(a) / kHeight)};
    const NormalizedRect r = alignment_rect(centre, scale, kWidth, kHeight);
    const double half_side_px = r.width * kWidth / 2;
    EXPECT_NEAR(half_side_px, distance_px, 1e-3) << degrees;
    EXPECT_NEAR(r.height * kHeight / 2, distance_px, 1e-3) << degrees;
    // Clockwise on screen with y down: (x, y) -> (x cos r - y sin r, x sin r + y cos r).
    const double ox = 0;
    const double oy = -half_side_px;
    const double c = std::cos(r.rotation_rad);
    const double s = std::sin(r.rotation_rad);
    EXPECT_NEAR(centre.x * kWidth + ox * c - oy * s, scale.x * kWidth, 1e-2) << degrees;
    EXPECT_NEAR(centre.y * kHeight + ox * s + oy * c, scale.y * kHeight, 1e-2) << degrees;
  }
}

TEST(SquareAndScale, AlreadySquareInPixelsIsOnlyScaled) {
  // 240 x 240 px on 640 x 480, times 1.5 -> 360 px.
  const NormalizedRect in{
      .x_center = 0.3f, .y_center = 0.7f, .width = 0.375f, .height = 0.5f, .rotation_rad = 0.25f};
  const NormalizedRect out = square_and_scale(in, kWidth, kHeight, 1.5f);
  EXPECT_NEAR(out.width, 360.0 / kWidth, 1e-6);
  EXPECT_NEAR(out.height, 360.0 / kHeight, 1e-6);
  EXPECT_FLOAT_EQ(out.x_center, 0.3f);
  EXPECT_FLOAT_EQ(out.y_center, 0.7f);
  EXPECT_FLOAT_EQ(out.rotation_rad, 0.25f);
}

TEST(SquareAndScale, KeepsTheLongerSideInPixels) {
  // 320 x 120 px: wider -> 320 x 320 px; times 2 -> 640 x 640 px.
  const NormalizedRect wide{.width = 0.5f, .height = 0.25f};
  const NormalizedRect a = square_and_scale(wide, kWidth, kHeight, 2.0f);
  EXPECT_NEAR(a.width, 1.0, 1e-6);
  EXPECT_NEAR(a.height, 640.0 / kHeight, 1e-6);
  // 64 x 240 px: taller -> 240 x 240 px; times 1 -> unchanged size.
  const NormalizedRect tall{.width = 0.1f, .height = 0.5f};
  const NormalizedRect b = square_and_scale(tall, kWidth, kHeight, 1.0f);
  EXPECT_NEAR(b.width, 240.0 / kWidth, 1e-6);
  EXPECT_NEAR(b.height, 0.5, 1e-6);
  // 0.4 * 640 = 256 px is longer than 0.45 * 480 = 216 px although 0.4 < 0.45 normalised.
  const NormalizedRect tricky{.width = 0.4f, .height = 0.45f};
  const NormalizedRect c = square_and_scale(tricky, kWidth, kHeight, 1.0f);
  EXPECT_NEAR(c.width, 0.4, 1e-6);
  EXPECT_NEAR(c.height, 256.0 / kHeight, 1e-6);
}

TEST(PoseRegion, AlignsSquaresAndEnlargesByOneAndAQuarter) {
  // Scale point 120 px above: side 240 px, times 1.25 = 300 px.
  const NormalizedRect r =
      pose_region({0.5f, 0.5f}, {0.5f, 0.5f - 120.0f / kHeight}, kWidth, kHeight);
  EXPECT_NEAR(r.width, 300.0 / kWidth, 1e-6);
  EXPECT_NEAR(r.height, 300.0 / kHeight, 1e-6);
  EXPECT_NEAR(r.rotation_rad, 0.0, 1e-6);
  EXPECT_FLOAT_EQ(r.x_center, 0.5f);
  EXPECT_FLOAT_EQ(r.y_center, 0.5f);
}

TEST(PoseRegion, LyingBodyHeadRightIsTurnedAQuarterClockwise) {
  // 50 px right of the hips at (0.25, 0.75): side 100 px x 1.25 = 125 px.
  const NormalizedRect r =
      pose_region({0.25f, 0.75f}, {0.25f + 50.0f / kWidth, 0.75f}, kWidth, kHeight);
  EXPECT_NEAR(r.width, 125.0 / kWidth, 1e-6);
  EXPECT_NEAR(r.height, 125.0 / kHeight, 1e-6);
  EXPECT_NEAR(r.rotation_rad, kPi / 2, 1e-6);
  EXPECT_FLOAT_EQ(r.x_center, 0.25f);
  EXPECT_FLOAT_EQ(r.y_center, 0.75f);
}

}  // namespace
}  // namespace openpt::vision
