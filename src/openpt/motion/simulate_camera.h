// The simulator's camera and sensor (internal to simulate.cpp): a pinhole camera looking at
// the room, and what a pose estimator would report for one frame — image landmarks with
// Gaussian noise, visibility (high inside the image, low outside it or when occluded),
// world landmarks with noise, and no person at all for a dropped frame or a body mostly out
// of the image.
//
// Noise uses Box–Muller normals on std::mt19937_64 (not std::normal_distribution, whose
// output differs between standard libraries), so a seed gives the same file everywhere.
//
//   const SimCamera cam = make_camera(options, floor_y);
//   Noise noise(options.seed), drops(options.seed ^ kDropStream);
//   record_frame(room_landmarks, t, i, cam, options, noise, drops, sequence);
#pragma once

#include <cstdint>
#include <random>

#include "openpt/motion/body_model.h"
#include "openpt/motion/pose_sequence.h"
#include "openpt/motion/simulate_options.h"

namespace openpt::motion::sim {

inline constexpr std::uint64_t kDropStream = 0x9E3779B97F4A7C15ULL;  // seed offset of drops

class Noise {
 public:
  explicit Noise(std::uint64_t seed) : gen_(seed) {}
  double uniform() { return static_cast<double>(gen_() >> 11) * 0x1.0p-53; }  // [0, 1)
  double normal();

 private:
  std::mt19937_64 gen_;
  bool has_spare_ = false;
  double spare_ = 0;
};

// Camera axes = room axes (BlazePose world axes), the lens at `position`.
struct SimCamera {
  Vec3 position;
  double focal_px = 0, width_px = 0, height_px = 0;
};

// camera_distance_m in front of the standing mid-hip, the lens camera_height_m (0 = 0.62 ×
// stature) above the floor at `floor_y`, focal length from the vertical field of view.
SimCamera make_camera(const SimulationOptions& options, double floor_y);

// Half the image width at the subject's distance, metres.
double half_view_width_m(const SimCamera& camera, const SimulationOptions& options);

// Writes frame i of `seq` from the noise-free room landmarks: image landmarks, visibility
// and presence, world landmarks (relative to the mid-hip when world_origin_per_frame),
// occlusions, and detection. Draws the same amount of noise whether or not the frame is
// dropped, so drops do not change the other frames.
void record_frame(const BodyLandmarks& room, double t_s, std::size_t i, const SimCamera& camera,
                  const SimulationOptions& options, Noise& noise, Noise& drops, PoseSequence& seq);

}  // namespace openpt::motion::sim
