// The gait pipeline: a recording of one or more IMUs → checked → events → strides →
// parameters. This is the gait module's main entry point, used by `openpt gait`.
//
// Foot sensors give initial and final contacts (foot_events.h) and, per stride, length,
// clearance and heading change when the ZUPT integration succeeds (foot_trajectory.h);
// strides turning by more than 20° are left out of the parameters. A lower-back sensor
// gives its own contacts with sides, walking bouts and turns (lower_back_events.h,
// turns.h) and its own parameters in `lower_back`; without foot sensors those are the
// recording's events and parameters. Strides overlapping a lower-back turn are left out of
// the parameters too. Sensors the pipeline cannot use (shank, wrist) are reported in
// `warnings`, never ignored silently.
//
//   ImuRecording rec;
//   rec.sensors.push_back(*read_imu_file("1-1_lf.txt", Placement::kLeftFoot, {}));
//   rec.sensors.push_back(*read_imu_file("1-1_rf.txt", Placement::kRightFoot, {}));
//   auto gait = analyze_gait(rec);
//   if (gait) fmt::print("{:.0f} steps/min\n", gait->parameters.overall.cadence_spm);
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/gait/foot_events.h"
#include "openpt/gait/foot_trajectory.h"
#include "openpt/gait/gait_events.h"
#include "openpt/gait/gait_parameters.h"
#include "openpt/gait/imu.h"
#include "openpt/gait/imu_checks.h"
#include "openpt/gait/lower_back_events.h"
#include "openpt/gait/turns.h"

namespace openpt::gait {

struct GaitAnalysisOptions {
  ImuCheckOptions checks;
  FootEventOptions foot;
  FootTrajectoryOptions trajectory;
  GaitParameterOptions parameters;
  LowerBackEventOptions lower_back;
  TurnOptions turns;
};

// What the lower-back sensor gives on its own.
struct LowerBackAnalysis {
  LowerBackEvents detection;    // contacts with sides, walking bouts, signals for plots
  std::vector<Turn> turns;      // from its earth-frame yaw rate
  std::vector<Stride> strides;  // from its contacts; in_turn when overlapping a turn
  GaitParameters parameters;    // from its contacts alone
};

// Where GaitAnalysis::events and parameters come from.
enum class GaitSource { kNone, kFeet, kLowerBack };

struct GaitAnalysis {
  std::vector<GaitEvent> events;  // both feet, sorted by time
  std::vector<Stride> strides;    // both feet
  GaitParameters parameters;
  std::vector<FootEvents> feet;  // per foot sensor, with the signal the events come from
  std::optional<LowerBackAnalysis> lower_back;  // when a lower-back sensor is present
  GaitSource source = GaitSource::kNone;        // feet when any, else the lower back
  std::vector<std::string> warnings;
};

[[nodiscard]] Result<GaitAnalysis> analyze_gait(const ImuRecording& recording,
                                                const GaitAnalysisOptions& options = {});

}  // namespace openpt::gait
