// `openpt assess` with the models (label `model`; skipped without them) on photos from the
// Debian packages scripts/setup installs: a photo of a person gives an HTML report with one
// key frame (the photo as a JPEG data URI with the skeleton over it) and a JSON report
// listing it; an image without a person gives a report saying so (exit 0, a warning).
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "report_files.h"
#include "support/test_support.h"

namespace openpt::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kPhoto = "/usr/share/doc/opencv-doc/examples/data/messi5.jpg";

// An 8 × 8 mid-grey 24-bit BMP: no person.
std::string grey_bmp() {
  std::string b = "BM";
  const auto u32 = [&](std::uint32_t v) {
    for (int i = 0; i < 4; ++i) b += static_cast<char>((v >> (8 * i)) & 0xffu);
  };
  for (std::uint32_t v : {54u + 192u, 0u, 54u, 40u, 8u, 8u}) u32(v);
  b += std::string("\x01\x00\x18\x00", 4);
  for (std::uint32_t v : {0u, 192u, 2835u, 2835u, 0u, 0u}) u32(v);
  return b + std::string(192, '\x80');
}

TEST(AssessCliModels, PhotoGivesAnHtmlReportWithOneKeyFrame) {
  require_models_or_skip();
  ASSERT_TRUE(fs::exists(kPhoto)) << "scripts/setup installs opencv-doc";
  TempDir tmp;
  const fs::path out = tmp.path() / "messi.html";
  const auto r = run_openpt({"assess", kPhoto.string(), "--exercise", "auto", "--model", "lite",
                             "--threads", "1", "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("a person in 1"), std::string::npos) << r.err;
  const std::string html = read_file(out);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(occurrences(html, "<figure class=\"keyframe\">"), 1u);
  // One picture, a JPEG ("/9j/" is base64 for its FF D8 FF start) of the 548 × 342 photo.
  EXPECT_EQ(occurrences(html, "<image href=\"data:image/jpeg;base64,/9j/"), 1u);
  EXPECT_EQ(occurrences(html, "<svg viewBox=\"0 0 548 342\""), 1u);
  EXPECT_GE(occurrences(html, "<line class=\"bone"), 20u) << "the skeleton is drawn";
  EXPECT_NE(html.find("<strong>The image</strong>"), std::string::npos);
  for (const char* external : {"src=\"http", "href=\"http", "url(", "<script", "<link"}) {
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  }
  EXPECT_NE(html.find("messi5.jpg"), std::string::npos);
  EXPECT_EQ(html.find("/usr/share"), std::string::npos) << "the file name only";
}

TEST(AssessCliModels, PhotoAsJsonListsTheKeyFrameWithoutThePicture) {
  require_models_or_skip();
  const auto r = run_openpt(
      {"assess", kPhoto.string(), "--model", "lite", "--threads", "1", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("schema"), "openpt.assessment/1");
  EXPECT_EQ(j.at("source"), "messi5.jpg");
  EXPECT_EQ(j.at("recording").at("frames"), 1);
  ASSERT_EQ(j.at("key_frames").size(), 1u);
  EXPECT_EQ(j.at("key_frames")[0].at("frame"), 0);
  EXPECT_EQ(j.at("key_frames")[0].at("caption"), "The image");
  EXPECT_EQ(r.out.find("base64"), std::string::npos);
}

TEST(AssessCliModels, ImageWithoutAPersonGivesAReportSayingSo) {
  require_models_or_skip();
  TempDir tmp;
  const auto image = tmp.write("empty_room.bmp", grey_bmp());
  const fs::path html_out = tmp.path() / "room.html";
  auto r = run_openpt(
      {"assess", image.string(), "--model", "lite", "--threads", "1", "-o", html_out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: empty_room.bmp: no person was found in the image"),
            std::string::npos)
      << r.err;
  const std::string html = read_file(html_out);
  EXPECT_NE(html.find("no person was found in the image"), std::string::npos);
  EXPECT_EQ(occurrences(html, "<image href=\"data:image/jpeg;base64,"), 1u) << "the image is shown";
  EXPECT_NE(html.find("No person was found in this frame."), std::string::npos);
  r = run_openpt({"assess", image.string(), "--model", "lite", "--threads", "1", "--exercise",
                  "squat", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j.at("rep_count").is_null());
  EXPECT_EQ(j.at("assessment_error"), "no person was found in the image");
}

}  // namespace
}  // namespace openpt::testing
