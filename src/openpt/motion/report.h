// Movement report: the result of analysing one recording, rendered as text, JSON or HTML.
//
// `AnalysisReport` gathers what `openpt analyze` found (source, exercise, kinematics and
// their summary). Renderers: a readable text table, JSON with "schema":
// "openpt.assessment/1" (documented in docs/formats.md; it grows with reps and form
// findings), and one self-contained HTML file with SVG angle–time plots and the summary.
// Pass the KinematicsOptions the kinematics were computed with, so the report states the
// filter and masking settings it was made with.
//
//   AnalysisReport r = make_report(sequence, kinematics, "squat", options);
//   std::string text = render_text(r);
//   nlohmann::ordered_json j = to_json(r);
//   std::string html = render_html(r);
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "openpt/core/printable.h"
#include "openpt/core/version.h"
#include "openpt/motion/assessment.h"
#include "openpt/motion/kinematics.h"
#include "openpt/motion/pose_sequence.h"

namespace openpt::motion {

inline constexpr std::string_view kAssessmentSchema = "openpt.assessment/1";

struct AnalysisReport {
  std::string source;    // file name (no directories: paths may hold patient names)
  std::string exercise;  // as given, or empty
  PoseMetadata metadata;
  std::string skeleton;
  std::size_t frame_count = 0;
  double duration_s = 0;
  Kinematics kinematics;
  KinematicsSummary summary;
  // The settings the kinematics were computed with (KinematicsOptions).
  double lowpass_cutoff_hz = 0;  // 0: angles were not low-pass filtered
  double min_visibility = 0;
  double max_gap_fill_s = 0;
  // Repetitions, findings and score (assessment.h); none when not assessed.
  std::optional<Assessment> assessment;
  std::string assessment_error;  // why there is no assessment, when one was asked for
};

// `metadata.source` is reduced to the file name as well.

AnalysisReport make_report(const PoseSequence& sequence, Kinematics kinematics,
                           std::string exercise, const KinematicsOptions& options = {});

std::string render_text(const AnalysisReport& report);
// Keys keep their documented order ("schema" first).
nlohmann::ordered_json to_json(const AnalysisReport& report);
std::string render_html(const AnalysisReport& report);

}  // namespace openpt::motion
