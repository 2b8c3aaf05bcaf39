// `openpt analyze` on every recording of ../shared/data/countix-dev (BlazePose .npy) and
// ../shared/data/ui-prmd-dev (Kinect wide CSV): each must succeed and produce a JSON
// assessment whose knee angles exist. Skipped (exit 77) when the shared data is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "support/test_support.h"

namespace openpt {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> files_in(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == extension &&
        entry.path().filename() != "manifest.csv" && entry.path().filename() != "labels.csv") {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Runs `openpt analyze` on every file, as many at a time as there are cores (most of the
// time goes into starting the process), and returns the results in the files' order.
std::vector<testing::CommandResult> analyse_all(const std::vector<fs::path>& files) {
  std::vector<testing::CommandResult> results(files.size());
  std::atomic<std::size_t> next = 0;
  const auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      results[i] = testing::run_openpt({"analyze", files[i].string(), "--format", "json"});
    }
  };
  std::vector<std::thread> workers(std::max(1u, std::thread::hardware_concurrency()));
  for (std::thread& w : workers) w = std::thread(work);
  for (std::thread& w : workers) w.join();
  return results;
}

void expect_all_analyse(const std::vector<fs::path>& files, std::size_t expected_count) {
  ASSERT_EQ(files.size(), expected_count);
  const std::vector<testing::CommandResult> results = analyse_all(files);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const fs::path& file = files[i];
    const testing::CommandResult& r = results[i];
    ASSERT_EQ(r.exit_code, 0) << file << "\n" << r.err;
    const auto report = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_FALSE(report.is_discarded()) << file;
    EXPECT_EQ(report.value("schema", ""), "openpt.assessment/1") << file;
    EXPECT_TRUE(report["angles"].contains("left_knee_flexion")) << file;
  }
}

TEST(AnalyzeSharedData, EveryCountixClip) {
  const fs::path data = testing::require_shared_data_or_skip();
  expect_all_analyse(files_in(data / "countix-dev", ".npy"), 24);
}

TEST(AnalyzeSharedData, EveryUiPrmdRepetition) {
  const fs::path data = testing::require_shared_data_or_skip();
  expect_all_analyse(files_in(data / "ui-prmd-dev", ".csv"), 1000);
}

}  // namespace
}  // namespace openpt
