// Where the BlazePose model files are: ${OPENPT_MODEL_DIR}, else ~/.cache/openpt/models,
// filled by scripts/fetch-models from the npm package @mediapipe/pose (SHA-256 verified).
//
//   std::filesystem::path dir = default_model_dir();
//   auto detector = Interpreter::load(dir / kPoseDetectionModel);
#pragma once

#include <filesystem>
#include <string_view>

namespace openpt::vision {

inline constexpr std::string_view kPoseDetectionModel = "pose_detection.tflite";
inline constexpr std::string_view kPoseLandmarkLiteModel = "pose_landmark_lite.tflite";
inline constexpr std::string_view kPoseLandmarkFullModel = "pose_landmark_full.tflite";
inline constexpr std::string_view kPoseLandmarkHeavyModel = "pose_landmark_heavy.tflite";

std::filesystem::path default_model_dir();

}  // namespace openpt::vision
