// Known-answer tests of every angle definition in docs/kinematics.md: bodies are built
// from rotations by known angles, in several world orientations, and the measured angles
// must match within 0.1° (in practice ~1e-9°).
#include "openpt/motion/kinematics.h"

#include <gtest/gtest.h>

#include <random>

namespace openpt::motion {
namespace {

struct PoseAngles {
  double hip_flex[2] = {0, 0};
  double knee_flex[2] = {0, 0};
  double knee_valgus[2] = {0, 0};
  double ankle_df[2] = {0, 0};
  double shoulder_flex[2] = {0, 0};
  double shoulder_abd[2] = {0, 0};
  double elbow_flex[2] = {0, 0};
  double trunk_flex = 0;
  double trunk_lean = 0;
  double pelvic_obliquity = 0;
};

// A world frame: up, and the body's left (horizontal). Everything is rotated into it.
struct World {
  Vec3 up;
  Vec3 left;
  Vec3 origin;
};

std::size_t idx(Joint j) {
  return static_cast<std::size_t>(j);
}
double rad(double deg) {
  return deg * kDegToRad;
}

// Builds a body whose angles, by construction, are exactly `p`. Only one of knee flexion
// and knee valgus (and one of shoulder flexion and abduction, and one of trunk flexion and
// lean) may be non-zero per side, since projected angles do not compose.
BodyPoints build(const PoseAngles& p, const World& w) {
  BodyPoints b;
  for (auto& v : b.at) v = {NAN, NAN, NAN};
  b.up = w.up;
  const Vec3 m = w.left;
  const Vec3 a = cross(m, w.up);
  const Vec3 hip_line = rotate(m, a, rad(p.pelvic_obliquity)) * 0.18;
  const Vec3 mid_hip = w.origin + w.up * 0.95;
  b.at[idx(Joint::kLeftHip)] = mid_hip + hip_line * 0.5;
  b.at[idx(Joint::kRightHip)] = mid_hip - hip_line * 0.5;
  const Vec3 trunk = rotate(rotate(w.up, m, rad(p.trunk_flex)), a, rad(p.trunk_lean));
  const Vec3 mid_shoulder = mid_hip + trunk * 0.5;
  // Shoulders along the horizontal left axis, kept perpendicular to the trunk.
  const Vec3 shoulder_line = normalized(project_onto_plane(m, trunk)) * 0.36;
  b.at[idx(Joint::kLeftShoulder)] = mid_shoulder + shoulder_line * 0.5;
  b.at[idx(Joint::kRightShoulder)] = mid_shoulder - shoulder_line * 0.5;
  const Vec3 trunk_down = -trunk;
  for (int s = 0; s < 2; ++s) {
    const bool left = s == 0;
    const Vec3 lateral = left ? a : -a;
    const Joint hip_j = left ? Joint::kLeftHip : Joint::kRightHip;
    const Vec3 hip = b.at[idx(hip_j)];
    const Vec3 thigh = rotate(trunk_down, -m, rad(p.hip_flex[s]));
    Vec3 shank = rotate(thigh, m, rad(p.knee_flex[s]));
    shank = rotate(shank, lateral, rad(p.knee_valgus[s]));
    const Vec3 knee = hip + thigh * 0.42;
    const Vec3 ankle = knee + shank * 0.42;
    const Vec3 foot = rotate(-shank, m, rad(90 - p.ankle_df[s]));
    const Vec3 heel = ankle - shank * 0.05 - foot * 0.05;
    b.at[idx(left ? Joint::kLeftKnee : Joint::kRightKnee)] = knee;
    b.at[idx(left ? Joint::kLeftAnkle : Joint::kRightAnkle)] = ankle;
    b.at[idx(left ? Joint::kLeftHeel : Joint::kRightHeel)] = heel;
    b.at[idx(left ? Joint::kLeftFootIndex : Joint::kRightFootIndex)] = heel + foot * 0.25;

    const Vec3 shoulder = b.at[idx(left ? Joint::kLeftShoulder : Joint::kRightShoulder)];
    const Vec3 arm =
        rotate(rotate(trunk_down, -m, rad(p.shoulder_flex[s])), lateral, rad(p.shoulder_abd[s]));
    // Bend the elbow about an axis perpendicular to the upper arm.
    const Vec3 bend_axis = normalized(cross(arm, is_finite(normalized(cross(arm, m))) ? m : a));
    const Vec3 forearm = rotate(arm, bend_axis, rad(p.elbow_flex[s]));
    const Vec3 elbow = shoulder + arm * 0.3;
    b.at[idx(left ? Joint::kLeftElbow : Joint::kRightElbow)] = elbow;
    b.at[idx(left ? Joint::kLeftWrist : Joint::kRightWrist)] = elbow + forearm * 0.25;
  }
  return b;
}

std::vector<World> worlds() {
  std::vector<World> out = {
      {{0, 1, 0}, {1, 0, 0}, {0, 0, 0}},           // Kinect-like: y up, faces +z
      {{0, -1, 0}, {-1, 0, 0}, {0.3, -0.1, 2.0}},  // BlazePose-like: y down, faces camera
      {{0, 0, 1}, {0, 1, 0}, {1, 2, 3}},           // z up
  };
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> u(-1, 1);
  for (int i = 0; i < 3; ++i) {  // random orientations
    const Vec3 up = normalized(Vec3{u(rng), u(rng), u(rng)});
    const Vec3 left = normalized(project_onto_plane(Vec3{u(rng), u(rng), u(rng)}, up));
    out.push_back({up, left, {u(rng), u(rng), u(rng)}});
  }
  return out;
}

double angle(const BodyPoints& b, std::string_view name) {
  const auto key = parse_angle_name(name);
  EXPECT_TRUE(key.has_value()) << name;
  const auto all = all_angles();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].key == *key) return frame_angles(b)[i];
  }
  return NAN;
}

