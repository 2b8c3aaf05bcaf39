// openpt simulate: writes a synthetic pose recording (openpt.pose/1 JSON) of an exercise
// performed by a kinematic body model, with known joint angles, for testing and demos.
// Compensations (valgus, trunk lean, pelvic drop, shoulder hike, sway, shallow or
// asymmetric depth, tempo) can be put on chosen reps, and the recording made as untidy as
// real ones (set-up, walking away, drift, partial and uneven reps, dropped frames,
// occlusion), with the ground truth written alongside.
//
//   openpt simulate squat --reps 5 -o squat.json
//   openpt simulate shoulder_abduction --view front --noise-px 2 --seed 7 > abd.json
//   openpt simulate sit_to_stand -o sts.json --truth sts_truth.csv
//   openpt simulate squat --reps 8 --left-valgus-deg 15 --compensate-reps 3-5 -o v.json
#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli_output.h"
#include "commands.h"
#include "openpt/core/progress.h"
#include "openpt/motion/per_frame_normalise.h"
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
  std::string side = "auto";
  double noise_px = SimulationOptions{}.image_noise_px;
  double world_noise_m = SimulationOptions{}.world_noise_m;
  double stature_m = SimulationOptions{}.stature_m;
  double rep_duration_s = 0;
  double pause_s = SimulationOptions{}.pause_s;
  // Compensations.
  double valgus_deg = 0;
  std::optional<double> left_valgus_deg, right_valgus_deg;
  double trunk_lean_deg = 0;
  double trunk_lateral_lean_deg = 0;
  double left_pelvic_drop_deg = 0, right_pelvic_drop_deg = 0;
  double depth = 1, right_depth = 1;
  double heel_lift_deg = 0;
  double outward_fraction = 0.5;
  double hold_s = 0;
  double shoulder_hike_cm = 0;
  std::optional<double> left_shoulder_hike_cm, right_shoulder_hike_cm;
  double sway_cm = 0;
  double sway_period_s = Compensations{}.sway_period_s;
  double right_delay_s = 0;
  std::string compensate_reps;
  // Realism.
  std::string rep_depths, rep_speeds;
  double setup_s = 0, walk_away_s = 0, drift_deg = 0, drop_frames = 0;
  std::vector<std::string> occlude;
  bool per_frame_normalised = false;
  // Output.
  std::string output;
  std::string truth;
  std::string truth_reps;
};

Result<void> check(bool ok, std::string_view flag, std::string message, std::string hint) {
  if (ok) return {};
  return bad_input(std::move(message), std::string(flag), std::move(hint));
}

// A number flag within [lo, hi]; the message names the flag, its unit and an example.
struct Range {
  std::string_view flag;
  double value, lo, hi;
  std::string_view what, unit, example;
};

Result<void> check_range(const Range& r) {
  return check(
      r.value >= r.lo && r.value <= r.hi, r.flag,
      fmt::format("{} must be from {} to {}{}, got {}", r.what, r.lo, r.hi, r.unit, r.value),
      fmt::format("e.g. {} {}", r.flag, r.example));
}

