// Trajectories for the simulator: minimum-jerk motion profiles and the repetition schedule
// (still pauses before, between and after reps; each rep an outward and a return movement).
//
// `min_jerk(u)` is the minimum-jerk position profile 10u³ − 15u⁴ + 6u⁵ on u ∈ [0, 1]
// (zero velocity and acceleration at both ends; Flash & Hogan 1985). A RepSchedule maps a
// time to the movement's progress: 0 at the start posture, 1 at the turning point of a rep
// (bottom of a squat, standing in a sit-to-stand, arms up in an abduction).
//
//   RepSchedule s = make_rep_schedule({.reps = 5, .rep_duration_s = 3, .pause_s = 1});
//   double p = s.progress(2.5);             // 0 … 1
//   double t_end = s.total_s;               // 5·3 + 6·1 = 21 s
#pragma once

#include <vector>

namespace openpt::motion {

// 10u³ − 15u⁴ + 6u⁵, with u clamped to [0, 1].
double min_jerk(double u);

struct RepScheduleOptions {
  int reps = 5;
  double rep_duration_s = 3.0;    // outward + return
  double pause_s = 1.0;           // still time before the first, between, and after the last rep
  double outward_fraction = 0.5;  // share of a rep spent on the outward movement
  double hold_s = 0.0;            // still time at the turning point, inside rep_duration_s
};

struct RepSchedule {
  RepScheduleOptions options;
  std::vector<double> rep_start_s, rep_end_s;  // movement bounds of each rep
  double total_s = 0;                          // whole recording, pauses included

  // Progress of the movement at time t: 0 during pauses, rising to 1 and back within a rep.
  [[nodiscard]] double progress(double t_s) const;
  // Index of the rep in progress at t, or −1 during a pause.
  [[nodiscard]] int rep_at(double t_s) const;
};

// Options are assumed valid (reps ≥ 1, durations ≥ 0, hold_s < rep_duration_s).
RepSchedule make_rep_schedule(const RepScheduleOptions& options);

}  // namespace openpt::motion
