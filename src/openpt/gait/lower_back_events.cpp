#include "openpt/gait/lower_back_events.h"

#include <algorithm>
#include <cmath>

#include "openpt/core/filters.h"

namespace openpt::gait {
namespace {

// x minus its least-squares line.
std::vector<double> detrend(std::vector<double> x) {
  const double n = static_cast<double>(x.size());
  if (x.size() < 2) return x;
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double t = static_cast<double>(i);
    sx += t;
    sy += x[i];
    sxx += t * t;
    sxy += t * x[i];
  }
  const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  const double offset = (sy - slope * sx) / n;
  for (std::size_t i = 0; i < x.size(); ++i) x[i] -= offset + slope * static_cast<double>(i);
  return x;
}

// Cumulative trapezoidal integral, starting at 0.
std::vector<double> integrate(const std::vector<double>& x, double dt) {
  std::vector<double> out(x.size(), 0.0);
  for (std::size_t i = 1; i < x.size(); ++i) out[i] = out[i - 1] + (x[i - 1] + x[i]) * dt / 2;
  return out;
}

// Local minima of x at or below −`min_depth`, each the lowest sample within `separation`
// samples on either side (so of two minima closer than that, the deeper one is kept).
std::vector<std::size_t> separated_minima(const std::vector<double>& x, double min_depth,
                                          std::size_t separation) {
  std::vector<std::size_t> out;
  for (std::size_t i = 1; i + 1 < x.size(); ++i) {
    if (!(x[i] <= -min_depth && x[i] < x[i - 1] && x[i] <= x[i + 1])) continue;
    const std::size_t lo = i > separation ? i - separation : 0;
    const std::size_t hi = std::min(x.size() - 1, i + separation);
    bool lowest = true;
    for (std::size_t k = lo; k <= hi && lowest; ++k) {
      lowest = x[k] > x[i] || (x[k] == x[i] && k >= i);
    }
    if (lowest) out.push_back(i);
  }
  return out;
}

// The median of the deeper half of the minima: a typical straight-walking step.
double typical_depth(const std::vector<double>& x, const std::vector<std::size_t>& minima) {
  std::vector<double> depths;
  for (std::size_t i : minima) depths.push_back(-x[i]);
  if (depths.empty()) return 0;
  std::sort(depths.begin(), depths.end());
  return depths[depths.size() * 3 / 4];
}

double median_gap(const std::vector<std::size_t>& ics, std::size_t first, std::size_t last) {
  std::vector<double> gaps;
  for (std::size_t i = first + 1; i <= last; ++i) gaps.push_back(double(ics[i] - ics[i - 1]));
  std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
  return gaps[gaps.size() / 2];
}

// Sides of the ICs ics[first..last] (one run without a missed step): alternating, starting
// on the side most yaw votes agree with. Returns the number of votes overruled.
std::size_t alternate_sides(const std::vector<double>& yaw_angle,
                            const std::vector<std::size_t>& ics, std::size_t first,
                            std::size_t last, std::vector<Side>& sides) {
  // Votes for "first IC is left": − yaw at a left IC, + at a right one.
  std::size_t agree_left_first = 0, votes = 0;
  double weight = 0;  // tie-break: the summed evidence
  for (std::size_t i = first; i <= last; ++i) {
    const double v = yaw_angle[ics[i]];
    if (v == 0 || !std::isfinite(v)) continue;
    ++votes;
    const bool says_left = v < 0;
    const bool expects_left = (i - first) % 2 == 0;
    if (says_left == expects_left) ++agree_left_first;
    weight += expects_left ? -v : v;
  }
  const std::size_t agree_right_first = votes - agree_left_first;
  const bool left_first = agree_left_first > agree_right_first ||
                          (agree_left_first == agree_right_first && weight >= 0);
  for (std::size_t i = first; i <= last; ++i) {
    const bool left = ((i - first) % 2 == 0) == left_first;
    sides[i] = left ? Side::kLeft : Side::kRight;
  }
  return votes - std::max(agree_left_first, agree_right_first);
}

}  // namespace

std::vector<double> gaussian_derivative(const std::vector<double>& x, double sample_rate_hz,
                                        double sigma_s) {
  const double dt = 1 / sample_rate_hz;
  const auto half = static_cast<std::ptrdiff_t>(std::ceil(4 * sigma_s * sample_rate_hz));
  std::vector<double> kernel(2 * half + 1);
  double area = 0;
  for (std::ptrdiff_t k = -half; k <= half; ++k) {
    const double t = static_cast<double>(k) * dt;
    kernel[k + half] = std::exp(-t * t / (2 * sigma_s * sigma_s));
    area += kernel[k + half];
  }
  // d/dt of the unit-area Gaussian, scaled so that a line's slope comes out exactly.
  double gain = 0;
  for (std::ptrdiff_t k = -half; k <= half; ++k) {
    const double t = static_cast<double>(k) * dt;
    kernel[k + half] *= -t / (sigma_s * sigma_s) / area;
    gain += -t * kernel[k + half];
  }
  for (double& v : kernel) v /= gain;
  const auto n = static_cast<std::ptrdiff_t>(x.size());
  std::vector<double> out(x.size(), 0.0);
  for (std::ptrdiff_t i = 0; i < n; ++i) {
    double sum = 0;
    for (std::ptrdiff_t k = -half; k <= half; ++k) {
      const std::ptrdiff_t j = std::clamp<std::ptrdiff_t>(i - k, 0, n - 1);
      sum += x[j] * kernel[k + half];
    }
    out[i] = sum;
  }
  return out;
}

