// `openpt simulate`: writes readable openpt.pose/1 recordings to a file or standard output,
// optional ground truth, and rejects bad flags with exit code 2.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "openpt/motion/pose_io.h"
#include "support/test_support.h"

namespace openpt::testing {
namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(CliSimulate, HelpDescribesTheModelAndExercises) {
  const CommandResult r = run_openpt({"simulate", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* word : {"squat", "sit_to_stand", "shoulder_abduction", "Winter", "--reps"}) {
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
  }
}

TEST(CliSimulate, WritesAReadableRecordingToAFile) {
  TempDir tmp;
  const auto path = tmp.path() / "squat.json";
  const CommandResult r = run_openpt(
      {"simulate", "squat", "--reps", "2", "--fps", "20", "--view", "side", "-o", path.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  auto seq = motion::read_pose_file(path);
  ASSERT_TRUE(seq.has_value()) << seq.error().to_string();
  EXPECT_NEAR(static_cast<double>(seq->frame_count()), 20 * (2 * 3.0 + 3 * 1.0), 1);
  EXPECT_EQ(seq->metadata.view, motion::CameraView::kSide);
  EXPECT_TRUE(seq->has_world);
  EXPECT_EQ(seq->image_space.width_px, 1280);
}

TEST(CliSimulate, WritesToStandardOutputAndIsDeterministic) {
  const CommandResult a = run_openpt({"simulate", "shoulder_abduction", "--reps", "1"});
  const CommandResult b = run_openpt({"simulate", "shoulder_abduction", "--reps", "1", "-o", "-"});
  const CommandResult c =
      run_openpt({"simulate", "shoulder_abduction", "--reps", "1", "--seed", "9"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_NE(a.out.find("\"openpt.pose/1\""), std::string::npos);
  EXPECT_EQ(a.out, b.out);
  EXPECT_NE(a.out, c.out);
}

TEST(CliSimulate, WritesGroundTruthCsv) {
  TempDir tmp;
  const auto truth = tmp.path() / "truth.csv";
  const CommandResult r = run_openpt({"simulate", "squat", "--reps", "1", "--fps", "10", "-o",
                                      (tmp.path() / "s.json").string(), "--truth", truth.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string csv = read_file(truth);
  EXPECT_EQ(csv.rfind("t_s,rep,", 0), 0u);
  EXPECT_NE(csv.find("left_knee_flexion"), std::string::npos);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 51);  // header + 5 s at 10 fps
}

TEST(CliSimulate, BadFlagsExitWithTwo) {
  const std::vector<std::vector<std::string>> bad = {
      {"simulate", "jumping_jacks"},
      {"simulate", "squat", "--reps", "0"},
      {"simulate", "squat", "--reps", "1001"},
      {"simulate", "squat", "--fps", "5000"},
      {"simulate", "squat", "--fps", "abc"},
      {"simulate", "squat", "--view", "top"},
      {"simulate", "squat", "--noise-px", "-1"},
      {"simulate", "squat", "--stature-m", "9"},
      {"simulate"},
  };
  for (const auto& args : bad) {
    const CommandResult r = run_openpt(args);
    EXPECT_EQ(r.exit_code, 2) << args.back() << ": " << r.err;
    EXPECT_FALSE(r.err.empty()) << args.back();
    EXPECT_TRUE(r.out.empty()) << args.back();
  }
  const CommandResult unknown = run_openpt({"simulate", "jumping_jacks"});
  EXPECT_NE(unknown.err.find("sit_to_stand"), std::string::npos) << unknown.err;
}

}  // namespace
}  // namespace openpt::testing