constexpr double kTol = 0.1;

TEST(FrameAngles, NeutralStanceIsZeroEverywhere) {
  for (const World& w : worlds()) {
    const BodyPoints b = build({}, w);
    for (const AngleInfo& info : all_angles()) {
      EXPECT_NEAR(angle(b, info.name), 0.0, kTol) << info.name;
    }
  }
}

TEST(FrameAngles, SagittalLegAnglesAndSigns) {
  for (const World& w : worlds()) {
    PoseAngles p;
    p.hip_flex[0] = 70, p.hip_flex[1] = -15;   // right hip extended
    p.knee_flex[0] = 95, p.knee_flex[1] = -8;  // right knee hyperextended
    p.ankle_df[0] = 20, p.ankle_df[1] = -30;   // right ankle plantarflexed
    const BodyPoints b = build(p, w);
    EXPECT_NEAR(angle(b, "left_hip_flexion"), 70, kTol);
    EXPECT_NEAR(angle(b, "right_hip_flexion"), -15, kTol);
    EXPECT_NEAR(angle(b, "left_knee_flexion"), 95, kTol);
    EXPECT_NEAR(angle(b, "right_knee_flexion"), -8, kTol);
    EXPECT_NEAR(angle(b, "left_ankle_dorsiflexion"), 20, kTol);
    EXPECT_NEAR(angle(b, "right_ankle_dorsiflexion"), -30, kTol);
    EXPECT_NEAR(angle(b, "left_knee_frontal_projection"), 0, kTol);
  }
}

TEST(FrameAngles, KneeFrontalProjectionValgusIsPositiveOnBothSides) {
  for (const World& w : worlds()) {
    PoseAngles p;
    p.knee_valgus[0] = 12, p.knee_valgus[1] = -7;  // left valgus, right varus
    const BodyPoints b = build(p, w);
    EXPECT_NEAR(angle(b, "left_knee_frontal_projection"), 12, kTol);
    EXPECT_NEAR(angle(b, "right_knee_frontal_projection"), -7, kTol);
    EXPECT_NEAR(angle(b, "left_knee_flexion"), 12, kTol);  // 3D angle between segments
    // Geometric check of "valgus": the left knee lies medial (to the right) of hip–ankle.
    const Vec3 hip = b.at[idx(Joint::kLeftHip)], knee = b.at[idx(Joint::kLeftKnee)];
    const Vec3 ankle = b.at[idx(Joint::kLeftAnkle)];
    EXPECT_LT(dot(knee - midpoint(hip, ankle), w.left), 0);
  }
}

