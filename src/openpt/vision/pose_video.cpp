#include "openpt/vision/pose_video.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <string>

#include "openpt/core/file_name.h"
#include "openpt/core/progress.h"
#include "openpt/vision/frame_source.h"

namespace openpt::vision {
namespace {

using motion::Landmark;
using motion::PoseSequence;

void append_frame(PoseSequence& sequence, double t_s, const std::optional<PoseEstimate>& pose) {
  sequence.t_s.push_back(t_s);
  sequence.detected.push_back(pose ? 1 : 0);
  for (std::size_t i = 0; i < kPoseLandmarkCount; ++i) {
    if (!pose) {
      sequence.image.push_back(Landmark{});
      sequence.world.push_back({NAN, NAN, NAN});
      continue;
    }
    const PosePoint& p = pose->landmarks[i];
    sequence.image.push_back({p.x, p.y, p.z, p.visibility, p.presence});
    const WorldPoint& w = pose->world[i];
    sequence.world.push_back({w.x, w.y, w.z});
  }
}

}  // namespace

Result<PoseSequence> estimate_poses(const std::filesystem::path& input, PoseLandmarker& landmarker,
                                    const PoseEstimationOptions& options,
                                    PoseEstimationStats* stats) {
  auto source = FrameSource::open(input);
  if (!source) return tl::unexpected(source.error());
  return estimate_poses(*source, file_name_only(input), landmarker, options, stats);
}

Result<PoseSequence> estimate_poses(FrameSource& opened, const std::string& name,
                                    PoseLandmarker& landmarker,
                                    const PoseEstimationOptions& options,
                                    PoseEstimationStats* stats_out) {
  const auto started = std::chrono::steady_clock::now();
  PoseEstimationStats stats;
  stats.width = opened.width();
  stats.height = opened.height();
  stats.rotation_deg = opened.rotation_deg();

  PoseSequence sequence = motion::make_pose_sequence(motion::blazepose33(), 0, {.has_world = true});
  sequence.metadata.source = name;
  sequence.metadata.format =
      fmt::format("openpt-vision (BlazePose {})", pose_model_name(landmarker.options().model));
  sequence.metadata.fps = opened.fps();
  sequence.image_space = {.units = motion::ImageUnits::kNormalized,
                          .width_px = opened.width(),
                          .height_px = opened.height()};

  const bool video = opened.is_video();
  const double nominal_interval_s = opened.fps() > 0 ? 1.0 / opened.fps() : 1.0 / 30;
  landmarker.reset();
  std::optional<Progress> progress;
  if (options.show_progress) progress.emplace("pose estimation", opened.frame_count_hint());
  while (true) {
    if (cancel_requested()) return cancelled("interrupted: no poses written");
    auto frame = opened.next();
    if (!frame) return tl::unexpected(frame.error());
    if (!*frame) break;
    double t_s = (*frame)->t_s;
    if (!sequence.t_s.empty() && !(t_s > sequence.t_s.back())) {
      t_s = sequence.t_s.back() + nominal_interval_s;
      ++stats.retimed_frames;
    }
    auto pose = video ? landmarker.track((*frame)->rgb, t_s) : landmarker.detect((*frame)->rgb);
    if (!pose) return tl::unexpected(pose.error().within(name));
    append_frame(sequence, t_s, *pose);
    ++stats.frames;
    if (*pose) {
      ++stats.frames_with_person;
      if (!(*pose)->tracked) ++stats.detector_runs;
    }
    if (progress) progress->update(stats.frames);
  }
  if (progress) progress->finish();
  stats.truncated = opened.truncated();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (stats_out != nullptr) *stats_out = stats;
  return sequence;
}

}  // namespace openpt::vision
