// Form assessment on simulated recordings with known compensations: each rule fires on
// the right side and reps with the right magnitude, and stays silent on a clean movement.
// The rules come from inline test definitions (thresholds fixed here, independent of the
// library's tuning); one test runs the library's deep_squat.
#include "openpt/motion/assessment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numbers>
#include <string>
#include <utility>
#include <vector>

#include "assessment_test_helpers.h"
#include "openpt/motion/exercise.h"
#include "openpt/motion/form_rules.h"
#include "openpt/motion/kinematics.h"
#include "openpt/motion/per_frame_normalise.h"
#include "openpt/motion/simulate.h"

namespace openpt::motion {
namespace {

constexpr const char* kTestSquat = R"toml(
id = "test_squat"
name = "Test squat"
category = "rehabilitation"
views = ["front", "side"]
[movement]
signal = "knee_flexion"
alternatives = [{ signal = "pelvis_height", direction = "decrease", min_range = 8 }]
sides = "mean"
direction = "increase"
outward = "eccentric"
target_rom_deg = 100
min_rom_deg = 30
rep_duration_s = [1.0, 10.0]
[[rule]]
code = "depth"
title = "Depth"
measure = "rom"
sides = "none"
worse = "below"
mild = 80
significant = 60
finding = "Knee flexion reached only {value} (below {threshold})"
cue = "Go a little deeper."
[[rule]]
code = "knee_valgus"
title = "Knee valgus"
measure = "knee_frontal_projection"
phase = "outward"
statistic = "fraction_above"
level = 10
worse = "above"
mild = 20
significant = 40
views = ["front", "back"]
finding = "{Side} knee valgus exceeded {level}° for {value} of {phase}"
cue = "Push your {side} knee out over your toes."
[[rule]]
code = "trunk_lean"
title = "Trunk lean"
measure = "trunk_flexion"
sides = "none"
phase = "turn"
worse = "above"
mild = 45
significant = 60
finding = "Trunk lean {value}"
cue = "Chest up."
[[rule]]
code = "trunk_shift"
title = "Trunk lateral shift"
measure = "trunk_lateral_lean"
sides = "none"
statistic = "max_abs"
worse = "above"
mild = 8
significant = 15
finding = "Trunk shifted {value}"
cue = "Stay centred."
[[rule]]
code = "pelvic_drop"
title = "Pelvic drop"
measure = "pelvic_drop"
relative = true
worse = "above"
mild = 5
significant = 10
finding = "{Side} pelvis dropped {value}"
cue = "Keep your {side} hip level."
[[rule]]
code = "heel_lift"
title = "Heel lift"
measure = "heel_height"
relative = true
worse = "above"
mild = 3
significant = 6
finding = "{Side} heel lifted {value}"
cue = "Keep your {side} heel down."
[[rule]]
code = "rom_asymmetry"
title = "ROM asymmetry"
measure = "rom_asymmetry"
worse = "above"
mild = 10
significant = 20
finding = "Sides differed by {value}"
cue = "Bend both knees equally."
[[rule]]
code = "timing_asymmetry"
title = "Timing asymmetry"
measure = "timing_asymmetry"
worse = "above"
mild = 8
significant = 25
finding = "Sides turned {value} of the rep apart"
cue = "Move both legs together."
[[rule]]
code = "too_fast"
title = "Too fast"
measure = "duration_s"
worse = "below"
mild = 1.5
significant = 1.0
finding = "Reps took {value}"
cue = "Slow down."
[[rule]]
code = "too_slow"
title = "Too slow"
measure = "duration_s"
worse = "above"
mild = 6
significant = 9
finding = "Reps took {value}"
cue = "Keep moving."
[[rule]]
code = "balance"
title = "Loss of balance"
measure = "com_lateral"
sides = "none"
statistic = "range"
worse = "above"
mild = 5
significant = 10
finding = "Centre of mass swayed {value}"
cue = "Hold a support."
)toml";

constexpr const char* kTestRaise = R"toml(
id = "test_raise"
name = "Test arm raise"
category = "rehabilitation"
views = ["front"]
[movement]
signal = "shoulder_abduction"
sides = "mean"
direction = "increase"
outward = "concentric"
target_rom_deg = 150
min_rom_deg = 40
rep_duration_s = [1.0, 10.0]
[[rule]]
code = "shoulder_hike"
title = "Shoulder hike"
measure = "shoulder_elevation"
relative = true
worse = "above"
mild = 3
significant = 6
finding = "{Side} shoulder hiked by {value}"
cue = "Keep your {side} shoulder down."
[[rule]]
code = "lumbar_extension"
title = "Lumbar extension"
measure = "trunk_flexion"
sides = "none"
phase = "turn"
statistic = "min"
relative = true
worse = "below"
mild = -5
significant = -10
finding = "The trunk leaned back {value}"
cue = "Tighten your tummy."
)toml";

// The file name must match the id (test_squat.toml, test_raise.toml).
ExerciseDefinition definition(const char* toml) {
  const std::string text(toml);
  const bool squat = text.find("id = \"test_squat\"") != std::string::npos;
  return testing::parse_definition(text, squat ? "test_squat.toml" : "test_raise.toml");
}

struct Outcome {
  Simulation sim;
  Assessment assessment;
};

Outcome run(std::string_view exercise, SimulationOptions options, const char* toml,
            bool use_world = true) {
  auto sim = simulate(exercise, options);
  EXPECT_TRUE(sim.has_value()) << sim.error().to_string();
  Assessment a = testing::assess_pose(sim->pose, definition(toml), use_world);
  return {std::move(*sim), std::move(a)};
}

using testing::assess_pose;
using testing::assess_pose_auto;
using testing::finding;
using testing::shipped_library;
using testing::simulate_walking_in_and_out;

// Every finding except `code` (on `side`) is ok; `also` may fire too (a side effect the
// simulator cannot avoid, said where used).
void expect_only(const Assessment& a, std::string_view code, Side side,
                 std::string_view also = {}) {
  for (const Finding& f : a.findings) {
    if ((f.code == code && f.side == side) || f.code == also) continue;
    EXPECT_EQ(f.severity, Severity::kOk) << f.code << " " << side_name(f.side) << ": " << f.text;
  }
}

TEST(Assessment, CleanSquatHasNoFindingsAndScoresNear100) {
  const Outcome r = run("squat", {.reps = 5}, kTestSquat);
  const Assessment& a = r.assessment;
  EXPECT_EQ(a.rep_count, 5);
  EXPECT_TRUE(a.skipped.empty());
  for (const Finding& f : a.findings) EXPECT_EQ(f.severity, Severity::kOk) << f.text;
  for (const RepResult& rep : a.reps) EXPECT_EQ(rep.classification, Severity::kOk);
  ASSERT_TRUE(a.score.has_value());
  // Values within limits cost only their margin points: the simulated noise (a degree of
  // pelvic obliquity, a few mm of heel height against limits of 5° and 3 % of leg length)
  // costs about a point per rule, nothing costs more than a mild finding's 10.
  EXPECT_GT(*a.score, 95);
  EXPECT_LT(*a.score, 100);
  for (const ScoreReason& s : a.score_reasons) {
    EXPECT_LT(s.points, 2) << s.code << " " << side_name(s.side);
  }
  // Reps match the simulated ones.
  ASSERT_EQ(a.reps.size(), r.sim.rep_turn_s.size());
  for (std::size_t i = 0; i < a.reps.size(); ++i) {
    EXPECT_NEAR(a.reps[i].timing.turn_s, r.sim.rep_turn_s[i], 0.15);
    EXPECT_NEAR(a.reps[i].timing.start_s, r.sim.rep_start_s[i], 0.4);
    EXPECT_NEAR(a.reps[i].timing.end_s, r.sim.rep_end_s[i], 0.4);
    EXPECT_NEAR(a.reps[i].rom_deg, 100, 3);
    EXPECT_NEAR(a.reps[i].eccentric_s, a.reps[i].outward_s, 1e-12);  // squat: descent
  }
}

TEST(Assessment, LeftValgusOnChosenRepsOnly) {
  SimulationOptions o{.reps = 5};
  o.compensations.left_knee_valgus_deg = 20;
  o.compensated_reps = {3, 4};
  const Outcome r = run("squat", o, kTestSquat);
  const Assessment& a = r.assessment;
  ASSERT_EQ(a.rep_count, 5);
  const Finding* f = finding(a, "knee_valgus", Side::kLeft);
  ASSERT_NE(f, nullptr);
  // FPPA rises with the descent to 20°: above 10° for the second half of the descent.
  EXPECT_EQ(f->severity, Severity::kSignificant);
  EXPECT_NEAR(f->value, 50, 10);
  EXPECT_EQ(f->reps, (std::vector<int>{3, 4}));
  EXPECT_NE(f->text.find("Left knee valgus exceeded 10°"), std::string::npos) << f->text;
  EXPECT_NE(f->text.find("of the descent (reps 3 and 4)"), std::string::npos) << f->text;
  EXPECT_EQ(f->cue, "Push your left knee out over your toes.");
  // One knee moving in shifts the simulated body over the feet: the sway rule may notice.
  expect_only(a, "knee_valgus", Side::kLeft, "balance");
  EXPECT_EQ(a.reps[0].classification, Severity::kOk);
  EXPECT_EQ(a.reps[2].classification, Severity::kSignificant);
  EXPECT_EQ(a.reps[3].classification, Severity::kSignificant);
  EXPECT_EQ(a.reps[4].classification, Severity::kOk);
  ASSERT_TRUE(a.score.has_value());
  EXPECT_LT(*a.score, 100);
  ASSERT_FALSE(a.score_reasons.empty());
  EXPECT_EQ(a.score_reasons.front().code, "knee_valgus");
}

