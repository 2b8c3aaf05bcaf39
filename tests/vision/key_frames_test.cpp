// read_key_frames on videos and images written by the test with known content: each video
// frame is one solid colour, so a frame read back (after MJPG, then JPEG, compression) shows
// which frame it is; the downscale keeps the aspect ratio and never enlarges; a frame past
// the end is a clear error. to_base64 against the RFC 4648 test vectors.
#include "openpt/vision/key_frames.h"

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>
#include <string>
#include <vector>

#include "openpt/core/progress.h"
#include "support/test_support.h"

namespace openpt::vision {
namespace {

namespace fs = std::filesystem;
using openpt::testing::TempDir;

constexpr int kFrames = 10;
constexpr double kFps = 10;

// Frame i's colour (BGR), far apart from every other frame's.
cv::Scalar colour_of(int i) {
  return {static_cast<double>(25 * i), static_cast<double>(250 - 25 * i),
          static_cast<double>((i % 2) * 200 + 20)};
}

// kFrames solid-colour frames, `width` × `height`, as MJPG in an .avi at kFps.
fs::path write_colour_video(const TempDir& dir, int width, int height) {
  const fs::path path = dir.path() / "colours.avi";
  cv::VideoWriter writer(path.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), kFps,
                         cv::Size(width, height));
  EXPECT_TRUE(writer.isOpened());
  for (int i = 0; i < kFrames; ++i) writer.write(cv::Mat(height, width, CV_8UC3, colour_of(i)));
  return path;
}

cv::Mat decode(const KeyFrameImage& image) {
  return cv::imdecode(image.jpeg, cv::IMREAD_COLOR);  // BGR
}

void expect_colour(const cv::Mat& bgr, cv::Scalar expected, const std::string& what) {
  const cv::Scalar mean = cv::mean(bgr);
  for (int c = 0; c < 3; ++c) EXPECT_NEAR(mean[c], expected[c], 6) << what << " channel " << c;
}

TEST(ReadKeyFrames, GivesTheAskedFramesInTheAskedOrder) {
  TempDir dir;
  const fs::path video = write_colour_video(dir, 320, 160);
  const std::vector<std::size_t> frames = {9, 0, 5, 5};
  auto images = read_key_frames(video, frames);
  ASSERT_TRUE(images) << images.error().to_string();
  ASSERT_EQ(images->size(), frames.size());
  for (std::size_t i = 0; i < frames.size(); ++i) {
    const KeyFrameImage& image = (*images)[i];
    EXPECT_EQ(image.frame, frames[i]);
    EXPECT_NEAR(image.t_s, static_cast<double>(frames[i]) / kFps, 1e-6);
    EXPECT_EQ(image.width, 320);
    EXPECT_EQ(image.height, 160);
    const cv::Mat bgr = decode(image);
    ASSERT_FALSE(bgr.empty()) << "not a JPEG";
    EXPECT_EQ(bgr.cols, image.jpeg_width);
    EXPECT_EQ(bgr.rows, image.jpeg_height);
    expect_colour(bgr, colour_of(static_cast<int>(frames[i])), "frame " + std::to_string(i));
  }
}

TEST(ReadKeyFrames, ScalesTheLongerSideDownKeepingTheAspectRatio) {
  TempDir dir;
  const fs::path video = write_colour_video(dir, 320, 160);
  const std::vector<std::size_t> frames = {3};
  auto small = read_key_frames(video, frames, 100);
  ASSERT_TRUE(small) << small.error().to_string();
  EXPECT_EQ((*small)[0].jpeg_width, 100);
  EXPECT_EQ((*small)[0].jpeg_height, 50);
  EXPECT_EQ((*small)[0].width, 320) << "the original size is kept for the landmarks";
  const cv::Mat bgr = decode((*small)[0]);
  EXPECT_EQ(bgr.cols, 100);
  EXPECT_EQ(bgr.rows, 50);
  expect_colour(bgr, colour_of(3), "scaled frame 3");
  auto same = read_key_frames(video, frames, 640);  // never enlarged
  ASSERT_TRUE(same) << same.error().to_string();
  EXPECT_EQ((*same)[0].jpeg_width, 320);
  EXPECT_EQ((*same)[0].jpeg_height, 160);
}

TEST(ReadKeyFrames, AFramePastTheEndIsAClearError) {
  TempDir dir;
  const fs::path video = write_colour_video(dir, 64, 48);
  const std::vector<std::size_t> frames = {2, 10};
  auto images = read_key_frames(video, frames);
  ASSERT_FALSE(images);
  EXPECT_EQ(images.error().kind, ErrorKind::kBadInput);
  const std::string text = images.error().to_string();
  EXPECT_NE(text.find("frame 10 was asked for; the video has 10 frames"), std::string::npos)
      << text;
  EXPECT_NE(text.find("colours.avi"), std::string::npos) << text;
}

TEST(ReadKeyFrames, AnImageIsFrameZero) {
  TempDir dir;
  const fs::path png = dir.path() / "still.png";
  ASSERT_TRUE(cv::imwrite(png.string(), cv::Mat(90, 60, CV_8UC3, colour_of(7))));
  const std::vector<std::size_t> zero = {0};
  auto images = read_key_frames(png, zero);
  ASSERT_TRUE(images) << images.error().to_string();
  EXPECT_EQ((*images)[0].width, 60);
  EXPECT_EQ((*images)[0].height, 90);
  expect_colour(decode((*images)[0]), colour_of(7), "image");
  const std::vector<std::size_t> one = {1};
  auto past = read_key_frames(png, one);
  ASSERT_FALSE(past);
  EXPECT_NE(past.error().message.find("the image has 1 frame"), std::string::npos)
      << past.error().to_string();
}

TEST(ReadKeyFrames, NoFramesAskedReadsNothing) {
  auto images = read_key_frames("/nonexistent/video.mp4", {});
  ASSERT_TRUE(images);
  EXPECT_TRUE(images->empty());
}

TEST(ReadKeyFrames, AMissingFileIsNotFound) {
  const std::vector<std::size_t> frames = {0};
  auto images = read_key_frames("/nonexistent/dir/video.mp4", frames);
  ASSERT_FALSE(images);
  EXPECT_EQ(images.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(images.error().to_string().find("nonexistent"), std::string::npos)
      << "the file name only: " << images.error().to_string();
}

TEST(ReadKeyFrames, CtrlCStopsItWithACancelledError) {
  TempDir dir;
  const fs::path video = write_colour_video(dir, 64, 48);
  const std::vector<std::size_t> frames = {9};
  request_cancel();
  auto images = read_key_frames(video, frames);
  clear_cancel();
  ASSERT_FALSE(images);
  EXPECT_EQ(images.error().kind, ErrorKind::kCancelled);
}

TEST(ToBase64, MatchesTheRfc4648TestVectors) {
  const auto b64 = [](std::string_view s) {
    return to_base64({reinterpret_cast<const std::uint8_t*>(s.data()), s.size()});
  };
  EXPECT_EQ(b64(""), "");
  EXPECT_EQ(b64("f"), "Zg==");
  EXPECT_EQ(b64("fo"), "Zm8=");
  EXPECT_EQ(b64("foo"), "Zm9v");
  EXPECT_EQ(b64("foob"), "Zm9vYg==");
  EXPECT_EQ(b64("fooba"), "Zm9vYmE=");
  EXPECT_EQ(b64("foobar"), "Zm9vYmFy");
  const std::vector<std::uint8_t> high = {0xff, 0xfe, 0xfd};
  EXPECT_EQ(to_base64(high), "//79");
}

}  // namespace
}  // namespace openpt::vision
