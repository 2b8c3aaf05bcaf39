// openpt analyze: reads one pose recording, measures the joint angles (kinematics.h),
// counts and assesses the repetitions of the exercise (assessment.h) and writes a movement
// report (report.h) as text, JSON or self-contained HTML.
//
//   openpt analyze squat.json --exercise deep_squat
//   openpt analyze squat.npy --fps 30 --view side -o squat.html
#include <fmt/format.h>

#include <memory>
#include <string>

#include "analysis_pipeline.h"
#include "cli_output.h"
#include "commands.h"
#include "openpt/motion/pose_io.h"

namespace openpt::cli {

namespace {

using namespace openpt::motion;

// The flags as typed; checked and turned into options by make_plan().
struct AnalyzeArgs {
  std::string file;
  AnalysisFlags analysis;
  double fps = 0;
  std::string input_format = "auto";
};

struct AnalyzePlan {
  PoseReadOptions read;
  AnalysisPlan analysis;
};

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
  auto analysis = make_analysis_plan(a.analysis);
  if (!analysis) return tl::unexpected(analysis.error());
  plan.analysis = std::move(*analysis);
  auto input_format = parse_pose_format(a.input_format);
  if (!input_format) return tl::unexpected(input_format.error().within("--input-format"));
  plan.read.format = *input_format;
  if (plan.analysis.kinematics.view != CameraView::kUnknown) {
    plan.read.view = plan.analysis.kinematics.view;  // --view overrides the file's
  }
  return plan;
}

int run_analyze(const AnalyzeArgs& args, bool fps_given) {
  auto plan = make_plan(args, fps_given);
  if (!plan) return report_error(plan.error());
  if (auto ok = refuse_output_over_input(args.file, args.analysis.output, "recording"); !ok) {
    return report_error(ok.error());
  }
  auto sequence = read_pose_file(args.file, plan->read);
  if (!sequence) return report_error(sequence.error());
  auto report = analyze_poses(*sequence, plan->analysis, args.file);
  if (!report) return report_error(report.error());
  if (auto written = write_report(*report, plan->analysis.format, args.analysis.output); !written) {
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
  add_exercise_flags(*cmd, args->analysis);
  cmd->add_option("--fps", args->fps,
                  "frame rate for files without timestamps (npy, OpenPose); 0 < N <= 1000")
      ->type_name("N");
  add_report_flags(*cmd, args->analysis);
  cmd->add_option("--input-format", args->input_format,
                  "input format: auto, openpt-json, mediapipe-json, mediapipe-csv, npy, "
                  "openpose or wide-csv")
      ->type_name("NAME")
      ->capture_default_str();
  add_measurement_flags(*cmd, args->analysis);
  cmd->footer(kFooter);
  cmd->callback([args, cmd, &context] {
    const bool fps_given = cmd->count("--fps") > 0;
    context.run = [args, fps_given] { return run_analyze(*args, fps_given); };
  });
}

}  // namespace openpt::cli
