// openpt assess: from a video (or a photo) straight to the movement report — the pose engine
// finds the person's landmarks in every frame (as openpt pose does), then the analysis of
// openpt analyze measures, counts and assesses them; the HTML report also shows key frames:
// each repetition's turning point with the pose drawn on it and that rep's findings.
//
//   openpt assess squat.mp4 --exercise squat -o squat.html
//   openpt assess clip.mov --model lite --format json
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>

#include "analysis_pipeline.h"
#include "cli_output.h"
#include "commands.h"
#include "openpt/core/file_name.h"
#include "openpt/vision/frame_source.h"
#include "openpt/vision/key_frames.h"
#include "pose_engine_flags.h"

namespace openpt::cli {
namespace {

using namespace openpt::motion;

struct AssessArgs {
  std::string input;
  AnalysisFlags analysis;
  PoseEngineFlags engine;
};

// The report of a recording in which no frame shows a person: nothing to measure or assess,
// which the report says, instead of failing.
AnalysisReport report_without_person(const PoseSequence& sequence, const AnalysisPlan& plan,
                                     bool image) {
  auto kinematics = compute_kinematics(sequence, plan.kinematics);
  AnalysisReport report =
      make_report(sequence, kinematics ? std::move(*kinematics) : Kinematics{},
                  plan.exercise.automatic ? "auto" : plan.exercise.definition->id, plan.kinematics);
  report.assessment_error =
      image ? "no person was found in the image"
            : fmt::format("no person was found in any of the {} frames of the video",
                          sequence.frame_count());
  return report;
}

// Plans the key frames and, for an HTML report, reads their pictures from the input again.
// A failure to read them only costs the pictures (a warning); Ctrl-C is an error.
Result<void> add_key_frames(AnalysisReport& report, const PoseSequence& sequence,
                            const std::string& input, ReportFormat format) {
  report.key_frames = plan_key_frames(report, sequence);
  if (format != ReportFormat::kHtml || report.key_frames.empty()) return {};
  std::vector<std::size_t> frames;
  for (const KeyFrame& k : report.key_frames) frames.push_back(k.frame);
  auto images = vision::read_key_frames(input, frames);
  if (!images) {
    if (images.error().kind == ErrorKind::kCancelled) return tl::unexpected(interrupted_error());
    std::cerr << "openpt: warning: the key frames could not be read, so the report shows the "
                 "poses without the pictures: "
              << images.error().to_string() << "\n";
    return {};
  }
  for (std::size_t i = 0; i < frames.size(); ++i) {
    KeyFrame& k = report.key_frames[i];
    const vision::KeyFrameImage& image = (*images)[i];
    k.jpeg_base64 = vision::to_base64(image.jpeg);
    k.width_px = image.width;
    k.height_px = image.height;
  }
  return {};
}

int run_assess(const AssessArgs& args) {
  auto plan = make_analysis_plan(args.analysis);
  if (!plan) return report_error(plan.error());
  const bool image = vision::is_image_file(args.input);
  if (auto ok =
          refuse_output_over_input(args.input, args.analysis.output, image ? "image" : "video");
      !ok) {
    return report_error(ok.error());
  }
  auto sequence = estimate_poses_for_cli(args.input, args.engine);
  if (!sequence) {
    const bool cancelled = sequence.error().kind == ErrorKind::kCancelled;
    return report_error(cancelled ? interrupted_error() : sequence.error());
  }
  const std::string name = file_name_only(args.input);
  const bool anyone = any_person_detected(*sequence);
  auto report = anyone ? analyze_poses(*sequence, *plan, name)
                       : Result<AnalysisReport>(report_without_person(*sequence, *plan, image));
  if (!report) return report_error(report.error());
  if (!anyone) {
    std::cerr << "openpt: warning: " << name << ": " << report->assessment_error
              << "; the report says so\n";
  }
  if (auto ok = add_key_frames(*report, *sequence, args.input, plan->format); !ok) {
    return report_error(ok.error());
  }
  if (auto written = write_report(*report, plan->format, args.analysis.output); !written) {
    return report_error(written.error());
  }
  return 0;
}

constexpr const char* kFooter = R"(
Analysis: exactly that of openpt analyze on the poses found (see openpt analyze --help):
joint angles (docs/kinematics.md; 3D from BlazePose's world landmarks), repetitions counted
on the exercise's driving signal and checked against its form rules (docs/exercises.md,
docs/assessment.md), a score, patient cues. With --exercise auto the repeated movement is
detected and counted, but no form rule is checked.

Output (--format; when not given: from the -o extension, else text):
  text  for the terminal: rep count, score, findings, repetitions, angles, notes
  json  schema "openpt.assessment/1" (docs/formats.md), with the key frames' times
  html  one self-contained page (nothing loaded from the network) that also shows KEY
        FRAMES: each repetition (at most 12) at its turning point with the skeleton drawn
        on the frame, the joints of that rep's findings circled and the findings listed;
        without repetitions, frames spread evenly through the video (the image itself)
  Only the file name of INPUT appears in the report, never its directories. When no frame
  shows a person the report says so (exit 0, with a warning).

Exit status: 0 success, 2 bad input, flags or model files (a missing, corrupt or unsupported
file, a video without frames, a named exercise whose movement cannot be measured), 1 internal
error, 130 interrupted (nothing written).

Examples:
  openpt assess squat.mp4 --exercise squat -o squat.html
  openpt assess session.mov --exercise auto --model lite -o session.json
  openpt assess photo.jpg -o photo.html)";

}  // namespace

void register_assess(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<AssessArgs>();
  CLI::App* cmd = app.add_subcommand(
      "assess", "Find the pose in a video or an image and report reps, form and range of motion");
  cmd->add_option("INPUT", args->input, "a video or an image")->type_name("")->required();
  add_exercise_flags(*cmd, args->analysis);
  add_report_flags(*cmd, args->analysis);
  add_measurement_flags(*cmd, args->analysis);
  add_pose_engine_flags(*cmd, args->engine);
  cmd->footer(std::string(kPoseEngineHelp) + "\n" + kFooter);
  cmd->callback([args, &context] { context.run = [args] { return run_assess(*args); }; });
}

}  // namespace openpt::cli
