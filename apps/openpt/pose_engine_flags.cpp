#include "pose_engine_flags.h"

#include <fmt/format.h>

#include <cmath>
#include <iostream>

#include "openpt/core/file_name.h"
#include "openpt/vision/pose_video.h"

namespace openpt::cli {
namespace {

Result<vision::PoseLandmarkerOptions> landmarker_options(const PoseEngineFlags& f) {
  vision::PoseLandmarkerOptions options;
  auto model = vision::parse_pose_model(f.model);
  if (!model) return tl::unexpected(model.error());
  options.model = *model;
  if (f.threads < 0 || f.threads > 256) {
    return bad_input(fmt::format("thread count must be 0 (one per core) to 256, got {}", f.threads),
                     "--threads");
  }
  options.threads = f.threads;
  options.model_dir = f.model_dir;
  for (const auto& [value, flag] : {std::pair{f.min_detection, "--min-detection"},
                                    std::pair{f.min_tracking, "--min-tracking"}}) {
    if (!(value >= 0 && value <= 1)) {
      return bad_input(fmt::format("a score threshold must be between 0 and 1, got {}", value),
                       flag, "the default is 0.5");
    }
  }
  options.min_detection_score = static_cast<float>(f.min_detection);
  options.min_presence_score = static_cast<float>(f.min_detection);
  options.min_tracking_score = static_cast<float>(f.min_tracking);
  options.smoothing = !f.no_smoothing;
  return options;
}

}  // namespace

const char* const kPoseEngineHelp =
    R"(Pose engine: BlazePose (MediaPipe's pose models, from npm @mediapipe/pose, installed by
scripts/setup under ~/.cache/openpt/models or OPENPT_MODEL_DIR and checked by SHA-256) on
the CPU with XNNPACK. Images: jpg, jpeg, png, bmp, webp. Videos: mp4, mov, m4v, avi, webm,
mkv, upright as players show them (rotation metadata applied). In a video the person is
tracked from frame to frame and the detector runs only when they are first found or lost;
landmarks are smoothed over time (--no-smoothing to keep them raw). Frames without a person
are kept and marked, not invented. --model lite is fastest, heavy most accurate.)";

void add_pose_engine_flags(CLI::App& cmd, PoseEngineFlags& flags) {
  cmd.add_option("--model", flags.model, "pose model: lite, full or heavy")
      ->type_name("NAME")
      ->capture_default_str();
  cmd.add_option("--threads", flags.threads, "worker threads for the models; 0: one per core")
      ->type_name("N")
      ->capture_default_str();
  cmd.add_option("--model-dir", flags.model_dir,
                 "folder with the model files (default: OPENPT_MODEL_DIR, else "
                 "~/.cache/openpt/models)")
      ->type_name("DIR");
  cmd.add_flag("--no-smoothing", flags.no_smoothing,
               "keep each video frame's landmarks as the model gives them");
  cmd.add_option("--min-detection", flags.min_detection,
                 "detector and pose-presence score needed to report a person, 0..1")
      ->type_name("S")
      ->capture_default_str();
  cmd.add_option("--min-tracking", flags.min_tracking,
                 "pose-presence score needed to keep tracking a person in a video, 0..1")
      ->type_name("S")
      ->capture_default_str();
}

Result<motion::PoseSequence> estimate_poses_for_cli(const std::string& input,
                                                    const PoseEngineFlags& flags) {
  auto options = landmarker_options(flags);
  if (!options) return tl::unexpected(options.error());
  // The input first: a bad file is reported before the models are loaded.
  auto source = vision::FrameSource::open(input);
  if (!source) return tl::unexpected(source.error());
  auto landmarker = vision::PoseLandmarker::create(*options);
  if (!landmarker) return tl::unexpected(landmarker.error());
  const std::string name = file_name_only(input);
  vision::PoseEstimationStats stats;
  auto sequence = vision::estimate_poses(*source, name, *landmarker, {}, &stats);
  if (!sequence) return sequence;
  if (stats.truncated) std::cerr << "openpt: warning: " << name << ": " << *stats.truncated << "\n";
  if (stats.retimed_frames > 0) {
    std::cerr << fmt::format(
        "openpt: warning: {}: {} frames had no later time than the frame before; they were "
        "placed one frame interval after it\n",
        name, stats.retimed_frames);
  }
  const double ms_per_frame = stats.frames > 0 ? 1000 * stats.seconds / stats.frames : 0;
  std::cerr << fmt::format(
      "{}: {} frame{} ({}x{}), a person in {}, detector run on {}; BlazePose {} on {} thread{}, "
      "{:.1f} ms per frame\n",
      name, stats.frames, stats.frames == 1 ? "" : "s", stats.width, stats.height,
      stats.frames_with_person, stats.detector_runs, flags.model, landmarker->threads(),
      landmarker->threads() == 1 ? "" : "s", ms_per_frame);
  return sequence;
}

}  // namespace openpt::cli
