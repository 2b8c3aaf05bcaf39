// The `openpt` command's subcommands. Each lives in its own cmd_<name>.cpp and registers
// itself on the top-level CLI11 app; its callback returns the process exit code
// (0 success, 2 bad input, 1 internal error) through `CommandContext`.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace openpt::cli {

struct CommandContext {
  std::function<int()> run;  // set by the chosen subcommand
};

void register_analyze(CLI::App& app, CommandContext& context);
void register_simulate(CLI::App& app, CommandContext& context);
void register_exercises(CLI::App& app, CommandContext& context);
void register_pose(CLI::App& app, CommandContext& context);
void register_assess(CLI::App& app, CommandContext& context);
void register_validate(CLI::App& app, CommandContext& context);
void register_gait(CLI::App& app, CommandContext& context);
void register_gait_trend(CLI::App& app, CommandContext& context);

}  // namespace openpt::cli
