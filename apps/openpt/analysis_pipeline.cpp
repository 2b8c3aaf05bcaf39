#include "analysis_pipeline.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>

#include "cli_output.h"
#include "openpt/core/file_output.h"
#include "openpt/core/progress.h"

namespace openpt::cli {

namespace {

using namespace openpt::motion;

Result<void> add_assessment(AnalysisReport& report, const ExerciseChoice& choice) {
  auto assessment = choice.automatic ? assess_auto(report.kinematics)
                                     : assess(report.kinematics, *choice.definition);
  if (assessment) {
    report.assessment = std::move(*assessment);
  } else if (choice.automatic) {
    report.assessment_error = assessment.error().message;
  } else {
    return tl::unexpected(assessment.error().within("--exercise " + choice.definition->id));
  }
  return {};
}

}  // namespace

Result<ReportFormat> parse_report_format(const std::string& name, const std::string& output) {
  if (name == "text") return ReportFormat::kText;
  if (name == "json") return ReportFormat::kJson;
  if (name == "html") return ReportFormat::kHtml;
  if (!name.empty()) {
    return bad_input("unknown report format '" + name + "'", "--format", "use text, json or html");
  }
  std::string ext = std::filesystem::path(output).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".json") return ReportFormat::kJson;
  if (ext == ".html" || ext == ".htm") return ReportFormat::kHtml;
  return ReportFormat::kText;
}

void add_exercise_flags(CLI::App& cmd, AnalysisFlags& flags) {
  cmd.add_option("--exercise", flags.exercise,
                 "the exercise performed: a name from the library (openpt exercises), a "
                 ".toml file, or auto to detect the repeated movement (no form rules)")
      ->type_name("NAME")
      ->capture_default_str();
  cmd.add_option("--exercise-dir", flags.exercise_dir,
                 "exercise library folder (default: OPENPT_EXERCISE_DIR, else the installed "
                 "or source data/exercises)")
      ->type_name("DIR");
}

void add_report_flags(CLI::App& cmd, AnalysisFlags& flags) {
  cmd.add_option("--format", flags.format, "report format: text, json or html")
      ->type_name("text|json|html");
  cmd.add_option("-o,--output", flags.output,
                 "write the report to OUT (atomically) instead of standard output")
      ->type_name("OUT");
}

void add_measurement_flags(CLI::App& cmd, AnalysisFlags& flags) {
  cmd.add_option("--view", flags.view,
                 "camera view for 2D recordings: auto (from the file or inferred), front, "
                 "side or back")
      ->type_name("VIEW")
      ->capture_default_str();
  cmd.add_option("--coordinates", flags.coordinates,
                 "landmarks to measure from: auto (world when the recording has them, else "
                 "image), world (3D) or image (2D, in the image plane, as from a single camera "
                 "without depth)")
      ->type_name("auto|world|image")
      ->capture_default_str();
  cmd.add_option("--min-visibility", flags.min_visibility,
                 "mask landmarks reported less visible than V, 0..1")
      ->type_name("V")
      ->capture_default_str();
  cmd.add_option("--cutoff-hz", flags.cutoff_hz,
                 "zero-phase low-pass filter on the angles in Hz; 0 disables")
      ->type_name("F")
      ->capture_default_str();
}

Result<AnalysisPlan> make_analysis_plan(const AnalysisFlags& f) {
  AnalysisPlan plan;
  if (!(f.min_visibility >= 0 && f.min_visibility <= 1)) {
    return bad_input(
        fmt::format("visibility threshold must be between 0 and 1, got {}", f.min_visibility),
        "--min-visibility", "0 keeps every landmark; the default is 0.5");
  }
  if (!(f.cutoff_hz >= 0 && std::isfinite(f.cutoff_hz))) {
    return bad_input(fmt::format("low-pass cutoff must be 0 or more, got {}", f.cutoff_hz),
                     "--cutoff-hz", "0 disables filtering; the default is 6 Hz");
  }
  auto exercise = resolve_exercise(f.exercise, f.exercise_dir);
  if (!exercise) return tl::unexpected(exercise.error());
  plan.exercise = std::move(*exercise);
  plan.kinematics.keep_tracks = true;
  if (f.view != "auto") {
    auto view = parse_camera_view(f.view);
    if (!view || *view == CameraView::kUnknown) {
      return bad_input("unknown camera view '" + f.view + "'", "--view",
                       "use auto, front, side or back");
    }
    plan.kinematics.view = *view;
  }
  if (f.coordinates != "auto" && f.coordinates != "world" && f.coordinates != "image") {
    return bad_input("unknown coordinates '" + f.coordinates + "'", "--coordinates",
                     "use auto, world or image");
  }
  plan.kinematics.use_world = f.coordinates != "image";
  plan.require_world = f.coordinates == "world";
  plan.kinematics.min_visibility = f.min_visibility;
  plan.kinematics.lowpass_cutoff_hz = f.cutoff_hz;
  auto format = parse_report_format(f.format, f.output);
  if (!format) return tl::unexpected(format.error());
  plan.format = *format;
  return plan;
}

Result<void> refuse_output_over_input(const std::string& input, const std::string& output,
                                      const std::string& what) {
  if (output.empty() || output == "-" || !same_file(input, output)) return {};
  return bad_input("-o names the input " + what + "; writing the report would destroy it", {},
                   "choose another output file");
}

Error interrupted_error() {
  return cancelled("interrupted; no report written").value();
}

Result<AnalysisReport> analyze_poses(const PoseSequence& sequence, const AnalysisPlan& plan,
                                     const std::string& where) {
  if (cancel_requested()) return tl::unexpected(interrupted_error());
  if (plan.require_world && !sequence.has_world) {
    return bad_input(where + ": the recording has no world (3D) landmarks", "--coordinates",
                     "use --coordinates image (or auto) to measure in the image plane");
  }
  if (!plan.kinematics.use_world && !sequence.has_image) {
    return bad_input(where + ": the recording has no image landmarks", "--coordinates",
                     "use --coordinates world (or auto)");
  }
  auto kinematics = compute_kinematics(sequence, plan.kinematics);
  if (!kinematics) return tl::unexpected(kinematics.error().within(where));
  if (cancel_requested()) return tl::unexpected(interrupted_error());
  AnalysisReport report =
      make_report(sequence, std::move(*kinematics),
                  plan.exercise.automatic ? "auto" : plan.exercise.definition->id, plan.kinematics);
  if (auto ok = add_assessment(report, plan.exercise); !ok) return tl::unexpected(ok.error());
  return report;
}

std::string render_report(const AnalysisReport& report, ReportFormat format) {
  switch (format) {
    case ReportFormat::kText: return render_text(report);
    case ReportFormat::kJson:
      // Replace, not throw, on invalid UTF-8 (a file name in a legacy encoding).
      return to_json(report).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
             "\n";
    case ReportFormat::kHtml: return render_html(report);
  }
  return {};
}

Result<void> write_report(const AnalysisReport& report, ReportFormat format,
                          const std::string& output) {
  const std::string content = render_report(report, format);
  if (cancel_requested()) return tl::unexpected(interrupted_error());
  return write_output(output, content);
}

}  // namespace openpt::cli
