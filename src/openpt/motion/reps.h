// Repetition segmentation: from one driving signal (e.g. knee flexion) to repetitions with
// start, turning point and end.
//
// Method (docs/assessment.md): the signal is oriented so the outward movement rises. A
// zig-zag pass with a small threshold finds the movement's swings and their typical size A
// (the median of the large swings), which makes every later threshold relative to the
// person's own movement, not to a timer or an absolute angle. A second zig-zag pass with
// hysteresis 0.25·A finds turning points; valleys that do not go back at least half way
// between two peaks are wobbles inside one repetition and are merged, so a bounce at the
// bottom never counts twice. Each remaining peak between two valleys is a repetition;
// its start and end are where the signal leaves and regains the rest band (5 % of its
// range) next to the peak, so pauses are not part of a rep. A repetition that reaches less
// than 60 % of A, does not come back, or was not in view (samples missing) for more than half
// its span, is partial: reported, not counted. So is, before the first or after the last
// ordinary repetition, a movement reaching more than 2·A beyond the level the nearby
// repetitions start from (setting up, leaving: jumping onto a bar, standing up after
// push-ups). Baseline drift does not matter (everything is measured from the neighbouring
// valleys or nearby repetitions); NaN samples (missing frames, person out of view) are
// skipped.
//
//   RepDetection d = detect_reps(knee, t_s, {.increases = true, .min_rom = 30});
//   for (const Repetition& r : d.reps) if (r.complete) ...
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace openpt::motion {

struct RepDetectionOptions {
  bool increases = true;          // the outward movement raises the signal
  double min_rom = 0;             // excursions smaller than this (signal units) are never reps
  double partial_fraction = 0.6;  // reps reaching less than this share of A are partial
  // The movement's period when known (periodicity()): turning points are then found on a
  // copy low-passed at 2.5 / period Hz, which removes jitter faster than the movement
  // itself; values and times are still read from `signal`. 0 = no extra smoothing.
  double period_s = 0;
  // Without a period: when the signal low-passed at this frequency (Hz; 0 = never) swings
  // typically more than 1.5 times as far as the signal itself, the signal's typical swing is
  // jitter outnumbering the movement (landmark noise, quick steps of walking in and out),
  // and turning points are found on the low-passed copy. kFastestRepetitionHz suits it.
  double jitter_cutoff_hz = 0;
};

// Repetitions last half a second or more: faster movement is jitter.
inline constexpr double kFastestRepetitionHz = 2;

struct Repetition {
  std::size_t start_frame = 0, turn_frame = 0, end_frame = 0;
  double start_s = 0, turn_s = 0, end_s = 0;
  double start_value = 0, turn_value = 0, end_value = 0;  // signal units, not oriented
  double rom = 0;                                         // |turn − start|
  double return_rom = 0;                                  // |turn − end|
  double peak_speed = 0;  // largest |d signal / dt| between start and end (units/s)
  bool complete = true;
  std::string partial_reason;  // why not complete: "reached 35 % of the typical range", ...
};

struct RepDetection {
  std::vector<Repetition> reps;  // complete and partial, in time order
  double typical_rom = 0;        // A: the size of a typical repetition (signal units)
  double hysteresis = 0;         // the turning-point threshold used
  [[nodiscard]] std::size_t complete_count() const;
};

// `signal` and `t_s` have the same length; t_s strictly increasing.
RepDetection detect_reps(std::span<const double> signal, std::span<const double> t_s,
                         const RepDetectionOptions& options);

// How strongly and at what period a signal repeats: the highest normalised autocorrelation
// after the first zero crossing, for lags 0.4–10 s (signal resampled to 10 Hz, gaps
// bridged). `strength` in [−1, 1]; 0 with period 0 when nothing repeats.
struct Periodicity {
  double strength = 0;
  double period_s = 0;
};
Periodicity periodicity(std::span<const double> signal, std::span<const double> t_s);

// The same on a signal already sampled uniformly at `rate_hz` (resample_uniform).
inline constexpr double kPeriodicityRateHz = 10.0;
Periodicity periodicity_of_uniform(std::vector<double> uniform, double rate_hz);

// `signal` at `rate_hz` from t_s.front() on, linearly interpolated across missing samples
// (ends held); empty when it has no finite sample.
std::vector<double> resample_uniform(std::span<const double> signal, std::span<const double> t_s,
                                     double rate_hz);

// Typical swing size A of a signal (as in detect_reps), 0 when it does not move.
double typical_swing(std::span<const double> signal);

}  // namespace openpt::motion
