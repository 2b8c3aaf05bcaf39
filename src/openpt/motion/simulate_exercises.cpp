#include "openpt/motion/simulate_exercises.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <utility>

#include "openpt/motion/trajectory.h"

namespace openpt::motion::sim {

namespace {

// Feet flat: the hip flexes by the knee angle minus the shank's forward tilt plus the trunk
// lean (hip flexion is measured from the trunk line).
double flat_foot_hip_deg(double knee_deg, double shank_tilt_deg, double trunk_deg) {
  return knee_deg - shank_tilt_deg + trunk_deg;
}

BodyPose squat(const Progress& p, const Compensations& c) {
  BodyPose pose;
  pose.trunk_flexion_deg = 30 * p.mean;
  for (auto [side, q, raw] : {std::tuple{&pose.left, p.left, p.raw_left},
                              std::tuple{&pose.right, p.right, p.raw_right}}) {
    side->knee_flexion_deg = 100 * q;
    side->ankle_dorsiflexion_deg = 25 * q - c.heel_lift_deg * raw;
    side->hip_flexion_deg = flat_foot_hip_deg(100 * q, 25 * q, pose.trunk_flexion_deg);
    // Arms reach forward for balance, to 80° from hanging (in the room) at the bottom.
    side->shoulder_flexion_deg = 80 * p.mean + pose.trunk_flexion_deg;
  }
  return pose;
}

BodyPose sit_to_stand(const Progress& p, const Compensations&) {
  // Progress 0 = seated (knees 90°, shanks tilted 10° forward, trunk 10°), 1 = standing.
  // The trunk leans forward most shortly before seat-off (~35 % of the rise).
  BodyPose pose;
  const double m = std::clamp(p.mean, 0.0, 1.0);
  const double lean = std::pow(std::sin(std::numbers::pi * std::pow(m, 0.6)), 2);
  pose.trunk_flexion_deg = 10 * (1 - p.mean) + 35 * lean;
  for (auto [side, q] : {std::pair{&pose.left, p.left}, std::pair{&pose.right, p.right}}) {
    side->knee_flexion_deg = 90 * (1 - q);
    side->ankle_dorsiflexion_deg = 10 * (1 - q);
    side->hip_flexion_deg = flat_foot_hip_deg(90 * (1 - q), 10 * (1 - q), pose.trunk_flexion_deg);
    side->shoulder_flexion_deg = pose.trunk_flexion_deg;  // arms hang vertically
  }
  return pose;
}

BodyPose shoulder_abduction(const Progress& p, const Compensations&) {
  BodyPose pose;
  pose.left.shoulder_abduction_deg = 150 * p.left;
  pose.right.shoulder_abduction_deg = 150 * p.right;
  return pose;
}

BodyPose shoulder_flexion(const Progress& p, const Compensations&) {
  BodyPose pose;
  pose.left.shoulder_flexion_deg = 150 * p.left;
  pose.right.shoulder_flexion_deg = 150 * p.right;
  return pose;
}

BodyPose shoulder_scaption(const Progress& p, const Compensations&) {
  BodyPose pose;
  for (auto [side, q] : {std::pair{&pose.left, p.left}, std::pair{&pose.right, p.right}}) {
    side->shoulder_elevation_deg = 150 * q;
    side->shoulder_plane_deg = 30;
  }
  return pose;
}

BodyPose elbow_flexion(const Progress& p, const Compensations&) {
  BodyPose pose;
  pose.left.elbow_flexion_deg = 130 * p.left;
  pose.right.elbow_flexion_deg = 130 * p.right;
  return pose;
}

BodyPose heel_raise(const Progress& p, const Compensations&) {
  BodyPose pose;  // rises onto the toes: the feet plantarflex 30°, pivoting on the toe tips
  pose.left.ankle_dorsiflexion_deg = -30 * p.left;
  pose.right.ankle_dorsiflexion_deg = -30 * p.right;
  return pose;
}

BodyPose hip_abduction(const Progress& p, const Compensations&) {
  BodyPose pose;  // standing on the other leg, the leading leg swings out, knee straight
  SidePose& lead = p.right_leads ? pose.right : pose.left;
  lead.hip_abduction_deg = 35 * (p.right_leads ? p.right : p.left);
  return pose;
}

// --- Forward lunge: two-link inverse kinematics in the sagittal plane --------------------

struct P2 {
  double x = 0, z = 0;  // x forward, z up; stature units
};

struct Leg2d {
  double thigh_deg = 0;  // thigh from straight down, + forward (hip flexion − trunk)
  double knee_deg = 0;
  double ankle_dorsiflexion_deg = 0;
};

// Hip and ankle positions → leg angles with the knee in front of the hip–ankle line; the
// foot pitched `foot_pitch_deg` (toe below heel). An unreachable ankle is approached as far
// as the leg reaches.
Leg2d solve_leg(P2 hip, P2 ankle, double foot_pitch_deg) {
  static const Anthropometry unit = anthropometry_from_stature(1.0);
  const double l1 = unit.thigh_m, l2 = unit.shank_m;
  const double dx = ankle.x - hip.x, dz = ankle.z - hip.z;
  const double d_raw = std::hypot(dx, dz);
  const double ux = dx / d_raw, uz = dz / d_raw;
  double alpha = 0, d = l1 + l2;
  if (d_raw < l1 + l2 - 1e-9) {
    d = std::max(d_raw, std::abs(l1 - l2) + 1e-6);
    alpha = std::acos(std::clamp((l1 * l1 + d * d - l2 * l2) / (2 * l1 * d), -1.0, 1.0));
  }
  // Thigh: the hip→ankle direction turned forward by alpha.
  const P2 thigh{ux * std::cos(alpha) - uz * std::sin(alpha),
                 ux * std::sin(alpha) + uz * std::cos(alpha)};
  const P2 knee{hip.x + l1 * thigh.x, hip.z + l1 * thigh.z};
  const P2 reach{hip.x + d * ux, hip.z + d * uz};
  const P2 shank{(reach.x - knee.x) / l2, (reach.z - knee.z) / l2};
  const double to_deg = 180.0 / std::numbers::pi;
  Leg2d leg;
  leg.thigh_deg = std::atan2(thigh.x, -thigh.z) * to_deg;
  leg.knee_deg = std::acos(std::clamp(thigh.x * shank.x + thigh.z * shank.z, -1.0, 1.0)) * to_deg;
  // Dorsiflexion: 90° minus the turn from the shank (ankle → knee) to the foot (heel → toe),
  // measured the way a dorsiflexion turns (up → forward, clockwise here).
  const double pitch = foot_pitch_deg / to_deg;
  const P2 up{-shank.x, -shank.z}, foot{std::cos(pitch), -std::sin(pitch)};
  const double turn = std::atan2(up.z * foot.x - up.x * foot.z, up.x * foot.x + up.z * foot.z);
  leg.ankle_dorsiflexion_deg = 90 - turn * to_deg;
  return leg;
}

// The leading foot steps forward 0.47 H in the first half of the rep (lifting 0.07 H at
// mid-swing) while the pelvis moves 0.2 H forward and 0.12 H down; overlapping with the step
// (from 30 % of the rep), the lowering takes the pelvis to 0.31 H ahead of the start and
// 0.29 H above the floor and the rear heel up to 45° about the toe. Depth scales the
// lowering only (a lunge of depth 0 steps out and back); the baseline (drift, set-up) is a
// lowering with the feet together.
BodyPose forward_lunge(const Progress& p, const Compensations&) {
  static const Anthropometry unit = anthropometry_from_stature(1.0);
  const double raw = p.right_leads ? p.raw_right : p.raw_left;
  const double depth = p.right_leads ? p.depth_right : p.depth_left;
  const double step = std::clamp(raw / 0.5, 0.0, 1.0);
  const double lower = p.base + depth * min_jerk((raw - 0.3) / 0.7);
  const double ankle_h = unit.ankle_height_m;
  const double toe_ahead = unit.foot_m - unit.heel_behind_ankle_m;  // toe ahead of the ankle
  const double stand_h = unit.thigh_m + unit.shank_m + ankle_h;

  const double s = min_jerk(step);
  const P2 hip{0.2 * s + 0.11 * lower, stand_h - 0.12 * s - 0.12 * lower};
  const double lift = std::pow(std::sin(std::numbers::pi * step), 2);
  const P2 front_ankle{0.47 * s, ankle_h + 0.07 * lift};
  const double pitch_deg = 45 * std::clamp(lower, 0.0, 1.5) * s;
  const double pitch = pitch_deg * std::numbers::pi / 180;
  const P2 rear_ankle{toe_ahead - toe_ahead * std::cos(pitch) + ankle_h * std::sin(pitch),
                      toe_ahead * std::sin(pitch) + ankle_h * std::cos(pitch)};
  const Leg2d front = solve_leg(hip, front_ankle, 0);
  const Leg2d rear = solve_leg(hip, rear_ankle, pitch_deg);

  BodyPose pose;
  pose.trunk_flexion_deg = 8 * std::max(0.0, lower);
  SidePose& lead = p.right_leads ? pose.right : pose.left;
  SidePose& trail = p.right_leads ? pose.left : pose.right;
  for (auto [side, leg] : {std::pair{&lead, front}, std::pair{&trail, rear}}) {
    side->hip_flexion_deg = leg.thigh_deg + pose.trunk_flexion_deg;
    side->knee_flexion_deg = leg.knee_deg;
    side->ankle_dorsiflexion_deg = leg.ankle_dorsiflexion_deg;
    side->shoulder_flexion_deg = pose.trunk_flexion_deg;  // arms hang vertically
  }
  return pose;
}

constexpr std::array<ExerciseSpec, 9> kExercises = {{
    {"squat",
     "bodyweight squat: knees to 100°, ankles 25° dorsiflexion, trunk 30° forward, hips "
     "follow (feet flat), arms reach forward; 3 s per rep, front view",
     3.0, CameraView::kFront, squat, 100},
    {"sit_to_stand",
     "from a chair (knees 90°, hips 90°) to standing and back, trunk leaning forward up to "
     "~42° before seat-off (hips to ~102°); 3 s per rep, side view",
     3.0, CameraView::kSide, sit_to_stand, 90, Sides::kBilateral, MovingSide::kBoth, 1.0},
    {"shoulder_abduction",
     "arms raised sideways in the frontal plane to 150°, elbows straight; 4 s per rep, "
     "front view",
     4.0, CameraView::kFront, shoulder_abduction, 150, Sides::kIndependent},
    {"shoulder_flexion",
     "arms raised forward in the sagittal plane to 150°, elbows straight; 4 s per rep, side "
     "view",
     4.0, CameraView::kSide, shoulder_flexion, 150, Sides::kIndependent},
    {"shoulder_scaption",
     "arms raised to 150° in the scapular plane (30° forward of the frontal plane), elbows "
     "straight; 4 s per rep, front view",
     4.0, CameraView::kFront, shoulder_scaption, 150, Sides::kIndependent},
    {"elbow_flexion",
     "biceps curl: elbows flex to 130° with the upper arms hanging; 3 s per rep, side view", 3.0,
     CameraView::kSide, elbow_flexion, 130, Sides::kIndependent},
    {"heel_raise",
     "standing calf raise: 30° plantarflexion onto the toes, knees straight; 2 s per rep, "
     "side view",
     2.0, CameraView::kSide, heel_raise, 30},
    {"forward_lunge",
     "step forward 0.47 × stature and lower until the front knee is ~105° and the rear knee "
     "~115° (rear heel up 45°), then step back; legs alternate (left first); 4 s per rep, "
     "side view",
     4.0, CameraView::kSide, forward_lunge, 105, Sides::kUnilateral, MovingSide::kAlternating},
    {"hip_abduction",
     "standing hip abduction on the other leg: the leading leg swings out to 35°, knee "
     "straight; left leg by default; 3 s per rep, front view",
     3.0, CameraView::kFront, hip_abduction, 35, Sides::kUnilateral, MovingSide::kLeft, 0.0, true},
}};

}  // namespace

std::span<const ExerciseSpec> simulated_exercise_specs() {
  return {kExercises.data(), kExercises.size()};
}

const ExerciseSpec* find_simulated_exercise(std::string_view name) {
  for (const auto& e : kExercises) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

}  // namespace openpt::motion::sim
