// eval_simulated_counting: repetition counting on simulated recordings whose count is known
// (docs/evaluation.md), the conditions real recordings bring one at a time.
//
// Every exercise the simulator performs (plus arm exercises done with the arms taking
// turns) × 2, 3, 4, 6 and 10 repetitions × 3 seeds × six conditions — clean (3 px
// landmark noise, 1 s rests), set-up and walking away (4 s each), 30 % of frames without a
// person, short rests (0.2 s), uneven reps (depth 0.75–1, speed 0.7–1.4 times, the start
// posture drifting 10°), set-up with 20 % dropped frames and 6 px noise, the feet out of
// view, per-frame min–max normalised image coordinates like countix-dev's, and the recording
// starting at the first repetition's turning point with 0.2 s rests (cut there, like many
// clips of countix-dev; that repetition is not counted, so one fewer is expected; 3 or more
// repetitions) — analysed
// from the world landmarks (3D) and from the image alone (2D; only this for the normalised
// ones), with the exercise named and with `--exercise auto`. Prints per exercise and per condition
// the share of recordings counted exactly and within one, and the MAE (|predicted − true| / true).
// Needs no dataset; the same seeds give the same table.
//
//   build/bench/eval_simulated_counting [--verbose] [--only TEXT]
//
// --verbose lists every miscount; --only runs the recordings whose "exercise reps seed
// condition" starts with TEXT (e.g. --only "squat 3 1").
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "eval_common.h"
#include "openpt/motion/exercise.h"
#include "openpt/motion/kinematics.h"
#include "openpt/motion/per_frame_normalise.h"
#include "openpt/motion/pose_sequence.h"
#include "openpt/motion/simulate.h"

namespace {

using namespace openpt;
using motion::SimulationOptions;

struct Variant {
  std::string label;       // table row
  std::string simulated;   // simulator exercise
  std::string library_id;  // the named exercise it is assessed as
  motion::MovingSide side = motion::MovingSide::kAuto;
};

struct Condition {
  std::string name;
  void (*apply)(SimulationOptions&);
  // Applied to the simulated recording afterwards (nullptr: none); a recording left without
  // world landmarks is analysed in 2D only.
  void (*transform)(motion::PoseSequence&) = nullptr;
  // Cut the recording at the first repetition's turning point (one repetition fewer; only
  // recordings of 3 or more, so that a repeated movement is left).
  bool starts_at_first_turn = false;
};

// The feet out of the picture the whole time (ankles, heels and toes hidden).
void hide_feet(SimulationOptions& o) {
  motion::Occlusion feet{.start_s = 0, .end_s = 1e5};
  for (const char* name : {"left_ankle", "right_ankle", "left_heel", "right_heel",
                           "left_foot_index", "right_foot_index"}) {
    auto group = motion::landmark_group(name);
    if (group) feet.landmarks.insert(feet.landmarks.end(), group->begin(), group->end());
  }
  o.occlusions.push_back(feet);
}

const std::vector<Condition>& conditions() {
  static const std::vector<Condition> list = {
      {"clean", [](SimulationOptions&) {}},
      {"set-up + walking away",
       [](SimulationOptions& o) {
         o.setup_s = 4;
         o.walk_away_s = 4;
       }},
      {"30 % frames dropped", [](SimulationOptions& o) { o.dropped_frames = 0.3; }},
      {"0.2 s rests", [](SimulationOptions& o) { o.pause_s = 0.2; }},
      {"uneven reps + drift",
       [](SimulationOptions& o) {
         const std::vector<double> depth = {1, 0.8, 0.95, 0.75, 1, 0.85, 0.9, 1, 0.8, 0.95};
         const std::vector<double> speed = {1, 0.7, 1.4, 0.9, 1.2, 0.8, 1.3, 1, 0.75, 1.1};
         const auto reps = static_cast<std::ptrdiff_t>(o.reps);
         o.rep_depth_scale.assign(depth.begin(), depth.begin() + reps);
         o.rep_duration_scale.assign(speed.begin(), speed.begin() + reps);
         o.baseline_drift_deg = 10;
       }},
      {"set-up + dropped + 6 px",
       [](SimulationOptions& o) {
         o.setup_s = 3;
         o.dropped_frames = 0.2;
         o.image_noise_px = 6;
       }},
      {"feet out of view", hide_feet},
      {"per-frame normalised (2D only)", [](SimulationOptions&) {}, motion::normalise_per_frame},
      {"starts at the 1st turn", [](SimulationOptions& o) { o.pause_s = 0.2; }, nullptr, true},
  };
  return list;
}

std::vector<Variant> variants() {
  std::vector<Variant> out;
  for (const std::string_view name : motion::simulated_exercises()) {
    std::string id(name);
    if (id == "hip_abduction") id = "standing_hip_abduction";
    out.push_back({std::string(name), std::string(name), id});
  }
  for (const char* arm : {"elbow_flexion", "shoulder_abduction"}) {
    out.push_back(
        {std::string(arm) + " (arms take turns)", arm, arm, motion::MovingSide::kAlternating});
  }
  return out;
}

// One cell of the tables: counts of one mode and view.
struct Tally {
  int n = 0, exact = 0, within_one = 0;
  double relative_error = 0;
  void add(int predicted, int truth) {
    ++n;
    const int p = std::max(predicted, 0);
    exact += p == truth ? 1 : 0;
    within_one += std::abs(p - truth) <= 1 ? 1 : 0;
    relative_error += std::abs(p - truth) / static_cast<double>(truth);
  }
  [[nodiscard]] std::string cell() const {
    if (n == 0) return "-";
    return fmt::format("{:.2f} {:.2f} {:.3f}", exact / static_cast<double>(n),
                       within_one / static_cast<double>(n), relative_error / n);
  }
};

// named 3D, named 2D, auto 3D, auto 2D
using Row = std::array<Tally, 4>;
constexpr std::array<const char*, 4> kColumns = {"named 3D", "named 2D", "auto 3D", "auto 2D"};

void print_table(const std::string& heading, const std::vector<std::string>& order,
                 const std::map<std::string, Row>& rows, const Row& overall) {
  fmt::print("{:<38}", heading);
  for (const char* c : kColumns) fmt::print("{:>20}", c);
  fmt::print("\n");
  const auto line = [](const std::string& name, const Row& row) {
    fmt::print("{:<38}", name);
    for (const Tally& t : row) fmt::print("{:>20}", t.cell());
    fmt::print("\n");
  };
  for (const std::string& name : order) {
    if (const auto row = rows.find(name); row != rows.end()) line(name, row->second);
  }
  line("overall", overall);
  fmt::print("\n");
}

}  // namespace

