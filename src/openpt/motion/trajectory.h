// Trajectories for the simulator: minimum-jerk motion profiles and the repetition schedule
// (an optional lead-in, still pauses before, between and after reps, each rep an outward
// and a return movement, an optional lead-out).
//
// `min_jerk(u)` is the minimum-jerk position profile 10u³ − 15u⁴ + 6u⁵ on u ∈ [0, 1]
// (zero velocity and acceleration at both ends; Flash & Hogan 1985). A RepSchedule maps a
// time to the movement's progress: 0 at the start posture, 1 at the turning point of a rep
// (bottom of a squat, standing in a sit-to-stand, arms up in an abduction). Every rep has
// its own timing (duration, share spent going out, hold at the turning point, and a lag of
// one side behind the other), so schedules can mix slow and fast reps.
//
//   RepSchedule s = make_rep_schedule({.reps = 5, .rep_duration_s = 3, .pause_s = 1});
//   double p = s.progress(2.5);             // 0 … 1
//   double t_end = s.total_s;               // 5·3 + 6·1 = 21 s
//   std::vector<RepTiming> timing(3, RepTiming{.duration_s = 2});
//   timing[1].right_delay_s = 0.3;          // the right side lags in rep 2
//   RepSchedule t = make_rep_schedule(timing, {.pause_s = 1, .lead_in_s = 4});
#pragma once

#include <span>
#include <vector>

namespace openpt::motion {

// 10u³ − 15u⁴ + 6u⁵, with u clamped to [0, 1].
double min_jerk(double u);

// Out and back with min-jerk profiles: 0 at u = 0, 1 at u = out_fraction, 0 at u = 1.
double out_and_back(double u, double out_fraction = 0.5);

enum class Phase { kStill, kOutward, kHold, kReturn };

struct RepTiming {
  double duration_s = 3.0;        // outward + hold + return of the leading side
  double outward_fraction = 0.5;  // share of the moving time (duration − hold) going out
  double hold_s = 0.0;            // still time at the turning point, inside duration_s
  // Timing asymmetry: + the right side moves this much later than the left, − the left
  // later than the right. The rep then lasts duration_s + |right_delay_s|.
  double right_delay_s = 0.0;
};

struct RepScheduleOptions {
  int reps = 5;
  double rep_duration_s = 3.0;    // outward + return
  double pause_s = 1.0;           // still time before the first, between, and after the last rep
  double outward_fraction = 0.5;  // share of a rep spent on the outward movement
  double hold_s = 0.0;            // still time at the turning point, inside rep_duration_s
};

struct ScheduleFrame {
  double pause_s = 1.0;     // still time before the first, between, and after the last rep
  double lead_in_s = 0.0;   // time before the first pause (set-up)
  double lead_out_s = 0.0;  // time after the last pause (walking away)
};

struct RepSchedule {
  std::vector<RepTiming> timing;  // per rep
  // Per rep: movement start, turning point of the leading side (the middle of the hold),
  // and end (both sides back at the start posture).
  std::vector<double> rep_start_s, rep_turn_s, rep_end_s;
  double reps_end_s = 0;  // end of the pause after the last rep (start of the lead-out)
  double total_s = 0;     // whole recording: lead-in, reps and pauses, lead-out

  // Progress of the left side at time t: 0 outside reps, rising to 1 and back within one.
  [[nodiscard]] double progress(double t_s) const { return side_progress(t_s, false); }
  // Progress of one side (the right side is delayed by the rep's right_delay_s).
  [[nodiscard]] double side_progress(double t_s, bool right) const;
  // Phase of the leading side at t (kStill outside reps; kReturn while the lagging side
  // finishes).
  [[nodiscard]] Phase phase(double t_s) const;
  // Index of the rep in progress at t, or −1 outside reps.
  [[nodiscard]] int rep_at(double t_s) const;
};

// Options are assumed valid (reps ≥ 1, durations > 0, pause ≥ 0, hold_s < rep_duration_s).
RepSchedule make_rep_schedule(const RepScheduleOptions& options);

// One rep per entry of `reps`, each valid (duration > 0, 0 ≤ hold < duration).
RepSchedule make_rep_schedule(std::span<const RepTiming> reps, const ScheduleFrame& frame);

}  // namespace openpt::motion
