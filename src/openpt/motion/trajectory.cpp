#include "openpt/motion/trajectory.h"

#include <algorithm>
#include <cassert>

namespace openpt::motion {

double min_jerk(double u) {
  u = std::clamp(u, 0.0, 1.0);
  const double u3 = u * u * u;
  return u3 * (10.0 + u * (-15.0 + 6.0 * u));
}

RepSchedule make_rep_schedule(const RepScheduleOptions& options) {
  assert(options.reps >= 1 && options.rep_duration_s > 0 && options.pause_s >= 0);
  assert(options.hold_s >= 0 && options.hold_s < options.rep_duration_s);
  RepSchedule s;
  s.options = options;
  double t = options.pause_s;
  for (int r = 0; r < options.reps; ++r) {
    s.rep_start_s.push_back(t);
    t += options.rep_duration_s;
    s.rep_end_s.push_back(t);
    t += options.pause_s;
  }
  s.total_s = t;
  return s;
}

int RepSchedule::rep_at(double t_s) const {
  for (std::size_t r = 0; r < rep_start_s.size(); ++r) {
    if (t_s >= rep_start_s[r] && t_s < rep_end_s[r]) return static_cast<int>(r);
  }
  return -1;
}

double RepSchedule::progress(double t_s) const {
  const int r = rep_at(t_s);
  if (r < 0) return 0.0;
  const double moving_s = options.rep_duration_s - options.hold_s;
  const double out_s = moving_s * std::clamp(options.outward_fraction, 0.05, 0.95);
  const double back_s = moving_s - out_s;
  const double u = t_s - rep_start_s[static_cast<std::size_t>(r)];
  if (u < out_s) return min_jerk(u / out_s);
  if (u < out_s + options.hold_s) return 1.0;
  return 1.0 - min_jerk((u - out_s - options.hold_s) / back_s);
}

}  // namespace openpt::motion
