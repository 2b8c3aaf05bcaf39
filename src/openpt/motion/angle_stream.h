// Live joint angles: the angles of kinematics.h for a stream of frames (webcam, live
// sensor), each smoothed causally with a One Euro filter, since a stream cannot be
// filtered forwards and backwards like a recording.
//
//   AngleStream stream;                                    // default One Euro settings
//   for (const auto& [points, t_s] : camera) {
//     const auto& angles = stream.push(points, t_s);      // indexed like all_angles()
//     show(angles[0]);                                    // left knee flexion, smoothed
//   }
#pragma once

#include <array>

#include "openpt/core/filters.h"
#include "openpt/motion/kinematics.h"

namespace openpt::motion {

class AngleStream {
 public:
  // Defaults suit 25–60 fps pose landmarks: steady at rest, little lag in movement.
  explicit AngleStream(OneEuroOptions options = {.min_cutoff_hz = 1.0, .beta = 0.02});

  // Angles of this frame, filtered; NaN where not measurable in this frame.
  const std::array<double, 17>& push(const BodyPoints& points, double t_s);
  void reset();

 private:
  std::array<OneEuroFilter, 17> filters_;
  std::array<double, 17> latest_{};
};

}  // namespace openpt::motion