TEST(FrameAngles, ArmAngles) {
  for (const World& w : worlds()) {
    PoseAngles p;
    p.shoulder_flex[0] = 150, p.shoulder_abd[1] = 80;
    p.elbow_flex[0] = 35, p.elbow_flex[1] = 120;
    const BodyPoints b = build(p, w);
    EXPECT_NEAR(angle(b, "left_shoulder_flexion"), 150, kTol);
    EXPECT_NEAR(angle(b, "right_shoulder_abduction"), 80, kTol);
    EXPECT_NEAR(angle(b, "right_shoulder_flexion"), 0, kTol);
    EXPECT_NEAR(angle(b, "left_elbow_flexion"), 35, kTol);
    EXPECT_NEAR(angle(b, "right_elbow_flexion"), 120, kTol);
    PoseAngles q;
    q.shoulder_flex[1] = -40;  // extension behind the body
    q.shoulder_abd[0] = 165;
    const BodyPoints c = build(q, w);
    EXPECT_NEAR(angle(c, "right_shoulder_flexion"), -40, kTol);
    EXPECT_NEAR(angle(c, "left_shoulder_abduction"), 165, kTol);
  }
}

TEST(FrameAngles, TrunkAndPelvis) {
  for (const World& w : worlds()) {
    PoseAngles p;
    p.trunk_flex = 35;
    p.hip_flex[0] = 35;  // relative to the trunk: the left thigh stays vertical
    p.pelvic_obliquity = 6;
    const BodyPoints b = build(p, w);
    EXPECT_NEAR(angle(b, "trunk_flexion"), 35, kTol);
    EXPECT_NEAR(angle(b, "trunk_lateral_lean"), 0, kTol);
    EXPECT_NEAR(angle(b, "pelvic_obliquity"), 6, kTol);
    EXPECT_NEAR(angle(b, "left_hip_flexion"), 35, kTol);
    // Leaning forward over a vertical thigh is hip flexion: check the thigh is vertical.
    const Vec3 thigh = b.at[idx(Joint::kLeftKnee)] - b.at[idx(Joint::kLeftHip)];
    EXPECT_NEAR(angle_between_deg(thigh, -w.up), 0, 1e-9);
    PoseAngles q;
    q.trunk_lean = 14;  // to the right
    q.pelvic_obliquity = -9;
    const BodyPoints c = build(q, w);
    EXPECT_NEAR(angle(c, "trunk_lateral_lean"), 14, kTol);
    EXPECT_NEAR(angle(c, "trunk_flexion"), 0, kTol);
    EXPECT_NEAR(angle(c, "pelvic_obliquity"), -9, kTol);
    // The right shoulder is lower when leaning right.
    EXPECT_LT(dot(c.at[idx(Joint::kRightShoulder)] - c.at[idx(Joint::kLeftShoulder)], w.up), 0);
  }
}

TEST(FrameAngles, MissingJointGivesNaNOnlyWhereUsed) {
  BodyPoints b = build({}, worlds()[0]);
  b.at[idx(Joint::kLeftAnkle)] = {NAN, NAN, NAN};
  EXPECT_TRUE(std::isnan(angle(b, "left_knee_flexion")));
  EXPECT_TRUE(std::isnan(angle(b, "left_knee_frontal_projection")));
  EXPECT_NEAR(angle(b, "right_knee_flexion"), 0, kTol);
  EXPECT_NEAR(angle(b, "left_hip_flexion"), 0, kTol);
}

TEST(AngleCatalogue, NamesAreUniqueAndParse) {
  EXPECT_EQ(all_angles().size(), 17u);
  for (const AngleInfo& info : all_angles()) {
    auto key = parse_angle_name(info.name);
    ASSERT_TRUE(key.has_value());
    EXPECT_EQ(*key, info.key);
    EXPECT_EQ(angle_info(info.key).name, info.name);
  }
  EXPECT_FALSE(parse_angle_name("left_nose_flexion").has_value());
}

}  // namespace
}  // namespace openpt::motion
