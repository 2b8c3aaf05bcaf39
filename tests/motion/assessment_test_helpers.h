// Helpers the assessment tests share: an inline exercise definition parsed with its error
// reported to the test, a recording assessed (named or auto) with the landmark tracks kept,
// a simulated recording with walking in and out, the shipped exercise library, and a finding
// looked up by code and side.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "openpt/motion/assessment.h"
#include "openpt/motion/exercise.h"
#include "openpt/motion/kinematics.h"
#include "openpt/motion/simulate.h"

namespace openpt::motion::testing {

// `file` must be named after the definition's id ("test_squat.toml").
inline ExerciseDefinition parse_definition(std::string_view toml, std::string_view file) {
  auto e = parse_exercise(toml, std::string(file));
  EXPECT_TRUE(e.has_value()) << e.error().to_string();
  return e.value_or(ExerciseDefinition{});
}

// Kinematics (tracks kept, world or image coordinates) and the assessment; an empty one
// after a failed expectation naming the error.
inline Assessment assess_pose(const PoseSequence& pose, const ExerciseDefinition& exercise,
                              bool use_world = true) {
  auto k = compute_kinematics(pose, {.use_world = use_world, .keep_tracks = true});
  EXPECT_TRUE(k.has_value()) << k.error().to_string();
  if (!k) return {};
  auto a = assess(*k, exercise);
  EXPECT_TRUE(a.has_value()) << a.error().to_string();
  return a ? std::move(*a) : Assessment{};
}

// The same for `--exercise auto`.
inline Assessment assess_pose_auto(const PoseSequence& pose, bool use_world = true) {
  auto k = compute_kinematics(pose, {.use_world = use_world, .keep_tracks = true});
  EXPECT_TRUE(k.has_value()) << k.error().to_string();
  if (!k) return {};
  auto a = assess_auto(*k);
  EXPECT_TRUE(a.has_value()) << a.error().to_string();
  return a ? std::move(*a) : Assessment{};
}

// A simulated recording with 4 s of walking in and setting up before the repetitions and
// 4 s of walking away after them; empty after a failed expectation naming the error.
inline PoseSequence simulate_walking_in_and_out(const std::string& exercise,
                                                SimulationOptions options) {
  options.setup_s = 4;
  options.walk_away_s = 4;
  auto sim = simulate(exercise, options);
  EXPECT_TRUE(sim.has_value()) << sim.error().to_string();
  return sim ? std::move(sim->pose) : PoseSequence{};
}

// The library shipped in data/exercises, loaded once; empty after a failed expectation.
inline const ExerciseLibrary& shipped_library() {
  static const ExerciseLibrary lib = [] {
    auto loaded = ExerciseLibrary::load(std::string(OPENPT_SOURCE_DIR) + "/data/exercises");
    EXPECT_TRUE(loaded.has_value()) << loaded.error().to_string();
    return loaded.value_or(ExerciseLibrary{});
  }();
  return lib;
}

inline const Finding* finding(const Assessment& a, std::string_view code, Side side = Side::kNone) {
  for (const Finding& f : a.findings) {
    if (f.code == code && f.side == side) return &f;
  }
  return nullptr;
}

}  // namespace openpt::motion::testing
