// eval_rep_counting: repetition counting on countix-dev (docs/evaluation.md).
//
// For every clip in labels.csv: BlazePose landmarks (.npy, 30 fps assumed: the frame rate
// is not recorded) → kinematics → repetitions, once with the labelled exercise (mapped to
// the library by id or alias) and once with automatic detection. Prints per class and
// overall: MAE = mean |predicted − true| / true, and OBO = share of clips within ±1.
//
//   build/bench/eval_rep_counting [--data DIR] [--verbose]
#include <fmt/format.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "eval_common.h"
#include "openpt/motion/exercise.h"

namespace {

using namespace openpt;

struct Clip {
  std::string file, label;
  int truth = 0;
  int named = -1, automatic = -1;  // -1: failed
};

struct Errors {
  std::vector<double> relative;
  int within_one = 0;
  void add(int predicted, int truth) {
    const int p = std::max(predicted, 0);
    relative.push_back(std::abs(p - truth) / static_cast<double>(truth));
    within_one += std::abs(p - truth) <= 1 ? 1 : 0;
  }
  [[nodiscard]] double obo() const {
    return relative.empty() ? NAN : within_one / static_cast<double>(relative.size());
  }
};

}  // namespace

int main(int argc, char** argv) {
  const auto dir = eval::dataset_dir(argc, argv, "countix-dev");
  const bool verbose = eval::has_flag(argc, argv, "--verbose");
  const motion::ExerciseLibrary library = eval::shipped_library_or_exit();
  std::vector<Clip> clips;
  for (const eval::CountedClip& c : eval::count_labels_or_exit(dir)) {
    clips.push_back({c.file, c.label, c.truth});
  }

  const motion::PoseReadOptions read{.fps = 30};
  std::map<std::string, std::pair<Errors, Errors>> per_class;
  Errors all_named, all_auto;
  for (Clip& clip : clips) {
    const motion::ExerciseDefinition* exercise = library.find(clip.label);
    if (exercise == nullptr) {
      fmt::print(stderr, "eval: no library exercise for class '{}': counted as 0\n", clip.label);
    }
    auto named = exercise != nullptr
                     ? eval::analyse_file(dir / clip.file, read, exercise)
                     : Result<motion::Assessment>(bad_input("no exercise for the class"));
    auto automatic = eval::analyse_file(dir / clip.file, read, nullptr);
    clip.named = named ? named->rep_count : -1;
    clip.automatic = automatic ? automatic->rep_count : -1;
    auto& [n, a] = per_class[clip.label];
    n.add(clip.named, clip.truth);
    a.add(clip.automatic, clip.truth);
    all_named.add(clip.named, clip.truth);
    all_auto.add(clip.automatic, clip.truth);
    if (verbose) {
      fmt::print("{:<24} {:<16} truth {:>3}  named {:>3}  auto {:>3}  {}\n", clip.file,
                 exercise ? exercise->id : "-", clip.truth, clip.named, clip.automatic,
                 automatic ? automatic->signal : automatic.error().message);
    }
  }

  fmt::print("Repetition counting on countix-dev ({} clips, 30 fps assumed)\n\n", clips.size());
  fmt::print("{:<16}{:>6}{:>12}{:>12}{:>12}{:>12}\n", "class", "clips", "MAE named", "OBO named",
             "MAE auto", "OBO auto");
  for (const auto& [label, errors] : per_class) {
    const auto& [n, a] = errors;
    fmt::print("{:<16}{:>6}{:>12.3f}{:>12.2f}{:>12.3f}{:>12.2f}\n", label, n.relative.size(),
               eval::mean(n.relative), n.obo(), eval::mean(a.relative), a.obo());
  }
  fmt::print("{:<16}{:>6}{:>12.3f}{:>12.2f}{:>12.3f}{:>12.2f}\n", "overall",
             all_named.relative.size(), eval::mean(all_named.relative), all_named.obo(),
             eval::mean(all_auto.relative), all_auto.obo());
  fmt::print("\nTargets: MAE <= 0.10 and OBO >= 0.90 overall, both modes.\n");
  return 0;
}
