#include "openpt/vision/model_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "support/test_support.h"

namespace openpt::vision {
namespace {

namespace fs = std::filesystem;
using openpt::testing::TempDir;
using ::testing::HasSubstr;

constexpr std::string_view kAbcSha256 =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
constexpr std::string_view kEmptySha256 =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

TEST(Sha256Hex, KnownDigests) {
  TempDir tmp;
  auto abc = sha256_hex(tmp.write("abc", "abc"));
  ASSERT_TRUE(abc) << abc.error().to_string();
  EXPECT_EQ(*abc, kAbcSha256);

  auto empty = sha256_hex(tmp.write("empty", ""));
  ASSERT_TRUE(empty) << empty.error().to_string();
  EXPECT_EQ(*empty, kEmptySha256);
}

// Larger than the 1 MiB read chunk, so the streaming update runs more than once.
TEST(Sha256Hex, FileSpanningSeveralChunks) {
  TempDir tmp;
  auto digest = sha256_hex(tmp.write("a", std::string(3'000'000, 'a')));
  ASSERT_TRUE(digest) << digest.error().to_string();
  // sha256 of 3,000,000 'a' characters (python3 hashlib).
  EXPECT_EQ(*digest, "2a152c894398719c0570f83fac34ac03a0f6e8e474b995c2403aa5434f7b9dd4");
}

TEST(Sha256Hex, MissingFileIsAnError) {
  TempDir tmp;
  auto digest = sha256_hex(tmp.path() / "absent");
  ASSERT_FALSE(digest);
  EXPECT_THAT(digest.error().to_string(), HasSubstr("absent"));
}

TEST(ExpectedSha256, KnownAndUnknownNames) {
  EXPECT_EQ(expected_sha256(kPoseLandmarkFullModel),
            "e9a5c5cb17f736fafd4c2ec1da3b3d331d6edbe8a0d32395855aeb2cdfd64b9f");
  EXPECT_EQ(expected_sha256(kPoseDetectionModel).size(), 64U);
  EXPECT_EQ(expected_sha256(kPoseLandmarkLiteModel).size(), 64U);
  EXPECT_EQ(expected_sha256(kPoseLandmarkHeavyModel).size(), 64U);
  EXPECT_TRUE(expected_sha256("other.tflite").empty());
}

TEST(LocateModel, MissingDirectory) {
  TempDir tmp;
  const fs::path dir = tmp.path() / "no-such-dir";
  auto path = locate_model(kPoseDetectionModel, dir);
  ASSERT_FALSE(path);
  EXPECT_EQ(path.error().kind, ErrorKind::kNotFound);
  const std::string message = path.error().to_string();
  EXPECT_THAT(message, HasSubstr(std::string(kPoseDetectionModel)));
  EXPECT_THAT(message, HasSubstr(dir.string()));
  EXPECT_THAT(message, HasSubstr("scripts/fetch-models"));
  EXPECT_THAT(message, HasSubstr("OPENPT_MODEL_DIR"));
}

TEST(LocateModel, MissingFile) {
  TempDir tmp;
  auto path = locate_model(kPoseLandmarkLiteModel, tmp.path());
  ASSERT_FALSE(path);
  EXPECT_EQ(path.error().kind, ErrorKind::kNotFound);
  const std::string message = path.error().to_string();
  EXPECT_THAT(message, HasSubstr(std::string(kPoseLandmarkLiteModel)));
  EXPECT_THAT(message, HasSubstr(tmp.path().string()));
  EXPECT_THAT(message, HasSubstr("run scripts/fetch-models, or set OPENPT_MODEL_DIR"));
}

TEST(LocateModel, DirectoryInPlaceOfTheFile) {
  TempDir tmp;
  fs::create_directory(tmp.path() / kPoseLandmarkHeavyModel);
  auto path = locate_model(kPoseLandmarkHeavyModel, tmp.path());
  ASSERT_FALSE(path);
  EXPECT_EQ(path.error().kind, ErrorKind::kBadInput);
  const std::string message = path.error().to_string();
  EXPECT_THAT(message, HasSubstr("directory"));
  EXPECT_THAT(message, HasSubstr("scripts/fetch-models"));
}

TEST(LocateModel, WrongContentsIsAChecksumError) {
  TempDir tmp;
  tmp.write(std::string(kPoseLandmarkFullModel), "abc");
  auto path = locate_model(kPoseLandmarkFullModel, tmp.path());
  ASSERT_FALSE(path);
  EXPECT_EQ(path.error().kind, ErrorKind::kBadInput);
  const std::string message = path.error().to_string();
  EXPECT_THAT(message, HasSubstr(std::string(kPoseLandmarkFullModel)));
  EXPECT_THAT(message, HasSubstr("corrupt or not the expected version"));
  EXPECT_THAT(message, HasSubstr(std::string(kAbcSha256.substr(0, 12))));  // actual
  EXPECT_THAT(message, HasSubstr("e9a5c5cb17f7"));                         // expected
  EXPECT_THAT(message, HasSubstr("run scripts/fetch-models to reinstall it"));
}

TEST(LocateModel, UnknownNameIsNotVerified) {
  TempDir tmp;
  const fs::path file = tmp.write("custom.tflite", "anything");
  auto path = locate_model("custom.tflite", tmp.path());
  ASSERT_TRUE(path) << path.error().to_string();
  EXPECT_EQ(*path, file);
}

TEST(VerifyModelFile, MatchAndMismatch) {
  TempDir tmp;
  const fs::path file = tmp.write("m.tflite", "abc");
  EXPECT_TRUE(verify_model_file(file, kAbcSha256));
  auto wrong = verify_model_file(file, kEmptySha256);
  ASSERT_FALSE(wrong);
  EXPECT_THAT(wrong.error().to_string(), HasSubstr("m.tflite is corrupt"));
}

// The digest is cached by path, size and mtime: a same-size rewrite that keeps the mtime is
// not read again (proving the cache), one with a new mtime is.
TEST(VerifyModelFile, CachesByPathSizeAndMtime) {
  TempDir tmp;
  const fs::path file = tmp.write("cached.tflite", "abc");
  ASSERT_TRUE(verify_model_file(file, kAbcSha256));
  const fs::file_time_type mtime = fs::last_write_time(file);

  tmp.write("cached.tflite", "xyz");
  fs::last_write_time(file, mtime);
  EXPECT_TRUE(verify_model_file(file, kAbcSha256)) << "expected the cached digest";

  fs::last_write_time(file, mtime + std::chrono::seconds(5));
  auto changed = verify_model_file(file, kAbcSha256);
  EXPECT_FALSE(changed) << "a new mtime should make it hash the file again";
}

}  // namespace
}  // namespace openpt::vision
