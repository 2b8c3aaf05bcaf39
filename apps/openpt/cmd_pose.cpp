// openpt pose: finds the person's pose in an image or a video with BlazePose and writes the
// landmarks as a pose recording (openpt.pose/1 JSON by default; .csv and .npy by the output's
// extension) — the input of `openpt analyze`, or any other tool.
//
//   openpt pose squat.mp4 -o squat.json
//   openpt pose photo.jpg --model heavy
#include <iostream>
#include <memory>
#include <string>

#include "cli_output.h"
#include "commands.h"
#include "openpt/core/file_name.h"
#include "openpt/core/file_output.h"
#include "pose_engine_flags.h"

namespace openpt::cli {
namespace {

struct PoseArgs {
  std::string input;
  std::string output;
  PoseEngineFlags engine;
};

int run_pose(const PoseArgs& args) {
  if (!args.output.empty() && args.output != "-" && same_file(args.input, args.output)) {
    return report_error(bad_input("-o names the input; writing the poses would destroy it", {},
                                  "choose another output file")
                            .value());
  }
  auto sequence = estimate_poses_for_cli(args.input, args.engine);
  if (!sequence) return report_error(sequence.error());
  if (!motion::any_person_detected(*sequence)) {
    std::cerr << "openpt: warning: " << file_name_only(args.input)
              << ": no person was found; every frame is marked as without one\n";
  }
  if (auto ok = write_pose_output(*sequence, args.output); !ok) return report_error(ok.error());
  return 0;
}

constexpr const char* kFooter = R"(
Output: openpt.pose/1 JSON (docs/formats.md) on standard output or in OUT; OUT ending in
.csv gets MediaPipe-style CSV, .npy a NumPy array. Per frame: time (s), whether a person was
found, 33 landmarks (x, y normalised to the image width and height, z on the scale of x,
visibility, presence) and world landmarks in metres (origin between the hips).

Exit status: 0 success, 2 bad input, flags or model files, 1 internal error, 130 interrupted
(nothing written).

Examples:
  openpt pose squat.mp4 -o squat.json && openpt analyze squat.json --exercise squat
  openpt pose photo.jpg --model heavy
  openpt pose long_session.mov --model lite --threads 2 -o session.csv)";

}  // namespace

void register_pose(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<PoseArgs>();
  CLI::App* cmd =
      app.add_subcommand("pose", "Find body landmarks in an image or a video (BlazePose)");
  cmd->add_option("INPUT", args->input, "an image or a video")->type_name("")->required();
  cmd->add_option("-o,--output", args->output,
                  "write the poses to OUT (atomically); '-' or none: standard output")
      ->type_name("OUT");
  add_pose_engine_flags(*cmd, args->engine);
  cmd->footer(std::string(kPoseEngineHelp) + "\n" + kFooter);
  cmd->callback([args, &context] { context.run = [args] { return run_pose(*args); }; });
}

}  // namespace openpt::cli
