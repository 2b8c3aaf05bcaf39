// Driving signal: the one per-frame signal whose repetitions are counted.
//
// For a named exercise it is the definition's movement signal (or the first measurable
// alternative), with the two sides combined as the definition says (mean, max, either,
// left, right); when the recording clearly starts at the definition's turning point
// (a sit-to-stand filmed from standing), the repetitions are taken the other way round,
// unless the subject rests at the definition's start between repetitions; when it counts no
// repetition while others of the definition's signals do, those vote for the count. For
// `--exercise auto` every joint angle in the image plane, the wrists' height, the pelvis's
// height and the hips' abduction are candidates (each side and the mean of both); the one
// whose complete repetitions are most periodic (autocorrelation, reps.h, less its
// uncertainty over the cycles the recording holds) and fill most of the recording carries
// the movement, near-ties going to the larger swing; a signal whose every repetition holds
// two or three of the winner's cycles (the trunk leaning twice per sit-to-stand) is the
// body's cycle and counted instead; when the two sides take turns (alternating curls) their
// mean is counted, each repetition one side's turn.
// Its direction (which extreme is the start position) is where the recording begins, else
// where the subject dwells longer.
//
//   MeasureSet measures(kinematics);
//   auto s = driving_signal(measures, exercise.movement);
//   auto a = auto_driving_signal(measures);
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/motion/exercise.h"
#include "openpt/motion/measures.h"
#include "openpt/motion/reps.h"

namespace openpt::motion {

struct DrivingSignal {
  std::string measure;  // "knee_flexion"
  SideCombination sides = SideCombination::kNone;
  Side chosen_side = Side::kNone;  // for kEither: the side that moved more
  std::vector<double> values;      // combined, per frame
  // The measure's left and right series (empty when side-less or not measurable), for
  // per-side range and timing.
  std::vector<double> left, right;
  bool increases = true;
  double min_range = 0;  // smaller excursions are never reps (the signal's unit)
  // Its period when it clearly repeats (autocorrelation >= kClearlyPeriodic, and above the
  // ~1/sqrt(cycles) a recording of that few cycles reaches by chance), else 0: counting
  // smooths with it (RepDetectionOptions::period_s).
  double period_s = 0;
  // The recording starts at the definition's turning point (e.g. standing, for a
  // sit-to-stand): repetitions run the other way, and outward/return swap meaning.
  bool reversed = false;
  // Its left and right take turns (alternating curls) and `values` is their mean: a
  // repetition is one side's turn, and a movement both sides make at once only part way is
  // partial (detect_signal_reps).
  bool sides_take_turns = false;
  std::vector<std::string> notes;  // e.g. "knee_flexion not measurable (...); using hip_flexion"
  // Its repetitions as detect_signal_reps(kFastestRepetitionHz) finds them, when the choice
  // already counted them (a named exercise's signal), so they are not counted twice.
  std::optional<RepDetection> detection;

  // "knee_flexion (mean of both sides)", "left hip_abduction".
  [[nodiscard]] std::string description() const;
};

// Errors (kBadInput) when none of the movement's signals is measurable, listing why. When the
// chosen signal counts no complete repetition while others of the movement's signals count
// two or more, those vote for the count (as auto mode's signals do when none repeats
// clearly) and the largest movement with the count they agree on is used, with a note.
Result<DrivingSignal> driving_signal(MeasureSet& measures, const MovementDefinition& movement);

// The signal's repetitions (reps.h) as the assessment counts them: smoothed at its period
// when the recording proves one, else low-passed at `jitter_cutoff_hz` when jitter
// outnumbers the movement (0: never; a named exercise's signal uses kFastestRepetitionHz).
// For sides that take turns (sides_take_turns), a repetition whose further side moves less
// than the partial share of what it typically moves in a turn is partial ("not one side's
// turn": both sides moving a little at once, as in setting up).
RepDetection detect_signal_reps(const DrivingSignal& s, std::span<const double> t_s,
                                double jitter_cutoff_hz);

// Autocorrelation (reps.h periodicity) from which a signal counts as clearly repeating.
inline constexpr double kClearlyPeriodic = 0.3;

// Candidates must move: a joint angle by 15°, a wrist's height by 15 % of the trunk's length,
// the pelvis's height by 10 % of the leg's. Errors (kBadInput) when none moves or repeats.
Result<DrivingSignal> auto_driving_signal(MeasureSet& measures);

}  // namespace openpt::motion