int main(int argc, char** argv) {
  bool verbose = false;
  std::string only;  // run only the recordings whose "exercise reps seed condition" start so
  for (int i = 1; i < argc; ++i) {
    verbose = verbose || std::strcmp(argv[i], "--verbose") == 0;
    if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) only = argv[++i];
  }
  const motion::ExerciseLibrary library = eval::shipped_library_or_exit();
  std::map<std::string, Row> per_variant, per_condition;
  std::vector<std::string> variant_order, condition_order;
  for (const Condition& c : conditions()) condition_order.push_back(c.name);
  Row overall;
  int recordings = 0;
  for (const Variant& v : variants()) {
    const motion::ExerciseDefinition* exercise = library.find(v.library_id);
    if (exercise == nullptr) {
      fmt::print(stderr, "eval: no library exercise '{}'\n", v.library_id);
      return 2;
    }
    variant_order.push_back(v.label);
    for (const int reps : {2, 3, 4, 6, 10}) {
      for (const std::uint64_t seed : {1, 2, 3}) {
        for (const Condition& c : conditions()) {
          if (!fmt::format("{} {} {} {}", v.label, reps, seed, c.name).starts_with(only)) continue;
          if (c.starts_at_first_turn && reps < 3) continue;
          SimulationOptions o{.reps = reps, .seed = seed, .image_noise_px = 3, .side = v.side};
          c.apply(o);
          auto sim = motion::simulate(v.simulated, o);
          if (!sim) {
            fmt::print(stderr, "eval: {} ({}): {}\n", v.label, c.name, sim.error().to_string());
            return 1;
          }
          if (c.transform != nullptr) c.transform(sim->pose);
          int expected = reps;
          if (c.starts_at_first_turn) {
            const auto& t = sim->pose.t_s;
            const auto turn = std::lower_bound(t.begin(), t.end(), sim->rep_turn_s.front());
            sim->pose = motion::slice_frames(sim->pose, static_cast<std::size_t>(turn - t.begin()),
                                             t.size());
            --expected;
          }
          ++recordings;
          for (std::size_t column = 0; column < kColumns.size(); ++column) {
            const bool named = column < 2, world = column % 2 == 0;
            if (world && !sim->pose.has_world) continue;
            auto k =
                motion::compute_kinematics(sim->pose, {.use_world = world, .keep_tracks = true});
            Result<motion::Assessment> a =
                k ? (named ? motion::assess(*k, *exercise) : motion::assess_auto(*k))
                  : Result<motion::Assessment>(tl::unexpected(k.error()));
            const int count = a ? a->rep_count : -1;
            per_variant[v.label][column].add(count, expected);
            per_condition[c.name][column].add(count, expected);
            overall[column].add(count, expected);
            if (verbose && count != expected) {
              fmt::print("{:<38} {:>2} reps  seed {}  {:<24} {:<9} counted {:>2}  {}\n", v.label,
                         reps, seed, c.name, kColumns[column], count,
                         a ? a->signal : a.error().message);
            }
          }
        }
      }
    }
  }
  if (verbose) fmt::print("\n");
  fmt::print(
      "Repetition counting on {} simulated recordings (known counts; each cell: share exact, "
      "share within one, MAE)\n\n",
      recordings);
  print_table("exercise", variant_order, per_variant, overall);
  print_table("condition", condition_order, per_condition, overall);
  return 0;
}
