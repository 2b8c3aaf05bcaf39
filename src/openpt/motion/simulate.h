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

// Deviations from the textbook movement, for testing form assessment (issue 3). All are
// reached at the turning point of each rep (scaled by the movement's progress) and are zero
// or neutral by default. Valgus, lean and pelvic drop are exact in the ground truth; the
// feet stay planted only approximately when the two legs differ.
struct Compensations {
  double left_knee_valgus_deg = 0;  // knee frontal-plane projection angle, + valgus
  double right_knee_valgus_deg = 0;
  double trunk_lateral_lean_deg = 0;  // + towards the subject's right
  double pelvic_obliquity_deg = 0;    // + left hip higher (a right pelvic drop)
  double depth_scale = 1.0;           // < 1: shallow movement (scales the driven range)
  double right_depth_scale = 1.0;     // asymmetry: extra scale on the right side's range
  double heel_lift_deg = 0;           // plantarflexion at the bottom of a squat (heels rise)
  double outward_fraction = 0.5;      // tempo: share of a rep spent going out (descending)
  double hold_s = 0;                  // tempo: still time at the turning point of each rep
};

struct SimulationOptions {
  int reps = 5;
  double fps = 30;
  std::uint64_t seed = 1;
  double stature_m = 1.72;
  double rep_duration_s = 0;               // 0 = the exercise's typical tempo
  double pause_s = 1.0;                    // still time before, between and after reps
  CameraView view = CameraView::kUnknown;  // kUnknown = the exercise's usual view
  int image_width_px = 1280;
  int image_height_px = 720;
  double image_noise_px = 1.0;     // standard deviation of landmark noise in pixels
  double world_noise_m = 0.004;    // standard deviation of world landmark noise
  double camera_distance_m = 3.0;  // camera in front of the subject's standing mid-hip
  double camera_height_m = 0;      // lens above the floor; 0 = 0.62 × stature (hip–chest)
  double vertical_fov_deg = 60;    // sets the focal length from the image height
  // false: the world origin is the standing mid-hip, fixed in the room, so the feet stay
  // put and the hips move; true: like MediaPipe, the origin follows the mid-hip each frame.
  bool world_origin_per_frame = false;
  Compensations compensations{};
};

struct Simulation {
  PoseSequence pose;
  // Angle name → per-frame value: the definitions of docs/kinematics.md on the noise-free
  // world landmarks; NaN where a planar angle is ill-conditioned (a segment's projection
  // onto the angle's plane is shorter than 10 % of its length, e.g. shoulder flexion while
  // the arm points sideways).
  std::map<std::string, std::vector<double>> truth_deg;
  std::vector<double> rep_start_s, rep_end_s;  // ground-truth repetition bounds
};

// Exercises the simulator knows: "squat", "sit_to_stand", "shoulder_abduction", ...
std::vector<std::string_view> simulated_exercises();

// One line per exercise (what moves, to where, default tempo and view), for --help.
std::string_view simulated_exercise_description(std::string_view exercise);

// Errors (kBadInput): unknown exercise (the message lists the known ones), options out of
// range (reps 1–1000, fps 1–1000, ...), or a recording over 200 000 frames.
Result<Simulation> simulate(std::string_view exercise, const SimulationOptions& options = {});

}  // namespace openpt::motion
