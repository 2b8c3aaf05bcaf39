#include "openpt/gait/imu_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace openpt::gait {
namespace {

double percentile(std::vector<double> values, double q) {
  if (values.empty()) return std::nan("");
  const auto k = static_cast<std::size_t>(q * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
  return values[k];
}

double component_sd(const std::vector<Vec3>& v) {
  // The largest per-axis standard deviation.
  double best = 0;
  for (int axis = 0; axis < 3; ++axis) {
    double sum = 0, sum2 = 0;
    for (const auto& s : v) {
      const double x = axis == 0 ? s.x : axis == 1 ? s.y : s.z;
      sum += x;
      sum2 += x * x;
    }
    const double n = static_cast<double>(v.size());
    best = std::max(best, std::sqrt(std::max(0.0, sum2 / n - (sum / n) * (sum / n))));
  }
  return best;
}

}  // namespace

Result<void> check_imu_signal(const ImuSignal& signal, const ImuCheckOptions& options) {
  const std::string& where = signal.source;
  if (signal.duration_s() < options.min_duration_s) {
    return bad_input(fmt::format("the recording lasts {:.2f} s; at least {} s are needed",
                                 signal.duration_s(), options.min_duration_s),
                     where);
  }
  std::vector<double> acc_norm(signal.size());
  std::vector<double> gyr_norm(signal.size());
  for (std::size_t i = 0; i < signal.size(); ++i) {
    acc_norm[i] = norm(signal.acc_mps2[i]);
    gyr_norm[i] = norm(signal.gyr_rps[i]);
  }
  const double acc_median = percentile(acc_norm, 0.5);
  if (acc_median < options.min_median_acc_mps2 || acc_median > options.max_median_acc_mps2) {
    std::string hint = "give the accelerometer unit explicitly (m/s2 or g)";
    if (acc_median > 0.5 && acc_median < 2.0) hint = "the values look like g: set the unit to g";
    if (acc_median > 500) hint = "the values look like mg or mm/s²: convert them to m/s² or g";
    return bad_input(fmt::format("the accelerometer's median magnitude is {:.3g} m/s², far from "
                                 "gravity (9.81 m/s²)",
                                 acc_median),
                     where, hint);
  }
  const double gyro_p99 = percentile(gyr_norm, 0.99);
  if (gyro_p99 > options.max_gyro_p99_rps) {
    return bad_input(fmt::format("the gyroscope reads {:.0f} rad/s ({:.0f} °/s) in 1 % of the "
                                 "samples, beyond any body-worn sensor's range",
                                 gyro_p99, gyro_p99 * kRadToDeg),
                     where, "the values look like °/s: set the gyroscope unit to deg/s");
  }
  if (component_sd(signal.acc_mps2) < options.min_signal_sd &&
      component_sd(signal.gyr_rps) < options.min_signal_sd) {
    return bad_input("the sensor has no signal: accelerometer and gyroscope do not vary", where,
                     "check that the sensor was switched on and recording");
  }
  if (component_sd(signal.gyr_rps) < options.min_signal_sd) {
    return bad_input("the gyroscope has no signal (constant values)", where);
  }
  return {};
}

Result<void> check_recording(const ImuRecording& recording, const ImuCheckOptions& options) {
  if (recording.sensors.empty()) return bad_input("no sensor given");
  for (const auto& s : recording.sensors) {
    if (auto ok = check_imu_signal(s, options); !ok) return ok;
  }
  for (std::size_t i = 0; i < recording.sensors.size(); ++i) {
    for (std::size_t j = i + 1; j < recording.sensors.size(); ++j) {
      const auto& a = recording.sensors[i];
      const auto& b = recording.sensors[j];
      if (a.placement == b.placement) {
        return bad_input(fmt::format("two sensors at {}", placement_name(a.placement)),
                         a.source + ", " + b.source);
      }
      const double mismatch = std::abs(a.duration_s() - b.duration_s());
      if (mismatch > options.max_duration_mismatch_s) {
        return bad_input(fmt::format("{} lasts {:.1f} s but {} lasts {:.1f} s: the files do not "
                                     "look like one recording",
                                     a.source, a.duration_s(), b.source, b.duration_s()),
                         a.source, "give sensors recorded together");
      }
    }
  }
  return {};
}

}  // namespace openpt::gait
