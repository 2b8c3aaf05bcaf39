// openpt simulate: writes a synthetic pose recording (openpt.pose/1 JSON) of an exercise
// performed by a kinematic body model, with known joint angles, for testing and demos.
//
//   openpt simulate squat --reps 5 -o squat.json
//   openpt simulate shoulder_abduction --view front --noise-px 2 --seed 7 > abd.json
//   openpt simulate sit_to_stand -o sts.json --truth sts_truth.csv
#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <sstream>
#include <string>

#include "cli_output.h"
#include "commands.h"
#include "openpt/core/progress.h"
#include "openpt/motion/pose_io.h"
#include "openpt/motion/simulate.h"

namespace openpt::cli {

namespace {

using namespace openpt::motion;

struct SimulateArgs {
  std::string exercise;
  int reps = SimulationOptions{}.reps;
  double fps = SimulationOptions{}.fps;
  std::uint64_t seed = SimulationOptions{}.seed;
  std::string view = "auto";
  double noise_px = SimulationOptions{}.image_noise_px;
  double world_noise_m = SimulationOptions{}.world_noise_m;
  double stature_m = SimulationOptions{}.stature_m;
  double rep_duration_s = 0;
  double pause_s = SimulationOptions{}.pause_s;
  std::string output;
  std::string truth;
};

Result<void> check(bool ok, std::string_view flag, std::string message, std::string hint) {
  if (ok) return {};
  return bad_input(std::move(message), std::string(flag), std::move(hint));
}

Result<SimulationOptions> make_options(const SimulateArgs& a) {
  SimulationOptions o;
  const std::array<Result<void>, 8> checks = {
      check(a.reps >= 1 && a.reps <= 1000, "--reps",
            fmt::format("repetitions must be from 1 to 1000, got {}", a.reps), "e.g. --reps 5"),
      check(a.fps >= 1 && a.fps <= 1000, "--fps",
            fmt::format("frame rate must be from 1 to 1000, got {}", a.fps), "e.g. --fps 30"),
      check(a.noise_px >= 0 && a.noise_px <= 100, "--noise-px",
            fmt::format("image noise must be from 0 to 100 pixels, got {}", a.noise_px),
            "e.g. --noise-px 1 (0 = exact landmarks)"),
      check(a.world_noise_m >= 0 && a.world_noise_m <= 0.5, "--world-noise-m",
            fmt::format("world noise must be from 0 to 0.5 m, got {}", a.world_noise_m),
            "e.g. --world-noise-m 0.004"),
      check(a.stature_m >= 0.5 && a.stature_m <= 2.5, "--stature-m",
            fmt::format("stature must be from 0.5 to 2.5 m, got {}", a.stature_m),
            "e.g. --stature-m 1.72"),
      check(a.rep_duration_s == 0 || (a.rep_duration_s >= 0.5 && a.rep_duration_s <= 120),
            "--rep-duration-s",
            fmt::format("rep duration must be 0 (the exercise's tempo) or 0.5 to 120 s, got {}",
                        a.rep_duration_s),
            "e.g. --rep-duration-s 3"),
      check(a.pause_s >= 0 && a.pause_s <= 60, "--pause-s",
            fmt::format("pause must be from 0 to 60 s, got {}", a.pause_s), "e.g. --pause-s 1"),
      check(a.truth.empty() || a.truth != a.output, "--truth",
            "the truth file and the recording cannot be the same file",
            "give --truth and -o different paths"),
  };
  for (const auto& c : checks) {
    if (!c) return tl::unexpected(c.error());
  }
  auto view = parse_camera_view(a.view);
  if (!view) return tl::unexpected(view.error().within("--view"));
  o.reps = a.reps;
  o.fps = a.fps;
  o.seed = a.seed;
  o.view = *view;
  o.image_noise_px = a.noise_px;
  o.world_noise_m = a.world_noise_m;
  o.stature_m = a.stature_m;
  o.rep_duration_s = a.rep_duration_s;
  o.pause_s = a.pause_s;
  return o;
}

// Per-frame ground truth as CSV: t_s, rep (1-based, 0 in pauses), then every angle.
std::string truth_csv(const Simulation& sim) {
  std::ostringstream out;
  out << "t_s,rep";
  for (const auto& [name, series] : sim.truth_deg) out << ',' << name;
  out << '\n';
  for (std::size_t i = 0; i < sim.pose.frame_count(); ++i) {
    const double t = sim.pose.t_s[i];
    int rep = 0;
    for (std::size_t r = 0; r < sim.rep_start_s.size(); ++r) {
      if (t >= sim.rep_start_s[r] && t <= sim.rep_end_s[r]) rep = static_cast<int>(r) + 1;
    }
    out << fmt::format("{:.6g},{}", t, rep);
    for (const auto& [name, series] : sim.truth_deg) {
      out << ',';
      if (std::isfinite(series[i])) out << fmt::format("{:.4f}", series[i]);
    }
    out << '\n';
  }
  return out.str();
}

// A file gets the format of its extension (.json openpt.pose/1, .npy, .csv); standard
// output gets openpt.pose/1 JSON.
Result<void> write_recording(const PoseSequence& seq, const std::string& output) {
  if (!output.empty() && output != "-") return write_pose_file(seq, output, PoseFormat::kAuto);
  auto json = encode_pose(seq, PoseFormat::kOpenptJson);
  if (!json) return tl::unexpected(json.error());
  return write_output("-", *json);
}

int run_simulate(const SimulateArgs& args) {
  auto options = make_options(args);
  if (!options) return report_error(options.error());
  auto sim = simulate(args.exercise, *options);
  if (!sim) return report_error(sim.error());
  if (cancel_requested())
    return report_error(cancelled("interrupted: nothing was written").value());
  if (!args.truth.empty()) {
    if (auto ok = write_output(args.truth, truth_csv(*sim)); !ok) return report_error(ok.error());
  }
  if (auto ok = write_recording(sim->pose, args.output); !ok) return report_error(ok.error());
  return 0;
}

std::string exercise_list() {
  std::string out;
  for (auto name : simulated_exercises()) {
    out += fmt::format("  {:<20}{}\n", name, simulated_exercise_description(name));
  }
  return out;
}

}  // namespace

void register_simulate(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<SimulateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "simulate",
      "Write a synthetic pose recording of an exercise with known joint angles (openpt.pose/1)");
  cmd->add_option("exercise", args->exercise, "exercise to perform (see below)")
      ->required()
      ->type_name("EXERCISE");
  cmd->add_option("--reps", args->reps, "repetitions, 1..1000")
      ->type_name("N")
      ->capture_default_str();
  cmd->add_option("--fps", args->fps, "frames per second, 1..1000")
      ->type_name("F")
      ->capture_default_str();
  cmd->add_option("--seed", args->seed, "random seed of the sensor noise (same seed, same file)")
      ->type_name("S")
      ->capture_default_str();
  cmd->add_option("--view", args->view,
                  "camera view: front (subject faces the camera), side (subject faces image "
                  "right), back, or auto (the exercise's usual view)")
      ->type_name("front|side|back|auto")
      ->capture_default_str();
  cmd->add_option("--noise-px", args->noise_px,
                  "standard deviation of image landmark noise in pixels; 0 = exact")
      ->type_name("P")
      ->capture_default_str();
  cmd->add_option("--world-noise-m", args->world_noise_m,
                  "standard deviation of world landmark noise in metres; 0 = exact")
      ->type_name("M")
      ->capture_default_str();
  cmd->add_option("--stature-m", args->stature_m, "body height in metres, 0.5..2.5")
      ->type_name("H")
      ->capture_default_str();
  cmd->add_option("--rep-duration-s", args->rep_duration_s,
                  "seconds per repetition; 0 = the exercise's usual tempo")
      ->type_name("S")
      ->capture_default_str();
  cmd->add_option("--pause-s", args->pause_s,
                  "still seconds before the first, between and after the last repetition")
      ->type_name("S")
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output,
                  "write the recording to OUT (atomically); '-' or none: standard output")
      ->type_name("OUT");
  cmd->add_option("--truth", args->truth,
                  "also write the ground-truth angles per frame as CSV (t_s, rep, one column "
                  "per angle of docs/kinematics.md; empty = not defined there)")
      ->type_name("CSV");
  cmd->footer(
      "Exercises:\n" + exercise_list() +
      "\nModel: rigid segments with lengths from stature (Winter 2009: thigh 0.245 H, shank "
      "0.246 H,\nupper arm 0.186 H, forearm 0.146 H, trunk 0.288 H, hips 0.191 H, shoulders "
      "0.259 H).\nJoint angles follow minimum-jerk profiles (rep = out and back) with pauses; "
      "feet stay\nplanted. World landmarks in metres (BlazePose axes, origin at the standing "
      "mid-hip);\nimage landmarks from a pinhole camera 3 m away at hip-to-chest height "
      "(1280x720),\nnormalised; Gaussian noise from the seed. The driven angles are exact "
      "under the\ndefinitions of docs/kinematics.md. See docs/simulator.md.");
  cmd->callback([args, &context] { context.run = [args] { return run_simulate(*args); }; });
}

}  // namespace openpt::cli
