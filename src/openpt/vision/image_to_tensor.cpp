#include "openpt/vision/image_to_tensor.h"

#include <cassert>
#include <numbers>
#include <opencv2/imgproc.hpp>

namespace openpt::vision {
namespace {

// A region in pixels (centre, size, rotation), as MediaPipe's converter takes it.
struct PixelRegion {
  float center_x = 0;
  float center_y = 0;
  float width = 0;
  float height = 0;
  float rotation_rad = 0;
};

LetterboxPadding pad_to_aspect_ratio(const TensorCropOptions& options, PixelRegion& region) {
  if (!options.keep_aspect_ratio) return {};
  const float tensor_aspect =
      static_cast<float>(options.height) / static_cast<float>(options.width);
  const float region_aspect = region.height / region.width;
  LetterboxPadding padding;
  if (tensor_aspect > region_aspect) {
    const float vertical = (1.0f - region_aspect / tensor_aspect) / 2.0f;
    padding.top = padding.bottom = vertical;
    region.height = region.width * tensor_aspect;
  } else {
    const float horizontal = (1.0f - tensor_aspect / region_aspect) / 2.0f;
    padding.left = padding.right = horizontal;
    region.width = region.height / tensor_aspect;
  }
  return padding;
}

}  // namespace

LetterboxPadding image_to_tensor(const cv::Mat& rgb, const NormalizedRect& rect,
                                 const TensorCropOptions& options, std::span<float> tensor) {
  assert(rgb.type() == CV_8UC3);
  assert(tensor.size() == static_cast<std::size_t>(options.width) * options.height * 3);
  PixelRegion region{.center_x = rect.x_center * static_cast<float>(rgb.cols),
                     .center_y = rect.y_center * static_cast<float>(rgb.rows),
                     .width = rect.width * static_cast<float>(rgb.cols),
                     .height = rect.height * static_cast<float>(rgb.rows),
                     .rotation_rad = rect.rotation_rad};
  const LetterboxPadding padding = pad_to_aspect_ratio(options, region);

  const cv::RotatedRect rotated({region.center_x, region.center_y}, {region.width, region.height},
                                region.rotation_rad * static_cast<float>(180 / std::numbers::pi));
  cv::Point2f corners[4];  // bottom-left, top-left, top-right, bottom-right
  rotated.points(corners);
  const auto w = static_cast<float>(options.width);
  const auto h = static_cast<float>(options.height);
  const cv::Point2f tensor_corners[4] = {{0, h}, {0, 0}, {w, 0}, {w, h}};
  const cv::Mat transform = cv::getPerspectiveTransform(corners, tensor_corners);

  cv::Mat warped;
  cv::warpPerspective(
      rgb, warped, transform, cv::Size(options.width, options.height), cv::INTER_LINEAR,
      options.border == TensorBorder::kZero ? cv::BORDER_CONSTANT : cv::BORDER_REPLICATE);
  cv::Mat out(options.height, options.width, CV_32FC3, tensor.data());
  const float scale = (options.range_max - options.range_min) / 255.0f;
  warped.convertTo(out, CV_32FC3, scale, options.range_min);
  return padding;
}

NormalizedPoint remove_letterbox(NormalizedPoint point, const LetterboxPadding& padding) {
  return {(point.x - padding.left) / (1.0f - padding.left - padding.right),
          (point.y - padding.top) / (1.0f - padding.top - padding.bottom)};
}

}  // namespace openpt::vision
