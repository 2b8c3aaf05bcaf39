#include "openpt/vision/landmark_smoothing.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

namespace openpt::vision {
namespace {

constexpr double kFrame = 1.0 / 30;

TEST(LowPassFilter, FirstValuePassesThenExponentialSmoothing) {
  LowPassFilter f;
  EXPECT_FALSE(f.has_value());
  EXPECT_FLOAT_EQ(f.apply(5, 0.3f), 5);
  EXPECT_TRUE(f.has_value());
  EXPECT_NEAR(f.apply(10, 0.3f), 0.3 * 10 + 0.7 * 5, 1e-6);  // 6.5
  EXPECT_NEAR(f.apply(0, 0.3f), 0.3 * 0 + 0.7 * 6.5, 1e-6);  // 4.55
  EXPECT_NEAR(f.apply(4.55f, 0.9f), 4.55, 1e-6);             // at the stored value
  EXPECT_NEAR(f.apply(-4.55f, 1.0f), -4.55, 1e-6);           // alpha 1: no smoothing
  EXPECT_NEAR(f.apply(100, 0.0f), -4.55, 1e-6);              // alpha 0: holds
  EXPECT_FLOAT_EQ(f.last_raw(), 100);
}

TEST(OneEuroFilter, ConstantInputStaysConstant) {
  OneEuroFilter f({.min_cutoff_hz = 0.05f, .beta = 80});
  for (int i = 0; i < 100; ++i) EXPECT_FLOAT_EQ(f.apply(i * kFrame, 3.25f, 1), 3.25f) << i;
}

// With beta = 0 the cutoff is min_cutoff: a first-order low-pass with
// alpha = 1 / (1 + tau / te), tau = 1 / (2 pi f_c), te the frame interval. A step from 0 to
// 1 at frame 1 then reads 1 - (1 - alpha)^n at frame n.
double one_euro_alpha(double cutoff_hz, double te_s) {
  const double tau = 1 / (2 * std::numbers::pi * cutoff_hz);
  return 1 / (1 + tau / te_s);
}

TEST(OneEuroFilter, StepWithBetaZeroFollowsTheFirstOrderResponse) {
  OneEuroFilter f({.min_cutoff_hz = 1, .beta = 0});
  EXPECT_FLOAT_EQ(f.apply(0, 0, 1), 0);
  const double alpha = one_euro_alpha(1, kFrame);  // 1 / (1 + 30 / (2 pi)) = 0.17317
  EXPECT_NEAR(alpha, 0.17317, 1e-5);
  for (int n = 1; n <= 40; ++n) {
    EXPECT_NEAR(f.apply(n * kFrame, 1, 1), 1 - std::pow(1 - alpha, n), 1e-5) << n;
  }
}

TEST(OneEuroFilter, FrameIntervalComesFromTheTimestamps) {
  // 10 fps, cutoff 2 Hz: alpha = 1 / (1 + (1 / 4pi) / 0.1) = 0.55686; then one 0.05 s
  // interval: alpha = 1 / (1 + (1 / 4pi) / 0.05) = 0.38586.
  OneEuroFilter f({.min_cutoff_hz = 2, .beta = 0});
  f.apply(1.0, 0, 1);
  const double a10 = one_euro_alpha(2, 0.1);
  const double a20 = one_euro_alpha(2, 0.05);
  EXPECT_NEAR(a10, 0.55686, 1e-5);
  double expected = 0;
  for (int n = 1; n <= 5; ++n) {
    expected += a10 * (1 - expected);
    EXPECT_NEAR(f.apply(1.0 + 0.1 * n, 1, 1), expected, 1e-5) << n;
  }
  expected += a20 * (1 - expected);
  EXPECT_NEAR(f.apply(1.55, 1, 1), expected, 1e-5);
}

TEST(OneEuroFilter, FirstStepWithBetaUsesTheSmoothedSpeed) {
  // Step 0 -> 1 at 30 fps with value_scale 2: raw speed (1 - 0) x 2 x 30 = 60 per second;
  // smoothed with the derivative cutoff (1 Hz, alpha 0.17317 from a stored 0): 10.390;
  // cutoff 1 + 0.5 x 10.390 = 6.195 Hz; alpha = 1 / (1 + 30 / (2 pi 6.194)).
  OneEuroFilter f({.min_cutoff_hz = 1, .beta = 0.5f, .derivative_cutoff_hz = 1});
  f.apply(0, 0, 2);
  const double speed = one_euro_alpha(1, kFrame) * 60;
  const double alpha = one_euro_alpha(1 + 0.5 * speed, kFrame);
  EXPECT_NEAR(f.apply(kFrame, 1, 2), alpha, 1e-5);
}

TEST(OneEuroFilter, LargerBetaFollowsAStepFaster) {
  OneEuroFilter slow({.min_cutoff_hz = 1, .beta = 0});
  OneEuroFilter fast({.min_cutoff_hz = 1, .beta = 1});
  slow.apply(0, 0, 1);
  fast.apply(0, 0, 1);
  double slow_error = 0;
  double fast_error = 0;
  for (int n = 1; n <= 10; ++n) {
    slow_error = 1 - slow.apply(n * kFrame, 1, 1);
    fast_error = 1 - fast.apply(n * kFrame, 1, 1);
    EXPECT_LT(fast_error, slow_error) << n;
  }
  EXPECT_NEAR(slow_error, std::pow(1 - one_euro_alpha(1, kFrame), 10), 1e-5);  // 0.15
  EXPECT_LT(fast_error, 0.5 * slow_error);
}

TEST(OneEuroFilter, RepeatedOrEarlierTimestampsReturnTheRawValueAndKeepTheState) {
  OneEuroFilter f({.min_cutoff_hz = 1, .beta = 0});
  const double alpha = one_euro_alpha(1, kFrame);
  f.apply(1.0, 0, 1);
  EXPECT_NEAR(f.apply(1.0 + kFrame, 1, 1), alpha, 1e-6);
  EXPECT_FLOAT_EQ(f.apply(1.0 + kFrame, 5, 1), 5);  // same time
  EXPECT_FLOAT_EQ(f.apply(0.5, 7, 1), 7);           // earlier
  // The next frame continues from the state before the rejected values.
  EXPECT_NEAR(f.apply(1.0 + 2 * kFrame, 1, 1), 1 - std::pow(1 - alpha, 2), 1e-5);
}

TEST(RelativeVelocityFilter, FirstValuePasses) {
  RelativeVelocityFilter f;
  EXPECT_FLOAT_EQ(f.apply(0.2, 3.5f, 1), 3.5f);
  // A constant value: speed 0, alpha 0: stays.
  EXPECT_FLOAT_EQ(f.apply(0.2 + kFrame, 3.5f, 1), 3.5f);
}

// A ramp of speed v (per second, value_scale 1) at 30 fps: every window gives speed v, so
// alpha = 1 - 1 / (1 + s v) is constant and the lag behind the ramp after n frames is
// L (1 - (1 - alpha)^n) with steady state L = d (1 - alpha) / alpha = dt / s, d = v dt.
TEST(RelativeVelocityFilter, SteadyRampLagsByFrameIntervalOverVelocityScale) {
  for (const float s : {1.0f, 10.0f}) {
    RelativeVelocityFilter f({.window = 5, .velocity_scale = s});
    const double v = 2;
    const double alpha = 1 - 1 / (1 + s * v);
    const double steady_lag = kFrame / s;
    f.apply(0, 0, 1);
    for (int n = 1; n <= 30; ++n) {
      const double x = v * n * kFrame;
      const double out = f.apply(n * kFrame, static_cast<float>(x), 1);
      EXPECT_NEAR(x - out, steady_lag * (1 - std::pow(1 - alpha, n)), 1e-5) << s << " " << n;
    }
  }
}

TEST(RelativeVelocityFilter, LargerVelocityScaleLagsLess) {
  RelativeVelocityFilter low({.window = 5, .velocity_scale = 0.5f});
  RelativeVelocityFilter high({.window = 5, .velocity_scale = 20});
  low.apply(0, 0, 1);
  high.apply(0, 0, 1);
  for (int n = 1; n <= 20; ++n) {
    const auto x = static_cast<float>(n * kFrame);
    const double low_lag = x - low.apply(n * kFrame, x, 1);
    const double high_lag = x - high.apply(n * kFrame, x, 1);
    EXPECT_LT(high_lag, low_lag) << n;
    EXPECT_GT(high_lag, 0) << n;
  }
}

TEST(RelativeVelocityFilter, ValueScaleMultipliesTheSpeed) {
  // Same ramp in units 10x larger with value_scale 0.1: identical alpha, lag 10x larger.
  RelativeVelocityFilter a;
  RelativeVelocityFilter b;
  a.apply(0, 0, 1);
  b.apply(0, 0, 0.1f);
  for (int n = 1; n <= 10; ++n) {
    const auto x = static_cast<float>(n * kFrame);
    const double lag_a = x - a.apply(n * kFrame, x, 1);
    const double lag_b = 10 * x - b.apply(n * kFrame, 10 * x, 0.1f);
    EXPECT_NEAR(lag_b, 10 * lag_a, 1e-4) << n;
  }
}

TEST(RelativeVelocityFilter, RepeatedTimestampReturnsTheRawValue) {
  RelativeVelocityFilter f;
  f.apply(1, 0, 1);
  EXPECT_FLOAT_EQ(f.apply(1, 9, 1), 9);
  EXPECT_FLOAT_EQ(f.apply(0.5, -9, 1), -9);
}

// A body of 33 landmarks in a 200 x 400 px box (body size (200 + 400) / 2 = 300 px) on a
// 1280 x 720 frame, plus the 6 auxiliary ones inside it.
constexpr int kW = 1280;
constexpr int kH = 720;
constexpr double kBodySizePx = 300;

struct Pose {
  PoseLandmarks image;
  PoseWorldLandmarks world;
};

Pose body_at(double left_px, double top_px) {
  Pose p;
  for (std::size_t i = 0; i < p.image.size(); ++i) {
    const double fx = static_cast<double>(i % 5) / 4;  // 0 .. 1 across the box
    const double fy = static_cast<double>(i % 7) / 6;
    p.image[i] = {static_cast<float>((left_px + 200 * fx) / kW),
                  static_cast<float>((top_px + 400 * fy) / kH),
                  static_cast<float>((50 * fx - 25) / kW), 0.9f, 0.95f};
    p.world[i] = {static_cast<float>(0.4 * fx - 0.2), static_cast<float>(0.8 * fy - 0.4),
                  static_cast<float>(0.1 * fx)};
  }
  return p;
}

double stddev(const std::vector<double>& v) {
  double mean = 0;
  for (const double x : v) mean += x;
  mean /= static_cast<double>(v.size());
  double sq = 0;
  for (const double x : v) sq += (x - mean) * (x - mean);
  return std::sqrt(sq / static_cast<double>(v.size()));
}

// Alternating +-0.5 px jitter: the raw speed is 1 px / 300 px x 30 = 0.1 per second, smoothed
// (alpha 0.173) to about +-0.0095, so the cutoff is about 0.05 + 80 x 0.0095 = 0.81 Hz and
// alpha about 0.145; an exponential filter turns +-A into +-A alpha / (2 - alpha), about
// +-0.04 px: the jitter shrinks about 12-fold.
TEST(PoseSmoother, StillPoseJitterIsReducedByALargeFactor) {
  PoseSmoother smoother;
  std::vector<double> in_x;
  std::vector<double> out_x;
  std::vector<double> in_y;
  std::vector<double> out_y;
  for (int n = 0; n < 150; ++n) {
    const double jitter = n % 2 == 0 ? 0.5 : -0.5;
    Pose p = body_at(500 + jitter, 150 - jitter);
    const double raw_x = p.image[11].x * kW;
    const double raw_y = p.image[11].y * kH;
    smoother.apply(p.image, p.world, n * kFrame, kW, kH);
    if (n >= 90) {
      in_x.push_back(raw_x);
      out_x.push_back(p.image[11].x * kW);
      in_y.push_back(raw_y);
      out_y.push_back(p.image[11].y * kH);
    }
  }
  EXPECT_NEAR(stddev(in_x), 0.5, 1e-3);
  EXPECT_LT(stddev(out_x), stddev(in_x) / 8);
  EXPECT_LT(stddev(out_y), stddev(in_y) / 8);
  // ... and stays on the mean position.
  const Pose mean = body_at(500, 150);
  EXPECT_NEAR(out_x.back(), mean.image[11].x * kW, 0.2);
  EXPECT_NEAR(out_y.back(), mean.image[11].y * kH, 0.2);
}

// 20 px per frame (600 px/s, 2 body sizes per second): speed 2 per second, cutoff towards
// 0.05 + 80 x 2 = 160 Hz, alpha 0.97, steady lag about 0.6 px.
TEST(PoseSmoother, FastMovingPoseIsFollowedWithinAFewPercentOfTheBodySize) {
  PoseSmoother smoother;
  double last_error_px = 0;
  for (int n = 0; n < 30; ++n) {
    Pose p = body_at(100 + 20.0 * n, 150 + 5.0 * n);
    const Pose raw = p;
    smoother.apply(p.image, p.world, n * kFrame, kW, kH);
    if (n < 5) continue;
    for (std::size_t i = 0; i < kPoseLandmarkCount; ++i) {
      const double error_px =
          std::hypot((p.image[i].x - raw.image[i].x) * kW, (p.image[i].y - raw.image[i].y) * kH);
      EXPECT_LT(error_px, 0.02 * kBodySizePx) << n << " " << i;
      last_error_px = error_px;
    }
  }
  // Steady state: x at speed 2 / s, cutoff 160.05 Hz, alpha 0.97103, lag 20 x 0.02897 /
  // 0.97103 = 0.597 px; y at 0.5 / s, cutoff 40.05 Hz, alpha 0.89348, lag 0.596 px; together
  // 0.843 px (the derivative filter has not quite settled after 29 frames: 0.827^29 = 0.4 %).
  EXPECT_NEAR(last_error_px, 0.843, 0.01);
}

// The auxiliary landmarks 33 and 34 go through the relative velocity filter with speeds in
// units of their own box: 33 is at (0.75, 5/6) and 34 at (1, 1) of the 200 x 400 px body box,
// so their box is 50 x 66.7 px, size 58.3 px, and a steady ramp lags by
// dt / velocity_scale x 58.3 px = 0.194 px.
TEST(PoseSmoother, AuxiliaryLandmarksUseTheVelocityFilterInTheirOwnSize) {
  constexpr double kPairSizePx = (0.25 * 200 + 400.0 / 6) / 2;
  PoseSmoother smoother;
  double lag_px = 0;
  for (int n = 0; n < 40; ++n) {
    Pose p = body_at(100 + 12.0 * n, 150);
    const float raw_x = p.image[34].x;
    smoother.apply(p.image, p.world, n * kFrame, kW, kH);
    lag_px = (raw_x - p.image[34].x) * kW;
  }
  EXPECT_NEAR(lag_px, kFrame / 10 * kPairSizePx, 0.005);
}

TEST(PoseSmoother, ResetMakesTheNextValuePassUnchanged) {
  PoseSmoother smoother;
  for (int n = 0; n < 10; ++n) {
    Pose p = body_at(300, 100);
    smoother.apply(p.image, p.world, n * kFrame, kW, kH);
  }
  smoother.reset();
  Pose moved = body_at(900, 300);
  for (auto& lm : moved.image) lm.visibility = 0.2f;
  const Pose raw = moved;
  smoother.apply(moved.image, moved.world, 10 * kFrame, kW, kH);
  for (std::size_t i = 0; i < moved.image.size(); ++i) {
    EXPECT_FLOAT_EQ(moved.image[i].x, raw.image[i].x) << i;
    EXPECT_FLOAT_EQ(moved.image[i].y, raw.image[i].y) << i;
    EXPECT_FLOAT_EQ(moved.image[i].z, raw.image[i].z) << i;
    EXPECT_FLOAT_EQ(moved.image[i].visibility, raw.image[i].visibility) << i;
  }
  for (std::size_t i = 0; i < kPoseLandmarkCount; ++i) {
    EXPECT_FLOAT_EQ(moved.world[i].x, raw.world[i].x) << i;
    EXPECT_FLOAT_EQ(moved.world[i].y, raw.world[i].y) << i;
  }
}

TEST(PoseSmoother, WithoutResetAJumpIsSmoothed) {
  PoseSmoother smoother;
  for (int n = 0; n < 10; ++n) {
    Pose p = body_at(300, 100);
    smoother.apply(p.image, p.world, n * kFrame, kW, kH);
  }
  Pose moved = body_at(900, 300);
  const Pose raw = moved;
  smoother.apply(moved.image, moved.world, 10 * kFrame, kW, kH);
  // Landmark 0 jumps 300 -> 900 px: speed 600 / 300 x 30 = 60 per second, smoothed from 0
  // with alpha 0.17317 to 10.390; cutoff 0.05 + 80 x 10.390 = 831.3 Hz; alpha
  // 1 / (1 + 30 / (2 pi 831.3)) = 0.99429: 300 + 0.99429 x 600 = 896.57 px.
  EXPECT_NEAR(moved.image[0].x * kW, 896.57, 0.02);
  EXPECT_LT(moved.image[0].x * kW, raw.image[0].x * kW - 1);
}

TEST(PoseSmoother, VisibilityConvergesWithAlphaPointOne) {
  PoseSmoother smoother;
  Pose p = body_at(300, 100);
  for (auto& lm : p.image) lm.visibility = 0;
  smoother.apply(p.image, p.world, 0, kW, kH);
  EXPECT_FLOAT_EQ(p.image[0].visibility, 0);
  for (int n = 1; n <= 30; ++n) {
    Pose q = body_at(300, 100);
    for (auto& lm : q.image) lm.visibility = 1;
    smoother.apply(q.image, q.world, n * kFrame, kW, kH);
    const double expected = 1 - std::pow(0.9, n);  // 0.1, 0.19, 0.271, ...
    for (std::size_t i = 0; i < kPoseLandmarkCount; ++i) {
      EXPECT_NEAR(q.image[i].visibility, expected, 1e-5) << n << " " << i;
    }
  }
}

TEST(PoseSmoother, StillPoseIsUnchangedIncludingWorldLandmarks) {
  PoseSmoother smoother;
  const Pose still = body_at(400, 200);
  for (int n = 0; n < 20; ++n) {
    Pose p = still;
    smoother.apply(p.image, p.world, n * kFrame, kW, kH);
    for (std::size_t i = 0; i < p.image.size(); ++i) {
      EXPECT_NEAR(p.image[i].x, still.image[i].x, 1e-6) << n << " " << i;
      EXPECT_NEAR(p.image[i].y, still.image[i].y, 1e-6) << n << " " << i;
      EXPECT_NEAR(p.image[i].z, still.image[i].z, 1e-6) << n << " " << i;
    }
    for (std::size_t i = 0; i < kPoseLandmarkCount; ++i) {
      EXPECT_NEAR(p.world[i].x, still.world[i].x, 1e-6) << n << " " << i;
      EXPECT_NEAR(p.world[i].z, still.world[i].z, 1e-6) << n << " " << i;
    }
  }
}

}  // namespace
}  // namespace openpt::vision
