// Foot-sensor IC/FC detection (foot_events.h) on walks from the gait model
// (simulate_gait.h), whose contacts are known exactly: every contact of both feet is found,
// on time, with nothing extra — across cadences and stance shares, for any sensor mounting,
// with sensor noise and bias, over several bouts with standing in between, and (outside the
// turn itself) on a walk with a 180° turn. By the model's construction the pitch-rate
// minimum that marks initial contact lies in the sample holding the contact or the next
// (0–15 ms late at 100 Hz), and the final-contact rule is exact to the sample.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "openpt/gait/foot_events.h"
#include "openpt/gait/simulate_gait.h"

namespace openpt::gait {
namespace {

struct Matched {
  std::size_t truth = 0, found = 0, matched = 0;
  double max_ic_error_s = 0, max_fc_error_s = 0;
};

// Matches each true event of `side` to the nearest detected event of the same type within
// `tolerance_s`; events inside any of `skip` spans are left out on both sides.
Matched match_events(const std::vector<GaitEvent>& truth, const FootEvents& found, Side side,
                     double tolerance_s, const std::vector<TimeSpan>& skip = {}) {
  const auto skipped = [&](double t) {
    for (const auto& s : skip) {
      if (t >= s.start_s - tolerance_s && t <= s.end_s + tolerance_s) return true;
    }
    return false;
  };
  Matched m;
  for (const auto& e : found.events) m.found += skipped(e.t_s) ? 0 : 1;
  for (const auto& t : truth) {
    if (t.side != side || skipped(t.t_s)) continue;
    ++m.truth;
    double best = tolerance_s + 1;
    for (const auto& e : found.events) {
      if (e.type == t.type) best = std::min(best, std::abs(e.t_s - t.t_s));
    }
    if (best > tolerance_s) continue;
    ++m.matched;
    double& worst = t.type == EventType::kInitialContact ? m.max_ic_error_s : m.max_fc_error_s;
    worst = std::max(worst, best);
  }
  return m;
}

// Detects on both feet and expects every contact found within `tolerance_s`, nothing extra.
void expect_all_contacts(const SimulatedGait& sim, double tolerance_s,
                         const std::vector<TimeSpan>& skip = {}) {
  for (const auto placement : {Placement::kLeftFoot, Placement::kRightFoot}) {
    const ImuSignal* foot = sim.recording.find(placement);
    ASSERT_NE(foot, nullptr);
    auto found = detect_foot_events(*foot);
    ASSERT_TRUE(found) << found.error().to_string();
    const auto m = match_events(sim.events, *found, placement_side(placement), tolerance_s, skip);
    SCOPED_TRACE(std::string(placement_name(placement)));
    EXPECT_GT(m.truth, 0u);
    EXPECT_EQ(m.matched, m.truth) << "missed contacts";
    EXPECT_EQ(m.found, m.truth) << "extra or missing detections";
    EXPECT_LE(m.max_ic_error_s, tolerance_s);
    EXPECT_LE(m.max_fc_error_s, tolerance_s);
  }
}

TEST(FootEventsOnSimulatedGait, DefaultWalkEveryContactWithinTwoSamples) {
  auto sim = simulate_gait({});
  ASSERT_TRUE(sim) << sim.error().to_string();
  expect_all_contacts(*sim, 0.0201);
}

TEST(FootEventsOnSimulatedGait, CadenceAndStanceShare) {
  for (const double cadence : {80.0, 110.0, 135.0}) {
    for (const double stance : {56.0, 64.0}) {
      GaitSimOptions options;
      options.cadence_spm = cadence;
      options.stance_pct = stance;
      options.stride_length_m = cadence < 100 ? 0.9 : 1.4;
      auto sim = simulate_gait(options);
      ASSERT_TRUE(sim) << sim.error().to_string();
      SCOPED_TRACE(testing::Message() << cadence << " steps/min, stance " << stance << " %");
      expect_all_contacts(*sim, 0.0201);
    }
  }
}

TEST(FootEventsOnSimulatedGait, AnyMountingWithNoiseAndBias) {
  for (const std::uint32_t seed : {2u, 7u, 11u}) {
    GaitSimOptions options;
    options.random_mounting = true;
    options.gyr_noise_rps = 0.05;  // ~3 °/s per sample, a consumer MEMS gyroscope at 100 Hz
    options.acc_noise_mps2 = 0.1;
    options.gyr_bias_rps = 0.02;
    options.acc_bias_mps2 = 0.1;
    options.seed = seed;
    auto sim = simulate_gait(options);
    ASSERT_TRUE(sim) << sim.error().to_string();
    SCOPED_TRACE(testing::Message() << "seed " << seed);
    expect_all_contacts(*sim, 0.0301);
  }
}

TEST(FootEventsOnSimulatedGait, SeveralBoutsNothingWhileStanding) {
  GaitSimOptions options;
  options.bouts = 3;
  options.pause_between_bouts_s = 6;
  options.gyr_noise_rps = 0.02;
  auto sim = simulate_gait(options);
  ASSERT_TRUE(sim) << sim.error().to_string();
  ASSERT_EQ(sim->bouts.size(), 3u);
  expect_all_contacts(*sim, 0.0201);
}

TEST(FootEventsOnSimulatedGait, TurnLeavesTheStraightStridesIntactAndAddsNothing) {
  GaitSimOptions options;
  options.strides = 14;
  options.turn = true;
  auto sim = simulate_gait(options);
  ASSERT_TRUE(sim) << sim.error().to_string();
  ASSERT_EQ(sim->turns.size(), 1u);
  // Outside the turn: everything, on time. Inside it the feet rotate about the vertical
  // as much as in the sagittal plane; what is found there must still be a true contact.
  expect_all_contacts(*sim, 0.0201, sim->turns);
  for (const auto placement : {Placement::kLeftFoot, Placement::kRightFoot}) {
    auto found = detect_foot_events(*sim->recording.find(placement));
    ASSERT_TRUE(found);
    const auto all = match_events(sim->events, *found, placement_side(placement), 0.1);
    EXPECT_EQ(all.matched, all.found) << placement_name(placement) << ": a detection in the turn "
                                      << "that is no contact";
  }
}

}  // namespace
}  // namespace openpt::gait
