#include "openpt/gait/gait_analysis.h"

#include <fmt/format.h>

namespace openpt::gait {

Result<GaitAnalysis> analyze_gait(const ImuRecording& recording,
                                  const GaitAnalysisOptions& options) {
  if (auto ok = check_recording(recording, options.checks); !ok) {
    return tl::unexpected(ok.error());
  }
  GaitAnalysis out;
  for (const auto& sensor : recording.sensors) {
    if (!is_foot(sensor.placement)) {
      out.warnings.push_back(fmt::format(
          "{} ({}): events from this placement are not detected yet; only foot sensors give "
          "events and parameters",
          placement_name(sensor.placement), sensor.source));
      continue;
    }
    auto feet = detect_foot_events(sensor, options.foot);
    if (!feet) return tl::unexpected(feet.error());
    if (feet->events.empty()) {
      out.warnings.push_back(fmt::format("{} ({}): no walking found",
                                         placement_name(sensor.placement), sensor.source));
    }
    if (feet->rejected_swings > 0) {
      out.warnings.push_back(
          fmt::format("{}: {} swing(s) without a clear toe-off or heel strike "
                      "were left out",
                      placement_name(sensor.placement), feet->rejected_swings));
    }
    out.events.insert(out.events.end(), feet->events.begin(), feet->events.end());
    out.feet.push_back(std::move(*feet));
  }
  sort_events(out.events);
  for (Side side : {Side::kLeft, Side::kRight}) {
    auto strides = strides_from_events(out.events, side, options.parameters.max_stride_s);
    const ImuSignal* foot =
        recording.find(side == Side::kLeft ? Placement::kLeftFoot : Placement::kRightFoot);
    if (foot && !strides.empty()) {
      // Stride length, clearance and turns by ZUPT integration (foot_trajectory.h).
      auto zupt = integrate_foot_strides(*foot, strides, options.trajectory);
      if (!zupt) return tl::unexpected(zupt.error());
      const std::size_t measured = zupt->count(ZuptStatus::kMeasured);
      if (measured < strides.size()) {
        out.warnings.push_back(
            fmt::format("{}: stride length measured in {} of {} strides (the "
                        "others had no still instant or drifted too far)",
                        placement_name(foot->placement), measured, strides.size()));
      }
      strides = std::move(zupt->strides);
    }
    out.strides.insert(out.strides.end(), strides.begin(), strides.end());
  }
  out.parameters = compute_gait_parameters(out.events, out.strides, options.parameters);
  return out;
}

}  // namespace openpt::gait
