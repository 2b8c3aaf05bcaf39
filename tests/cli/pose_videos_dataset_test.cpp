// `openpt pose` on the real videos in ../shared/data/videos (label `dataset`; also needs the
// models): every video runs without error, every decoded frame is in the output in time
// order, and the person is found where the videos' README says one is in view (the squat
// and balance clips: one person throughout; the Sports2D clip: people in most frames).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace openpt::testing {
namespace {

namespace fs = std::filesystem;

struct Clip {
  const char* file;
  std::size_t frames;          // duration x frame rate, from the README and ffprobe
  double min_person_fraction;  // of frames with a person found
};

TEST(PoseVideos, EveryVideoRunsAndFindsThePerson) {
  const fs::path videos = require_shared_data_or_skip() / "videos";
  require_models_or_skip();
  const Clip clips[] = {
      {"squat_front_mediapipe_overlay.mp4", 149, 1.0},
      {"balance_reach_4view_pose2sim_cam01.mp4", 100, 1.0},
      {"balance_reach_4view_pose2sim_cam02.mp4", 100, 1.0},
      {"balance_reach_4view_pose2sim_cam03.mp4", 100, 1.0},
      {"balance_reach_4view_pose2sim_cam04.mp4", 100, 1.0},
      {"walk_sagittal_and_jumpingjacks_sports2d.mp4", 230, 0.9},
  };
  // One thread: ctest runs tests side by side, and a model's worker thread waiting for a
  // busy core slows every operator down (docs/vision.md, "Speed").
  TempDir tmp;
  for (const Clip& clip : clips) {
    SCOPED_TRACE(clip.file);
    const fs::path out = tmp.path() / (std::string(clip.file) + ".json");
    const auto r =
        run_openpt({"pose", (videos / clip.file).string(), "-o", out.string(), "--threads", "1"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::cout << r.err;
    std::ifstream in(out);
    const auto j = nlohmann::json::parse(in);
    const auto& frames = j.at("frames");
    EXPECT_EQ(frames.size(), clip.frames);
    std::size_t with_person = 0;
    double previous_t = -1;
    for (const auto& frame : frames) {
      const double t = frame.at("t_s");
      EXPECT_GT(t, previous_t);
      previous_t = t;
      if (frame.at("detected").get<bool>()) ++with_person;
    }
    EXPECT_GE(static_cast<double>(with_person),
              clip.min_person_fraction * static_cast<double>(clip.frames));
  }
}

}  // namespace
}  // namespace openpt::testing
