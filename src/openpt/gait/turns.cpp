#include "openpt/gait/turns.h"

#include <cmath>
#include <numbers>

#include "openpt/core/filters.h"

namespace openpt::gait {

std::vector<Turn> detect_turns(std::span<const double> yaw_rate_rps, double sample_rate_hz,
                               double t0_s, const TurnOptions& options) {
  std::vector<Turn> turns;
  if (yaw_rate_rps.empty() || !(sample_rate_hz > 0)) return turns;
  const double to_deg = 180 / std::numbers::pi;
  std::vector<double> rate = lowpass_zero_phase(yaw_rate_rps, sample_rate_hz, options.lowpass_hz);
  for (double& v : rate) v = std::isfinite(v) ? v * to_deg : 0.0;
  const double dt = 1 / sample_rate_hz;
  const std::size_t n = rate.size();
  std::size_t i = 0;
  while (i < n) {
    if (std::abs(rate[i]) <= options.boundary_rate_dps) {
      ++i;
      continue;
    }
    const double sign = rate[i] > 0 ? 1 : -1;
    const std::size_t start = i;
    double angle = 0, peak = 0;
    while (i < n && sign * rate[i] > options.boundary_rate_dps) {
      angle += rate[i] * dt;
      peak = std::max(peak, std::abs(rate[i]));
      ++i;
    }
    const double duration = static_cast<double>(i - start) * dt;
    if (peak >= options.min_peak_rate_dps && std::abs(angle) >= options.min_angle_deg &&
        duration >= options.min_duration_s && duration <= options.max_duration_s) {
      turns.push_back({t0_s + static_cast<double>(start) * dt,
                       t0_s + static_cast<double>(i - 1) * dt, angle, peak});
    }
  }
  return turns;
}

}  // namespace openpt::gait