Result<void> check_flags(const SimulateArgs& a) {
  const std::vector<Range> ranges = {
      {"--reps", static_cast<double>(a.reps), 1, 1000, "repetitions", "", "5"},
      {"--fps", a.fps, 1, 1000, "frame rate", "", "30"},
      {"--noise-px", a.noise_px, 0, 100, "image noise", " pixels", "1 (0 = exact landmarks)"},
      {"--world-noise-m", a.world_noise_m, 0, 0.5, "world noise", " m", "0.004"},
      {"--stature-m", a.stature_m, 0.5, 2.5, "stature", " m", "1.72"},
      {"--pause-s", a.pause_s, 0, 60, "pause", " s", "1"},
      {"--valgus-deg", a.valgus_deg, -45, 45, "knee valgus", "°", "15 (− = varus)"},
      {"--left-valgus-deg", a.left_valgus_deg.value_or(0), -45, 45, "left knee valgus", "°", "15"},
      {"--right-valgus-deg", a.right_valgus_deg.value_or(0), -45, 45, "right knee valgus", "°",
       "15"},
      {"--trunk-lean-deg", a.trunk_lean_deg, -30, 45, "extra forward trunk lean", "°",
       "20 (− = leaning back)"},
      {"--trunk-lateral-lean-deg", a.trunk_lateral_lean_deg, -45, 45, "trunk lateral lean", "°",
       "10 (+ = to the right)"},
      {"--left-pelvic-drop-deg", a.left_pelvic_drop_deg, 0, 30, "left pelvic drop", "°", "6"},
      {"--right-pelvic-drop-deg", a.right_pelvic_drop_deg, 0, 30, "right pelvic drop", "°", "6"},
      {"--depth", a.depth, 0, 1.5, "depth", " (a share of the full range)", "0.6"},
      {"--right-depth", a.right_depth, 0, 1.5, "right-side depth", " (a factor on --depth)", "0.7"},
      {"--heel-lift-deg", a.heel_lift_deg, 0, 45, "heel lift", "°", "10"},
      {"--tempo-outward-fraction", a.outward_fraction, 0.1, 0.9, "outward share of a rep", "",
       "0.3 (a fast descent)"},
      {"--hold-s", a.hold_s, 0, 60, "hold at the turning point", " s", "1"},
      {"--shoulder-hike-cm", a.shoulder_hike_cm, 0, 15, "shoulder hike", " cm", "4"},
      {"--left-shoulder-hike-cm", a.left_shoulder_hike_cm.value_or(0), 0, 15, "left shoulder hike",
       " cm", "4"},
      {"--right-shoulder-hike-cm", a.right_shoulder_hike_cm.value_or(0), 0, 15,
       "right shoulder hike", " cm", "4"},
      {"--sway-cm", a.sway_cm, 0, 30, "sway amplitude", " cm", "5"},
      {"--sway-period-s", a.sway_period_s, 0.3, 10, "sway period", " s", "1.3"},
      {"--right-delay-s", a.right_delay_s, -5, 5, "right-side delay", " s",
       "0.3 (− = the left lags)"},
      {"--drift-deg", a.drift_deg, -30, 30, "baseline drift", "°", "10"},
      {"--drop-frames", a.drop_frames, 0, 0.9, "share of dropped frames", "", "0.05"},
  };
  for (const Range& r : ranges) {
    if (auto ok = check_range(r); !ok) return ok;
  }
  const std::array<Result<void>, 6> checks = {
      check(a.rep_duration_s == 0 || (a.rep_duration_s >= 0.5 && a.rep_duration_s <= 120),
            "--rep-duration-s",
            fmt::format("rep duration must be 0 (the exercise's tempo) or 0.5 to 120 s, got {}",
                        a.rep_duration_s),
            "e.g. --rep-duration-s 3"),
      check(a.setup_s == 0 || (a.setup_s >= 2 && a.setup_s <= 120), "--setup-s",
            fmt::format("set-up time must be 0 (none) or 2 to 120 s, got {}", a.setup_s),
            "e.g. --setup-s 5"),
      check(a.walk_away_s == 0 || (a.walk_away_s >= 2 && a.walk_away_s <= 120), "--walk-away-s",
            fmt::format("walk-away time must be 0 (none) or 2 to 120 s, got {}", a.walk_away_s),
            "e.g. --walk-away-s 5"),
      check(a.truth.empty() || a.truth != a.output, "--truth",
            "the truth file and the recording cannot be the same file",
            "give --truth and -o different paths"),
      check(a.truth_reps.empty() || (a.truth_reps != a.output && a.truth_reps != a.truth),
            "--truth-reps", "the rep truth file must differ from the recording and --truth",
            "give each output its own path"),
      check((a.output.empty() || a.output == "-") + (a.truth == "-") + (a.truth_reps == "-") <= 1,
            "--truth", "only one output can go to standard output",
            "give -o, --truth or --truth-reps a file path"),
  };
  for (const auto& c : checks) {
    if (!c) return c;
  }
  return {};
}