TEST(Assessment, ValgusIn2DFrontViewAndSkippedInSideView) {
  SimulationOptions o{.reps = 4, .view = CameraView::kFront};
  o.compensations.right_knee_valgus_deg = 20;
  const Outcome front = run("squat", o, kTestSquat, /*use_world=*/false);
  const Finding* f = finding(front.assessment, "knee_valgus", Side::kRight);
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->severity, Severity::kOk);
  const Finding* left = finding(front.assessment, "knee_valgus", Side::kLeft);
  ASSERT_NE(left, nullptr);
  EXPECT_EQ(left->severity, Severity::kOk);

  o.view = CameraView::kSide;
  const Outcome side = run("squat", o, kTestSquat, /*use_world=*/false);
  const auto& skipped = side.assessment.skipped;
  const auto it = std::find_if(skipped.begin(), skipped.end(),
                               [](const SkippedRule& s) { return s.code == "knee_valgus"; });
  ASSERT_NE(it, skipped.end());
  EXPECT_NE(it->reason.find("front/back"), std::string::npos) << it->reason;
}

TEST(Assessment, ShallowDepth) {
  SimulationOptions o{.reps = 4};
  o.compensations.depth_scale = 0.5;
  const Assessment a = run("squat", o, kTestSquat).assessment;
  ASSERT_EQ(a.rep_count, 4);
  const Finding* f = finding(a, "depth");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kSignificant);
  EXPECT_NEAR(f->value, 50, 3);
  EXPECT_EQ(f->reps, (std::vector<int>{1, 2, 3, 4}));
  expect_only(a, "depth", Side::kNone);
}

TEST(Assessment, TrunkLateralShift) {
  SimulationOptions o{.reps = 4};
  o.compensations.trunk_lateral_lean_deg = 12;
  const Assessment a = run("squat", o, kTestSquat).assessment;
  const Finding* f = finding(a, "trunk_shift");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kMild);
  EXPECT_NEAR(f->value, 12, 1.5);
}

TEST(Assessment, TrunkLean) {
  SimulationOptions o{.reps = 4};
  o.compensations.trunk_flexion_deg = 35;  // 30° of the squat + 35° = 65° at the bottom
  const Assessment a = run("squat", o, kTestSquat).assessment;
  const Finding* f = finding(a, "trunk_lean");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kSignificant);
  EXPECT_NEAR(f->value, 65, 2);
}

TEST(Assessment, PelvicDropOnTheRightSide) {
  SimulationOptions o{.reps = 4};
  o.compensations.pelvic_obliquity_deg = 8;  // left hip higher: the right side drops
  const Assessment a = run("squat", o, kTestSquat).assessment;
  const Finding* right = finding(a, "pelvic_drop", Side::kRight);
  ASSERT_NE(right, nullptr);
  EXPECT_EQ(right->severity, Severity::kMild);
  EXPECT_NEAR(right->value, 8, 1.5);
  const Finding* left = finding(a, "pelvic_drop", Side::kLeft);
  ASSERT_NE(left, nullptr);
  EXPECT_EQ(left->severity, Severity::kOk);
}

TEST(Assessment, HeelLift) {
  SimulationOptions o{.reps = 4};
  o.compensations.heel_lift_deg = 20;
  const Assessment a = run("squat", o, kTestSquat).assessment;
  for (Side side : {Side::kLeft, Side::kRight}) {
    const Finding* f = finding(a, "heel_lift", side);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, Severity::kSignificant);
    // The heel pivots up about the toes: heel–toe distance × sin 20° over the leg length.
    EXPECT_GT(f->value, 6);
    EXPECT_LT(f->value, 16);
  }
}

TEST(Assessment, RangeAsymmetry) {
  SimulationOptions o{.reps = 4};
  o.compensations.right_depth_scale = 0.7;
  const Assessment a = run("squat", o, kTestSquat).assessment;
  const Finding* f = finding(a, "rom_asymmetry");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kSignificant);
  EXPECT_NEAR(f->value, 30, 4);
}

TEST(Assessment, TimingAsymmetry) {
  SimulationOptions o{.reps = 4};
  o.compensations.right_delay_s = 0.5;
  const Assessment a = run("squat", o, kTestSquat).assessment;
  const Finding* f = finding(a, "timing_asymmetry");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kMild);
  // 0.5 s between the sides' half-range crossings in a rep of ~3.5 s (~3.1 s between its
  // 5 % bands): ~16 %.
  EXPECT_NEAR(f->value, 16, 3);
}

TEST(Assessment, TooFastAndTooSlow) {
  const Assessment fast = run("squat", {.reps = 4, .rep_duration_s = 1.4}, kTestSquat).assessment;
  const Finding* f = finding(fast, "too_fast");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kMild);
  EXPECT_NEAR(f->value, 1.25, 0.15);
  const Assessment slow = run("squat", {.reps = 3, .rep_duration_s = 8}, kTestSquat).assessment;
  const Finding* s = finding(slow, "too_slow");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->severity, Severity::kMild);
  EXPECT_NEAR(s->value, 6.6, 0.4);  // 8 s less the two 5 % bands at start and end
}

TEST(Assessment, LossOfBalance) {
  SimulationOptions o{.reps = 4};
  o.compensations.sway_m = 0.06;
  const Assessment a = run("squat", o, kTestSquat).assessment;
  const Finding* f = finding(a, "balance");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->severity, Severity::kOk);
}

TEST(Assessment, ShoulderHikeAndLumbarExtensionInArmRaise) {
  SimulationOptions clean_options{.reps = 4};
  const Assessment clean = run("shoulder_abduction", clean_options, kTestRaise).assessment;
  for (const Finding& f : clean.findings) EXPECT_EQ(f.severity, Severity::kOk) << f.text;

  SimulationOptions o{.reps = 4};
  o.compensations.left_shoulder_hike_m = 0.05;
  o.compensations.trunk_flexion_deg = -15;
  const Assessment a = run("shoulder_abduction", o, kTestRaise).assessment;
  const Finding* hike = finding(a, "shoulder_hike", Side::kLeft);
  ASSERT_NE(hike, nullptr);
  EXPECT_EQ(hike->severity, Severity::kSignificant);
  const Finding* other = finding(a, "shoulder_hike", Side::kRight);
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(other->severity, Severity::kOk);
  const Finding* lumbar = finding(a, "lumbar_extension");
  ASSERT_NE(lumbar, nullptr);
  EXPECT_EQ(lumbar->severity, Severity::kSignificant);
  EXPECT_NEAR(lumbar->value, -15, 2);
}

TEST(Assessment, PartialRepIsNotCountedAndCostsPoints) {
  SimulationOptions o{.reps = 5};
  o.rep_depth_scale = {1, 1, 0.35, 1, 1};
  const Assessment a = run("squat", o, kTestSquat).assessment;
  EXPECT_EQ(a.rep_count, 4);
  ASSERT_EQ(a.reps.size(), 5u);
  EXPECT_EQ(a.reps[2].number, 0);
  EXPECT_FALSE(a.reps[2].timing.complete);
  EXPECT_EQ(a.reps[3].number, 3);
  ASSERT_NE(finding(a, "partial_reps"), nullptr);
  ASSERT_TRUE(a.score.has_value());
  // The mean of the complete reps' scores, less 5 points for the partial rep.
  double total = 0;
  for (const RepResult& rep : a.reps) total += rep.number > 0 ? rep.score : 0;
  EXPECT_NEAR(*a.score, total / 4 - 5, 1e-9);
  const auto partial = std::find_if(a.score_reasons.begin(), a.score_reasons.end(),
                                    [](const ScoreReason& s) { return s.code == "partial_reps"; });
  ASSERT_NE(partial, a.score_reasons.end());
  EXPECT_DOUBLE_EQ(partial->points, 5);
}

TEST(Assessment, RobustCountingOnUntidyRecordings) {
  SimulationOptions o{.reps = 6, .image_noise_px = 3, .world_noise_m = 0.01};
  o.setup_s = 4;
  o.walk_away_s = 4;
  o.baseline_drift_deg = 10;
  o.dropped_frames = 0.05;
  o.rep_duration_scale = {1, 0.7, 1.3, 1, 0.8, 1.2};
  o.rep_depth_scale = {1, 0.8, 1, 0.9, 1, 0.85};
  for (bool world : {true, false}) {
    const Outcome r = run("squat", o, kTestSquat, world);
    EXPECT_EQ(r.assessment.rep_count, 6) << (world ? "3D" : "2D");
  }
}

