#include "openpt/core/filters.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

namespace openpt {

Biquad butterworth_lowpass(double sample_rate_hz, double cutoff_hz) {
  assert(sample_rate_hz > 0 && cutoff_hz > 0 && cutoff_hz < sample_rate_hz / 2);
  // Bilinear transform of H(s) = 1 / (s^2 + sqrt2 s + 1) with prewarped cut-off.
  const double k = std::tan(std::numbers::pi * cutoff_hz / sample_rate_hz);
  const double k2 = k * k;
  const double q = std::numbers::sqrt2;
  const double norm = 1.0 / (1.0 + q * k + k2);
  Biquad s;
  s.b0 = k2 * norm;
  s.b1 = 2.0 * s.b0;
  s.b2 = s.b0;
  s.a1 = 2.0 * (k2 - 1.0) * norm;
  s.a2 = (1.0 - q * k + k2) * norm;
  return s;
}

namespace {

// Runs the biquad over y in place, forwards (step = +1) or backwards (step = −1), started in
// steady state for a constant input equal to the first sample it sees (unit DC gain: the
// steady-state output equals that sample). Transposed direct form II.
void filter_in_place(const Biquad& s, std::span<double> y, bool backwards) {
  const std::size_t n = y.size();
  if (n == 0) return;
  const double x0 = backwards ? y[n - 1] : y[0];
  double z1 = x0 - s.b0 * x0;
  double z2 = s.b2 * x0 - s.a2 * x0;
  for (std::size_t k = 0; k < n; ++k) {
    double& v = y[backwards ? n - 1 - k : k];
    const double xi = v;
    const double yi = s.b0 * xi + z1;
    z1 = s.b1 * xi - s.a1 * yi + z2;
    z2 = s.b2 * xi - s.a2 * yi;
    v = yi;
  }
}

// Zero-phase filtering of one finite run, with odd-reflection padding like scipy's filtfilt.
void filtfilt_run(const Biquad& s, std::span<const double> x, std::span<double> out,
                  std::vector<double>& ext) {
  const std::size_t n = x.size();
  const std::size_t pad = std::min<std::size_t>(n - 1, 6 * 3);
  ext.clear();
  for (std::size_t i = pad; i >= 1; --i) ext.push_back(2 * x[0] - x[i]);
  ext.insert(ext.end(), x.begin(), x.end());
  for (std::size_t i = 1; i <= pad; ++i) ext.push_back(2 * x[n - 1] - x[n - 1 - i]);
  filter_in_place(s, ext, false);
  filter_in_place(s, ext, true);
  std::copy(ext.begin() + static_cast<long>(pad), ext.begin() + static_cast<long>(pad + n),
            out.begin());
}

}  // namespace

std::vector<double> filter_causal(const Biquad& s, std::span<const double> x) {
  std::vector<double> y(x.begin(), x.end());
  filter_in_place(s, y, false);
  return y;
}

std::vector<double> lowpass_zero_phase(std::span<const double> x, double sample_rate_hz,
                                       double cutoff_hz) {
  std::vector<double> y(x.begin(), x.end());
  if (!(sample_rate_hz > 0) || !(cutoff_hz > 0) || cutoff_hz >= sample_rate_hz / 2) return y;
  const Biquad section = butterworth_lowpass(sample_rate_hz, cutoff_hz);
  std::vector<double> buffer;
  buffer.reserve(x.size() + 36);
  size_t i = 0;
  while (i < x.size()) {
    if (!std::isfinite(x[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < x.size() && std::isfinite(x[j])) ++j;
    if (j - i >= 4) {
      filtfilt_run(section, x.subspan(i, j - i), std::span<double>(y).subspan(i, j - i), buffer);
    }
    i = j;
  }
  return y;
}

std::vector<double> unwrap_deg(std::span<const double> x) {
  std::vector<double> y(x.begin(), x.end());
  double previous = NAN;
  for (double& v : y) {
    if (!std::isfinite(v)) continue;
    const double step = v - previous;  // NaN for the first finite sample
    if (step > 180.0 || step < -180.0) v -= 360.0 * std::round(step / 360.0);
    previous = v;
  }
  return y;
}

std::vector<double> derivative(std::span<const double> x, std::span<const double> t) {
  assert(x.size() == t.size());
  const size_t n = x.size();
  std::vector<double> d(n, NAN);
  auto ok = [&](size_t i) { return std::isfinite(x[i]); };
  for (size_t i = 0; i < n; ++i) {
    if (!ok(i)) continue;
    const bool has_prev = i > 0 && ok(i - 1);
    const bool has_next = i + 1 < n && ok(i + 1);
    if (has_prev && has_next) {
      d[i] = (x[i + 1] - x[i - 1]) / (t[i + 1] - t[i - 1]);
    } else if (has_next) {
      d[i] = (x[i + 1] - x[i]) / (t[i + 1] - t[i]);
    } else if (has_prev) {
      d[i] = (x[i] - x[i - 1]) / (t[i] - t[i - 1]);
    }
  }
  return d;
}

namespace {
double smoothing_factor(double dt_s, double cutoff_hz) {
  const double r = 2 * std::numbers::pi * cutoff_hz * dt_s;
  return r / (r + 1);
}
}  // namespace

OneEuroFilter::OneEuroFilter(OneEuroOptions options, double reset_after_s)
    : options_(options), reset_after_s_(reset_after_s) {}

void OneEuroFilter::reset() {
  initialised_ = false;
}

double OneEuroFilter::filter(double x, double t_s) {
  if (!std::isfinite(x)) return NAN;
  if (!initialised_ || t_s - t_prev_ > reset_after_s_ || t_s <= t_prev_) {
    const bool same_time = initialised_ && t_s == t_prev_;
    if (same_time) return x_prev_;
    initialised_ = true;
    x_prev_ = x;
    dx_prev_ = 0;
    t_prev_ = t_s;
    return x;
  }
  const double dt = t_s - t_prev_;
  const double dx = (x - x_prev_) / dt;
  const double a_d = smoothing_factor(dt, options_.derivative_cutoff_hz);
  const double dx_hat = a_d * dx + (1 - a_d) * dx_prev_;
  const double cutoff = options_.min_cutoff_hz + options_.beta * std::abs(dx_hat);
  const double a = smoothing_factor(dt, cutoff);
  const double x_hat = a * x + (1 - a) * x_prev_;
  x_prev_ = x_hat;
  dx_prev_ = dx_hat;
  t_prev_ = t_s;
  return x_hat;
}

}  // namespace openpt
