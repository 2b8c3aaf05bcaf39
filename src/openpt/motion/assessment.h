// Form assessment: repetitions, form findings and a movement-quality score for one
// recording of one exercise.
//
// `assess` takes the kinematics (computed with keep_tracks) and an exercise definition:
// it builds the driving signal, segments repetitions (reps.h), leaves out those not in the
// exercise's position (exercise_position.h), evaluates every form rule per counted
// repetition and side, classifies each rep (correct / mild / significant
// compensation), gathers session findings with the reps they occurred in, clinician text
// and patient cue, and scores the session 0–100 with the reasons that lowered it. Rules
// that cannot be judged from this recording (a frontal-plane rule in a 2D side view, a
// joint the skeleton lacks) are listed as skipped, with the reason. `assess_auto` counts
// and times the dominant repeated movement when no exercise is given (no form rules).
// Semantics and formulas: docs/exercises.md and docs/assessment.md.
//
//   auto a = assess(kinematics, *library.find("deep_squat"));
//   for (const Finding& f : a->findings) fmt::print("{}\n", f.text);
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/motion/exercise.h"
#include "openpt/motion/kinematics.h"
#include "openpt/motion/reps.h"

namespace openpt::motion {

struct RepFinding {
  std::string code;
  Side side = Side::kNone;
  Severity severity = Severity::kOk;
  double value = NAN;
};

struct RepResult {
  int number = 0;  // 1-based among counted reps; 0 for partial ones and those out of position
  Repetition timing;
  // Why this movement (complete or not) was not the exercise (exercise_position.h): not
  // counted, and not a partial repetition either. Empty when it was done in the exercise's
  // position.
  std::string outside_position;
  double rom_deg = NAN;  // range of the driving signal (its unit; degrees for angles)
  double outward_s = 0, return_s = 0;
  double eccentric_s = NAN, concentric_s = NAN;  // NaN when the exercise is not known
  double peak_velocity_deg_s = 0;
  Severity classification = Severity::kOk;  // ok = correct
  double score = 100;
  std::vector<RepFinding> findings;  // non-ok rule results of this rep
};

struct Finding {
  std::string code, title;
  Severity severity = Severity::kOk;
  Side side = Side::kNone;
  double value = NAN;      // median over the reps it occurred in (all reps when ok)
  double threshold = NAN;  // the threshold the severity refers to (mild when ok)
  std::string unit;
  std::vector<int> reps;  // rep numbers it occurred in (empty when ok)
  std::string text;       // clinician text, with the reps
  std::string cue;        // patient cue (empty when ok)
};

struct ScoreReason {
  std::string code;
  Side side = Side::kNone;
  double points = 0;  // deducted from 100
  std::string text;
};

struct SkippedRule {
  std::string code;
  std::string reason;
};

struct Assessment {
  std::string exercise_id;  // "auto" when detected automatically
  std::string exercise_name;
  bool automatic = false;
  std::string signal;              // driving signal description
  std::string signal_measure;      // its measure, e.g. "knee_flexion"
  Side signal_side = Side::kNone;  // the one side it follows, kNone for both or side-less
  std::string signal_unit;
  double typical_rom = 0;
  int rep_count = 0;              // counted reps: complete and in the exercise's position
  std::vector<RepResult> reps;    // counted, partial and out of position, in time order
  std::vector<Finding> findings;  // worst first; ok findings last
  std::vector<SkippedRule> skipped;
  std::optional<double> score;  // none without rules (auto) or without reps
  std::vector<ScoreReason> score_reasons;
  std::vector<std::string> notes;  // signal choice, view caveats
};

Result<Assessment> assess(const Kinematics& kinematics, const ExerciseDefinition& exercise);
Result<Assessment> assess_auto(const Kinematics& kinematics);

// Repetitions not counted: partial ones (in the exercise's position), and movements outside
// the position (complete or not).
bool is_partial(const RepResult& rep);
int partial_count(const Assessment& a);
int outside_position_count(const Assessment& a);

// Why a repetition was not counted: out of position, or partial (its reason); empty when it
// was counted.
const std::string& not_counted_reason(const RepResult& rep);

// "rep 3", "reps 3–7", "reps 1, 3–5 and 8".
std::string format_rep_list(const std::vector<int>& reps);

}  // namespace openpt::motion
