#include "openpt/motion/angle_stream.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace openpt::motion {
namespace {

std::size_t idx(Joint j) {
  return static_cast<std::size_t>(j);
}

// Kinect-like frame (y up, left = +x, facing +z): straight legs except the left knee.
BodyPoints stance(double left_knee_deg, double jitter_m, std::mt19937& rng) {
  std::normal_distribution<double> noise(0, jitter_m);
  auto j = [&](Vec3 v) { return v + Vec3{noise(rng), noise(rng), noise(rng)}; };
  BodyPoints b;
  for (auto& v : b.at) v = {NAN, NAN, NAN};
  b.up = {0, 1, 0};
  const double k = left_knee_deg * kDegToRad;
  b.at[idx(Joint::kLeftHip)] = j({0.1, 0.9, 0});
  b.at[idx(Joint::kRightHip)] = j({-0.1, 0.9, 0});
  b.at[idx(Joint::kLeftShoulder)] = j({0.18, 1.4, 0});
  b.at[idx(Joint::kRightShoulder)] = j({-0.18, 1.4, 0});
  b.at[idx(Joint::kLeftKnee)] = j({0.1, 0.5, 0});
  b.at[idx(Joint::kLeftAnkle)] = j(Vec3{0.1, 0.5, 0} + Vec3{0, -std::cos(k), -std::sin(k)} * 0.4);
  b.at[idx(Joint::kRightKnee)] = j({-0.1, 0.5, 0});
  b.at[idx(Joint::kRightAnkle)] = j({-0.1, 0.1, 0});
  return b;
}

TEST(AngleStream, SmoothsJitterAtRest) {
  std::mt19937 rng(3);
  AngleStream stream;
  std::vector<double> raw, smooth;
  for (int i = 0; i < 300; ++i) {
    const BodyPoints b = stance(40, 0.005, rng);
    raw.push_back(frame_angles(b)[0]);
    smooth.push_back(stream.push(b, i / 30.0)[0]);
  }
  auto spread = [](const std::vector<double>& v) {
    double mean = 0, sq = 0;
    for (std::size_t i = 100; i < v.size(); ++i) mean += v[i];
    mean /= static_cast<double>(v.size() - 100);
    for (std::size_t i = 100; i < v.size(); ++i) sq += (v[i] - mean) * (v[i] - mean);
    return std::sqrt(sq / static_cast<double>(v.size() - 100));
  };
  EXPECT_LT(spread(smooth), 0.5 * spread(raw));
  EXPECT_NEAR(smooth.back(), 40, 2.0);
}

TEST(AngleStream, FollowsAMovementWithLittleLag) {
  std::mt19937 rng(4);
  AngleStream stream;
  double last = 0;
  for (int i = 0; i <= 30; ++i) {  // 0 → 90° in one second
    last = stream.push(stance(3.0 * i, 0.0, rng), i / 30.0)[0];
  }
  EXPECT_GT(last, 80.0);
  EXPECT_LE(last, 90.0 + 1e-9);
}

TEST(AngleStream, MissingJointGivesNaNAndResetClears) {
  std::mt19937 rng(5);
  AngleStream stream;
  BodyPoints b = stance(20, 0, rng);
  EXPECT_NEAR(stream.push(b, 0)[0], 20, 1e-9);
  b.at[idx(Joint::kLeftAnkle)] = {NAN, NAN, NAN};
  EXPECT_TRUE(std::isnan(stream.push(b, 1 / 30.0)[0]));
  stream.reset();
  EXPECT_TRUE(std::isnan(stream.push(b, 2 / 30.0)[0]));
}

}  // namespace
}  // namespace openpt::motion
