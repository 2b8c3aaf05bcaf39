#include "openpt/vision/pose_landmark_decoding.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace openpt::vision {
namespace {

float sigmoid(float x) {
  return 1.0f / (1.0f + std::exp(-x));
}

}  // namespace

PoseLandmarks decode_pose_landmarks(std::span<const float> raw, int input_width, int input_height) {
  assert(raw.size() == kPoseModelLandmarkCount * 5);
  const auto w = static_cast<float>(input_width);
  const auto h = static_cast<float>(input_height);
  PoseLandmarks out;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const float* v = raw.data() + 5 * i;
    out[i] = {v[0] / w, v[1] / h, v[2] / w, sigmoid(v[3]), sigmoid(v[4])};
  }
  return out;
}

void refine_with_heatmap(PoseLandmarks& landmarks, std::span<const float> heatmap, int height,
                         int width, const HeatmapRefinement& options) {
  constexpr int channels = kPoseModelLandmarkCount;
  assert(heatmap.size() == static_cast<std::size_t>(height) * width * channels);
  const int offset = (options.kernel_size - 1) / 2;
  for (int k = 0; k < channels; ++k) {
    PosePoint& p = landmarks[static_cast<std::size_t>(k)];
    // Truncation towards zero, as MediaPipe does: a point just left of or above the crop
    // still uses the first column / row.
    const int centre_col = static_cast<int>(p.x * static_cast<float>(width));
    const int centre_row = static_cast<int>(p.y * static_cast<float>(height));
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || centre_col < 0 || centre_col >= width ||
        centre_row < 0 || centre_row >= height) {
      continue;
    }
    const int begin_col = std::max(0, centre_col - offset);
    const int end_col = std::min(width, centre_col + offset + 1);
    const int begin_row = std::max(0, centre_row - offset);
    const int end_row = std::min(height, centre_row + offset + 1);
    float sum = 0;
    float weighted_col = 0;
    float weighted_row = 0;
    float peak = 0;
    for (int row = begin_row; row < end_row; ++row) {
      for (int col = begin_col; col < end_col; ++col) {
        const float confidence =
            sigmoid(heatmap[static_cast<std::size_t>((row * width + col) * channels + k)]);
        sum += confidence;
        peak = std::max(peak, confidence);
        weighted_col += static_cast<float>(col) * confidence;
        weighted_row += static_cast<float>(row) * confidence;
      }
    }
    if (peak >= options.min_confidence && sum > 0) {
      p.x = weighted_col / static_cast<float>(width) / sum;
      p.y = weighted_row / static_cast<float>(height) / sum;
    }
  }
}

PoseLandmarks project_to_image(const PoseLandmarks& crop, const LetterboxPadding& padding,
                               const NormalizedRect& region) {
  const float cos_r = std::cos(region.rotation_rad);
  const float sin_r = std::sin(region.rotation_rad);
  PoseLandmarks out = crop;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const NormalizedPoint unpadded = remove_letterbox({crop[i].x, crop[i].y}, padding);
    const float x = unpadded.x - 0.5f;
    const float y = unpadded.y - 0.5f;
    out[i].x = (cos_r * x - sin_r * y) * region.width + region.x_center;
    out[i].y = (sin_r * x + cos_r * y) * region.height + region.y_center;
    // Letterboxing narrows x; z is on x's scale and is widened back with it.
    out[i].z = crop[i].z / (1.0f - padding.left - padding.right) * region.width;
  }
  return out;
}

PoseWorldLandmarks decode_world_landmarks(std::span<const float> raw,
                                          const NormalizedRect& region) {
  assert(raw.size() == kPoseModelLandmarkCount * 3);
  const float cos_r = std::cos(region.rotation_rad);
  const float sin_r = std::sin(region.rotation_rad);
  PoseWorldLandmarks out;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const float* v = raw.data() + 3 * i;
    out[i] = {cos_r * v[0] - sin_r * v[1], sin_r * v[0] + cos_r * v[1], v[2]};
  }
  return out;
}

}  // namespace openpt::vision
