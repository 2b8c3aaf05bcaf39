// Exercise definitions: what an exercise is, as data a therapist can edit.
//
// Each exercise lives in one TOML file under data/exercises/ (format: docs/exercises.md):
// the measure that drives the movement (e.g. knee flexion) and how it moves, the expected
// range of motion and tempo, the camera views it can be assessed from, and its form rules
// — a measure, the phase of the repetition it is checked in, a statistic, mild and
// significant thresholds, and the finding text and patient cue. `parse_exercise` checks
// everything and names the file, key and problem on error; `ExerciseLibrary` loads a
// directory of them.
//
//   auto library = ExerciseLibrary::load(default_exercise_dir());
//   const ExerciseDefinition* squat = library->find("deep_squat");
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/motion/pose_sequence.h"

namespace openpt::motion {

// How the two sides of a bilateral measure make one driving signal.
enum class SideCombination {
  kMean,    // mean of left and right (either one where the other is missing)
  kMax,     // larger of the two per frame: alternating single-leg or single-arm movements
  kEither,  // the side that moves more over the recording
  kLeft,
  kRight,
  kNone,  // the measure has no side (trunk, pelvis)
};

enum class RepPhase {
  kOutward,  // from the start position to the turning point
  kReturn,   // from the turning point back to the start position
  kTurn,     // the turning point itself (frames within 10 % of the rep's range of it)
  kEarly,    // the first half of the outward phase by range (start until half the range)
  kRep,      // the whole repetition
};

enum class RuleStatistic {
  kMax,
  kMin,
  kMean,
  kMaxAbs,         // largest magnitude (either sign)
  kMeanAbs,        // mean magnitude (either sign)
  kRange,          // max − min within the phase
  kFractionAbove,  // share of the phase's frames with the measure above `level`, in %
  kFractionBelow,
  kValue,  // for per-repetition measures (rom, duration_s, ...): the value itself
};

// kWorking: the side the driving signal chose (the moving arm or leg of a one-sided set),
// or both sides when the signal combines them.
enum class RuleSides { kNone, kEach, kLeft, kRight, kWorking };

enum class Severity { kOk, kMild, kSignificant };

std::string_view severity_name(Severity s);  // "ok", "mild", "significant"

struct FormRule {
  std::string code;   // snake_case, unique within the exercise: "knee_valgus"
  std::string title;  // short label: "Knee valgus"
  std::string measure;
  RuleSides sides = RuleSides::kNone;
  RepPhase phase = RepPhase::kRep;
  RuleStatistic statistic = RuleStatistic::kMax;
  bool relative = false;  // subtract the measure's value at the start of the repetition
  double level = 0;       // for fraction_above / fraction_below
  double mild = 0, significant = 0;
  bool worse_above = true;        // true: larger values are worse
  double weight = 1.0;            // share of the movement-quality score this rule can take
  std::vector<CameraView> views;  // 2D views the rule can be judged from; empty = any
  std::string finding;  // template: {Side} {side} {value} {threshold} {level} {unit} {phase}
  std::string cue;      // patient cue template, same placeholders
};

// One measure that can drive the repetitions: the primary signal or an alternative.
struct MovementSignal {
  std::string measure;
  bool increases = true;  // rises from the start position to the turning point
  double min_range = 0;   // in the measure's unit: smaller excursions are never reps
};

// The position an exercise is done in, as a limit on one measure (mean of the sides for a
// bilateral one): a push-up has the hands on the floor, below the shoulders. A repetition
// whose frames mostly (by the median) lie on the wrong side of the limit was not the
// exercise (standing up between sets, a different shot) and is reported, not counted.
struct PositionCheck {
  std::string measure;  // a per-frame measure: "wrist_height"
  bool below = true;    // the measure stays below `limit` (false: above it)
  double limit = 0;     // in the measure's unit
  std::string text;     // the position in words: "the hands on the floor, below the shoulders"
};

struct MovementDefinition {
  std::vector<std::string> signals;        // driving measure and alternatives, in preference order
  std::vector<MovementSignal> candidates;  // the same, with direction and minimum range
  SideCombination sides = SideCombination::kMean;
  bool increases = true;          // the measure rises during the outward phase
  bool outward_eccentric = true;  // the outward phase lengthens the working muscles
  double target_rom_deg = 0;      // a complete repetition reaches this range of motion
  double min_rom_deg = 0;         // smaller excursions are never repetitions
  double min_duration_s = 0, max_duration_s = 0;  // expected duration of one repetition
  std::optional<PositionCheck> position;          // none: any position counts
};

struct ExerciseDefinition {
  std::string id;  // = the file name without .toml
  std::string name;
  std::string category;  // "rehabilitation" or "fitness"
  std::string description;
  std::vector<std::string> aliases;
  std::vector<CameraView> views;  // camera views it can be assessed from in 2D
  MovementDefinition movement;
  std::vector<FormRule> rules;
  std::string file;  // where it was loaded from (for messages)
};

// `file` names the source in error messages; its stem must equal `id`.
Result<ExerciseDefinition> parse_exercise(std::string_view toml_text, const std::string& file);
Result<ExerciseDefinition> load_exercise_file(const std::filesystem::path& path);

class ExerciseLibrary {
 public:
  // Every *.toml in `dir` (not recursive), sorted by id. Any broken file is an error;
  // duplicate ids or aliases are errors.
  static Result<ExerciseLibrary> load(const std::filesystem::path& dir);

  // By id or alias.
  [[nodiscard]] const ExerciseDefinition* find(std::string_view id_or_alias) const;
  [[nodiscard]] const std::vector<ExerciseDefinition>& exercises() const { return exercises_; }
  [[nodiscard]] const std::filesystem::path& directory() const { return dir_; }

 private:
  std::vector<ExerciseDefinition> exercises_;
  std::filesystem::path dir_;
};

// OPENPT_EXERCISE_DIR if set; else the installed data directory next to the executable
// (<prefix>/share/openpt/exercises) if it exists; else the source tree's data/exercises.
std::filesystem::path default_exercise_dir();

}  // namespace openpt::motion
