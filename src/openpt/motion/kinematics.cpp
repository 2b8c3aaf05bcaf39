#include "openpt/motion/kinematics.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "openpt/core/filters.h"
#include "openpt/core/time_series.h"
#include "openpt/motion/body_frame.h"
#include "openpt/motion/landmark_tracks.h"

namespace openpt::motion {

namespace {

using enum AngleId;
constexpr Side kL = Side::kLeft;
constexpr Side kR = Side::kRight;
constexpr Side kN = Side::kNone;

constexpr std::array<AngleInfo, 17> kAngles = {{
    {{kKneeFlexion, kL}, "left_knee_flexion", "Left knee flexion", AnglePlane::kSegment, "flexion"},
    {{kKneeFlexion, kR},
     "right_knee_flexion",
     "Right knee flexion",
     AnglePlane::kSegment,
     "flexion"},
    {{kHipFlexion, kL}, "left_hip_flexion", "Left hip flexion", AnglePlane::kSagittal, "flexion"},
    {{kHipFlexion, kR}, "right_hip_flexion", "Right hip flexion", AnglePlane::kSagittal, "flexion"},
    {{kAnkleDorsiflexion, kL},
     "left_ankle_dorsiflexion",
     "Left ankle dorsiflexion",
     AnglePlane::kSegment,
     "dorsiflexion"},
    {{kAnkleDorsiflexion, kR},
     "right_ankle_dorsiflexion",
     "Right ankle dorsiflexion",
     AnglePlane::kSegment,
     "dorsiflexion"},
    {{kElbowFlexion, kL},
     "left_elbow_flexion",
     "Left elbow flexion",
     AnglePlane::kSegment,
     "flexion"},
    {{kElbowFlexion, kR},
     "right_elbow_flexion",
     "Right elbow flexion",
     AnglePlane::kSegment,
     "flexion"},
    {{kShoulderFlexion, kL},
     "left_shoulder_flexion",
     "Left shoulder flexion",
     AnglePlane::kSagittal,
     "flexion"},
    {{kShoulderFlexion, kR},
     "right_shoulder_flexion",
     "Right shoulder flexion",
     AnglePlane::kSagittal,
     "flexion"},
    {{kShoulderAbduction, kL},
     "left_shoulder_abduction",
     "Left shoulder abduction",
     AnglePlane::kFrontal,
     "abduction"},
    {{kShoulderAbduction, kR},
     "right_shoulder_abduction",
     "Right shoulder abduction",
     AnglePlane::kFrontal,
     "abduction"},
    {{kKneeFrontalProjection, kL},
     "left_knee_frontal_projection",
     "Left knee frontal-plane projection",
     AnglePlane::kFrontal,
     "valgus"},
    {{kKneeFrontalProjection, kR},
     "right_knee_frontal_projection",
     "Right knee frontal-plane projection",
     AnglePlane::kFrontal,
     "valgus"},
    {{kTrunkFlexion, kN}, "trunk_flexion", "Trunk flexion", AnglePlane::kSagittal, "forward lean"},
    {{kTrunkLateralLean, kN},
     "trunk_lateral_lean",
     "Trunk lateral lean",
     AnglePlane::kFrontal,
     "lean to the right"},
    {{kPelvicObliquity, kN},
     "pelvic_obliquity",
     "Pelvic obliquity",
     AnglePlane::kFrontal,
     "left hip higher"},
}};

std::size_t angle_index(AngleKey key) {
  for (std::size_t i = 0; i < kAngles.size(); ++i) {
    if (kAngles[i].key == key) return i;
  }
  return 0;
}

// Joints an angle needs, on the given side. The heel is optional (ankle stands in).
std::vector<Joint> required_joints(AngleKey key) {
  const bool left = key.side == kL;
  const Joint hip = left ? Joint::kLeftHip : Joint::kRightHip;
  const Joint knee = left ? Joint::kLeftKnee : Joint::kRightKnee;
  const Joint ankle = left ? Joint::kLeftAnkle : Joint::kRightAnkle;
  const Joint toe = left ? Joint::kLeftFootIndex : Joint::kRightFootIndex;
  const Joint shoulder = left ? Joint::kLeftShoulder : Joint::kRightShoulder;
  const Joint elbow = left ? Joint::kLeftElbow : Joint::kRightElbow;
  const Joint wrist = left ? Joint::kLeftWrist : Joint::kRightWrist;
  const std::vector<Joint> trunk = {Joint::kLeftHip, Joint::kRightHip, Joint::kLeftShoulder,
                                    Joint::kRightShoulder};
  auto with_trunk = [&](std::initializer_list<Joint> extra) {
    std::vector<Joint> out = trunk;
    out.insert(out.end(), extra);
    return out;
  };
  switch (key.id) {
    case kKneeFlexion: return {hip, knee, ankle};
    case kHipFlexion: return with_trunk({knee});
    case kAnkleDorsiflexion: return {knee, ankle, toe};
    case kElbowFlexion: return {shoulder, elbow, wrist};
    case kShoulderFlexion:
    case kShoulderAbduction: return with_trunk({elbow});
    case kKneeFrontalProjection: return {Joint::kLeftHip, Joint::kRightHip, knee, ankle};
    case kTrunkFlexion:
    case kTrunkLateralLean: return trunk;
    case kPelvicObliquity: return {Joint::kLeftHip, Joint::kRightHip};
  }
  return {};
}

// Whether an angle lies in the image plane of a 2D recording seen from `view`.
enum class ViewFit { kInPlane, kProjected, kNotMeasurable };
ViewFit fit_to_view(const AngleInfo& info, CameraView view) {
  const bool side = view == CameraView::kSide;
  if (info.plane == AnglePlane::kSegment) {
    if (side) return ViewFit::kInPlane;
    return info.key.id == kAnkleDorsiflexion ? ViewFit::kNotMeasurable : ViewFit::kProjected;
  }
  const bool sagittal = info.plane == AnglePlane::kSagittal;
  return sagittal == side ? ViewFit::kInPlane : ViewFit::kNotMeasurable;
}

}  // namespace

std::span<const AngleInfo> all_angles() {
  return kAngles;
}

double range_lower_deg(AngleId id) {
  switch (id) {
    case kHipFlexion:
    case kShoulderFlexion:
    case kShoulderAbduction: return kElevationLowerDeg;
    case kKneeFlexion: return kKneeFlexionLowerDeg;
    default: return -180.0;
  }
}

const AngleInfo& angle_info(AngleKey key) {
  return kAngles[angle_index(key)];
}

std::optional<AngleKey> parse_angle_name(std::string_view name) {
  for (const auto& info : kAngles) {
    if (info.name == name) return info.key;
  }
  return std::nullopt;
}

const AngleSeries* Kinematics::find(AngleKey key) const {
  for (const auto& series : angles) {
    if (series.key == key) return &series;
  }
  return nullptr;
}

Result<const AngleSeries*> Kinematics::require(AngleKey key) const {
  if (const AngleSeries* series = find(key)) return series;
  for (const auto& u : unavailable) {
    if (u.key == key) return bad_input(std::string(angle_info(key).name) + " " + u.reason);
  }
  return bad_input(std::string(angle_info(key).name) + " was not computed");
}

namespace {

// Signed angle in the plane normal to `axis`, NaN when ill-conditioned: when either vector
// lies within ~6° of the axis (its projection is under 10 % of its length), the angle is
// dominated by noise. Wrapped into [lower_deg, lower_deg + 360).
double planar_deg(const Vec3& from, const Vec3& to, const Vec3& axis, double lower_deg = -180) {
  const Vec3 a = project_onto_plane(from, axis);
  const Vec3 b = project_onto_plane(to, axis);
  constexpr double kMin2 = kMinProjectionFraction * kMinProjectionFraction;
  if (!(dot(a, a) >= kMin2 * dot(from, from)) || !(dot(b, b) >= kMin2 * dot(to, to))) return NAN;
  const double s = dot(cross(a, b), axis);
  const double c = dot(a, b);
  if (s == 0 && c == 0) return NAN;
  return wrap_deg(std::atan2(s, c) * kRadToDeg, lower_deg);
}

}  // namespace

std::array<double, 17> frame_angles(const BodyPoints& p) {
  std::array<double, 17> out;
  const BodyFrame frame = make_body_frame(p);
  auto at = [&](Joint j) { return p.at[static_cast<std::size_t>(j)]; };
  const Vec3 trunk_down = -frame.trunk;

  for (int s = 0; s < 2; ++s) {
    const bool left = s == 0;
    const Vec3 hip = at(left ? Joint::kLeftHip : Joint::kRightHip);
    const Vec3 knee = at(left ? Joint::kLeftKnee : Joint::kRightKnee);
    const Vec3 ankle = at(left ? Joint::kLeftAnkle : Joint::kRightAnkle);
    const Vec3 heel = at(left ? Joint::kLeftHeel : Joint::kRightHeel);
    const Vec3 toe = at(left ? Joint::kLeftFootIndex : Joint::kRightFootIndex);
    const Vec3 shoulder = at(left ? Joint::kLeftShoulder : Joint::kRightShoulder);
    const Vec3 elbow = at(left ? Joint::kLeftElbow : Joint::kRightElbow);
    const Vec3 wrist = at(left ? Joint::kLeftWrist : Joint::kRightWrist);
    const Vec3 lateral_axis = left ? frame.anterior : -frame.anterior;

    const Vec3 thigh = knee - hip;
    const Vec3 shank = ankle - knee;
    const Vec3 arm = elbow - shoulder;
    const Vec3 foot = toe - (is_finite(heel) ? heel : ankle);

    const double knee_deg = knee_flexion_deg(thigh, shank, frame.mediolateral);
    out[0 + s] = knee_deg < kKneeFlexionLowerDeg ? knee_deg + 360.0 : knee_deg;
    out[2 + s] = planar_deg(trunk_down, thigh, -frame.mediolateral, kElevationLowerDeg);
    out[4 + s] = 90.0 - angle_between_deg(knee - ankle, foot);
    out[6 + s] = angle_between_deg(arm, wrist - elbow);
    out[8 + s] = planar_deg(trunk_down, arm, -frame.mediolateral, kElevationLowerDeg);
    out[10 + s] = planar_deg(trunk_down, arm, lateral_axis, kElevationLowerDeg);
    // FPPA describes a leg pointing down (standing, squatting, landing); with the thigh or
    // shank pointing up (a lunge's rear shank) the projection angle means nothing.
    const bool leg_down = dot(thigh, p.up) < 0 && dot(shank, p.up) < 0;
    out[12 + s] = leg_down ? planar_deg(thigh, shank, lateral_axis) : NAN;
  }
  out[14] = planar_deg(p.up, frame.trunk, frame.mediolateral);
  out[15] = planar_deg(p.up, frame.trunk, frame.anterior);
  out[16] = elevation_deg(at(Joint::kLeftHip) - at(Joint::kRightHip), p.up);
  return out;
}

Result<Kinematics> compute_kinematics(const PoseSequence& sequence,
                                      const KinematicsOptions& options) {
  Kinematics k;
  if (sequence.frame_count() == 0) {
    k.warnings.emplace_back("the recording has no frames: nothing to measure");
    for (const AngleInfo& info : kAngles) k.angles.push_back({info.key, {}, {}, true});
    return k;
  }
  k.t_s = sequence.t_s;
  k.is_3d = sequence.has_world && (options.use_world || !sequence.has_image);
  const Skeleton& skeleton = *sequence.skeleton;

  TrackOptions track_options{.min_visibility = options.min_visibility,
                             .max_gap_fill_s = options.max_gap_fill_s};
  LandmarkTracks tracks = build_tracks(sequence, k.is_3d, track_options, k.warnings);
  k.gaps = std::move(tracks.gaps);

  Vec3 mediolateral_override{NAN, NAN, NAN};
  if (k.is_3d) {  // informational only: 3D angles do not depend on the camera
    k.view = options.view != CameraView::kUnknown ? options.view : sequence.metadata.view;
  } else {
    const ViewEstimate estimate = estimate_view(tracks, sequence.metadata.view, options.view,
                                                sequence.image_space.per_frame_normalized);
    k.view = estimate.view;
    k.view_inferred = estimate.inferred;
    k.view_assumed = estimate.assumed;
    mediolateral_override = estimate.mediolateral_override;
    for (const auto& w : estimate.warnings) k.warnings.push_back(w);
  }

  const std::size_t n = sequence.frame_count();
  std::array<std::vector<double>, 17> values;
  for (auto& v : values) v.resize(n);
  BodyPoints points;
  points.up = tracks.up;
  points.mediolateral_override = mediolateral_override;
  for (std::size_t f = 0; f < n; ++f) {
    for (std::size_t j = 0; j < kJointCount; ++j) {
      points.at[j] = tracks.points[j].empty() ? Vec3{NAN, NAN, NAN} : tracks.points[j][f];
    }
    const auto angles = frame_angles(points);
    for (std::size_t a = 0; a < angles.size(); ++a) values[a][f] = angles[a];
  }

  if (!skeleton.has(Joint::kLeftHeel) && skeleton.has(Joint::kLeftFootIndex)) {
    k.warnings.push_back(fmt::format(
        "skeleton '{}' has no heel: ankle dorsiflexion uses the ankle–toe line, which runs "
        "below the sole line, so it reads lower than a goniometer (compare changes, not "
        "absolute values)",
        skeleton.name));
  }
  const double interval_s = median_frame_interval_s(sequence.t_s);
  k.sample_rate_hz = interval_s > 0 ? 1.0 / interval_s : 0;
  // A cut-off near the Nyquist frequency (half the frame rate) would filter nothing.
  const bool filter =
      options.lowpass_cutoff_hz > 0 && options.lowpass_cutoff_hz <= 0.45 * k.sample_rate_hz;
  if (options.lowpass_cutoff_hz > 0 && !filter) {
    k.warnings.push_back(fmt::format(
        "low-pass filter skipped: a {:g} Hz cut-off needs a frame rate above {:.1f} fps (this "
        "recording has {:.1f})",
        options.lowpass_cutoff_hz, options.lowpass_cutoff_hz / 0.45, k.sample_rate_hz));
  }
  if (filter) k.lowpass_cutoff_hz = options.lowpass_cutoff_hz;
  if (!any_person_detected(sequence)) {
    k.warnings.emplace_back("no person was detected in any frame: nothing to measure");
  } else if (const UndetectedFrames u = undetected_frames(sequence); u.count > 0) {
    // Said when a stretch outlasts gap filling: nothing is measured there.
    const std::size_t first = u.longest_first, after = first + u.longest_frames;
    const double longest_s =
        (after < n ? sequence.t_s[after] : sequence.t_s[after - 1] + interval_s) -
        sequence.t_s[first];
    if (longest_s > options.max_gap_fill_s) {
      k.warnings.push_back(fmt::format(
          "no person was detected in {} of {} frames ({:.0f} %), for up to {:.1f} s at a time "
          "(from {:.1f} s): nothing is measured there, so a repetition there is neither counted "
          "nor judged",
          u.count, n, 100.0 * static_cast<double>(u.count) / static_cast<double>(n), longest_s,
          sequence.t_s[first]));
    }
  }

  for (std::size_t a = 0; a < kAngles.size(); ++a) {
    const AngleInfo& info = kAngles[a];
    std::string missing;
    for (Joint j : required_joints(info.key)) {
      if (!skeleton.has(j)) {
        missing = skeleton.missing_joint_error(j, info.label).message;
        break;
      }
    }
    if (!missing.empty()) {
      k.unavailable.push_back({info.key, "not computed: " + missing});
      continue;
    }
    AngleSeries series{info.key, std::move(values[a]), {}, true};
    if (!k.is_3d) {
      const ViewFit fit = fit_to_view(info, k.view);
      if (fit == ViewFit::kNotMeasurable) {
        k.unavailable.push_back({info.key, fmt::format("is not measurable in 2D from a {} view",
                                                       camera_view_name(k.view))});
        continue;
      }
      series.in_view_plane = fit == ViewFit::kInPlane;
    }
    if (filter) {
      // Filter the continuous (unwrapped) angle, then wrap back into the angle's range.
      series.deg =
          lowpass_zero_phase(unwrap_deg(series.deg), k.sample_rate_hz, options.lowpass_cutoff_hz);
      const double lower = range_lower_deg(info.key.id);
      for (double& v : series.deg) v = wrap_deg(v, lower);
    }
    series.velocity_deg_s = derivative(series.deg, sequence.t_s);
    k.angles.push_back(std::move(series));
  }
  const bool anything_measured = std::any_of(k.angles.begin(), k.angles.end(), [](const auto& a) {
    return std::any_of(a.deg.begin(), a.deg.end(), [](double v) { return std::isfinite(v); });
  });
  if (!anything_measured && !k.angles.empty()) {
    k.warnings.emplace_back(
        "no angle could be measured in any frame: the landmarks are missing, not visible or "
        "coincide");
  }
  if (options.keep_tracks) {
    tracks.mediolateral_override = mediolateral_override;
    k.tracks = std::make_shared<const LandmarkTracks>(std::move(tracks));
  }
  return k;
}

KinematicsSummary summarize(const Kinematics& kinematics) {
  KinematicsSummary summary;
  for (const auto& series : kinematics.angles) {
    AngleSummary s{series.key};
    double sum = 0;
    for (double v : series.deg) {
      if (!std::isfinite(v)) continue;
      if (s.valid_frames == 0 || v < s.min_deg) s.min_deg = v;
      if (s.valid_frames == 0 || v > s.max_deg) s.max_deg = v;
      sum += v;
      ++s.valid_frames;
    }
    if (s.valid_frames > 0) {
      s.rom_deg = s.max_deg - s.min_deg;
      s.mean_deg = sum / static_cast<double>(s.valid_frames);
    }
    summary.angles.push_back(s);
  }
  auto rom_of = [&](AngleId id, Side side) -> double {
    for (const auto& s : summary.angles) {
      if (s.key == AngleKey{id, side}) return s.rom_deg;
    }
    return NAN;
  };
  for (const auto& info : kAngles) {
    if (info.key.side != kL) continue;
    Asymmetry a{info.key.id};
    a.left_rom_deg = rom_of(info.key.id, kL);
    a.right_rom_deg = rom_of(info.key.id, kR);
    if (!std::isfinite(a.left_rom_deg) || !std::isfinite(a.right_rom_deg)) continue;
    a.difference_deg = a.left_rom_deg - a.right_rom_deg;
    const double larger = std::max(a.left_rom_deg, a.right_rom_deg);
    a.index_pct = larger > 0 ? std::abs(a.difference_deg) / larger * 100.0 : 0.0;
    summary.asymmetries.push_back(a);
  }
  return summary;
}

}  // namespace openpt::motion
