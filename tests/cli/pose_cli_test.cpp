// `openpt pose` on bad input and bad flags, without the models: every failure is exit 2 with a
// message naming the file or flag, checked before any model is loaded, and a missing or
// corrupt model says to run scripts/fetch-models.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/test_support.h"

namespace openpt::testing {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A 4 x 4 mid-grey 24-bit BMP (no person), written by hand.
std::string grey_bmp() {
  std::string b = "BM";
  const auto u32 = [&](std::uint32_t v) {
    for (int i = 0; i < 4; ++i) b += static_cast<char>((v >> (8 * i)) & 0xffu);
  };
  const auto u16 = [&](std::uint16_t v) {
    b += static_cast<char>(v & 0xffu);
    b += static_cast<char>(v >> 8);
  };
  u32(54 + 48);  // file size: headers + 4 rows of 12 bytes
  u32(0);
  u32(54);
  u32(40);
  u32(4);
  u32(4);
  u16(1);
  u16(24);
  u32(0);
  u32(48);
  u32(2835);
  u32(2835);
  u32(0);
  u32(0);
  b += std::string(48, '\x80');
  return b;
}

TEST(PoseCli, MissingInputIsExit2NamingIt) {
  const auto r = run_openpt({"pose", "no_such_clip.mp4"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "no_such_clip.mp4")) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(PoseCli, UndecodableVideoAndUnsupportedExtension) {
  TempDir tmp;
  const auto fake = tmp.write("clip.mp4", "this is not a video\n");
  auto r = run_openpt({"pose", fake.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "clip.mp4")) << r.err;
  const auto notes = tmp.write("notes.txt", "hello\n");
  r = run_openpt({"pose", notes.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "notes.txt")) << r.err;
  const auto empty = tmp.write("empty.png", "");
  r = run_openpt({"pose", empty.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "empty.png")) << r.err;
}

TEST(PoseCli, HugeImageIsRefusedBeforeDecoding) {
  TempDir tmp;
  // A PNG header announcing 20000 x 20000 pixels (400 MP).
  std::string huge("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x4e\x20\0\0\x4e\x20\x08\x02\0\0\0", 29);
  huge += std::string(100, '\0');
  const auto r = run_openpt({"pose", tmp.write("huge.png", huge).string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "huge.png")) << r.err;
}

TEST(PoseCli, BadFlagsAreExit2NamingTheFlag) {
  TempDir tmp;
  const auto image = tmp.write("grey.bmp", grey_bmp());
  struct Case {
    std::vector<std::string> flags;
    const char* named;
  };
  for (const Case& c :
       {Case{{"--model", "huge"}, "--model"}, Case{{"--threads", "-1"}, "--threads"},
        Case{{"--min-detection", "1.5"}, "--min-detection"},
        Case{{"--min-tracking", "nan"}, "--min-tracking"}}) {
    std::vector<std::string> args = {"pose", image.string()};
    args.insert(args.end(), c.flags.begin(), c.flags.end());
    const auto r = run_openpt(args);
    EXPECT_EQ(r.exit_code, 2) << c.named;
    EXPECT_TRUE(contains(r.err, c.named)) << r.err;
  }
}

TEST(PoseCli, MissingModelsSayHowToFetchThem) {
  TempDir tmp;
  const auto image = tmp.write("grey.bmp", grey_bmp());
  const fs::path empty_dir = tmp.path() / "models";
  fs::create_directory(empty_dir);
  const auto r = run_openpt({"pose", image.string(), "--model-dir", empty_dir.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "pose_detection.tflite")) << r.err;
  EXPECT_TRUE(contains(r.err, "scripts/fetch-models")) << r.err;
}

TEST(PoseCli, CorruptModelIsRefusedByItsChecksum) {
  TempDir tmp;
  const auto image = tmp.write("grey.bmp", grey_bmp());
  const fs::path dir = tmp.path() / "models";
  fs::create_directory(dir);
  tmp.write("models/pose_detection.tflite", std::string(1000, 'x'));
  const auto r = run_openpt({"pose", image.string(), "--model-dir", dir.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "pose_detection.tflite")) << r.err;
  EXPECT_TRUE(contains(r.err, "corrupt")) << r.err;
  EXPECT_TRUE(contains(r.err, "scripts/fetch-models")) << r.err;
}

TEST(PoseCli, OutputNamingTheInputIsRefused) {
  TempDir tmp;
  const auto image = tmp.write("grey.bmp", grey_bmp());
  const auto r = run_openpt({"pose", image.string(), "-o", image.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(fs::file_size(image), grey_bmp().size());
}

}  // namespace
}  // namespace openpt::testing
