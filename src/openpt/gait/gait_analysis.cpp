#include "openpt/gait/gait_analysis.h"

#include <fmt/format.h>

namespace openpt::gait {
namespace {

bool overlaps_turn(const Stride& stride, const std::vector<Turn>& turns) {
  for (const Turn& t : turns) {
    if (stride.ic_t_s < t.end_s && stride.next_ic_t_s > t.start_s) return true;
  }
  return false;
}

Result<LowerBackAnalysis> analyze_lower_back(const ImuSignal& back,
                                             const GaitAnalysisOptions& options,
                                             std::vector<std::string>& warnings) {
  LowerBackAnalysis out;
  auto detection = detect_lower_back_events(back, options.lower_back);
  if (!detection) return tl::unexpected(detection.error());
  out.detection = std::move(*detection);
  out.turns =
      detect_turns(out.detection.yaw_rate_rps, back.sample_rate_hz, back.t0_s, options.turns);
  const auto& events = out.detection.events;
  if (out.detection.bouts.empty()) {
    warnings.push_back(fmt::format(
        "lower_back ({}): no walking found: no run of {} or more steps (standing still, or "
        "too few steps)",
        back.source, options.lower_back.min_bout_steps));
  }
  std::size_t contacts = 0;
  for (const auto& e : events) contacts += e.type == EventType::kInitialContact;
  if (out.detection.side_disagreements > 0) {
    warnings.push_back(
        fmt::format("lower_back: the pelvis rotation suggested the other side at {} of {} initial "
                    "contacts; left and right were made to alternate",
                    out.detection.side_disagreements, contacts));
  }
  for (Side side : {Side::kLeft, Side::kRight}) {
    for (Stride s : strides_from_events(events, side, options.parameters.max_stride_s)) {
      s.in_turn = overlaps_turn(s, out.turns);
      out.strides.push_back(s);
    }
  }
  out.parameters = compute_gait_parameters(events, out.strides, options.parameters);
  return out;
}

}  // namespace

Result<GaitAnalysis> analyze_gait(const ImuRecording& recording,
                                  const GaitAnalysisOptions& options) {
  if (auto ok = check_recording(recording, options.checks); !ok) {
    return tl::unexpected(ok.error());
  }
  GaitAnalysis out;
  for (const auto& sensor : recording.sensors) {
    if (sensor.placement == Placement::kLowerBack) {
      auto back = analyze_lower_back(sensor, options, out.warnings);
      if (!back) return tl::unexpected(back.error());
      out.lower_back = std::move(*back);
      continue;
    }
    if (!is_foot(sensor.placement)) {
      out.warnings.push_back(
          fmt::format("{} ({}): events from this placement are not detected yet; only foot and "
                      "lower-back sensors give events and parameters",
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
  if (out.lower_back) {
    for (Stride& s : out.strides) s.in_turn = s.in_turn || overlaps_turn(s, out.lower_back->turns);
  }
  if (!out.feet.empty()) {
    out.source = GaitSource::kFeet;
    out.parameters = compute_gait_parameters(out.events, out.strides, options.parameters);
  } else if (out.lower_back) {
    out.source = GaitSource::kLowerBack;
    out.events = out.lower_back->detection.events;
    out.strides = out.lower_back->strides;
    out.parameters = out.lower_back->parameters;
  } else {
    out.parameters = compute_gait_parameters(out.events, out.strides, options.parameters);
  }
  return out;
}

}  // namespace openpt::gait
