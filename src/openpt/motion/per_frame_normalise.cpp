#include "openpt/motion/per_frame_normalise.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace openpt::motion {

void normalise_per_frame(PoseSequence& pose) {
  const std::size_t n = pose.landmark_count();
  for (std::size_t f = 0; f < pose.frame_count(); ++f) {
    std::array<float, 3> lo{INFINITY, INFINITY, INFINITY}, hi{-INFINITY, -INFINITY, -INFINITY};
    for (std::size_t j = 0; j < n; ++j) {
      const Landmark& l = pose.image_at(f, j);
      if (!l.present()) continue;
      const std::array<float, 3> v{l.x, l.y, l.z};
      for (std::size_t a = 0; a < 3; ++a) {
        lo[a] = std::min(lo[a], v[a]);
        hi[a] = std::max(hi[a], v[a]);
      }
    }
    for (std::size_t j = 0; j < n; ++j) {
      Landmark& l = pose.image_at(f, j);
      if (!l.present()) continue;
      const auto scaled = [&](float v, std::size_t a) {
        return hi[a] > lo[a] ? (v - lo[a]) / (hi[a] - lo[a]) : 0.0F;
      };
      l.x = scaled(l.x, 0);
      l.y = scaled(l.y, 1);
      l.z = std::isfinite(l.z) ? scaled(l.z, 2) : l.z;
    }
  }
  pose.image_space = {.units = ImageUnits::kNormalized, .per_frame_normalized = true};
  pose.has_world = false;
  pose.world.clear();
  pose.metadata.view = CameraView::kUnknown;
}

}  // namespace openpt::motion
