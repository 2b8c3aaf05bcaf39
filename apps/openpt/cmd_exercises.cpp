// openpt exercises: lists the exercise library, or checks exercise files a therapist
// wrote (docs/exercises.md) and reports the first problem in each.
//
//   openpt exercises
//   openpt exercises --check my_squat.toml
#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "cli_output.h"
#include "commands.h"
#include "openpt/motion/exercise.h"

namespace openpt::cli {

namespace {

struct ExercisesArgs {
  std::string dir;
  std::vector<std::string> check;
};

std::string list_library(const motion::ExerciseLibrary& library) {
  std::string out = fmt::format("{} exercises in {}\n\n", library.exercises().size(),
                                library.directory().string());
  out += fmt::format("{:<28}{:<16}{:<26}{}\n", "id", "category", "driving signal", "rules");
  for (const auto& e : library.exercises()) {
    std::vector<std::string> codes;
    for (const auto& r : e.rules) codes.push_back(r.code);
    out += fmt::format("{:<28}{:<16}{:<26}{}\n", e.id, e.category, e.movement.signals.front(),
                       fmt::join(codes, ", "));
  }
  return out;
}

int run_exercises(const ExercisesArgs& args) {
  if (!args.check.empty()) {
    int failures = 0;
    for (const auto& file : args.check) {
      auto e = motion::load_exercise_file(file);
      if (e) {
        fmt::print("{}: ok ({}, {} rules)\n", file, e->name, e->rules.size());
      } else {
        ++failures;
        report_error(e.error());
      }
    }
    return failures == 0 ? 0 : 2;
  }
  const std::filesystem::path dir =
      args.dir.empty() ? motion::default_exercise_dir() : std::filesystem::path(args.dir);
  auto library = motion::ExerciseLibrary::load(dir);
  if (!library) return report_error(library.error());
  if (auto written = write_output("-", list_library(*library)); !written) {
    return report_error(written.error());
  }
  return 0;
}

}  // namespace

void register_exercises(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<ExercisesArgs>();
  CLI::App* cmd = app.add_subcommand(
      "exercises", "List the exercise library, or check exercise definition files");
  cmd->add_option("--exercise-dir", args->dir,
                  "library folder (default: OPENPT_EXERCISE_DIR, else the installed or source "
                  "data/exercises)")
      ->type_name("DIR");
  cmd->add_option("--check", args->check, "validate these .toml files instead of listing")
      ->type_name("FILE...");
  cmd->footer(
      "The file format is described in docs/exercises.md. Exit status: 0 all valid, 2 a file "
      "or the library is invalid.");
  cmd->callback([args, &context] { context.run = [args] { return run_exercises(*args); }; });
}

}  // namespace openpt::cli
