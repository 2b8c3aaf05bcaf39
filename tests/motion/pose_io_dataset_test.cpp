// Reads every shared keypoint file (countix-dev/*.npy, ui-prmd-dev/{correct,incorrect}/*.csv)
// with read_pose_file. Needs ../shared/data: exits 77 (skipped) when it is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <vector>

#include "openpt/core/csv.h"
#include "openpt/motion/pose_io.h"
#include "support/test_support.h"

namespace openpt::motion {
namespace {

namespace fs = std::filesystem;

fs::path data_dir() {
  static const fs::path dir = openpt::testing::require_shared_data_or_skip();
  return dir;
}

std::vector<fs::path> files_in(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == extension) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(PoseIoDataset, CountixNpyFiles) {
  const auto files = files_in(data_dir() / "countix-dev", ".npy");
  ASSERT_EQ(files.size(), 24u);
  for (const auto& path : files) {
    auto seq = read_pose_file(path);
    ASSERT_TRUE(seq) << seq.error().to_string();
    if (path.filename() == "pull_up036.npy") {  // saved as an empty array, shape (0,)
      EXPECT_EQ(seq->frame_count(), 0u);
      continue;
    }
    ASSERT_TRUE(seq) << seq.error().to_string();
    EXPECT_EQ(seq->metadata.format, "npy");
    EXPECT_EQ(seq->metadata.source, path.filename().string());
    EXPECT_EQ(seq->landmark_count(), 33u);
    EXPECT_GT(seq->frame_count(), 10u) << path;
    EXPECT_EQ(seq->metadata.fps, 30);
    // The README: every frame min–max normalised per axis.
    EXPECT_TRUE(seq->image_space.per_frame_normalized) << path;
    std::size_t detected = 0;
    for (std::size_t i = 0; i < seq->frame_count(); ++i) {
      if (!seq->detected[i]) continue;
      ++detected;
      const Landmark& nose = seq->image_at(i, 0);
      EXPECT_TRUE(nose.x >= 0 && nose.x <= 1 && nose.y >= 0 && nose.y <= 1) << path << " " << i;
      EXPECT_TRUE(std::isnan(nose.visibility));
    }
    EXPECT_GT(detected, seq->frame_count() / 4) << path;
  }
}

TEST(PoseIoDataset, UiPrmdCsvFilesMatchTheManifest) {
  const fs::path root = data_dir() / "ui-prmd-dev";
  auto manifest_text = read_text_file(root / "manifest.csv", "manifest.csv");
  ASSERT_TRUE(manifest_text);
  CsvReader manifest(*manifest_text, "manifest.csv");
  ASSERT_TRUE(manifest.next());
  const auto& header = manifest.cells();
  const auto column = [&](std::string_view name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const std::size_t file_col = column("file"), frames_col = column("n_frames"),
                    duration_col = column("duration_s");
  ASSERT_LT(duration_col, header.size());
  std::size_t checked = 0;
  while (manifest.next()) {
    const fs::path path = root / std::string(manifest.cell(file_col));
    const auto n_frames = *manifest.integer(frames_col, "n_frames");
    const double duration = *manifest.number(duration_col, "duration_s");
    auto seq = read_pose_file(path);
    ASSERT_TRUE(seq) << seq.error().to_string();
    EXPECT_EQ(seq->skeleton, &kinect22()) << path;
    EXPECT_EQ(seq->landmark_count(), 22u);
    EXPECT_EQ(seq->frame_count(), static_cast<std::size_t>(n_frames)) << path;
    // The manifest's duration is n_frames / 30 s (frame times span one interval less).
    EXPECT_NEAR(seq->duration_s() + 1.0 / 30, duration, 1e-3) << path;
    EXPECT_NEAR(seq->metadata.fps, 30, 0.01) << path;
    EXPECT_FALSE(seq->has_image);
    EXPECT_TRUE(seq->has_world);
    EXPECT_EQ(seq->world_up, (Vec3{0, 1, 0}));
    // Standing subjects: the head is above the waist in the first frame.
    const auto waist = static_cast<std::size_t>(kinect22().landmark_index("waist"));
    const auto head = static_cast<std::size_t>(kinect22().landmark_index("head"));
    EXPECT_GT(seq->world_at(0, head).y, seq->world_at(0, waist).y + 0.3) << path;
    ++checked;
  }
  EXPECT_EQ(checked, files_in(root / "correct", ".csv").size() +
                         files_in(root / "incorrect", ".csv").size());
}

}  // namespace
}  // namespace openpt::motion
