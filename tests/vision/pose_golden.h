// Tasks Vision goldens (tools/tasks-vision-reference) and their comparison with OpenPT's
// pose landmarks, for the end-to-end tests on photos: read a golden, measure landmark errors
// in image pixels, and tell a landmark on a heatmap cell boundary (where MediaPipe's own
// refinement is discontinuous) from a real mismatch.
//
//   PoseGolden golden = load_pose_golden(dir / "messi5.json");
//   LandmarkErrors e = compare_with_golden(*pose, golden);  // e.mean_px, e.max_px
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "openpt/vision/image_to_tensor.h"
#include "openpt/vision/interpreter.h"
#include "openpt/vision/pose_landmark_decoding.h"
#include "openpt/vision/pose_landmarker.h"

namespace openpt::vision::testing {

struct PoseGolden {
  std::string file;
  int width = 0;
  int height = 0;
  std::optional<std::array<PosePoint, kPoseLandmarkCount>> landmarks;  // nullopt: no person
  std::array<WorldPoint, kPoseLandmarkCount> world{};
};

inline PoseGolden load_pose_golden(const std::filesystem::path& path) {
  std::ifstream in(path);
  const nlohmann::json j = nlohmann::json::parse(in);
  PoseGolden g;
  g.file = j.at("image").at("file");
  g.width = j.at("image").at("width");
  g.height = j.at("image").at("height");
  const auto& poses = j.at("poses");
  if (poses.empty()) return g;
  std::array<PosePoint, kPoseLandmarkCount> landmarks{};
  for (std::size_t i = 0; i < landmarks.size(); ++i) {
    const auto& row = poses[0].at("landmarks").at(i);
    landmarks[i] = {row[0], row[1], row[2], row[3], 0};
    const auto& w = poses[0].at("world").at(i);
    g.world[i] = {w[0], w[1], w[2]};
  }
  g.landmarks = landmarks;
  return g;
}

struct LandmarkErrors {
  double mean_px = 0;  // image x, y
  double max_px = 0;
  int worst_landmark = -1;
  std::array<double, kPoseLandmarkCount> px{};  // per landmark
  double max_world_m = 0;
  double max_z = 0;  // normalised like x
  double max_visibility = 0;
};

inline LandmarkErrors compare_with_golden(const PoseEstimate& pose, const PoseGolden& golden) {
  LandmarkErrors e;
  const auto& ref = *golden.landmarks;
  for (std::size_t i = 0; i < ref.size(); ++i) {
    const double dx = (pose.landmarks[i].x - ref[i].x) * golden.width;
    const double dy = (pose.landmarks[i].y - ref[i].y) * golden.height;
    const double d = std::hypot(dx, dy);
    e.px[i] = d;
    e.mean_px += d / static_cast<double>(ref.size());
    if (d > e.max_px) {
      e.max_px = d;
      e.worst_landmark = static_cast<int>(i);
    }
    e.max_z = std::max(e.max_z, std::fabs(static_cast<double>(pose.landmarks[i].z - ref[i].z)));
    e.max_visibility =
        std::max(e.max_visibility,
                 std::fabs(static_cast<double>(pose.landmarks[i].visibility - ref[i].visibility)));
    const WorldPoint& a = pose.world[i];
    const WorldPoint& b = golden.world[i];
    e.max_world_m =
        std::max(e.max_world_m, static_cast<double>(std::hypot(a.x - b.x, a.y - b.y, a.z - b.z)));
  }
  return e;
}

}  // namespace openpt::vision::testing

namespace openpt::vision::testing {

// MediaPipe refines each landmark with the heatmap in a 7 x 7 window centred on the cell the
// model's landmark falls in: where that landmark lies on a cell boundary, a difference of
// 1e-5 in the model's output (float summation order; far below what tests of the raw
// outputs allow) moves the window by a cell and the refined point by several pixels. For
// such a landmark this returns the smallest error to the golden over the landmark moved by
// up to `nudge_cells` (in heatmap cells) on each axis, else nullopt (not on a boundary).
inline std::optional<double> error_across_heatmap_boundary(
    const cv::Mat& rgb, const PoseEstimate& pose, const PoseGolden& golden,
    Interpreter& landmark_model, std::size_t landmark, float nudge_cells = 0.005f) {
  constexpr int kSide = 64;
  const LetterboxPadding padding =
      image_to_tensor(rgb, pose.region, TensorCropOptions{}, landmark_model.input(0));
  if (!landmark_model.invoke()) return std::nullopt;
  const PoseLandmarks crop = decode_pose_landmarks(landmark_model.output(0), 256, 256);
  const auto near_boundary = [&](float v) {
    const float cells = v * kSide;
    return std::fabs(cells - std::round(cells)) <= nudge_cells;
  };
  if (!near_boundary(crop[landmark].x) && !near_boundary(crop[landmark].y)) return std::nullopt;
  double best = INFINITY;
  for (const float dx : {-nudge_cells, 0.0f, nudge_cells}) {
    for (const float dy : {-nudge_cells, 0.0f, nudge_cells}) {
      PoseLandmarks moved = crop;
      moved[landmark].x += dx / kSide;
      moved[landmark].y += dy / kSide;
      refine_with_heatmap(moved, landmark_model.output(3), kSide, kSide);
      const PoseLandmarks image = project_to_image(moved, padding, pose.region);
      const auto& ref = (*golden.landmarks)[landmark];
      best = std::min<double>(best, std::hypot((image[landmark].x - ref.x) * golden.width,
                                               (image[landmark].y - ref.y) * golden.height));
    }
  }
  return best;
}

}  // namespace openpt::vision::testing
