#include "support/test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

namespace openpt::testing {

namespace fs = std::filesystem;

fs::path source_dir() {
  return fs::path(OPENPT_SOURCE_DIR);
}

std::optional<fs::path> shared_data_dir() {
  fs::path dir;
  if (const char* env = std::getenv("OPENPT_SHARED_DATA"); env && *env) {
    dir = env;
  } else {
    dir = source_dir() / ".." / "shared" / "data";
  }
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return std::nullopt;
  return fs::canonical(dir, ec);
}

fs::path require_shared_data_or_skip() {
  auto dir = shared_data_dir();
  if (!dir) {
    std::cout << "SKIPPED: ../shared/data not found (set OPENPT_SHARED_DATA to the shared "
                 "dataset directory to run this test)\n";
    std::exit(77);
  }
  return *dir;
}

fs::path require_models_or_skip() {
  const char* dir = std::getenv("OPENPT_MODEL_DIR");
  const char* home = std::getenv("HOME");
  const fs::path models = dir != nullptr && *dir != '\0'
                              ? fs::path(dir)
                              : fs::path(home != nullptr ? home : ".") / ".cache/openpt/models";
  if (!fs::exists(models / "pose_landmark_full.tflite")) {
    std::cout << "SKIPPED: no BlazePose models in " << models.string()
              << " (run scripts/fetch-models, or set OPENPT_MODEL_DIR)\n";
    std::exit(77);
  }
  return models;
}

namespace {
std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}
}  // namespace

CommandResult run_openpt(const std::vector<std::string>& args) {
  const char* bin = std::getenv("OPENPT_BIN");
  std::string command = shell_quote(bin ? bin : "openpt");
  for (const auto& a : args) command += " " + shell_quote(a);
  TempDir tmp;
  command += " >" + shell_quote((tmp.path() / "out").string()) + " 2>" +
             shell_quote((tmp.path() / "err").string()) + " </dev/null";
  const int status = std::system(command.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_all(tmp.path() / "out");
  r.err = read_all(tmp.path() / "err");
  return r;
}

TempDir::TempDir() {
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path p = fs::temp_directory_path() / ("openpt-test-" + std::to_string(rd()));
    std::error_code ec;
    if (fs::create_directory(p, ec)) {
      path_ = p;
      return;
    }
  }
  std::abort();
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

fs::path TempDir::write(const std::string& name, const std::string& content) const {
  fs::path p = path_ / name;
  std::ofstream out(p, std::ios::binary);
  out << content;
  return p;
}

}  // namespace openpt::testing
