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
// as ground truth under the names of kinematics.h ("left_knee_flexion", ...).
// Documented in docs/simulator.md.
//
//   auto sim = simulate("squat", {.reps = 5, .fps = 30, .seed = 7});
//   write_pose_file(sim->pose, "squat.json", PoseFormat::kOpenptJson);
//   const auto& truth = sim->truth_deg.at("left_knee_flexion");   // per frame
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/motion/pose_sequence.h"

namespace openpt::motion {

struct SimulationOptions {
  int reps = 5;
  double fps = 30;
  std::uint64_t seed = 1;
  double stature_m = 1.72;
  double rep_duration_s = 0;   // 0 = the exercise's typical tempo
  double pause_s = 1.0;        // still time before, between and after reps
  CameraView view = CameraView::kUnknown;  // kUnknown = the exercise's usual view
  int image_width_px = 1280;
  int image_height_px = 720;
  double image_noise_px = 1.0;   // standard deviation of landmark noise in pixels
  double world_noise_m = 0.004;  // standard deviation of world landmark noise
};

struct Simulation {
  PoseSequence pose;
  std::map<std::string, std::vector<double>> truth_deg;  // angle name → per-frame value
  std::vector<double> rep_start_s, rep_end_s;            // ground-truth repetition bounds
};

// Exercises the simulator knows: "squat", "sit_to_stand", "shoulder_abduction", ...
std::vector<std::string_view> simulated_exercises();

Result<Simulation> simulate(std::string_view exercise, const SimulationOptions& options = {});

}  // namespace openpt::motion
