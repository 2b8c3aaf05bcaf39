// The simulator: schedule, determinism, geometry of the recording, ground truth, errors, and
// agreement of the ground truth with compute_kinematics (noise-free, noisy, and 2D).
#include "openpt/motion/simulate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "openpt/motion/kinematics.h"

namespace openpt::motion {
namespace {

constexpr std::size_t kLeftHip = 23, kRightHip = 24, kLeftAnkle = 27, kRightAnkle = 28, kNose = 0,
                      kLeftEar = 7, kLeftToe = 31, kLeftHeel = 29;

SimulationOptions noise_free(SimulationOptions o = {}) {
  o.image_noise_px = 0;
  o.world_noise_m = 0;
  return o;
}

Simulation run(std::string_view exercise, const SimulationOptions& o = {}) {
  auto sim = simulate(exercise, o);
  EXPECT_TRUE(sim.has_value()) << (sim ? "" : sim.error().to_string());
  return sim ? std::move(*sim) : Simulation{};
}

double wrapped(double d) {
  return std::remainder(d, 360.0);
}

double max_finite(const std::vector<double>& v) {
  double m = -INFINITY;
  for (double x : v) {
    if (std::isfinite(x)) m = std::max(m, x);
  }
  return m;
}

TEST(Simulate, ListsExercisesAndRejectsUnknownOnes) {
  const auto names = simulated_exercises();
  for (std::string_view want : {"squat", "sit_to_stand", "shoulder_abduction"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), want), names.end()) << want;
    EXPECT_FALSE(simulated_exercise_description(want).empty());
  }
  auto bad = simulate("jumping_jacks");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().kind, ErrorKind::kBadInput);
  EXPECT_NE(bad.error().message.find("jumping_jacks"), std::string::npos);
  EXPECT_NE(bad.error().hint.find("squat"), std::string::npos);
  EXPECT_NE(bad.error().hint.find("sit_to_stand"), std::string::npos);
}

TEST(Simulate, RejectsBadOptions) {
  std::vector<SimulationOptions> bad(9);
  bad[0].reps = 0;
  bad[1].reps = 1001;
  bad[2].fps = 0;
  bad[3].fps = NAN;
  bad[4].image_noise_px = -1;
  bad[5].stature_m = 7;
  bad[6].rep_duration_s = -2;
  bad[7] = {.reps = 1000, .fps = 1000};  // 4 million frames
  bad[8].compensations.depth_scale = INFINITY;
  for (std::size_t i = 0; i < bad.size(); ++i) {
    auto sim = simulate("squat", bad[i]);
    ASSERT_FALSE(sim.has_value()) << i;
    EXPECT_EQ(sim.error().kind, ErrorKind::kBadInput) << i;
    EXPECT_FALSE(sim.error().hint.empty()) << i;
  }
}

TEST(Simulate, FrameCountTimesAndRepBounds) {
  for (auto exercise : simulated_exercises()) {
    SCOPED_TRACE(exercise);
    const SimulationOptions o{.reps = 3, .fps = 25, .rep_duration_s = 2.5, .pause_s = 0.8};
    const Simulation sim = run(exercise, o);
    const double expected = 25 * (3 * 2.5 + 4 * 0.8);
    EXPECT_NEAR(static_cast<double>(sim.pose.frame_count()), expected, 1.0);
    for (std::size_t i = 0; i < sim.pose.frame_count(); ++i) {
      ASSERT_DOUBLE_EQ(sim.pose.t_s[i], static_cast<double>(i) / 25);
    }
    ASSERT_EQ(sim.rep_start_s.size(), 3u);
    ASSERT_EQ(sim.rep_end_s.size(), 3u);
    for (std::size_t r = 0; r < 3; ++r) {
      EXPECT_NEAR(sim.rep_start_s[r], 0.8 + r * (2.5 + 0.8), 1e-9);
      EXPECT_NEAR(sim.rep_end_s[r], sim.rep_start_s[r] + 2.5, 1e-9);
    }
    EXPECT_TRUE(validate(sim.pose, "sim").has_value());
  }
  // Default tempo per exercise: 3 s squat, 4 s shoulder abduction.
  EXPECT_NEAR(run("squat", {.reps = 2}).rep_end_s[0] - 1.0, 3.0, 1e-9);
  EXPECT_NEAR(run("shoulder_abduction", {.reps = 2}).rep_end_s[0] - 1.0, 4.0, 1e-9);
}

