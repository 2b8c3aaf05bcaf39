#include "eval_common.h"

#include <fmt/format.h>

#include <cstdlib>
#include <cstring>

#include "openpt/motion/kinematics.h"

namespace openpt::eval {

std::filesystem::path dataset_dir(int argc, char** argv, const std::string& name) {
  std::filesystem::path root;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--data") == 0) root = argv[i + 1];
  }
  if (root.empty()) {
    if (const char* env = std::getenv("OPENPT_SHARED_DATA"); env != nullptr && *env != '\0') {
      root = env;
    } else if (std::filesystem::is_directory("../shared/data")) {
      root = "../shared/data";
    } else {
      root = std::filesystem::path(OPENPT_SOURCE_DIR) / ".." / "shared" / "data";
    }
  }
  const auto dir = root / name;
  if (!std::filesystem::is_directory(dir)) {
    fmt::print(stderr,
               "eval: dataset folder {} not found (pass --data DIR or set OPENPT_SHARED_DATA)\n",
               dir.string());
    std::exit(2);
  }
  return dir;
}

Result<motion::Assessment> analyse_file(const std::filesystem::path& path,
                                        const motion::PoseReadOptions& read,
                                        const motion::ExerciseDefinition* exercise) {
  auto sequence = motion::read_pose_file(path.string(), read);
  if (!sequence) return tl::unexpected(sequence.error());
  auto kinematics = motion::compute_kinematics(*sequence, {.keep_tracks = true});
  if (!kinematics) return tl::unexpected(kinematics.error());
  return exercise != nullptr ? motion::assess(*kinematics, *exercise)
                             : motion::assess_auto(*kinematics);
}

double mean(const std::vector<double>& v) {
  if (v.empty()) return NAN;
  double s = 0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

double auc(const std::vector<double>& scores, const std::vector<bool>& labels) {
  double wins = 0;
  std::size_t pos = 0, neg = 0;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (!labels[i]) continue;
    ++pos;
    for (std::size_t j = 0; j < scores.size(); ++j) {
      if (labels[j]) continue;
      wins += scores[i] > scores[j] ? 1.0 : (scores[i] == scores[j] ? 0.5 : 0.0);
    }
  }
  for (bool l : labels) neg += l ? 0 : 1;
  return pos > 0 && neg > 0 ? wins / static_cast<double>(pos * neg) : NAN;
}

}  // namespace openpt::eval
