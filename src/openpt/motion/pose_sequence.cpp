#include "openpt/motion/pose_sequence.h"

#include <fmt/format.h>

#include <algorithm>

#include "openpt/core/time_series.h"

namespace openpt::motion {

bool any_person_detected(const PoseSequence& sequence) {
  return std::ranges::any_of(sequence.detected, [](std::uint8_t d) { return d != 0; });
}

PoseSequence slice_frames(const PoseSequence& sequence, std::size_t first, std::size_t last) {
  last = std::min(last, sequence.frame_count());
  first = std::min(first, last);
  // Only the frames are copied, not the whole recording.
  const auto frames = [&](const auto& v, std::size_t per_frame) {
    if (v.empty()) return v;
    const auto from = v.begin() + static_cast<std::ptrdiff_t>(first * per_frame);
    return std::decay_t<decltype(v)>(
        from, from + static_cast<std::ptrdiff_t>((last - first) * per_frame));
  };
  const std::size_t n = sequence.landmark_count();
  return {.skeleton = sequence.skeleton,
          .metadata = sequence.metadata,
          .image_space = sequence.image_space,
          .has_image = sequence.has_image,
          .has_world = sequence.has_world,
          .world_up = sequence.world_up,
          .t_s = frames(sequence.t_s, 1),
          .detected = frames(sequence.detected, 1),
          .image = frames(sequence.image, n),
          .world = frames(sequence.world, n)};
}

UndetectedFrames undetected_frames(const PoseSequence& sequence) {
  UndetectedFrames u;
  std::size_t run = 0;
  for (std::size_t f = 0; f < sequence.detected.size(); ++f) {
    if (sequence.detected[f] != 0) {
      run = 0;
      continue;
    }
    ++u.count;
    if (++run > u.longest_frames) {
      u.longest_frames = run;
      u.longest_first = f + 1 - run;
    }
  }
  return u;
}

std::string_view camera_view_name(CameraView view) {
  switch (view) {
    case CameraView::kUnknown: return "unknown";
    case CameraView::kFront: return "front";
    case CameraView::kSide: return "side";
    case CameraView::kBack: return "back";
  }
  return "unknown";
}

Result<CameraView> parse_camera_view(std::string_view name) {
  for (auto view :
       {CameraView::kUnknown, CameraView::kFront, CameraView::kSide, CameraView::kBack}) {
    if (camera_view_name(view) == name) return view;
  }
  if (name == "auto") return CameraView::kUnknown;
  return bad_input(fmt::format("unknown camera view '{}'", name), {},
                   "use front, side, back or auto");
}

PoseSequence make_pose_sequence(const Skeleton& skeleton, std::size_t frame_count,
                                PoseShape shape) {
  PoseSequence s;
  s.skeleton = &skeleton;
  s.has_image = shape.has_image;
  s.has_world = shape.has_world;
  s.t_s.assign(frame_count, 0.0);
  s.detected.assign(frame_count, 1);
  if (shape.has_image) s.image.assign(frame_count * skeleton.landmark_count(), Landmark{});
  if (shape.has_world) s.world.assign(frame_count * skeleton.landmark_count(), Vec3{NAN, NAN, NAN});
  return s;
}

namespace {
bool finite_or_nan(double v) {
  return std::isfinite(v) || std::isnan(v);
}
bool probability_or_nan(double v) {
  return std::isnan(v) || (v >= 0 && v <= 1);
}
}  // namespace

Result<void> validate(const PoseSequence& s, const std::string& where) {
  const std::size_t n = s.frame_count();
  const std::size_t k = s.landmark_count();
  if (s.detected.size() != n) return internal_error("detected[] size mismatch", where);
  if (s.has_image && s.image.size() != n * k) return internal_error("image[] size mismatch", where);
  if (s.has_world && s.world.size() != n * k) return internal_error("world[] size mismatch", where);
  if (n > 0 && !s.has_image && !s.has_world) {
    return bad_input("the recording has no landmarks", where);
  }
  for (std::size_t f = 0; f < n; ++f) {
    const double t = s.t_s[f];
    if (!std::isfinite(t)) return bad_input(fmt::format("frame {}: time is not finite", f), where);
    if (f > 0 && !(t > s.t_s[f - 1])) {
      return bad_input(fmt::format("frame {}: time {} s is not after the previous frame's {} s "
                                   "(timestamps must increase)",
                                   f, t, s.t_s[f - 1]),
                       where);
    }
    for (std::size_t j = 0; j < k; ++j) {
      const std::string_view name = s.skeleton->landmark_names[j];
      if (s.has_image) {
        const Landmark& l = s.image[f * k + j];
        if (!finite_or_nan(l.x) || !finite_or_nan(l.y) || !finite_or_nan(l.z)) {
          return bad_input(fmt::format("frame {}, landmark {}: coordinate is infinite", f, name),
                           where);
        }
        if (!probability_or_nan(l.visibility) || !probability_or_nan(l.presence)) {
          return bad_input(
              fmt::format("frame {}, landmark {}: visibility/presence outside [0, 1]", f, name),
              where);
        }
      }
      if (s.has_world &&
          !(finite_or_nan(s.world[f * k + j].x) && finite_or_nan(s.world[f * k + j].y) &&
            finite_or_nan(s.world[f * k + j].z))) {
        return bad_input(
            fmt::format("frame {}, landmark {}: world coordinate is infinite", f, name), where);
      }
    }
  }
  if (n >= 2) {
    const double interval_s = median_frame_interval_s(s.t_s);
    if (interval_s > kMaxFrameInterval_s || interval_s < kMinFrameInterval_s) {
      return bad_input(fmt::format("the typical time between frames is {:g} s ({:g} fps), "
                                   "which is not a plausible recording",
                                   interval_s, 1.0 / interval_s),
                       where, "timestamps must be in seconds (not milliseconds or frames)");
    }
  }
  return {};
}

}  // namespace openpt::motion
