// Shared plumbing of the evaluation tools (eval_*.cpp): where the shared datasets are,
// running one recording through kinematics and assessment, and small table statistics.
//
//   auto dir = eval::dataset_dir(argc, argv, "countix-dev");
//   auto a = eval::analyse_file(path, read_options, &definition);   // nullptr: auto
//   auto b = eval::analyse(sequence, nullptr);
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/motion/assessment.h"
#include "openpt/motion/exercise.h"
#include "openpt/motion/pose_io.h"

namespace openpt::eval {

// --data DIR, else OPENPT_SHARED_DATA, else ../shared/data (relative to the working
// directory, then to the source tree), joined with `name`. Exits with a message when absent.
std::filesystem::path dataset_dir(int argc, char** argv, const std::string& name);

// Computes kinematics (6 Hz low-pass, tracks kept) and assesses the recording with
// `exercise` (nullptr: automatic detection).
Result<motion::Assessment> analyse(const motion::PoseSequence& sequence,
                                   const motion::ExerciseDefinition* exercise);

// The same for a recording read from `path`.
Result<motion::Assessment> analyse_file(const std::filesystem::path& path,
                                        const motion::PoseReadOptions& read,
                                        const motion::ExerciseDefinition* exercise);

// Whether `flag` (e.g. "--verbose") is among the arguments.
bool has_flag(int argc, char** argv, std::string_view flag);

// The exercise library OpenPT ships; prints the error and exits with code 2 when it cannot
// be loaded.
motion::ExerciseLibrary shipped_library_or_exit();

// One clip of countix-dev's labels.csv (file,exercise,count).
struct CountedClip {
  std::string file, label;
  int truth = 0;
};
Result<std::vector<CountedClip>> read_count_labels(const std::filesystem::path& dir);

// The same, or the error printed and exit code 2.
std::vector<CountedClip> count_labels_or_exit(const std::filesystem::path& dir);

double mean(const std::vector<double>& v);

// Area under the ROC curve of `scores` for separating positives (label true) from
// negatives, higher score = more likely positive; ties count one half (Mann–Whitney U).
double auc(const std::vector<double>& scores, const std::vector<bool>& labels);

}  // namespace openpt::eval
