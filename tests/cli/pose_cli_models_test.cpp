// `openpt pose` with the models (label `model`; skipped without them): a photo gives one
// frame with the person's landmarks where Tasks Vision puts them, an image without a person
// gives one frame marked as such (exit 0, nothing invented), and the CSV output has the
// same landmarks.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/test_support.h"

namespace openpt::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kPhoto = "/usr/share/doc/opencv-doc/examples/data/messi5.jpg";

TEST(PoseCliModels, PhotoGivesOneFrameWithTheTasksVisionLandmarks) {
  require_models_or_skip();
  ASSERT_TRUE(fs::exists(kPhoto)) << "scripts/setup installs opencv-doc";
  const auto r = run_openpt({"pose", kPhoto.string(), "--threads", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("a person in 1"), std::string::npos) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("schema"), "openpt.pose/1");
  EXPECT_EQ(j.at("source"), "messi5.jpg");
  EXPECT_EQ(j.at("image").at("width"), 548);
  ASSERT_EQ(j.at("frames").size(), 1u);
  const auto& frame = j.at("frames")[0];
  EXPECT_TRUE(frame.at("detected").get<bool>());
  ASSERT_EQ(frame.at("image").size(), 33u);
  ASSERT_EQ(frame.at("world").size(), 33u);
  std::ifstream golden_in(source_dir() / "tests/vision/goldens/photos/messi5.json");
  const auto golden = nlohmann::json::parse(golden_in);
  for (std::size_t i = 0; i < 33; ++i) {
    const auto& ours = frame.at("image")[i];
    const auto& ref = golden.at("poses")[0].at("landmarks")[i];
    EXPECT_NEAR(ours[0].get<double>() * 548, ref[0].get<double>() * 548, 0.5) << i;
    EXPECT_NEAR(ours[1].get<double>() * 342, ref[1].get<double>() * 342, 0.5) << i;
  }
}

TEST(PoseCliModels, ImageWithoutAPersonIsMarkedNotInvented) {
  require_models_or_skip();
  TempDir tmp;
  // A mid-grey 8 x 8 PGM is not a format OpenPT reads; write a BMP instead.
  std::string bmp = "BM";
  const auto u32 = [&](std::uint32_t v) {
    for (int i = 0; i < 4; ++i) bmp += static_cast<char>((v >> (8 * i)) & 0xffu);
  };
  u32(54 + 8 * 24);
  u32(0);
  u32(54);
  u32(40);
  u32(8);
  u32(8);
  bmp += std::string("\x01\x00\x18\x00", 4);
  u32(0);
  u32(8 * 24);
  u32(2835);
  u32(2835);
  u32(0);
  u32(0);
  bmp += std::string(8 * 24, '\x80');
  const auto image = tmp.write("empty_room.bmp", bmp);
  const auto out = tmp.path() / "poses.json";
  const auto r = run_openpt({"pose", image.string(), "-o", out.string(), "--threads", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("a person in 0"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("warning: empty_room.bmp: no person was found"), std::string::npos) << r.err;
  std::ifstream in(out);
  const auto j = nlohmann::json::parse(in);
  ASSERT_EQ(j.at("frames").size(), 1u);
  EXPECT_FALSE(j.at("frames")[0].at("detected").get<bool>());
}

TEST(PoseCliModels, CsvOutputHoldsTheSameLandmarks) {
  require_models_or_skip();
  TempDir tmp;
  const auto csv = tmp.path() / "messi.csv";
  const auto json = tmp.path() / "messi.json";
  ASSERT_EQ(run_openpt({"pose", kPhoto.string(), "-o", csv.string(), "--threads", "1"}).exit_code,
            0);
  ASSERT_EQ(run_openpt({"pose", kPhoto.string(), "-o", json.string(), "--threads", "1"}).exit_code,
            0);
  // Both read back through openpt analyze: one frame each (CSV keeps no world landmarks,
  // so its angles are measured in the image).
  const auto a = run_openpt({"analyze", csv.string(), "--format", "json"});
  const auto b = run_openpt({"analyze", json.string(), "--format", "json"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  const auto ja = nlohmann::json::parse(a.out);
  const auto jb = nlohmann::json::parse(b.out);
  EXPECT_EQ(ja.at("recording").at("frames"), 1);
  EXPECT_EQ(jb.at("recording").at("frames"), 1);
  EXPECT_EQ(ja.at("analysis").at("mode"), "2d");
  EXPECT_EQ(jb.at("analysis").at("mode"), "3d");
}

}  // namespace
}  // namespace openpt::testing
