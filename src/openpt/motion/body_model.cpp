#include "openpt/motion/body_model.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "openpt/motion/kinematics.h"

namespace openpt::motion {

namespace {

constexpr Vec3 kA = kModelAnterior;
constexpr Vec3 kU = kModelUp;
constexpr Vec3 kL = kModelLeft;

// BlazePose landmark indices.
enum Lm : std::size_t {
  kNose = 0,
  kLeftEyeInner,
  kLeftEye,
  kLeftEyeOuter,
  kRightEyeInner,
  kRightEye,
  kRightEyeOuter,
  kLeftEar,
  kRightEar,
  kMouthLeft,
  kMouthRight,
  kLeftShoulder,
  kRightShoulder,
  kLeftElbow,
  kRightElbow,
  kLeftWrist,
  kRightWrist,
  kLeftPinky,
  kRightPinky,
  kLeftIndex,
  kRightIndex,
  kLeftThumb,
  kRightThumb,
  kLeftHip,
  kRightHip,
  kLeftKnee,
  kRightKnee,
  kLeftAnkle,
  kRightAnkle,
  kLeftHeel,
  kRightHeel,
  kLeftFootIndex,
  kRightFootIndex,
};

struct SideIndex {
  std::size_t shoulder, elbow, wrist, pinky, index, thumb, hip, knee, ankle, heel, toe;
};
constexpr SideIndex kLeftSide{kLeftShoulder, kLeftElbow, kLeftWrist,    kLeftPinky,
                              kLeftIndex,    kLeftThumb, kLeftHip,      kLeftKnee,
                              kLeftAnkle,    kLeftHeel,  kLeftFootIndex};
constexpr SideIndex kRightSide{kRightShoulder, kRightElbow, kRightWrist,    kRightPinky,
                               kRightIndex,    kRightThumb, kRightHip,      kRightKnee,
                               kRightAnkle,    kRightHeel,  kRightFootIndex};

double rad(double deg) {
  return deg * kDegToRad;
}

// Unit vector whose sagittal projection makes `sagittal_deg` with straight down (+ forward)
// and whose frontal projection makes `frontal_deg` with straight down (+ towards `side`).
// Exact when both are within ±90°, or both beyond, or one is 0.
Vec3 direction_from_projections(double sagittal_deg, double frontal_deg, const Vec3& side) {
  const double b = rad(sagittal_deg), p = rad(frontal_deg);
  const double cb = std::cos(b), cp = std::cos(p);
  const double down = (cb < 0 || cp < 0) ? -std::abs(cb) * std::abs(cp) : cb * cp;
  return normalized(kA * (std::sin(b) * std::abs(cp)) - kU * down +
                    side * (std::sin(p) * std::abs(cb)));
}

// Frontal angle of v from straight down, positive towards `side`.
double frontal_angle_rad(const Vec3& v, const Vec3& side) {
  return std::atan2(dot(v, side), -dot(v, kU));
}

// Shank direction making the 3D angle `knee_deg` with the thigh and the frontal projection
// angle `valgus_deg` (towards `side` = lateral), the shank behind the thigh for flexion.
Vec3 shank_direction(const Vec3& thigh, double knee_deg, double valgus_deg, const Vec3& side) {
  const double psi = frontal_angle_rad(thigh, side) + rad(valgus_deg);
  const Vec3 f = -kU * std::cos(psi) + side * std::sin(psi);  // the shank's frontal direction
  const double p = dot(f, thigh), q = dot(kA, thigh);
  const double r = std::hypot(p, q);
  const double delta = std::atan2(q, p);
  const double c = std::clamp(std::cos(rad(knee_deg)) / r, -1.0, 1.0);
  const double mu = knee_deg >= 0 ? delta - std::acos(c) : delta + std::acos(c);
  return f * std::cos(mu) + kA * std::sin(mu);
}

// Rotation taking unit `from` onto unit `to`, applied to v (the shortest arc; about
// `fallback_axis` when the two are opposite).
Vec3 rotate_like(const Vec3& v, const Vec3& from, const Vec3& to, const Vec3& fallback_axis) {
  const Vec3 axis = cross(from, to);
  const double s = norm(axis), c = dot(from, to);
  if (s < 1e-12) return c > 0 ? v : rotate(v, fallback_axis, std::numbers::pi);
  return rotate(v, axis / s, std::atan2(s, c));
}

struct TrunkFrame {
  Vec3 up, left, anterior;
};

void place_leg(const Anthropometry& b, const SidePose& s, const Vec3& side, double trunk_deg,
               const SideIndex& ix, BodyLandmarks& lm) {
  const double beta = rad(s.hip_flexion_deg - trunk_deg);
  const double eps = rad(s.hip_abduction_deg);
  const Vec3 thigh =
      (kA * std::sin(beta) - kU * std::cos(beta)) * std::cos(eps) + side * std::sin(eps);
  lm[ix.knee] = lm[ix.hip] + thigh * b.thigh_m;
  const Vec3 shank = shank_direction(thigh, s.knee_flexion_deg, s.knee_valgus_deg, side);
  lm[ix.ankle] = lm[ix.knee] + shank * b.shank_m;

  // Foot in the plane of the shank and the anterior axis, 90° − dorsiflexion from the shank,
  // turned from the shank the way a dorsiflexion turns (up → forward about the left axis),
  // also when the shank points forward and down (the rear leg of a lunge).
  const Vec3 shank_up = -shank;
  const Vec3 roll_forward = cross(kL, shank_up);
  Vec3 forward = project_onto_plane(kA, shank_up);
  if (norm(forward) < 1e-9) forward = roll_forward;
  forward = normalized(dot(forward, roll_forward) < 0 ? -forward : forward);
  const double df = rad(s.ankle_dorsiflexion_deg);
  const Vec3 foot = shank_up * std::sin(df) + forward * std::cos(df);
  const Vec3 foot_up = normalized(project_onto_plane(shank_up, foot));
  lm[ix.heel] = lm[ix.ankle] - foot_up * b.ankle_height_m - foot * b.heel_behind_ankle_m;
  lm[ix.toe] = lm[ix.heel] + foot * b.foot_m;
}

void place_arm(const Anthropometry& b, const SidePose& s, const Vec3& side, double sign,
               const BodyPose& pose, const TrunkFrame& trunk, const SideIndex& ix,
               BodyLandmarks& lm) {
  const double h = b.stature_m;
  // Projections measured from −trunk: its sagittal angle is −trunk flexion, its frontal
  // angle towards this side is +lean on the left and −lean on the right.
  Vec3 arm;
  if (s.shoulder_elevation_deg != 0) {
    const double e = rad(s.shoulder_elevation_deg), plane = rad(s.shoulder_plane_deg);
    const Vec3 out = trunk.left * (sign * std::cos(plane)) + trunk.anterior * std::sin(plane);
    arm = -trunk.up * std::cos(e) + out * std::sin(e);
  } else {
    arm = direction_from_projections(s.shoulder_flexion_deg - pose.trunk_flexion_deg,
                                     s.shoulder_abduction_deg + sign * pose.trunk_lateral_lean_deg,
                                     side);
  }
  lm[ix.elbow] = lm[ix.shoulder] + arm * b.upper_arm_m;
  const Vec3 arm_anterior = rotate_like(trunk.anterior, -trunk.up, arm, trunk.left);
  const double k = rad(s.elbow_flexion_deg);
  const Vec3 forearm = arm * std::cos(k) + arm_anterior * std::sin(k);
  const Vec3 hand_anterior = arm_anterior * std::cos(k) - arm * std::sin(k);
  const Vec3& w = lm[ix.wrist] = lm[ix.elbow] + forearm * b.forearm_m;
  // Palm towards the body with the arm hanging: thumb and index in front, pinky behind.
  lm[ix.index] = w + forearm * (0.060 * h) + hand_anterior * (0.015 * h);
  lm[ix.pinky] = w + forearm * (0.055 * h) - hand_anterior * (0.017 * h);
  lm[ix.thumb] = w + forearm * (0.035 * h) + hand_anterior * (0.030 * h);
}

}  // namespace

Anthropometry anthropometry_from_stature(double h) {
  Anthropometry b;
  b.stature_m = h;
  b.trunk_m = 0.288 * h;
  b.hip_width_m = 0.191 * h;
  b.shoulder_width_m = 0.259 * h;
  b.thigh_m = 0.245 * h;
  b.shank_m = 0.246 * h;
  b.ankle_height_m = 0.039 * h;
  b.foot_m = 0.152 * h;
  b.heel_behind_ankle_m = 0.042 * h;
  b.upper_arm_m = 0.186 * h;
  b.forearm_m = 0.146 * h;
  b.hand_m = 0.108 * h;
  return b;
}

BodyLandmarks forward_kinematics(const Anthropometry& b, const BodyPose& pose) {
  assert(std::abs(pose.trunk_flexion_deg) < 85 && std::abs(pose.trunk_lateral_lean_deg) < 85);
  const double h = b.stature_m;
  BodyLandmarks lm;
  lm.fill(Vec3{NAN, NAN, NAN});

  // Pelvis: the hip line tilted by the obliquity about the anterior axis, mid-hip at 0.
  const double ob = rad(pose.pelvic_obliquity_deg);
  const Vec3 half_hips = (kL * std::cos(ob) + kU * std::sin(ob)) * (0.5 * b.hip_width_m);
  lm[kLeftHip] = half_hips;
  lm[kRightHip] = -half_hips;

  // Trunk: sagittal projection at trunk flexion, frontal at lateral lean (both from up).
  TrunkFrame trunk;
  trunk.up = normalized(kA * std::tan(rad(pose.trunk_flexion_deg)) + kU -
                        kL * std::tan(rad(pose.trunk_lateral_lean_deg)));
  trunk.left = normalized(project_onto_plane(kL, trunk.up));
  trunk.anterior = cross(trunk.left, trunk.up);
  const Vec3 mid_shoulder = trunk.up * b.trunk_m;
  lm[kLeftShoulder] =
      mid_shoulder + trunk.left * (0.5 * b.shoulder_width_m) + trunk.up * pose.left.shoulder_hike_m;
  lm[kRightShoulder] = mid_shoulder - trunk.left * (0.5 * b.shoulder_width_m) +
                       trunk.up * pose.right.shoulder_hike_m;

  // Head, rigid with the trunk: offsets (up, forward, left) from mid-shoulder, × stature.
  auto head = [&](double up, double fwd, double left) {
    return mid_shoulder + (trunk.up * up + trunk.anterior * fwd + trunk.left * left) * h;
  };
  lm[kNose] = head(0.090, 0.058, 0);
  lm[kLeftEyeInner] = head(0.113, 0.048, 0.010);
  lm[kLeftEye] = head(0.114, 0.046, 0.019);
  lm[kLeftEyeOuter] = head(0.113, 0.042, 0.028);
  lm[kRightEyeInner] = head(0.113, 0.048, -0.010);
  lm[kRightEye] = head(0.114, 0.046, -0.019);
  lm[kRightEyeOuter] = head(0.113, 0.042, -0.028);
  lm[kLeftEar] = head(0.105, -0.005, 0.045);
  lm[kRightEar] = head(0.105, -0.005, -0.045);
  lm[kMouthLeft] = head(0.070, 0.048, 0.014);
  lm[kMouthRight] = head(0.070, 0.048, -0.014);

  place_leg(b, pose.left, kL, pose.trunk_flexion_deg, kLeftSide, lm);
  place_leg(b, pose.right, -kL, pose.trunk_flexion_deg, kRightSide, lm);
  place_arm(b, pose.left, kL, +1, pose, trunk, kLeftSide, lm);
  place_arm(b, pose.right, -kL, -1, pose, trunk, kRightSide, lm);
  return lm;
}

std::span<const std::string_view> defined_angle_names() {
  static constexpr std::array<std::string_view, kDefinedAngleCount> kNames = {
      "left_knee_flexion",
      "right_knee_flexion",
      "left_hip_flexion",
      "right_hip_flexion",
      "left_ankle_dorsiflexion",
      "right_ankle_dorsiflexion",
      "left_elbow_flexion",
      "right_elbow_flexion",
      "left_shoulder_flexion",
      "right_shoulder_flexion",
      "left_shoulder_abduction",
      "right_shoulder_abduction",
      "left_knee_frontal_projection",
      "right_knee_frontal_projection",
      "trunk_flexion",
      "trunk_lateral_lean",
      "pelvic_obliquity"};
  return kNames;
}

DefinedAngles definition_angles(const BodyLandmarks& lm, const Vec3& up,
                                const DefinitionOptions& options) {
  const double min_fraction = options.min_projection_fraction;
  // Signed angle in the plane normal to `axis`, NaN when ill-conditioned.
  auto planar = [&](const Vec3& from, const Vec3& to, const Vec3& axis) {
    for (const Vec3& v : {from, to}) {
      if (norm(project_onto_plane(v, axis)) < min_fraction * norm(v)) return double{NAN};
    }
    return signed_angle_in_plane_deg(from, to, axis);
  };
  const Vec3 mid_hip = midpoint(lm[kLeftHip], lm[kRightHip]);
  const Vec3 trunk = midpoint(lm[kLeftShoulder], lm[kRightShoulder]) - mid_hip;
  const Vec3 m = normalized(project_onto_plane(lm[kLeftHip] - lm[kRightHip], up));
  const Vec3 a = cross(m, up);

  DefinedAngles out;
  out.fill(NAN);
  auto side = [&](const SideIndex& ix, std::size_t offset, double sign) {
    const Vec3 thigh = lm[ix.knee] - lm[ix.hip];
    const Vec3 shank = lm[ix.ankle] - lm[ix.knee];
    const Vec3 upper_arm = lm[ix.elbow] - lm[ix.shoulder];
    const double knee = angle_between_deg(thigh, shank);
    out[kLeftKneeFlexion + offset] = dot(cross(thigh, shank), m) < 0 ? -knee : knee;
    out[kLeftHipFlexion + offset] = wrap_deg(planar(-trunk, thigh, -m), kElevationLowerDeg);
    out[kLeftAnkleDorsiflexion + offset] =
        90.0 - angle_between_deg(lm[ix.knee] - lm[ix.ankle], lm[ix.toe] - lm[ix.heel]);
    out[kLeftElbowFlexion + offset] = angle_between_deg(upper_arm, lm[ix.wrist] - lm[ix.elbow]);
    out[kLeftShoulderFlexion + offset] =
        wrap_deg(planar(-trunk, upper_arm, -m), kElevationLowerDeg);
    out[kLeftShoulderAbduction + offset] =
        wrap_deg(planar(-trunk, upper_arm, a * sign), kElevationLowerDeg);
    // Not defined with the thigh or shank pointing up (docs/kinematics.md).
    out[kLeftKneeFrontalProjection + offset] =
        dot(thigh, up) < 0 && dot(shank, up) < 0 ? planar(thigh, shank, a * sign) : NAN;
  };
  side(kLeftSide, 0, +1);
  side(kRightSide, 1, -1);
  out[kTrunkFlexion] = planar(up, trunk, m);
  out[kTrunkLateralLean] = planar(up, trunk, a);
  const Vec3 hips = lm[kLeftHip] - lm[kRightHip];
  out[kPelvicObliquity] = std::atan2(dot(hips, up), norm(project_onto_plane(hips, up))) * kRadToDeg;
  return out;
}

}  // namespace openpt::motion