// Library errors name the SimulationOptions field in `where`; the command line names flags.
Error to_flag_error(Error e) {
  static const std::pair<std::string_view, std::string_view> kFlags[] = {
      {"hold_s", "--hold-s"},
      {"right_delay_s", "--right-delay-s"},
      {"compensated_reps", "--compensate-reps"},
      {"rep_depth_scale", "--rep-depths"},
      {"rep_duration_scale", "--rep-speeds"},
      {"side", "--side"},
      {"occlusions", "--occlude"},
      {"rep_duration_s", "--rep-duration-s"},
  };
  const std::string_view field = std::string_view(e.where).substr(0, e.where.find('['));
  for (auto [name, flag] : kFlags) {
    if (field == name) {
      e.where = flag;
      break;
    }
  }
  return e;
}

Result<SimulationOptions> make_options(const SimulateArgs& a) {
  if (auto ok = check_flags(a); !ok) return tl::unexpected(ok.error());
  SimulationOptions o;
  auto view = parse_camera_view(a.view);
  if (!view) return tl::unexpected(view.error().within("--view"));
  auto side = parse_moving_side(a.side);
  if (!side) return tl::unexpected(side.error().within("--side"));
  o.reps = a.reps;
  o.fps = a.fps;
  o.seed = a.seed;
  o.view = *view;
  o.side = *side;
  o.image_noise_px = a.noise_px;
  o.world_noise_m = a.world_noise_m;
  o.stature_m = a.stature_m;
  o.rep_duration_s = a.rep_duration_s;
  o.pause_s = a.pause_s;

  Compensations& c = o.compensations;
  c.left_knee_valgus_deg = a.left_valgus_deg.value_or(a.valgus_deg);
  c.right_knee_valgus_deg = a.right_valgus_deg.value_or(a.valgus_deg);
  c.trunk_flexion_deg = a.trunk_lean_deg;
  c.trunk_lateral_lean_deg = a.trunk_lateral_lean_deg;
  c.pelvic_obliquity_deg = a.right_pelvic_drop_deg - a.left_pelvic_drop_deg;
  c.depth_scale = a.depth;
  c.right_depth_scale = a.right_depth;
  c.heel_lift_deg = a.heel_lift_deg;
  c.outward_fraction = a.outward_fraction;
  c.hold_s = a.hold_s;
  c.left_shoulder_hike_m = a.left_shoulder_hike_cm.value_or(a.shoulder_hike_cm) / 100;
  c.right_shoulder_hike_m = a.right_shoulder_hike_cm.value_or(a.shoulder_hike_cm) / 100;
  c.sway_m = a.sway_cm / 100;
  c.sway_period_s = a.sway_period_s;
  c.right_delay_s = a.right_delay_s;
  if (!a.compensate_reps.empty()) {
    auto reps = parse_rep_list(a.compensate_reps);
    if (!reps) return tl::unexpected(reps.error().within("--compensate-reps"));
    o.compensated_reps = std::move(*reps);
  }

  if (!a.rep_depths.empty()) {
    auto depths = parse_number_list(a.rep_depths);
    if (!depths) return tl::unexpected(depths.error().within("--rep-depths"));
    o.rep_depth_scale = std::move(*depths);
  }
  if (!a.rep_speeds.empty()) {
    auto speeds = parse_number_list(a.rep_speeds);
    if (!speeds) return tl::unexpected(speeds.error().within("--rep-speeds"));
    for (double s : *speeds) {
      if (!(s >= 0.1 && s <= 10)) {
        return bad_input(fmt::format("rep speeds must be from 0.1 to 10, got {}", s),
                         "--rep-speeds", "e.g. --rep-speeds 1,1,2,0.5 (2 = twice as fast)");
      }
      o.rep_duration_scale.push_back(1 / s);
    }
  }
  o.setup_s = a.setup_s;
  o.walk_away_s = a.walk_away_s;
  o.baseline_drift_deg = a.drift_deg;
  o.dropped_frames = a.drop_frames;
  for (const std::string& spec : a.occlude) {
    auto occ = parse_occlusion(spec);
    if (!occ) return tl::unexpected(occ.error().within("--occlude"));
    o.occlusions.push_back(std::move(*occ));
  }
  return o;
}

