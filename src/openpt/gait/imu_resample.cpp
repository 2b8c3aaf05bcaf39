#include "openpt/gait/imu_resample.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "openpt/core/time_series.h"

namespace openpt::gait {
namespace {

bool valid_sample(const RawImuSamples& raw, std::size_t i) {
  return std::isfinite(raw.t_s[i]) && is_finite(raw.acc_mps2[i]) && is_finite(raw.gyr_rps[i]);
}

std::string where_of(const RawImuSamples& raw, const std::string& source, std::size_t i) {
  if (i < raw.line.size()) return fmt::format("{}:{}", source, raw.line[i]);
  return source;
}

Vec3 lerp(const Vec3& a, const Vec3& b, double w) {
  return a + (b - a) * w;
}

}  // namespace

Result<ImuSignal> resample_uniform(const RawImuSamples& raw, Placement placement,
                                   std::string source, const ResampleOptions& options) {
  const std::size_t n = raw.t_s.size();
  if (raw.acc_mps2.size() != n || raw.gyr_rps.size() != n ||
      (!raw.mag.empty() && raw.mag.size() != n)) {
    return internal_error("resample_uniform: columns of different lengths", source);
  }
  std::vector<std::size_t> valid;
  valid.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(raw.t_s[i])) {
      return bad_input("the timestamp is missing or not a number", where_of(raw, source, i));
    }
    if (i > 0 && raw.t_s[i] <= raw.t_s[i - 1]) {
      return bad_input(
          fmt::format("timestamps must increase: {} s follows {} s", raw.t_s[i], raw.t_s[i - 1]),
          where_of(raw, source, i), "sort the file by time and remove duplicate rows");
    }
    if (valid_sample(raw, i)) valid.push_back(i);
  }
  if (valid.size() < 2) {
    return bad_input("fewer than two samples with accelerometer and gyroscope values", source);
  }
  double rate = options.sample_rate_hz;
  if (rate <= 0) {
    std::vector<double> t(valid.size());
    for (std::size_t k = 0; k < valid.size(); ++k) t[k] = raw.t_s[valid[k]];
    const double dt = median_frame_interval_s(t);
    if (!(dt > 0)) return bad_input("cannot estimate the sample rate from the timestamps", source);
    rate = 1.0 / dt;
  }
  for (std::size_t k = 1; k < valid.size(); ++k) {
    const double gap = raw.t_s[valid[k]] - raw.t_s[valid[k - 1]];
    if (gap > options.max_gap_s) {
      return bad_input(
          fmt::format("no valid sample for {:.3f} s (from {:.3f} s to {:.3f} s); at "
                      "most {} s can be filled",
                      gap, raw.t_s[valid[k - 1]], raw.t_s[valid[k]], options.max_gap_s),
          where_of(raw, source, valid[k]),
          "split the recording at the gap or check the sensor's connection");
    }
  }
  const double t0 = raw.t_s[valid.front()];
  const double span = raw.t_s[valid.back()] - t0;
  const auto count = static_cast<std::size_t>(std::floor(span * rate + 1e-6)) + 1;

  ImuSignal out;
  out.placement = placement;
  out.source = std::move(source);
  out.sample_rate_hz = rate;
  out.t0_s = t0;
  out.acc_mps2.resize(count);
  out.gyr_rps.resize(count);
  if (!raw.mag.empty()) out.mag.resize(count);
  const double period = 1.0 / rate;
  const double tolerance = 0.25 * period;  // a sample this close to a grid point is used as is
  std::size_t k = 0;
  std::size_t run = 0;
  for (std::size_t j = 0; j < count; ++j) {
    const double t = t0 + static_cast<double>(j) * period;
    while (k + 1 < valid.size() && raw.t_s[valid[k + 1]] <= t) ++k;
    const std::size_t a = valid[k];
    const std::size_t b = valid[std::min(k + 1, valid.size() - 1)];
    const double ta = raw.t_s[a];
    const double tb = raw.t_s[b];
    const double w = (b == a || tb <= ta) ? 0.0 : std::clamp((t - ta) / (tb - ta), 0.0, 1.0);
    out.acc_mps2[j] = lerp(raw.acc_mps2[a], raw.acc_mps2[b], w);
    out.gyr_rps[j] = lerp(raw.gyr_rps[a], raw.gyr_rps[b], w);
    if (!raw.mag.empty()) out.mag[j] = lerp(raw.mag[a], raw.mag[b], w);
    const bool measured = std::abs(t - ta) <= tolerance || std::abs(tb - t) <= tolerance;
    if (measured) {
      run = 0;
    } else {
      ++out.filled_samples;
      out.longest_gap_samples = std::max(out.longest_gap_samples, ++run);
    }
  }
  return out;
}

}  // namespace openpt::gait
