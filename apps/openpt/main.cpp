// openpt: the command-line entry point. Subcommands register themselves (commands.h);
// this file parses, dispatches and maps failures to exit codes: 0 success, 2 bad input
// (including bad flags), 1 internal error.
#include <exception>
#include <iostream>

#include "commands.h"
#include "openpt/core/progress.h"
#include "openpt/core/version.h"

int main(int argc, char** argv) {
  CLI::App app{
      "OpenPT: objective movement analysis for physical therapy.\n"
      "Reads pose recordings, measures joint angles and range of motion, and reports them."};
  app.name("openpt");
  app.set_version_flag("--version", std::string(openpt::kGenerator));
  app.require_subcommand(1);
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return "openpt: error: " + std::string(e.what()) + " (see 'openpt COMMAND --help')\n";
  });
  openpt::cli::CommandContext context;
  openpt::cli::register_pose(app, context);
  openpt::cli::register_analyze(app, context);
  openpt::cli::register_assess(app, context);
  openpt::cli::register_gait(app, context);
  openpt::cli::register_simulate(app, context);
  openpt::cli::register_exercises(app, context);
  openpt::cli::register_validate(app, context);
  openpt::cli::register_gait_trend(app, context);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  openpt::install_interrupt_handler();
  try {
    return context.run ? context.run() : 2;
  } catch (const std::exception& e) {
    std::cerr << "openpt: internal error: " << e.what() << "\n";
    return 1;
  }
}