// The rep of frame i among the counted (full) reps, 1-based, and among partial reps.
struct FrameReps {
  std::vector<int> counted, partial;
};

FrameReps frame_reps(const Simulation& sim) {
  std::vector<int> counted_number(sim.all_reps.size()), partial_number(sim.all_reps.size());
  int counted = 0, partial = 0;
  for (std::size_t r = 0; r < sim.all_reps.size(); ++r) {
    (sim.all_reps[r].partial ? partial_number[r] : counted_number[r]) =
        sim.all_reps[r].partial ? ++partial : ++counted;
  }
  FrameReps out;
  for (int r : sim.rep_of_frame) {
    out.counted.push_back(r < 0 ? 0 : counted_number[static_cast<std::size_t>(r)]);
    out.partial.push_back(r < 0 ? 0 : partial_number[static_cast<std::size_t>(r)]);
  }
  return out;
}

// Per-frame ground truth as CSV: t_s, rep (1-based among counted reps, 0 elsewhere),
// partial_rep (1-based among partial reps), phase, detected, every angle, other measures.
std::string truth_csv(const Simulation& sim) {
  const FrameReps reps = frame_reps(sim);
  std::ostringstream out;
  out << "t_s,rep,partial_rep,phase,detected";
  for (const auto& [name, series] : sim.truth_deg) out << ',' << name;
  for (const auto& [name, series] : sim.truth_measures) out << ',' << name;
  out << '\n';
  for (std::size_t i = 0; i < sim.pose.frame_count(); ++i) {
    out << fmt::format("{:.6g},{},{},{},{}", sim.pose.t_s[i], reps.counted[i], reps.partial[i],
                       simulated_phase_name(sim.phase[i]), int{sim.pose.detected[i]});
    for (const auto& [name, series] : sim.truth_deg) {
      out << ',';
      if (std::isfinite(series[i])) out << fmt::format("{:.4f}", series[i]);
    }
    for (const auto& [name, series] : sim.truth_measures) {
      out << ',' << fmt::format("{:.5f}", series[i]);
    }
    out << '\n';
  }
  return out.str();
}

// One line per rep performed: its number, its number among counted reps (0 = partial),
// bounds, depth reached, moving side and whether the compensations apply.
std::string truth_reps_csv(const Simulation& sim) {
  std::string out = "rep,counted_rep,partial,start_s,turn_s,end_s,depth,side,compensated\n";
  int counted = 0;
  for (const SimulatedRep& r : sim.all_reps) {
    out += fmt::format("{},{},{},{:.6g},{:.6g},{:.6g},{:.4g},{},{}\n", r.number,
                       r.partial ? 0 : ++counted, int{r.partial}, r.start_s, r.turn_s, r.end_s,
                       r.depth, moving_side_name(r.side), int{r.compensated});
  }
  return out;
}

int run_simulate(const SimulateArgs& args) {
  auto options = make_options(args);
  if (!options) return report_error(options.error());
  auto sim = simulate(args.exercise, *options);
  if (!sim) return report_error(to_flag_error(sim.error()));
  if (cancel_requested())
    return report_error(cancelled("interrupted: nothing was written").value());
  if (!args.truth.empty()) {
    if (auto ok = write_output(args.truth, truth_csv(*sim)); !ok) return report_error(ok.error());
  }
  if (!args.truth_reps.empty()) {
    if (auto ok = write_output(args.truth_reps, truth_reps_csv(*sim)); !ok) {
      return report_error(ok.error());
    }
  }
  if (args.per_frame_normalised) normalise_per_frame(sim->pose);
  if (auto ok = write_pose_output(sim->pose, args.output); !ok) return report_error(ok.error());
  return 0;
}

