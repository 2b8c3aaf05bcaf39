// A video or an image turned into a PoseSequence (motion/pose_sequence.h): every frame
// decoded (frame_source.h), run through the pose landmarker (pose_landmarker.h) — tracking
// from frame to frame in a video, detection alone for an image — and stored with its time.
// Frames with no person are kept and marked (`detected` 0, landmarks NaN), never invented.
// Image landmarks are normalised to the upright frame, with their size recorded; world
// landmarks are in metres. Shows a progress bar on a terminal; Ctrl-C (core/progress.h)
// stops it with a kCancelled error and nothing half-made.
//
//   auto landmarker = PoseLandmarker::create({.model = PoseModel::kFull});
//   PoseEstimationStats stats;
//   auto sequence = estimate_poses("squat.mp4", *landmarker, {}, &stats);
//   // sequence->frame_count(), stats.frames_with_person, stats.detector_runs
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "openpt/core/error.h"
#include "openpt/motion/pose_sequence.h"
#include "openpt/vision/frame_source.h"
#include "openpt/vision/pose_landmarker.h"

namespace openpt::vision {

struct PoseEstimationOptions {
  bool show_progress = true;  // a bar on stderr when it is a terminal
};

struct PoseEstimationStats {
  std::size_t frames = 0;
  std::size_t frames_with_person = 0;
  std::size_t detector_runs = 0;   // frames where the region came from detection
  std::size_t retimed_frames = 0;  // frames whose container time did not increase
  double seconds = 0;              // wall time, decoding included
  int width = 0;
  int height = 0;
  int rotation_deg = 0;
  std::optional<std::string> truncated;  // the video stopped decoding early (why)
};

// The source's file name (never its directories) goes into the metadata.
Result<motion::PoseSequence> estimate_poses(const std::filesystem::path& input,
                                            PoseLandmarker& landmarker,
                                            const PoseEstimationOptions& options = {},
                                            PoseEstimationStats* stats = nullptr);

// The same on a source already opened (e.g. to check the input before loading the models);
// `name` is the file name shown in the metadata and errors.
Result<motion::PoseSequence> estimate_poses(FrameSource& source, const std::string& name,
                                            PoseLandmarker& landmarker,
                                            const PoseEstimationOptions& options = {},
                                            PoseEstimationStats* stats = nullptr);

}  // namespace openpt::vision
