// Simulator realism for repetition counting: set-up before the first rep, walking away
// after the last, baseline drift, dropped frames, occlusion; the one-sided exercises (lunge,
// hip abduction), scaption and the side option; option checks and list parsers.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "openpt/motion/simulate.h"
#include "simulate_test_helpers.h"

namespace openpt::motion {
namespace {

constexpr std::size_t kLeftShoulder = 11, kLeftElbow = 13, kLeftHip = 23, kRightHip = 24,
                      kLeftKnee = 25, kLeftHeel = 29, kRightHeel = 30, kLeftToe = 31,
                      kRightToe = 32;

using testing::clean;
using testing::frame_at;
using testing::run;

Vec3 mid_hip(const PoseSequence& s, std::size_t i) {
  return midpoint(s.world_at(i, kLeftHip), s.world_at(i, kRightHip));
}

TEST(SimulateRealism, SetupStepsInAndBendsLessThanARep) {
  SimulationOptions o = clean({.reps = 2, .fps = 30});
  o.setup_s = 4;
  const Simulation sim = run("squat", o);
  const auto& left = sim.truth_deg.at("left_knee_flexion");
  const auto& right = sim.truth_deg.at("right_knee_flexion");
  const auto& progress = sim.truth_measures.at("left_progress");
  double setup_knee = 0, setup_progress = 0;
  for (std::size_t i = 0; i < sim.pose.frame_count(); ++i) {
    const double t = sim.pose.t_s[i];
    EXPECT_EQ(sim.phase[i] == SimulatedPhase::kSetup, t < 4) << t;
    if (t >= 4) continue;
    EXPECT_EQ(sim.rep_of_frame[i], -1);
    setup_knee = std::max({setup_knee, left[i], right[i]});
    setup_progress = std::max(setup_progress, progress[i]);
  }
  EXPECT_NEAR(setup_progress, 0.3, 1e-3);  // one bend to 30 % of the squat
  EXPECT_GT(setup_knee, 25);               // steps and the bend do move the knees ...
  EXPECT_LT(setup_knee, 50);               // ... but less than half a squat
  // Enters from 1 m to the image left, standing in place when the set-up ends.
  EXPECT_NEAR(mid_hip(sim.pose, 0).x, -1.0, 1e-9);
  EXPECT_NEAR(mid_hip(sim.pose, frame_at(sim, 2.0)).x, 0, 1e-9);
  EXPECT_NEAR(sim.all_reps[0].start_s, 4 + 1, 1e-9);
  for (std::size_t i = 0; i < sim.pose.frame_count(); ++i) {
    ASSERT_TRUE(sim.pose.detected[i]);  // in view throughout
  }
}

TEST(SimulateRealism, SeatedExerciseSetupSitsDown) {
  SimulationOptions o = clean({.reps = 1, .fps = 30});
  o.setup_s = 4;
  o.walk_away_s = 4;
  const Simulation sim = run("sit_to_stand", o);
  const auto& knee = sim.truth_deg.at("left_knee_flexion");
  EXPECT_LT(knee[frame_at(sim, 0.5)], 50);          // walking in upright
  EXPECT_NEAR(knee[frame_at(sim, 3.9)], 90, 1e-6);  // seated before the first rep
  EXPECT_NEAR(knee[frame_at(sim, sim.all_reps[0].end_s + 0.5)], 90, 1e-6);
  EXPECT_NEAR(knee[frame_at(sim, sim.all_reps[0].end_s + 1.0 + 1.0)], 0, 1e-6);  // stood up
}

TEST(SimulateRealism, WalkAwayLeavesTheImageAndThenNoOneIsDetected) {
  SimulationOptions o = clean({.reps = 2, .fps = 30});
  o.walk_away_s = 6;
  const Simulation sim = run("squat", o);
  const PoseSequence& s = sim.pose;
  const double walk_start = sim.all_reps.back().end_s + 1.0;
  EXPECT_NEAR(s.duration_s(), walk_start + 6, 1e-9);
  bool partly_out = false;
  for (std::size_t i = 0; i < s.frame_count(); ++i) {
    const double t = s.t_s[i];
    EXPECT_EQ(sim.phase[i] == SimulatedPhase::kWalkAway, t >= walk_start) << t;
    if (t < walk_start + 1.0) {
      ASSERT_TRUE(s.detected[i]) << t;  // turning, in view
    }
    if (t >= walk_start + 0.7 * 6) {
      ASSERT_FALSE(s.detected[i]) << t;  // out of view by 70 % of the walk-away
      ASSERT_FALSE(s.image_at(i, kLeftHip).present());
      ASSERT_TRUE(std::isnan(s.world_at(i, kLeftHip).x));
    }
    if (!s.detected[i]) continue;
    for (std::size_t j = 0; j < s.landmark_count(); ++j) {
      const Landmark& l = s.image_at(i, j);
      const bool inside = l.x >= 0 && l.x <= 1 && l.y >= 0 && l.y <= 1;
      ASSERT_EQ(l.visibility >= 0.95f, inside) << t << " " << j;
      if (!inside) {
        ASSERT_LE(l.visibility, 0.1f);
        partly_out = true;
      }
    }
  }
  EXPECT_TRUE(partly_out);  // the landmarks drift out before the person is lost
  // The subject turned to face image right: the nose is ahead (+x) of the ears.
  const std::size_t turned = frame_at(sim, walk_start + 1.2);
  EXPECT_GT(s.world_at(turned, 0).x, s.world_at(turned, 7).x);
}

TEST(SimulateRealism, BaselineDriftsLinearlyOnTheDrivingAngle) {
  SimulationOptions o = clean({.reps = 3, .fps = 30});
  o.baseline_drift_deg = 12;
  const Simulation sim = run("squat", o);
  const auto& knee = sim.truth_deg.at("left_knee_flexion");
  const double end = sim.all_reps.back().end_s + 1.0;
  EXPECT_NEAR(knee.front(), 0, 1e-9);
  EXPECT_NEAR(knee.back(), 12, 1e-6);
  const double mid_pause = sim.all_reps[1].end_s + 0.5;
  EXPECT_NEAR(knee[frame_at(sim, mid_pause)], 12 * mid_pause / end, 1e-6);
  // The reps ride on the drift: the turning point is 100° above the baseline.
  const double turn = sim.all_reps[1].turn_s;
  EXPECT_NEAR(knee[frame_at(sim, turn)], 100 + 12 * turn / end, 1e-6);
}

TEST(SimulateRealism, DroppedFramesAreSeededAndLeaveTheOthersAlone) {
  SimulationOptions o{.reps = 5, .fps = 30, .seed = 3};
  o.dropped_frames = 0.1;
  const Simulation sim = run("squat", o);
  o.dropped_frames = 0;
  const Simulation full = run("squat", o);
  ASSERT_EQ(sim.pose.frame_count(), full.pose.frame_count());
  std::size_t dropped = 0;
  for (std::size_t i = 0; i < sim.pose.frame_count(); ++i) {
    if (!sim.pose.detected[i]) {
      ++dropped;
      for (std::size_t j = 0; j < sim.pose.landmark_count(); ++j) {
        ASSERT_FALSE(sim.pose.image_at(i, j).present());
        ASSERT_TRUE(std::isnan(sim.pose.world_at(i, j).x));
      }
      continue;
    }
    for (std::size_t j = 0; j < sim.pose.landmark_count(); ++j) {
      ASSERT_EQ(sim.pose.image_at(i, j).x, full.pose.image_at(i, j).x);
      ASSERT_EQ(sim.pose.world_at(i, j), full.pose.world_at(i, j));
    }
  }
  const double share = static_cast<double>(dropped) / static_cast<double>(sim.pose.frame_count());
  EXPECT_NEAR(share, 0.1, 0.04);
  EXPECT_EQ(sim.truth_deg, full.truth_deg);  // the body was still there
  const Simulation again = run("squat", {.reps = 5, .fps = 30, .seed = 3, .dropped_frames = 0.1});
  EXPECT_EQ(again.pose.detected, sim.pose.detected);
}

TEST(SimulateRealism, OcclusionLowersVisibilityInItsWindowOnly) {
  SimulationOptions o{.reps = 2, .fps = 20};
  o.occlusions.push_back(*parse_occlusion("lower_body:2-3.5"));
  o.occlusions.push_back(*parse_occlusion("left_elbow:0-0.5"));
  const Simulation sim = run("squat", o);
  for (std::size_t i = 0; i < sim.pose.frame_count(); ++i) {
    const double t = sim.pose.t_s[i];
    for (std::size_t j = 0; j < sim.pose.landmark_count(); ++j) {
      const bool hidden = (j >= 25 && t >= 2 && t <= 3.5) || (j == kLeftElbow && t <= 0.5 + 1e-9);
      const float v = sim.pose.image_at(i, j).visibility;
      if (hidden) {
        ASSERT_FLOAT_EQ(v, 0.1f) << t << " " << j;
      } else {
        ASSERT_GE(v, 0.95f) << t << " " << j;
      }
      ASSERT_TRUE(sim.pose.image_at(i, j).present());  // positions are still reported
    }
  }
}

TEST(SimulateExercises, ForwardLungeAlternatesAndKeepsTheFeetOnTheFloor) {
  const Simulation sim = run("forward_lunge", clean({.reps = 2, .fps = 40}));
  ASSERT_EQ(sim.all_reps.size(), 2u);
  EXPECT_EQ(sim.all_reps[0].side, MovingSide::kLeft);
  EXPECT_EQ(sim.all_reps[1].side, MovingSide::kRight);
  const PoseSequence& s = sim.pose;
  const double floor = s.world_at(0, kLeftHeel).y;
  for (std::size_t i = 0; i < s.frame_count(); ++i) {
    const int r = sim.rep_of_frame[i];
    // The rear (stance) toe never moves; no foot point goes through the floor.
    const std::size_t stance = r == 1 ? kLeftToe : kRightToe;
    ASSERT_NEAR(norm(s.world_at(i, stance) - s.world_at(0, stance)), 0, 1e-9) << i;
    for (std::size_t j : {kLeftHeel, kRightHeel, kLeftToe, kRightToe}) {
      ASSERT_LE(s.world_at(i, j).y, floor + 1e-9) << i << " " << j;
    }
  }
  // At the bottom of rep 1: the front (left) foot flat on the floor ~0.8 m ahead, front
  // knee ~105°, rear knee ~100°, the rear heel up.
  const std::size_t bottom = frame_at(sim, sim.all_reps[0].turn_s);
  EXPECT_NEAR(s.world_at(bottom, kLeftHeel).y, floor, 1e-9);
  EXPECT_NEAR(s.world_at(bottom, kLeftToe).y, floor, 1e-9);
  EXPECT_NEAR(s.world_at(bottom, kLeftToe).x - s.world_at(0, kLeftToe).x, 0.47 * 1.72, 0.01);
  EXPECT_LT(s.world_at(bottom, kRightHeel).y, floor - 0.05);
  EXPECT_NEAR(sim.truth_deg.at("left_knee_flexion")[bottom], 105, 3);
  EXPECT_NEAR(sim.truth_deg.at("right_knee_flexion")[bottom], 100, 3);
  const std::size_t bottom2 = frame_at(sim, sim.all_reps[1].turn_s);
  EXPECT_NEAR(sim.truth_deg.at("right_knee_flexion")[bottom2],
              sim.truth_deg.at("left_knee_flexion")[bottom], 1e-6);
}

TEST(SimulateExercises, HipAbductionOnOneLeg) {
  const Simulation left = run("hip_abduction", clean({.reps = 1, .fps = 30}));
  const std::size_t turn = frame_at(left, left.all_reps[0].turn_s);
  EXPECT_NEAR(left.truth_measures.at("left_hip_abduction_deg")[turn], 35, 1e-6);
  EXPECT_NEAR(left.truth_measures.at("right_hip_abduction_deg")[turn], 0, 1e-6);
  EXPECT_EQ(left.all_reps[0].side, MovingSide::kLeft);
  for (std::size_t i = 0; i < left.pose.frame_count(); ++i) {
    ASSERT_NEAR(norm(left.pose.world_at(i, kRightToe) - left.pose.world_at(0, kRightToe)), 0, 1e-9);
  }
  // The lifted foot leaves the floor.
  EXPECT_LT(left.pose.world_at(turn, kLeftHeel).y, left.pose.world_at(0, kLeftHeel).y - 0.05);

  SimulationOptions o = clean({.reps = 1, .fps = 30, .side = MovingSide::kRight});
  o.compensations.pelvic_obliquity_deg = 6;  // the left (stance-side) hip higher
  const Simulation right = run("hip_abduction", o);
  EXPECT_NEAR(right.truth_measures.at("right_hip_abduction_deg")[turn], 35, 0.5);
  EXPECT_NEAR(right.truth_deg.at("pelvic_obliquity")[turn], 6, 1e-6);
}

TEST(SimulateExercises, ScaptionRaisesTheArmsInTheScapularPlane) {
  const Simulation sim = run("shoulder_scaption", clean({.reps = 1, .fps = 30}));
  const std::size_t turn = frame_at(sim, sim.all_reps[0].turn_s);
  const PoseSequence& s = sim.pose;
  const Vec3 arm = s.world_at(turn, kLeftElbow) - s.world_at(turn, kLeftShoulder);
  const Vec3 down{0, 1, 0};
  EXPECT_NEAR(angle_between_deg(arm, down), 150, 1e-6);
  // Front view: subject's left = +x, anterior = −z; the plane is 30° forward of lateral.
  EXPECT_NEAR(std::atan2(-arm.z, arm.x) * kRadToDeg, 30, 1e-6);
  EXPECT_GT(sim.truth_deg.at("left_shoulder_abduction")[turn], 140);
}

TEST(SimulateExercises, OneArmAndAlternatingArms) {
  const Simulation one = run("shoulder_abduction", clean({.reps = 2, .side = MovingSide::kLeft}));
  const Simulation alt =
      run("shoulder_abduction", clean({.reps = 2, .side = MovingSide::kAlternating}));
  const auto& one_right = one.truth_deg.at("right_shoulder_abduction");
  EXPECT_NEAR(*std::max_element(one_right.begin(), one_right.end()), 0, 1e-6);
  const std::size_t t1 = frame_at(alt, alt.all_reps[0].turn_s);
  const std::size_t t2 = frame_at(alt, alt.all_reps[1].turn_s);
  EXPECT_NEAR(alt.truth_deg.at("left_shoulder_abduction")[t1], 150, 1e-6);
  EXPECT_NEAR(alt.truth_deg.at("right_shoulder_abduction")[t1], 0, 1e-6);
  EXPECT_NEAR(alt.truth_deg.at("right_shoulder_abduction")[t2], 150, 1e-6);
  EXPECT_EQ(alt.all_reps[1].side, MovingSide::kRight);
  auto bad = simulate("squat", {.side = MovingSide::kLeft});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().where, "side");
  EXPECT_FALSE(simulate("forward_lunge", {.side = MovingSide::kBoth}).has_value());
}

TEST(SimulateOptions, RejectsOutOfRangeValuesNamingTheOption) {
  struct Case {
    const char* where;
    SimulationOptions options;
  };
  std::vector<Case> cases(12);
  cases[0] = {"trunk_flexion_deg", {}};
  cases[0].options.compensations.trunk_flexion_deg = 60;
  cases[1] = {"left_shoulder_hike_m", {}};
  cases[1].options.compensations.left_shoulder_hike_m = -0.01;
  cases[2] = {"sway_m", {}};
  cases[2].options.compensations.sway_m = NAN;
  cases[3] = {"right_delay_s", {}};
  cases[3].options.compensations.right_delay_s = 2;  // more than half a 3 s squat
  cases[4] = {"compensated_reps", {.reps = 3, .compensated_reps = {4}}};
  cases[5] = {"rep_depth_scale", {.reps = 2, .rep_depth_scale = {1, 1, 1}}};
  cases[6] = {"rep_depth_scale[1]", {.reps = 2, .rep_depth_scale = {1, -1}}};
  cases[7] = {"rep_duration_scale[0]", {.reps = 2, .rep_duration_scale = {0.1}}};  // 0.3 s
  cases[8] = {"setup_s", {.setup_s = 1}};
  cases[9] = {"dropped_frames", {.dropped_frames = 0.95}};
  cases[10] = {"occlusions[0]",
               {.occlusions = {Occlusion{.start_s = 3, .end_s = 2, .landmarks = {25}}}}};
  cases[11] = {"hold_s", {.reps = 2, .rep_duration_scale = {1, 0.5}}};
  cases[11].options.compensations.hold_s = 1.3;  // less than 80 % of 3 s, not of 1.5 s
  for (const Case& c : cases) {
    auto sim = simulate("squat", c.options);
    ASSERT_FALSE(sim.has_value()) << c.where;
    EXPECT_EQ(sim.error().kind, ErrorKind::kBadInput) << c.where;
    EXPECT_EQ(sim.error().where, c.where);
    EXPECT_FALSE(sim.error().hint.empty()) << c.where;
  }
}

TEST(SimulateOptions, ParsesRepListsNumberListsAndOcclusions) {
  EXPECT_EQ(*parse_rep_list("3-5,7"), (std::vector<int>{3, 4, 5, 7}));
  EXPECT_EQ(*parse_rep_list(" 2 , 1,2 "), (std::vector<int>{1, 2}));
  for (const char* bad : {"", "0", "a", "5-3", "1,,2", "2-", "1001"}) {
    EXPECT_FALSE(parse_rep_list(bad).has_value()) << bad;
  }
  EXPECT_EQ(*parse_number_list("1,1,0.3,1"), (std::vector<double>{1, 1, 0.3, 1}));
  for (const char* bad : {"", "1,x", "nan", "1;2", "inf"}) {
    EXPECT_FALSE(parse_number_list(bad).has_value()) << bad;
  }
  auto occ = parse_occlusion("left_knee+left_ankle:1.5-2");
  ASSERT_TRUE(occ.has_value()) << occ.error().to_string();
  EXPECT_EQ(occ->landmarks, (std::vector<std::size_t>{25, 27}));
  EXPECT_DOUBLE_EQ(occ->start_s, 1.5);
  EXPECT_DOUBLE_EQ(occ->end_s, 2);
  EXPECT_EQ(parse_occlusion("lower_body:0-1")->landmarks.size(), 8u);
  EXPECT_EQ(landmark_group("left_side")->size(), 16u);
  EXPECT_EQ(*landmark_group("right_arm"), (std::vector<std::size_t>{12, 14, 16, 18, 20, 22}));
  for (const char* bad : {"lower_body", "knee:1-2", "lower_body:2", "lower_body:3-1",
                          "lower_body:-1-2", "lower_body:a-b"}) {
    auto e = parse_occlusion(bad);
    ASSERT_FALSE(e.has_value()) << bad;
    EXPECT_FALSE(e.error().hint.empty()) << bad;
  }
  EXPECT_EQ(*parse_moving_side("alternating"), MovingSide::kAlternating);
  EXPECT_FALSE(parse_moving_side("middle").has_value());
}

}  // namespace
}  // namespace openpt::motion