TEST(Assessment, RecordingThatStartsAtTheTurningPointIsTakenTheOtherWay) {
  // A "rise" defined from the bottom (knee flexion falls while rising, concentric), on a
  // recording that starts standing: the reps run down and back up instead.
  std::string toml = kTestSquat;
  toml.replace(toml.find("direction = \"increase\""), 22, "direction = \"decrease\"");
  toml.replace(toml.find("outward = \"eccentric\""), 21, "outward = \"concentric\"");
  auto sim = simulate("squat", {.reps = 4});
  ASSERT_TRUE(sim.has_value());
  auto k = compute_kinematics(sim->pose, {.keep_tracks = true});
  ASSERT_TRUE(k.has_value());
  auto a = assess(*k, definition(toml.c_str()));
  ASSERT_TRUE(a.has_value()) << a.error().to_string();
  EXPECT_EQ(a->rep_count, 4);
  ASSERT_FALSE(a->reps.empty());
  EXPECT_NEAR(a->reps[0].timing.turn_s, sim->rep_turn_s[0], 0.15);
  // Going down from standing is the eccentric half.
  EXPECT_DOUBLE_EQ(a->reps[0].eccentric_s, a->reps[0].outward_s);
  EXPECT_FALSE(a->notes.empty());
}

TEST(Assessment, AutomaticDetectionCountsAndNamesTheSignal) {
  auto sim = simulate("elbow_flexion", {.reps = 7});
  ASSERT_TRUE(sim.has_value());
  auto k = compute_kinematics(sim->pose, {.keep_tracks = true});
  ASSERT_TRUE(k.has_value());
  auto a = assess_auto(*k);
  ASSERT_TRUE(a.has_value()) << a.error().to_string();
  EXPECT_EQ(a->rep_count, 7);
  EXPECT_TRUE(a->automatic);
  EXPECT_NE(a->signal.find("elbow_flexion"), std::string::npos) << a->signal;
  EXPECT_FALSE(a->score.has_value());
}

// `--exercise auto` on a simulated recording, analysed in 3D (world landmarks) and in 2D
// (image landmarks): {"3D", assessment}, {"2D", assessment}.
std::vector<std::pair<std::string, Assessment>> auto_in_3d_and_2d(const char* exercise,
                                                                  const SimulationOptions& o) {
  std::vector<std::pair<std::string, Assessment>> out;
  auto sim = simulate(exercise, o);
  EXPECT_TRUE(sim.has_value()) << sim.error().to_string();
  if (!sim) return out;
  for (const bool use_world : {true, false}) {
    auto k = compute_kinematics(sim->pose, {.use_world = use_world, .keep_tracks = true});
    EXPECT_TRUE(k.has_value()) << k.error().to_string();
    if (!k) continue;
    auto a = assess_auto(*k);
    EXPECT_TRUE(a.has_value()) << a.error().to_string();
    if (a) out.emplace_back(use_world ? "3D" : "2D", std::move(*a));
  }
  EXPECT_EQ(out.size(), 2U);
  return out;
}

// Standing hip abduction moves no sagittal angle: the thigh swings out sideways. Auto mode
// counts it by the hip abduction, in 3D and in a 2D front view (before, it found nothing
// that moved and counted no repetition at all).
TEST(Assessment, AutomaticDetectionCountsASidewaysLegSwing) {
  for (const auto& [view, a] :
       auto_in_3d_and_2d("hip_abduction", {.reps = 5, .view = CameraView::kFront})) {
    EXPECT_NE(a.signal.find("hip_abduction"), std::string::npos) << a.signal;
    EXPECT_EQ(a.rep_count, 5) << view;
  }
}

// Six sideways leg swings filmed from the front with 6 px of landmark noise, a 3 s set-up
// and a fifth of the frames lost, analysed in 2D: every image angle swings by noise about
// as much as 15° now and then, so often that noise was the typical swing of each, the hip
// abduction too, and auto mode counted the noise of the knee's frontal projection angle
// (41). Judged on the signal low-passed at 2 Hz (repetitions last half a second or more),
// only the hip abduction moves.
TEST(Assessment, AutomaticDetectionIsNotFooledByLandmarkNoise) {
  SimulationOptions o{.reps = 6, .view = CameraView::kFront, .image_noise_px = 6};
  o.setup_s = 3;
  o.dropped_frames = 0.2;
  auto sim = simulate("hip_abduction", o);
  ASSERT_TRUE(sim.has_value()) << sim.error().to_string();
  auto k = compute_kinematics(sim->pose, {.use_world = false, .keep_tracks = true});
  ASSERT_TRUE(k.has_value()) << k.error().to_string();
  auto a = assess_auto(*k);
  ASSERT_TRUE(a.has_value()) << a.error().to_string();
  EXPECT_NE(a->signal.find("hip_abduction"), std::string::npos) << a->signal;
  EXPECT_EQ(a->rep_count, 6) << a->signal;
}

// Arm raises filmed from the front with both elbows hidden (sleeves, a poor detector): no
// joint angle of the arm can be measured, but the wrists still rise above the shoulders six
// times, and that is what gets counted.
TEST(Assessment, AutomaticDetectionCountsOnTheWristWhenNoArmAngleIsMeasurable) {
  SimulationOptions o{.reps = 6, .view = CameraView::kFront};
  o.occlusions.push_back({.start_s = 0, .end_s = 1000, .landmarks = {13, 14}});  // elbows
  auto sim = simulate("shoulder_flexion", o);
  ASSERT_TRUE(sim.has_value()) << sim.error().to_string();
  auto k = compute_kinematics(sim->pose, {.use_world = false, .keep_tracks = true});
  ASSERT_TRUE(k.has_value()) << k.error().to_string();
  for (const char* name : {"left_shoulder_abduction", "right_shoulder_abduction"}) {
    const AngleSeries* arm = k->find(*parse_angle_name(name));
    ASSERT_TRUE(arm == nullptr || std::none_of(arm->deg.begin(), arm->deg.end(),
                                               [](double v) { return std::isfinite(v); }))
        << name;
  }
  auto a = assess_auto(*k);
  ASSERT_TRUE(a.has_value()) << a.error().to_string();
  EXPECT_NE(a->signal.find("wrist_height"), std::string::npos) << a->signal;
  EXPECT_EQ(a->rep_count, 6);
}

// A 3D recording of `seconds` at 30 fps in which each named angle follows its function of
// t (degrees; t in seconds): the candidates auto mode chooses between.
Kinematics angles_over_time(
    double seconds,
    const std::vector<std::pair<const char*, std::function<double(double)>>>& angles) {
  Kinematics k;
  k.is_3d = true;
  k.sample_rate_hz = 30;
  for (std::size_t i = 0; i < static_cast<std::size_t>(seconds * 30); ++i) {
    k.t_s.push_back(static_cast<double>(i) / 30);
  }
  for (const auto& [name, f] : angles) {
    std::vector<double> values;
    for (const double t : k.t_s) values.push_back(f(t));
    k.angles.push_back({*parse_angle_name(name), std::move(values), {}});
  }
  return k;
}

// Both elbows follow elbow(t) and both knees knee(t).
Kinematics elbows_and_knees(double seconds, const std::function<double(double)>& elbow,
                            const std::function<double(double)>& knee) {
  return angles_over_time(seconds, {{"left_elbow_flexion", elbow},
                                    {"right_elbow_flexion", elbow},
                                    {"left_knee_flexion", knee},
                                    {"right_knee_flexion", knee}});
}

// low at t = 0, high half a period later.
double raised_cosine(double t, double period_s, double low, double high) {
  return low + (high - low) * 0.5 * (1 - std::cos(2 * std::numbers::pi * t / period_s));
}

// Fifteen quick elbow flexions (1.2 s each) while the knees bend three times, slowly and
// further (6 s each): both angles repeat perfectly, but three cycles prove less than fifteen,
// so the elbow carries the movement (by autocorrelation alone the two tie and the larger
// knee swing won).
TEST(Assessment, AutomaticDetectionPrefersManyRepetitionsToAFewSlowSwings) {
  auto a = assess_auto(elbows_and_knees(
      18, [](double t) { return raised_cosine(t, 1.2, 30, 90); },
      [](double t) { return raised_cosine(t, 6.0, 10, 100); }));
  ASSERT_TRUE(a.has_value()) << a.error().to_string();
  EXPECT_NE(a->signal.find("elbow_flexion"), std::string::npos) << a->signal;
  EXPECT_EQ(a->rep_count, 15);
}

// Eleven elbow flexions (1.8 s each) in the first 20 s of 36, while the knees bend once,
// far (150°), staying bent for half a minute with a small tremor at the elbow's rhythm. The
// knee's single "repetition" fills the recording, but a repetition lasting many periods is
// not the repeated movement: the time it fills counts for one period only, and the elbow
// carries the movement.
TEST(Assessment, AutomaticDetectionIgnoresOneSlowSwingThatFillsTheRecording) {
  auto a = assess_auto(elbows_and_knees(
      36, [](double t) { return t < 19.8 ? raised_cosine(t, 1.8, 30, 90) : 30; },
      [](double t) {
        const double bent = std::clamp(std::min(t - 0.5, 35.5 - t) / 2, 0.0, 1.0);
        return 10 + 150 * 0.5 * (1 - std::cos(std::numbers::pi * bent)) +
               6 * std::sin(2 * std::numbers::pi * t / 1.8);
      }));
  ASSERT_TRUE(a.has_value()) << a.error().to_string();
  EXPECT_NE(a->signal.find("elbow_flexion"), std::string::npos) << a->signal;
  EXPECT_EQ(a->rep_count, 11);
}

