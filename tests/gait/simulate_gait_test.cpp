// The synthetic gait model (simulate_gait.h) against its own specification: the requested
// cadence, stride length, stance fraction, asymmetry and variability appear in the events;
// sensors at rest read gravity only; the signals are those of the true trajectory (gyro
// integrates to the true orientation, acceleration to zero velocity change between rests);
// the pitch-rate features sit where the event definitions put them; mounting rotations,
// noise, bias, jitter and drops do what they say; bad options are errors.
#include "openpt/gait/simulate_gait.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "openpt/gait/orientation.h"

namespace openpt::gait {
namespace {

const ImuSignal& sensor(const SimulatedGait& sim, Placement placement) {
  const ImuSignal* s = sim.recording.find(placement);
  EXPECT_NE(s, nullptr);
  return *s;
}

const SensorTruth& truth(const SimulatedGait& sim, Placement placement) {
  for (const auto& t : sim.truth) {
    if (t.placement == placement) return t;
  }
  ADD_FAILURE() << "no truth for " << placement_name(placement);
  return sim.truth.front();
}

std::vector<Stride> strides_of(const SimulatedGait& sim, Side side) {
  std::vector<Stride> out;
  for (const auto& s : sim.strides) {
    if (s.side == side) out.push_back(s);
  }
  return out;
}

double mean(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}
double sd(const std::vector<double>& v) {
  const double m = mean(v);
  double ss = 0;
  for (double x : v) ss += (x - m) * (x - m);
  return std::sqrt(ss / static_cast<double>(v.size() - 1));
}

// Consecutive initial contacts of alternating feet within each bout: step times.
std::vector<double> step_times(const SimulatedGait& sim, Side ending_with) {
  std::vector<double> out;
  const GaitEvent* previous = nullptr;
  for (const auto& e : sim.events) {
    if (e.type != EventType::kInitialContact) continue;
    if (previous != nullptr && previous->side != e.side && e.t_s - previous->t_s < 1.5 &&
        (ending_with == Side::kUnknown || e.side == ending_with)) {
      out.push_back(e.t_s - previous->t_s);
    }
    previous = &e;
  }
  return out;
}

TEST(SimulateGait, DefaultWalkHasTheRequestedCadenceStrideAndStance) {
  const auto sim = simulate_gait({}).value();
  ASSERT_EQ(sim.recording.sensors.size(), 3u);
  ASSERT_EQ(sim.truth.size(), 3u);
  const GaitSimOptions defaults;
  const double stride_s = 120.0 / defaults.cadence_spm;
  // Cadence: 60 / step time; every step equal without variability.
  for (double step : step_times(sim, Side::kUnknown)) EXPECT_NEAR(60 / step, 110, 1e-9);
  for (Side side : {Side::kLeft, Side::kRight}) {
    const auto strides = strides_of(sim, side);
    ASSERT_EQ(strides.size(), defaults.strides);
    for (std::size_t i = 0; i < strides.size(); ++i) {
      const Stride& s = strides[i];
      EXPECT_NEAR(s.time_s(), stride_s, 1e-9);
      EXPECT_NEAR(s.stance_s() / s.time_s(), 0.60, 1e-9);
      // The left foot starts with a half step and never closes; the right one closes with
      // a half stride (its last swing joins the left foot).
      const bool closing = side == Side::kRight && i + 1 == strides.size();
      EXPECT_NEAR(s.length_m, closing ? 0.65 : 1.3, 1e-9) << side_name(side) << " " << i;
      EXPECT_GT(s.mid_swing_t_s, s.fc_t_s);
      EXPECT_LT(s.mid_swing_t_s, s.next_ic_t_s);
      EXPECT_DOUBLE_EQ(s.heading_change_deg, 0);
      EXPECT_FALSE(s.in_turn);
      // Sensor clearance: a fixed shape, so the same every stride, and plausible.
      EXPECT_NEAR(s.clearance_m, strides[0].clearance_m, 1e-6);
      EXPECT_GT(s.clearance_m, 0.08);
      EXPECT_LT(s.clearance_m, 0.2);
    }
  }
  ASSERT_EQ(sim.bouts.size(), 1u);
  EXPECT_DOUBLE_EQ(sim.bouts[0].start_s, defaults.still_before_s);
  EXPECT_TRUE(sim.turns.empty());
  const double duration = sensor(sim, Placement::kLeftFoot).duration_s();
  EXPECT_NEAR(duration, sim.bouts[0].end_s + defaults.still_after_s, 0.011);
}

TEST(SimulateGait, EventsAreSortedAlternateAndLeaveDoubleSupport) {
  GaitSimOptions o;
  o.step_time_cv_pct = 3;
  o.step_length_cv_pct = 3;
  o.turn = true;
  o.strides = 12;
  const auto sim = simulate_gait(o).value();
  for (std::size_t i = 1; i < sim.events.size(); ++i) {
    EXPECT_LE(sim.events[i - 1].t_s, sim.events[i].t_s);
  }
  for (Side side : {Side::kLeft, Side::kRight}) {
    // Per foot: FC, IC, FC, IC ... (each bout starts standing, so with a toe-off).
    EventType expected = EventType::kFinalContact;
    double last = -1;
    for (const auto& e : sim.events) {
      if (e.side != side) continue;
      EXPECT_EQ(e.type, expected) << e.t_s;
      EXPECT_GT(e.t_s, last);
      EXPECT_EQ(e.source, side == Side::kLeft ? Placement::kLeftFoot : Placement::kRightFoot);
      EXPECT_NEAR(static_cast<double>(e.sample) / o.sample_rate_hz, e.t_s, 0.5 / o.sample_rate_hz);
      last = e.t_s;
      expected = expected == EventType::kFinalContact ? EventType::kInitialContact
                                                      : EventType::kFinalContact;
    }
  }
  // Every toe-off (but the very first) comes after the other foot's contact: no flight.
  for (std::size_t i = 0; i < sim.events.size(); ++i) {
    const GaitEvent& fc = sim.events[i];
    if (fc.type != EventType::kFinalContact || i == 0) continue;
    const GaitEvent* other_ic = nullptr;
    for (std::size_t j = i; j-- > 0;) {
      if (sim.events[j].type == EventType::kInitialContact) {
        other_ic = &sim.events[j];
        break;
      }
    }
    if (other_ic != nullptr) {
      EXPECT_NE(other_ic->side, fc.side) << fc.t_s;
    }
  }
}

TEST(SimulateGait, AsymmetryAndVariabilityAreWhatWasAskedFor) {
  GaitSimOptions o;
  o.right_step_time_longer_pct = 10;
  o.right_stance_longer_pct = 8;
  o.strides = 8;
  auto sim = simulate_gait(o).value();
  const auto right_steps = step_times(sim, Side::kRight);
  const auto left_steps = step_times(sim, Side::kLeft);
  EXPECT_NEAR(mean(right_steps) / mean(left_steps), 1.10, 1e-9);
  EXPECT_NEAR(mean(right_steps) + mean(left_steps), 120.0 / o.cadence_spm, 1e-9);
  std::vector<double> stance_left, stance_right;
  for (const auto& s : sim.strides) {
    (s.side == Side::kLeft ? stance_left : stance_right).push_back(s.stance_s() / s.time_s());
  }
  EXPECT_NEAR(mean(stance_right) / mean(stance_left), 1.08, 1e-9);
  EXPECT_NEAR((mean(stance_right) + mean(stance_left)) / 2, 0.60, 1e-9);

  // Variability: step-time and step-length CV of 4 % over many steps, measured within the
  // sampling error of an SD from ~400 draws (±10 % of the CV).
  GaitSimOptions v;
  v.strides = 200;
  v.step_time_cv_pct = 4;
  v.step_length_cv_pct = 4;
  v.lower_back = false;
  v.right_foot = false;
  sim = simulate_gait(v).value();
  const auto steps = step_times(sim, Side::kUnknown);
  EXPECT_NEAR(100 * sd(steps) / mean(steps), 4, 0.4);
  EXPECT_NEAR(mean(steps), 60 / v.cadence_spm, 0.01);
  // Stride length = sum of two independent steps: CV / √2.
  std::vector<double> lengths;
  for (const auto& s : strides_of(sim, Side::kLeft)) lengths.push_back(s.length_m);
  EXPECT_NEAR(100 * sd(lengths) / mean(lengths), 4 / std::sqrt(2.0), 0.4);
  EXPECT_NEAR(mean(lengths), v.stride_length_m, 0.02);
}

TEST(SimulateGait, SensorsAtRestReadGravityAndNoRotation) {
  GaitSimOptions o;
  o.random_mounting = true;
  o.seed = 11;
  const auto sim = simulate_gait(o).value();
  for (const auto& s : sim.recording.sensors) {
    for (std::size_t k = 0; k < s.size(); ++k) {
      if (s.time_s(k) > o.still_before_s - 0.01) break;
      EXPECT_NEAR(norm(s.acc_mps2[k]), kStandardGravity, 1e-6) << placement_name(s.placement);
      EXPECT_LT(norm(s.gyr_rps[k]), 1e-9);
    }
  }
  // Feet in the middle of a stance (between the end of the contact transient and heel
  // rise: 30 % of the stride after IC), foot flat: gravity only.
  const ImuSignal& left = sensor(sim, Placement::kLeftFoot);
  for (const auto& stride : strides_of(sim, Side::kLeft)) {
    const double t = stride.ic_t_s + 0.25 * stride.time_s();
    const auto k = static_cast<std::size_t>(std::lround(t * o.sample_rate_hz));
    EXPECT_NEAR(norm(left.acc_mps2[k]), kStandardGravity, 1e-3);
    EXPECT_LT(norm(left.gyr_rps[k]), 1e-3);
  }
}

TEST(SimulateGait, MountingRotationPreservesNormsAndAngles) {
  GaitSimOptions o;
  o.strides = 4;
  const auto plain = simulate_gait(o).value();
  o.left_foot_mount = {.yaw_deg = 35, .pitch_deg = -70, .roll_deg = 120};
  o.random_mounting = false;
  const auto turned = simulate_gait(o).value();
  o.random_mounting = true;
  const auto random = simulate_gait(o).value();
  for (const SimulatedGait* other : {&turned, &random}) {
    for (Placement p : {Placement::kLeftFoot, Placement::kRightFoot, Placement::kLowerBack}) {
      const ImuSignal& a = sensor(plain, p);
      const ImuSignal& b = sensor(*other, p);
      ASSERT_EQ(a.size(), b.size());
      for (std::size_t k = 0; k < a.size(); k += 7) {
        EXPECT_NEAR(norm(a.acc_mps2[k]), norm(b.acc_mps2[k]), 1e-9);
        EXPECT_NEAR(norm(a.gyr_rps[k]), norm(b.gyr_rps[k]), 1e-9);
        EXPECT_NEAR(dot(a.acc_mps2[k], a.gyr_rps[k]), dot(b.acc_mps2[k], b.gyr_rps[k]), 1e-8);
      }
    }
  }
  // The fixed mount really rotates the axes: at rest the vertical is no longer sensor z.
  const Vec3 rest = sensor(turned, Placement::kLeftFoot).acc_mps2[0];
  EXPECT_LT(std::abs(rest.z), 0.9 * kStandardGravity);
  const Vec3 plain_rest = sensor(plain, Placement::kLeftFoot).acc_mps2[0];
  EXPECT_NEAR(plain_rest.z, kStandardGravity, 1e-9);
  EXPECT_NEAR(std::hypot(plain_rest.x, plain_rest.y), 0, 1e-9);
}

// The signals are those of the true motion: integrating the gyroscope from the true
// orientation reproduces the true orientation a stride later, and the acceleration rotated
// by the true orientation integrates to no velocity change between two rests.
TEST(SimulateGait, SignalsIntegrateToTheTrueTrajectory) {
  GaitSimOptions o;
  o.random_mounting = true;
  o.turn = true;
  o.seed = 5;
  const auto sim = simulate_gait(o).value();
  const double dt = 1 / o.sample_rate_hz;
  for (Placement p : {Placement::kLeftFoot, Placement::kRightFoot}) {
    const ImuSignal& s = sensor(sim, p);
    const SensorTruth& t = truth(sim, p);
    for (const auto& stride : strides_of(sim, placement_side(p))) {
      // From mid-stance to the next mid-stance (25 % of the stride after each IC).
      const auto a =
          static_cast<std::size_t>(std::lround((stride.ic_t_s + 0.25 * stride.time_s()) / dt));
      const auto b =
          static_cast<std::size_t>(std::lround((stride.next_ic_t_s + 0.25 * stride.time_s()) / dt));
      Eigen::Quaterniond q = t.world_from_sensor[a];
      Eigen::Vector3d velocity = Eigen::Vector3d::Zero();
      for (std::size_t k = a; k < b; ++k) {
        q = integrate_gyro(q, s.gyr_rps[k], s.gyr_rps[k + 1], dt);
        const Vec3 f0 = rotate(t.world_from_sensor[k], s.acc_mps2[k]);
        const Vec3 f1 = rotate(t.world_from_sensor[k + 1], s.acc_mps2[k + 1]);
        const Vec3 a_world = (f0 + f1) * 0.5 - Vec3{0, 0, kStandardGravity};
        velocity += Eigen::Vector3d(a_world.x, a_world.y, a_world.z) * dt;
      }
      // 100 Hz sampling of the fast contact transients limits both (measured: < 0.3° and
      // < 0.02 m/s); the displacement truth is exact (the tolerance is the integration's).
      EXPECT_LT(q.angularDistance(t.world_from_sensor[b]) * kRadToDeg, 0.5);
      EXPECT_LT(velocity.norm(), 0.04);
      EXPECT_NEAR(
          std::hypot(t.position_m[b].x - t.position_m[a].x, t.position_m[b].y - t.position_m[a].y),
          stride.length_m, 1e-9);
    }
  }
}

// Pitch rate of the foot (toe up +): with the default mount the sensor's y axis points
// left, so the pitch rate is −gyr.y.
TEST(SimulateGait, PitchRateFeaturesSitWhereTheEventDefinitionsPutThem) {
  const GaitSimOptions o{.strides = 6};
  const auto sim = simulate_gait(o).value();
  const ImuSignal& foot = sensor(sim, Placement::kLeftFoot);
  const double dt = 1 / o.sample_rate_hz;
  std::vector<double> pitch(foot.size());
  for (std::size_t k = 0; k < foot.size(); ++k) pitch[k] = -foot.gyr_rps[k].y;
  auto index = [&](double t) { return static_cast<std::size_t>(std::lround(t / dt)); };
  for (const auto& stride : strides_of(sim, Side::kLeft)) {
    // Toe-off: midway between the push-off minimum and the next upward zero crossing.
    std::size_t k_min = index(stride.fc_t_s - 0.2);
    for (std::size_t k = k_min; k <= index(stride.fc_t_s); ++k) {
      if (pitch[k] < pitch[k_min]) k_min = k;
    }
    std::size_t k = k_min;
    while (pitch[k + 1] < 0) ++k;
    const double zero = (static_cast<double>(k) + pitch[k] / (pitch[k] - pitch[k + 1])) * dt;
    const double t_min = static_cast<double>(k_min) * dt;
    EXPECT_LT(t_min, stride.fc_t_s);
    EXPECT_NEAR((t_min + zero) / 2, stride.fc_t_s, dt);
    EXPECT_LT(pitch[k_min], -3);  // a clear push-off dip (rad/s)
    // Mid-swing: the largest rate, 5–7 rad/s, at mid_swing_t_s.
    std::size_t k_peak = index(stride.fc_t_s);
    for (std::size_t j = k_peak; j < index(stride.next_ic_t_s); ++j) {
      if (pitch[j] > pitch[k_peak]) k_peak = j;
    }
    EXPECT_NEAR(static_cast<double>(k_peak) * dt, stride.mid_swing_t_s, dt);
    EXPECT_GT(pitch[k_peak], 5);
    EXPECT_LT(pitch[k_peak], 7);
    // Initial contact: the first local minimum after the terminal-swing downward zero
    // crossing is the sample whose interval (each sample is the mean over ±dt/2) holds the
    // contact, or the next one when less than ~2/3 of that interval follows the contact:
    // between half a sample early and 1.5 samples late.
    std::size_t j = k_peak;
    while (pitch[j] > 0) ++j;
    while (pitch[j + 1] < pitch[j]) ++j;
    EXPECT_GE(static_cast<double>(j) * dt, stride.next_ic_t_s - dt / 2);
    EXPECT_LE(static_cast<double>(j) * dt, stride.next_ic_t_s + 1.5 * dt);
    EXPECT_LT(pitch[j], -4);  // the heel-strike dip
  }
}

TEST(SimulateGait, TurnTurnsFeetAndBackBy180Degrees) {
  GaitSimOptions o;
  o.turn = true;
  o.strides = 10;
  o.random_mounting = true;
  o.seed = 9;
  const auto sim = simulate_gait(o).value();
  ASSERT_EQ(sim.turns.size(), 1u);
  const TimeSpan turn = sim.turns[0];
  for (Side side : {Side::kLeft, Side::kRight}) {
    double total = 0;
    for (const auto& s : strides_of(sim, side)) {
      total += s.heading_change_deg;
      const bool inside = s.fc_t_s >= turn.start_s - 1e-9 && s.next_ic_t_s <= turn.end_s + 1e-9;
      EXPECT_EQ(s.in_turn, inside) << s.ic_t_s;
      if (s.in_turn) {
        EXPECT_LT(s.length_m, 1.0);  // turning steps are shorter
      }
    }
    EXPECT_NEAR(total, 180, 1e-9) << side_name(side);
  }
  // The back's gyroscope integrates to a 180° heading change (pelvis rotation cancels).
  const ImuSignal& back = sensor(sim, Placement::kLowerBack);
  Eigen::Quaterniond q = truth(sim, Placement::kLowerBack).world_from_sensor[0];
  const Eigen::Quaterniond start = q;
  for (std::size_t k = 0; k + 1 < back.size(); ++k) {
    q = integrate_gyro(q, back.gyr_rps[k], back.gyr_rps[k + 1], 1 / o.sample_rate_hz);
  }
  EXPECT_NEAR(std::abs(heading_change_rad(start, q)) * kRadToDeg, 180, 0.5);
  // Turning right: −180°.
  o.turn_left = false;
  const auto right_turn = simulate_gait(o).value();  // kept alive: range-for over a member
  for (const auto& s : right_turn.strides) EXPECT_LE(s.heading_change_deg, 0);
}

// The lower back (centre of mass) is lowest in the middle of each double support, i.e.
// shortly after each initial contact, and highest in mid-single support.
TEST(SimulateGait, LowerBackIsLowestShortlyAfterEachContact) {
  const GaitSimOptions o{.strides = 6};
  const auto sim = simulate_gait(o).value();
  const SensorTruth& back = truth(sim, Placement::kLowerBack);
  const double dt = 1 / o.sample_rate_hz;
  const auto ics = [&] {
    std::vector<const GaitEvent*> all;
    for (const auto& e : sim.events) {
      if (e.type == EventType::kInitialContact) all.push_back(&e);
    }
    return all;
  }();
  for (std::size_t i = 0; i + 1 < ics.size(); ++i) {
    // The other foot's toe-off ends the double support.
    double other_fc = 0;
    for (const auto& e : sim.events) {
      if (e.type == EventType::kFinalContact && e.side != ics[i]->side && e.t_s > ics[i]->t_s) {
        other_fc = e.t_s;
        break;
      }
    }
    const auto from = static_cast<std::size_t>((ics[i]->t_s - 0.2) / dt);
    const auto to = static_cast<std::size_t>((ics[i]->t_s + 0.3) / dt);
    std::size_t low = from;
    for (std::size_t k = from; k <= to; ++k) {
      if (back.position_m[k].z < back.position_m[low].z) low = k;
    }
    EXPECT_NEAR(static_cast<double>(low) * dt, (ics[i]->t_s + other_fc) / 2, dt) << i;
    EXPECT_NEAR(back.position_m[low].z, o.back_height_m - o.back_vertical_pp_m, 1e-3);
  }
  // Standing height before and after.
  EXPECT_DOUBLE_EQ(back.position_m.front().z, o.back_height_m);
  EXPECT_NEAR(back.position_m.back().z, o.back_height_m, 1e-12);
}

TEST(SimulateGait, NoiseAndBiasHaveTheRequestedSize) {
  GaitSimOptions o;
  o.strides = 6;
  const auto clean = simulate_gait(o).value();
  o.acc_noise_mps2 = 0.1;
  o.gyr_noise_rps = 0.02;
  o.acc_bias_mps2 = 0.3;
  o.gyr_bias_rps = 0.05;
  const auto noisy = simulate_gait(o).value();
  for (Placement p : {Placement::kLeftFoot, Placement::kLowerBack}) {
    const ImuSignal& a = sensor(clean, p);
    const ImuSignal& b = sensor(noisy, p);
    Vec3 acc_mean, gyr_mean;
    std::vector<double> acc_x, gyr_z;
    for (std::size_t k = 0; k < a.size(); ++k) {
      const Vec3 da = b.acc_mps2[k] - a.acc_mps2[k], dg = b.gyr_rps[k] - a.gyr_rps[k];
      acc_mean += da / static_cast<double>(a.size());
      gyr_mean += dg / static_cast<double>(a.size());
      acc_x.push_back(da.x);
      gyr_z.push_back(dg.z);
    }
    // ~1500 samples: the SD within ±6 %, the mean within 4 SE of the bias.
    EXPECT_NEAR(sd(acc_x), 0.1, 0.006);
    EXPECT_NEAR(sd(gyr_z), 0.02, 0.0012);
    EXPECT_NEAR(norm(acc_mean), 0.3, 4 * 0.1 * std::sqrt(3.0 / static_cast<double>(a.size())));
    EXPECT_NEAR(norm(gyr_mean), 0.05, 4 * 0.02 * std::sqrt(3.0 / static_cast<double>(a.size())));
  }
  // The walk itself (events, truth) does not depend on the sensor errors.
  ASSERT_EQ(clean.events.size(), noisy.events.size());
  for (std::size_t i = 0; i < clean.events.size(); ++i) {
    EXPECT_EQ(clean.events[i].t_s, noisy.events[i].t_s);
  }
}

TEST(SimulateGait, SameSeedSameRecordingOtherSeedOtherWalk) {
  GaitSimOptions o;
  o.strides = 5;
  o.step_time_cv_pct = 2;
  o.acc_noise_mps2 = 0.05;
  const auto a = simulate_gait(o).value();
  const auto b = simulate_gait(o).value();
  const ImuSignal& fa = sensor(a, Placement::kRightFoot);
  const ImuSignal& fb = sensor(b, Placement::kRightFoot);
  ASSERT_EQ(fa.size(), fb.size());
  for (std::size_t k = 0; k < fa.size(); ++k) ASSERT_EQ(fa.acc_mps2[k], fb.acc_mps2[k]);
  o.seed = 2;
  const auto c = simulate_gait(o).value();
  EXPECT_NE(a.events[3].t_s, c.events[3].t_s);
}

TEST(SimulateGait, RawStreamsHaveJitterDropsAndGaps) {
  GaitSimOptions o;
  o.strides = 6;
  o.jitter_sd_s = 0.002;
  o.drop_fraction = 0.1;
  o.gap_start_s = 4;
  o.gap_s = 0.5;
  const auto sim = simulate_gait(o).value();
  ASSERT_EQ(sim.raw.size(), 3u);
  const double dt = 1 / o.sample_rate_hz;
  for (std::size_t s = 0; s < sim.raw.size(); ++s) {
    const SimulatedRawSamples& raw = sim.raw[s];
    const ImuSignal& uniform = sim.recording.sensors[s];
    EXPECT_EQ(raw.placement, uniform.placement);
    ASSERT_EQ(raw.t_s.size(), raw.acc_mps2.size());
    ASSERT_EQ(raw.t_s.size(), raw.gyr_rps.size());
    // 10 % dropped at random plus 50 gap samples: ~0.9 × (n − 50) kept (±4 SD).
    const double n = static_cast<double>(uniform.size()) - 50;
    EXPECT_NEAR(static_cast<double>(raw.t_s.size()), 0.9 * n, 4 * std::sqrt(0.09 * n));
    for (std::size_t k = 0; k < raw.t_s.size(); ++k) {
      if (k > 0) {
        EXPECT_GT(raw.t_s[k], raw.t_s[k - 1]);
      }
      EXPECT_FALSE(raw.t_s[k] >= 4 && raw.t_s[k] < 4.5) << raw.t_s[k];
      const double grid = std::round(raw.t_s[k] / dt) * dt;
      EXPECT_LE(std::abs(raw.t_s[k] - grid), 0.45 * dt + 1e-12);
    }
  }
  // Without jitter, kept samples equal the uniform ones.
  o.jitter_sd_s = 0;
  o.gap_s = 0;
  const auto exact = simulate_gait(o).value();
  const SimulatedRawSamples& raw = exact.raw[0];
  const ImuSignal& uniform = exact.recording.sensors[0];
  for (std::size_t k = 0; k < raw.t_s.size(); k += 5) {
    const auto i = static_cast<std::size_t>(std::lround(raw.t_s[k] / dt));
    EXPECT_EQ(raw.acc_mps2[k], uniform.acc_mps2[i]);
    EXPECT_EQ(raw.gyr_rps[k], uniform.gyr_rps[i]);
  }
  // Nothing asked: no raw streams.
  EXPECT_TRUE(simulate_gait({}).value().raw.empty());
}

TEST(SimulateGait, BoutsAreSeparatedByStandingStill) {
  GaitSimOptions o;
  o.strides = 4;
  o.bouts = 2;
  o.pause_between_bouts_s = 3;
  o.turn = true;
  const auto sim = simulate_gait(o).value();
  ASSERT_EQ(sim.bouts.size(), 2u);
  ASSERT_EQ(sim.turns.size(), 2u);
  EXPECT_NEAR(sim.bouts[1].start_s - sim.bouts[0].end_s, 3, 1e-9);
  EXPECT_EQ(strides_of(sim, Side::kLeft).size(), 8u);
  EXPECT_EQ(strides_of(sim, Side::kRight).size(), 8u);
  for (const auto& s : sim.strides) {
    EXPECT_LT(s.time_s(), 1.5);  // no stride across the pause
    const bool in_first = s.next_ic_t_s <= sim.bouts[0].end_s;
    const bool in_second = s.ic_t_s >= sim.bouts[1].start_s;
    EXPECT_TRUE(in_first || in_second);
  }
  // Standing in the pause: every sensor still.
  for (const auto& s : sim.recording.sensors) {
    for (std::size_t k = 0; k < s.size(); ++k) {
      const double t = s.time_s(k);
      if (t < sim.bouts[0].end_s + 0.01 || t > sim.bouts[1].start_s - 0.01) continue;
      EXPECT_NEAR(norm(s.acc_mps2[k]), kStandardGravity, 1e-6);
      EXPECT_LT(norm(s.gyr_rps[k]), 1e-9);
    }
  }
  // Two turns of +180°: back where it started, facing the same way.
  double heading = 0;
  for (const auto& s : strides_of(sim, Side::kLeft)) heading += s.heading_change_deg;
  EXPECT_NEAR(heading, 360, 1e-9);
}

TEST(SimulateGait, WalkDurationChoosesTheStrideCount) {
  GaitSimOptions o;
  o.walk_s = 11;  // 10 strides of 1.09 s → 9 complete strides per foot
  o.lower_back = false;
  const auto sim = simulate_gait(o).value();
  EXPECT_EQ(strides_of(sim, Side::kLeft).size(), 9u);
  EXPECT_EQ(sim.recording.sensors.size(), 2u);
}

TEST(SimulateGait, BadOptionsAreErrorsThatNameTheField) {
  auto expect_error = [](GaitSimOptions o, const std::string& field) {
    const auto sim = simulate_gait(o);
    ASSERT_FALSE(sim.has_value()) << field;
    EXPECT_EQ(sim.error().kind, ErrorKind::kBadInput);
    EXPECT_NE(sim.error().where.find(field), std::string::npos) << sim.error().to_string();
  };
  GaitSimOptions o;
  o.sample_rate_hz = 0;
  expect_error(o, "sample_rate_hz");
  o = {};
  o.cadence_spm = NAN;
  expect_error(o, "cadence_spm");
  o = {};
  o.stance_pct = 90;
  expect_error(o, "stance_pct");
  o = {};
  o.turn = true;
  o.strides = 2;
  expect_error(o, "strides");
  o = {};
  o.stance_pct = 52;
  o.right_step_time_longer_pct = 30;  // the left foot would leave before the right lands
  expect_error(o, "stance_pct");
  o = {};
  o.heel_off_pct = 10;  // heel rise before foot flat
  expect_error(o, "heel_off_pct");
  o = {};
  o.left_foot = o.right_foot = o.lower_back = false;
  expect_error(o, "GaitSimOptions");
  o = {};
  o.contact_pitch_deg = 30;  // more than swing_peak_pitch_deg
  expect_error(o, "contact_pitch_deg");
}

}  // namespace
}  // namespace openpt::gait
