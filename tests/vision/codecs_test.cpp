// The decoding plugin (codecs.h): not loaded until first asked for, then it decodes an image
// the test wrote, pixel for pixel, and encodes JPEG; a plugin that is absent or not a plugin
// is an error that names each place tried and why it was not taken.
#include "openpt/vision/codecs.h"

#include <gtest/gtest.h>
#include <link.h>

#include <opencv2/imgcodecs.hpp>
#include <string>

#include "support/test_support.h"

namespace openpt::vision {
namespace {

using openpt::testing::TempDir;

// Whether a shared object whose path contains `name` is loaded in this process.
bool is_loaded(const std::string& name) {
  struct Search {
    const std::string* name;
    bool found = false;
  } search{&name};
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* data) {
        auto* s = static_cast<Search*>(data);
        if (info->dlpi_name != nullptr &&
            std::string(info->dlpi_name).find(*s->name) != std::string::npos) {
          s->found = true;
        }
        return 0;
      },
      &search);
  return search.found;
}

TEST(Codecs, AreLoadedOnFirstUseAndDecodeWhatWasWritten) {
  EXPECT_FALSE(is_loaded("libopenpt_codecs"));
  const auto codecs = vision::codecs();
  ASSERT_TRUE(codecs) << codecs.error().to_string();
  EXPECT_TRUE(is_loaded("libopenpt_codecs"));

  TempDir tmp;
  cv::Mat written(3, 4, CV_8UC3);
  for (int r = 0; r < written.rows; ++r) {
    for (int c = 0; c < written.cols; ++c) {
      written.at<cv::Vec3b>(r, c) = {static_cast<uchar>(20 * r), static_cast<uchar>(40 * c),
                                     static_cast<uchar>(200 - 10 * (r + c))};
    }
  }
  const auto path = tmp.path() / "pixels.png";  // lossless
  ASSERT_TRUE(cv::imwrite(path.string(), written));
  const cv::Mat read = (*codecs)->read_image(path.string());
  ASSERT_EQ(read.size(), written.size());
  EXPECT_EQ(cv::norm(read, written, cv::NORM_INF), 0);
  EXPECT_TRUE((*codecs)->read_image((tmp.path() / "absent.png").string()).empty());
  EXPECT_EQ((*codecs)->open_video((tmp.path() / "absent.mp4").string()), nullptr);

  std::vector<unsigned char> jpeg;
  ASSERT_TRUE((*codecs)->encode_jpeg(written, 90, jpeg));
  ASSERT_GE(jpeg.size(), 4u);
  EXPECT_EQ(jpeg[0], 0xFF);  // JPEG start-of-image marker
  EXPECT_EQ(jpeg[1], 0xD8);
  EXPECT_EQ(cv::imdecode(jpeg, cv::IMREAD_COLOR).size(), written.size());
}

TEST(Codecs, APluginThatCannotBeLoadedIsAnErrorThatSaysWhereItLooked) {
  TempDir tmp;
  const auto absent = tmp.path() / "absent.so";
  const auto text = tmp.write("not_a_library.so", "not a shared object\n");
  const auto codecs = load_codecs({absent, text});
  ASSERT_FALSE(codecs);
  EXPECT_EQ(codecs.error().kind, ErrorKind::kInternal);
  const std::string message = codecs.error().to_string();
  EXPECT_NE(message.find("image and video decoding is unavailable"), std::string::npos) << message;
  EXPECT_NE(message.find(absent.string() + " (absent)"), std::string::npos) << message;
  EXPECT_NE(message.find(text.string() + " ("), std::string::npos) << message;
  EXPECT_EQ(message.find(text.string() + " (absent)"), std::string::npos) << message;
}

}  // namespace
}  // namespace openpt::vision
