// Kinematic body model of the simulator: segment lengths from stature, a pose given as the
// joint angles of docs/kinematics.md, and forward kinematics to the 33 BlazePose landmarks.
//
// Segment lengths are fractions of stature after Winter (2009), "Biomechanics and Motor
// Control of Human Movement", 4th ed., fig. 4.1. A BodyPose is parameterised so that the
// angles it sets ARE the documented definitions measured on the resulting landmarks: trunk
// flexion and lateral lean relative to vertical, hip and shoulder flexion as sagittal
// projections relative to the trunk line, shoulder abduction and the knee frontal-plane
// projection angle (valgus) as frontal projections, knee, elbow and ankle as 3D segment
// angles, pelvic obliquity as the tilt of the hip line. `definition_angles` evaluates the
// definitions on landmarks (an implementation independent of kinematics.cpp): the simulator
// uses it for ground truth, and tests use it to check the model.
//
// Landmarks come out in the model frame: BlazePose world axes of a subject facing the camera
// (x = subject's left, y down, z away from the camera), mid-hip at the origin.
//
//   Anthropometry body = anthropometry_from_stature(1.72);
//   BodyPose pose;  pose.left.knee_flexion_deg = 60;  pose.left.hip_flexion_deg = 50;
//   BodyLandmarks lm = forward_kinematics(body, pose);
//   auto angles = definition_angles(lm, kModelUp);    // angles[kLeftKneeFlexion] == 60
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

#include "openpt/core/geometry.h"

namespace openpt::motion {

inline constexpr std::size_t kBlazePoseLandmarkCount = 33;
using BodyLandmarks = std::array<Vec3, kBlazePoseLandmarkCount>;  // BlazePose order

// Axes of the model frame (BlazePose world axes, subject facing the camera).
inline constexpr Vec3 kModelLeft{1, 0, 0};       // subject's left = image right
inline constexpr Vec3 kModelUp{0, -1, 0};        // y points down
inline constexpr Vec3 kModelAnterior{0, 0, -1};  // the subject faces the camera

// Segment lengths in metres (joint centre to joint centre unless noted).
struct Anthropometry {
  double stature_m = 0;
  double trunk_m = 0;              // mid-hip to mid-shoulder, 0.288 H
  double hip_width_m = 0;          // between the hip landmarks, 0.191 H
  double shoulder_width_m = 0;     // between the shoulder landmarks, 0.259 H
  double thigh_m = 0;              // hip to knee, 0.245 H
  double shank_m = 0;              // knee to ankle, 0.246 H
  double ankle_height_m = 0;       // ankle above the sole, 0.039 H
  double foot_m = 0;               // heel to toe tip, 0.152 H
  double heel_behind_ankle_m = 0;  // heel landmark behind the ankle, 0.042 H
  double upper_arm_m = 0;          // shoulder to elbow, 0.186 H
  double forearm_m = 0;            // elbow to wrist, 0.146 H
  double hand_m = 0;               // wrist to fingertip, 0.108 H (knuckles at ~0.06 H)
};

Anthropometry anthropometry_from_stature(double stature_m);

// Joint angles of one side, in degrees; names and signs as in docs/kinematics.md.
struct SidePose {
  double hip_flexion_deg = 0;         // thigh relative to the trunk line, sagittal
  double hip_abduction_deg = 0;       // thigh out of the sagittal plane (model parameter,
                                      // not a reported angle); + away from the midline
  double knee_flexion_deg = 0;        // 3D thigh–shank angle
  double knee_valgus_deg = 0;         // knee frontal-plane projection angle, + valgus
  double ankle_dorsiflexion_deg = 0;  // 90° − shank–foot angle; − plantarflexion
  double shoulder_flexion_deg = 0;    // upper arm relative to the trunk line, sagittal
  double shoulder_abduction_deg = 0;  // upper arm relative to the trunk line, frontal
  double elbow_flexion_deg = 0;       // 3D upper arm–forearm angle, forearm moves forward
  // Arm elevation in a plane of its own: when nonzero, the upper arm is raised by this angle
  // from hanging along the trunk, in the plane through the trunk axis that lies
  // `shoulder_plane_deg` forward of the frontal plane (30° = the scapular plane, scaption;
  // 0° = abduction; 90° = flexion), and the two projection angles above are ignored.
  double shoulder_elevation_deg = 0;
  double shoulder_plane_deg = 30;
  // Shoulder hike: the shoulder landmark rises this far along the trunk axis (metres); the
  // arm moves with it, the head does not, and the trunk line keeps its direction.
  double shoulder_hike_m = 0;
};

// Sagittal and frontal projections cannot both exceed 90° freely: an arm raised past 90°
// in one plane projects onto the other plane pointing up (180°). The model reproduces both
// shoulder angles exactly when each is within ±90°, or when one is 0 (then the other
// plane reads 0° or 180°). Trunk angles must stay within ±85°.
struct BodyPose {
  double trunk_flexion_deg = 0;       // forward lean of the trunk from vertical
  double trunk_lateral_lean_deg = 0;  // + lean to the subject's right
  double pelvic_obliquity_deg = 0;    // + left hip higher than the right
  SidePose left, right;
};

// Landmarks of `pose` in the model frame, mid-hip at the origin. The head is rigid with the
// trunk (it does not follow a shoulder hike); hands are straight continuations of the forearms,
// palms facing the body when the arm hangs; each foot lies in the plane of its shank and the
// anterior axis, flat on the floor when the ankle dorsiflexion equals the shank's forward tilt.
BodyLandmarks forward_kinematics(const Anthropometry& body, const BodyPose& pose);

// The 17 angles of docs/kinematics.md, in this order.
enum DefinedAngle : std::size_t {
  kLeftKneeFlexion,
  kRightKneeFlexion,
  kLeftHipFlexion,
  kRightHipFlexion,
  kLeftAnkleDorsiflexion,
  kRightAnkleDorsiflexion,
  kLeftElbowFlexion,
  kRightElbowFlexion,
  kLeftShoulderFlexion,
  kRightShoulderFlexion,
  kLeftShoulderAbduction,
  kRightShoulderAbduction,
  kLeftKneeFrontalProjection,
  kRightKneeFrontalProjection,
  kTrunkFlexion,
  kTrunkLateralLean,
  kPelvicObliquity,
  kDefinedAngleCount
};
using DefinedAngles = std::array<double, kDefinedAngleCount>;

// "left_knee_flexion", ... in DefinedAngle order (the names of kinematics.h).
std::span<const std::string_view> defined_angle_names();

struct DefinitionOptions {
  // Angles measured in a plane are NaN when a vector's projection onto that plane is
  // shorter than this fraction of its length (the angle is then ill-conditioned: a
  // millimetre moves it by degrees). 0 keeps every finite value.
  double min_projection_fraction = 0.0;
};

// docs/kinematics.md evaluated on 3D landmarks (BlazePose order) with unit `up`.
DefinedAngles definition_angles(const BodyLandmarks& landmarks, const Vec3& up,
                                const DefinitionOptions& options = {});

}  // namespace openpt::motion
