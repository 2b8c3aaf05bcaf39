// Signal filters for joint-angle and landmark time series.
//
// Recordings are filtered offline with a zero-phase Butterworth low-pass (`filtfilt`:
// forward and backward passes, odd-reflection padding, no lag). Live streams are filtered
// causally with the One Euro filter (Casiez, Roussel & Vogel, CHI 2012), which adapts its
// cut-off to speed: smooth when still, responsive when moving. NaN samples split a series
// into segments that are filtered independently; NaNs stay NaN.
//
//   std::vector<double> knee = ...;                       // degrees, 30 Hz
//   auto smooth = lowpass_zero_phase(knee, 30.0, 6.0);    // 6 Hz cut-off, no lag
//   auto vel = derivative(smooth, times_s);               // deg/s, central differences
//   OneEuroFilter live({.min_cutoff_hz = 1.0, .beta = 0.01});
//   double y = live.filter(x, t_s);
#pragma once

#include <span>
#include <vector>

namespace openpt {

// Second-order (biquad) section coefficients, normalised so a0 = 1.
struct Biquad {
  double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0;
};

// Second-order Butterworth low-pass designed by the bilinear transform with prewarping.
// Requires 0 < cutoff_hz < sample_rate_hz / 2 (asserted).
Biquad butterworth_lowpass(double sample_rate_hz, double cutoff_hz);

// Causal single pass of `section` over x (initial state: steady state for x[0]).
std::vector<double> filter_causal(const Biquad& section, std::span<const double> x);

// Zero-phase low-pass (second-order Butterworth run forward and backward, so fourth order
// in magnitude). Each run of finite samples is filtered on its own; runs shorter than 4
// samples are copied unchanged. When cutoff_hz >= sample_rate_hz / 2 the input is returned.
std::vector<double> lowpass_zero_phase(std::span<const double> x, double sample_rate_hz,
                                       double cutoff_hz);

// d x / d t by central differences (one-sided at the ends and next to NaN samples), for
// arbitrary increasing times. NaN where x is NaN or a neighbour is missing on both sides.
std::vector<double> derivative(std::span<const double> x, std::span<const double> t_s);

// Removes ±360° jumps from an angle series (degrees) so it is continuous: each finite
// sample is shifted by a multiple of 360° to lie within 180° of the previous finite one.
std::vector<double> unwrap_deg(std::span<const double> angles_deg);

struct OneEuroOptions {
  double min_cutoff_hz = 1.0;  // cut-off at rest: lower = smoother, more lag
  double beta = 0.007;         // speed coefficient: higher = less lag when moving
  double derivative_cutoff_hz = 1.0;
};

// One Euro filter over one scalar stream. Feed samples in time order; a NaN input returns
// NaN and leaves the state unchanged; a gap longer than `reset_after_s` restarts it.
class OneEuroFilter {
 public:
  explicit OneEuroFilter(OneEuroOptions options = {}, double reset_after_s = 1.0);
  double filter(double x, double t_s);
  void reset();

 private:
  OneEuroOptions options_;
  double reset_after_s_;
  bool initialised_ = false;
  double x_prev_ = 0, dx_prev_ = 0, t_prev_ = 0;
};

}  // namespace openpt