TEST(Simulate, DeterministicPerSeedAndDifferentAcrossSeeds) {
  const Simulation a = run("squat", {.reps = 2, .seed = 42});
  const Simulation b = run("squat", {.reps = 2, .seed = 42});
  const Simulation c = run("squat", {.reps = 2, .seed = 43});
  ASSERT_EQ(a.pose.image.size(), b.pose.image.size());
  bool image_same = true, world_same = true, differs = false;
  for (std::size_t i = 0; i < a.pose.image.size(); ++i) {
    image_same = image_same && a.pose.image[i].x == b.pose.image[i].x &&
                 a.pose.image[i].y == b.pose.image[i].y &&
                 a.pose.image[i].visibility == b.pose.image[i].visibility;
    world_same = world_same && a.pose.world[i] == b.pose.world[i];
    differs = differs || a.pose.image[i].x != c.pose.image[i].x;
  }
  EXPECT_TRUE(image_same);
  EXPECT_TRUE(world_same);
  EXPECT_TRUE(differs);
  EXPECT_EQ(a.truth_deg, c.truth_deg);  // the truth does not depend on the noise
}

TEST(Simulate, MetadataAndLandmarkAttributes) {
  const Simulation sim = run("sit_to_stand", {.reps = 1, .fps = 50});
  const PoseSequence& s = sim.pose;
  EXPECT_EQ(s.metadata.source, "openpt simulate sit_to_stand");
  EXPECT_EQ(s.metadata.format, "simulated");
  EXPECT_EQ(s.metadata.fps, 50);
  EXPECT_EQ(s.metadata.view, CameraView::kSide);
  EXPECT_EQ(s.image_space.units, ImageUnits::kNormalized);
  EXPECT_EQ(s.image_space.width_px, 1280);
  EXPECT_EQ(s.image_space.height_px, 720);
  EXPECT_TRUE(s.has_image && s.has_world);
  EXPECT_EQ(s.world_up, (Vec3{0, -1, 0}));
  EXPECT_EQ(s.skeleton, &blazepose33());
  for (const Landmark& l : s.image) {
    ASSERT_GE(l.visibility, 0.95f);
    ASSERT_LE(l.visibility, 0.99f);
    ASSERT_FLOAT_EQ(l.presence, 0.99f);
    ASSERT_GT(l.x, 0.02f);  // the whole body stays inside the image
    ASSERT_LT(l.x, 0.98f);
    ASSERT_GT(l.y, 0.02f);
    ASSERT_LT(l.y, 0.98f);
  }
  EXPECT_EQ(run("squat", {.reps = 1}).pose.metadata.view, CameraView::kFront);
  EXPECT_EQ(run("squat", {.reps = 1, .view = CameraView::kSide}).pose.metadata.view,
            CameraView::kSide);
}

TEST(Simulate, ViewsFollowBlazePoseAxes) {
  const SimulationOptions o = noise_free({.reps = 1});
  const Simulation front = run("squat", o);
  // Facing the camera: the subject's left hip at image right (+x), nose nearer (−z).
  EXPECT_GT(front.pose.world_at(0, kLeftHip).x, front.pose.world_at(0, kRightHip).x);
  EXPECT_LT(front.pose.world_at(0, kNose).z, front.pose.world_at(0, kLeftEar).z);
  EXPECT_GT(front.pose.image_at(0, kLeftHip).x, front.pose.image_at(0, kRightHip).x);
  EXPECT_LT(front.pose.image_at(0, kNose).z, 0);  // nearer than the hips
  SimulationOptions side_o = o;
  side_o.view = CameraView::kSide;
  const Simulation side = run("squat", side_o);
  // Facing image right: nose and toes at larger x than ears and heels; left side farther.
  EXPECT_GT(side.pose.world_at(0, kNose).x, side.pose.world_at(0, kLeftEar).x);
  EXPECT_GT(side.pose.world_at(0, kLeftToe).x, side.pose.world_at(0, kLeftHeel).x);
  EXPECT_GT(side.pose.world_at(0, kLeftHip).z, side.pose.world_at(0, kRightHip).z);
  EXPECT_GT(side.pose.image_at(0, kNose).x, side.pose.image_at(0, kLeftEar).x);
  // The truth does not depend on the view.
  for (const auto& [name, series] : front.truth_deg) {
    const auto& other = side.truth_deg.at(name);
    for (std::size_t i = 0; i < series.size(); ++i) {
      if (std::isnan(series[i])) {
        ASSERT_TRUE(std::isnan(other[i])) << name;
      } else {
        ASSERT_NEAR(wrapped(series[i] - other[i]), 0, 1e-6) << name;
      }
    }
  }
}

