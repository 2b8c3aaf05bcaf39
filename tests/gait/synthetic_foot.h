// A hand-built foot-gyroscope signal with known gait events, for the detector and CLI tests.
//
// Each stride of period `stride_s` (stance share `stance`) has, on the sagittal axis: a
// push-off dip −A·sin over `push_s` (its minimum at the middle, its upward zero crossing at
// the end), a swing hump, and a heel-strike dip −H·sin over `strike_s` starting at the
// hump's downward zero crossing. By the detector's definitions (foot_events.h) the final
// contact lies 3/4 into the push-off dip and the initial contact at the middle of the
// strike dip; those times are the known answers. The sagittal rate is written along
// `axis` of the sensor frame, with small motion on the other axes and gravity along a tilted
// vertical, and optional white noise.
#pragma once

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "openpt/gait/imu.h"

namespace openpt::gait::testing {

struct SyntheticFoot {
  ImuSignal signal;
  std::vector<double> fc_s, ic_s;  // known events
};

struct SyntheticFootOptions {
  Placement placement = Placement::kLeftFoot;
  double rate_hz = 100;
  int strides = 10;
  double stride_s = 1.1;
  double offset_s = 0;     // shifts the whole pattern (the other foot: half a stride)
  double lead_in_s = 2.0;  // standing still before and after
  double push_s = 0.16, swing_s = 0.36, strike_s = 0.06;
  double push_amplitude = 4.0, swing_amplitude = 6.0, strike_amplitude = 3.0;
  // A slow end of swing: the strike dip starts this long after the hump, and in between the
  // rate wobbles just below zero by `pre_strike_wobble` (rad/s).
  double pre_strike_pause_s = 0, pre_strike_wobble = 0;
  // A short, slow step after the last stride (bringing the feet together), a fifth of the
  // amplitudes, starting `closing_step_after_s` after the last stride's push-off.
  bool closing_step = false;
  double closing_step_after_s = 1.2;
  Vec3 axis{0.3, -0.9, 0.316};  // the sagittal axis in the sensor frame (need not be unit)
  double noise_rps = 0;
  unsigned seed = 1;
};

inline double bump(double t, double start, double length) {
  if (length <= 0 || t < start || t > start + length) return 0;
  return std::sin(std::numbers::pi * (t - start) / length);
}

inline SyntheticFoot make_synthetic_foot(const SyntheticFootOptions& o) {
  SyntheticFoot out;
  ImuSignal& s = out.signal;
  s.placement = o.placement;
  s.source = "synthetic";
  s.sample_rate_hz = o.rate_hz;
  const Vec3 axis = normalized(o.axis);
  // A second axis orthogonal to the sagittal one, for small out-of-plane motion.
  const Vec3 helper = std::abs(axis.z) < 0.9 ? Vec3{0, 0, 1} : Vec3{1, 0, 0};
  const Vec3 other =
      normalized(Vec3{axis.y * helper.z - axis.z * helper.y, axis.z * helper.x - axis.x * helper.z,
                      axis.x * helper.y - axis.y * helper.x});
  const double total = 2 * o.lead_in_s + o.strides * o.stride_s + o.offset_s +
                       (o.closing_step ? o.closing_step_after_s : 0);
  const auto n = static_cast<std::size_t>(total * o.rate_hz);
  std::vector<double> push_start, swing_start, strike_start, scale;
  const auto add_stride = [&](double t_push, double amplitude_scale) {
    const double t_strike = t_push + o.push_s + o.swing_s + o.pre_strike_pause_s;
    push_start.push_back(t_push);
    swing_start.push_back(t_push + o.push_s);
    strike_start.push_back(t_strike);
    scale.push_back(amplitude_scale);
    out.fc_s.push_back(t_push + 0.75 * o.push_s);
    out.ic_s.push_back(t_strike + 0.5 * o.strike_s);
  };
  for (int k = 0; k < o.strides; ++k) add_stride(o.lead_in_s + o.offset_s + k * o.stride_s, 1);
  if (o.closing_step) {
    add_stride(o.lead_in_s + o.offset_s + (o.strides - 1) * o.stride_s + o.closing_step_after_s,
               0.2);
  }
  std::mt19937 rng(o.seed);
  std::normal_distribution<double> noise(0.0, o.noise_rps);
  const Vec3 gravity_dir = normalized(Vec3{0.2, 0.1, 0.97});
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / o.rate_hz;
    double w = 0;
    for (std::size_t k = 0; k < push_start.size(); ++k) {
      w -= scale[k] * o.push_amplitude * bump(t, push_start[k], o.push_s);
      w += scale[k] * o.swing_amplitude * bump(t, swing_start[k], o.swing_s);
      w -= o.pre_strike_wobble * bump(t, swing_start[k] + o.swing_s, o.pre_strike_pause_s);
      w -= scale[k] * o.strike_amplitude * bump(t, strike_start[k], o.strike_s);
    }
    const double wobble = 0.15 * w * std::cos(2 * std::numbers::pi * t);
    Vec3 gyr = axis * w + other * wobble;
    if (o.noise_rps > 0) gyr = gyr + Vec3{noise(rng), noise(rng), noise(rng)};
    s.gyr_rps.push_back(gyr);
    s.acc_mps2.push_back(gravity_dir * kStandardGravity + axis * (0.3 * w));
  }
  return out;
}

}  // namespace openpt::gait::testing
