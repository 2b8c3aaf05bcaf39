// Temporal smoothing of pose landmarks in a video, as MediaPipe's pose graph does it, so
// that tracked landmarks are steady when the body is still and follow it when it moves.
//
// Positions go through a One Euro filter per coordinate (cutoff rising with speed), in
// pixels divided by the body's size so that the same settings suit near and far people;
// visibility through a slow low-pass filter; world landmarks through a One Euro filter in
// metres over the body's size. The two auxiliary landmarks that place the next frame's
// region (33, 34) use a relative velocity filter in units of their own distance (MediaPipe's
// settings: window 5, velocity scale 10); the other auxiliary ones are left as they are.
// Timestamps must increase; a repeated or earlier time leaves values unfiltered. reset()
// starts afresh (after the person is lost).
//
//   PoseSmoother smoother;
//   smoother.apply(landmarks, world, frame.t_s, width, height);  // in place
#pragma once

#include <deque>
#include <vector>

#include "openpt/vision/pose_landmark_decoding.h"

namespace openpt::vision {

// y = alpha * x + (1 - alpha) * previous; the first value passes through.
class LowPassFilter {
 public:
  float apply(float value, float alpha);
  [[nodiscard]] bool has_value() const { return has_value_; }
  [[nodiscard]] float last_raw() const { return last_raw_; }

 private:
  bool has_value_ = false;
  float last_raw_ = 0;
  float stored_ = 0;
};

struct OneEuroSettings {
  float min_cutoff_hz = 1;
  float beta = 0;
  float derivative_cutoff_hz = 1;
  float initial_frequency_hz = 30;
};

class OneEuroFilter {
 public:
  explicit OneEuroFilter(const OneEuroSettings& settings = {}) : settings_(settings) {}
  // value_scale converts the value's change into the units beta is tuned for.
  float apply(double t_s, float value, float value_scale);

 private:
  [[nodiscard]] float alpha(float cutoff_hz) const;
  OneEuroSettings settings_;
  float frequency_hz_ = 0;
  double last_t_s_ = 0;
  bool has_time_ = false;
  LowPassFilter x_;
  LowPassFilter dx_;
};

struct VelocityFilterSettings {
  int window = 5;
  float velocity_scale = 10;
};

// Exponential smoothing whose weight on the new value grows with the recent speed
// (distance per second over up to `window` intervals).
class RelativeVelocityFilter {
 public:
  explicit RelativeVelocityFilter(const VelocityFilterSettings& settings = {})
      : settings_(settings) {}
  float apply(double t_s, float value, float value_scale);

 private:
  struct Step {
    float distance = 0;
    double duration_s = 0;
  };
  VelocityFilterSettings settings_;
  std::deque<Step> window_;
  bool has_last_ = false;
  double last_t_s_ = 0;
  float last_value_ = 0;
  LowPassFilter low_pass_;
};

struct PoseSmoothingSettings {
  OneEuroSettings landmarks{.min_cutoff_hz = 0.05f, .beta = 80, .derivative_cutoff_hz = 1};
  OneEuroSettings world{.min_cutoff_hz = 0.1f, .beta = 40, .derivative_cutoff_hz = 1};
  float visibility_alpha = 0.1f;
  VelocityFilterSettings auxiliary{.window = 5, .velocity_scale = 10};
};

class PoseSmoother {
 public:
  explicit PoseSmoother(const PoseSmoothingSettings& settings = {});
  // `landmarks` in normalised image coordinates of an image_width x image_height frame.
  void apply(PoseLandmarks& landmarks, PoseWorldLandmarks& world, double t_s, int image_width,
             int image_height);
  void reset();

 private:
  PoseSmoothingSettings settings_;
  std::vector<OneEuroFilter> image_filters_;  // x, y, z per landmark 0..32
  std::vector<OneEuroFilter> world_filters_;
  std::vector<LowPassFilter> visibility_filters_;
  std::vector<RelativeVelocityFilter> auxiliary_filters_;  // x, y, z of landmarks 33, 34
};

}  // namespace openpt::vision