// Four elbow flexions at no steady rhythm (1, 5, 1.5 and 2.5 s long, rests of 1 to 4 s)
// while the knee bends slowly from 10° to 160° over the whole recording. Nothing repeats
// clearly, and the knee is the larger movement, but it has no repetition: the elbow, the
// largest movement with at least two complete repetitions, is counted, and the note says
// the count is uncertain.
TEST(Assessment, AutomaticDetectionWithoutAClearRhythmCountsAMovementWithRepetitions) {
  struct Flexion {
    double start_s, length_s;
  };
  static constexpr Flexion kFlexions[] = {{2, 1}, {4, 5}, {13, 1.5}, {17, 2.5}};
  auto a = assess_auto(elbows_and_knees(
      22,
      [](double t) {
        double e = 30;
        for (const Flexion& f : kFlexions) {
          const double u = (t - f.start_s) / f.length_s;
          if (u > 0 && u < 1) e = raised_cosine(u, 1, 30, 90);
        }
        return e;
      },
      [](double t) { return 10 + 150 * t / 22; }));
  ASSERT_TRUE(a.has_value()) << a.error().to_string();
  EXPECT_NE(a->signal.find("elbow_flexion"), std::string::npos) << a->signal;
  EXPECT_EQ(a->rep_count, 4);
  const bool uncertain = std::any_of(a->notes.begin(), a->notes.end(), [](const std::string& n) {
    return n.find("no movement repeats clearly") != std::string::npos;
  });
  EXPECT_TRUE(uncertain);
}

// Standing up and sitting down leans the trunk forward twice, so the arm's angle to the
// trunk (and the trunk's own) runs two cycles per sit-to-stand; more cycles prove a rhythm
// better, and these signals used to be counted: 6 for 3. The knees, hips and pelvis run
// one cycle per repetition, each holding two of the arm's: the body's cycle is counted,
// and the note names the signal that repeats within it.
TEST(Assessment, AutomaticDetectionCountsTheBodysCycleNotASignalRepeatingWithinIt) {
  for (const auto& [view, a] :
       auto_in_3d_and_2d("sit_to_stand", {.reps = 3, .image_noise_px = 3})) {
    EXPECT_EQ(a.rep_count, 3) << a.signal << " " << view;
    EXPECT_EQ(a.signal.find("shoulder_flexion"), std::string::npos) << a.signal;
    EXPECT_EQ(a.signal.find("trunk"), std::string::npos) << a.signal;
    const bool named = std::any_of(a.notes.begin(), a.notes.end(), [](const std::string& n) {
      return n.find("repeats 2 times within each of these repetitions") != std::string::npos;
    });
    EXPECT_TRUE(named) << view;
  }
}

// The arm's angle turns with the forward lean just before seat-off, while the hips are
// still at their seated angle: outside the hip's repetition by a frame or two. With the
// feet out of the picture (no knee or pelvis height) the hip flexion is the only
// fundamental, and its repetitions were not seen to hold the arm's cycles: 2D counted 6
// for 3. With walking in and out, the pelvis's height taken from standing (the walk-in)
// held them too, out of phase, and counted one too many; its repetitions abut where the
// arm turns, and a turning point held by two repetitions fails.
// Two slow arm raises (or curls, or leg swings) between walking in and walking out: the
// walking's few steps repeat clearly, two repetitions cannot, and the knee or hip of the
// walking was counted, 3 for 2. Its repetitions fill far less than a quarter of the
// recording, so it is not the recording's repeated movement.
TEST(Assessment, AutomaticDetectionDoesNotCountTheStepsOfWalkingInAndOut) {
  for (const char* exercise : {"shoulder_abduction", "elbow_flexion", "hip_abduction"}) {
    for (unsigned seed : {1U, 2U, 3U}) {
      const PoseSequence pose =
          simulate_walking_in_and_out(exercise, {.reps = 2, .seed = seed, .image_noise_px = 3});
      const Assessment a = assess_pose_auto(pose);
      EXPECT_EQ(a.rep_count, 2) << exercise << ", seed " << seed << ": " << a.signal;
    }
  }
}

// Two sit-to-stands between walking in and walking out: the arm's angle runs two cycles per
// repetition and, with the walking's arm swing, repeats clearly; two repetitions of the
// knees cannot prove a period, so the arm was counted, 6 for 2. The knees' repetitions
// each hold two of the arm's cycles, and that proves their rhythm without a period.
TEST(Assessment, AutomaticDetectionCountsTwoSitToStandsBetweenWalkingInAndOut) {
  for (unsigned seed : {1U, 2U, 3U}) {
    const PoseSequence pose =
        simulate_walking_in_and_out("sit_to_stand", {.reps = 2, .seed = seed});
    for (const bool use_world : {true, false}) {
      const Assessment a = assess_pose_auto(pose, use_world);
      EXPECT_EQ(a.rep_count, 2) << "seed " << seed << (use_world ? " 3D: " : " 2D: ") << a.signal;
      EXPECT_EQ(a.signal.find("shoulder_flexion"), std::string::npos) << a.signal;
      EXPECT_TRUE(std::any_of(a.notes.begin(), a.notes.end(), [](const std::string& n) {
        return n.find("repetitions each hold 2 cycles") != std::string::npos;
      })) << a.signal;
    }
  }
}

TEST(Assessment, AutomaticDetectionFindsTheBodysCycleWhenItsPartsTurnAtItsEdges) {
  for (unsigned seed : {1U, 2U, 3U}) {
    SimulationOptions feet_hidden{.reps = 3, .seed = seed, .image_noise_px = 3};
    feet_hidden.occlusions.push_back(
        {.start_s = 0, .end_s = 1000, .landmarks = {27, 28, 29, 30, 31, 32}});
    auto hidden = simulate("sit_to_stand", feet_hidden);
    ASSERT_TRUE(hidden.has_value()) << hidden.error().to_string();
    const Assessment a = assess_pose_auto(hidden->pose, false);
    EXPECT_EQ(a.rep_count, 3) << "feet hidden, seed " << seed << ": " << a.signal;
    const PoseSequence walking =
        simulate_walking_in_and_out("sit_to_stand", {.reps = 4, .seed = seed, .image_noise_px = 3});
    for (const bool use_world : {true, false}) {
      const Assessment w = assess_pose_auto(walking, use_world);
      EXPECT_EQ(w.rep_count, 4) << "walking, seed " << seed << (use_world ? " 3D: " : " 2D: ")
                                << w.signal;
    }
  }
}

// Eight alternating lunges (2.5 s each): both knees bend (15° to 60°) in every lunge, and
// each hip swings forward (to 90°) only in the lunges it leads, the left in the odd ones and
// the right in the even ones. Each hip runs one cycle per two knee cycles and moves more,
// but the two hips alternate (they do not move in step): every lunge is a repetition, 8.
TEST(Assessment, AutomaticDetectionCountsEachHalfOfAnAlternatingMovement) {
  const auto hip = [](double shift_s) {
    return [shift_s](double t) { return t < 20 ? raised_cosine(t + shift_s, 5, 0, 90) : 0; };
  };
  const auto knee = [](double t) { return t < 20 ? raised_cosine(t, 2.5, 15, 60) : 15; };
  auto a = assess_auto(angles_over_time(21, {{"left_knee_flexion", knee},
                                             {"right_knee_flexion", knee},
                                             {"left_hip_flexion", hip(0)},
                                             {"right_hip_flexion", hip(2.5)}}));
  ASSERT_TRUE(a.has_value()) << a.error().to_string();
  EXPECT_NE(a->signal.find("knee_flexion"), std::string::npos) << a->signal;
  EXPECT_EQ(a->rep_count, 8);
}

// Six elbow curls, the arms taking turns with short rests (0.2 s): the two elbows correlate
// negatively, like the mirrored sides of a front view, whose mean cancels; but they move
// one after the other, not at the same time, and their mean keeps a bump for every curl.
// Auto mode used to drop that mean and count one arm's curls: 3.
TEST(Assessment, AutomaticDetectionCountsArmsTakingTurns) {
  SimulationOptions o{.reps = 6, .pause_s = 0.2, .image_noise_px = 3};
  o.side = MovingSide::kAlternating;
  for (const auto& [view, a] : auto_in_3d_and_2d("elbow_flexion", o)) {
    EXPECT_EQ(a.rep_count, 6) << a.signal << " " << view;
  }
}

