// Orientation of an IMU from its own signals, as a unit quaternion world ← sensor (world: z
// up, yaw arbitrary but fixed). Three pieces (docs/gait.md):
//  - tilt from gravity: while the sensor is still its accelerometer reads +g along the world
//    vertical, which fixes roll and pitch; the yaw is left at zero (the rotation that tilts
//    the measured vertical onto +z about a horizontal axis);
//  - strapdown integration of the gyroscope between samples (trapezoidal rate with the
//    second-order coning term, Savage 1998), for short stretches such as one stride;
//  - a complementary filter (Mahony, Hamel & Pflimlin 2008) that pulls the integrated
//    attitude towards the accelerometer's vertical when |acc| is near g, for long
//    recordings without rest (lower back). Yaw is never corrected (no magnetometer).
//
//   Eigen::Quaterniond q = tilt_from_acc(mean_acc_while_still);
//   for (std::size_t k = s; k < e; ++k) q = integrate_gyro(q, gyr[k], gyr[k + 1], 1 / rate);
//   double turn_deg = heading_change_rad(q_start, q) * kRadToDeg;    // + counter-clockwise
//   std::vector<Eigen::Quaterniond> track = estimate_orientation(back).value();
//   Vec3 up = rotate(track[k].conjugate(), {0, 0, 1});               // vertical, sensor frame
#pragma once

#include <Eigen/Geometry>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/core/geometry.h"
#include "openpt/gait/imu.h"

namespace openpt::gait {

// The rotation world ← sensor that maps the direction of `acc` (a specific force measured at
// rest) onto +z with no rotation about the vertical. `acc` must be non-zero and finite
// (asserted).
[[nodiscard]] Eigen::Quaterniond tilt_from_acc(const Vec3& acc);

// One strapdown step: the orientation one sample later, given the angular rates (rad/s,
// sensor frame) at both samples and the sample interval.
[[nodiscard]] Eigen::Quaterniond integrate_gyro(const Eigen::Quaterniond& q, const Vec3& w0,
                                                const Vec3& w1, double dt_s);

// Rotation about the world vertical from `from` to `to` (both world ← sensor), in
// (−π, π], + counter-clockwise seen from above: the twist about z of to · from⁻¹.
[[nodiscard]] double heading_change_rad(const Eigen::Quaterniond& from,
                                        const Eigen::Quaterniond& to);

// q applied to v.
[[nodiscard]] Vec3 rotate(const Eigen::Quaterniond& q, const Vec3& v);

struct OrientationOptions {
  double gravity_mps2 = kStandardGravity;
  // Initial tilt from the mean acceleration over this long a start (the recording should
  // begin still; otherwise the filter converges within a few 1 / kp seconds).
  double initial_s = 0.5;
  // Gains (tuned on the synthetic walking lower back: smaller kp follows the gyro bias,
  // larger kp follows the walking accelerations).
  double kp = 0.5;   // 1/s: proportional gain towards the accelerometer's vertical
  double ki = 0.05;  // 1/s²: integral gain (absorbs a constant gyro bias); 0 = off
  // The accelerometer corrects only samples with | |acc| − g | below this (m/s²).
  double acc_gate_mps2 = 2.0;
};

// Orientation at every sample of `signal` by the complementary filter. Non-finite samples
// leave the orientation unchanged. kBadInput when the signal is empty, its rate is not
// positive, its gyro and acc lengths differ, or it has no finite sample in the start window.
[[nodiscard]] Result<std::vector<Eigen::Quaterniond>> estimate_orientation(
    const ImuSignal& signal, const OrientationOptions& options = {});

}  // namespace openpt::gait
