// make_report and the helpers the report renderers share (report_detail.h).
#include "openpt/motion/report.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <filesystem>
#include <utility>

#include "openpt/core/file_name.h"
#include "openpt/motion/report_detail.h"

namespace openpt::motion {

AnalysisReport make_report(const PoseSequence& sequence, Kinematics kinematics,
                           std::string exercise, const KinematicsOptions& options) {
  AnalysisReport report;
  report.source = printable(file_name_only(sequence.metadata.source));
  report.exercise = std::move(exercise);
  report.metadata = sequence.metadata;
  report.metadata.source = report.source;
  report.skeleton = std::string(sequence.skeleton->name);
  report.frame_count = sequence.frame_count();
  report.duration_s = sequence.duration_s();
  report.summary = summarize(kinematics);
  report.kinematics = std::move(kinematics);
  report.lowpass_cutoff_hz = report.kinematics.lowpass_cutoff_hz;  // 0 when skipped
  report.min_visibility = options.min_visibility;
  report.max_gap_fill_s = options.max_gap_fill_s;
  return report;
}

namespace detail {

std::string format_deg(double value) {
  if (!std::isfinite(value)) return std::string(kMissing);
  std::string s = fmt::format("{:.1f}", value);
  if (s == "-0.0") s = "0.0";
  return s;
}

double report_fps(const AnalysisReport& report) {
  return report.metadata.fps > 0 ? report.metadata.fps : report.kinematics.sample_rate_hz;
}

std::string angle_base_name(AngleId id) {
  const AngleInfo& info = angle_info({id, Side::kLeft});
  std::string_view name = info.name;
  if (name.starts_with("left_")) name.remove_prefix(5);
  return std::string(name);
}

std::string angle_base_label(AngleId id) {
  std::string label(angle_info({id, Side::kLeft}).label);
  if (label.starts_with("Left ")) label.erase(0, 5);
  if (!label.empty())
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  return label;
}

std::string analysis_mode_text(const AnalysisReport& report) {
  const Kinematics& k = report.kinematics;
  if (k.is_3d) return "3D (world coordinates)";
  if (k.view == CameraView::kUnknown) return "2D (image plane), camera view unknown";
  return fmt::format("2D (image plane), {} view, {}", camera_view_name(k.view),
                     k.view_inferred ? "inferred from the body's proportions" : "as stated");
}

const AngleSeries* find_series(const AnalysisReport& report, AngleKey key) {
  for (const AngleSeries& s : report.kinematics.angles) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

ReportNotes report_notes(const AnalysisReport& report) {
  const Kinematics& k = report.kinematics;
  ReportNotes notes;
  for (const UnavailableAngle& u : k.unavailable) {
    notes.unavailable.push_back(fmt::format("{}: {}", angle_info(u.key).label, u.reason));
  }
  for (const Gap& g : k.gaps) {
    if (notes.gaps.size() == kMaxListedGaps) {
      notes.gaps.push_back(fmt::format("… and {} more (all are listed in the JSON report)",
                                       k.gaps.size() - kMaxListedGaps));
      break;
    }
    notes.gaps.push_back(
        fmt::format("{} missing {:.2f}–{:.2f} s: {}", joint_name(g.joint), g.start_s, g.end_s,
                    g.filled ? "filled by linear interpolation"
                             : "not filled (too long); angles using this joint are missing there"));
  }
  notes.warnings = k.warnings;
  std::string flagged;
  for (const AngleSeries& s : k.angles) {
    if (s.in_view_plane) continue;
    flagged += fmt::format("{}{}", flagged.empty() ? "" : ", ", angle_info(s.key).label);
  }
  if (!flagged.empty()) {
    notes.out_of_view_plane = fmt::format(
        "Measured as a projection on the image although outside the image plane of this {} "
        "view, so only approximate: {}.",
        camera_view_name(k.view), flagged);
  }
  return notes;
}

}  // namespace detail
}  // namespace openpt::motion
