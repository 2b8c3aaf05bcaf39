// The body model's landmarks reproduce the joint angles it is driven with, measured straight
// from the landmark positions by the definitions of docs/kinematics.md (computed here with
// core/geometry.h, independently of kinematics.cpp and of definition_angles).
#include "openpt/motion/body_model.h"

#include <gtest/gtest.h>

#include <cmath>

namespace openpt::motion {
namespace {

constexpr double kTol = 0.01;  // degrees
constexpr Vec3 kUp = kModelUp;

// BlazePose indices used here.
enum : std::size_t {
  kNose = 0,
  kLS = 11,
  kRS = 12,
  kLE = 13,
  kRE = 14,
  kLW = 15,
  kRW = 16,
  kLH = 23,
  kRH = 24,
  kLK = 25,
  kRK = 26,
  kLA = 27,
  kRA = 28,
  kLHeel = 29,
  kRHeel = 30,
  kLToe = 31,
  kRToe = 32,
};

// The definitions, written out once more from docs/kinematics.md.
struct Measured {
  double knee[2], hip[2], ankle[2], elbow[2], sh_flex[2], sh_abd[2], fppa[2];
  double trunk_flex, trunk_lean, obliquity;
};

Measured measure(const BodyLandmarks& p) {
  Measured out{};
  const Vec3 hip_mid = midpoint(p[kLH], p[kRH]);
  const Vec3 trunk = midpoint(p[kLS], p[kRS]) - hip_mid;
  Vec3 m = p[kLH] - p[kRH];
  m = normalized(m - kUp * dot(m, kUp));
  const Vec3 a = cross(m, kUp);
  const std::size_t sh[2] = {kLS, kRS}, el[2] = {kLE, kRE}, wr[2] = {kLW, kRW}, hp[2] = {kLH, kRH},
                    kn[2] = {kLK, kRK}, an[2] = {kLA, kRA}, he[2] = {kLHeel, kRHeel},
                    to[2] = {kLToe, kRToe};
  for (int s = 0; s < 2; ++s) {
    const double side = s == 0 ? 1 : -1;
    const Vec3 thigh = p[kn[s]] - p[hp[s]], shank = p[an[s]] - p[kn[s]];
    const double knee = angle_between_deg(thigh, shank);
    out.knee[s] = dot(cross(thigh, shank), m) < 0 ? -knee : knee;
    out.hip[s] = signed_angle_in_plane_deg(-trunk, thigh, -m);
    out.ankle[s] = 90 - angle_between_deg(p[kn[s]] - p[an[s]], p[to[s]] - p[he[s]]);
    const Vec3 arm = p[el[s]] - p[sh[s]];
    out.elbow[s] = angle_between_deg(arm, p[wr[s]] - p[el[s]]);
    out.sh_flex[s] = signed_angle_in_plane_deg(-trunk, arm, -m);
    out.sh_abd[s] = signed_angle_in_plane_deg(-trunk, arm, a * side);
    out.fppa[s] = signed_angle_in_plane_deg(thigh, shank, a * side);
  }
  out.trunk_flex = signed_angle_in_plane_deg(kUp, trunk, m);
  out.trunk_lean = signed_angle_in_plane_deg(kUp, trunk, a);
  const Vec3 hips = p[kLH] - p[kRH];
  out.obliquity = std::atan2(dot(hips, kUp), norm(hips - kUp * dot(hips, kUp))) * kRadToDeg;
  return out;
}

void expect_reproduces(const BodyPose& pose, bool check_shoulders = true) {
  const Anthropometry body = anthropometry_from_stature(1.72);
  const BodyLandmarks lm = forward_kinematics(body, pose);
  for (const Vec3& v : lm) ASSERT_TRUE(is_finite(v));
  const Measured got = measure(lm);
  const SidePose* sides[2] = {&pose.left, &pose.right};
  for (int s = 0; s < 2; ++s) {
    SCOPED_TRACE(s == 0 ? "left" : "right");
    EXPECT_NEAR(got.knee[s], sides[s]->knee_flexion_deg, kTol);
    EXPECT_NEAR(got.hip[s], sides[s]->hip_flexion_deg, kTol);
    EXPECT_NEAR(got.ankle[s], sides[s]->ankle_dorsiflexion_deg, kTol);
    EXPECT_NEAR(got.elbow[s], sides[s]->elbow_flexion_deg, kTol);
    EXPECT_NEAR(got.fppa[s], sides[s]->knee_valgus_deg, kTol);
    if (check_shoulders) {
      EXPECT_NEAR(got.sh_flex[s], sides[s]->shoulder_flexion_deg, kTol);
      EXPECT_NEAR(got.sh_abd[s], sides[s]->shoulder_abduction_deg, kTol);
    }
  }
  EXPECT_NEAR(got.trunk_flex, pose.trunk_flexion_deg, kTol);
  EXPECT_NEAR(got.trunk_lean, pose.trunk_lateral_lean_deg, kTol);
  EXPECT_NEAR(got.obliquity, pose.pelvic_obliquity_deg, kTol);

  // The library's own evaluation of the definitions agrees.
  const DefinedAngles lib = definition_angles(lm, kUp);
  EXPECT_NEAR(lib[kLeftKneeFlexion], got.knee[0], 1e-9);
  EXPECT_NEAR(lib[kRightHipFlexion], got.hip[1], 1e-9);
  EXPECT_NEAR(lib[kLeftAnkleDorsiflexion], got.ankle[0], 1e-9);
  EXPECT_NEAR(lib[kRightElbowFlexion], got.elbow[1], 1e-9);
  EXPECT_NEAR(lib[kLeftShoulderFlexion], got.sh_flex[0], 1e-9);
  EXPECT_NEAR(lib[kRightShoulderAbduction], got.sh_abd[1], 1e-9);
  EXPECT_NEAR(lib[kLeftKneeFrontalProjection], got.fppa[0], 1e-9);
  EXPECT_NEAR(lib[kTrunkFlexion], got.trunk_flex, 1e-9);
  EXPECT_NEAR(lib[kTrunkLateralLean], got.trunk_lean, 1e-9);
  EXPECT_NEAR(lib[kPelvicObliquity], got.obliquity, 1e-9);
}

TEST(BodyModel, NeutralStandingIsAllZero) {
  expect_reproduces(BodyPose{});
}

TEST(BodyModel, SagittalLegAngles) {
  BodyPose pose;
  pose.left = {.hip_flexion_deg = 50, .knee_flexion_deg = 60, .ankle_dorsiflexion_deg = 10};
  pose.right = {.hip_flexion_deg = -15, .knee_flexion_deg = 30, .ankle_dorsiflexion_deg = -20};
  expect_reproduces(pose);
}

TEST(BodyModel, SquatBottom) {
  BodyPose pose;
  pose.trunk_flexion_deg = 30;
  for (SidePose* s : {&pose.left, &pose.right}) {
    *s = {.hip_flexion_deg = 105,
          .knee_flexion_deg = 100,
          .ankle_dorsiflexion_deg = 25,
          .shoulder_flexion_deg = 110};
  }
  expect_reproduces(pose);
  // Feet flat: heel and toe at the same height, both ankles level.
  const auto lm = forward_kinematics(anthropometry_from_stature(1.72), pose);
  EXPECT_NEAR(lm[kLHeel].y, lm[kLToe].y, 1e-9);
  EXPECT_NEAR(lm[kRHeel].y, lm[kRToe].y, 1e-9);
}

TEST(BodyModel, CombinedHipFlexionTrunkLeanAbductionValgus) {
  BodyPose pose;
  pose.trunk_flexion_deg = 20;
  pose.trunk_lateral_lean_deg = 10;
  pose.pelvic_obliquity_deg = 5;
  pose.left = {.hip_flexion_deg = 70,
               .hip_abduction_deg = 8,
               .knee_flexion_deg = 75,
               .knee_valgus_deg = 12,
               .ankle_dorsiflexion_deg = 15,
               .shoulder_flexion_deg = 30,
               .shoulder_abduction_deg = 40,
               .elbow_flexion_deg = 70};
  pose.right = {.hip_flexion_deg = 40,
                .hip_abduction_deg = -5,
                .knee_flexion_deg = 45,
                .knee_valgus_deg = -6,
                .ankle_dorsiflexion_deg = 5,
                .shoulder_flexion_deg = -20,
                .shoulder_abduction_deg = 60,
                .elbow_flexion_deg = 100};
  expect_reproduces(pose);
  pose.trunk_lateral_lean_deg = -12;
  pose.pelvic_obliquity_deg = -8;
  expect_reproduces(pose);
}

TEST(BodyModel, ArmsAbovePlaneLimitReadOneEightyInTheOtherPlane) {
  BodyPose pose;
  pose.left.shoulder_abduction_deg = 150;
  pose.right.shoulder_flexion_deg = 150;
  expect_reproduces(pose, /*check_shoulders=*/false);
  const Measured got = measure(forward_kinematics(anthropometry_from_stature(1.72), pose));
  EXPECT_NEAR(got.sh_abd[0], 150, kTol);
  EXPECT_NEAR(std::abs(got.sh_flex[0]), 180, kTol);
  EXPECT_NEAR(got.sh_flex[1], 150, kTol);
  EXPECT_NEAR(std::abs(got.sh_abd[1]), 180, kTol);
}

TEST(BodyModel, SegmentLengthsStayConstant) {
  const Anthropometry body = anthropometry_from_stature(1.80);
  BodyPose a, b;
  b.trunk_flexion_deg = 25;
  b.trunk_lateral_lean_deg = -7;
  b.pelvic_obliquity_deg = 4;
  b.left = {.hip_flexion_deg = 90,
            .hip_abduction_deg = 10,
            .knee_flexion_deg = 110,
            .knee_valgus_deg = 15,
            .ankle_dorsiflexion_deg = 20,
            .shoulder_flexion_deg = 60,
            .shoulder_abduction_deg = 30,
            .elbow_flexion_deg = 120};
  b.right = {.knee_flexion_deg = 10, .ankle_dorsiflexion_deg = -30, .shoulder_abduction_deg = 150};
  const auto p = forward_kinematics(body, a), q = forward_kinematics(body, b);
  const std::pair<std::size_t, std::size_t> segments[] = {
      {kLH, kLK},   {kLK, kLA},   {kRH, kRK}, {kRK, kRA}, {kLS, kLE},      {kLE, kLW},
      {kRS, kRE},   {kRE, kRW},   {kLH, kRH}, {kLS, kRS}, {kLHeel, kLToe}, {kLA, kLHeel},
      {kRA, kRToe}, {kNose, kLS}, {15, 19},   {16, 22}};
  for (auto [i, j] : segments) {
    EXPECT_NEAR(norm(p[i] - p[j]), norm(q[i] - q[j]), 1e-9) << i << "–" << j;
  }
  EXPECT_NEAR(norm(p[kLH] - p[kLK]), 0.245 * 1.80, 1e-12);
  EXPECT_NEAR(norm(p[kLK] - p[kLA]), 0.246 * 1.80, 1e-12);
  EXPECT_NEAR(norm(p[kLS] - p[kLE]), 0.186 * 1.80, 1e-12);
  EXPECT_NEAR(norm(p[kLE] - p[kLW]), 0.146 * 1.80, 1e-12);
  EXPECT_NEAR(norm(p[kLH] - p[kRH]), 0.191 * 1.80, 1e-12);
  EXPECT_NEAR(norm(p[kLS] - p[kRS]), 0.259 * 1.80, 1e-12);
  EXPECT_NEAR(norm(p[kLHeel] - p[kLToe]), 0.152 * 1.80, 1e-12);
  EXPECT_NEAR(norm(midpoint(p[kLS], p[kRS]) - midpoint(p[kLH], p[kRH])), 0.288 * 1.80, 1e-12);
}

TEST(BodyModel, StandingProportionsAndAxes) {
  const auto lm = forward_kinematics(anthropometry_from_stature(1.72), BodyPose{});
  // Mid-hip at the origin, left side at +x (image right when facing the camera), y down.
  EXPECT_NEAR(norm(midpoint(lm[kLH], lm[kRH])), 0, 1e-12);
  EXPECT_GT(lm[kLH].x, 0);
  EXPECT_GT(lm[kLA].y, lm[kLK].y);
  EXPECT_LT(lm[kNose].y, lm[kLS].y);
  EXPECT_LT(lm[kNose].z, 0);          // the nose is nearer the camera than the shoulders
  EXPECT_LT(lm[kLToe].z, lm[kLA].z);  // toes point at the camera
  // Sole to the top of the nose ≈ 0.91 of stature; the hip joint centre at ≈ 0.53.
  const double floor = lm[kLHeel].y;
  EXPECT_NEAR(floor / 1.72, 0.530, 0.005);
  EXPECT_NEAR((floor - lm[kNose].y) / 1.72, 0.91, 0.02);
  EXPECT_NEAR(lm[kLToe].y, floor, 1e-12);
}

TEST(BodyModel, ShoulderHikeMovesTheArmAlongTheTrunkButNotTheHead) {
  const Anthropometry body = anthropometry_from_stature(1.72);
  BodyPose pose;
  pose.trunk_flexion_deg = 20;
  pose.left.shoulder_abduction_deg = 60;
  pose.left.elbow_flexion_deg = 30;
  const auto plain = forward_kinematics(body, pose);
  pose.left.shoulder_hike_m = 0.05;
  const auto hiked = forward_kinematics(body, pose);
  const Vec3 trunk_up =
      normalized(midpoint(plain[kLS], plain[kRS]) - midpoint(plain[kLH], plain[kRH]));
  for (std::size_t j : std::initializer_list<std::size_t>{kLS, kLE, kLW, 19}) {
    const Vec3 d = hiked[j] - plain[j];
    EXPECT_NEAR(norm(d - trunk_up * 0.05), 0, 1e-12) << j;
  }
  for (std::size_t j : std::initializer_list<std::size_t>{kNose, kRS, kRE, kLH, kLK}) {
    EXPECT_NEAR(norm(hiked[j] - plain[j]), 0, 1e-12) << j;
  }
  expect_reproduces(pose);  // every angle as before, the trunk line keeps its direction
}

TEST(BodyModel, ArmElevationInAChosenPlane) {
  const Anthropometry body = anthropometry_from_stature(1.72);
  for (double plane : {0.0, 30.0, 90.0}) {
    for (double elevation : {45.0, 90.0, 150.0}) {
      BodyPose pose;
      pose.left.shoulder_elevation_deg = elevation;
      pose.left.shoulder_plane_deg = plane;
      pose.right.shoulder_elevation_deg = elevation;
      pose.right.shoulder_plane_deg = plane;
      const auto lm = forward_kinematics(body, pose);
      for (auto [s, e, side] : {std::tuple{kLS, kLE, 1.0}, std::tuple{kRS, kRE, -1.0}}) {
        const Vec3 arm = normalized(lm[e] - lm[s]);
        EXPECT_NEAR(angle_between_deg(arm, -kUp), elevation, 1e-9);
        // Azimuth of the arm: `plane` degrees from lateral towards anterior.
        const double lateral = dot(arm, kModelLeft) * side, anterior = dot(arm, kModelAnterior);
        EXPECT_NEAR(std::atan2(anterior, lateral) * kRadToDeg, plane, 1e-9);
      }
      if (plane == 0 && elevation <= 90) {
        pose.left.shoulder_elevation_deg = pose.right.shoulder_elevation_deg = 0;
        pose.left.shoulder_abduction_deg = pose.right.shoulder_abduction_deg = elevation;
        EXPECT_NEAR(norm(forward_kinematics(body, pose)[kLW] - lm[kLW]), 0, 1e-9);
      }
    }
  }
}

TEST(BodyModel, RearFootOfALungeStaysOnItsSideOfTheShank) {
  // Shank pointing forward and down from the ankle (rear leg of a deep lunge): the foot
  // still turns from the shank the way a dorsiflexion does, pointing forward and down.
  BodyPose pose;
  pose.right = {.hip_flexion_deg = -5, .knee_flexion_deg = 110, .ankle_dorsiflexion_deg = 80};
  const auto lm = forward_kinematics(anthropometry_from_stature(1.72), pose);
  const Vec3 shank_up = lm[kRK] - lm[kRA];
  const Vec3 foot = lm[kRToe] - lm[kRHeel];
  EXPECT_LT(dot(shank_up, kUp), 0);         // the knee is below the ankle
  EXPECT_GT(dot(foot, kModelAnterior), 0);  // toes forward
  EXPECT_LT(dot(foot, kUp), 0);             // and down
  // Sagittal angles as driven (the frontal projection angle reads 180°: the shank points up).
  const Measured got = measure(lm);
  EXPECT_NEAR(got.hip[1], -5, kTol);
  EXPECT_NEAR(got.knee[1], 110, kTol);
  EXPECT_NEAR(got.ankle[1], 80, kTol);
}

TEST(BodyModel, DefinitionAnglesMaskIllConditionedPlanarAngles) {
  BodyPose pose;
  pose.left.shoulder_abduction_deg = 90;  // arm sideways: its sagittal projection vanishes
  const auto lm = forward_kinematics(anthropometry_from_stature(1.72), pose);
  const auto masked = definition_angles(lm, kUp, {.min_projection_fraction = 0.1});
  EXPECT_TRUE(std::isnan(masked[kLeftShoulderFlexion]));
  EXPECT_NEAR(masked[kLeftShoulderAbduction], 90, kTol);
  EXPECT_NEAR(masked[kRightShoulderFlexion], 0, kTol);
  EXPECT_EQ(defined_angle_names()[kLeftShoulderFlexion], "left_shoulder_flexion");
  EXPECT_EQ(defined_angle_names().size(), 17u);
}

}  // namespace
}  // namespace openpt::motion