std::string exercise_list() {
  std::string out;
  for (auto name : simulated_exercises()) {
    out += fmt::format("  {:<20}{}\n", name, simulated_exercise_description(name));
  }
  return out;
}

void add_recording_flags(CLI::App* cmd, SimulateArgs& a) {
  cmd->add_option("--reps", a.reps, "repetitions, 1..1000")->type_name("N")->capture_default_str();
  cmd->add_option("--fps", a.fps, "frames per second, 1..1000")
      ->type_name("F")
      ->capture_default_str();
  cmd->add_option("--seed", a.seed, "random seed of the sensor noise (same seed, same file)")
      ->type_name("S")
      ->capture_default_str();
  cmd->add_option("--view", a.view,
                  "camera view: front (subject faces the camera), side (subject faces image "
                  "right), back, or auto (the exercise's usual view)")
      ->type_name("front|side|back|auto")
      ->capture_default_str();
  cmd->add_option("--side", a.side,
                  "which side moves: auto (the exercise's own), both, left, right, or "
                  "alternating (one side per rep, left first); one-sided for arm exercises, "
                  "the leading leg for forward_lunge and hip_abduction")
      ->type_name("SIDE")
      ->capture_default_str();
  cmd->add_option("--noise-px", a.noise_px,
                  "standard deviation of image landmark noise in pixels; 0 = exact")
      ->type_name("P")
      ->capture_default_str();
  cmd->add_option("--world-noise-m", a.world_noise_m,
                  "standard deviation of world landmark noise in metres; 0 = exact")
      ->type_name("M")
      ->capture_default_str();
  cmd->add_option("--stature-m", a.stature_m, "body height in metres, 0.5..2.5")
      ->type_name("H")
      ->capture_default_str();
  cmd->add_option("--rep-duration-s", a.rep_duration_s,
                  "seconds per repetition; 0 = the exercise's usual tempo")
      ->type_name("S")
      ->capture_default_str();
  cmd->add_option("--pause-s", a.pause_s,
                  "still seconds before the first, between and after the last repetition")
      ->type_name("S")
      ->capture_default_str();
}

void add_compensation_flags(CLI::App* cmd, SimulateArgs& a) {
  const std::string g = "Compensations (reached at each rep's turning point)";
  auto opt = [&](const char* name, auto& value, const char* help, const char* type) {
    cmd->add_option(name, value, help)->type_name(type)->group(g);
  };
  opt("--valgus-deg", a.valgus_deg,
      "knee valgus of both knees, degrees of frontal-plane projection angle (− = varus)", "DEG");
  opt("--left-valgus-deg", a.left_valgus_deg, "left knee valgus, overrides --valgus-deg", "DEG");
  opt("--right-valgus-deg", a.right_valgus_deg, "right knee valgus, overrides --valgus-deg", "DEG");
  opt("--trunk-lean-deg", a.trunk_lean_deg,
      "extra forward trunk lean in degrees; negative = leaning back (lumbar extension)", "DEG");
  opt("--trunk-lateral-lean-deg", a.trunk_lateral_lean_deg,
      "trunk lateral lean in degrees, + towards the subject's right", "DEG");
  opt("--left-pelvic-drop-deg", a.left_pelvic_drop_deg,
      "pelvic obliquity with the left hip lower, degrees", "DEG");
  opt("--right-pelvic-drop-deg", a.right_pelvic_drop_deg,
      "pelvic obliquity with the right hip lower, degrees", "DEG");
  opt("--depth", a.depth, "share of the exercise's range reached (0.6 = shallow), 0..1.5", "F");
  opt("--right-depth", a.right_depth, "extra factor on the right side's range (asymmetry), 0..1.5",
      "F");
  opt("--heel-lift-deg", a.heel_lift_deg,
      "squat: heels rise by this plantarflexion at the bottom, degrees", "DEG");
  opt("--tempo-outward-fraction", a.outward_fraction,
      "share of each rep's moving time spent going out (descending), 0.1..0.9", "F");
  opt("--hold-s", a.hold_s, "still seconds at the turning point of each rep", "S");
  opt("--shoulder-hike-cm", a.shoulder_hike_cm,
      "both shoulders rise along the trunk by this many centimetres", "CM");
  opt("--left-shoulder-hike-cm", a.left_shoulder_hike_cm,
      "left shoulder hike, overrides --shoulder-hike-cm", "CM");
  opt("--right-shoulder-hike-cm", a.right_shoulder_hike_cm,
      "right shoulder hike, overrides --shoulder-hike-cm", "CM");
  opt("--sway-cm", a.sway_cm,
      "sideways sway of the pelvis and upper body (feet planted), amplitude in centimetres", "CM");
  opt("--sway-period-s", a.sway_period_s, "sway period in seconds (about; whole periods per rep)",
      "S");
  opt("--right-delay-s", a.right_delay_s,
      "timing asymmetry: the right side lags the left by this many seconds (− = the left "
      "lags)",
      "S");
  opt("--compensate-reps", a.compensate_reps,
      "apply the compensations to these reps only, e.g. 3-5,7 (1-based; default all)", "LIST");
}

