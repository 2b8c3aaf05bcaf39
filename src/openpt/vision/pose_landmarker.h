// BlazePose on one image or a video, frame by frame: the vision module's main entry.
//
// For an image (detect): the pose detector finds the person on the whole image, letterboxed
// into 224 x 224; its keypoints give the rotated region (pose_region.h) that is cropped to
// 256 x 256 for the landmark model; landmarks are decoded, refined with the heatmap and
// projected back (pose_landmark_decoding.h). For a video (track): after the first detection
// each frame's region comes from the previous frame's landmarks, so the detector only runs
// when the person is first found or lost (pose presence below min_tracking_score: the
// detector then runs again on the same frame, so no frame is lost needlessly); landmarks are
// smoothed over time (landmark_smoothing.h). Model complexity lite / full / heavy picks the
// landmark model. Models are checked against their SHA-256 when loaded.
//
//   auto landmarker = PoseLandmarker::create({.model = PoseModel::kFull, .threads = 2});
//   if (!landmarker) return report(landmarker.error());
//   auto pose = landmarker->track(frame.rgb, frame.t_s);  // Result<std::optional<PoseEstimate>>
//   if (pose && *pose) use((*pose)->landmarks[kNose]);
#pragma once

#include <filesystem>
#include <memory>
#include <opencv2/core/mat.hpp>
#include <optional>
#include <string_view>

#include "openpt/core/error.h"
#include "openpt/vision/pose_landmark_decoding.h"
#include "openpt/vision/pose_region.h"

namespace openpt::vision {

enum class PoseModel { kLite, kFull, kHeavy };
std::string_view pose_model_name(PoseModel model);  // "lite", "full", "heavy"
Result<PoseModel> parse_pose_model(std::string_view name);

struct PoseLandmarkerOptions {
  PoseModel model = PoseModel::kFull;
  int threads = 0;                       // <= 0: one per core
  std::filesystem::path model_dir = {};  // empty: default_model_dir()
  float min_detection_score = 0.5f;
  float min_presence_score = 0.5f;  // pose flag needed to report a pose found by detection
  float min_tracking_score = 0.5f;  // pose flag needed to keep tracking
  bool smoothing = true;            // track(): temporal smoothing of the landmarks
};

struct PoseEstimate {
  PoseLandmarks landmarks;  // normalised image coordinates; 33..38 auxiliary
  PoseWorldLandmarks world;
  NormalizedRect region;      // the crop the landmark model saw
  float presence_score = 0;   // the landmark model's pose flag
  float detection_score = 0;  // the detector's score; 0 when the region came from tracking
  bool tracked = false;       // region from the previous frame
};

class PoseLandmarker {
 public:
  static Result<PoseLandmarker> create(const PoseLandmarkerOptions& options = {});

  PoseLandmarker(PoseLandmarker&&) noexcept;
  PoseLandmarker& operator=(PoseLandmarker&&) noexcept;
  ~PoseLandmarker();

  // One image on its own; nullopt when no person is found. `rgb` is CV_8UC3.
  Result<std::optional<PoseEstimate>> detect(const cv::Mat& rgb);
  // The next frame of a video (t_s increasing); nullopt when no person is found.
  Result<std::optional<PoseEstimate>> track(const cv::Mat& rgb, double t_s);
  // Forget the tracked person (a new video).
  void reset();

  [[nodiscard]] const PoseLandmarkerOptions& options() const;
  [[nodiscard]] int threads() const;

 private:
  struct State;
  explicit PoseLandmarker(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace openpt::vision