TEST(Simulate, FeetStayPlantedDuringSquatWhileHipsDescend) {
  const Simulation sim = run("squat", noise_free({.reps = 2}));
  const PoseSequence& s = sim.pose;
  double hip_drop = 0;
  for (std::size_t i = 0; i < s.frame_count(); ++i) {
    for (std::size_t j : {kLeftAnkle, kRightAnkle, kLeftToe, kLeftHeel}) {
      ASSERT_NEAR(norm(s.world_at(i, j) - s.world_at(0, j)), 0, 1e-9) << "frame " << i;
    }
    const Vec3 hip = midpoint(s.world_at(i, kLeftHip), s.world_at(i, kRightHip));
    hip_drop = std::max(hip_drop, hip.y);  // y points down; the standing mid-hip is at 0
  }
  EXPECT_GT(hip_drop, 0.25);
  // The image shows the hips descend too.
  EXPECT_GT(s.image_at(s.frame_count() / 4, kLeftHip).y, s.image_at(0, kLeftHip).y);
}

TEST(Simulate, WorldOriginCanFollowTheHips) {
  SimulationOptions o = noise_free({.reps = 1});
  o.world_origin_per_frame = true;
  const Simulation sim = run("squat", o);
  for (std::size_t i = 0; i < sim.pose.frame_count(); ++i) {
    const Vec3 hip = midpoint(sim.pose.world_at(i, kLeftHip), sim.pose.world_at(i, kRightHip));
    ASSERT_NEAR(norm(hip), 0, 1e-9);
  }
}

TEST(Simulate, TruthReachesTheExerciseTargetsEveryRep) {
  const Simulation squat = run("squat", {.reps = 3, .fps = 60});
  ASSERT_EQ(squat.truth_deg.size(), 17u);
  const auto& knee = squat.truth_deg.at("left_knee_flexion");
  EXPECT_NEAR(knee.front(), 0, 1e-6);
  for (std::size_t r = 0; r < 3; ++r) {
    double peak = 0;
    for (std::size_t i = 0; i < knee.size(); ++i) {
      const double t = squat.pose.t_s[i];
      if (t >= squat.rep_start_s[r] && t <= squat.rep_end_s[r]) peak = std::max(peak, knee[i]);
    }
    EXPECT_NEAR(peak, 100, 0.5) << "rep " << r;
  }
  EXPECT_NEAR(max_finite(squat.truth_deg.at("right_knee_flexion")), 100, 0.5);
  EXPECT_NEAR(max_finite(squat.truth_deg.at("left_hip_flexion")), 105, 0.5);
  EXPECT_NEAR(max_finite(squat.truth_deg.at("right_ankle_dorsiflexion")), 25, 0.5);
  EXPECT_NEAR(max_finite(squat.truth_deg.at("trunk_flexion")), 30, 0.5);
  EXPECT_NEAR(max_finite(squat.truth_deg.at("left_knee_frontal_projection")), 0, 1e-6);

  const Simulation sts = run("sit_to_stand", {.reps = 2, .fps = 60});
  EXPECT_NEAR(sts.truth_deg.at("left_knee_flexion").front(), 90, 1e-6);
  EXPECT_NEAR(sts.truth_deg.at("left_hip_flexion").front(), 90, 1e-6);
  const auto& sts_knee = sts.truth_deg.at("right_knee_flexion");
  EXPECT_NEAR(*std::min_element(sts_knee.begin(), sts_knee.end()), 0, 0.5);
  EXPECT_GT(max_finite(sts.truth_deg.at("trunk_flexion")), 30);
  EXPECT_GT(max_finite(sts.truth_deg.at("left_hip_flexion")), 100);

  const Simulation abd = run("shoulder_abduction", {.reps = 2});
  EXPECT_NEAR(max_finite(abd.truth_deg.at("left_shoulder_abduction")), 150, 0.5);
  EXPECT_NEAR(max_finite(abd.truth_deg.at("right_shoulder_abduction")), 150, 0.5);
  EXPECT_NEAR(max_finite(abd.truth_deg.at("left_elbow_flexion")), 0, 1e-6);
}