void add_realism_flags(CLI::App* cmd, SimulateArgs& a) {
  const std::string g = "Realism (for repetition counting)";
  auto opt = [&](const char* name, auto& value, const char* help, const char* type) {
    return cmd->add_option(name, value, help)->type_name(type)->group(g);
  };
  opt("--rep-depths", a.rep_depths,
      "per-rep share of the range, e.g. 1,1,0.3,1; below 0.6 a rep is partial (not counted)",
      "LIST");
  opt("--rep-speeds", a.rep_speeds,
      "per-rep speed factors, e.g. 1,2,0.5 (2 = twice as fast); missing = 1", "LIST");
  opt("--setup-s", a.setup_s,
      "seconds of set-up before the first rep: steps in from the side, settles, one 30 % bend "
      "(0 = none, else 2..120)",
      "S");
  opt("--walk-away-s", a.walk_away_s,
      "seconds after the last rep: turns, walks out of the image, then no person (0 = none, "
      "else 2..120)",
      "S");
  opt("--drift-deg", a.drift_deg,
      "the start posture drifts linearly by this many degrees of the driving angle by the "
      "last rep",
      "DEG");
  opt("--drop-frames", a.drop_frames,
      "share of frames with no person detected, at random (seeded), 0..0.9", "F");
  opt("--occlude", a.occlude,
      "GROUP:START-END, visibility 0.1 for those landmarks in that window (seconds); GROUP is "
      "lower_body, upper_body, face, hips, left_arm, right_arm, left_leg, right_leg, "
      "left_side, right_side or a landmark name, joined with +; repeatable",
      "SPEC")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_flag("--per-frame-normalised", a.per_frame_normalised,
                "write the image landmarks min-max normalised per frame and axis, as some "
                "published landmark sets are (countix-dev): no world landmarks, no camera view");
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
  add_recording_flags(cmd, *args);
  add_compensation_flags(cmd, *args);
  add_realism_flags(cmd, *args);
  cmd->add_option("-o,--output", args->output,
                  "write the recording to OUT (atomically); '-' or none: standard output")
      ->type_name("OUT");
  cmd->add_option("--truth", args->truth,
                  "also write the ground truth per frame as CSV: t_s, rep (counted reps, "
                  "1-based; 0 elsewhere), partial_rep, phase, detected, one column per angle of "
                  "docs/kinematics.md (empty = not defined there), then sway_m, shoulder hike, "
                  "hip abduction and progress columns")
      ->type_name("CSV");
  cmd->add_option("--truth-reps", args->truth_reps,
                  "also write one CSV line per rep performed: rep, counted_rep, partial, "
                  "start_s, turn_s, end_s, depth, side, compensated")
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