// Four arm raises to the side, the arms taking turns, of uneven depth and pace on a
// drifting start posture: one arm alone repeats more clearly than the two together, and it
// used to be counted, 2 for 4. The two arms take turns (they move in opposite directions,
// not at the same time), so each holds half of the repetitions: both are counted.
TEST(Assessment, AutomaticDetectionCountsBothSidesWhenTheyTakeTurns) {
  SimulationOptions o{.reps = 4, .image_noise_px = 3};
  o.side = MovingSide::kAlternating;
  o.rep_depth_scale = {1, 0.8, 0.95, 0.75};
  o.rep_duration_scale = {1, 0.7, 1.4, 0.9};
  o.baseline_drift_deg = 10;
  for (const auto& [view, a] : auto_in_3d_and_2d("shoulder_abduction", o)) {
    EXPECT_EQ(a.rep_count, 4) << a.signal << " " << view;
    const bool noted = std::any_of(a.notes.begin(), a.notes.end(), [](const std::string& n) {
      return n.find("take turns") != std::string::npos;
    });
    EXPECT_TRUE(noted) << view;
  }
}

// Three elbow curls, left, right, left, of uneven depth and pace on a drifting start
// posture (the evaluation's "uneven reps + drift"): with so few turns the drift makes the
// elbows' values barely anti-correlate (-0.24), and the left elbow alone, two curls, used
// to be counted. Each side repeats only while the other is between repetitions, so they
// take turns and both are counted — with three and four curls, in 3D and 2D.
TEST(Assessment, AutomaticDetectionCountsFewTurnsOnADriftingPosture) {
  for (int reps : {3, 4}) {
    for (unsigned seed : {1U, 2U, 3U}) {
      SimulationOptions o{.reps = reps, .seed = seed, .image_noise_px = 3};
      o.side = MovingSide::kAlternating;
      o.rep_depth_scale = {1, 0.8, 0.95, 0.75};
      o.rep_duration_scale = {1, 0.7, 1.4, 0.9};
      o.rep_depth_scale.resize(static_cast<std::size_t>(reps));
      o.rep_duration_scale.resize(static_cast<std::size_t>(reps));
      o.baseline_drift_deg = 10;
      for (const auto& [view, a] : auto_in_3d_and_2d("elbow_flexion", o)) {
        EXPECT_EQ(a.rep_count, reps)
            << reps << " reps, seed " << seed << ", " << view << ": " << a.signal;
      }
    }
  }
}

// Six curls of the left arm, and the resting right arm curls once in the pause between the
// first two (scratching, adjusting the sleeve): the arms do not move at the same time and
// each turns outside the other's repetitions, but they do not take turns — the right arm's
// one curl is not half the set. The left arm's six curls are counted, not the mean's seven.
TEST(Assessment, AutomaticDetectionDoesNotTakeOneStrayMovementForTakingTurns) {
  SimulationOptions left_set{.reps = 6, .pause_s = 3, .image_noise_px = 3};
  left_set.side = MovingSide::kLeft;
  auto set = simulate("elbow_flexion", left_set);
  ASSERT_TRUE(set.has_value()) << set.error().to_string();
  // One quick curl of the right arm from 6.75 s to 8.25 s, between the set's first (3-6 s)
  // and second (9-12 s) curls.
  SimulationOptions stray_options{
      .reps = 1, .rep_duration_s = 1.5, .pause_s = 6.75, .image_noise_px = 3};
  stray_options.side = MovingSide::kRight;
  auto stray = simulate("elbow_flexion", stray_options);
  ASSERT_TRUE(stray.has_value()) << stray.error().to_string();
  PoseSequence pose = set->pose;
  const std::size_t stray_frames = stray->pose.frame_count();
  for (std::size_t f = 0; f < pose.frame_count(); ++f) {
    const std::size_t g = std::min(f, stray_frames - 1);  // at rest after its recording ends
    for (std::size_t landmark : {12U, 14U, 16U, 18U, 20U, 22U}) {  // the right arm and hand
      pose.image_at(f, landmark) = stray->pose.image_at(g, landmark);
      pose.world_at(f, landmark) = stray->pose.world_at(g, landmark);
    }
  }
  for (const bool use_world : {true, false}) {
    const Assessment a = testing::assess_pose_auto(pose, use_world);
    EXPECT_EQ(a.rep_count, 6) << (use_world ? "3D" : "2D") << ": " << a.signal;
  }
}

// Arm raises to the side, the arms taking turns, after setting up (stepping in, settling,
// raising both arms 30 %) and before walking away: counted on the mean of both arms, the
// set-up's raise reached 60 % of a turn's bump and was counted, one too many. In a turn one
// arm moves its whole range; the set-up's raise moves each arm a third of that: partial, and
// the report says why.
TEST(Assessment, AutomaticDetectionDoesNotTakeBothArmsMovingAtOnceForATurn) {
  for (int reps : {4, 6}) {
    for (unsigned seed : {1U, 3U}) {
      SimulationOptions o{.reps = reps, .seed = seed, .image_noise_px = 3};
      o.side = MovingSide::kAlternating;
      o.setup_s = 4;
      o.walk_away_s = 4;
      for (const auto& [view, a] : auto_in_3d_and_2d("shoulder_abduction", o)) {
        EXPECT_EQ(a.rep_count, reps)
            << reps << " reps, seed " << seed << ", " << view << ": " << a.signal;
        // The set-up's raise is reported, not counted (in 2D, where the arms' image angles
        // swing further, it already falls short of the typical bump).
        const bool reported = std::any_of(a.reps.begin(), a.reps.end(), [](const RepResult& r) {
          return is_partial(r) && r.timing.turn_s < 4;
        });
        EXPECT_TRUE(reported) << reps << " reps, seed " << seed << ", " << view;
        if (view == "3D") {
          const bool why = std::any_of(a.reps.begin(), a.reps.end(), [](const RepResult& r) {
            return r.timing.partial_reason.find("not one side's turn") != std::string::npos;
          });
          EXPECT_TRUE(why) << reps << " reps, seed " << seed;
        }
      }
    }
  }
}

// Four squats at no steady rhythm (knees to 100°, hips to 90°) while the left elbow's
// landmark jumps to another body part and back nine times (150° spikes, 0.3 s, at irregular
// times): a tracking glitch, and the largest movement. Nothing repeats clearly, so the
// signals vote, each with the weight of its movement's size: knees and hips (six signals:
// each side and the mean) count 4, the left elbow and the elbows' mean 9, and 4 outweighs
// 9. The largest movement alone (the old choice) counted the 9 glitches.
TEST(Assessment, AutomaticDetectionWithoutAClearRhythmCountsWhatTheSignalsAgreeOn) {
  struct Span {
    double start_s, length_s;
  };
  static constexpr Span kSquats[] = {{2, 1}, {4, 5}, {13, 1.5}, {17, 2.5}};
  static constexpr double kGlitches[] = {1.0, 3.1, 6.7, 8.2, 11.9, 12.6, 15.3, 19.4, 20.6};
  const auto squatting = [](double low, double high) {
    return [low, high](double t) {
      for (const Span& s : kSquats) {
        const double u = (t - s.start_s) / s.length_s;
        if (u > 0 && u < 1) return raised_cosine(u, 1, low, high);
      }
      return low;
    };
  };
  const auto glitching = [](double t) {
    for (const double g : kGlitches) {
      const double u = (t - g) / 0.3;
      if (u > 0 && u < 1) return raised_cosine(u, 1, 20, 170);
    }
    return 20.0;
  };
  auto a =
      assess_auto(angles_over_time(22, {{"left_knee_flexion", squatting(10, 100)},
                                        {"right_knee_flexion", squatting(10, 100)},
                                        {"left_hip_flexion", squatting(10, 90)},
                                        {"right_hip_flexion", squatting(10, 90)},
                                        {"left_elbow_flexion", glitching},
                                        {"right_elbow_flexion", [](double) { return 20.0; }}}));
  ASSERT_TRUE(a.has_value()) << a.error().to_string();
  EXPECT_EQ(a->rep_count, 4) << a->signal;
  EXPECT_EQ(a->signal.find("elbow_flexion"), std::string::npos) << a->signal;
  const bool uncertain = std::any_of(a->notes.begin(), a->notes.end(), [](const std::string& n) {
    return n.find("agree on") != std::string::npos;
  });
  EXPECT_TRUE(uncertain);
}

// Six squats (to 90°) at an irregular pace, 1 to 2 s each, on a baseline that sways by 25°
// (less than a squat's minimum range) every 10 s. The sway correlates with itself at 10 s
// (0.40), but two cycles in 21 s prove no rhythm: smoothing with that "period" (it used to)
// flattened the squats to 3; unsmoothed, all six count.
TEST(Assessment, APeriodTheRecordingCannotProveDoesNotSmoothTheRepsAway) {
  struct Squat {
    double start_s, length_s;
  };
  static constexpr Squat kSquats[] = {{1, 1.2},    {3.5, 2.0},  {8, 1.4},
                                      {12.5, 1.8}, {14.6, 1.0}, {18, 1.6}};
  Kinematics k = elbows_and_knees(
      21, [](double) { return 30.0; },
      [](double t) {
        double knee = 10 + raised_cosine(t, 10, 0, 25);
        for (const Squat& q : kSquats) {
          const double u = (t - q.start_s) / q.length_s;
          if (u > 0 && u < 1) knee += raised_cosine(u, 1, 0, 80);
        }
        return knee;
      });
  auto a = assess(k, definition(kTestSquat));
  ASSERT_TRUE(a.has_value()) << a.error().to_string();
  EXPECT_EQ(a->rep_count, 6);
}

