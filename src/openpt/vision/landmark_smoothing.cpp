#include "openpt/vision/landmark_smoothing.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <ranges>
#include <span>

namespace openpt::vision {
namespace {

// Landmarks 33 and 34 place the next frame's region; 35..38 are not used and stay raw.
constexpr std::size_t kAuxiliaryFiltered = 2;

}  // namespace

float LowPassFilter::apply(float value, float alpha) {
  stored_ = has_value_ ? alpha * value + (1 - alpha) * stored_ : value;
  last_raw_ = value;
  has_value_ = true;
  return stored_;
}

float OneEuroFilter::alpha(float cutoff_hz) const {
  const float te = 1.0f / frequency_hz_;
  const float tau = 1.0f / (2 * std::numbers::pi_v<float> * cutoff_hz);
  return 1.0f / (1.0f + tau / te);
}

float OneEuroFilter::apply(double t_s, float value, float value_scale) {
  if (has_time_ && t_s <= last_t_s_) return value;
  frequency_hz_ =
      has_time_ ? static_cast<float>(1.0 / (t_s - last_t_s_)) : settings_.initial_frequency_hz;
  last_t_s_ = t_s;
  has_time_ = true;
  const float speed = x_.has_value() ? (value - x_.last_raw()) * value_scale * frequency_hz_ : 0.0f;
  const float smoothed_speed = dx_.apply(speed, alpha(settings_.derivative_cutoff_hz));
  const float cutoff = settings_.min_cutoff_hz + settings_.beta * std::fabs(smoothed_speed);
  return x_.apply(value, alpha(cutoff));
}

float RelativeVelocityFilter::apply(double t_s, float value, float value_scale) {
  if (has_last_ && t_s <= last_t_s_) return value;
  float alpha = 1;
  if (has_last_) {
    const float distance = value_scale * (value - last_value_);
    const double duration_s = t_s - last_t_s_;
    // Past steps count while the span stays within what `window` frames at 30 fps take.
    const double max_span_s = static_cast<double>(1 + window_.size()) / 30.0;
    float total_distance = distance;
    double total_s = duration_s;
    for (const Step& step : window_) {
      if (total_s + step.duration_s > max_span_s) break;
      total_distance += step.distance;
      total_s += step.duration_s;
    }
    const auto velocity = static_cast<float>(total_distance / total_s);
    alpha = 1.0f - 1.0f / (1.0f + settings_.velocity_scale * std::fabs(velocity));
    window_.push_front({distance, duration_s});
    if (window_.size() > static_cast<std::size_t>(settings_.window)) window_.pop_back();
  }
  has_last_ = true;
  last_t_s_ = t_s;
  last_value_ = value;
  return low_pass_.apply(value, alpha);
}

PoseSmoother::PoseSmoother(const PoseSmoothingSettings& settings) : settings_(settings) {
  reset();
}

void PoseSmoother::reset() {
  image_filters_.assign(3 * kPoseLandmarkCount, OneEuroFilter(settings_.landmarks));
  world_filters_.assign(3 * kPoseLandmarkCount, OneEuroFilter(settings_.world));
  visibility_filters_.assign(kPoseLandmarkCount, LowPassFilter());
  auxiliary_filters_.assign(3 * kAuxiliaryFiltered, RelativeVelocityFilter(settings_.auxiliary));
}

namespace {

// Mean of the bounding box's width and height; 1 when degenerate.
template <typename Point>
float body_size(std::span<const Point> points, float x_scale, float y_scale) {
  const auto [x_min, x_max] = std::ranges::minmax(points | std::views::transform(&Point::x));
  const auto [y_min, y_max] = std::ranges::minmax(points | std::views::transform(&Point::y));
  const float size = ((x_max - x_min) * x_scale + (y_max - y_min) * y_scale) / 2;
  return size > 1e-6f ? size : 1.0f;
}

}  // namespace

void PoseSmoother::apply(PoseLandmarks& landmarks, PoseWorldLandmarks& world, double t_s,
                         int image_width, int image_height) {
  const auto w = static_cast<float>(image_width);
  const auto h = static_cast<float>(image_height);
  // Speeds in sizes of what is filtered: the body for its 33 landmarks, the pair of
  // auxiliary landmarks for themselves (each has its own filter in MediaPipe's graph).
  const std::span<const PosePoint> body(landmarks.data(), kPoseLandmarkCount);
  const std::span<const PosePoint> pair(landmarks.data() + kPoseLandmarkCount, kAuxiliaryFiltered);
  const float body_scale = 1.0f / body_size(body, w, h);
  const float pair_scale = 1.0f / body_size(pair, w, h);
  for (std::size_t i = 0; i < kPoseLandmarkCount + kAuxiliaryFiltered; ++i) {
    PosePoint& p = landmarks[i];
    const bool auxiliary = i >= kPoseLandmarkCount;
    const std::size_t k = 3 * (auxiliary ? i - kPoseLandmarkCount : i);
    const auto filter = [&](std::size_t axis, float value_px) {
      return auxiliary ? auxiliary_filters_[k + axis].apply(t_s, value_px, pair_scale)
                       : image_filters_[k + axis].apply(t_s, value_px, body_scale);
    };
    p.x = filter(0, p.x * w) / w;
    p.y = filter(1, p.y * h) / h;
    p.z = filter(2, p.z * w) / w;
    if (!auxiliary) {
      p.visibility = visibility_filters_[i].apply(p.visibility, settings_.visibility_alpha);
    }
  }
  const std::span<const WorldPoint> world_body(world.data(), kPoseLandmarkCount);
  const float world_scale = 1.0f / body_size(world_body, 1, 1);
  for (std::size_t i = 0; i < kPoseLandmarkCount; ++i) {
    world[i].x = world_filters_[3 * i].apply(t_s, world[i].x, world_scale);
    world[i].y = world_filters_[3 * i + 1].apply(t_s, world[i].y, world_scale);
    world[i].z = world_filters_[3 * i + 2].apply(t_s, world[i].z, world_scale);
  }
}

}  // namespace openpt::vision
