// The exercises of the simulator (internal to simulate.cpp): for each, how the movement's
// progress (0 = start posture, 1 = turning point) sets the joint angles of the body model,
// with its usual tempo, camera view, which side moves, and which foot stays on the floor.
//
// Bilateral exercises move both sides together; "independent" ones (the arm exercises) may
// move one arm or alternate; unilateral ones (lunge, hip abduction) move one leading side
// per rep while the other leg is the stance leg. The forward lunge is solved with two-link
// inverse kinematics in the sagittal plane so that the rear toe stays put and the stepping
// foot lands flat. Documented in docs/simulator.md.
//
//   const ExerciseSpec* e = find_simulated_exercise("squat");
//   BodyPose pose = e->pose({.left = 1, .right = 1, .mean = 1, ...}, compensations);
#pragma once

#include <span>
#include <string_view>

#include "openpt/motion/body_model.h"
#include "openpt/motion/simulate_options.h"

namespace openpt::motion::sim {

// left = base + raw_left · depth_left, and the same on the right.
struct Progress {
  double left = 0, right = 0, mean = 0;  // driven progress per side (depth, drift applied)
  double raw_left = 0, raw_right = 0;    // schedule progress per side, 0 … 1
  double raw = 0;                        // max(raw_left, raw_right): whole-body compensations
  double base = 0;                       // baseline drift or the set-up's posture
  double depth_left = 1, depth_right = 1;
  bool right_leads = false;  // unilateral exercises: the right side moves
};

enum class Sides {
  kBilateral,    // both sides move together (squat)
  kIndependent,  // either side may move alone (arm exercises)
  kUnilateral,   // one side leads each rep, the other leg is the stance leg (lunge)
};

using PoseFunction = BodyPose (*)(const Progress& p, const Compensations& c);

struct ExerciseSpec {
  std::string_view name;
  std::string_view description;
  double rep_duration_s;
  CameraView view;
  PoseFunction pose;
  double driving_range_deg;  // change of the driving angle from start posture to turn
  Sides sides = Sides::kBilateral;
  MovingSide default_side = MovingSide::kBoth;
  double standing_progress = 0;  // progress of the standing posture (1: starts seated)
  bool lead_leg_lifted = false;  // the leading leg leaves the floor (not swayed with the feet)
};

std::span<const ExerciseSpec> simulated_exercise_specs();
const ExerciseSpec* find_simulated_exercise(std::string_view name);

}  // namespace openpt::motion::sim