// A 2D recording cut between mirrored views: in the first four hip bends (to 55°) the right
// hip reads the other way, in the last four the left one. The mean of both sides would
// cancel to nothing; the sides' sizes are averaged where they disagree, and all eight count.
constexpr const char* kHipBend = R"toml(
id = "hip_bend"
name = "Hip bend"
category = "rehabilitation"
views = ["side"]
[movement]
signal = "hip_flexion"
sides = "mean"
direction = "increase"
outward = "eccentric"
target_rom_deg = 50
min_rom_deg = 20
rep_duration_s = [1.0, 10.0]
[[rule]]
code = "too_fast"
title = "Too fast"
measure = "duration_s"
statistic = "value"
worse = "below"
mild = 1.0
significant = 0.5
finding = "Repetitions took {value}"
cue = "Slow down."
)toml";

TEST(Assessment, MirroredSidesOfA2DRecordingDoNotCancel) {
  Kinematics k;
  k.sample_rate_hz = 30;
  const std::size_t n = 8 * 3 * 30;  // eight 3 s bends
  std::vector<double> left, right;
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / 30;
    k.t_s.push_back(t);
    const double bend = 55 * 0.5 * (1 - std::cos(2 * std::numbers::pi * t / 3.0));
    const bool first_half = t < 12;
    left.push_back(first_half ? bend : -bend);
    right.push_back(first_half ? -bend : bend);
  }
  k.angles.push_back({*parse_angle_name("left_hip_flexion"), left, {}});
  k.angles.push_back({*parse_angle_name("right_hip_flexion"), right, {}});
  auto a = assess(k, testing::parse_definition(kHipBend, "hip_bend.toml"));
  ASSERT_TRUE(a.has_value()) << a.error().to_string();
  EXPECT_EQ(a->signal, "hip_flexion (mean of both sides)");
  EXPECT_EQ(a->rep_count, 8);
}

// A named exercise whose chosen signal counts nothing while the movement shows in its other
// signals: two hip bends 12 s apart (no rhythm, so the definition's first signal is used)
// with the knees still. The knees used to be counted, 0; the other signals that count
// repetitions vote, and the hips' 2 are counted, with a note. (On real clips: a 2D
// hip angle whose unwrapping slipped a lap at a detection gap made one 390° "swing" that
// dwarfed every lunge.)
TEST(Assessment, ASignalThatCountsNothingGivesWayToTheSignalsThatCount) {
  constexpr const char* kKneeOrHipBend = R"toml(
id = "knee_or_hip_bend"
name = "Knee or hip bend"
category = "rehabilitation"
views = ["side"]
[movement]
signal = "knee_flexion"
alternatives = ["hip_flexion"]
sides = "mean"
direction = "increase"
outward = "eccentric"
target_rom_deg = 60
min_rom_deg = 30
rep_duration_s = [1.0, 10.0]
)toml";
  // Two bends of 80° and 60° lasting 2 and 3 s, starting at 1 and 13 s: too far apart for
  // a rhythm (autocorrelation looks 10 s ahead).
  const auto hips = [](double t) {
    for (const auto& [start, duration, top] : {std::tuple{1.0, 2.0, 85.0}, {13.0, 3.0, 65.0}}) {
      if (t >= start && t <= start + duration) return raised_cosine(t - start, duration, 5, top);
    }
    return 5.0;
  };
  const auto knees = [](double t) { return 8 + 0.5 * std::sin(7 * t); };
  const Kinematics k = angles_over_time(20, {{"left_knee_flexion", knees},
                                             {"right_knee_flexion", knees},
                                             {"left_hip_flexion", hips},
                                             {"right_hip_flexion", hips}});
  auto a = assess(k, testing::parse_definition(kKneeOrHipBend, "knee_or_hip_bend.toml"));
  ASSERT_TRUE(a.has_value()) << a.error().to_string();
  EXPECT_EQ(a->rep_count, 2) << a->signal;
  EXPECT_EQ(a->signal_measure, "hip_flexion");
  EXPECT_TRUE(std::any_of(a->notes.begin(), a->notes.end(), [](const std::string& n) {
    return n.find("knee_flexion (mean of both sides) counts no complete repetition") !=
           std::string::npos;
  })) << "a note says why the hips were counted";
}

TEST(Assessment, LibraryDeepSquatFlagsValgus) {
  auto library = ExerciseLibrary::load(std::string(OPENPT_SOURCE_DIR) + "/data/exercises");
  ASSERT_TRUE(library.has_value()) << library.error().to_string();
  const ExerciseDefinition* squat = library->find("deep_squat");
  ASSERT_NE(squat, nullptr);
  SimulationOptions o{.reps = 4};
  o.compensations.left_knee_valgus_deg = 25;
  auto sim = simulate("squat", o);
  ASSERT_TRUE(sim.has_value());
  auto k = compute_kinematics(sim->pose, {.keep_tracks = true});
  ASSERT_TRUE(k.has_value());
  auto a = assess(*k, *squat);
  ASSERT_TRUE(a.has_value()) << a.error().to_string();
  EXPECT_EQ(a->rep_count, 4);
  const Finding* f = finding(*a, "knee_valgus", Side::kLeft);
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->severity, Severity::kOk) << f->text;
}

// The score is continuous in a rule's value: 10 points at mild, 25 at significant, 40 one
// span beyond, and a quadratic margin of one span (never past zero) short of mild.
TEST(Penalty, IsContinuousWithAMarginShortOfMild) {
  FormRule above;  // trunk lateral shift: mild 8°, significant 15°
  above.worse_above = true;
  above.mild = 8;
  above.significant = 15;
  EXPECT_DOUBLE_EQ(penalty_points(above, 0), 0);
  EXPECT_DOUBLE_EQ(penalty_points(above, 1), 0);
  EXPECT_DOUBLE_EQ(penalty_points(above, 4.5), 2.5);
  EXPECT_DOUBLE_EQ(penalty_points(above, 8), 10);
  EXPECT_NEAR(penalty_points(above, 8 - 1e-9), 10, 1e-6);
  EXPECT_NEAR(penalty_points(above, 8 + 1e-9), 10, 1e-6);
  EXPECT_DOUBLE_EQ(penalty_points(above, 11.5), 17.5);
  EXPECT_DOUBLE_EQ(penalty_points(above, 15), 25);
  EXPECT_DOUBLE_EQ(penalty_points(above, 22), 40);
  EXPECT_DOUBLE_EQ(penalty_points(above, 60), 40);
  EXPECT_DOUBLE_EQ(penalty_points(above, NAN), 0);
  EXPECT_EQ(rule_severity(above, 7.9), Severity::kOk);  // costs points, but no finding

  FormRule below;  // depth: mild 100°, significant 80°; the margin starts at 120°
  below.worse_above = false;
  below.mild = 100;
  below.significant = 80;
  EXPECT_DOUBLE_EQ(penalty_points(below, 130), 0);
  EXPECT_DOUBLE_EQ(penalty_points(below, 120), 0);
  EXPECT_DOUBLE_EQ(penalty_points(below, 110), 2.5);
  EXPECT_DOUBLE_EQ(penalty_points(below, 100), 10);
  EXPECT_DOUBLE_EQ(penalty_points(below, 90), 17.5);
  EXPECT_DOUBLE_EQ(penalty_points(below, 80), 25);
  EXPECT_DOUBLE_EQ(penalty_points(below, 50), 40);

  FormRule wide;  // a span wider than mild: the margin stops at zero
  wide.worse_above = true;
  wide.mild = 8;
  wide.significant = 25;
  EXPECT_DOUBLE_EQ(penalty_points(wide, 0), 0);
  EXPECT_DOUBLE_EQ(penalty_points(wide, 4), 2.5);
}

constexpr const char* kTestPhases = R"toml(
id = "test_phases"
name = "Test phases"
category = "rehabilitation"
views = ["front"]
[movement]
signal = "shoulder_abduction"
sides = "mean"
direction = "increase"
outward = "concentric"
target_rom_deg = 150
min_rom_deg = 40
rep_duration_s = [1.0, 10.0]
[[rule]]
code = "hike_early"
title = "Hike early"
measure = "shoulder_elevation"
phase = "early"
relative = true
worse = "above"
mild = 8
significant = 15
finding = "{Side} {value}"
cue = "{side}"
[[rule]]
code = "hike_rep"
title = "Hike over the rep"
measure = "shoulder_elevation"
relative = true
worse = "above"
mild = 8
significant = 15
finding = "{Side} {value}"
cue = "{side}"
[[rule]]
code = "lean_mean"
title = "Lean, mean"
measure = "trunk_lateral_lean"
sides = "none"
phase = "turn"
statistic = "mean"
relative = true
worse = "above"
mild = 8
significant = 15
finding = "{value}"
cue = "x"
[[rule]]
code = "lean_mean_abs"
title = "Lean, mean magnitude"
measure = "trunk_lateral_lean"
sides = "none"
phase = "turn"
statistic = "mean_abs"
relative = true
worse = "above"
mild = 8
significant = 15
finding = "{value}"
cue = "x"
)toml";

