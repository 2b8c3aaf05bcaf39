// Building blocks of the driving-signal choice (driving_signal.h) that the named and the
// automatic path share: each measure's continuous series per side, the sides combined
// (mean, max, either, one side) with the tests for mirrored sides and sides that take
// turns, whether a periodicity is proven, where a recording starts and where it rests, and
// whether a signal moves at all or only jitters. Internal to the motion module.
//
//   ContinuousSeries series(measures);
//   auto s = build(series, "knee_flexion", SideCombination::kMean, true);
//   double p = counting_period(periodicity(s->values, t_s), duration_of(t_s));
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/motion/driving_signal.h"
#include "openpt/motion/measures.h"
#include "openpt/motion/reps.h"

namespace openpt::motion::driving {

// Pearson correlation over the frames where both are finite; NaN with < 10 such frames.
double correlation(const std::vector<double>& a, const std::vector<double>& b);

// The continuous series of each measure and side, computed once however many side
// combinations and candidates use it. Angles are unwrapped so a joint passing the end of its
// reporting range stays continuous; in 2D, a flexion angle that flexes and "hyperextends"
// far beyond what the joint can (more than 5 % of the frames past the limit) has an
// unreliable sign, and its size is used.
class ContinuousSeries {
 public:
  explicit ContinuousSeries(MeasureSet& measures) : measures_(measures) {}
  [[nodiscard]] bool is_3d() const { return measures_.kinematics().is_3d; }
  [[nodiscard]] double sample_rate_hz() const { return measures_.kinematics().sample_rate_hz; }
  Result<const std::vector<double>*> get(const std::string& measure, Side side);

 private:
  MeasureSet& measures_;
  std::map<std::pair<std::string, Side>, Result<std::vector<double>>> cache_;
};

// Whether two sides move at the same time: their speeds (the change over ~0.15 s, so at
// least a frame) correlate clearly, by 0.3 or more. Sides taking turns (alternating arm
// curls) do not.
bool move_together(const std::vector<double>& left, const std::vector<double>& right,
                   double rate_hz);

// Two sides that move in opposite directions (correlation below -0.3): at the same time, a
// mirror image (the sides' signs differ), or one after the other, taking turns.
bool mirrored(const std::vector<double>& left, const std::vector<double>& right, double rate_hz);
bool take_turns(const std::vector<double>& left, const std::vector<double>& right, double rate_hz);

// The signal of `measure` with its sides combined; kMax takes the larger *oriented* value
// (the side further out). Errors (kBadInput) when it is not measurable, or when the sides of
// a mean are a mirror image that would cancel (a 2D flexion angle's mirrored stretches are
// averaged by size instead).
Result<DrivingSignal> build(ContinuousSeries& series, const std::string& measure,
                            SideCombination sides, bool increases);

// Where the recording starts: -1 clearly at the low end of the signal, +1 clearly at the
// high end (first valid samples within 30 % of the range of it), 0 in between.
int starting_end(const std::vector<double>& x);

// Where the subject rests between repetitions: -1 at the low end of the signal, +1 at the
// high end, 0 when it does not show. Only the recording's interior counts (from the first
// pass through the middle of the range to the last), where the signal visits each end at
// least twice: time spent walking in or sitting before the set says nothing. An end is the
// rest when the signal stays near it (within 20 % of the range) at least twice as long as
// near the other.
inline constexpr double kEndZone = 0.2, kClearlyLonger = 2;
int resting_end_between_reps(const std::vector<double>& x);

// Whether the subject rests (and starts) at the low end of the signal: where the subject
// rests between repetitions, else where the recording starts, else where the subject
// dwells longer.
bool rests_low(const std::vector<double>& x);

// Autocorrelation less its sampling uncertainty (~1/sqrt of the cycles the recording holds).
double periodicity_evidence(const Periodicity& p, double duration_s);

// The period counting smooths with: only one the recording proves (clearly periodic, and
// more so than the few cycles it holds could be by chance). A long "period" fitted to a
// handful of stretches of a broken recording would low-pass its repetitions away.
double counting_period(const Periodicity& p, double duration_s);

double duration_of(const std::vector<double>& t);

// Whether a signal moves by `min_range`: its typical swing once low-passed at 2 Hz.
// Repetitions last half a second or more; faster jitter is landmark noise, and in a 2D
// image with a few pixels of it every angle swings by 15° at times, so often that the noise
// is the typical swing and the one joint that moves slowly and far no longer stands out.
bool moves(const std::vector<double>& values, double sample_rate_hz, double min_range);

// The weighted median of (value, weight) pairs (not empty): the smallest value at which the
// weights of the values up to it reach half the total. Signals vote with it for a count.
std::size_t weighted_median(std::vector<std::pair<std::size_t, double>> votes);

// Whether the complete repetitions of a signal whose period the recording does not prove
// are jitter, not movement: most of them (the median) last less than the fastest
// repetition, half a second (kFastestRepetitionHz). Landmark noise swinging an angle the
// body does not move (a front view's knee read as a side view's) makes such "repetitions",
// as many as its wiggles; quick repetitions of a movement (jumping jacks) prove their
// period. False without repetitions.
bool jitter_reps(const std::vector<Repetition>& complete_reps);

// The same for a signal (its period_s, min_range and direction set): its complete
// repetitions counted as a named exercise's are without a period (low-passed at
// kFastestRepetitionHz when jitter outnumbers the movement, reps.h); false when its period
// is proven.
bool counts_jitter(const DrivingSignal& s, const std::vector<double>& t);

}  // namespace openpt::motion::driving
