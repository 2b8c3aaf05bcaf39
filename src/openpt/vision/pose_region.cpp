#include "openpt/vision/pose_region.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace openpt::vision {

float normalize_radians(float angle_rad) {
  constexpr auto kTwoPi = static_cast<float>(2 * std::numbers::pi);
  constexpr auto kPi = static_cast<float>(std::numbers::pi);
  return angle_rad - kTwoPi * std::floor((angle_rad + kPi) / kTwoPi);
}

NormalizedRect alignment_rect(NormalizedPoint centre, NormalizedPoint scale_point, int image_width,
                              int image_height) {
  const auto w = static_cast<float>(image_width);
  const auto h = static_cast<float>(image_height);
  const float dx = (scale_point.x - centre.x) * w;
  const float dy = (scale_point.y - centre.y) * h;
  const float side_px = 2 * std::sqrt(dx * dx + dy * dy);
  constexpr auto kUpright = static_cast<float>(std::numbers::pi / 2);
  return {.x_center = centre.x,
          .y_center = centre.y,
          .width = side_px / w,
          .height = side_px / h,
          .rotation_rad = normalize_radians(kUpright - std::atan2(-dy, dx))};
}

NormalizedRect square_and_scale(const NormalizedRect& rect, int image_width, int image_height,
                                float scale) {
  const auto w = static_cast<float>(image_width);
  const auto h = static_cast<float>(image_height);
  const float long_side_px = std::max(rect.width * w, rect.height * h);
  NormalizedRect out = rect;
  out.width = long_side_px / w * scale;
  out.height = long_side_px / h * scale;
  return out;
}

NormalizedRect pose_region(NormalizedPoint centre, NormalizedPoint scale_point, int image_width,
                           int image_height) {
  constexpr float kPoseRegionScale = 1.25f;
  return square_and_scale(alignment_rect(centre, scale_point, image_width, image_height),
                          image_width, image_height, kPoseRegionScale);
}

}  // namespace openpt::vision