TEST(Simulate, CompensationsShowInTheTruth) {
  SimulationOptions o{.reps = 1, .fps = 60};
  o.compensations.left_knee_valgus_deg = 15;
  o.compensations.trunk_lateral_lean_deg = 8;
  o.compensations.pelvic_obliquity_deg = -4;
  o.compensations.depth_scale = 0.6;
  const Simulation sim = run("squat", o);
  EXPECT_NEAR(max_finite(sim.truth_deg.at("left_knee_frontal_projection")), 15, 0.1);
  EXPECT_NEAR(max_finite(sim.truth_deg.at("right_knee_frontal_projection")), 0, 0.1);
  EXPECT_NEAR(max_finite(sim.truth_deg.at("trunk_lateral_lean")), 8, 0.1);
  const auto& ob = sim.truth_deg.at("pelvic_obliquity");
  EXPECT_NEAR(*std::min_element(ob.begin(), ob.end()), -4, 0.1);
  EXPECT_NEAR(max_finite(sim.truth_deg.at("right_knee_flexion")), 60, 0.5);

  // Heel lift: less dorsiflexion at the bottom, heels rise, toes stay on the floor.
  SimulationOptions lift = noise_free({.reps = 1, .fps = 60});
  lift.compensations.heel_lift_deg = 10;
  const Simulation heels = run("squat", lift);
  EXPECT_NEAR(max_finite(heels.truth_deg.at("left_ankle_dorsiflexion")), 15, 0.1);
  double heel_rise = 0;
  for (std::size_t i = 0; i < heels.pose.frame_count(); ++i) {
    ASSERT_NEAR(norm(heels.pose.world_at(i, kLeftToe) - heels.pose.world_at(0, kLeftToe)), 0, 1e-9);
    heel_rise = std::max(heel_rise,
                         heels.pose.world_at(0, kLeftHeel).y - heels.pose.world_at(i, kLeftHeel).y);
  }
  EXPECT_GT(heel_rise, 0.03);
}

TEST(Simulate, ImageNoiseHasTheRequestedSpread) {
  const SimulationOptions base{.reps = 1, .seed = 5, .image_noise_px = 2.0};
  const Simulation noisy = run("squat", base);
  const Simulation clean = run("squat", noise_free(base));
  double sum2 = 0;
  for (std::size_t i = 0; i < noisy.pose.image.size(); ++i) {
    const double dx = (noisy.pose.image[i].x - clean.pose.image[i].x) * 1280.0;
    sum2 += dx * dx;
  }
  EXPECT_NEAR(std::sqrt(sum2 / static_cast<double>(noisy.pose.image.size())), 2.0, 0.1);
}

// --- Agreement with compute_kinematics -------------------------------------------------

struct Agreement {
  double max_abs = 0, rms = 0;
  std::size_t compared = 0, truth_finite = 0;
};

Agreement compare(const Simulation& sim, const Kinematics& k, const std::string& name) {
  Agreement a;
  const auto key = parse_angle_name(name);
  EXPECT_TRUE(key.has_value()) << name;
  if (!key) return a;
  const AngleSeries* series = k.find(*key);
  EXPECT_NE(series, nullptr) << name;
  if (!series) return a;
  const auto& truth = sim.truth_deg.at(name);
  double sum2 = 0;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    if (!std::isfinite(truth[i])) continue;
    ++a.truth_finite;
    if (!std::isfinite(series->deg[i])) continue;
    const double d = wrapped(series->deg[i] - truth[i]);
    a.max_abs = std::max(a.max_abs, std::abs(d));
    sum2 += d * d;
    ++a.compared;
  }
  a.rms = a.compared ? std::sqrt(sum2 / static_cast<double>(a.compared)) : NAN;
  return a;
}

