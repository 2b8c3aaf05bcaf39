// make_report and the helpers the report renderers share (report_detail.h).
#include "openpt/motion/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <tuple>
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
  const char* source = k.view_inferred  ? "inferred from the body's proportions"
                       : k.view_assumed ? "assumed (not stated and not inferable: see the notes)"
                                        : "as stated";
  return fmt::format("2D (image plane), {} view, {}", camera_view_name(k.view), source);
}

const AngleSeries* find_series(const AnalysisReport& report, AngleKey key) {
  for (const AngleSeries& s : report.kinematics.angles) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

std::vector<GapGroup> gaps_by_span(const std::vector<Gap>& gaps) {
  std::vector<GapGroup> groups;
  std::map<std::tuple<std::size_t, std::size_t, bool>, std::size_t> index;
  for (const Gap& g : gaps) {
    const auto [it, added] =
        index.try_emplace({g.first_frame, g.last_frame, g.filled}, groups.size());
    if (added) groups.emplace_back();
    groups[it->second].gaps.push_back(&g);
  }
  std::stable_sort(groups.begin(), groups.end(), [](const GapGroup& a, const GapGroup& b) {
    return a.gaps.front()->first_frame < b.gaps.front()->first_frame;
  });
  return groups;
}

ReportNotes report_notes(const AnalysisReport& report) {
  const Kinematics& k = report.kinematics;
  ReportNotes notes;
  for (const UnavailableAngle& u : k.unavailable) {
    notes.unavailable.push_back(fmt::format("{}: {}", angle_info(u.key).label, u.reason));
  }
  const std::vector<GapGroup> groups = gaps_by_span(k.gaps);
  for (const GapGroup& g : groups) {
    if (notes.gaps.size() == kMaxListedGaps) {
      notes.gaps.push_back(fmt::format("… and {} more (all are listed in the JSON report)",
                                       groups.size() - kMaxListedGaps));
      break;
    }
    const Gap& span = *g.gaps.front();
    const bool one = g.gaps.size() == 1;
    // "left_hip", "left_hip, right_hip and left_knee", "left_hip, right_hip and 14 more joints"
    std::string joints(joint_name(span.joint));
    const std::size_t named = g.gaps.size() <= 3 ? g.gaps.size() : 2;
    for (std::size_t i = 1; i < named; ++i) {
      joints += fmt::format("{}{}", i + 1 == g.gaps.size() ? " and " : ", ",
                            joint_name(g.gaps[i]->joint));
    }
    if (named < g.gaps.size()) joints += fmt::format(" and {} more joints", g.gaps.size() - named);
    notes.gaps.push_back(fmt::format(
        "{} missing {:.2f}–{:.2f} s: {}", joints, span.start_s, span.end_s,
        span.filled ? "filled by linear interpolation"
                    : fmt::format("not filled (too long); angles using {} are missing there",
                                  one ? "this joint" : "these joints")));
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
