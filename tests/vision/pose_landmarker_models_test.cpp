// End to end on real photos: OpenPT's pose landmarks against MediaPipe Tasks Vision's
// (goldens made by tools/tasks-vision-reference, full model, IMAGE mode). The photos come
// from Debian packages (opencv-doc, python3-skimage, python-matplotlib-data) installed by
// scripts/setup. Bound: mean landmark error <= 0.5 px and max <= 2 px in image pixels.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "openpt/vision/frame_source.h"
#include "openpt/vision/pose_landmarker.h"
#include "pose_golden.h"
#include "vision_test_support.h"

namespace openpt::vision {
namespace {

namespace fs = std::filesystem;
using testing::compare_with_golden;
using testing::load_pose_golden;

const fs::path kGoldens = fs::path(OPENPT_SOURCE_DIR) / "tests/vision/goldens/photos";

struct Photo {
  const char* golden;
  const char* path;
};

const Photo kPhotos[] = {
    {"messi5.json", "/usr/share/doc/opencv-doc/examples/data/messi5.jpg"},
    {"basketball1.json", "/usr/share/doc/opencv-doc/examples/data/basketball1.png"},
    {"basketball2.json", "/usr/share/doc/opencv-doc/examples/data/basketball2.png"},
    {"camera.json", "/usr/lib/python3/dist-packages/skimage/data/camera.png"},
    {"astronaut.json", "/usr/lib/python3/dist-packages/skimage/data/astronaut.png"},
    {"grace_hopper.json", "/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg"},
};

cv::Mat read_photo(const fs::path& path) {
  auto source = FrameSource::open(path);
  EXPECT_TRUE(source) << source.error().to_string();
  if (!source) return {};
  auto frame = source->next();
  EXPECT_TRUE(frame && *frame);
  return frame && *frame ? (*frame)->rgb : cv::Mat();
}

class PosePhotos : public ::testing::TestWithParam<int> {};

TEST_P(PosePhotos, FullModelMatchesTasksVision) {
  const int threads = GetParam();
  testing::model_path_or_skip(kPoseLandmarkFullModel);
  auto landmarker = PoseLandmarker::create({.model = PoseModel::kFull, .threads = threads});
  ASSERT_TRUE(landmarker) << landmarker.error().to_string();
  for (const Photo& photo : kPhotos) {
    SCOPED_TRACE(photo.path);
    if (!fs::exists(photo.path)) {
      ADD_FAILURE() << photo.path
                    << " missing: scripts/setup installs the packages with the photos";
      continue;
    }
    const auto golden = load_pose_golden(kGoldens / photo.golden);
    const cv::Mat rgb = read_photo(photo.path);
    ASSERT_EQ(rgb.cols, golden.width);
    ASSERT_EQ(rgb.rows, golden.height);
    auto pose = landmarker->detect(rgb);
    ASSERT_TRUE(pose) << pose.error().to_string();
    ASSERT_EQ(pose->has_value(), golden.landmarks.has_value());
    if (!golden.landmarks) continue;
    const auto e = compare_with_golden(**pose, golden);
    std::cout << photo.golden << ": mean " << e.mean_px << " px, max " << e.max_px
              << " px (landmark " << e.worst_landmark << "), world max " << e.max_world_m
              << " m, z max " << e.max_z << ", visibility max " << e.max_visibility << "\n";
    EXPECT_LE(e.mean_px, 0.5);
    EXPECT_LE(e.max_px, 2.0);
    EXPECT_LE(e.max_world_m, 0.01);
    EXPECT_LE(e.max_visibility, 0.01);
    EXPECT_LE(e.max_z, 0.01);
  }
}

INSTANTIATE_TEST_SUITE_P(Threads, PosePhotos, ::testing::Values(1, 2));

}  // namespace
}  // namespace openpt::vision
