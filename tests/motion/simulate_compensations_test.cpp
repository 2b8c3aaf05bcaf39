// Simulator compensations: each one changes the ground truth by the requested amount at the
// turning point of the compensated reps, and leaves the other reps textbook; per-rep depth
// (partial reps) and speed; timing asymmetry; sway.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "openpt/motion/simulate.h"
#include "simulate_test_helpers.h"

namespace openpt::motion {
namespace {

constexpr std::size_t kNose = 0, kLeftEar = 7, kLeftShoulder = 11, kLeftElbow = 13, kLeftHip = 23,
                      kRightHip = 24, kLeftAnkle = 27, kRightAnkle = 28, kLeftToe = 31;

using testing::clean;
using testing::frame_at;
using testing::run;

// Truth of `angle` at the turning point of every rep (all_reps order).
std::vector<double> at_turns(const Simulation& sim, const std::string& angle) {
  const auto& series =
      sim.truth_deg.count(angle) ? sim.truth_deg.at(angle) : sim.truth_measures.at(angle);
  std::vector<double> out;
  for (const SimulatedRep& r : sim.all_reps) out.push_back(series[frame_at(sim, r.turn_s)]);
  return out;
}

// Largest |value| of a series within rep r.
double peak_in_rep(const Simulation& sim, const std::vector<double>& series, std::size_t r) {
  double peak = 0;
  for (std::size_t i = 0; i < series.size(); ++i) {
    if (sim.rep_of_frame[i] == static_cast<int>(r)) peak = std::max(peak, std::abs(series[i]));
  }
  return peak;
}

TEST(SimulateCompensations, ValgusOnTheCompensatedRepsOnly) {
  SimulationOptions o = clean({.reps = 5, .fps = 30});
  o.compensations.left_knee_valgus_deg = 15;
  o.compensations.right_knee_valgus_deg = 8;
  o.compensated_reps = {2, 4};
  const Simulation sim = run("squat", o);
  ASSERT_EQ(sim.all_reps.size(), 5u);
  const auto left = at_turns(sim, "left_knee_frontal_projection");
  const auto right = at_turns(sim, "right_knee_frontal_projection");
  for (std::size_t r = 0; r < 5; ++r) {
    const bool on = r == 1 || r == 3;
    EXPECT_EQ(sim.all_reps[r].compensated, on) << r;
    EXPECT_NEAR(left[r], on ? 15 : 0, 1e-6) << "rep " << r + 1;
    EXPECT_NEAR(right[r], on ? 8 : 0, 1e-6) << "rep " << r + 1;
    // The rest of the squat is unchanged.
    EXPECT_NEAR(at_turns(sim, "left_knee_flexion")[r], 100, 1e-6);
  }
  // Reached in proportion to the movement: half-way down, half the valgus... roughly.
  const auto& fppa = sim.truth_deg.at("left_knee_frontal_projection");
  const double quarter = sim.all_reps[1].start_s + 0.75;  // progress 0.5 at a quarter rep
  EXPECT_NEAR(fppa[frame_at(sim, quarter)], 7.5, 0.5);
}

TEST(SimulateCompensations, TrunkLeanForwardAndBack) {
  SimulationOptions o = clean({.reps = 2, .fps = 30});
  o.compensations.trunk_flexion_deg = 20;
  o.compensated_reps = {2};
  const Simulation squat = run("squat", o);
  const auto trunk = at_turns(squat, "trunk_flexion");
  EXPECT_NEAR(trunk[0], 30, 1e-6);
  EXPECT_NEAR(trunk[1], 50, 1e-6);
  // The thighs keep their place: hip flexion from the trunk line grows by the same.
  const auto hip = at_turns(squat, "left_hip_flexion");
  EXPECT_NEAR(hip[1] - hip[0], 20, 1e-6);
  EXPECT_NEAR(at_turns(squat, "left_knee_flexion")[1], 100, 1e-6);

  // Leaning back in an overhead movement (lumbar extension): trunk −10°, the arm keeps its
  // angle to the trunk.
  SimulationOptions back = clean({.reps = 1, .fps = 30});
  back.compensations.trunk_flexion_deg = -10;
  const Simulation flexion = run("shoulder_flexion", back);
  EXPECT_NEAR(at_turns(flexion, "trunk_flexion")[0], -10, 1e-6);
  EXPECT_NEAR(at_turns(flexion, "left_shoulder_flexion")[0], 150, 1e-6);
}

TEST(SimulateCompensations, LateralLeanAndPelvicDrop) {
  SimulationOptions o = clean({.reps = 3, .fps = 30});
  o.compensations.trunk_lateral_lean_deg = 8;
  o.compensations.pelvic_obliquity_deg = -5;  // left pelvic drop
  o.compensated_reps = {3};
  const Simulation sim = run("squat", o);
  const auto lean = at_turns(sim, "trunk_lateral_lean");
  const auto obliquity = at_turns(sim, "pelvic_obliquity");
  EXPECT_NEAR(lean[0], 0, 1e-6);
  EXPECT_NEAR(lean[2], 8, 1e-6);
  EXPECT_NEAR(obliquity[1], 0, 1e-6);
  EXPECT_NEAR(obliquity[2], -5, 1e-6);
}

TEST(SimulateCompensations, ShoulderHikeRaisesTheArmNotTheHead) {
  SimulationOptions o = clean({.reps = 2, .fps = 30});
  o.compensations.left_shoulder_hike_m = 0.04;
  o.compensations.right_shoulder_hike_m = 0.02;
  o.compensated_reps = {2};
  const Simulation hiked = run("shoulder_abduction", o);
  const Simulation plain = run("shoulder_abduction", clean({.reps = 2, .fps = 30}));
  const auto left = at_turns(hiked, "left_shoulder_hike_m");
  const auto right = at_turns(hiked, "right_shoulder_hike_m");
  EXPECT_DOUBLE_EQ(left[0], 0);
  EXPECT_NEAR(left[1], 0.04, 1e-12);
  EXPECT_NEAR(right[1], 0.02, 1e-12);
  const std::size_t turn = frame_at(hiked, hiked.all_reps[1].turn_s);
  const PoseSequence& a = hiked.pose;
  const PoseSequence& b = plain.pose;
  // Shoulder and elbow rise 4 cm (the trunk is upright: straight up), the nose and ear stay.
  for (std::size_t j : {kLeftShoulder, kLeftElbow}) {
    const Vec3 d = a.world_at(turn, j) - b.world_at(turn, j);
    EXPECT_NEAR(d.y, -0.04, 1e-9) << j;
    EXPECT_NEAR(norm(d), 0.04, 1e-9) << j;
  }
  for (std::size_t j : {kNose, kLeftEar}) {
    EXPECT_NEAR(norm(a.world_at(turn, j) - b.world_at(turn, j)), 0, 1e-9) << j;
  }
  // The arm angles do not change.
  EXPECT_NEAR(at_turns(hiked, "left_shoulder_abduction")[1], 150, 1e-6);
  EXPECT_NEAR(at_turns(hiked, "trunk_lateral_lean")[1], 0, 1e-6);
}

TEST(SimulateCompensations, DepthAsymmetryAndHeelLift) {
  SimulationOptions o = clean({.reps = 2, .fps = 30});
  o.compensations.depth_scale = 0.6;
  o.compensations.right_depth_scale = 0.5;
  o.compensations.heel_lift_deg = 10;
  o.compensated_reps = {1};
  const Simulation sim = run("squat", o);
  const auto left = at_turns(sim, "left_knee_flexion");
  const auto right = at_turns(sim, "right_knee_flexion");
  EXPECT_NEAR(left[0], 60, 1e-6);
  EXPECT_NEAR(right[0], 30, 1e-6);
  EXPECT_NEAR(left[1], 100, 1e-6);
  EXPECT_NEAR(right[1], 100, 1e-6);
  EXPECT_NEAR(at_turns(sim, "left_ankle_dorsiflexion")[0], 0.6 * 25 - 10, 1e-6);
  EXPECT_NEAR(at_turns(sim, "left_ankle_dorsiflexion")[1], 25, 1e-6);
  EXPECT_NEAR(sim.all_reps[0].depth, 0.6, 1e-12);
  EXPECT_FALSE(sim.all_reps[0].partial);  // shallow, but a rep
  EXPECT_EQ(sim.rep_start_s.size(), 2u);
}

TEST(SimulateCompensations, TempoOutwardShareAndHold) {
  SimulationOptions o = clean({.reps = 2, .fps = 40});
  o.compensations.outward_fraction = 0.25;
  o.compensations.hold_s = 1.0;
  o.compensated_reps = {2};
  const Simulation sim = run("squat", o);
  // Rep 1 textbook: 1.5 s down, 1.5 s up. Rep 2: 3 s with 1 s hold: 0.5 s down, 1.5 s up.
  const SimulatedRep& a = sim.all_reps[0];
  const SimulatedRep& b = sim.all_reps[1];
  EXPECT_NEAR(a.turn_s - a.start_s, 1.5, 1e-9);
  EXPECT_NEAR(b.end_s - b.start_s, 3.0, 1e-9);
  EXPECT_NEAR(b.turn_s - b.start_s, 0.5 + 0.5, 1e-9);  // the middle of the hold
  const auto& knee = sim.truth_deg.at("left_knee_flexion");
  EXPECT_NEAR(knee[frame_at(sim, b.start_s + 0.5)], 100, 1e-6);  // bottom reached
  EXPECT_NEAR(knee[frame_at(sim, b.start_s + 1.5)], 100, 1e-6);  // still holding
  EXPECT_LT(knee[frame_at(sim, b.start_s + 1.6)], 100);          // rising
  EXPECT_NEAR(knee[frame_at(sim, b.start_s + 0.25)], 50, 1e-6);  // half-way down
  EXPECT_NEAR(knee[frame_at(sim, a.start_s + 0.25)], 100 * 0.0355, 1);
}

TEST(SimulateCompensations, RightSideLagsByTheDelay) {
  SimulationOptions o = clean({.reps = 3, .fps = 50});
  o.compensations.right_delay_s = 0.4;
  o.compensated_reps = {2};
  const Simulation sim = run("shoulder_abduction", o);
  const auto& left = sim.truth_deg.at("left_shoulder_abduction");
  const auto& right = sim.truth_deg.at("right_shoulder_abduction");
  auto peak_time = [&](const std::vector<double>& s, std::size_t r) {
    double best = -1, t = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (sim.rep_of_frame[i] == static_cast<int>(r) && s[i] > best) {
        best = s[i];
        t = sim.pose.t_s[i];
      }
    }
    return t;
  };
  EXPECT_NEAR(peak_time(right, 0) - peak_time(left, 0), 0, 1e-9);
  EXPECT_NEAR(peak_time(right, 1) - peak_time(left, 1), 0.4, 1e-9);
  EXPECT_NEAR(peak_time(left, 1), sim.all_reps[1].turn_s, 1e-9);
  // The rep lasts 4 s + 0.4 s; later reps start later by as much.
  EXPECT_NEAR(sim.all_reps[1].end_s - sim.all_reps[1].start_s, 4.4, 1e-9);
  EXPECT_NEAR(sim.all_reps[2].start_s - sim.all_reps[1].start_s, 4.4 + 1.0, 1e-9);
  EXPECT_NEAR(right[frame_at(sim, sim.all_reps[1].end_s - 0.02)], 0, 0.01);
}

TEST(SimulateCompensations, SwayMovesThePelvisSidewaysWithTheFeetPlanted) {
  SimulationOptions o = clean({.reps = 3, .fps = 40});
  o.compensations.sway_m = 0.05;
  o.compensated_reps = {2};
  const Simulation sim = run("squat", o);
  const auto& sway = sim.truth_measures.at("sway_m");
  EXPECT_NEAR(peak_in_rep(sim, sway, 0), 0, 1e-12);
  EXPECT_NEAR(peak_in_rep(sim, sway, 1), 0.05, 1e-9);  // 2 periods in 3 s: peak on a frame
  EXPECT_NEAR(peak_in_rep(sim, sway, 2), 0, 1e-12);
  const Simulation still = run("squat", clean({.reps = 3, .fps = 40}));
  for (std::size_t i = 0; i < sim.pose.frame_count(); ++i) {
    // Front view: the subject's left is +x. The mid-hip moves by the sway, the feet not.
    const Vec3 hip = midpoint(sim.pose.world_at(i, kLeftHip), sim.pose.world_at(i, kRightHip));
    const Vec3 hip0 = midpoint(still.pose.world_at(i, kLeftHip), still.pose.world_at(i, kRightHip));
    ASSERT_NEAR(hip.x - hip0.x, sway[i], 1e-9) << i;
    ASSERT_NEAR(hip.y - hip0.y, 0, 1e-9) << i;
    for (std::size_t j : {kLeftAnkle, kRightAnkle, kLeftToe}) {
      ASSERT_NEAR(norm(sim.pose.world_at(i, j) - still.pose.world_at(i, j)), 0, 1e-9) << i;
    }
  }
}

TEST(SimulateCompensations, PerRepDepthMakesPartialRepsAndSpeedChangesDuration) {
  SimulationOptions o = clean({.reps = 4, .fps = 40});
  o.rep_depth_scale = {1, 0.3, 0.8};  // rep 4: missing = 1
  o.rep_duration_scale = {1, 0.5, 2};
  const Simulation sim = run("squat", o);
  ASSERT_EQ(sim.all_reps.size(), 4u);
  const auto knee = at_turns(sim, "left_knee_flexion");
  EXPECT_NEAR(knee[0], 100, 1e-6);
  EXPECT_NEAR(knee[1], 30, 1e-6);
  EXPECT_NEAR(knee[2], 80, 1e-6);
  EXPECT_NEAR(knee[3], 100, 1e-6);
  EXPECT_TRUE(sim.all_reps[1].partial);
  EXPECT_FALSE(sim.all_reps[2].partial);
  const double durations[4] = {3, 1.5, 6, 3};
  for (std::size_t r = 0; r < 4; ++r) {
    EXPECT_NEAR(sim.all_reps[r].end_s - sim.all_reps[r].start_s, durations[r], 1e-9) << r;
    EXPECT_NEAR(sim.all_reps[r].depth, r == 1 ? 0.3 : r == 2 ? 0.8 : 1.0, 1e-12);
  }
  // The counted reps leave the partial one out.
  ASSERT_EQ(sim.rep_start_s.size(), 3u);
  ASSERT_EQ(sim.rep_turn_s.size(), 3u);
  EXPECT_DOUBLE_EQ(sim.rep_start_s[1], sim.all_reps[2].start_s);
  EXPECT_DOUBLE_EQ(sim.rep_end_s[2], sim.all_reps[3].end_s);
  EXPECT_NEAR(sim.all_reps[1].start_s, 1 + 3 + 1, 1e-9);
  EXPECT_NEAR(sim.pose.duration_s(), 3 + 1.5 + 6 + 3 + 5 * 1.0, 1e-9);
}

TEST(SimulateCompensations, CleanMovementHasNoCompensation) {
  const Simulation sim = run("squat", clean({.reps = 3, .fps = 30}));
  for (const char* name : {"left_knee_frontal_projection", "right_knee_frontal_projection",
                           "trunk_lateral_lean", "pelvic_obliquity"}) {
    const auto& s = sim.truth_deg.at(name);
    for (double v : s) ASSERT_NEAR(v, 0, 1e-6) << name;
  }
  for (const auto& [name, series] : sim.truth_measures) {
    if (name.find("progress") != std::string::npos) continue;
    for (double v : series) ASSERT_NEAR(v, 0, 1e-9) << name;
  }
  for (const SimulatedRep& r : sim.all_reps) {
    EXPECT_TRUE(r.compensated);  // every rep would carry them, but there are none
    EXPECT_FALSE(r.partial);
    EXPECT_EQ(r.side, MovingSide::kBoth);
  }
}

}  // namespace
}  // namespace openpt::motion
