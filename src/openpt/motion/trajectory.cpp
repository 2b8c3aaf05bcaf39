#include "openpt/motion/trajectory.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace openpt::motion {

namespace {

struct Split {
  double out_s, hold_s, back_s;
};

Split split(const RepTiming& r) {
  const double moving_s = r.duration_s - r.hold_s;
  const double out_s = moving_s * std::clamp(r.outward_fraction, 0.05, 0.95);
  return {out_s, r.hold_s, moving_s - out_s};
}

// Progress within one rep's own movement, u seconds after it started.
double rep_profile(const RepTiming& r, double u) {
  if (u < 0 || u >= r.duration_s) return 0.0;
  const Split s = split(r);
  if (u < s.out_s) return min_jerk(u / s.out_s);
  if (u < s.out_s + s.hold_s) return 1.0;
  return 1.0 - min_jerk((u - s.out_s - s.hold_s) / s.back_s);
}

}  // namespace

double min_jerk(double u) {
  u = std::clamp(u, 0.0, 1.0);
  const double u3 = u * u * u;
  return u3 * (10.0 + u * (-15.0 + 6.0 * u));
}

double out_and_back(double u, double out_fraction) {
  if (u <= 0 || u >= 1) return 0.0;
  if (u < out_fraction) return min_jerk(u / out_fraction);
  return 1.0 - min_jerk((u - out_fraction) / (1.0 - out_fraction));
}

RepSchedule make_rep_schedule(const RepScheduleOptions& options) {
  assert(options.reps >= 1);
  const std::vector<RepTiming> reps(static_cast<std::size_t>(options.reps),
                                    RepTiming{.duration_s = options.rep_duration_s,
                                              .outward_fraction = options.outward_fraction,
                                              .hold_s = options.hold_s});
  return make_rep_schedule(reps, {.pause_s = options.pause_s});
}

RepSchedule make_rep_schedule(std::span<const RepTiming> reps, const ScheduleFrame& frame) {
  assert(frame.pause_s >= 0 && frame.lead_in_s >= 0 && frame.lead_out_s >= 0);
  RepSchedule s;
  s.timing.assign(reps.begin(), reps.end());
  double t = frame.lead_in_s + frame.pause_s;
  for (const RepTiming& r : reps) {
    assert(r.duration_s > 0 && r.hold_s >= 0 && r.hold_s < r.duration_s);
    const Split sp = split(r);
    s.rep_start_s.push_back(t);
    s.rep_turn_s.push_back(t + sp.out_s + 0.5 * sp.hold_s);
    t += r.duration_s + std::abs(r.right_delay_s);
    s.rep_end_s.push_back(t);
    t += frame.pause_s;
  }
  s.reps_end_s = t;
  s.total_s = t + frame.lead_out_s;
  return s;
}

int RepSchedule::rep_at(double t_s) const {
  const auto it = std::upper_bound(rep_start_s.begin(), rep_start_s.end(), t_s);
  if (it == rep_start_s.begin()) return -1;
  const auto r = static_cast<std::size_t>(it - rep_start_s.begin() - 1);
  return t_s < rep_end_s[r] ? static_cast<int>(r) : -1;
}

double RepSchedule::side_progress(double t_s, bool right) const {
  const int r = rep_at(t_s);
  if (r < 0) return 0.0;
  const auto i = static_cast<std::size_t>(r);
  const RepTiming& timing_r = timing[i];
  const double delay =
      right ? std::max(0.0, timing_r.right_delay_s) : std::max(0.0, -timing_r.right_delay_s);
  return rep_profile(timing_r, t_s - rep_start_s[i] - delay);
}

Phase RepSchedule::phase(double t_s) const {
  const int r = rep_at(t_s);
  if (r < 0) return Phase::kStill;
  const auto i = static_cast<std::size_t>(r);
  const Split s = split(timing[i]);
  const double u = t_s - rep_start_s[i];
  if (u < s.out_s) return Phase::kOutward;
  if (u < s.out_s + s.hold_s) return Phase::kHold;
  return Phase::kReturn;
}

}  // namespace openpt::motion
