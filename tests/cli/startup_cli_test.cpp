// openpt starts without the image and video decoding libraries (FFmpeg and the rest behind
// OpenCV's imgcodecs and videoio, about 230 shared objects): they are a plugin loaded only
// by commands that decode (vision/codecs.h). Checked with the dynamic loader's own report
// (LD_DEBUG=libs), which lists every library it loads.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "support/test_support.h"

namespace openpt::testing {
namespace {

TEST(Startup, CommandsThatDecodeNothingDoNotLoadTheDecodingLibraries) {
  ASSERT_EQ(setenv("LD_DEBUG", "libs", 1), 0);
  const CommandResult version = run_openpt({"--version"});
  const CommandResult exercises = run_openpt({"exercises"});
  unsetenv("LD_DEBUG");
  for (const CommandResult* r : {&version, &exercises}) {
    EXPECT_EQ(r->exit_code, 0) << r->err;
    // The report is there (the loader lists what the binary does need) ...
    EXPECT_NE(r->err.find("libopencv_core"), std::string::npos) << r->err.substr(0, 2000);
    // ... and names none of the decoding libraries.
    EXPECT_EQ(r->err.find("libopencv_videoio"), std::string::npos);
    EXPECT_EQ(r->err.find("libopencv_imgcodecs"), std::string::npos);
    EXPECT_EQ(r->err.find("libavcodec"), std::string::npos);
    EXPECT_EQ(r->err.find("libopenpt_codecs"), std::string::npos);
  }
}

}  // namespace
}  // namespace openpt::testing
