// Two parts of the form rules with known answers on simulated recordings: the knee-to-ankle
// separation measure (knees drawn together while the feet stay apart), and rules judged on
// the working side only (sides = "working": the limb the driving signal chose).
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>

#include "assessment_test_helpers.h"
#include "openpt/motion/simulate.h"

namespace openpt::motion {
namespace {

constexpr const char* kKneesSquat = R"toml(
id = "knees_squat"
name = "Knees squat"
category = "rehabilitation"
views = ["front", "side"]
[movement]
signal = "knee_flexion"
sides = "mean"
direction = "increase"
outward = "eccentric"
target_rom_deg = 100
min_rom_deg = 30
rep_duration_s = [1.0, 10.0]
[[rule]]
code = "knees_inward"
title = "Knees drawn together"
measure = "knee_separation"
sides = "none"
statistic = "min"
worse = "below"
mild = 80
significant = 60
views = ["front", "back"]
finding = "Knees at {value} of the feet's width"
cue = "Knees apart."
)toml";

// One arm raised sideways (sides = "either"): the hike rule is judged on the working arm.
constexpr const char* kOneArmRaise = R"toml(
id = "one_arm_raise"
name = "One-arm raise"
category = "rehabilitation"
views = ["front"]
[movement]
signal = "shoulder_abduction"
sides = "either"
direction = "increase"
outward = "concentric"
target_rom_deg = 150
min_rom_deg = 40
rep_duration_s = [1.0, 10.0]
[[rule]]
code = "shoulder_hike"
title = "Shoulder hike"
measure = "shoulder_elevation"
sides = "working"
relative = true
worse = "above"
mild = 3
significant = 6
finding = "{Side} shoulder hiked by {value}"
cue = "Keep your {side} shoulder down."
)toml";

using testing::assess_pose;
using testing::finding;
using testing::parse_definition;

// Moves both knees along the hip line, symmetrically about the feet's centre, so that
// their separation is a share of the ankles' that falls smoothly from 1 at start_s to
// `ratio` midway and back to 1 at end_s (smoothly: the kinematics' low-pass filter would
// ring on a step).
void draw_knees_together(PoseSequence& pose, double start_s, double end_s, double ratio) {
  for (std::size_t f = 0; f < pose.frame_count(); ++f) {
    const double t = pose.t_s[f];
    if (t < start_s || t > end_s) continue;
    const double s = std::sin(std::numbers::pi * (t - start_s) / (end_s - start_s));
    const double share = 1 - (1 - ratio) * s * s;
    const auto at = [&](Joint j) -> Vec3& {
      return pose.world_at(f, static_cast<std::size_t>(pose.skeleton->landmark_of(j)));
    };
    Vec3 lateral = at(Joint::kLeftHip) - at(Joint::kRightHip);
    lateral = normalized(lateral - pose.world_up * dot(lateral, pose.world_up));
    const double ankles = dot(at(Joint::kLeftAnkle) - at(Joint::kRightAnkle), lateral);
    const double mid = dot(at(Joint::kLeftAnkle) + at(Joint::kRightAnkle), lateral) / 2;
    for (const auto& [knee, sign] :
         {std::pair{Joint::kLeftKnee, 1.0}, std::pair{Joint::kRightKnee, -1.0}}) {
      const double now = dot(at(knee), lateral);
      const double wanted = mid + sign * share * ankles / 2;
      at(knee) = at(knee) + lateral * (wanted - now);
    }
  }
}

TEST(KneeSeparation, ReadsTheKneeToAnkleRatioOnTheRepWhereTheKneesCameTogether) {
  auto sim = simulate("squat", {.reps = 4, .world_noise_m = 0});
  ASSERT_TRUE(sim.has_value()) << sim.error().to_string();
  // Rep 3: the knees come together to half the ankles' separation.
  draw_knees_together(sim->pose, sim->rep_start_s[2], sim->rep_end_s[2], 0.5);
  const Assessment a = assess_pose(sim->pose, parse_definition(kKneesSquat, "knees_squat.toml"));
  ASSERT_EQ(a.rep_count, 4);
  const Finding* f = finding(a, "knees_inward");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kSignificant);
  EXPECT_NEAR(f->value, 50, 0.5);
  EXPECT_EQ(f->reps, (std::vector<int>{3}));
  // The simulated knees track over the feet: about as far apart as the ankles.
  for (const RepResult& rep : a.reps) {
    if (rep.number == 3) continue;
    EXPECT_EQ(rep.classification, Severity::kOk) << "rep " << rep.number;
  }
}

TEST(KneeSeparation, IsNotJudgedFromA2DSideView) {
  auto sim = simulate("squat", {.reps = 3, .view = CameraView::kSide});
  ASSERT_TRUE(sim.has_value()) << sim.error().to_string();
  const Assessment a = assess_pose(sim->pose, parse_definition(kKneesSquat, "knees_squat.toml"),
                                   /*use_world=*/false);
  ASSERT_EQ(a.skipped.size(), 1U);
  EXPECT_EQ(a.skipped[0].code, "knees_inward");
  EXPECT_EQ(finding(a, "knees_inward"), nullptr);
}

// The left arm raises fully and the right only to 30 %, so the left arm is working. A
// shrug of the resting right shoulder is not judged; the same shrug on the left is.
TEST(WorkingSide, RulesJudgeOnlyTheArmThatDoesTheExercise) {
  const ExerciseDefinition exercise = parse_definition(kOneArmRaise, "one_arm_raise.toml");
  for (const bool hike_left : {false, true}) {
    SCOPED_TRACE(hike_left ? "left (working) shoulder hikes" : "right (resting) one hikes");
    SimulationOptions o{.reps = 4};
    o.compensations.right_depth_scale = 0.3;
    (hike_left ? o.compensations.left_shoulder_hike_m : o.compensations.right_shoulder_hike_m) =
        0.1;
    auto sim = simulate("shoulder_abduction", o);
    ASSERT_TRUE(sim.has_value()) << sim.error().to_string();
    const Assessment a = assess_pose(sim->pose, exercise);
    EXPECT_EQ(a.rep_count, 4);
    EXPECT_EQ(a.signal_side, Side::kLeft);
    EXPECT_EQ(finding(a, "shoulder_hike", Side::kRight), nullptr) << "the right arm rests";
    const Finding* left = finding(a, "shoulder_hike", Side::kLeft);
    ASSERT_NE(left, nullptr);
    if (hike_left) {
      EXPECT_NE(left->severity, Severity::kOk);
    } else {
      EXPECT_EQ(left->severity, Severity::kOk) << left->text;
    }
  }
}

}  // namespace
}  // namespace openpt::motion