Assessment assess_phases(const SimulationOptions& options) {
  auto sim = simulate("shoulder_abduction", options);
  EXPECT_TRUE(sim.has_value()) << sim.error().to_string();
  auto k = compute_kinematics(sim->pose, {.keep_tracks = true});
  EXPECT_TRUE(k.has_value()) << k.error().to_string();
  auto e = parse_exercise(kTestPhases, "test_phases.toml");
  EXPECT_TRUE(e.has_value()) << e.error().to_string();
  auto a = assess(*k, *e);
  EXPECT_TRUE(a.has_value()) << a.error().to_string();
  return *a;
}

// The simulated hike grows in proportion to the lift: over the first half of the range
// (phase "early") it reaches about half of what it reaches at the top.
TEST(Assessment, EarlyPhaseIsTheFirstHalfOfTheOutwardRange) {
  SimulationOptions o{.reps = 3};
  o.compensations.left_shoulder_hike_m = 0.1;
  const Assessment a = assess_phases(o);
  ASSERT_EQ(a.rep_count, 3);
  const Finding* early = finding(a, "hike_early", Side::kLeft);
  const Finding* whole = finding(a, "hike_rep", Side::kLeft);
  ASSERT_NE(early, nullptr);
  ASSERT_NE(whole, nullptr);
  EXPECT_GT(whole->value, 15);
  EXPECT_NEAR(early->value / whole->value, 0.5, 0.1);
  const Finding* right = finding(a, "hike_early", Side::kRight);
  ASSERT_NE(right, nullptr);
  EXPECT_EQ(right->severity, Severity::kOk);
}

// mean_abs: the mean magnitude, the same for a lean either way; mean keeps the sign.
TEST(Assessment, MeanAbsIsTheMeanMagnitudeEitherWay) {
  for (double lean : {12.0, -12.0}) {
    SimulationOptions o{.reps = 3};
    o.compensations.trunk_lateral_lean_deg = lean;
    const Assessment a = assess_phases(o);
    const Finding* magnitude = finding(a, "lean_mean_abs");
    ASSERT_NE(magnitude, nullptr);
    EXPECT_EQ(magnitude->severity, Severity::kMild) << lean;
    EXPECT_NEAR(magnitude->value, 12, 1.5) << lean;
    const Finding* mean = finding(a, "lean_mean");
    ASSERT_NE(mean, nullptr);
    EXPECT_EQ(mean->severity, lean > 0 ? Severity::kMild : Severity::kOk) << lean;
  }
}

// Every library exercise the simulator can perform stays free of findings on a clean
// movement, from world coordinates and from the simulator's 2D camera view.
TEST(Assessment, LibraryExercisesAreQuietOnCleanSimulations) {
  const std::pair<const char*, const char*> pairs[] = {
      {"squat", "squat"},
      {"squat", "mini_squat"},
      {"sit_to_stand", "sit_to_stand"},
      {"shoulder_abduction", "shoulder_abduction"},
      {"shoulder_abduction", "front_raise"},
      {"shoulder_flexion", "shoulder_flexion"},
      {"shoulder_flexion", "wall_slide"},
      {"shoulder_scaption", "shoulder_scaption"},
      {"elbow_flexion", "elbow_flexion"},
      {"heel_raise", "heel_raise"},
      {"forward_lunge", "forward_lunge"},
      {"forward_lunge", "inline_lunge"},
      {"hip_abduction", "standing_hip_abduction"},
  };
  for (const auto& [simulated, id] : pairs) {
    const ExerciseDefinition* exercise = shipped_library().find(id);
    ASSERT_NE(exercise, nullptr) << id;
    auto sim = simulate(simulated, {.reps = 4});
    ASSERT_TRUE(sim.has_value()) << sim.error().to_string();
    for (bool world : {true, false}) {
      SCOPED_TRACE(std::string(simulated) + " as " + id + (world ? " (3D)" : " (2D)"));
      auto k = compute_kinematics(sim->pose, {.use_world = world, .keep_tracks = true});
      ASSERT_TRUE(k.has_value()) << k.error().to_string();
      auto a = assess(*k, *exercise);
      ASSERT_TRUE(a.has_value()) << a.error().to_string();
      EXPECT_EQ(a->rep_count, 4);
      for (const Finding& f : a->findings) EXPECT_EQ(f.severity, Severity::kOk) << f.text;
      ASSERT_TRUE(a->score.has_value());
      EXPECT_GT(*a->score, 90);
    }
  }
}

// Shoulder abduction judges the hike as the arm starts to rise: a 10 cm shrug reached at
// the top is about 10 % of the trunk length halfway up (mild), the other side stays ok.
TEST(Assessment, LibraryShoulderAbductionJudgesTheHikeAsTheArmStartsToRise) {
  const ExerciseDefinition* exercise = shipped_library().find("shoulder_abduction");
  ASSERT_NE(exercise, nullptr);
  SimulationOptions o{.reps = 4};
  o.compensations.left_shoulder_hike_m = 0.1;
  auto sim = simulate("shoulder_abduction", o);
  ASSERT_TRUE(sim.has_value());
  auto k = compute_kinematics(sim->pose, {.keep_tracks = true});
  ASSERT_TRUE(k.has_value());
  auto a = assess(*k, *exercise);
  ASSERT_TRUE(a.has_value()) << a.error().to_string();
  const Finding* left = finding(*a, "shoulder_hike", Side::kLeft);
  ASSERT_NE(left, nullptr);
  EXPECT_NE(left->severity, Severity::kOk);
  EXPECT_NEAR(left->value, 10, 2);
  EXPECT_NE(left->text.find("as the arm started to rise"), std::string::npos) << left->text;
  const Finding* right = finding(*a, "shoulder_hike", Side::kRight);
  ASSERT_NE(right, nullptr);
  EXPECT_EQ(right->severity, Severity::kOk);
}

// Three squats of uneven depth and speed on a drifting start posture, filmed from the front
// and analysed in 2D: nothing repeats clearly enough to choose by rhythm, and the first
// measurable signal, the knee flexion, lies outside the image plane (the knees bend
// towards the camera) and barely moves in the image: it counted 0. The first signal in the
// image plane that moves, the pelvis's height, counts the 3.
TEST(Assessment, LibrarySquatFromTheFrontWithoutAClearRhythmIsCountedInTheImagePlane) {
  const ExerciseDefinition* exercise = shipped_library().find("squat");
  ASSERT_NE(exercise, nullptr);
  SimulationOptions o{.reps = 3, .view = CameraView::kFront, .image_noise_px = 3};
  o.rep_depth_scale = {1, 0.8, 0.95};
  o.rep_duration_scale = {1, 0.7, 1.4};
  o.baseline_drift_deg = 10;
  auto sim = simulate("squat", o);
  ASSERT_TRUE(sim.has_value()) << sim.error().to_string();
  auto k = compute_kinematics(sim->pose, {.use_world = false, .keep_tracks = true});
  ASSERT_TRUE(k.has_value()) << k.error().to_string();
  auto a = assess(*k, *exercise);
  ASSERT_TRUE(a.has_value()) << a.error().to_string();
  EXPECT_EQ(a->rep_count, 3) << a->signal;
  EXPECT_EQ(a->signal, "pelvis_height");
}

// Two forward lunges between walking in and walking out of the picture: five steps or
// more bend the knee about half as far as a lunge, quickly, and by count × size they were
// the typical movement: 7 "lunges" for 2. The knee flexion low-passed at 2 Hz (repetitions
// last half a second or more) swings typically more than 1.5 times as far — the steps'
// jitter outnumbered the movement — and is counted instead, in 3D and in 2D.
// Squats filmed from the front, then min–max normalised per frame like countix-dev: the view
// is lost (analysed as a side view), and the knees' image angle, which barely moves from the
// front, swings with the noise stretched by the body's narrow width. Whether a signal moves
// is judged once low-passed at 2 Hz, where the noise is gone and the pelvis's height still
// moves: it is counted (was 0 or 11 for 2 on the knee angle). Likewise with 6 px of noise,
// set-up and dropped frames in plain image coordinates (was 0).
TEST(Assessment, LibrarySquatIsCountedOnTheSignalThatMovesNotOnNoise) {
  const ExerciseDefinition* exercise = shipped_library().find("squat");
  ASSERT_NE(exercise, nullptr);
  for (int reps : {2, 3}) {
    for (unsigned seed : {1U, 2U, 3U}) {
      SimulationOptions o{
          .reps = reps, .seed = seed, .view = CameraView::kFront, .image_noise_px = 3};
      auto sim = simulate("squat", o);
      ASSERT_TRUE(sim.has_value()) << sim.error().to_string();
      normalise_per_frame(sim->pose);
      const Assessment a = assess_pose(sim->pose, *exercise, false);
      EXPECT_EQ(a.rep_count, reps) << "normalised, seed " << seed << ": " << a.signal;
    }
  }
  for (unsigned seed : {1U, 2U}) {
    SimulationOptions o{.reps = 2, .seed = seed, .view = CameraView::kFront, .image_noise_px = 6};
    o.setup_s = 3;
    o.dropped_frames = 0.2;
    auto sim = simulate("squat", o);
    ASSERT_TRUE(sim.has_value()) << sim.error().to_string();
    const Assessment a = assess_pose(sim->pose, *exercise, false);
    EXPECT_EQ(a.rep_count, 2) << "6 px, seed " << seed << ": " << a.signal;
  }
}

