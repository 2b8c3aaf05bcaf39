// Initial and final contact from a foot-mounted IMU's gyroscope.
//
// The foot's rotation in the sagittal plane carries the gait cycle (Aminian et al. 2002;
// Salarian et al. 2004; Mariani et al. 2013; Trojaniello et al. 2014): a negative dip while
// the foot rolls off the ground (push-off), a long positive hump while it swings forward
// (mid-swing peak), a sharp negative dip when the heel strikes and the foot slaps flat. The
// detector needs no axis convention: the sagittal axis is the gyroscope's principal axis
// (the direction of largest angular-rate variance), and its sign is chosen so that the swing
// hump — the sustained excursion, visible after a 2 Hz low-pass — is positive (positive
// skewness of the low-passed rate). Then, per swing:
//   - mid-swing: a peak of the low-passed rate (≥ `min_swing_peak_rps`, ≥ 0.5 s apart);
//   - final contact (toe-off): midway between the push-off minimum (the lowest rate in the
//     `push_off_window_s` before mid-swing) and the rate's upward zero crossing after it;
//   - initial contact: the first local minimum of the rate after its downward zero
//     crossing at the end of the swing (Salarian et al. 2004) that dips at least
//     `min_contact_dip_rps` below zero — an amplitude threshold as in Aminian et al. 2002,
//     so that noise around zero in a slow end of swing is not taken for the heel strike —
//     or, when no minimum dips that far within `ic_search_s` (a soft landing), the first.
// Swings shorter than `min_swing_s` or longer than `max_swing_s` are rejected and counted.
// A second pass accepts smaller swings (low-passed peak ≥ `min_small_step_peak_rps`) that
// close a walk — a swing before them within 2.5 s, none within 1.5 s after — such as the
// short step that brings the feet together when the patient stops.
// docs/gait.md shows the signals and the evaluation against annotated events.
//
//   auto found = detect_foot_events(left_foot);        // side from the placement
//   if (!found) return tl::unexpected(found.error());
//   for (const GaitEvent& e : found->events) ...;      // FC, IC, FC, IC, ...
#pragma once

#include <cstddef>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/gait/gait_events.h"
#include "openpt/gait/imu.h"

namespace openpt::gait {

struct FootEventOptions {
  double swing_lowpass_hz = 2.0;         // low-pass that keeps the swing hump, drops impacts
  double min_swing_peak_rps = 1.0;       // low-passed mid-swing peak, rad/s (~57 °/s)
  double relative_swing_peak = 0.2;      // and at least this share of a typical swing peak
  double min_small_step_peak_rps = 0.3;  // second pass: small steps in the gaps (0 = off)
  double min_swing_separation_s = 0.5;   // two swings of one foot are at least this far apart
  double peak_refine_s = 0.15;           // raw-rate maximum searched this close to the peak
  double push_off_window_s = 0.5;        // push-off minimum searched this long before mid-swing
  double min_contact_dip_rps = 1.0;      // IC: the first minimum at least this far below 0
  double ic_search_s = 0.3;              // IC searched this long after the zero crossing
  double min_swing_s = 0.15;
  double max_swing_s = 1.2;
};

struct FootEvents {
  Side side = Side::kUnknown;
  std::vector<GaitEvent> events;          // FC and IC, sorted by time
  std::vector<double> mid_swing_t_s;      // one per accepted swing
  Vec3 sagittal_axis;                     // unit vector in the sensor frame (swing positive)
  std::vector<double> sagittal_rate_rps;  // the signal the events come from (for plots)
  std::size_t rejected_swings = 0;
};

[[nodiscard]] Result<FootEvents> detect_foot_events(const ImuSignal& foot,
                                                    const FootEventOptions& options = {});

// The unit eigenvector of the largest eigenvalue of the samples' covariance (sign arbitrary).
[[nodiscard]] Vec3 principal_axis(const std::vector<Vec3>& samples);

}  // namespace openpt::gait
