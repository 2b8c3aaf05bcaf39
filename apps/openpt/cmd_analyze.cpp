// openpt analyze: reads one pose recording, measures the joint angles (kinematics.h),
// counts and assesses the repetitions of the exercise (assessment.h) and writes a movement
// report (report.h) as text, JSON or self-contained HTML.
//
//   openpt analyze squat.json --exercise deep_squat
//   openpt analyze squat.npy --fps 30 --view side -o squat.html
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <memory>
#include <string>

#include "cli_output.h"
#include "commands.h"
#include "exercise_choice.h"
#include "openpt/core/file_output.h"
#include "openpt/core/progress.h"
#include "openpt/motion/kinematics.h"
#include "openpt/motion/pose_io.h"
#include "openpt/motion/report.h"

namespace openpt::cli {

namespace {

using namespace openpt::motion;

// The flags as typed; checked and turned into options by make_plan().
struct AnalyzeArgs {
  std::string file;
  std::string exercise = "auto";
  std::string exercise_dir;
  double fps = 0;
  std::string format;  // empty: from the -o extension, else text
  std::string output;
  std::string input_format = "auto";
  std::string view = "auto";
  double min_visibility = KinematicsOptions{}.min_visibility;
  double cutoff_hz = KinematicsOptions{}.lowpass_cutoff_hz;
};

enum class ReportFormat { kText, kJson, kHtml };

struct AnalyzePlan {
  PoseReadOptions read;
  KinematicsOptions kinematics;
  ReportFormat format = ReportFormat::kText;
  ExerciseChoice exercise;
};

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

Result<AnalyzePlan> make_plan(const AnalyzeArgs& a, bool fps_given) {
  AnalyzePlan plan;
  if (fps_given) {
    if (!(a.fps > 0 && a.fps <= 1000)) {
      return bad_input(
          fmt::format("frame rate must be greater than 0 and at most 1000, got {}", a.fps), "--fps",
          "give the recording's frames per second, e.g. --fps 30");
    }
    plan.read.fps = a.fps;
  }
  if (!(a.min_visibility >= 0 && a.min_visibility <= 1)) {
    return bad_input(
        fmt::format("visibility threshold must be between 0 and 1, got {}", a.min_visibility),
        "--min-visibility", "0 keeps every landmark; the default is 0.5");
  }
  if (!(a.cutoff_hz >= 0 && std::isfinite(a.cutoff_hz))) {
    return bad_input(fmt::format("low-pass cutoff must be 0 or more, got {}", a.cutoff_hz),
                     "--cutoff-hz", "0 disables filtering; the default is 6 Hz");
  }
  auto exercise = resolve_exercise(a.exercise, a.exercise_dir);
  if (!exercise) return tl::unexpected(exercise.error());
  plan.exercise = std::move(*exercise);
  plan.kinematics.keep_tracks = true;
  auto input_format = parse_pose_format(a.input_format);
  if (!input_format) return tl::unexpected(input_format.error().within("--input-format"));
  plan.read.format = *input_format;
  if (a.view != "auto") {
    auto view = parse_camera_view(a.view);
    if (!view || *view == CameraView::kUnknown) {
      return bad_input("unknown camera view '" + a.view + "'", "--view",
                       "use auto, front, side or back");
    }
    plan.read.view = *view;
    plan.kinematics.view = *view;
  }
  plan.kinematics.min_visibility = a.min_visibility;
  plan.kinematics.lowpass_cutoff_hz = a.cutoff_hz;
  auto format = parse_report_format(a.format, a.output);
  if (!format) return tl::unexpected(format.error());
  plan.format = *format;
  return plan;
}

std::string render(const AnalysisReport& report, ReportFormat format) {
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

int interrupted() {
  return report_error(cancelled("interrupted; no report written").value());
}

// A named exercise whose movement cannot be measured is an error (exit 2); a failed
// automatic detection is only noted in the report.
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

int run_analyze(const AnalyzeArgs& args, bool fps_given) {
  auto plan = make_plan(args, fps_given);
  if (!plan) return report_error(plan.error());
  if (args.output != "-" && same_file(args.file, args.output)) {
    return report_error(bad_input("-o names the input recording; writing the report would "
                                  "destroy it",
                                  {}, "choose another output file")
                            .value());
  }
  auto sequence = read_pose_file(args.file, plan->read);
  if (!sequence) return report_error(sequence.error());
  if (cancel_requested()) return interrupted();
  auto kinematics = compute_kinematics(*sequence, plan->kinematics);
  if (!kinematics) return report_error(kinematics.error().within(args.file));
  if (cancel_requested()) return interrupted();
  AnalysisReport report = make_report(
      *sequence, std::move(*kinematics),
      plan->exercise.automatic ? "auto" : plan->exercise.definition->id, plan->kinematics);
  if (auto ok = add_assessment(report, plan->exercise); !ok) return report_error(ok.error());
  const std::string content = render(report, plan->format);
  if (cancel_requested()) return interrupted();
  if (auto written = write_output(args.output, content); !written) {
    return report_error(written.error());
  }
  return 0;
}

constexpr const char* kFooter =
    R"(Input formats (--input-format; detected from the content when auto):
  openpt-json     OpenPT pose JSON ("schema": "openpt.pose/1")
  mediapipe-json  MediaPipe pose landmarks as JSON
  mediapipe-csv   MediaPipe pose landmarks as CSV
  npy             NumPy float32 array of BlazePose landmarks (no timestamps: give --fps)
  openpose        a folder of OpenPose BODY_25 per-frame JSON files
  wide-csv        frame,t_s,<landmark>_x,<landmark>_y,<landmark>_z,... (the skeleton is
                  recognised from the column names)
  File formats are described in docs/formats.md.

Output (--format; when not given: from the -o extension, else text):
  text  for the terminal: first the rep count, score and findings with patient cues, then
        the repetition table, then per angle min / max / range of motion / mean,
        left-right asymmetry, and notes (angles not measurable, gaps, warnings)
  json  the same plus per-frame angles, schema "openpt.assessment/1" (docs/formats.md)
  html  one self-contained page with the tables and angle-time plots, for printing or
        attaching to a record; it loads nothing from the network
  Only the file name of FILE appears in the report, never its directories.

Repetitions are counted on the exercise's driving signal and each is checked against the
exercise's form rules (docs/exercises.md, docs/assessment.md); the report leads with the
findings, the score and the cues.

Angles are defined in docs/kinematics.md. With world coordinates they are 3D; otherwise
they are measured in the image and the camera view decides which ones can be.

Exit status: 0 success, 2 bad input or flags, 1 internal error, 130 interrupted.

Examples:
  openpt analyze squat.json
  openpt analyze squat.npy --fps 30 --view side -o squat.html
  openpt analyze session.csv --exercise squat --format json -o squat.json
  openpt analyze clip.npy --fps 30 --exercise auto)";

}  // namespace

void register_analyze(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<AnalyzeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "analyze", "Measure joint angles and range of motion in a pose recording and report them");
  cmd->add_option("FILE", args->file, "pose recording: a file, or a folder for OpenPose")
      ->type_name("")
      ->required();
  cmd->add_option("--exercise", args->exercise,
                  "the exercise performed: a name from the library (openpt exercises), a "
                  ".toml file, or auto to detect the repeated movement (no form rules)")
      ->type_name("NAME")
      ->capture_default_str();
  cmd->add_option("--exercise-dir", args->exercise_dir,
                  "exercise library folder (default: OPENPT_EXERCISE_DIR, else the installed "
                  "or source data/exercises)")
      ->type_name("DIR");
  cmd->add_option("--fps", args->fps,
                  "frame rate for files without timestamps (npy, OpenPose); 0 < N <= 1000")
      ->type_name("N");
  cmd->add_option("--format", args->format, "report format: text, json or html")
      ->type_name("text|json|html");
  cmd->add_option("-o,--output", args->output,
                  "write the report to OUT (atomically) instead of standard output")
      ->type_name("OUT");
  cmd->add_option("--input-format", args->input_format,
                  "input format: auto, openpt-json, mediapipe-json, mediapipe-csv, npy, "
                  "openpose or wide-csv")
      ->type_name("NAME")
      ->capture_default_str();
  cmd->add_option("--view", args->view,
                  "camera view for 2D recordings: auto (from the file or inferred), front, "
                  "side or back")
      ->type_name("VIEW")
      ->capture_default_str();
  cmd->add_option("--min-visibility", args->min_visibility,
                  "mask landmarks reported less visible than V, 0..1")
      ->type_name("V")
      ->capture_default_str();
  cmd->add_option("--cutoff-hz", args->cutoff_hz,
                  "zero-phase low-pass filter on the angles in Hz; 0 disables")
      ->type_name("F")
      ->capture_default_str();
  cmd->footer(kFooter);
  cmd->callback([args, cmd, &context] {
    const bool fps_given = cmd->count("--fps") > 0;
    context.run = [args, fps_given] { return run_analyze(*args, fps_given); };
  });
}

}  // namespace openpt::cli