TEST(SimulateKinematics, NoiseFreeWorldLandmarksReproduceEveryTruthAngle) {
  for (auto exercise : simulated_exercises()) {
    for (CameraView view : {CameraView::kFront, CameraView::kSide}) {
      SCOPED_TRACE(std::string(exercise) + " " + std::string(camera_view_name(view)));
      const Simulation sim = run(exercise, noise_free({.reps = 2, .view = view}));
      auto k = compute_kinematics(sim.pose, {.lowpass_cutoff_hz = 0});
      ASSERT_TRUE(k.has_value()) << k.error().to_string();
      EXPECT_TRUE(k->is_3d);
      for (const auto& [name, truth] : sim.truth_deg) {
        const Agreement a = compare(sim, *k, name);
        EXPECT_LT(a.max_abs, 0.1) << name;
        EXPECT_GE(a.compared, a.truth_finite * 99 / 100) << name;
        EXPECT_GT(a.truth_finite, sim.pose.frame_count() / 2) << name;
      }
    }
  }
}

TEST(SimulateKinematics, NoisyWorldLandmarksStayWithinTwoDegreesRms) {
  const std::vector<std::pair<std::string_view, std::vector<std::string>>> driven = {
      {"squat",
       {"left_knee_flexion", "right_knee_flexion", "left_hip_flexion", "right_hip_flexion",
        "left_ankle_dorsiflexion", "right_ankle_dorsiflexion", "trunk_flexion",
        "left_shoulder_flexion"}},
      {"sit_to_stand",
       {"left_knee_flexion", "right_hip_flexion", "left_ankle_dorsiflexion", "trunk_flexion"}},
      {"shoulder_abduction", {"left_shoulder_abduction", "right_shoulder_abduction"}},
      {"shoulder_flexion", {"left_shoulder_flexion", "right_shoulder_flexion"}},
      {"elbow_flexion", {"left_elbow_flexion", "right_elbow_flexion"}},
      {"heel_raise", {"left_ankle_dorsiflexion", "right_ankle_dorsiflexion"}},
  };
  for (const auto& [exercise, names] : driven) {
    SCOPED_TRACE(exercise);
    const Simulation sim = run(exercise, {.reps = 3, .seed = 11});
    auto k = compute_kinematics(sim.pose);  // default 6 Hz low-pass
    ASSERT_TRUE(k.has_value()) << k.error().to_string();
    for (const auto& name : names) {
      const Agreement a = compare(sim, *k, name);
      EXPECT_LT(a.rms, 2.0) << name;
      EXPECT_GE(a.compared, a.truth_finite * 95 / 100) << name;
      EXPECT_GT(a.compared, sim.pose.frame_count() / 2) << name;
      std::printf("%-20s %-28s rms %.3f° max %.3f°\n", std::string(exercise).c_str(), name.c_str(),
                  a.rms, a.max_abs);
    }
  }
}

TEST(SimulateKinematics, SideViewImageLandmarksGiveSagittalAnglesIn2D) {
  Simulation sim = run("squat", {.reps = 3, .seed = 3, .view = CameraView::kSide});
  sim.pose.has_world = false;
  sim.pose.world.clear();
  auto k = compute_kinematics(sim.pose);
  ASSERT_TRUE(k.has_value()) << k.error().to_string();
  EXPECT_FALSE(k->is_3d);
  EXPECT_EQ(k->view, CameraView::kSide);
  for (const char* name :
       {"left_knee_flexion", "right_knee_flexion", "left_hip_flexion", "right_hip_flexion"}) {
    const Agreement a = compare(sim, *k, name);
    EXPECT_LT(a.rms, 3.0) << name;
    EXPECT_LT(a.max_abs, 6.0) << name;
    EXPECT_GT(a.compared, sim.pose.frame_count() * 9 / 10) << name;
    std::printf("2D side squat %-20s rms %.3f° max %.3f°\n", name, a.rms, a.max_abs);
  }
}

}  // namespace
}  // namespace openpt::motion
