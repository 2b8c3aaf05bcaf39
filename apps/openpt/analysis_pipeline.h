// What `openpt analyze` (a pose recording) and `openpt assess` (a video) share once they
// hold a PoseSequence: the analysis flags and their checks, kinematics -> movement report ->
// assessment, and the report rendered as text, JSON or HTML and written atomically.
//
//   AnalysisFlags flags;  add_exercise_flags(*cmd, flags);  ...
//   auto plan = make_analysis_plan(flags);                        // Result<AnalysisPlan>
//   auto report = analyze_poses(sequence, *plan, "squat.json");  // Result<AnalysisReport>
//   if (auto ok = write_report(*report, plan->format, flags.output); !ok) ...
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "exercise_choice.h"
#include "openpt/core/error.h"
#include "openpt/motion/kinematics.h"
#include "openpt/motion/report.h"

namespace openpt::cli {

// The flags as typed; checked and turned into options by make_analysis_plan().
struct AnalysisFlags {
  std::string exercise = "auto";
  std::string exercise_dir;
  std::string format;  // empty: from the -o extension, else text
  std::string output;
  std::string view = "auto";
  std::string coordinates = "auto";
  double min_visibility = motion::KinematicsOptions{}.min_visibility;
  double cutoff_hz = motion::KinematicsOptions{}.lowpass_cutoff_hz;
};

// --exercise, --exercise-dir
void add_exercise_flags(CLI::App& cmd, AnalysisFlags& flags);
// --format, -o/--output
void add_report_flags(CLI::App& cmd, AnalysisFlags& flags);
// --view, --coordinates, --min-visibility, --cutoff-hz
void add_measurement_flags(CLI::App& cmd, AnalysisFlags& flags);

enum class ReportFormat { kText, kJson, kHtml };

// --format NAME (text, json, html), or when empty the -o file's extension, else text.
Result<ReportFormat> parse_report_format(const std::string& name, const std::string& output);

struct AnalysisPlan {
  motion::KinematicsOptions kinematics;  // view kUnknown: from the recording, else inferred
  bool require_world = false;            // --coordinates world: a recording without is an error
  ReportFormat format = ReportFormat::kText;
  ExerciseChoice exercise;
};

Result<AnalysisPlan> make_analysis_plan(const AnalysisFlags& flags);

// Refuses an output file that is the input (`what`: "recording", "video").
Result<void> refuse_output_over_input(const std::string& input, const std::string& output,
                                      const std::string& what);

// Kinematics, the report and its assessment. A named exercise whose movement cannot be
// measured is an error (exit 2); a failed automatic detection is only noted in the report.
// `where` names the input in kinematics errors. Cancellation between the steps: kCancelled.
Result<motion::AnalysisReport> analyze_poses(const motion::PoseSequence& sequence,
                                             const AnalysisPlan& plan, const std::string& where);

std::string render_report(const motion::AnalysisReport& report, ReportFormat format);

// Renders and writes the report to `output` (stdout when empty or "-"); kCancelled, with
// nothing written, when interrupted.
Result<void> write_report(const motion::AnalysisReport& report, ReportFormat format,
                          const std::string& output);

// The error of an interrupted command: "interrupted; no report written" (exit 130).
Error interrupted_error();

}  // namespace openpt::cli
