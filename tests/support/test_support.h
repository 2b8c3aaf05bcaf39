// Helpers shared by the test suite: where the sources, the shared datasets and the
// openpt binary are, running the CLI, and temporary directories.
//
//   auto dir = shared_data_dir();          // std::nullopt when ../shared/data is absent
//   CommandResult r = run_openpt({"analyze", "x.json"});
//   EXPECT_EQ(r.exit_code, 2);
//   TempDir tmp; auto path = tmp.path() / "out.json";
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace openpt::testing {

std::filesystem::path source_dir();
// OPENPT_SHARED_DATA, else <source>/../shared/data; nullopt when it does not exist.
std::optional<std::filesystem::path> shared_data_dir();
// For *_dataset_test.cpp: prints why and exits 77 (ctest: skipped) when data is absent.
std::filesystem::path require_shared_data_or_skip();
// For *_models_test.cpp run through the CLI: the model folder (OPENPT_MODEL_DIR, else
// ~/.cache/openpt/models), or a message and exit 77 when the models are not installed.
std::filesystem::path require_models_or_skip();

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};
// Runs the openpt binary (OPENPT_BIN, set by ctest) with the given arguments.
CommandResult run_openpt(const std::vector<std::string>& args);

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  // Writes `content` to path()/name and returns the full path.
  std::filesystem::path write(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

}  // namespace openpt::testing
