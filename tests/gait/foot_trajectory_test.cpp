// ZUPT integration (foot_trajectory.h) against the synthetic gait model (simulate_gait.h),
// whose stride lengths, sensor clearances and heading changes are exact: the strides are
// the model's true ones (times from its events), so every error below is the integration's.
// Measured errors (docs/gait.md) are well inside the tolerances, which
// are set from what the method can promise: without sensor errors, ≤ 1 % of stride length
// (100 Hz sampling of the heel-strike transients leaves 0.2–0.5 %); with realistic noise
// and bias ≤ 3 %; clearance within 1 cm; heading within 1° a stride.
#include "openpt/gait/foot_trajectory.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "openpt/gait/simulate_gait.h"

namespace openpt::gait {
namespace {

struct Errors {
  double worst_length_pct = 0, mean_abs_length_pct = 0, worst_length_m = 0;
  double worst_clearance_m = 0, worst_heading_deg = 0;
  double heading_sum_deg[2] = {0, 0};  // left, right
  std::size_t measured = 0, strides = 0;
};

Placement foot_of(Side side) {
  return side == Side::kLeft ? Placement::kLeftFoot : Placement::kRightFoot;
}

// The model's true strides of one foot with the measured fields cleared.
std::vector<Stride> blank_strides(const SimulatedGait& sim, Side side) {
  std::vector<Stride> out;
  for (Stride s : sim.strides) {
    if (s.side != side) continue;
    s.length_m = s.clearance_m = -1;
    s.heading_change_deg = 0;
    s.in_turn = false;
    out.push_back(s);
  }
  return out;
}

std::vector<Stride> true_strides(const SimulatedGait& sim, Side side) {
  std::vector<Stride> out;
  for (const Stride& s : sim.strides) {
    if (s.side == side) out.push_back(s);
  }
  return out;
}

Errors zupt_errors(const SimulatedGait& sim, const FootTrajectoryOptions& options = {}) {
  Errors e;
  for (Side side : {Side::kLeft, Side::kRight}) {
    const auto truth = true_strides(sim, side);
    const auto result = integrate_foot_strides(*sim.recording.find(foot_of(side)),
                                               blank_strides(sim, side), options);
    EXPECT_TRUE(result.has_value());
    if (!result) return e;
    EXPECT_EQ(result->strides.size(), truth.size());
    for (std::size_t i = 0; i < truth.size(); ++i) {
      const Stride& got = result->strides[i];
      ++e.strides;
      EXPECT_EQ(result->details[i].status, ZuptStatus::kMeasured)
          << side_name(side) << " stride " << i << ": "
          << zupt_status_name(result->details[i].status);
      if (result->details[i].status != ZuptStatus::kMeasured) continue;
      ++e.measured;
      const double pct = 100 * std::abs(got.length_m / truth[i].length_m - 1);
      e.worst_length_pct = std::max(e.worst_length_pct, pct);
      e.worst_length_m = std::max(e.worst_length_m, std::abs(got.length_m - truth[i].length_m));
      e.mean_abs_length_pct += pct;
      e.worst_clearance_m =
          std::max(e.worst_clearance_m, std::abs(got.clearance_m - truth[i].clearance_m));
      e.worst_heading_deg = std::max(
          e.worst_heading_deg, std::abs(got.heading_change_deg - truth[i].heading_change_deg));
      e.heading_sum_deg[side == Side::kLeft ? 0 : 1] += got.heading_change_deg;
      EXPECT_EQ(got.in_turn, std::abs(truth[i].heading_change_deg) > options.turn_threshold_deg)
          << side_name(side) << " stride " << i << " heading " << truth[i].heading_change_deg;
      // Times pass through untouched.
      EXPECT_EQ(got.ic_t_s, truth[i].ic_t_s);
      EXPECT_EQ(got.next_ic_t_s, truth[i].next_ic_t_s);
    }
  }
  if (e.measured > 0) e.mean_abs_length_pct /= static_cast<double>(e.measured);
  return e;
}

void report(const char* what, const Errors& e) {
  std::printf(
      "  %s: %zu/%zu strides, length worst %.2f %% = %.1f mm (mean |err| %.2f %%), "
      "clearance worst %.1f mm, heading worst %.2f°\n",
      what, e.measured, e.strides, e.worst_length_pct, 1000 * e.worst_length_m,
      e.mean_abs_length_pct, 1000 * e.worst_clearance_m, e.worst_heading_deg);
}

TEST(FootTrajectory, NoiseFreeStraightWalkIsMeasuredToWithinOnePercent) {
  GaitSimOptions o;
  o.strides = 10;
  const Errors e = zupt_errors(simulate_gait(o).value());
  report("default walk", e);
  EXPECT_EQ(e.measured, 20u);
  EXPECT_LT(e.worst_length_pct, 1.0);
  EXPECT_LT(e.worst_clearance_m, 0.01);
  EXPECT_LT(e.worst_heading_deg, 0.1);
}

// Slow and fast walking, other sample rates, a mounting the method must not care about,
// variable and asymmetric strides: each stride's own length is recovered (not a constant).
// Without sensor errors what is left comes from sampling the heel strike: the sensor's
// velocity jumps by ~1 m/s at contact, somewhere inside one sample interval, which moves
// the integrated position by up to ±Δv·dt/2 (±5 mm at 100 Hz) whatever the stride length;
// hence 1 cm, and 1.5 % for the short strides of slow walking.
TEST(FootTrajectory, WalkingStylesSampleRatesAndMountingsAreMeasured) {
  struct Case {
    const char* name;
    GaitSimOptions options;
  };
  GaitSimOptions base;
  base.strides = 8;
  base.random_mounting = true;
  base.seed = 21;
  auto variant = [&](auto change) {
    GaitSimOptions o = base;
    change(o);
    return o;
  };
  const std::vector<Case> cases = {
      {"random mounting", base},
      {"slow 80 spm 0.8 m", variant([](GaitSimOptions& o) {
         o.cadence_spm = 80, o.stride_length_m = 0.8, o.stance_pct = 65;
       })},
      {"fast 130 spm 1.7 m", variant([](GaitSimOptions& o) {
         o.cadence_spm = 130, o.stride_length_m = 1.7, o.stance_pct = 57;
       })},
      {"200 Hz", variant([](GaitSimOptions& o) { o.sample_rate_hz = 200; })},
      {"60 Hz", variant([](GaitSimOptions& o) { o.sample_rate_hz = 60; })},
      {"variable, asymmetric", variant([](GaitSimOptions& o) {
         o.step_length_cv_pct = 8, o.step_time_cv_pct = 4;
         o.right_step_time_longer_pct = 8, o.right_stance_longer_pct = 5;
       })},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const Errors e = zupt_errors(simulate_gait(c.options).value());
    report(c.name, e);
    EXPECT_EQ(e.measured, e.strides);
    EXPECT_LT(e.worst_length_m, 0.01);
    EXPECT_LT(e.worst_length_pct, 1.5);
    EXPECT_LT(e.worst_clearance_m, 0.01);
    EXPECT_LT(e.worst_heading_deg, 0.2);
  }
}

// Sensor errors of a consumer MEMS IMU: acc noise 0.05 m/s², gyro noise 0.01 rad/s per
// sample at 100 Hz, acc bias 0.2 m/s², gyro bias 2 °/s (turn-on bias, uncalibrated).
GaitSimOptions consumer_imu_walk(std::uint32_t seed) {
  GaitSimOptions o;
  o.strides = 10;
  o.turn = true;
  o.random_mounting = true;
  o.seed = seed;
  o.acc_noise_mps2 = 0.05;
  o.gyr_noise_rps = 0.01;
  o.acc_bias_mps2 = 0.2;
  o.gyr_bias_rps = 2 * kDegToRad;
  return o;
}

TEST(FootTrajectory, RealisticNoiseAndBiasStayWithinThreePercent) {
  double worst = 0;
  for (std::uint32_t seed : {1u, 2u, 3u, 4u}) {
    const Errors e = zupt_errors(simulate_gait(consumer_imu_walk(seed)).value());
    report(("noise and bias, seed " + std::to_string(seed)).c_str(), e);
    EXPECT_EQ(e.measured, e.strides);
    EXPECT_LT(e.worst_length_pct, 3.0);
    EXPECT_LT(e.worst_clearance_m, 0.015);
    EXPECT_LT(e.worst_heading_deg, 1.0);
    EXPECT_NEAR(e.heading_sum_deg[0], 180, 2);
    EXPECT_NEAR(e.heading_sum_deg[1], 180, 2);
    worst = std::max(worst, e.worst_length_pct);
  }
  // The bias removal and the tilt-drift correction are what keep it there: without them
  // the same recording is several times worse (measured 12.7 % worst for seed 1).
  const SimulatedGait sim = simulate_gait(consumer_imu_walk(1)).value();
  FootTrajectoryOptions plain;
  plain.remove_gyro_bias = false;
  plain.correct_tilt_drift = false;
  const Errors without = zupt_errors(sim, plain);
  report("seed 1, no bias removal, no tilt correction", without);
  EXPECT_GT(without.worst_length_pct, 2 * worst);
  plain.remove_gyro_bias = true;
  report("seed 1, no tilt correction", zupt_errors(sim, plain));
  plain.remove_gyro_bias = false;
  plain.correct_tilt_drift = true;
  report("seed 1, no bias removal", zupt_errors(sim, plain));
}

// The gyro bias is measured while standing (2 s before and after the walk), not in the
// stances: the estimate matches the simulated bias to within the noise's standard error.
TEST(FootTrajectory, GyroBiasComesFromStandingStill) {
  GaitSimOptions o;
  o.strides = 4;
  o.right_foot = o.lower_back = false;
  const SimulatedGait clean = simulate_gait(o).value();
  o.gyr_noise_rps = 0.01;
  o.gyr_bias_rps = 0.04;
  const SimulatedGait noisy = simulate_gait(o).value();
  const ImuSignal& foot = *noisy.recording.find(Placement::kLeftFoot);
  const ImuSignal& ideal = *clean.recording.find(Placement::kLeftFoot);
  Vec3 bias;
  for (std::size_t k = 0; k < foot.size(); ++k) {
    bias += (foot.gyr_rps[k] - ideal.gyr_rps[k]) / static_cast<double>(foot.size());
  }
  const auto r = integrate_foot_strides(foot, blank_strides(noisy, Side::kLeft)).value();
  // The last stance of the left foot lasts 2 s of standing plus the right foot's last step.
  EXPECT_GT(r.bias_from_s, o.still_after_s);
  EXPECT_LT(r.bias_from_s, o.still_after_s + 1);
  EXPECT_LT(norm(r.gyro_bias_rps - bias), 4 * 0.01 / std::sqrt(o.still_after_s * 100));
  // Without a long enough still stretch nothing is subtracted.
  FootTrajectoryOptions longer;
  longer.bias_still_s = 5;
  const auto none = integrate_foot_strides(foot, blank_strides(noisy, Side::kLeft), longer).value();
  EXPECT_EQ(none.bias_from_s, 0);
  EXPECT_EQ(none.gyro_bias_rps, (Vec3{}));
}

TEST(FootTrajectory, TurnSumsTo180DegreesAndFlagsTurningStrides) {
  GaitSimOptions o;
  o.strides = 10;
  o.turn = true;
  const SimulatedGait sim = simulate_gait(o).value();
  const Errors e = zupt_errors(sim);  // also checks in_turn stride by stride
  report("turn", e);
  EXPECT_NEAR(e.heading_sum_deg[0], 180, 0.5);
  EXPECT_NEAR(e.heading_sum_deg[1], 180, 0.5);
  EXPECT_LT(e.worst_length_pct, 1.0);
  // Some strides are in the turn and some are not; a right turn is negative.
  std::size_t turning = 0;
  for (const auto& s : sim.strides) turning += s.in_turn ? 1 : 0;
  EXPECT_GE(turning, 4u);
  EXPECT_LT(turning, sim.strides.size());
  o.turn_left = false;
  const Errors right = zupt_errors(simulate_gait(o).value());
  EXPECT_NEAR(right.heading_sum_deg[0], -180, 0.5);
  // A higher threshold flags fewer strides: only the 90° ones.
  FootTrajectoryOptions strict;
  strict.turn_threshold_deg = 60;
  zupt_errors(sim, strict);
}

TEST(FootTrajectory, KeptTrajectoryStartsAtZeroAndPeaksAtTheClearance) {
  GaitSimOptions o;
  o.strides = 3;
  const SimulatedGait sim = simulate_gait(o).value();
  FootTrajectoryOptions options;
  options.keep_trajectories = true;
  const auto r = integrate_foot_strides(*sim.recording.find(Placement::kLeftFoot),
                                        blank_strides(sim, Side::kLeft), options)
                     .value();
  ASSERT_FALSE(r.strides.empty());
  for (std::size_t i = 0; i < r.strides.size(); ++i) {
    const ZuptStride& d = r.details[i];
    ASSERT_EQ(d.position_m.size(), d.end_sample - d.start_sample + 1);
    EXPECT_EQ(d.position_m.front(), (Vec3{}));
    const Vec3 end = d.position_m.back();
    EXPECT_NEAR(std::hypot(end.x, end.y), r.strides[i].length_m, 1e-12);
    double top = 0;
    for (const Vec3& p : d.position_m) top = std::max(top, p.z);
    EXPECT_NEAR(top, r.strides[i].clearance_m, 1e-12);
    EXPECT_NEAR(end.z, 0, 0.01);  // level floor
    // Still instants: inside the stance before the swing and the stance after it.
    const ImuSignal& foot = *sim.recording.find(Placement::kLeftFoot);
    EXPECT_GE(foot.time_s(d.start_sample), r.strides[i].ic_t_s);
    EXPECT_LE(foot.time_s(d.start_sample), r.strides[i].fc_t_s);
    EXPECT_GE(foot.time_s(d.end_sample), r.strides[i].next_ic_t_s);
    EXPECT_LT(d.residual_mps, 0.05);
  }
}

TEST(FootTrajectory, NoStridesGiveAnEmptyResult) {
  const SimulatedGait sim = simulate_gait({}).value();
  const auto r = integrate_foot_strides(*sim.recording.find(Placement::kLeftFoot), {});
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(r->strides.empty());
  EXPECT_TRUE(r->details.empty());
  EXPECT_EQ(r->count(ZuptStatus::kMeasured), 0u);
}

// Strides that cannot be measured keep −1 and say why; the others are unaffected.
TEST(FootTrajectory, UnmeasurableStridesAreCountedByReason) {
  GaitSimOptions o;
  o.strides = 6;
  SimulatedGait sim = simulate_gait(o).value();
  ImuSignal foot = *sim.recording.find(Placement::kLeftFoot);
  std::vector<Stride> strides = blank_strides(sim, Side::kLeft);
  ASSERT_EQ(strides.size(), 6u);
  // 0: a "stance" that is really the swing → no still instant.
  const double swing_s = strides[0].swing_s();
  strides[0].ic_t_s = strides[0].fc_t_s + 0.02;
  strides[0].fc_t_s = strides[0].ic_t_s + swing_s - 0.1;
  // 2: NaN in its swing.
  const auto nan_at =
      static_cast<std::size_t>(std::lround(strides[2].mid_swing_t_s * o.sample_rate_hz));
  foot.gyr_rps[nan_at].y = NAN;
  // 4: after the end of the recording.
  strides[4].ic_t_s += 1000;
  strides[4].fc_t_s += 1000;
  strides[4].next_ic_t_s += 1000;
  const auto r = integrate_foot_strides(foot, strides).value();
  EXPECT_EQ(r.details[0].status, ZuptStatus::kNoStillInstant);
  EXPECT_EQ(r.details[2].status, ZuptStatus::kNonFinite);
  EXPECT_EQ(r.details[4].status, ZuptStatus::kOutsideSignal);
  for (std::size_t i : {0u, 2u, 4u}) {
    EXPECT_EQ(r.strides[i].length_m, -1) << i;
    EXPECT_EQ(r.strides[i].clearance_m, -1) << i;
  }
  for (std::size_t i : {1u, 3u, 5u}) {
    EXPECT_EQ(r.details[i].status, ZuptStatus::kMeasured) << i;
    EXPECT_NEAR(r.strides[i].length_m, sim.strides[i].length_m, 0.013) << i;
  }
  EXPECT_EQ(r.count(ZuptStatus::kMeasured), 3u);
  EXPECT_EQ(r.count(ZuptStatus::kNoStillInstant), 1u);
  EXPECT_EQ(r.count(ZuptStatus::kNonFinite), 1u);
  EXPECT_EQ(r.count(ZuptStatus::kOutsideSignal), 1u);
  EXPECT_EQ(zupt_status_name(ZuptStatus::kResidualTooLarge), "residual_too_large");
}

TEST(FootTrajectory, SanityLimitsRejectResidualsAndLengths) {
  GaitSimOptions o;
  o.strides = 4;
  const SimulatedGait sim = simulate_gait(o).value();
  const ImuSignal& foot = *sim.recording.find(Placement::kRightFoot);
  FootTrajectoryOptions tight;
  tight.max_residual_mps = 1e-4;  // the noise-free residual is ~0.01 m/s
  auto r = integrate_foot_strides(foot, blank_strides(sim, Side::kRight), tight).value();
  EXPECT_EQ(r.count(ZuptStatus::kResidualTooLarge), 4u);
  for (const auto& s : r.strides) EXPECT_EQ(s.length_m, -1);
  // Lengths above 1 m rejected: the full strides (1.3 m) but not the closing half stride.
  FootTrajectoryOptions short_only;
  short_only.max_length_m = 1.0;
  r = integrate_foot_strides(foot, blank_strides(sim, Side::kRight), short_only).value();
  EXPECT_EQ(r.count(ZuptStatus::kLengthOutOfRange), 3u);
  EXPECT_EQ(r.count(ZuptStatus::kMeasured), 1u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(r.strides[i].length_m, -1);
    EXPECT_GT(r.strides[i].clearance_m, 0.05);  // clearance and heading are still given
  }
  EXPECT_NEAR(r.strides[3].length_m, 0.65, 0.0065);
  // A walk in place: the still windows are found but the foot does not travel.
  GaitSimOptions scuff = o;
  scuff.stride_length_m = 0.2;  // 0.2 m strides, under a 0.25 m minimum
  const SimulatedGait short_sim = simulate_gait(scuff).value();
  FootTrajectoryOptions minimum;
  minimum.min_length_m = 0.25;
  r = integrate_foot_strides(*short_sim.recording.find(Placement::kLeftFoot),
                             blank_strides(short_sim, Side::kLeft), minimum)
          .value();
  EXPECT_EQ(r.count(ZuptStatus::kLengthOutOfRange), r.strides.size());
}

TEST(FootTrajectory, BadInputIsAnErrorWithWhereAndWhy) {
  GaitSimOptions o;
  o.strides = 3;
  const SimulatedGait sim = simulate_gait(o).value();
  const ImuSignal& left = *sim.recording.find(Placement::kLeftFoot);
  const auto strides = blank_strides(sim, Side::kLeft);
  auto expect_bad = [](const Result<FootTrajectoryResult>& r, const std::string& where) {
    ASSERT_FALSE(r.has_value()) << where;
    EXPECT_EQ(r.error().kind, ErrorKind::kBadInput);
    EXPECT_NE(r.error().where.find(where), std::string::npos) << r.error().to_string();
  };
  // Not a foot sensor.
  expect_bad(integrate_foot_strides(*sim.recording.find(Placement::kLowerBack), strides),
             "simulated");
  // The other foot's strides.
  expect_bad(integrate_foot_strides(*sim.recording.find(Placement::kRightFoot), strides),
             "strides[0]");
  // Times out of order, NaN times.
  auto broken = strides;
  broken[1].fc_t_s = broken[1].ic_t_s - 0.1;
  expect_bad(integrate_foot_strides(left, broken), "strides[1]");
  broken = strides;
  broken[2].next_ic_t_s = NAN;
  expect_bad(integrate_foot_strides(left, broken), "strides[2]");
  // Malformed signal.
  ImuSignal bad = left;
  bad.sample_rate_hz = 0;
  expect_bad(integrate_foot_strides(bad, strides), "simulated");
  bad = left;
  bad.gyr_rps.pop_back();
  expect_bad(integrate_foot_strides(bad, strides), "simulated");
  // Nonsense options.
  FootTrajectoryOptions nonsense;
  nonsense.still_window_s = 0;
  expect_bad(integrate_foot_strides(left, strides, nonsense), "FootTrajectoryOptions");
  // An empty foot signal with strides: outside the signal, not a crash.
  ImuSignal empty = left;
  empty.acc_mps2.clear();
  empty.gyr_rps.clear();
  const auto r = integrate_foot_strides(empty, strides);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->count(ZuptStatus::kOutsideSignal), strides.size());
}

}  // namespace
}  // namespace openpt::gait
