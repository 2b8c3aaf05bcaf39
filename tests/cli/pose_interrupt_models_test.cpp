// Ctrl-C during `openpt pose` on a long video (label `model`): the command stops within a
// second or two with exit code 130, says it was interrupted, and leaves no output file (not
// even a partial one) — long work can be stopped cleanly.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/test_support.h"

namespace openpt::testing {
namespace {

namespace fs = std::filesystem;

TEST(PoseInterrupt, CtrlCStopsCleanlyWithExit130AndNoOutput) {
  require_models_or_skip();
  if (std::system("ffmpeg -version >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "ffmpeg (the command) is not installed: scripts/setup installs it";
  }
  TempDir tmp;
  // 2 minutes of a test pattern at 30 fps: far longer than the test waits.
  const fs::path video = tmp.path() / "long.mp4";
  const std::string make =
      "ffmpeg -loglevel error -y -f lavfi -i testsrc=size=320x240:rate=30 "
      "-t 120 -pix_fmt yuv420p '" +
      video.string() + "'";
  ASSERT_EQ(std::system(make.c_str()), 0);
  const fs::path out = tmp.path() / "poses.json";
  const fs::path err = tmp.path() / "err.txt";

  const char* bin = std::getenv("OPENPT_BIN");
  ASSERT_NE(bin, nullptr);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const int fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, STDERR_FILENO);
    execl(bin, bin, "pose", video.c_str(), "-o", out.c_str(), "--threads", "1",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  const auto interrupted_at = std::chrono::steady_clock::now();
  kill(child, SIGINT);
  int status = 0;
  waitpid(child, &status, 0);
  const double stop_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - interrupted_at).count();

  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 130);
  EXPECT_LT(stop_s, 5.0);
  std::ifstream in(err);
  std::stringstream message;
  message << in.rdbuf();
  EXPECT_NE(message.str().find("interrupted"), std::string::npos) << message.str();
  EXPECT_FALSE(fs::exists(out));
  for (const auto& entry : fs::directory_iterator(tmp.path())) {
    EXPECT_TRUE(entry.path() == video || entry.path() == err) << "left behind: " << entry.path();
  }
}

}  // namespace
}  // namespace openpt::testing
