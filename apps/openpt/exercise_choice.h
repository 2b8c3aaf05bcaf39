// Which exercise a command assesses: `--exercise NAME|auto|FILE.toml` and
// `--exercise-dir DIR`, resolved against the exercise library (exercise.h). Shared by the
// commands that assess movement.
//
//   auto choice = resolve_exercise("deep_squat", "");   // Result<ExerciseChoice>
//   if (choice->automatic) ... else use *choice->definition
#pragma once

#include <optional>
#include <string>

#include "openpt/core/error.h"
#include "openpt/motion/exercise.h"

namespace openpt::cli {

struct ExerciseChoice {
  bool automatic = true;  // "auto": detect the repeated movement, no form rules
  std::optional<motion::ExerciseDefinition> definition;
};

// `name`: "auto", an id or alias from the library, or a path ending in .toml.
// `library_dir`: empty = motion::default_exercise_dir().
Result<ExerciseChoice> resolve_exercise(const std::string& name, const std::string& library_dir);

}  // namespace openpt::cli
