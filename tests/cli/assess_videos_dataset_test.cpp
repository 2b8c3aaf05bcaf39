// `openpt assess` on the real clips of ../shared/data/videos (label `dataset`; skipped,
// exit 77, without the data or without the models): the MediaPipe squat clip, in which a man
// does 3 squats, gives 3 repetitions and 3 key frames, one per squat at its deepest point;
// every clip goes through --exercise auto to an HTML report with its frames. --model lite
// (the answers do not depend on the model) on one thread (a thread pool slows down badly
// when ctest runs other tests beside it) keeps the tests quick.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "report_files.h"
#include "support/test_support.h"

namespace openpt::testing {
namespace {

namespace fs = std::filesystem;

fs::path videos_or_skip() {
  const fs::path data = require_shared_data_or_skip();
  require_models_or_skip();
  return data / "videos";
}

TEST(AssessVideos, ThreeSquatsGiveThreeRepsAndThreeKeyFrames) {
  const fs::path video = videos_or_skip() / "squat_front_mediapipe_overlay.mp4";
  TempDir tmp;
  const fs::path out = tmp.path() / "squat.html";
  const auto r = run_openpt({"assess", video.string(), "--exercise", "squat", "--model", "lite",
                             "--threads", "1", "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(out);
  EXPECT_NE(html.find("<dt>Repetitions</dt><dd>3</dd>"), std::string::npos)
      << "3 squats, none partial";
  EXPECT_EQ(occurrences(html, "<figure class=\"keyframe\">"), 3u);
  EXPECT_EQ(occurrences(html, "<image href=\"data:image/jpeg;base64,/9j/"), 3u);
  EXPECT_EQ(occurrences(html, "<svg viewBox=\"0 0 640 360\""), 3u);
  for (const char* rep : {">Rep 1</text>", ">Rep 2</text>", ">Rep 3</text>"}) {
    EXPECT_EQ(occurrences(html, rep), 1u) << rep;
  }
  EXPECT_GE(occurrences(html, "<line class=\"bone"), 3u * 20u) << "a skeleton on every frame";
}

TEST(AssessVideos, EveryClipGivesAnHtmlReportWithItsFrames) {
  const fs::path dir = videos_or_skip();
  std::vector<fs::path> videos;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".mp4") videos.push_back(entry.path());
  }
  std::sort(videos.begin(), videos.end());
  ASSERT_EQ(videos.size(), 6u);
  TempDir tmp;
  for (const fs::path& video : videos) {
    SCOPED_TRACE(video.filename().string());
    const fs::path out = tmp.path() / "x.html";
    const auto r = run_openpt({"assess", video.string(), "--exercise", "auto", "--model", "lite",
                               "--threads", "1", "-o", out.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string html = read_file(out);
    const std::size_t frames = occurrences(html, "<figure class=\"keyframe\">");
    EXPECT_GE(frames, 1u);
    EXPECT_LE(frames, 12u);
    EXPECT_EQ(occurrences(html, "<image href=\"data:image/jpeg;base64,/9j/"), frames);
    EXPECT_NE(html.find(video.filename().string()), std::string::npos);
  }
}

}  // namespace
}  // namespace openpt::testing
