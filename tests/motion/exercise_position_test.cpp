// The exercise's position ([movement] position in an exercise file): a complete movement
// done outside it (here: elbow curls with the recording upside down, so the wrists rise
// above the shoulders) is reported and not counted, without being taken for a partial
// repetition; `above` keeps the other side; a position the recording cannot measure is not
// checked and a note says so; a broken `position` names the key and the problem; the
// library's push-up declares its position.
#include "openpt/motion/exercise_position.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "assessment_test_helpers.h"
#include "openpt/motion/assessment.h"
#include "openpt/motion/exercise.h"
#include "openpt/motion/simulate.h"

namespace openpt::motion {
namespace {

using testing::assess_pose;
using testing::parse_definition;

// `position` is spliced into [movement] verbatim.
std::string curl_definition(std::string_view position) {
  return std::string(R"toml(
id = "test_curl"
name = "Test curl"
category = "rehabilitation"
views = ["side", "front"]
[movement]
signal = "elbow_flexion"
sides = "mean"
direction = "increase"
outward = "concentric"
target_rom_deg = 120
min_rom_deg = 30
rep_duration_s = [1.0, 10.0]
)toml") + std::string(position) +
         "\n";
}

constexpr std::string_view kHanging =
    R"(position = { measure = "wrist_height", below = 0, text = "the arms hanging at the sides" })";

PoseSequence simulated_curls(int reps) {
  auto sim = simulate("elbow_flexion", {.reps = reps, .side = MovingSide::kBoth});
  EXPECT_TRUE(sim.has_value()) << sim.error().to_string();
  return sim ? std::move(sim->pose) : PoseSequence{};
}

// The recording turned upside down: image y mirrored, world "up" reversed. Angles between
// segments stay as they were; the wrists now rise above the shoulders.
PoseSequence upside_down(PoseSequence pose) {
  for (Landmark& l : pose.image) l.y = 1.0F - l.y;
  for (Vec3& w : pose.world) w.y = -w.y;
  return pose;
}

// `second` appended to `first`, one frame interval after it ends.
PoseSequence joined(PoseSequence first, const PoseSequence& second) {
  const double dt = first.t_s[1] - first.t_s[0];
  const double offset = first.t_s.back() + dt - second.t_s.front();
  for (double t : second.t_s) first.t_s.push_back(t + offset);
  first.detected.insert(first.detected.end(), second.detected.begin(), second.detected.end());
  first.image.insert(first.image.end(), second.image.begin(), second.image.end());
  first.world.insert(first.world.end(), second.world.begin(), second.world.end());
  return first;
}

TEST(ExercisePosition, MovementsOutsideItAreReportedNotCounted) {
  const PoseSequence pose = joined(simulated_curls(3), upside_down(simulated_curls(2)));
  for (const bool use_world : {true, false}) {
    SCOPED_TRACE(use_world ? "3D" : "2D");
    // Without a position every curl counts: the check is what leaves the last two out.
    EXPECT_EQ(assess_pose(pose, parse_definition(curl_definition(""), "test_curl.toml"), use_world)
                  .rep_count,
              5);
    const Assessment a =
        assess_pose(pose, parse_definition(curl_definition(kHanging), "test_curl.toml"), use_world);
    EXPECT_EQ(a.rep_count, 3);
    ASSERT_EQ(a.reps.size(), 5U);
    for (std::size_t i = 0; i < a.reps.size(); ++i) {
      const RepResult& r = a.reps[i];
      EXPECT_TRUE(r.timing.complete) << "rep " << i + 1 << " is a whole curl, not a partial";
      EXPECT_EQ(r.number, i < 3 ? static_cast<int>(i) + 1 : 0) << i;
      EXPECT_EQ(r.outside_position.empty(), i < 3) << i;
      if (i >= 3) {
        EXPECT_NE(r.outside_position.find("the arms hanging at the sides"), std::string::npos)
            << r.outside_position;
        EXPECT_EQ(not_counted_reason(r), r.outside_position);
        EXPECT_GT(r.timing.start_s, pose.t_s[pose.t_s.size() / 2]) << "the upside-down curls";
      }
    }
    EXPECT_TRUE(std::any_of(a.notes.begin(), a.notes.end(), [](const std::string& n) {
      return n.find("2 movements") != std::string::npos &&
             n.find("outside the exercise's position") != std::string::npos;
    })) << "a note says how many were left out";
    EXPECT_FALSE(std::any_of(a.findings.begin(), a.findings.end(), [](const Finding& f) {
      return f.code == "partial_reps";
    })) << "movements outside the position are not partial repetitions";
  }
}

// A partial movement outside the position (a half curl upside down, after three full ones
// and one upside down) is not the exercise either: reported as outside the position, not as
// a partial repetition that costs points.
TEST(ExercisePosition, APartialMovementOutsideItIsNotAPartialRepetition) {
  SimulationOptions upside_down_options{.reps = 3, .side = MovingSide::kBoth};
  upside_down_options.rep_depth_scale = {1, 0.4, 1};
  auto second = simulate("elbow_flexion", upside_down_options);
  ASSERT_TRUE(second.has_value()) << second.error().to_string();
  const PoseSequence pose = joined(simulated_curls(3), upside_down(second->pose));
  const Assessment a =
      assess_pose(pose, parse_definition(curl_definition(kHanging), "test_curl.toml"));
  EXPECT_EQ(a.rep_count, 3);
  ASSERT_EQ(a.reps.size(), 6U);
  EXPECT_FALSE(a.reps[4].timing.complete) << "the half curl is partial by its range";
  EXPECT_FALSE(a.reps[4].outside_position.empty()) << "and outside the position";
  EXPECT_FALSE(is_partial(a.reps[4]));
  EXPECT_EQ(partial_count(a), 0);
  EXPECT_EQ(outside_position_count(a), 3);
  EXPECT_FALSE(std::any_of(a.score_reasons.begin(), a.score_reasons.end(),
                           [](const ScoreReason& r) { return r.code == "partial_reps"; }));
}

// `above` keeps the movements above the limit: the same recording with the position turned
// round counts the upside-down curls and leaves out the upright ones.
TEST(ExercisePosition, AboveKeepsTheOtherSide) {
  const PoseSequence pose = joined(simulated_curls(3), upside_down(simulated_curls(2)));
  const Assessment a = assess_pose(
      pose, parse_definition(curl_definition(R"(position = { measure = "wrist_height", above = 0, )"
                                             R"(text = "upside down" })"),
                             "test_curl.toml"));
  EXPECT_EQ(a.rep_count, 2);
  ASSERT_EQ(a.reps.size(), 5U);
  for (std::size_t i = 0; i < a.reps.size(); ++i) {
    EXPECT_EQ(a.reps[i].outside_position.empty(), i >= 3) << i;
  }
}

// A position whose measure the recording cannot give is not checked, and a note says so:
// every curl counts (the pelvis height needs the ankles, hidden throughout).
TEST(ExercisePosition, APositionThatCannotBeMeasuredIsNotCheckedAndSaysSo) {
  SimulationOptions o{.reps = 3, .side = MovingSide::kBoth};
  o.occlusions.push_back({.start_s = 0, .end_s = 1000, .landmarks = {27, 28, 29, 30, 31, 32}});
  auto sim = simulate("elbow_flexion", o);
  ASSERT_TRUE(sim.has_value()) << sim.error().to_string();
  const Assessment a = assess_pose(
      sim->pose,
      parse_definition(curl_definition(R"(position = { measure = "pelvis_height", above = 80, )"
                                       R"(text = "standing" })"),
                       "test_curl.toml"),
      false);
  EXPECT_EQ(a.rep_count, 3);
  EXPECT_TRUE(std::any_of(a.notes.begin(), a.notes.end(), [](const std::string& n) {
    return n.find("the exercise's position (standing) was not checked") != std::string::npos;
  })) << "a note says the position was not checked";
}

TEST(ExercisePosition, ABrokenPositionNamesTheKeyAndTheProblem) {
  const struct {
    std::string_view position, key, problem;
  } cases[] = {
      {R"(position = "hanging")", "movement.position", "must be a table"},
      {R"(position = { measure = "wrist_height", text = "x" })", "movement.position.below",
       "exactly one of below = N or above = N"},
      {R"(position = { measure = "wrist_height", below = 0, above = 1, text = "x" })",
       "movement.position.above", "exactly one of below = N or above = N"},
      {R"(position = { measure = "wrist_hight", below = 0, text = "x" })",
       "movement.position.measure", "unknown measure 'wrist_hight'"},
      {R"(position = { measure = "wrist_height", below = "low", text = "x" })",
       "movement.position.below", "must be a number"},
      {R"(position = { measure = "wrist_height", below = 0 })", "movement.position.text",
       "is required"},
      {R"(position = { measure = "wrist_height", below = 0, text = "x", side = "left" })",
       "movement.position.side", "is not a known key"},
  };
  for (const auto& c : cases) {
    auto e = parse_exercise(curl_definition(c.position), "test_curl.toml");
    ASSERT_FALSE(e.has_value()) << c.position;
    EXPECT_EQ(e.error().kind, ErrorKind::kBadInput);
    EXPECT_EQ(e.error().where, "test_curl.toml");
    EXPECT_NE(e.error().message.find(c.key), std::string::npos) << e.error().message;
    EXPECT_NE(e.error().message.find(c.problem), std::string::npos) << e.error().message;
  }
}

TEST(ExercisePosition, PushUpsAreDoneWithTheHandsBelowTheShoulders) {
  auto library = ExerciseLibrary::load(OPENPT_SOURCE_DIR "/data/exercises");
  ASSERT_TRUE(library.has_value()) << library.error().to_string();
  const ExerciseDefinition* push_up = library->find("push_up");
  ASSERT_NE(push_up, nullptr);
  ASSERT_TRUE(push_up->movement.position.has_value());
  EXPECT_EQ(push_up->movement.position->measure, "wrist_height");
  EXPECT_TRUE(push_up->movement.position->below);
  // Not above the shoulders, with 10 % of the trunk's length for noise and hands placed high.
  EXPECT_EQ(push_up->movement.position->limit, 10);
}

}  // namespace
}  // namespace openpt::motion
