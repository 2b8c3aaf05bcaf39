// Turns from the angular rate about the vertical (yaw rate, earth frame) of a trunk or
// lower-back IMU, after El-Gohary et al. 2014 (Sensors 14:356–369, "Continuous monitoring
// of turning in patients with movement disability") and Salarian et al. 2010 (IEEE TNSRE
// 18:303, iTUG):
//   1. the yaw rate is low-passed (zero-phase Butterworth, `lowpass_hz` = 1.5 Hz), which
//      keeps the turn and suppresses most of the stride-frequency pelvis rotation;
//   2. a turn candidate is a contiguous span where |rate| stays above `boundary_rate_dps`
//      (5 °/s) with one sign, and whose peak |rate| exceeds `min_peak_rate_dps` (15 °/s);
//   3. it is a turn when its angle ∫ rate dt is at least `min_angle_deg` (45°) and it lasts
//      `min_duration_s`–`max_duration_s` (0.5–10 s).
// The pelvis's own rotation (±4–8° per stride) never turns 45° in one direction, so
// straight walking gives no turn.
//
//   auto earth = earth_frame_signals(back).value();            // lower_back_events.h
//   for (const Turn& t : detect_turns(earth.yaw_rate_rps, back.sample_rate_hz, back.t0_s))
//     fmt::print("{:+.0f}° from {:.1f} to {:.1f} s\n", t.angle_deg, t.start_s, t.end_s);
#pragma once

#include <span>
#include <vector>

namespace openpt::gait {

struct TurnOptions {
  double lowpass_hz = 1.5;
  double boundary_rate_dps = 5;   // a turn starts and ends where |rate| crosses this
  double min_peak_rate_dps = 15;  // and peaks above this
  double min_angle_deg = 45;
  double min_duration_s = 0.5;
  double max_duration_s = 10;
};

struct Turn {
  double start_s = 0, end_s = 0;  // seconds from the recording's origin
  double angle_deg = 0;           // + counter-clockwise seen from above (left turn)
  double peak_rate_dps = 0;       // largest |rate|, low-passed

  [[nodiscard]] double duration_s() const { return end_s - start_s; }
};

// Turns in a yaw-rate series (rad/s, uniformly sampled at `sample_rate_hz`, sample 0 at
// `t0_s`), in time order.
[[nodiscard]] std::vector<Turn> detect_turns(std::span<const double> yaw_rate_rps,
                                             double sample_rate_hz, double t0_s,
                                             const TurnOptions& options = {});

}  // namespace openpt::gait
