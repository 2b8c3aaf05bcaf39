// The pose engine's command-line flags (--model, --threads, --model-dir, --no-smoothing,
// --min-detection, --min-tracking), shared by the commands that read video (openpt pose,
// openpt assess), and running it on one input with a one-line summary on stderr.
//
//   PoseEngineFlags flags;  add_pose_engine_flags(*cmd, flags);
//   auto sequence = estimate_poses_for_cli(input, flags);  // Result<motion::PoseSequence>
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "openpt/core/error.h"
#include "openpt/motion/pose_sequence.h"

namespace openpt::cli {

struct PoseEngineFlags {
  std::string model = "full";
  int threads = 0;  // 0: one per core
  std::string model_dir;
  bool no_smoothing = false;
  double min_detection = 0.5;
  double min_tracking = 0.5;
};

void add_pose_engine_flags(CLI::App& cmd, PoseEngineFlags& flags);

// Runs the pose engine over an image or a video; prints what it did to stderr
// ("squat.mp4: 148 frames, a person in 145, ... 11.8 ms per frame").
Result<motion::PoseSequence> estimate_poses_for_cli(const std::string& input,
                                                    const PoseEngineFlags& flags);

// Help text on the pose engine for the commands' footers.
extern const char* const kPoseEngineHelp;

}  // namespace openpt::cli