Result<EarthFrameSignals> earth_frame_signals(const ImuSignal& signal,
                                              const OrientationOptions& options) {
  auto q = estimate_orientation(signal, options);
  if (!q) return tl::unexpected(q.error());
  EarthFrameSignals out;
  out.vertical_acc_mps2.resize(signal.size());
  out.yaw_rate_rps.resize(signal.size());
  for (std::size_t k = 0; k < signal.size(); ++k) {
    const Vec3 f = rotate((*q)[k], signal.acc_mps2[k]);
    const Vec3 w = rotate((*q)[k], signal.gyr_rps[k]);
    out.vertical_acc_mps2[k] = std::isfinite(f.z) ? f.z - options.gravity_mps2 : 0.0;
    out.yaw_rate_rps[k] = std::isfinite(w.z) ? w.z : 0.0;
  }
  return out;
}

Result<LowerBackEvents> detect_lower_back_events(const ImuSignal& back,
                                                 const LowerBackEventOptions& options) {
  const double fs = back.sample_rate_hz;
  if (!(fs > 0) || back.size() < static_cast<std::size_t>(2 * fs)) {
    return bad_input("too short for gait events (under 2 s)", back.source);
  }
  auto earth = earth_frame_signals(back, options.orientation);
  if (!earth) return tl::unexpected(earth.error());
  LowerBackEvents out;
  // McCamley: detrend, integrate, differentiate with the Gaussian wavelet (twice).
  const auto velocity = integrate(detrend(earth->vertical_acc_mps2), 1 / fs);
  out.ic_signal_mps2 = gaussian_derivative(velocity, fs, options.gaussian_sigma_s);
  for (double& v : out.ic_signal_mps2) v = -v;
  out.fc_signal = gaussian_derivative(out.ic_signal_mps2, fs, options.gaussian_sigma_s);
  const std::vector<double>& s1 = out.ic_signal_mps2;
  const std::vector<double>& s2 = out.fc_signal;

  const auto separation = static_cast<std::size_t>(std::lround(options.min_step_s * fs));
  auto minima = separated_minima(s1, options.min_ic_acc_mps2, separation);
  const double min_depth = options.relative_ic_acc * typical_depth(s1, minima);
  std::erase_if(minima, [&](std::size_t i) { return -s1[i] < min_depth; });

  // Walking bouts: runs of ICs no further apart than max_step_gap_s.
  const auto max_gap = static_cast<std::size_t>(std::lround(options.max_step_gap_s * fs));
  std::vector<std::size_t> ics;
  std::vector<std::pair<std::size_t, std::size_t>> bout_ranges;  // into ics, inclusive
  for (std::size_t begin = 0, i = 1; i <= minima.size(); ++i) {
    if (i < minima.size() && minima[i] - minima[i - 1] <= max_gap) continue;
    if (i - begin >= std::max<std::size_t>(options.min_bout_steps, 2)) {
      bout_ranges.emplace_back(ics.size(), ics.size() + (i - begin) - 1);
      ics.insert(ics.end(), minima.begin() + static_cast<std::ptrdiff_t>(begin),
                 minima.begin() + static_cast<std::ptrdiff_t>(i));
    } else {
      out.rejected_contacts += i - begin;
    }
    begin = i;
  }

  // Sides from the band-passed yaw angle, alternating within runs without a missed step.
  auto yaw = integrate(earth->yaw_rate_rps, 1 / fs);
  const auto slow = lowpass_zero_phase(yaw, fs, options.side_band_low_hz);
  for (std::size_t k = 0; k < yaw.size(); ++k) yaw[k] -= slow[k];
  yaw = lowpass_zero_phase(yaw, fs, options.side_band_high_hz);
  std::vector<Side> sides(ics.size(), Side::kUnknown);
  for (const auto& [first, last] : bout_ranges) {
    const double step = median_gap(ics, first, last);
    std::size_t run = first;
    for (std::size_t i = first + 1; i <= last + 1; ++i) {
      if (i <= last && double(ics[i] - ics[i - 1]) <= 1.5 * step) continue;
      out.side_disagreements += alternate_sides(yaw, ics, run, i - 1, sides);
      run = i;
    }
    out.bouts.push_back({back.time_s(ics[first]), back.time_s(ics[last]), last - first + 1});
    // FC: the first positive maximum of s2 after each IC, before the next IC of the bout.
    for (std::size_t i = first; i <= last; ++i) {
      const auto limit =
          std::min(s2.size() - 1, i < last ? ics[i + 1] : ics[i] + static_cast<std::size_t>(step));
      const Side ic_side = sides[i];
      out.events.push_back({ic_side, EventType::kInitialContact, back.time_s(ics[i]), ics[i],
                            Placement::kLowerBack});
      for (std::size_t k = ics[i] + 1; k < limit; ++k) {
        if (s2[k] > 0 && s2[k] > s2[k - 1] && s2[k] >= s2[k + 1]) {
          const Side fc_side = ic_side == Side::kLeft ? Side::kRight : Side::kLeft;
          out.events.push_back(
              {fc_side, EventType::kFinalContact, back.time_s(k), k, Placement::kLowerBack});
          break;
        }
      }
    }
  }
  sort_events(out.events);
  out.yaw_rate_rps = std::move(earth->yaw_rate_rps);
  return out;
}

}  // namespace openpt::gait
