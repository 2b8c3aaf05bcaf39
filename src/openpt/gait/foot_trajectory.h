// Stride length, foot clearance and heading change from a foot-mounted IMU by strapdown
// integration between zero-velocity instants (ZUPT; docs/gait.md).
//
// For each stride (IC → FC → next IC of one foot) the foot is still at some instant of the
// stance before the swing and of the stance after it. Those instants are found as the
// minimum of a SHOE-like statistic (Skog et al. 2010: angular-rate energy plus the
// accelerometer's variance over a short window). From the first, the tilt comes from
// gravity (yaw 0); the gyroscope, less its bias measured while standing still, is
// integrated to the second (quaternions, orientation.h); the tilt error left at the second
// still instant is spread linearly over the stride; the acceleration is rotated to the
// world, gravity subtracted, integrated to velocity; the velocity left at the second instant
// (which must be zero) is removed as a linear drift (Mariani et al. 2010; Peruzzi, Della
// Croce & Cereatti 2011); velocity is integrated to position.
//   stride length      = horizontal displacement of the sensor between the two instants;
//   clearance          = the sensor's highest point above its height at the first instant
//                        (the sensor's clearance, not the toe's: the toe's needs its
//                        position relative to the sensor, which the IMU does not give);
//   heading change     = rotation about the vertical between the two stances (+ left);
//   in_turn            = |heading change| > turn_threshold_deg.
//
//   auto strides = strides_from_events(events, Side::kLeft);
//   auto zupt = integrate_foot_strides(left_foot, strides, {});
//   if (!zupt) return tl::unexpected(zupt.error());
//   for (const Stride& s : zupt->strides) if (s.length_m > 0) use(s.length_m, s.clearance_m);
//   fmt::print("{} of {} strides measured\n", zupt->count(ZuptStatus::kMeasured), strides.size());
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/core/geometry.h"
#include "openpt/gait/gait_events.h"
#include "openpt/gait/imu.h"

namespace openpt::gait {

struct FootTrajectoryOptions {
  // Still-instant statistic over a window centred on each sample of the stance: mean
  // |ω|² / max_still_gyro_rps² + mean |a − ā|² / max_still_acc_mps2² (ā: the window's mean
  // acceleration). The instant is its minimum; it counts as still when the RMS angular rate
  // is within max_still_gyro_rps, the RMS deviation of the acceleration from ā within
  // max_still_acc_mps2, and |ā| within max_still_acc_mps2 of standard gravity.
  double still_window_s = 0.05;
  double max_still_gyro_rps = 1.0;  // foot flat reads ~0.1–0.5 rad/s in real walking
  double max_still_acc_mps2 = 1.5;
  // The stance after the last stride of a bout is not in `strides`: it is searched from the
  // next IC for this long (else until the FC of the stride that starts at the next IC).
  double last_stance_s = 0.6;
  // Gyroscope bias: the mean rate over the longest stretch of at least bias_still_s in the
  // whole recording where |ω| stays below bias_still_gyro_rps (standing still), subtracted
  // before integrating. Not the stance windows: a foot flat in walking still turns at
  // 0.1–0.8 rad/s in real recordings, which is motion, not bias.
  bool remove_gyro_bias = true;
  double bias_still_s = 1.0;
  double bias_still_gyro_rps = 0.15;
  bool correct_tilt_drift = true;  // spread the end tilt error linearly over the stride
  // Sanity limits: the integration is rejected when the velocity left at the end (before
  // the linear correction) exceeds this, and the length when it is outside the range.
  double max_residual_mps = 1.0;
  double min_length_m = 0.1;
  double max_length_m = 2.5;
  double turn_threshold_deg = 20;  // |heading change| above this marks the stride in_turn
  bool keep_trajectories = false;  // fill ZuptStride::position_m
};

enum class ZuptStatus {
  kMeasured,          // length, clearance and heading set
  kOutsideSignal,     // the stride's stances are not (entirely) within the recording
  kNoStillInstant,    // a stance without a still instant (shuffling, running, bad events)
  kNonFinite,         // NaN or infinite samples between the two still instants
  kResidualTooLarge,  // the end velocity exceeded max_residual_mps: nothing set
  kLengthOutOfRange,  // heading and clearance set, length_m left at −1
};
inline constexpr std::size_t kZuptStatusCount = 6;

// "measured", "outside_signal", "no_still_instant", "non_finite", "residual_too_large",
// "length_out_of_range".
[[nodiscard]] std::string_view zupt_status_name(ZuptStatus status);

// What happened to one stride.
struct ZuptStride {
  ZuptStatus status = ZuptStatus::kOutsideSignal;
  std::size_t start_sample = 0, end_sample = 0;  // the two still instants (when found)
  double residual_mps = 0;                       // |velocity| at the end before correction
  double end_tilt_deg = 0;                       // tilt error at the end before correction
  std::vector<Vec3> position_m;                  // start_sample..end_sample, with keep_trajectories
};

struct FootTrajectoryResult {
  std::vector<Stride> strides;      // the input strides, measured fields filled where possible
  std::vector<ZuptStride> details;  // one per stride, same order
  Vec3 gyro_bias_rps;               // subtracted from every sample (zero when none found)
  double bias_from_s = 0;           // how long the still stretch it came from lasted (0: none)
  [[nodiscard]] std::size_t count(ZuptStatus status) const;
};

// Integrates every stride of `strides` (all of the foot that `foot` is worn on) over the
// foot signal. Strides that cannot be measured keep length_m = clearance_m = −1 and their
// status says why. kBadInput when the signal is not a foot sensor, is malformed (rate,
// lengths), a stride belongs to the other foot, or a stride's times are not finite and
// increasing (ic < fc < next_ic).
[[nodiscard]] Result<FootTrajectoryResult> integrate_foot_strides(
    const ImuSignal& foot, std::vector<Stride> strides, const FootTrajectoryOptions& options = {});

}  // namespace openpt::gait
