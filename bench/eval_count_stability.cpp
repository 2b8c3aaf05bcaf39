// eval_count_stability: how repetition counts on countix-dev hold up when the clips are
// disturbed a little (docs/evaluation.md) — a view of robustness that the labels alone do
// not give, since a count can be right by luck.
//
// Each clip (as in eval_rep_counting, 30 fps assumed) is counted as it is and after each of
// four small disturbances, with the labelled exercise and with automatic detection:
//   - the first 5 % of its frames cut (the clip starts later),
//   - the last 5 % cut (it ends earlier),
//   - 15 % of its frames without a person, at random (seeded),
//   - landmark noise of 0.4 % of the body's extent added to every coordinate, then each
//     frame min–max normalised again as the dataset is.
// A cut can remove a repetition, so a count one lower is no fault; a count that moves by
// more than one from the clip's undisturbed count is a fragility. Per disturbance it prints
// the MAE and OBO against the labels and how many clips moved by more than one, per mode.
// The empty clip (no frames) is left out.
//
//   build/bench/eval_count_stability [--data DIR] [--verbose]
#include <fmt/format.h>

#include <cmath>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "eval_common.h"
#include "openpt/motion/exercise.h"
#include "openpt/motion/per_frame_normalise.h"

namespace {

using namespace openpt;

struct Disturbance {
  std::string name;
  std::function<motion::PoseSequence(const motion::PoseSequence&)> apply;
};

constexpr double kCutShare = 0.05, kDroppedShare = 0.15, kNoise = 0.004;
constexpr unsigned kSeed = 7;

std::vector<Disturbance> disturbances() {
  const auto cut = [](const motion::PoseSequence& p, bool start) {
    const auto k = static_cast<std::size_t>(kCutShare * static_cast<double>(p.frame_count()));
    return start ? motion::slice_frames(p, k, p.frame_count())
                 : motion::slice_frames(p, 0, p.frame_count() - k);
  };
  return {
      {"first 5 % cut", [=](const motion::PoseSequence& p) { return cut(p, true); }},
      {"last 5 % cut", [=](const motion::PoseSequence& p) { return cut(p, false); }},
      {"15 % frames dropped",
       [](const motion::PoseSequence& p) {
         motion::PoseSequence out = p;
         std::mt19937 random(kSeed);
         std::uniform_real_distribution<double> uniform(0, 1);
         for (std::size_t f = 0; f < out.frame_count(); ++f) {
           if (uniform(random) >= kDroppedShare) continue;
           out.detected[f] = 0;
           for (std::size_t j = 0; j < out.landmark_count(); ++j) out.image_at(f, j) = {};
         }
         return out;
       }},
      {"0.4 % noise",
       [](const motion::PoseSequence& p) {
         motion::PoseSequence out = p;
         std::mt19937 random(kSeed);
         std::normal_distribution<float> noise(0, static_cast<float>(kNoise));
         for (motion::Landmark& l : out.image) {
           if (!l.present()) continue;
           l.x += noise(random);
           l.y += noise(random);
           if (std::isfinite(l.z)) l.z += noise(random);
         }
         if (p.image_space.per_frame_normalized) motion::normalise_per_frame(out);
         return out;
       }},
  };
}

// Counts of one mode under one disturbance.
struct Tally {
  std::vector<double> relative;
  int within_one = 0, moved = 0;
  std::vector<std::string> moved_clips;
  void add(int predicted, int undisturbed, int truth, const std::string& clip) {
    const int p = std::max(predicted, 0);
    relative.push_back(std::abs(p - truth) / static_cast<double>(truth));
    within_one += std::abs(p - truth) <= 1 ? 1 : 0;
    if (std::abs(p - std::max(undisturbed, 0)) > 1) {
      ++moved;
      moved_clips.push_back(fmt::format("{} {}→{}", clip, undisturbed, predicted));
    }
  }
};

int count(const motion::PoseSequence& p, const motion::ExerciseDefinition* exercise) {
  auto a = eval::analyse(p, exercise);
  return a ? a->rep_count : -1;
}

}  // namespace

int main(int argc, char** argv) {
  const auto dir = eval::dataset_dir(argc, argv, "countix-dev");
  const bool verbose = eval::has_flag(argc, argv, "--verbose");
  const motion::ExerciseLibrary library = eval::shipped_library_or_exit();
  const std::vector<eval::CountedClip> clips = eval::count_labels_or_exit(dir);
  const std::vector<Disturbance> list = disturbances();
  std::vector<std::pair<Tally, Tally>> tallies(list.size() + 1);  // undisturbed first
  int used = 0;
  for (const eval::CountedClip& clip : clips) {
    auto pose = motion::read_pose_file((dir / clip.file).string(), {.fps = 30});
    if (!pose || pose->frame_count() == 0) continue;
    ++used;
    const motion::ExerciseDefinition* exercise = library.find(clip.label);
    const int named = exercise != nullptr ? count(*pose, exercise) : -1;
    const int automatic = count(*pose, nullptr);
    tallies[0].first.add(named, named, clip.truth, clip.file);
    tallies[0].second.add(automatic, automatic, clip.truth, clip.file);
    for (std::size_t d = 0; d < list.size(); ++d) {
      const motion::PoseSequence disturbed = list[d].apply(*pose);
      tallies[d + 1].first.add(exercise != nullptr ? count(disturbed, exercise) : -1, named,
                               clip.truth, clip.file);
      tallies[d + 1].second.add(count(disturbed, nullptr), automatic, clip.truth, clip.file);
    }
  }

  fmt::print("Count stability on countix-dev ({} clips with frames, 30 fps assumed)\n\n", used);
  fmt::print("{:<22}{:>11}{:>11}{:>8}{:>11}{:>11}{:>8}\n", "disturbance", "MAE named", "OBO named",
             "moved", "MAE auto", "OBO auto", "moved");
  for (std::size_t d = 0; d < tallies.size(); ++d) {
    const auto& [n, a] = tallies[d];
    const double clips_used = static_cast<double>(n.relative.size());
    fmt::print("{:<22}{:>11.3f}{:>11.2f}{:>8}{:>11.3f}{:>11.2f}{:>8}\n",
               d == 0 ? "none" : list[d - 1].name, eval::mean(n.relative),
               n.within_one / clips_used, n.moved, eval::mean(a.relative),
               a.within_one / clips_used, a.moved);
  }
  fmt::print("\nmoved: clips whose count moved by more than one from their undisturbed count.\n");
  if (verbose) {
    for (std::size_t d = 1; d < tallies.size(); ++d) {
      fmt::print("{}: named {}; auto {}\n", list[d - 1].name,
                 fmt::join(tallies[d].first.moved_clips, ", "),
                 fmt::join(tallies[d].second.moved_clips, ", "));
    }
  }
  return 0;
}
