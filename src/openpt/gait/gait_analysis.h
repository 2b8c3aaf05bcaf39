// The gait pipeline: a recording of one or more IMUs → checked → events → strides →
// parameters. This is the gait module's main entry point, used by `openpt gait`.
//
// Foot sensors give initial and final contacts (foot_events.h) and, per stride, length,
// clearance and heading change when the ZUPT integration succeeds (foot_trajectory.h);
// strides turning by more than 20° are left out of the parameters. Sensors the pipeline
// cannot use yet are reported in `warnings`, never ignored silently.
//
//   ImuRecording rec;
//   rec.sensors.push_back(*read_imu_file("1-1_lf.txt", Placement::kLeftFoot, {}));
//   rec.sensors.push_back(*read_imu_file("1-1_rf.txt", Placement::kRightFoot, {}));
//   auto gait = analyze_gait(rec);
//   if (gait) fmt::print("{:.0f} steps/min\n", gait->parameters.overall.cadence_spm);
#pragma once

#include <string>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/gait/foot_events.h"
#include "openpt/gait/foot_trajectory.h"
#include "openpt/gait/gait_events.h"
#include "openpt/gait/gait_parameters.h"
#include "openpt/gait/imu.h"
#include "openpt/gait/imu_checks.h"

namespace openpt::gait {

struct GaitAnalysisOptions {
  ImuCheckOptions checks;
  FootEventOptions foot;
  FootTrajectoryOptions trajectory;
  GaitParameterOptions parameters;
};

struct GaitAnalysis {
  std::vector<GaitEvent> events;  // both feet, sorted by time
  std::vector<Stride> strides;    // both feet
  GaitParameters parameters;
  std::vector<FootEvents> feet;  // per foot sensor, with the signal the events come from
  std::vector<std::string> warnings;
};

[[nodiscard]] Result<GaitAnalysis> analyze_gait(const ImuRecording& recording,
                                                const GaitAnalysisOptions& options = {});

}  // namespace openpt::gait
