// FrameSource on images and videos written by the test itself with known content: RGB
// channel order, frame count, rate and times, rotation metadata applied the way ffmpeg (and
// so video players) apply it, and the bad inputs of issue 4 — missing, empty, corrupt,
// truncated, unsupported, zero frames, huge — as clear errors.
#include "openpt/vision/frame_source.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <string>

#include "support/test_support.h"

namespace openpt::vision {
namespace {

namespace fs = std::filesystem;
using openpt::testing::TempDir;

// A BGR image whose left half is pure red and right half pure blue, with a green square in
// the top-left corner (so orientation is visible).
cv::Mat marked_bgr(int width, int height) {
  cv::Mat m(height, width, CV_8UC3, cv::Scalar(0, 0, 255));                           // red (BGR)
  m(cv::Rect(width / 2, 0, width - width / 2, height)).setTo(cv::Scalar(255, 0, 0));  // blue
  m(cv::Rect(0, 0, width / 8, width / 8)).setTo(cv::Scalar(0, 255, 0));  // green corner
  return m;
}

// Mean of a region of an RGB frame.
cv::Scalar mean_of(const cv::Mat& rgb, cv::Rect r) {
  return cv::mean(rgb(r));
}

// Writes `frames` frames of `marked_bgr` as MJPG in an .avi at `fps`.
fs::path write_video(const TempDir& dir, const std::string& name, int frames, double fps) {
  const fs::path path = dir.path() / name;
  cv::VideoWriter writer(path.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), fps,
                         cv::Size(160, 120));
  EXPECT_TRUE(writer.isOpened());
  for (int i = 0; i < frames; ++i) writer.write(marked_bgr(160, 120));
  return path;
}

Result<std::size_t> count_frames(FrameSource& source) {
  std::size_t n = 0;
  while (true) {
    auto f = source.next();
    if (!f) return tl::unexpected(f.error());
    if (!*f) return n;
    ++n;
  }
}

TEST(FrameSource, ImageIsRgbAndUpright) {
  TempDir dir;
  const fs::path png = dir.path() / "marked.png";
  ASSERT_TRUE(cv::imwrite(png.string(), marked_bgr(80, 60)));
  auto source = FrameSource::open(png);
  ASSERT_TRUE(source) << source.error().to_string();
  EXPECT_FALSE(source->is_video());
  EXPECT_EQ(source->width(), 80);
  EXPECT_EQ(source->height(), 60);
  auto frame = source->next();
  ASSERT_TRUE(frame && *frame);
  const cv::Mat& rgb = (*frame)->rgb;
  ASSERT_EQ(rgb.type(), CV_8UC3);
  const cv::Scalar left = mean_of(rgb, cv::Rect(20, 30, 10, 10));
  const cv::Scalar right = mean_of(rgb, cv::Rect(60, 30, 10, 10));
  EXPECT_NEAR(left[0], 255, 1);                                // red first: RGB order
  EXPECT_NEAR(right[2], 255, 1);                               // blue last
  EXPECT_NEAR(mean_of(rgb, cv::Rect(0, 0, 5, 5))[1], 255, 1);  // green corner top-left
  auto end = source->next();
  ASSERT_TRUE(end);
  EXPECT_FALSE(*end);  // one frame only
}

TEST(FrameSource, VideoFramesCountRateAndTimes) {
  TempDir dir;
  const fs::path avi = write_video(dir, "clip.avi", 12, 10);
  auto source = FrameSource::open(avi);
  ASSERT_TRUE(source) << source.error().to_string();
  EXPECT_TRUE(source->is_video());
  EXPECT_EQ(source->width(), 160);
  EXPECT_EQ(source->height(), 120);
  EXPECT_NEAR(source->fps(), 10, 1e-6);
  EXPECT_EQ(source->frame_count_hint(), 12u);
  std::size_t n = 0;
  while (true) {
    auto f = source->next();
    ASSERT_TRUE(f) << f.error().to_string();
    if (!*f) break;
    EXPECT_EQ((*f)->index, n);
    EXPECT_NEAR((*f)->t_s, static_cast<double>(n) / 10, 1e-3);
    EXPECT_NEAR(mean_of((*f)->rgb, cv::Rect(20, 60, 10, 10))[0], 255, 20);  // red, RGB (JPEG)
    ++n;
  }
  EXPECT_EQ(n, 12u);
  EXPECT_FALSE(source->truncated());
}

// Rotation metadata as phones write it, set with ffmpeg; upright = what ffmpeg displays.
TEST(FrameSource, RotationMetadataIsApplied) {
  if (std::system("ffmpeg -version >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "ffmpeg (the command) is not installed: scripts/setup installs it";
  }
  TempDir dir;
  const fs::path avi = write_video(dir, "plain.avi", 3, 10);
  const fs::path plain = dir.path() / "plain.mp4";
  const std::string encode = "ffmpeg -loglevel error -y -i '" + avi.string() +
                             "' -c:v libx264 -pix_fmt yuv444p -qp 0 '" + plain.string() + "'";
  ASSERT_EQ(std::system(encode.c_str()), 0) << encode;
  for (const int tag : {90, 180, 270}) {
    const fs::path mp4 = dir.path() / ("rot" + std::to_string(tag) + ".mp4");
    const fs::path reference = dir.path() / ("rot" + std::to_string(tag) + ".png");
    const std::string make = "ffmpeg -loglevel error -y -i '" + plain.string() +
                             "' -c copy -metadata:s:v:0 rotate=" + std::to_string(tag) + " '" +
                             mp4.string() + "'";
    ASSERT_EQ(std::system(make.c_str()), 0) << make;
    // ffmpeg's own decoding, rotated as players show it.
    const std::string show = "ffmpeg -loglevel error -y -i '" + mp4.string() + "' -frames:v 1 '" +
                             reference.string() + "'";
    ASSERT_EQ(std::system(show.c_str()), 0) << show;
    cv::Mat expected;
    cv::cvtColor(cv::imread(reference.string()), expected, cv::COLOR_BGR2RGB);

    auto source = FrameSource::open(mp4);
    ASSERT_TRUE(source) << source.error().to_string();
    auto frame = source->next();
    ASSERT_TRUE(frame && *frame);
    const cv::Mat& rgb = (*frame)->rgb;
    ASSERT_EQ(rgb.size(), expected.size()) << tag;
    EXPECT_EQ(source->width(), expected.cols);
    EXPECT_EQ(source->height(), expected.rows);
    cv::Mat diff;
    cv::absdiff(rgb, expected, diff);
    EXPECT_LT(cv::mean(diff)[0] + cv::mean(diff)[1] + cv::mean(diff)[2], 3.0) << tag;
    EXPECT_NE(source->rotation_deg(), 0) << tag;
  }
}

TEST(FrameSource, BadInputsAreClearErrors) {
  TempDir dir;
  const auto error_of = [](const fs::path& p) {
    auto s = FrameSource::open(p);
    return s ? std::string("opened") : s.error().to_string();
  };
  EXPECT_NE(error_of(dir.path() / "missing.mp4").find("no such file"), std::string::npos);
  EXPECT_NE(error_of(dir.write("empty.mp4", "")).find("empty"), std::string::npos);
  EXPECT_NE(error_of(dir.write("garbage.mp4", std::string(5000, 'x'))).find("cannot be opened"),
            std::string::npos);
  EXPECT_NE(error_of(dir.write("garbage.jpg", std::string(5000, 'x'))).find("cannot be decoded"),
            std::string::npos);
  EXPECT_NE(error_of(dir.write("notes.txt", "hello")).find("unsupported file type"),
            std::string::npos);
  // A PNG header announcing 20000 × 20000 pixels is refused before decoding.
  std::string huge("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x4e\x20\0\0\x4e\x20\x08\x02\0\0\0", 29);
  huge += std::string(100, '\0');
  const std::string message = error_of(dir.write("huge.png", huge));
  EXPECT_NE(message.find("20000 × 20000"), std::string::npos) << message;
  EXPECT_NE(message.find("huge.png"), std::string::npos) << message;
}

TEST(FrameSource, TruncatedVideoKeepsTheFramesBefore) {
  TempDir dir;
  const fs::path avi = write_video(dir, "clip.avi", 40, 10);
  // Keep the first 40 % of the file: the header and the first frames.
  std::ifstream in(avi, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  const fs::path cut = dir.write("cut.avi", bytes.substr(0, bytes.size() * 4 / 10));
  auto source = FrameSource::open(cut);
  if (!source) {
    // Without the index some demuxers refuse the file outright: that must be a clear error.
    EXPECT_NE(source.error().to_string().find("cut.avi"), std::string::npos);
    return;
  }
  auto n = count_frames(*source);
  ASSERT_TRUE(n) << n.error().to_string();
  EXPECT_GT(*n, 5u);
  EXPECT_LT(*n, 40u);
}

TEST(FrameSource, ZeroFrameVideoIsAnError) {
  TempDir dir;
  const fs::path path = dir.path() / "none.avi";
  {
    cv::VideoWriter writer(path.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 10,
                           cv::Size(160, 120));
    ASSERT_TRUE(writer.isOpened());
  }  // closed without frames
  auto source = FrameSource::open(path);
  ASSERT_FALSE(source);
  EXPECT_NE(source.error().to_string().find("none.avi"), std::string::npos);
}

}  // namespace
}  // namespace openpt::vision
