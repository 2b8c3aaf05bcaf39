// Where the BlazePose model files are and whether they are the right ones: they live in
// ${OPENPT_MODEL_DIR}, else ~/.cache/openpt/models, filled by scripts/fetch-models from the
// npm package @mediapipe/pose. locate_model() checks that a file is there and, for the four
// known models, that its SHA-256 is the one scripts/fetch-models installs, so a missing,
// corrupt or wrong-version model fails with an error that names the command fixing it.
//
//   Result<std::filesystem::path> path = locate_model(kPoseDetectionModel);
//   if (!path) return tl::unexpected(path.error());  // "run scripts/fetch-models ..."
//   auto detector = Interpreter::load(*path);
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>

#include "openpt/core/error.h"

namespace openpt::vision {

inline constexpr std::string_view kPoseDetectionModel = "pose_detection.tflite";
inline constexpr std::string_view kPoseLandmarkLiteModel = "pose_landmark_lite.tflite";
inline constexpr std::string_view kPoseLandmarkFullModel = "pose_landmark_full.tflite";
inline constexpr std::string_view kPoseLandmarkHeavyModel = "pose_landmark_heavy.tflite";

// A known model file and its SHA-256 (lowercase hex). Keep in sync with scripts/fetch-models.
struct ModelFile {
  std::string_view name;
  std::string_view sha256;
};

inline constexpr std::array<ModelFile, 4> kModelFiles{{
    {kPoseDetectionModel, "a63c614bef30d35947f13be361820b1e4e3bec9cfeebf4d11216a18373108e85"},
    {kPoseLandmarkLiteModel, "f17bfbecadb61c3be1baa8b8d851cc6619c870a87167b32848ad20db306b9d61"},
    {kPoseLandmarkFullModel, "e9a5c5cb17f736fafd4c2ec1da3b3d331d6edbe8a0d32395855aeb2cdfd64b9f"},
    {kPoseLandmarkHeavyModel, "59e42d71bcd44cbdbabc419f0ff76686595fd265419566bd4009ef703ea8e1fe"},
}};

// ${OPENPT_MODEL_DIR} if set and non-empty, else ~/.cache/openpt/models.
std::filesystem::path default_model_dir();

// The expected SHA-256 of a known model file name (kModelFiles), empty for any other name.
std::string_view expected_sha256(std::string_view file_name);

// The SHA-256 of a file's contents as 64 lowercase hex digits (libsodium, read in 1 MiB
// chunks). Errors: the file cannot be opened or read.
Result<std::string> sha256_hex(const std::filesystem::path& path);

// Checks that the file at `path` has the SHA-256 `expected_hex` (lowercase hex). The digest
// is cached per process, keyed by the absolute path, size and modification time, so checking
// an unchanged file again does not read it again (thread-safe). The error on a mismatch says
// the file is corrupt or not the expected version and to run scripts/fetch-models.
Result<void> verify_model_file(const std::filesystem::path& path, std::string_view expected_hex);

// model_dir / file_name, after checking that it exists, is a regular file and, for the names
// in kModelFiles, has the expected SHA-256 (verify_model_file). Errors: not found (kNotFound,
// naming the file and directory), not a regular file, unreadable, or a checksum mismatch; each
// says how to fix it (run scripts/fetch-models, or set OPENPT_MODEL_DIR).
Result<std::filesystem::path> locate_model(
    std::string_view file_name, const std::filesystem::path& model_dir = default_model_dir());

}  // namespace openpt::vision