TEST(Assessment, LibraryForwardLungeIsNotCountedOnTheWalkingInAndOut) {
  const ExerciseDefinition* exercise = shipped_library().find("forward_lunge");
  ASSERT_NE(exercise, nullptr);
  const PoseSequence pose =
      simulate_walking_in_and_out("forward_lunge", {.reps = 2, .image_noise_px = 3});
  for (const bool use_world : {true, false}) {
    EXPECT_EQ(assess_pose(pose, *exercise, use_world).rep_count, 2) << (use_world ? "3D" : "2D");
  }
}

// Sit-to-stands between walking to the chair and walking away: the recording starts (and
// ends) standing, the definition's turning point, and taken the other way round the
// walk-in's sitting down and the leaving's standing up made one repetition too many (4 for
// 3). Between repetitions the subject rests seated, as defined, so they are taken as
// defined — in 3D and in 2D, for 2, 3 and 6 repetitions.
TEST(Assessment, LibrarySitToStandIsNotCountedFromTheWalkIn) {
  const ExerciseDefinition* exercise = shipped_library().find("sit_to_stand");
  ASSERT_NE(exercise, nullptr);
  for (const int reps : {2, 3, 6}) {
    const PoseSequence pose = simulate_walking_in_and_out("sit_to_stand", {.reps = reps});
    for (const bool use_world : {true, false}) {
      const Assessment a = assess_pose(pose, *exercise, use_world);
      EXPECT_EQ(a.rep_count, reps) << reps << (use_world ? " 3D" : " 2D");
      for (const std::string& note : a.notes) {
        EXPECT_EQ(note.find("starts at the movement's turning point"), std::string::npos) << note;
      }
    }
  }
}

// The same in automatic detection: the knee's or the pelvis's rest is where the subject
// waits between repetitions (seated), not where the recording starts (walking in): three
// sit-to-stands were counted 4.
TEST(Assessment, AutomaticDetectionTakesTheRestBetweenRepetitionsAsTheStart) {
  const PoseSequence pose = simulate_walking_in_and_out("sit_to_stand", {.reps = 3});
  for (const bool use_world : {true, false}) {
    const Assessment a = assess_pose_auto(pose, use_world);
    EXPECT_EQ(a.rep_count, 3) << a.signal << (use_world ? " 3D" : " 2D");
  }
}

// Squats with the feet out of the picture from the first repetition on (seen only while
// standing still before it): the knee valgus angle needs the ankles and is measured in no
// repetition. It used to be listed under "what went well" ("within limits in all 0 reps");
// it was not checked, and the report says so. (Hidden throughout, the angle is not
// available at all, and the rule is skipped for that.)
TEST(Assessment, LibrarySquatWithTheFeetOutOfViewDoesNotPassTheRulesItCannotMeasure) {
  const ExerciseDefinition* exercise = shipped_library().find("squat");
  ASSERT_NE(exercise, nullptr);
  SimulationOptions o{.reps = 4};
  o.occlusions.push_back({.start_s = 0.9, .end_s = 1000, .landmarks = {27, 28, 29, 30, 31, 32}});
  auto sim = simulate("squat", o);
  ASSERT_TRUE(sim.has_value()) << sim.error().to_string();
  auto k = compute_kinematics(sim->pose, {.keep_tracks = true});
  ASSERT_TRUE(k.has_value()) << k.error().to_string();
  auto a = assess(*k, *exercise);
  ASSERT_TRUE(a.has_value()) << a.error().to_string();
  EXPECT_EQ(a->rep_count, 4);
  EXPECT_EQ(finding(*a, "knee_valgus", Side::kLeft), nullptr);
  EXPECT_EQ(finding(*a, "knee_valgus", Side::kRight), nullptr);
  const auto skipped = std::count_if(a->skipped.begin(), a->skipped.end(), [](const auto& r) {
    return r.code == "knee_valgus" &&
           r.reason.find("not measurable in any repetition") != std::string::npos;
  });
  EXPECT_EQ(skipped, 2);
  ASSERT_NE(finding(*a, "trunk_lean", Side::kNone), nullptr);  // still judged
}

// A subject standing still (the simulated exercise at depth 0), filmed from the front with
// 12 px of landmark noise, in 2D: angles wiggle by more than 15° in "repetitions" of a
// fraction of a second that never prove a period. Empty after a failed expectation.
Kinematics still_subject_with_noise(const std::string& simulated, unsigned seed) {
  SimulationOptions o{.reps = 5, .seed = seed, .view = CameraView::kFront, .image_noise_px = 12};
  o.compensations.depth_scale = 0;
  auto sim = simulate(simulated, o);
  EXPECT_TRUE(sim.has_value()) << sim.error().to_string();
  if (!sim) return {};
  auto k = compute_kinematics(sim->pose, {.use_world = false, .keep_tracks = true});
  EXPECT_TRUE(k.has_value()) << k.error().to_string();
  return k ? std::move(*k) : Kinematics{};
}

void expect_noise_error(const Result<Assessment>& a, unsigned seed) {
  ASSERT_FALSE(a.has_value()) << "seed " << seed << ": " << a->rep_count << " on " << a->signal;
  EXPECT_EQ(a.error().kind, ErrorKind::kBadInput);
  EXPECT_NE(a.error().message.find("landmark noise"), std::string::npos) << a.error().message;
}

// That is noise, not 40-odd repetitions (auto mode counted the knee's frontal-plane angle,
// 42-45 times); while a body moving quickly, half a second per repetition, is still counted.
TEST(Assessment, AutomaticDetectionDoesNotCountTheNoiseOfAStillSubject) {
  for (unsigned seed : {1U, 2U, 3U})
    expect_noise_error(assess_auto(still_subject_with_noise("squat", seed)), seed);
  SimulationOptions quick{.reps = 8,
                          .rep_duration_s = 0.5,
                          .pause_s = 0,
                          .view = CameraView::kFront,
                          .image_noise_px = 3};
  auto sim = simulate("shoulder_abduction", quick);
  ASSERT_TRUE(sim.has_value()) << sim.error().to_string();
  EXPECT_EQ(assess_pose_auto(sim->pose, false).rep_count, 8);
}

// Assessed as standing hip abduction, every signal of the exercise that moves is such noise:
// an error that says so (was 41-47 repetitions on the hip's abduction).
TEST(Assessment, LibraryExerciseOnLandmarkNoiseIsAnErrorThatSaysSo) {
  const ExerciseDefinition* exercise = shipped_library().find("standing_hip_abduction");
  ASSERT_NE(exercise, nullptr);
  for (unsigned seed : {1U, 2U, 3U}) {
    expect_noise_error(assess(still_subject_with_noise("hip_abduction", seed), *exercise), seed);
  }
}

// A squat filmed from the front with the legs below the hips out of the picture throughout,
// in 2D: the knee angles are missing in every frame, the hip flexion lies outside the image
// plane, the pelvis height needs the ankles and the thighs' height the knees. Nothing can
// count the squats; it used to say "0 repetitions" on an empty knee angle, and now says why
// it cannot count. (With only the feet out of the picture the thighs' height counts them:
// hip_above_knee_test.cpp.)
TEST(Assessment, NothingToCountOnIsAnErrorThatSaysWhy) {
  const ExerciseDefinition* exercise = shipped_library().find("squat");
  ASSERT_NE(exercise, nullptr);
  SimulationOptions o{.reps = 4, .view = CameraView::kFront};
  o.occlusions.push_back(
      {.start_s = 0, .end_s = 1000, .landmarks = {25, 26, 27, 28, 29, 30, 31, 32}});
  auto sim = simulate("squat", o);
  ASSERT_TRUE(sim.has_value()) << sim.error().to_string();
  auto k = compute_kinematics(sim->pose, {.use_world = false, .keep_tracks = true});
  ASSERT_TRUE(k.has_value()) << k.error().to_string();
  auto a = assess(*k, *exercise);
  ASSERT_FALSE(a.has_value()) << a->rep_count;
  EXPECT_EQ(a.error().kind, ErrorKind::kBadInput);
  for (const char* reason :
       {"left_knee_flexion is not available: the landmarks it needs are missing in every frame",
        "left_hip_flexion is not measurable in 2D from a front view",
        "left_hip_above_knee is not available: the landmarks it needs are missing in every "
        "frame"}) {
    EXPECT_NE(a.error().message.find(reason), std::string::npos) << a.error().message;
  }
}

TEST(FormatRepList, Ranges) {
  EXPECT_EQ(format_rep_list({3}), "rep 3");
  EXPECT_EQ(format_rep_list({3, 4, 5, 6, 7}), "reps 3–7");
  EXPECT_EQ(format_rep_list({1, 3, 4, 5, 8}), "reps 1, 3–5 and 8");
  EXPECT_EQ(format_rep_list({2, 3}), "reps 2 and 3");
}

}  // namespace
}  // namespace openpt::motion
