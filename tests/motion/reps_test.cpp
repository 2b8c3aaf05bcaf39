// Repetition segmentation on synthetic signals with known repetitions: clean, noisy, with
// pauses, partial reps, a bounce at the bottom, baseline drift, missing samples, set-up
// movement, and decreasing signals. Also periodicity and typical swing.
#include "openpt/motion/reps.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace openpt::motion {
namespace {

constexpr double kFps = 30;

// A signal built from segments: rest, or a rep (raised cosine) of given depth and duration.
struct Builder {
  std::vector<double> x, t;
  std::vector<double> turns;  // true turning times
  double level = 0;

  void rest(double seconds) {
    for (int i = 0; i < static_cast<int>(seconds * kFps); ++i) push(level);
  }
  void rep(double depth, double seconds) {
    const int n = static_cast<int>(seconds * kFps);
    turns.push_back(static_cast<double>(x.size() + n / 2) / kFps);
    for (int i = 0; i < n; ++i) {
      push(level + depth * 0.5 * (1 - std::cos(2 * std::numbers::pi * i / n)));
    }
  }
  void push(double v) {
    t.push_back(static_cast<double>(x.size()) / kFps);
    x.push_back(v);
  }
};

std::size_t complete(const RepDetection& d) {
  return d.complete_count();
}

TEST(DetectReps, CountsCleanRepsWithPausesAndFindsTurningPoints) {
  Builder b;
  b.rest(1);
  for (int i = 0; i < 5; ++i) {
    b.rep(90, 2.5);
    b.rest(1.0);
  }
  const RepDetection d = detect_reps(b.x, b.t, {.increases = true, .min_rom = 20});
  ASSERT_EQ(d.reps.size(), 5u);
  EXPECT_EQ(complete(d), 5u);
  EXPECT_NEAR(d.typical_rom, 90, 1);
  for (std::size_t i = 0; i < 5; ++i) {
    const Repetition& r = d.reps[i];
    EXPECT_NEAR(r.turn_s, b.turns[i], 0.05) << i;
    EXPECT_NEAR(r.rom, 90, 1) << i;
    // Start and end are where the movement leaves and regains rest (within 5 % of the range):
    // for a raised cosine of 2.5 s that is 0.18 s after the onset / before the finish.
    EXPECT_NEAR(r.turn_s - r.start_s, 1.25 - 0.18, 0.06) << i;
    EXPECT_NEAR(r.end_s - r.turn_s, 1.25 - 0.18, 0.06) << i;
    EXPECT_GT(r.peak_speed, 90 * std::numbers::pi / 2.5 * 0.95);  // max of the raised cosine
  }
}

TEST(DetectReps, NoiseDoesNotDoubleCount) {
  Builder b;
  b.rest(1);
  for (int i = 0; i < 8; ++i) {
    b.rep(60, 2.0);
    b.rest(0.7);
  }
  std::mt19937 rng(3);
  std::normal_distribution<double> noise(0, 4);  // 4° jitter on a 60° movement
  for (double& v : b.x) v += noise(rng);
  // As in assessment: the movement's period sets the smoothing of the turning points.
  const Periodicity p = periodicity(b.x, b.t);
  EXPECT_NEAR(p.period_s, 2.7, 0.11);
  const RepDetection d =
      detect_reps(b.x, b.t, {.increases = true, .min_rom = 20, .period_s = p.period_s});
  EXPECT_EQ(complete(d), 8u);
}

TEST(DetectReps, AGlitchDuringARestIsNotTheNextRepsTurningPoint) {
  // Six 60° reps; in the rest before the fourth, one frame jumps to 75° (a landmark swapped
  // for a moment). Each rep turns at its own top with its own range: the glitch is nearer the
  // rest's lowest point than either neighbouring top.
  Builder b;
  b.rest(1);
  for (int i = 0; i < 6; ++i) {
    b.rep(60, 2.0);
    b.rest(1.0);
  }
  const auto glitch = static_cast<std::size_t>((1 + 3 * 3 - 1 + 0.2) * kFps);  // 0.2 s into it
  b.x[glitch] = 75;
  const Periodicity p = periodicity(b.x, b.t);
  const RepDetection d =
      detect_reps(b.x, b.t, {.increases = true, .min_rom = 20, .period_s = p.period_s});
  ASSERT_EQ(d.reps.size(), 6u);
  EXPECT_EQ(complete(d), 6u);
  for (std::size_t i = 0; i < d.reps.size(); ++i) {
    EXPECT_NEAR(d.reps[i].turn_s, b.turns[i], 0.05) << i;
    EXPECT_NEAR(d.reps[i].rom, 60, 1) << i;
  }
}

TEST(DetectReps, PartialRepIsReportedNotCounted) {
  Builder b;
  b.rest(1);
  b.rep(100, 2);
  b.rest(1);
  b.rep(100, 2);
  b.rest(1);
  b.rep(40, 1.5);  // 40 % depth
  b.rest(1);
  b.rep(100, 2);
  b.rest(1);
  const RepDetection d = detect_reps(b.x, b.t, {.increases = true, .min_rom = 20});
  ASSERT_EQ(d.reps.size(), 4u);
  EXPECT_EQ(complete(d), 3u);
  EXPECT_FALSE(d.reps[2].complete);
  EXPECT_NEAR(d.reps[2].rom, 40, 1);
  EXPECT_NE(d.reps[2].partial_reason.find("40 %"), std::string::npos) << d.reps[2].partial_reason;
}

TEST(DetectReps, BounceAtTheBottomIsOneRep) {
  Builder b;
  b.rest(1);
  for (int i = 0; i < 3; ++i) {
    // Down to 100, up to 70, down to 100 again, then all the way up: one rep.
    const int n = static_cast<int>(3 * kFps);
    for (int k = 0; k < n; ++k) {
      const double u = static_cast<double>(k) / n;
      const double base = 100 * 0.5 * (1 - std::cos(2 * std::numbers::pi * u));
      const double dip =
          u > 0.35 && u < 0.65 ? 30 * std::sin(std::numbers::pi * (u - 0.35) / 0.3) : 0;
      b.push(base - dip);
    }
    b.rest(1);
  }
  const RepDetection d = detect_reps(b.x, b.t, {.increases = true, .min_rom = 20});
  EXPECT_EQ(complete(d), 3u);
  EXPECT_EQ(d.reps.size(), 3u);
}

TEST(DetectReps, BaselineDriftAndVaryingDepthAndSpeed) {
  Builder b;
  b.rest(1);
  const double depths[] = {80, 100, 70, 95, 85, 75};
  const double durations[] = {2.0, 3.5, 1.5, 2.5, 4.0, 2.0};
  for (int i = 0; i < 6; ++i) {
    b.rep(depths[i], durations[i]);
    b.rest(0.8);
  }
  for (std::size_t i = 0; i < b.x.size(); ++i) b.x[i] += 1.5 * b.t[i];  // 1.5°/s drift
  const RepDetection d = detect_reps(b.x, b.t, {.increases = true, .min_rom = 20});
  EXPECT_EQ(complete(d), 6u);
}

TEST(DetectReps, MissingSamplesAreSkipped) {
  Builder b;
  b.rest(1);
  for (int i = 0; i < 4; ++i) {
    b.rep(90, 2.5);
    b.rest(1);
  }
  // Drop 20 % of the samples at random and a 0.5 s block inside rep 2.
  std::mt19937 rng(5);
  std::bernoulli_distribution drop(0.2);
  for (double& v : b.x) {
    if (drop(rng)) v = NAN;
  }
  for (std::size_t i = static_cast<std::size_t>(5.0 * kFps); i < 5.5 * kFps; ++i) b.x[i] = NAN;
  const RepDetection d = detect_reps(b.x, b.t, {.increases = true, .min_rom = 20});
  EXPECT_EQ(complete(d), 4u);
}

TEST(DetectReps, RepMostlyOutOfViewIsPartial) {
  // Three reps; in the fourth the person leaves the picture near the bottom (the last 60 %
  // of the rep and 3 s after it are missing) and comes back standing; then two more reps.
  Builder b;
  b.rest(1);
  for (int i = 0; i < 3; ++i) {
    b.rep(90, 2.5);
    b.rest(1);
  }
  const std::size_t rep_begin = b.x.size();
  b.rep(90, 2.5);
  b.rest(3);
  const std::size_t gap_end = b.x.size();
  for (std::size_t i = rep_begin + static_cast<std::size_t>(0.4 * 2.5 * kFps); i < gap_end; ++i) {
    b.x[i] = NAN;
  }
  b.rest(1);
  for (int i = 0; i < 2; ++i) {
    b.rep(90, 2.5);
    b.rest(1);
  }
  const RepDetection d = detect_reps(b.x, b.t, {.increases = true, .min_rom = 20});
  EXPECT_EQ(complete(d), 5u);
  const auto unseen = std::find_if(d.reps.begin(), d.reps.end(), [](const Repetition& r) {
    return r.partial_reason.find("not in view") != std::string::npos;
  });
  ASSERT_NE(unseen, d.reps.end());
  EXPECT_FALSE(unseen->complete);
  EXPECT_NEAR(unseen->start_s, b.t[rep_begin], 0.3);
}

TEST(DetectReps, DecreasingSignal) {
  Builder b;
  b.level = 170;  // e.g. elbow extension from flexed to straight and back
  b.rest(1);
  for (int i = 0; i < 4; ++i) {
    b.rep(-100, 2);
    b.rest(1);
  }
  const RepDetection d = detect_reps(b.x, b.t, {.increases = false, .min_rom = 20});
  ASSERT_EQ(complete(d), 4u);
  EXPECT_NEAR(d.reps[0].start_value, 170, 6);
  EXPECT_NEAR(d.reps[0].turn_value, 70, 1);
  EXPECT_NEAR(d.reps[0].rom, 100, 1);
}

TEST(DetectReps, SetUpAndLeavingAreNotReps) {
  Builder b;
  b.rest(0.5);
  // Setting up: small fidgeting of ±8° for 3 s, then 5 reps, then one huge movement
  // (getting up from the floor: 3.5× the rep range) before leaving.
  for (int i = 0; i < static_cast<int>(3 * kFps); ++i) b.push(8 * std::sin(i * 0.9));
  for (int i = 0; i < 5; ++i) {
    b.rep(60, 2);
    b.rest(0.5);
  }
  b.rep(210, 3);
  b.rest(1);
  const RepDetection d = detect_reps(b.x, b.t, {.increases = true, .min_rom = 20});
  EXPECT_EQ(complete(d), 5u);
  ASSERT_FALSE(d.reps.empty());
  EXPECT_FALSE(d.reps.back().complete);
  EXPECT_NE(d.reps.back().partial_reason.find("different movement"), std::string::npos);
}

// `reps` reps of 40° lasting `seconds`, 1 s rests, under a 5 Hz jitter of ± `jitter`°;
// counted plainly and with the 2 Hz jitter cut-off.
std::pair<RepDetection, RepDetection> reps_under_jitter(int reps, double seconds, double jitter) {
  Builder b;
  b.rest(1);
  for (int i = 0; i < reps; ++i) {
    b.rep(40, seconds);
    b.rest(1);
  }
  for (std::size_t i = 0; i < b.x.size(); ++i) {
    b.x[i] += jitter * std::sin(2 * std::numbers::pi * 5 * b.t[i]);
  }
  return {
      detect_reps(b.x, b.t, {.increases = true, .min_rom = 10}),
      detect_reps(b.x, b.t,
                  {.increases = true, .min_rom = 10, .jitter_cutoff_hz = kFastestRepetitionHz})};
}

// Four slow reps (40°, 3 s each) under fast jitter (±10° at 5 Hz, about 20° swings, fifteen
// for every rep): by count × size the jitter is the typical swing, and each wobble a
// "rep". With a jitter cut-off of 2 Hz the low-passed signal swings typically 40°, more
// than 1.5 times the jitter's, and the four reps are counted on it.
TEST(DetectReps, JitterOutnumberingTheMovementIsLowPassedAway) {
  const auto [plain, robust] = reps_under_jitter(4, 3, 10);
  EXPECT_GT(complete(plain), 10u);
  EXPECT_EQ(complete(robust), 4u);
  // Ranges are still read from the signal itself: the reps' 40° plus the jitter at their
  // ends.
  EXPECT_GT(robust.typical_rom, 40);
  EXPECT_LT(robust.typical_rom, 60);
}

// Five reps (40°, 1.2 s each) under small jitter (±2°): the signal's own typical swing is
// the reps', and the jitter cut-off changes nothing.
TEST(DetectReps, AJitterCutOffLeavesACleanSignalAlone) {
  const auto [plain, robust] = reps_under_jitter(5, 1.2, 2);
  EXPECT_EQ(complete(plain), 5u);
  EXPECT_EQ(complete(robust), 5u);
  EXPECT_DOUBLE_EQ(robust.typical_rom, plain.typical_rom);
}

TEST(DetectReps, MountingAndLeavingFromPartWayAreNotReps) {
  // Six 60° reps between two movements that each span less than 2.5 reps' ranges but reach
  // 2.5 ranges beyond the level the reps start from: before them, from a standing 100 up to
  // 150 and down to the start (jumping onto a bar); after them, up to 45, back to 15, then
  // to 150 and down to 100 (standing up after push-ups), after fidgeting (jitter, no reps).
  Builder b;
  const auto move = [&](double from, double to, double seconds) {
    const int n = static_cast<int>(seconds * kFps);
    for (int i = 0; i < n; ++i) {
      b.push(from + (to - from) * 0.5 * (1 - std::cos(std::numbers::pi * i / n)));
    }
  };
  const auto hold = [&](double value, double seconds) { move(value, value, seconds); };
  hold(100, 1);
  move(100, 150, 1);
  move(150, 0, 1.5);
  hold(0, 1);
  for (int i = 0; i < 6; ++i) {
    b.rep(60, 2);
    b.rest(0.5);
  }
  for (int i = 0; i < static_cast<int>(2 * kFps); ++i) b.push(8 * std::sin(i * 0.9));  // fidget
  move(0, 45, 1);
  move(45, 15, 0.7);
  move(15, 150, 1.5);
  hold(150, 1);
  move(150, 100, 1);
  hold(100, 1);
  const RepDetection d = detect_reps(b.x, b.t, {.increases = true, .min_rom = 20});
  EXPECT_EQ(complete(d), 6u);
  ASSERT_GE(d.reps.size(), 8u);
  for (const Repetition* r : {&d.reps.front(), &d.reps.back()}) {
    EXPECT_FALSE(r->complete);
    EXPECT_NE(r->partial_reason.find("setting up or leaving"), std::string::npos)
        << r->partial_reason;
  }
}

TEST(DetectReps, BelowMinimumRangeIsNothing) {
  Builder b;
  b.rest(1);
  for (int i = 0; i < 5; ++i) {
    b.rep(12, 2);
    b.rest(1);
  }
  const RepDetection d = detect_reps(b.x, b.t, {.increases = true, .min_rom = 30});
  EXPECT_EQ(complete(d), 0u);
}

TEST(DetectReps, FlatEmptyAndAllNanSignals) {
  const std::vector<double> t{0, 1, 2, 3};
  EXPECT_TRUE(detect_reps(std::vector<double>{1, 1, 1, 1}, t, {}).reps.empty());
  EXPECT_TRUE(detect_reps(std::vector<double>{}, std::vector<double>{}, {}).reps.empty());
  EXPECT_TRUE(detect_reps(std::vector<double>(4, NAN), t, {}).reps.empty());
}

TEST(Periodicity, FindsThePeriodOfARepeatedMovement) {
  Builder b;
  for (int i = 0; i < 10; ++i) {
    b.rep(50, 2.0);
    b.rest(1.0);
  }
  const Periodicity p = periodicity(b.x, b.t);
  EXPECT_NEAR(p.period_s, 3.0, 0.11);
  EXPECT_GT(p.strength, 0.9);
  std::mt19937 rng(1);
  std::normal_distribution<double> noise(0, 1);
  std::vector<double> white(b.x.size());
  for (double& v : white) v = noise(rng);
  EXPECT_LT(periodicity(white, b.t).strength, 0.3);
}

TEST(Periodicity, IsTheCycleNotTwoOfThemWhenEverySecondRepLooksDifferent) {
  // Every second repetition shallower (alternating legs of different strength, or a limb
  // tracked worse every other time): two reps correlate best with the two after them, but
  // the period is one rep and a half-strength peak there says so.
  Builder b;
  b.rest(1.0);
  for (int i = 0; i < 8; ++i) {
    b.rep(i % 2 == 0 ? 60 : 35, 2.0);
    b.rest(1.0);
  }
  const Periodicity p = periodicity(b.x, b.t);
  EXPECT_NEAR(p.period_s, 3.0, 0.11);
  EXPECT_GT(p.strength, 0.9);
}

TEST(TypicalSwing, IsTheSizeOfTheRepsNotOfTheOddOne) {
  Builder b;
  b.rest(1);
  for (int i = 0; i < 6; ++i) {
    b.rep(50, 2);
    b.rest(0.5);
  }
  b.rep(150, 3);
  EXPECT_NEAR(typical_swing(b.x), 50, 2);
}

}  // namespace
}  // namespace openpt::motion
