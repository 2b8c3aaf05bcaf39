#include "openpt/motion/landmark_tracks.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "openpt/core/time_series.h"

namespace openpt::motion {

namespace {

// Joints whose gaps matter for the angles (face landmarks only decide facing direction).
bool analysed_joint(Joint j) {
  switch (j) {
    case Joint::kNose:
    case Joint::kLeftEye:
    case Joint::kRightEye:
    case Joint::kLeftEar:
    case Joint::kRightEar:
    case Joint::kNeck:
    case Joint::kPelvis: return false;
    default: return true;
  }
}

}  // namespace

void fill_gaps(std::vector<Vec3>& track, const std::vector<double>& t, double interval,
               double max_gap_s, Joint joint, std::vector<Gap>& gaps) {
  const std::size_t n = track.size();
  std::size_t i = 0;
  while (i < n) {
    if (is_finite(track[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && !is_finite(track[j])) ++j;
    const std::size_t last = j - 1;
    Gap gap{joint, i, last, t[i], t[last], false};
    const bool bounded = i > 0 && j < n;
    if (bounded && t[j] - t[i - 1] - interval <= max_gap_s + 1e-9) {
      const Vec3 a = track[i - 1], b = track[j];
      const double t0 = t[i - 1], span = t[j] - t[i - 1];
      for (std::size_t f = i; f < j; ++f) track[f] = a + (b - a) * ((t[f] - t0) / span);
      gap.filled = true;
    }
    gaps.push_back(gap);
    i = j;
  }
}

LandmarkTracks build_tracks(const PoseSequence& seq, bool use_world, const TrackOptions& options,
                            std::vector<std::string>& warnings) {
  LandmarkTracks tracks;
  const std::size_t n = seq.frame_count();
  const double interval = median_frame_interval_s(seq.t_s);
  double sx = 1, sy = 1;
  if (use_world) {
    tracks.up = normalized(seq.world_up);
  } else {
    tracks.up = {0, -1, 0};
    const ImageSpace& space = seq.image_space;
    if (space.units == ImageUnits::kNormalized) {
      if (space.width_px > 0 && space.height_px > 0) {
        sx = space.width_px;
        sy = space.height_px;
      } else if (!space.per_frame_normalized) {
        warnings.emplace_back(
            "image size unknown: normalised coordinates are treated as square, so 2D angles "
            "are distorted unless the image was square");
      }
    }
    if (space.per_frame_normalized) {
      warnings.emplace_back(
          "coordinates are min–max normalised per frame: 2D angles are distorted and only "
          "their changes over time are meaningful");
    }
  }
  // Frame-major pass (the storage order), then gap filling per joint.
  std::vector<std::pair<std::size_t, std::size_t>> present;  // (joint, landmark index)
  for (std::size_t j = 0; j < kJointCount; ++j) {
    const int index = seq.skeleton->landmark_of(static_cast<Joint>(j));
    if (index < 0) continue;
    present.emplace_back(j, static_cast<std::size_t>(index));
    tracks.points[j].assign(n, Vec3{NAN, NAN, NAN});
  }
  for (std::size_t f = 0; f < n; ++f) {
    if (!seq.detected[f]) continue;
    for (auto [j, index] : present) {
      Vec3& point = tracks.points[j][f];
      if (seq.has_image) {
        const Landmark& l = seq.image_at(f, index);
        if (l.visibility < options.min_visibility) continue;  // false for NaN: not reported
        if (!use_world) {
          if (l.present()) point = {l.x * sx, l.y * sy, 0.0};
          continue;
        }
      }
      point = seq.world_at(f, index);
    }
  }
  for (auto [j, index] : present) {
    const Joint joint = static_cast<Joint>(j);
    std::vector<Gap> gaps;
    fill_gaps(tracks.points[j], seq.t_s, interval, options.max_gap_fill_s, joint, gaps);
    if (analysed_joint(joint)) tracks.gaps.insert(tracks.gaps.end(), gaps.begin(), gaps.end());
  }
  std::sort(tracks.gaps.begin(), tracks.gaps.end(), [](const Gap& a, const Gap& b) {
    return a.first_frame != b.first_frame ? a.first_frame < b.first_frame : a.joint < b.joint;
  });
  return tracks;
}

namespace {

// Median over frames of f(frame), skipping frames where it is not finite.
template <class F>
double median_over_frames(std::size_t n, F f) {
  std::vector<double> values;
  for (std::size_t i = 0; i < n; ++i) {
    const double v = f(i);
    if (std::isfinite(v)) values.push_back(v);
  }
  return median(std::move(values));
}

// Median of (to − from).x over frames where both joints are known.
double median_dx(const LandmarkTracks& t, Joint from, Joint to) {
  const auto& a = t.points[static_cast<std::size_t>(from)];
  const auto& b = t.points[static_cast<std::size_t>(to)];
  if (a.empty() || b.empty()) return NAN;
  return median_over_frames(a.size(), [&](std::size_t i) { return b[i].x - a[i].x; });
}

// +1 when a side-view subject faces image-right, −1 when image-left, 0 when unknown.
int facing_direction(const LandmarkTracks& t) {
  double vote = 0;
  auto add = [&](double dx) {
    if (std::isfinite(dx) && dx != 0) vote += dx > 0 ? 1 : -1;
  };
  add(median_dx(t, Joint::kLeftHeel, Joint::kLeftFootIndex));
  add(median_dx(t, Joint::kRightHeel, Joint::kRightFootIndex));
  add(median_dx(t, Joint::kLeftAnkle, Joint::kLeftFootIndex));
  add(median_dx(t, Joint::kRightAnkle, Joint::kRightFootIndex));
  add(median_dx(t, Joint::kLeftEar, Joint::kNose));
  add(median_dx(t, Joint::kRightEar, Joint::kNose));
  return vote > 0 ? 1 : vote < 0 ? -1 : 0;
}

}  // namespace

ViewEstimate estimate_view(const LandmarkTracks& t, CameraView from_metadata,
                           CameraView from_options, bool proportions_lost) {
  ViewEstimate e;
  auto track = [&](Joint j) -> const std::vector<Vec3>& {
    return t.points[static_cast<std::size_t>(j)];
  };
  const auto& ls = track(Joint::kLeftShoulder);
  const auto& rs = track(Joint::kRightShoulder);
  const auto& lh = track(Joint::kLeftHip);
  const auto& rh = track(Joint::kRightHip);
  if (from_options != CameraView::kUnknown) {
    e.view = from_options;
  } else if (from_metadata != CameraView::kUnknown) {
    e.view = from_metadata;
  } else if (proportions_lost) {
    e.view = CameraView::kSide;
    e.assumed = true;
    e.warnings.emplace_back(
        "camera view cannot be inferred from per-frame normalised coordinates (the body's "
        "proportions are lost); assuming a side view, where flexion angles lie in the image — "
        "pass --view to set it");
  } else if (ls.empty() || rs.empty() || lh.empty() || rh.empty()) {
    e.view = CameraView::kFront;
    e.assumed = true;
    e.warnings.emplace_back(
        "camera view could not be inferred (no shoulders or hips); "
        "assuming a front view — pass --view to set it");
  } else {
    const double ratio = median_over_frames(ls.size(), [&](std::size_t i) {
      const double width = std::max(norm(ls[i] - rs[i]), norm(lh[i] - rh[i]));
      const double trunk = norm(midpoint(ls[i], rs[i]) - midpoint(lh[i], rh[i]));
      return trunk > 0 ? width / trunk : NAN;
    });
    e.inferred = std::isfinite(ratio);
    if (!e.inferred) {
      e.view = CameraView::kFront;
      e.assumed = true;
      e.warnings.emplace_back("camera view could not be inferred; assuming a front view");
    } else if (ratio >= 0.45) {
      e.view = median_dx(t, Joint::kRightShoulder, Joint::kLeftShoulder) >= 0 ? CameraView::kFront
                                                                              : CameraView::kBack;
    } else {
      e.view = CameraView::kSide;
    }
    if (std::isfinite(ratio) && ratio > 0.3 && ratio < 0.6) {
      e.warnings.push_back(
          fmt::format("the camera sees the subject obliquely (width/trunk ratio {:.2f}); 2D angles "
                      "assume a {} view — pass --view to override",
                      ratio, camera_view_name(e.view)));
    }
  }
  if (e.view == CameraView::kSide) {
    int facing = facing_direction(t);
    if (facing == 0) {
      facing = 1;
      e.warnings.emplace_back(
          "side view: facing direction unknown (no feet or face landmarks); assuming the "
          "subject faces image-right, so sagittal angle signs may be reversed");
    }
    e.mediolateral_override = {0, 0, static_cast<double>(facing)};
  }
  return e;
}

}  // namespace openpt::motion
