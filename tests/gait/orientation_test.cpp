// Orientation helpers (orientation.h): tilt from gravity, one strapdown step against exact
// rotations, heading change of a twist, and the complementary filter on the synthetic lower
// back (simulate_gait.h), whose true orientation is known at every sample.
#include "openpt/gait/orientation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "openpt/gait/simulate_gait.h"

namespace openpt::gait {
namespace {

using Eigen::AngleAxisd;
using Eigen::Quaterniond;
using Eigen::Vector3d;

Vec3 up_in_sensor(const Quaterniond& world_from_sensor) {
  return rotate(world_from_sensor.conjugate(), {0, 0, 1});
}

TEST(Orientation, TiltFromAccMapsTheMeasuredVerticalUpWithoutYaw) {
  for (const Vec3 acc : {Vec3{0, 0, 9.8}, Vec3{3, -4, 8}, Vec3{-9.8, 0, 0}, Vec3{0.1, 0.2, -9.7}}) {
    const Quaterniond q = tilt_from_acc(acc);
    const Vec3 up = rotate(q, acc / norm(acc));
    EXPECT_NEAR(up.x, 0, 1e-12);
    EXPECT_NEAR(up.y, 0, 1e-12);
    EXPECT_NEAR(up.z, 1, 1e-12);
    // The rotation axis is horizontal: no twist about the vertical.
    EXPECT_NEAR(q.z(), 0, 1e-12);
  }
}

TEST(Orientation, ConstantRateIntegratesToTheExactRotation) {
  const Vector3d axis = Vector3d(1, -2, 0.5).normalized();
  const double rate = 3.0, dt = 0.01;
  const Vec3 w{axis.x() * rate, axis.y() * rate, axis.z() * rate};
  Quaterniond q = Quaterniond::Identity();
  for (int k = 0; k < 100; ++k) q = integrate_gyro(q, w, w, dt);
  EXPECT_LT(q.angularDistance(Quaterniond(AngleAxisd(rate * 1.0, axis))), 1e-10);
}

// A rotation about a moving axis (coning): rates from the exact body-frame angular velocity
// of R(t) = Rz(a t) · Rx(b t). The step is second order: halving the step quarters the
// error (local error ~dt³ ω̈ / 12: 4e-4 rad after 1 s at 100 Hz for these rates).
TEST(Orientation, VaryingRatesFollowTheTrueRotationToSecondOrder) {
  const double a = 2.0, b = 5.0;
  auto truth = [&](double t) {
    return Quaterniond(AngleAxisd(a * t, Vector3d::UnitZ()) * AngleAxisd(b * t, Vector3d::UnitX()));
  };
  auto body_rate = [&](double t) {  // ω_body = Rx(bt)ᵀ (a ẑ) + b x̂
    const Vector3d w =
        AngleAxisd(b * t, Vector3d::UnitX()).inverse() * Vector3d(0, 0, a) + Vector3d(b, 0, 0);
    return Vec3{w.x(), w.y(), w.z()};
  };
  auto error_after_1s = [&](int steps) {
    const double dt = 1.0 / steps;
    Quaterniond q = truth(0);
    for (int k = 0; k < steps; ++k) {
      q = integrate_gyro(q, body_rate(k * dt), body_rate((k + 1) * dt), dt);
    }
    return q.angularDistance(truth(1.0));
  };
  const double coarse = error_after_1s(100), fine = error_after_1s(200);
  EXPECT_LT(coarse, 1e-3);
  EXPECT_NEAR(coarse / fine, 4, 0.5);
}

TEST(Orientation, HeadingChangeIsTheTwistAboutTheVertical) {
  const Quaterniond tilt(AngleAxisd(0.4, Vector3d(1, 1, 0).normalized()));
  const Quaterniond from = tilt;
  for (double deg : {30.0, -75.0, 179.0, -179.0}) {
    const Quaterniond to = Quaterniond(AngleAxisd(deg * kDegToRad, Vector3d::UnitZ())) * from;
    EXPECT_NEAR(heading_change_rad(from, to) * kRadToDeg, deg, 1e-9);
  }
  // 190° counter-clockwise is 170° clockwise.
  const Quaterniond to = Quaterniond(AngleAxisd(190 * kDegToRad, Vector3d::UnitZ())) * from;
  EXPECT_NEAR(heading_change_rad(from, to) * kRadToDeg, -170, 1e-9);
  // A pure tilt has no heading change.
  EXPECT_NEAR(heading_change_rad(Quaterniond::Identity(), tilt), 0, 1e-12);
}

// The lower back walking 12 strides with a 180° turn, the sensor mounted at random, with
// noise and a 1 °/s gyro bias. The accelerometer's apparent vertical is tilted by the
// walking accelerations (±1–3 m/s² at step frequency, the push of gait initiation, the
// centripetal acceleration of the turn: up to ~6°), which the filter follows in part, so
// its vertical stays within 5° of the truth (measured 2.7–4.3° for seeds 4–6, mean
// 1.3–2.4°) and returns within 1.5° after two seconds of standing; the gyroscope alone
// drifts with the bias.
TEST(Orientation, ComplementaryFilterTracksTheVerticalOfTheWalkingBack) {
  GaitSimOptions o;
  o.strides = 12;
  o.turn = true;
  o.random_mounting = true;
  o.seed = 4;
  o.left_foot = o.right_foot = false;
  o.acc_noise_mps2 = 0.05;
  o.gyr_noise_rps = 0.01;
  o.gyr_bias_rps = 1 * kDegToRad;
  const auto sim = simulate_gait(o).value();
  const ImuSignal& back = sim.recording.sensors[0];
  const SensorTruth& truth = sim.truth[0];
  const auto track = estimate_orientation(back).value();
  ASSERT_EQ(track.size(), back.size());
  OrientationOptions gyro_only;
  gyro_only.kp = gyro_only.ki = 0;
  const auto drifting = estimate_orientation(back, gyro_only).value();
  double worst = 0, mean = 0, worst_drift = 0;
  for (std::size_t k = 0; k < back.size(); ++k) {
    const Vec3 want = up_in_sensor(truth.world_from_sensor[k]);
    const double error = angle_between_deg(up_in_sensor(track[k]), want);
    worst = std::max(worst, error);
    mean += error / static_cast<double>(back.size());
    worst_drift = std::max(worst_drift, angle_between_deg(up_in_sensor(drifting[k]), want));
  }
  const double at_end =
      angle_between_deg(up_in_sensor(track.back()), up_in_sensor(truth.world_from_sensor.back()));
  std::printf("  vertical error: filter worst %.2f° mean %.2f° end %.2f°, gyro only %.2f°\n", worst,
              mean, at_end, worst_drift);
  EXPECT_LT(worst, 5.0);
  EXPECT_LT(mean, 2.5);
  EXPECT_LT(at_end, 1.5);
  EXPECT_GT(worst_drift, 1.5 * worst);
}

TEST(Orientation, BadSignalsAreErrorsAndNaNsHoldTheOrientation) {
  ImuSignal s;
  s.source = "back.csv";
  s.sample_rate_hz = 100;
  EXPECT_FALSE(estimate_orientation(s).has_value());  // empty
  s.acc_mps2.assign(50, Vec3{0, 0, kStandardGravity});
  s.gyr_rps.assign(49, Vec3{});
  auto r = estimate_orientation(s);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where, "back.csv");
  s.gyr_rps.assign(50, Vec3{0, 0, 1});
  s.sample_rate_hz = 0;
  EXPECT_FALSE(estimate_orientation(s).has_value());
  s.sample_rate_hz = 100;
  s.acc_mps2.assign(50, Vec3{NAN, 0, 0});
  EXPECT_FALSE(estimate_orientation(s).has_value());  // no vertical at the start
  // A NaN gyro sample: the orientation is held over the steps that touch it.
  s.acc_mps2.assign(50, Vec3{0, 0, kStandardGravity});
  s.gyr_rps[20].z = NAN;
  r = estimate_orientation(s);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ((*r)[20].coeffs(), (*r)[19].coeffs());
  EXPECT_EQ((*r)[21].coeffs(), (*r)[20].coeffs());
  // 1 rad/s for 49 steps, two of them skipped: 0.47 rad.
  EXPECT_NEAR(heading_change_rad((*r)[0], r->back()), 0.47, 1e-9);
}

}  // namespace
}  // namespace openpt::gait
