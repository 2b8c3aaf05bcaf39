// Turn detection (turns.h) on yaw-rate series with known turns: a 180° turn is found with
// its angle and span, the stride-frequency pelvis rotation alone is not a turn, neither is
// a turn below 45°; the lower back of the synthetic walker turns where the model does.
#include "openpt/gait/turns.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "openpt/gait/lower_back_events.h"
#include "openpt/gait/simulate_gait.h"

namespace openpt::gait {
namespace {

constexpr double kDeg = std::numbers::pi / 180;

// `seconds` of yaw rate at 100 Hz: pelvis rotation ±`pelvis_deg` at 0.9 Hz, plus a turn of
// `turn_deg` over [start, start + duration] with a raised-cosine rate profile.
std::vector<double> yaw_rate(double seconds, double pelvis_deg, double turn_deg, double start_s,
                             double duration_s) {
  std::vector<double> out;
  const double w = 2 * std::numbers::pi * 0.9;
  for (int i = 0; i < static_cast<int>(seconds * 100); ++i) {
    const double t = i / 100.0;
    double r = pelvis_deg * kDeg * w * std::cos(w * t);
    if (t >= start_s && t <= start_s + duration_s) {
      const double x = (t - start_s) / duration_s;
      r += turn_deg * kDeg / duration_s * (1 - std::cos(2 * std::numbers::pi * x));
    }
    out.push_back(r);
  }
  return out;
}

TEST(Turns, AHalfTurnWithItsAngleAndSpan) {
  const auto rate = yaw_rate(20, 4, 180, 8, 2.5);
  const auto turns = detect_turns(rate, 100, 1.0);  // t0 = 1 s
  ASSERT_EQ(turns.size(), 1u);
  // The span where |rate| > 5 °/s: the raised cosine (peak 144 °/s) exceeds 5 °/s from
  // 0.1 s after its start to 0.1 s before its end; the pelvis wobble (±23 °/s at 0.9 Hz)
  // moves these crossings by up to a quarter stride (0.28 s).
  EXPECT_NEAR(turns[0].start_s, 9.1, 0.3);
  EXPECT_NEAR(turns[0].end_s, 11.4, 0.3);
  EXPECT_NEAR(turns[0].angle_deg, 180, 10);
  EXPECT_GT(turns[0].peak_rate_dps, 100);
  const auto right = detect_turns(yaw_rate(20, 0, -90, 8, 1.5), 100, 0);
  ASSERT_EQ(right.size(), 1u);
  EXPECT_NEAR(right[0].angle_deg, -90, 3);
}

TEST(Turns, PelvisRotationAndSmallTurnsAreNotTurns) {
  EXPECT_TRUE(detect_turns(yaw_rate(30, 8, 0, 0, 1), 100, 0).empty());
  EXPECT_TRUE(detect_turns(yaw_rate(30, 4, 30, 10, 1.5), 100, 0).empty());
  EXPECT_TRUE(detect_turns({}, 100, 0).empty());
}

TEST(Turns, TheSimulatedWalkerTurnsWhereTheModelDoes) {
  for (const bool left : {true, false}) {
    GaitSimOptions o;
    o.left_foot = o.right_foot = false;
    o.turn = true;
    o.turn_left = left;
    o.strides = 12;
    o.random_mounting = true;
    o.seed = 7;
    auto sim = simulate_gait(o);
    ASSERT_TRUE(sim) << sim.error().to_string();
    const ImuSignal& back = *sim->recording.find(Placement::kLowerBack);
    auto earth = earth_frame_signals(back);
    ASSERT_TRUE(earth) << earth.error().to_string();
    const auto turns = detect_turns(earth->yaw_rate_rps, back.sample_rate_hz, back.t0_s);
    ASSERT_EQ(turns.size(), 1u);
    ASSERT_EQ(sim->turns.size(), 1u);
    EXPECT_NEAR(turns[0].angle_deg, left ? 180 : -180, 15);
    // The model's turn runs from the first turning toe-off to the last turning contact;
    // the back's heading follows the path, so the spans agree to about half a step.
    EXPECT_NEAR(turns[0].start_s, sim->turns[0].start_s, 0.4);
    EXPECT_NEAR(turns[0].end_s, sim->turns[0].end_s, 0.4);
  }
}

}  // namespace
}  // namespace openpt::gait
