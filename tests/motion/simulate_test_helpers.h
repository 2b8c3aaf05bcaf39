// Helpers the simulator tests share: noise-free options, running a simulation with the
// error reported to the test, and the frame at a time.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <string_view>

#include "openpt/motion/simulate.h"

namespace openpt::motion::testing {

// `o` with sensor noise switched off.
inline SimulationOptions clean(SimulationOptions o = {}) {
  o.image_noise_px = 0;
  o.world_noise_m = 0;
  return o;
}

// The simulation, or an empty one after a failed expectation naming the error.
inline Simulation run(std::string_view exercise, const SimulationOptions& o) {
  auto sim = simulate(exercise, o);
  EXPECT_TRUE(sim.has_value()) << (sim ? "" : sim.error().to_string());
  return sim ? std::move(*sim) : Simulation{};
}

inline std::size_t frame_at(const Simulation& sim, double t_s) {
  return static_cast<std::size_t>(std::lround(t_s * sim.pose.metadata.fps));
}

}  // namespace openpt::motion::testing
