// Simulator: a small kinematic body model that writes realistic BlazePose-33 recordings
// with exact ground truth.
//
// The body is a chain of rigid segments with anthropometric lengths (Winter 2009,
// "Biomechanics and Motor Control of Human Movement", segment lengths as fractions of
// stature). An exercise drives its joint angles with smooth (minimum-jerk) trajectories per
// repetition, with pauses between reps; forward kinematics gives world landmarks (metres,
// origin between the hips, BlazePose axes: x to the image right, y down, z away from the
// camera) and a pinhole camera gives image landmarks (normalised, with the image size).
// Gaussian sensor noise is added to both. The joint angles it was driven with are returned
// as ground truth under the names of kinematics.h ("left_knee_flexion", ...), with the rep
// bounds and other measures.
//
// For testing assessment, the movement can carry compensations (valgus, trunk lean, pelvic
// drop, shoulder hike, sway, shallow or asymmetric depth, tempo) on chosen reps, and the
// recording the untidiness of real ones: set-up movement, walking away, baseline drift, reps
// of varying depth and speed, dropped frames and occlusion (simulate_options.h).
// Documented in docs/simulator.md.
//
//   auto sim = simulate("squat", {.reps = 5, .fps = 30, .seed = 7});
//   write_pose_file(sim->pose, "squat.json", PoseFormat::kOpenptJson);
//   const auto& truth = sim->truth_deg.at("left_knee_flexion");   // per frame
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/motion/pose_sequence.h"
#include "openpt/motion/simulate_options.h"

namespace openpt::motion {

// What the subject is doing in a frame.
enum class SimulatedPhase {
  kSetup,     // walking in and settling (SimulationOptions::setup_s)
  kStill,     // pause before, between or after reps
  kOutward,   // a rep's outward movement (descent of a squat), of the leading side
  kHold,      // a rep's hold at the turning point
  kReturn,    // a rep's return movement (until both sides are back)
  kWalkAway,  // turning and walking out of the image (SimulationOptions::walk_away_s)
};
std::string_view simulated_phase_name(SimulatedPhase phase);  // "setup", "still", ...

// One repetition as performed.
struct SimulatedRep {
  int number = 0;  // 1-based, among all reps performed (partial ones included)
  double start_s = 0, turn_s = 0, end_s = 0;  // turn: the middle of the hold, leading side
  double depth = 1;          // the driven range reached, as a share of the exercise's full range
  bool partial = false;      // rep_depth_scale < kPartialRepBelow: not to be counted
  bool compensated = false;  // the compensations apply to this rep
  MovingSide side = MovingSide::kBoth;  // kLeft / kRight when one side moves
};

struct Simulation {
  PoseSequence pose;
  // Angle name → per-frame value: the definitions of docs/kinematics.md on the noise-free
  // world landmarks; NaN where a planar angle is ill-conditioned (a segment's projection
  // onto the angle's plane is shorter than 10 % of its length, e.g. shoulder flexion while
  // the arm points sideways). Defined in every frame, also where no person is detected.
  std::map<std::string, std::vector<double>> truth_deg;
  // Other per-frame truth, the unit in the name: "sway_m" (sideways shift of the pelvis and
  // upper body, + towards the subject's left), "left_shoulder_hike_m",
  // "right_shoulder_hike_m" (rise along the trunk axis), "left_hip_abduction_deg",
  // "right_hip_abduction_deg" (thigh from the trunk line in the frontal plane, + away from
  // the midline), "left_progress", "right_progress" (driven progress, 1 = full range; for
  // the one-sided exercises both follow the leading side's rep schedule).
  std::map<std::string, std::vector<double>> truth_measures;
  std::vector<SimulatedRep> all_reps;  // every rep performed, partial ones included
  // The full reps only (what a rep counter should count), ground-truth bounds in seconds.
  std::vector<double> rep_start_s, rep_turn_s, rep_end_s;
  std::vector<SimulatedPhase> phase;  // per frame
  std::vector<int> rep_of_frame;      // per frame: index into all_reps, −1 outside reps
};

// Exercises the simulator knows: "squat", "sit_to_stand", "shoulder_abduction", ...
std::vector<std::string_view> simulated_exercises();

// One line per exercise (what moves, to where, default tempo and view), for --help.
std::string_view simulated_exercise_description(std::string_view exercise);

// Errors (kBadInput): unknown exercise (the message lists the known ones), options out of
// range (reps 1–1000, fps 1–1000, ...; see check_simulation_options), a side the exercise
// cannot move alone, or a recording over 200 000 frames.
Result<Simulation> simulate(std::string_view exercise, const SimulationOptions& options = {});

}  // namespace openpt::motion
