// Spatiotemporal gait parameters from detected events: per side, per walking bout, with
// left–right symmetry and stride-to-stride variability.
//
// Definitions (docs/gait.md): stride time IC→next IC of the same foot; step time IC of one
// foot → the next IC of the other; stance IC→FC and swing FC→next IC as % of the stride;
// double support = both feet on the ground (IC of one foot → FC of the other, twice per
// stride) as % of the stride; cadence = steps per minute; stride length and gait speed from
// foot-sensor ZUPT integration when available. Symmetry index SI = 100·|L−R|/((L+R)/2) and
// ratio = max/min (Robinson 1987; Patterson 2010); variability = coefficient of variation.
//
//   GaitParameters p = compute_gait_parameters(events, strides, {});
//   fmt::print("cadence {:.0f} steps/min, SI stride time {:.1f} %\n", p.overall.cadence_spm,
//              p.overall.symmetry[0].index_pct);
#pragma once

#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "openpt/gait/gait_events.h"

namespace openpt::gait {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Mean, SD and coefficient of variation of one parameter over strides (NaN when n == 0;
// sd and cv NaN when n < 2).
struct Summary {
  double mean = kNaN;
  double sd = kNaN;
  double cv_pct = kNaN;
  std::size_t n = 0;
};
[[nodiscard]] Summary summarize(std::span<const double> values);

struct SideParameters {
  Summary stride_time_s, step_time_s, stance_pct, swing_pct, double_support_pct;
  Summary stride_length_m, stride_speed_mps, clearance_m;  // n == 0 without a foot sensor
};

// Left–right symmetry of one parameter's means.
struct Symmetry {
  std::string parameter;    // "stride_time_s", "step_time_s", "stance_pct", ...
  double index_pct = kNaN;  // 100·|L−R| / ((L+R)/2); 0 is perfect symmetry
  double ratio = kNaN;      // larger / smaller; 1 is perfect symmetry
};

struct WalkParameters {
  double start_s = 0, end_s = 0;
  std::size_t steps = 0;         // initial contacts counted
  double cadence_spm = kNaN;     // steps per minute
  double gait_speed_mps = kNaN;  // mean stride length / mean stride time
  SideParameters left, right;
  std::vector<Symmetry> symmetry;
};

struct GaitParameters {
  WalkParameters overall;             // every straight-walking stride of every bout
  std::vector<WalkParameters> bouts;  // one per walking bout
};

struct GaitParameterOptions {
  double max_stride_s = 2.5;    // longer IC→IC gaps end a bout
  double min_bout_strides = 2;  // shorter runs are not reported as bouts
  bool exclude_turns = true;    // strides flagged in_turn are left out of the summaries
};

[[nodiscard]] GaitParameters compute_gait_parameters(std::span<const GaitEvent> events,
                                                     std::span<const Stride> strides,
                                                     const GaitParameterOptions& options = {});

}  // namespace openpt::gait
