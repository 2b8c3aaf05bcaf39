// Movement report: the result of analysing one recording, rendered as text, JSON or HTML.
//
// `AnalysisReport` gathers what `openpt analyze` found (source, exercise, kinematics and
// their summary). Renderers: a readable text table, JSON with "schema":
// "openpt.assessment/1" (documented in docs/formats.md; it grows with reps and form
// findings), and one self-contained HTML file with SVG angle–time plots and the summary.
//
//   AnalysisReport r = make_report(sequence, kinematics, "squat");
//   std::string text = render_text(r);
//   nlohmann::json j = to_json(r);
//   std::string html = render_html(r);
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "openpt/motion/kinematics.h"
#include "openpt/motion/pose_sequence.h"

namespace openpt::motion {

struct AnalysisReport {
  std::string source;    // file name (no directories: paths may hold patient names)
  std::string exercise;  // as given, or empty
  PoseMetadata metadata;
  std::string skeleton;
  std::size_t frame_count = 0;
  double duration_s = 0;
  Kinematics kinematics;
  KinematicsSummary summary;
};

AnalysisReport make_report(const PoseSequence& sequence, Kinematics kinematics,
                           std::string exercise);

std::string render_text(const AnalysisReport& report);
nlohmann::json to_json(const AnalysisReport& report);
std::string render_html(const AnalysisReport& report);

}  // namespace openpt::motion
