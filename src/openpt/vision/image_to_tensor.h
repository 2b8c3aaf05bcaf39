// Cuts a (rotated) region out of an RGB frame and resamples it into a model's float input
// tensor, as MediaPipe's ImageToTensorCalculator does on the CPU, so that OpenPT's crops —
// and therefore its landmarks — match MediaPipe's: the region's corners are mapped onto the
// tensor's corners with a perspective transform, the 8-bit image is warped with bilinear
// interpolation (pixels outside the image are black or copy the edge), then scaled to the
// model's value range. With `keep_aspect_ratio` the region is first widened or heightened
// to the tensor's aspect ratio (letterboxing); the padding that adds, as fractions of the
// tensor, is returned so that model outputs can be mapped back (remove_letterbox).
//
//   auto padding = image_to_tensor(frame.rgb, whole_image(), kDetectorInput, model.input(0));
#pragma once

#include <opencv2/core/mat.hpp>
#include <span>

#include "openpt/vision/pose_region.h"

namespace openpt::vision {

enum class TensorBorder { kZero, kReplicate };

struct TensorCropOptions {
  int width = 256;
  int height = 256;
  float range_min = 0;  // value of a black pixel
  float range_max = 1;  // value of a white pixel
  bool keep_aspect_ratio = true;
  TensorBorder border = TensorBorder::kReplicate;
};

// Fractions of the tensor's width (left, right) and height (top, bottom) that are padding.
struct LetterboxPadding {
  float left = 0;
  float top = 0;
  float right = 0;
  float bottom = 0;
};

// The whole image, unrotated.
inline NormalizedRect whole_image() {
  return {};
}

// `rgb` is CV_8UC3; `tensor` has height x width x 3 floats (NHWC, batch 1).
LetterboxPadding image_to_tensor(const cv::Mat& rgb, const NormalizedRect& region,
                                 const TensorCropOptions& options, std::span<float> tensor);

// A point in normalised tensor coordinates back to normalised region coordinates.
NormalizedPoint remove_letterbox(NormalizedPoint point, const LetterboxPadding& padding);

}  // namespace openpt::vision
