// compute_kinematics on whole sequences: 3D and 2D (side and front views), masking of
// low-visibility landmarks, gap filling and reporting, missing joints, summary and
// asymmetry — each with an answer known from how the sequence was built.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "openpt/motion/kinematics.h"
#include "openpt/motion/per_frame_normalise.h"

namespace openpt::motion {
namespace {

std::size_t idx(Joint j) {
  return static_cast<std::size_t>(j);
}

// A Kinect-like world (y up, subject's left = +x, facing +z) standing person whose left
// knee flexes as knee_deg(t) (the shank swings back; the thigh stays vertical) and whose
// left arm abducts as arm_deg(t).
struct Body {
  std::array<Vec3, kJointCount> at;
};

Body body(double knee_deg, double arm_deg) {
  Body b;
  for (auto& v : b.at) v = {NAN, NAN, NAN};
  const Vec3 down{0, -1, 0}, left{1, 0, 0}, fwd{0, 0, 1};
  auto put = [&](Joint j, Vec3 v) { b.at[idx(j)] = v; };
  put(Joint::kLeftHip, {0.1, 0.9, 0});
  put(Joint::kRightHip, {-0.1, 0.9, 0});
  put(Joint::kLeftShoulder, {0.18, 1.4, 0});
  put(Joint::kRightShoulder, {-0.18, 1.4, 0});
  const double k = knee_deg * kDegToRad;
  for (int s = 0; s < 2; ++s) {
    const double x = s == 0 ? 0.1 : -0.1;
    const Vec3 knee{x, 0.5, 0};
    const Vec3 shank = s == 0 ? Vec3{0, -std::cos(k), -std::sin(k)} * 0.4 : down * 0.4;
    const Vec3 ankle = knee + shank;
    put(s == 0 ? Joint::kLeftKnee : Joint::kRightKnee, knee);
    put(s == 0 ? Joint::kLeftAnkle : Joint::kRightAnkle, ankle);
    // Foot perpendicular to the shank, pointing forward/up as the shank swings.
    const Vec3 foot_dir = s == 0 ? Vec3{0, -std::sin(k), std::cos(k)} : fwd;
    put(s == 0 ? Joint::kLeftHeel : Joint::kRightHeel, ankle - foot_dir * 0.05);
    put(s == 0 ? Joint::kLeftFootIndex : Joint::kRightFootIndex, ankle + foot_dir * 0.2);
  }
  const double a = arm_deg * kDegToRad;
  const Vec3 larm = (down * std::cos(a) + left * std::sin(a)) * 0.3;
  put(Joint::kLeftElbow, Vec3{0.18, 1.4, 0} + larm);
  put(Joint::kLeftWrist, Vec3{0.18, 1.4, 0} + larm * 1.8);
  put(Joint::kRightElbow, {-0.18, 1.1, 0});
  put(Joint::kRightWrist, {-0.18, 0.85, 0});
  put(Joint::kNose, {0, 1.6, 0.1});
  put(Joint::kLeftEar, {0.07, 1.62, 0});
  put(Joint::kRightEar, {-0.07, 1.62, 0});
  return b;
}

double knee_truth(double t) {
  return 45 - 45 * std::cos(2 * std::numbers::pi * 0.5 * t);
}
double arm_truth(double t) {
  return 40 + 30 * std::sin(2 * std::numbers::pi * 0.25 * t);
}

enum class Camera { kWorld, kSide, kFront };

// 30 fps, 4 s. Side camera looks at the subject's right side (subject faces image-right);
// front camera faces the subject. Image: 1000 × 1000 px, normalised.
PoseSequence sequence(Camera camera) {
  const std::size_t n = 120;
  PoseSequence seq = make_pose_sequence(blazepose33(), n,
                                        {.has_image = true, .has_world = camera == Camera::kWorld});
  seq.world_up = {0, 1, 0};
  seq.image_space = {ImageUnits::kNormalized, 1000, 1000, false};
  seq.metadata.fps = 30;
  for (std::size_t f = 0; f < n; ++f) {
    const double t = f / 30.0;
    seq.t_s[f] = t;
    const Body b = body(knee_truth(t), arm_truth(t));
    for (std::size_t j = 0; j < kJointCount; ++j) {
      const int l = blazepose33().landmark_of(static_cast<Joint>(j));
      if (l < 0 || !is_finite(b.at[j])) continue;
      const Vec3 p = b.at[j];
      if (camera == Camera::kWorld) seq.world_at(f, l) = p;
      // Side: image x = forward (z), image y = down. Front: image x = subject's left (x).
      const double ix = camera == Camera::kFront ? p.x : p.z;
      seq.image_at(f, l) = {static_cast<float>(0.5 + ix * 0.4), static_cast<float>(0.9 - p.y * 0.4),
                            NAN, 0.99f, 0.99f};
    }
  }
  return seq;
}

void expect_follows(const Kinematics& k, std::string_view name, double (*truth)(double),
                    double tol) {
  const auto key = parse_angle_name(name);
  const AngleSeries* s = k.find(*key);
  ASSERT_NE(s, nullptr) << name;
  for (std::size_t f = 0; f < k.t_s.size(); ++f) {
    ASSERT_NEAR(s->deg[f], truth(k.t_s[f]), tol) << name << " frame " << f;
  }
}

TEST(ComputeKinematics, World3DFollowsKnownTrajectoriesUnfiltered) {
  auto k = compute_kinematics(sequence(Camera::kWorld), {.lowpass_cutoff_hz = 0});
  ASSERT_TRUE(k) << k.error().to_string();
  EXPECT_TRUE(k->is_3d);
  EXPECT_EQ(k->angles.size(), 17u);
  expect_follows(*k, "left_knee_flexion", knee_truth, 1e-6);
  expect_follows(
      *k, "left_ankle_dorsiflexion", [](double) { return 0.0; }, 1e-6);
  expect_follows(*k, "left_shoulder_abduction", arm_truth, 1e-6);
  expect_follows(
      *k, "right_knee_flexion", [](double) { return 0.0; }, 1e-6);
}

TEST(ComputeKinematics, FilteredSmoothMotionStaysCloseAndVelocityIsRight) {
  auto k = compute_kinematics(sequence(Camera::kWorld), {.lowpass_cutoff_hz = 6});
  ASSERT_TRUE(k);
  expect_follows(*k, "left_knee_flexion", knee_truth, 0.5);
  const AngleSeries* knee = k->find({AngleId::kKneeFlexion, Side::kLeft});
  // d/dt [45 − 45 cos(πt)] = 45π sin(πt); at t = 0.5 s: 45π.
  EXPECT_NEAR(knee->velocity_deg_s[15], 45 * std::numbers::pi, 2.0);
}

TEST(ComputeKinematics, SideView2DInfersViewAndFacing) {
  auto k = compute_kinematics(sequence(Camera::kSide), {.lowpass_cutoff_hz = 0});
  ASSERT_TRUE(k) << k.error().to_string();
  EXPECT_FALSE(k->is_3d);
  EXPECT_EQ(k->view, CameraView::kSide);
  EXPECT_TRUE(k->view_inferred);
  expect_follows(*k, "left_knee_flexion", knee_truth, 1e-3);  // positive: facing detected
  expect_follows(
      *k, "left_hip_flexion", [](double) { return 0.0; }, 1e-3);
  EXPECT_EQ(k->find({AngleId::kShoulderAbduction, Side::kLeft}), nullptr);
  auto why = k->require({AngleId::kShoulderAbduction, Side::kLeft});
  ASSERT_FALSE(why);
  EXPECT_NE(why.error().message.find("left_shoulder_abduction is not measurable in 2D from a side "
                                     "view"),
            std::string::npos)
      << why.error().message;
}

TEST(ComputeKinematics, FrontView2DMeasuresFrontalAngles) {
  auto k = compute_kinematics(sequence(Camera::kFront), {.lowpass_cutoff_hz = 0});
  ASSERT_TRUE(k) << k.error().to_string();
  EXPECT_EQ(k->view, CameraView::kFront);
  expect_follows(*k, "left_shoulder_abduction", arm_truth, 1e-3);
  EXPECT_EQ(k->find({AngleId::kHipFlexion, Side::kLeft}), nullptr);
  const AngleSeries* knee = k->find({AngleId::kKneeFlexion, Side::kLeft});
  ASSERT_NE(knee, nullptr);
  EXPECT_FALSE(knee->in_view_plane);  // projected: flexion is foreshortened from the front
}

// Per-frame normalised coordinates lose the body's proportions: the view is not inferred
// but assumed (a side view), and said to be.
TEST(ComputeKinematics, PerFrameNormalisedCoordinatesAssumeASideView) {
  PoseSequence seq = sequence(Camera::kFront);
  normalise_per_frame(seq);
  EXPECT_TRUE(seq.image_space.per_frame_normalized);
  EXPECT_EQ(seq.metadata.view, CameraView::kUnknown);
  auto k = compute_kinematics(seq, {.lowpass_cutoff_hz = 0});
  ASSERT_TRUE(k) << k.error().to_string();
  EXPECT_EQ(k->view, CameraView::kSide);
  EXPECT_FALSE(k->view_inferred);
  EXPECT_TRUE(k->view_assumed);
  const bool warned = std::any_of(k->warnings.begin(), k->warnings.end(), [](const std::string& w) {
    return w.find("cannot be inferred from per-frame normalised") != std::string::npos;
  });
  EXPECT_TRUE(warned);
  // Stated by the file: neither inferred nor assumed.
  auto stated = compute_kinematics(sequence(Camera::kFront),
                                   {.lowpass_cutoff_hz = 0, .view = CameraView::kFront});
  ASSERT_TRUE(stated);
  EXPECT_FALSE(stated->view_assumed);
}

TEST(ComputeKinematics, StatedViewOverridesInference) {
  auto k = compute_kinematics(sequence(Camera::kFront),
                              {.lowpass_cutoff_hz = 0, .view = CameraView::kSide});
  ASSERT_TRUE(k);
  EXPECT_EQ(k->view, CameraView::kSide);
  EXPECT_FALSE(k->view_inferred);
}

TEST(ComputeKinematics, LowVisibilityIsMaskedShortGapFilledLongGapReported) {
  PoseSequence seq = sequence(Camera::kWorld);
  const int knee = blazepose33().landmark_of(Joint::kLeftKnee);
  for (std::size_t f = 10; f <= 12; ++f) seq.image_at(f, knee).visibility = 0.2f;  // 0.1 s
  for (std::size_t f = 50; f <= 79; ++f) seq.image_at(f, knee).visibility = 0.1f;  // 1 s
  auto k = compute_kinematics(seq, {.lowpass_cutoff_hz = 0});
  ASSERT_TRUE(k);
  const AngleSeries* s = k->find({AngleId::kKneeFlexion, Side::kLeft});
  EXPECT_TRUE(std::isfinite(s->deg[11]));  // interpolated
  EXPECT_NEAR(s->deg[11], knee_truth(11 / 30.0), 1.0);
  for (std::size_t f = 50; f <= 79; ++f) EXPECT_TRUE(std::isnan(s->deg[f])) << f;
  std::vector<Gap> knee_gaps;
  for (const Gap& g : k->gaps) {
    if (g.joint == Joint::kLeftKnee) knee_gaps.push_back(g);
  }
  ASSERT_EQ(knee_gaps.size(), 2u);
  EXPECT_TRUE(knee_gaps[0].filled);
  EXPECT_EQ(knee_gaps[0].first_frame, 10u);
  EXPECT_EQ(knee_gaps[0].last_frame, 12u);
  EXPECT_FALSE(knee_gaps[1].filled);
  EXPECT_NEAR(knee_gaps[1].start_s, 50 / 30.0, 1e-9);
  EXPECT_NEAR(knee_gaps[1].end_s, 79 / 30.0, 1e-9);
}

TEST(ComputeKinematics, UndetectedFramesAreNotUsed) {
  PoseSequence seq = sequence(Camera::kWorld);
  seq.detected[60] = 0;
  auto k = compute_kinematics(seq, {.max_gap_fill_s = 0, .lowpass_cutoff_hz = 0});
  ASSERT_TRUE(k);
  EXPECT_TRUE(std::isnan(k->find({AngleId::kKneeFlexion, Side::kLeft})->deg[60]));
}

TEST(ComputeKinematics, SkeletonWithoutFeetListsAnkleAsUnavailable) {
  PoseSequence seq = make_pose_sequence(coco17(), 3, {.has_image = true});
  for (std::size_t f = 0; f < 3; ++f) {
    seq.t_s[f] = f / 30.0;
    for (std::size_t l = 0; l < coco17().landmark_count(); ++l) {
      seq.image_at(f, l) = {0.5f + 0.01f * l, 0.1f + 0.05f * l, NAN, 0.9f, NAN};
    }
  }
  auto k = compute_kinematics(seq);
  ASSERT_TRUE(k);
  auto ankle = k->require({AngleId::kAnkleDorsiflexion, Side::kLeft});
  ASSERT_FALSE(ankle);
  EXPECT_NE(ankle.error().message.find("coco17"), std::string::npos);
  EXPECT_NE(ankle.error().message.find("left_foot_index"), std::string::npos);
}

TEST(Summarize, RangeOfMotionAndAsymmetry) {
  auto k = compute_kinematics(sequence(Camera::kWorld), {.lowpass_cutoff_hz = 0});
  ASSERT_TRUE(k);
  const KinematicsSummary s = summarize(*k);
  const AngleSummary* knee = nullptr;
  for (const auto& a : s.angles) {
    if (a.key == AngleKey{AngleId::kKneeFlexion, Side::kLeft}) knee = &a;
  }
  ASSERT_NE(knee, nullptr);
  // 4 s of 45 − 45 cos(πt) sampled at 30 fps reaches 0 and 90 exactly (t = 0, 1 s).
  EXPECT_NEAR(knee->min_deg, 0, 1e-6);
  EXPECT_NEAR(knee->max_deg, 90, 1e-6);
  EXPECT_NEAR(knee->rom_deg, 90, 1e-6);
  EXPECT_EQ(knee->valid_frames, 120u);
  const Asymmetry* knee_asym = nullptr;
  for (const auto& a : s.asymmetries) {
    if (a.id == AngleId::kKneeFlexion) knee_asym = &a;
  }
  ASSERT_NE(knee_asym, nullptr);
  EXPECT_NEAR(knee_asym->difference_deg, 90, 1e-6);
  EXPECT_NEAR(knee_asym->index_pct, 100, 1e-6);
}

TEST(ComputeKinematics, CutoffNearNyquistIsSkippedWithAWarning) {
  auto k = compute_kinematics(sequence(Camera::kWorld), {.lowpass_cutoff_hz = 14});  // 30 fps
  ASSERT_TRUE(k);
  EXPECT_EQ(k->lowpass_cutoff_hz, 0.0);
  ASSERT_FALSE(k->warnings.empty());
  EXPECT_NE(k->warnings[0].find("skipped"), std::string::npos);
  auto applied = compute_kinematics(sequence(Camera::kWorld), {.lowpass_cutoff_hz = 6});
  EXPECT_EQ(applied->lowpass_cutoff_hz, 6.0);
}

TEST(ComputeKinematics, NoPersonInAnyFrameIsSaid) {
  PoseSequence seq = sequence(Camera::kWorld);
  std::fill(seq.detected.begin(), seq.detected.end(), 0);
  auto k = compute_kinematics(seq);
  ASSERT_TRUE(k);
  const auto said = [&](std::string_view text) {
    return std::any_of(k->warnings.begin(), k->warnings.end(),
                       [&](const std::string& w) { return w.find(text) != std::string::npos; });
  };
  EXPECT_TRUE(said("no person was detected"));
  EXPECT_TRUE(said("no angle could be measured"));
}

// Frames without a person longer than gap filling are said, with their share and the
// longest stretch; a dropout that gap filling bridges is not.
TEST(ComputeKinematics, StretchesWithoutAPersonAreSaid) {
  const auto warning = [](const Kinematics& k) -> std::string {
    for (const std::string& w : k.warnings) {
      if (w.find("no person was detected in") != std::string::npos) return w;
    }
    return {};
  };
  PoseSequence seq = sequence(Camera::kWorld);
  seq.detected[20] = seq.detected[21] = 0;  // 0.07 s, bridged by gap filling (0.25 s)
  auto bridged = compute_kinematics(seq);
  ASSERT_TRUE(bridged);
  EXPECT_EQ(warning(*bridged), "");
  for (std::size_t f = 60; f < 90; ++f) seq.detected[f] = 0;  // 2.0–3.0 s
  auto k = compute_kinematics(seq);
  ASSERT_TRUE(k);
  EXPECT_NE(warning(*k).find("in 32 of 120 frames (27 %), for up to 1.0 s at a time (from 2.0 s)"),
            std::string::npos)
      << warning(*k);
}

TEST(ComputeKinematics, KneeFlexionPastStraightDownDoesNotWrap) {
  // A frame where the shank folds 200° from the thigh line must read 200, not −160.
  BodyPoints b;
  for (auto& v : b.at) v = {NAN, NAN, NAN};
  b.up = {0, 1, 0};
  b.at[static_cast<std::size_t>(Joint::kLeftHip)] = {0.1, 0.9, 0};
  b.at[static_cast<std::size_t>(Joint::kRightHip)] = {-0.1, 0.9, 0};
  b.at[static_cast<std::size_t>(Joint::kLeftKnee)] = {0.1, 0.5, 0};
  const double k = 200 * kDegToRad;  // shank = thigh direction rotated about +left by 200°
  b.at[static_cast<std::size_t>(Joint::kLeftAnkle)] =
      Vec3{0.1, 0.5, 0} + Vec3{0, -std::cos(k), -std::sin(k)} * 0.4;
  // The segments are 160° apart, but rotated past straight-down the sign rule would say
  // −160 (hyperextension); the knee range [−90°, 270°) keeps it continuous at 200.
  EXPECT_NEAR(frame_angles(b)[0], 200.0, 1e-9);
}

TEST(ComputeKinematics, EmptySequenceGivesEmptySeriesAndAWarning) {
  PoseSequence seq = make_pose_sequence(blazepose33(), 0);
  auto k = compute_kinematics(seq);
  ASSERT_TRUE(k);
  ASSERT_EQ(k->warnings.size(), 1u);
  EXPECT_NE(k->warnings[0].find("no frames"), std::string::npos);
  const AngleSeries* knee = k->find({AngleId::kKneeFlexion, Side::kLeft});
  ASSERT_NE(knee, nullptr);
  EXPECT_TRUE(knee->deg.empty());
  const KinematicsSummary s = summarize(*k);
  EXPECT_EQ(s.angles[0].valid_frames, 0u);
  EXPECT_TRUE(std::isnan(s.angles[0].rom_deg));
}

}  // namespace
}  // namespace openpt::motion
