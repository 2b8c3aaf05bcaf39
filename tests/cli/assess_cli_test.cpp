// `openpt assess` on bad input and bad flags, without the models: a missing file, a text
// file named .mp4, a corrupt or unsupported image, bad flags and an output naming the input
// are each exit 2 with a message naming the file or flag, and nothing on standard output.
// (With the models: assess_cli_models_test.cpp; on the shared videos:
// assess_videos_dataset_test.cpp.)
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace openpt::testing {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

void expect_bad_input(const CommandResult& r, const std::string& named, const std::string& what) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, "openpt: error:")) << r.err;
  EXPECT_TRUE(contains(r.err, named)) << r.err;
  EXPECT_TRUE(contains(r.err, what)) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST(AssessCli, MissingVideoIsExit2NamingIt) {
  expect_bad_input(run_openpt({"assess", "no_such_squat.mp4", "--exercise", "squat"}),
                   "no_such_squat.mp4", "no such file");
}

TEST(AssessCli, TextFileNamedMp4IsExit2) {
  TempDir tmp;
  const auto fake = tmp.write("squat.mp4", "this is not a video\n");
  const auto out = tmp.path() / "report.html";
  expect_bad_input(run_openpt({"assess", fake.string(), "-o", out.string()}), "squat.mp4",
                   "cannot be opened");
  EXPECT_FALSE(fs::exists(out)) << "no report on failure";
}

TEST(AssessCli, CorruptEmptyOrUnsupportedImageIsExit2) {
  TempDir tmp;
  expect_bad_input(run_openpt({"assess", tmp.write("photo.jpg", "not a JPEG\n").string()}),
                   "photo.jpg", "cannot be decoded");
  expect_bad_input(run_openpt({"assess", tmp.write("empty.png", "").string()}), "empty.png",
                   "empty");
  expect_bad_input(run_openpt({"assess", tmp.write("anim.gif", "GIF89a").string()}), "anim.gif",
                   "unsupported file type");
}

TEST(AssessCli, BadFlagsAreExit2NamingTheFlagBeforeTheVideoIsRead) {
  // The input does not exist: the flags are checked first.
  const std::vector<std::vector<std::string>> cases = {{"--exercise", "no_such_exercise"},
                                                       {"--format", "pdf"},
                                                       {"--view", "top"},
                                                       {"--min-visibility", "2"},
                                                       {"--cutoff-hz", "-1"},
                                                       {"--model", "huge"},
                                                       {"--threads", "-3"},
                                                       {"--min-detection", "1.5"}};
  for (const auto& flag : cases) {
    const auto r = run_openpt({"assess", "missing.mp4", flag[0], flag[1]});
    EXPECT_EQ(r.exit_code, 2) << flag[0] << " " << flag[1] << ": " << r.err;
    EXPECT_TRUE(contains(r.err, flag[0])) << flag[0] << " " << flag[1] << ": " << r.err;
  }
  EXPECT_EQ(run_openpt({"assess"}).exit_code, 2) << "INPUT is required";
}

TEST(AssessCli, OutputNamingTheInputIsRefused) {
  TempDir tmp;
  const auto video = tmp.write("squat.mp4", "precious bytes");
  const auto r = run_openpt({"assess", video.string(), "-o", video.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "-o names the input video")) << r.err;
  std::ifstream in(video);
  std::string content;
  std::getline(in, content);
  EXPECT_EQ(content, "precious bytes");
}

TEST(AssessCli, HelpDescribesKeyFramesFormatsAndEngineFlags) {
  const auto r = run_openpt({"assess", "--help"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* part :
       {"--exercise", "--format", "--output", "--view", "--min-visibility", "--cutoff-hz",
        "--model", "--threads", "KEY", "FRAMES", "openpt.assessment/1", "130"}) {
    EXPECT_TRUE(contains(r.out, part)) << part;
  }
  EXPECT_TRUE(contains(run_openpt({"--help"}).out, "assess"));
}

}  // namespace
}  // namespace openpt::testing
