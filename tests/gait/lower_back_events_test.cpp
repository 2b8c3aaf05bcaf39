// Lower-back contacts (lower_back_events.h) on the synthetic walker (simulate_gait.h), whose
// events, sides and turns are known exactly.
//
// The model's centre of mass is lowest, and its upward acceleration peaks, in the middle of
// each double support: half a double support (55 ms at the defaults) after each initial
// contact. McCamley's IC is that acceleration peak, so on this model the expected IC
// detection is the middle of the double support, and the error against the true contact is
// that known offset. The closing step of a bout (the foot that joins the other) does not
// lower the model's trunk, so it has no acceleration peak and is not expected (real
// closing steps are often missed too: docs/gait.md). Final contacts are the fastest fall
// of the acceleration after its peak; the model's back carries no toe-off feature, so FCs
// are only checked for being between the right contacts with the right side.
#include "openpt/gait/lower_back_events.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

#include "openpt/gait/simulate_gait.h"

namespace openpt::gait {
namespace {

SimulatedGait back_walk(GaitSimOptions o) {
  o.left_foot = o.right_foot = false;
  auto sim = simulate_gait(o);
  EXPECT_TRUE(sim) << sim.error().to_string();
  return *sim;
}

const ImuSignal& back_of(const SimulatedGait& sim) {
  return *sim.recording.find(Placement::kLowerBack);
}

std::vector<GaitEvent> of_type(const std::vector<GaitEvent>& events, EventType type) {
  std::vector<GaitEvent> out;
  for (const auto& e : events) {
    if (e.type == type) out.push_back(e);
  }
  return out;
}

// The middle of the double support after each true IC: IC and the other foot's next FC.
double mid_double_support(const SimulatedGait& sim, const GaitEvent& ic) {
  for (const auto& e : sim.events) {
    if (e.type == EventType::kFinalContact && e.side != ic.side && e.t_s > ic.t_s) {
      return (ic.t_s + e.t_s) / 2;
    }
  }
  return ic.t_s;
}

// The last initial contact of a simulated bout: the closing step.
bool closes_a_bout(const SimulatedGait& sim, const GaitEvent& ic) {
  for (const auto& bout : sim.bouts) {
    if (ic.t_s < bout.start_s || ic.t_s > bout.end_s) continue;
    for (const auto& e : sim.events) {
      if (e.type == EventType::kInitialContact && e.t_s > ic.t_s && e.t_s <= bout.end_s) {
        return false;
      }
    }
    return true;
  }
  return false;
}

struct Matched {
  std::size_t found = 0, truth = 0, wrong_side = 0;
  std::vector<double> errors_s;           // detected − true IC
  std::vector<double> errors_to_model_s;  // detected − middle of double support
  [[nodiscard]] double median_abs(const std::vector<double>& e) const {
    std::vector<double> a;
    for (double v : e) a.push_back(std::abs(v));
    std::nth_element(a.begin(), a.begin() + a.size() / 2, a.end());
    return a[a.size() / 2];
  }
};

Matched match_contacts(const SimulatedGait& sim, const LowerBackEvents& back) {
  Matched m;
  const auto found = of_type(back.events, EventType::kInitialContact);
  m.found = found.size();
  for (const auto& ic : of_type(sim.events, EventType::kInitialContact)) {
    if (closes_a_bout(sim, ic)) continue;
    ++m.truth;
    const GaitEvent* best = nullptr;
    for (const auto& f : found) {
      if (!best || std::abs(f.t_s - ic.t_s) < std::abs(best->t_s - ic.t_s)) best = &f;
    }
    if (!best || std::abs(best->t_s - ic.t_s) > 0.15) continue;
    m.errors_s.push_back(best->t_s - ic.t_s);
    m.errors_to_model_s.push_back(best->t_s - mid_double_support(sim, ic));
    m.wrong_side += best->side != ic.side;
  }
  return m;
}

TEST(GaussianDerivative, SlopeOfALineAndAttenuatedSine) {
  std::vector<double> line(300), wave(1000);
  for (std::size_t i = 0; i < line.size(); ++i) line[i] = 2.5 * static_cast<double>(i) / 100;
  const auto d = gaussian_derivative(line, 100, 0.064);
  for (std::size_t i = 30; i < 270; ++i) EXPECT_NEAR(d[i], 2.5, 1e-9);
  // sin(ωt) → ω cos(ωt) · exp(−(ωσ)²/2), the Gaussian's transfer function.
  const double w = 2 * std::numbers::pi * 2.0;
  for (std::size_t i = 0; i < wave.size(); ++i)
    wave[i] = std::sin(w * static_cast<double>(i) / 100);
  const auto dw = gaussian_derivative(wave, 100, 0.05);
  const double gain = w * std::exp(-(w * 0.05) * (w * 0.05) / 2);
  for (std::size_t i = 100; i < 900; ++i) {
    EXPECT_NEAR(dw[i], gain * std::cos(w * static_cast<double>(i) / 100), 0.01 * gain);
  }
}

TEST(LowerBackEvents, EveryContactOfAStraightWalkWithItsSide) {
  GaitSimOptions o;  // 110 steps/min, 10 strides per foot: 22 steps, 21 before the closing
  const SimulatedGait sim = back_walk(o);
  auto back = detect_lower_back_events(back_of(sim));
  ASSERT_TRUE(back) << back.error().to_string();
  const Matched m = match_contacts(sim, *back);
  EXPECT_EQ(m.truth, 21u);
  EXPECT_EQ(m.errors_s.size(), m.truth);  // every contact found within 150 ms
  EXPECT_EQ(m.found, m.truth);            // and nothing else
  EXPECT_EQ(m.wrong_side, 0u);
  EXPECT_EQ(back->side_disagreements, 0u);
  // At the model's acceleration peak (the middle of the double support) ...
  EXPECT_LE(m.median_abs(m.errors_to_model_s), 0.015);
  // ... which is 55 ms after the true contact.
  EXPECT_GE(m.median_abs(m.errors_s), 0.040);
  EXPECT_LE(m.median_abs(m.errors_s), 0.070);
  ASSERT_EQ(back->bouts.size(), 1u);
  EXPECT_EQ(back->bouts[0].steps, 21u);
  // Final contacts: one per IC, after it and before the next, of the other foot.
  const auto ics = of_type(back->events, EventType::kInitialContact);
  const auto fcs = of_type(back->events, EventType::kFinalContact);
  ASSERT_EQ(fcs.size(), ics.size());
  for (std::size_t i = 0; i + 1 < ics.size(); ++i) {
    EXPECT_GT(fcs[i].t_s, ics[i].t_s);
    EXPECT_LT(fcs[i].t_s, ics[i + 1].t_s);
    EXPECT_NE(fcs[i].side, ics[i].side);
  }
}

TEST(LowerBackEvents, RandomMountingNoiseAndBias) {
  for (std::uint32_t seed : {2u, 3u, 4u}) {
    GaitSimOptions o;
    o.random_mounting = true;
    o.acc_noise_mps2 = 0.05;
    o.gyr_noise_rps = 0.01;
    o.acc_bias_mps2 = 0.1;
    o.gyr_bias_rps = 1 * std::numbers::pi / 180;
    o.cadence_spm = 100;
    o.seed = seed;
    const SimulatedGait sim = back_walk(o);
    auto back = detect_lower_back_events(back_of(sim));
    ASSERT_TRUE(back) << back.error().to_string();
    const Matched m = match_contacts(sim, *back);
    EXPECT_EQ(m.errors_s.size(), m.truth) << "seed " << seed;
    EXPECT_EQ(m.found, m.truth) << "seed " << seed;
    EXPECT_EQ(m.wrong_side, 0u) << "seed " << seed;
    EXPECT_LE(m.median_abs(m.errors_to_model_s), 0.015) << "seed " << seed;
  }
}

TEST(LowerBackEvents, TurnStepsKeepTheirSides) {
  GaitSimOptions o;
  o.turn = true;
  o.strides = 12;
  o.random_mounting = true;
  o.seed = 5;
  const SimulatedGait sim = back_walk(o);
  auto back = detect_lower_back_events(back_of(sim));
  ASSERT_TRUE(back) << back.error().to_string();
  const Matched m = match_contacts(sim, *back);
  EXPECT_EQ(m.errors_s.size(), m.truth);
  EXPECT_EQ(m.wrong_side, 0u);
}

TEST(LowerBackEvents, TwoBoutsSeparatedByStanding) {
  GaitSimOptions o;
  o.bouts = 2;
  o.strides = 5;
  o.pause_between_bouts_s = 6;
  const SimulatedGait sim = back_walk(o);
  auto back = detect_lower_back_events(back_of(sim));
  ASSERT_TRUE(back) << back.error().to_string();
  ASSERT_EQ(back->bouts.size(), 2u);
  ASSERT_EQ(sim.bouts.size(), 2u);
  for (std::size_t b = 0; b < 2; ++b) {
    EXPECT_EQ(back->bouts[b].steps, 11u);  // 12 steps, the closing one not seen
    EXPECT_GE(back->bouts[b].start_s, sim.bouts[b].start_s);
    EXPECT_LE(back->bouts[b].end_s, sim.bouts[b].end_s + 0.1);
  }
}

// A still sensor in a random orientation with noise.
ImuSignal standing(double seconds, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> noise(0, 1);
  const Vec3 up = normalized(Vec3{0.3, -0.8, 0.5});
  ImuSignal s;
  s.placement = Placement::kLowerBack;
  s.source = "still.txt";
  s.sample_rate_hz = 100;
  for (int i = 0; i < static_cast<int>(seconds * 100); ++i) {
    s.acc_mps2.push_back(up * kStandardGravity + Vec3{noise(rng), noise(rng), noise(rng)} * 0.05);
    s.gyr_rps.push_back(Vec3{noise(rng), noise(rng), noise(rng)} * 0.01);
  }
  return s;
}

TEST(LowerBackEvents, StandingStillHasNoSteps) {
  auto back = detect_lower_back_events(standing(20, 1));
  ASSERT_TRUE(back) << back.error().to_string();
  EXPECT_TRUE(back->events.empty());
  EXPECT_TRUE(back->bouts.empty());
}

TEST(LowerBackEvents, OneStepIsNotAWalk) {
  // One upward push of the trunk (2 m/s², 0.15 s) while standing: one IC candidate, no bout.
  ImuSignal s = standing(10, 2);
  const Vec3 up = normalized(s.acc_mps2[0]);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const double t = static_cast<double>(i) / 100 - 5;
    s.acc_mps2[i] = s.acc_mps2[i] + up * (2.0 * std::exp(-t * t / (2 * 0.05 * 0.05)));
  }
  auto back = detect_lower_back_events(s);
  ASSERT_TRUE(back) << back.error().to_string();
  EXPECT_TRUE(back->events.empty());
  EXPECT_EQ(back->rejected_contacts, 1u);
}

TEST(LowerBackEvents, TooShortIsAnError) {
  auto back = detect_lower_back_events(standing(1.5, 3));
  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().kind, ErrorKind::kBadInput);
  EXPECT_NE(back.error().to_string().find("still.txt"), std::string::npos);
  EXPECT_NE(back.error().message.find("too short"), std::string::npos);
}

}  // namespace
}  // namespace openpt::gait
