#include "eval_common.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "openpt/core/csv.h"
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
  return analyse(*sequence, exercise);
}

Result<motion::Assessment> analyse(const motion::PoseSequence& sequence,
                                   const motion::ExerciseDefinition* exercise) {
  auto kinematics = motion::compute_kinematics(sequence, {.keep_tracks = true});
  if (!kinematics) return tl::unexpected(kinematics.error());
  return exercise != nullptr ? motion::assess(*kinematics, *exercise)
                             : motion::assess_auto(*kinematics);
}

bool has_flag(int argc, char** argv, std::string_view flag) {
  for (int i = 1; i < argc; ++i) {
    if (flag == argv[i]) return true;
  }
  return false;
}

motion::ExerciseLibrary shipped_library_or_exit() {
  auto library = motion::ExerciseLibrary::load(motion::default_exercise_dir());
  if (!library) {
    fmt::print(stderr, "eval: {}\n", library.error().to_string());
    std::exit(2);
  }
  return std::move(*library);
}

std::vector<CountedClip> count_labels_or_exit(const std::filesystem::path& dir) {
  auto clips = read_count_labels(dir);
  if (!clips) {
    fmt::print(stderr, "eval: {}\n", clips.error().to_string());
    std::exit(2);
  }
  return std::move(*clips);
}

Result<std::vector<CountedClip>> read_count_labels(const std::filesystem::path& dir) {
  auto labels = read_text_file(dir / "labels.csv", "labels.csv");
  if (!labels) return tl::unexpected(labels.error());
  std::vector<CountedClip> clips;
  std::size_t line_start = 0;
  for (int line = 0; line_start < labels->size(); ++line) {
    std::size_t end = labels->find('\n', line_start);
    if (end == std::string::npos) end = labels->size();
    const std::string row = labels->substr(line_start, end - line_start);
    line_start = end + 1;
    if (line == 0 || row.empty()) continue;
    const auto c1 = row.find(','), c2 = row.rfind(',');
    if (c1 == std::string::npos || c2 == c1) {
      return bad_input(fmt::format("labels.csv line {}: expected file,exercise,count", line + 1));
    }
    int count = 0;
    const std::string number = row.substr(c2 + 1);
    const auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), count);
    if (ec != std::errc{} || count <= 0) {
      return bad_input(fmt::format("labels.csv line {}: count '{}' is not a positive whole number",
                                   line + 1, number));
    }
    clips.push_back({row.substr(0, c1), row.substr(c1 + 1, c2 - c1 - 1), count});
  }
  return clips;
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
