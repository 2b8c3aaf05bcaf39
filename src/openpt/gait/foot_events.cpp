#include "openpt/gait/foot_events.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <iterator>
#include <set>

#include "openpt/core/filters.h"

namespace openpt::gait {
namespace {

double skewness(const std::vector<double>& x) {
  double mean = 0;
  for (double v : x) mean += v;
  mean /= static_cast<double>(x.size());
  double m3 = 0;
  for (double v : x) m3 += (v - mean) * (v - mean) * (v - mean);
  return m3 / static_cast<double>(x.size());
}

// Local maxima of `x` at or above `threshold`, at least `separation` samples apart (the
// higher one wins).
std::vector<std::size_t> separated_peaks(const std::vector<double>& x, double threshold,
                                         std::size_t separation) {
  std::vector<std::size_t> candidates;
  for (std::size_t i = 1; i + 1 < x.size(); ++i) {
    if (x[i] >= threshold && x[i] > x[i - 1] && x[i] >= x[i + 1]) candidates.push_back(i);
  }
  std::vector<std::size_t> order = candidates;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] > x[b]; });
  std::set<std::size_t> kept;  // sorted: only the kept neighbours on either side can be near
  for (std::size_t c : order) {
    const auto after = kept.lower_bound(c);
    const bool near_after = after != kept.end() && *after - c < separation;
    const bool near_before = after != kept.begin() && c - *std::prev(after) < separation;
    if (!near_after && !near_before) kept.insert(c);
  }
  return {kept.begin(), kept.end()};
}

double typical_peak(const std::vector<double>& x, const std::vector<std::size_t>& peaks) {
  // The median of the upper half of the peak heights: the typical straight-walking swing.
  std::vector<double> heights;
  for (std::size_t p : peaks) heights.push_back(x[p]);
  if (heights.empty()) return 0;
  std::sort(heights.begin(), heights.end());
  return heights[heights.size() * 3 / 4];
}

}  // namespace

Vec3 principal_axis(const std::vector<Vec3>& samples) {
  Eigen::Vector3d mean = Eigen::Vector3d::Zero();
  for (const auto& s : samples) mean += Eigen::Vector3d(s.x, s.y, s.z);
  mean /= std::max<double>(1.0, static_cast<double>(samples.size()));
  Eigen::Matrix3d cov = Eigen::Matrix3d::Zero();
  for (const auto& s : samples) {
    const Eigen::Vector3d d = Eigen::Vector3d(s.x, s.y, s.z) - mean;
    cov += d * d.transpose();
  }
  Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> solver(cov);
  const Eigen::Vector3d axis = solver.eigenvectors().col(2);
  return {axis.x(), axis.y(), axis.z()};
}

Result<FootEvents> detect_foot_events(const ImuSignal& foot, const FootEventOptions& options) {
  const double fs = foot.sample_rate_hz;
  if (foot.size() < static_cast<std::size_t>(2 * fs)) {
    return bad_input("too short for gait events (under 2 s)", foot.source);
  }
  FootEvents out;
  out.side = placement_side(foot.placement);
  Vec3 axis = principal_axis(foot.gyr_rps);
  std::vector<double> rate(foot.size());
  for (std::size_t i = 0; i < rate.size(); ++i) rate[i] = dot(foot.gyr_rps[i], axis);
  std::vector<double> smooth = lowpass_zero_phase(rate, fs, options.swing_lowpass_hz);
  if (skewness(smooth) < 0) {
    axis = -axis;
    for (double& v : rate) v = -v;
    for (double& v : smooth) v = -v;
  }
  out.sagittal_axis = axis;

  const auto samples = [fs](double seconds) {
    return static_cast<std::size_t>(std::lround(seconds * fs));
  };
  auto peaks =
      separated_peaks(smooth, options.min_swing_peak_rps, samples(options.min_swing_separation_s));
  const double min_height = options.relative_swing_peak * typical_peak(smooth, peaks);
  std::erase_if(peaks, [&](std::size_t p) { return smooth[p] < min_height; });
  if (options.min_small_step_peak_rps > 0) {
    const std::size_t sep = samples(options.min_swing_separation_s);
    auto small = separated_peaks(smooth, options.min_small_step_peak_rps, sep);
    // Only the closing step of a walk: a swing before it, none soon after it.
    const std::size_t before = samples(2.5), after = samples(1.5);
    std::erase_if(small, [&](std::size_t c) {
      const bool near = std::any_of(peaks.begin(), peaks.end(),
                                    [&](std::size_t p) { return (c > p ? c - p : p - c) < sep; });
      const bool walk_before = std::any_of(peaks.begin(), peaks.end(),
                                           [&](std::size_t p) { return p < c && c - p <= before; });
      const bool walk_after = std::any_of(peaks.begin(), peaks.end(),
                                          [&](std::size_t p) { return p > c && p - c <= after; });
      return near || !walk_before || walk_after;
    });
    peaks.insert(peaks.end(), small.begin(), small.end());
    std::sort(peaks.begin(), peaks.end());
  }

  const std::size_t n = rate.size();
  std::size_t previous_ic = 0;
  for (std::size_t lp_peak : peaks) {
    // Mid-swing: the raw rate's maximum near the low-passed peak.
    const std::size_t r = samples(options.peak_refine_s);
    const std::size_t lo = lp_peak > r ? lp_peak - r : 0;
    const std::size_t hi = std::min(n - 1, lp_peak + r);
    std::size_t p = lo;
    for (std::size_t i = lo; i <= hi; ++i) {
      if (rate[i] > rate[p]) p = i;
    }
    // Push-off minimum and the upward zero crossing after it.
    const std::size_t window = samples(options.push_off_window_s);
    std::size_t start = p > window ? p - window : 0;
    start = std::max(start, previous_ic + 1);
    if (start >= p) {
      ++out.rejected_swings;
      continue;
    }
    std::size_t push = start;
    for (std::size_t i = start; i < p; ++i) {
      if (rate[i] < rate[push]) push = i;
    }
    std::size_t up = push;
    while (up < p && rate[up] < 0) ++up;
    const std::size_t fc = (push + up) / 2;
    // Downward zero crossing at the end of the swing, then the first local minimum. The
    // search starts at the low-passed peak too: a vibration spike can put the raw maximum
    // early in the swing, next to a spurious dip below zero.
    const std::size_t swing_end_limit = std::min(n - 2, p + samples(options.max_swing_s));
    std::size_t down = std::max(p, lp_peak);
    while (down < swing_end_limit && rate[down] >= 0) ++down;
    if (down >= swing_end_limit) {
      ++out.rejected_swings;
      continue;
    }
    const std::size_t ic_limit = std::min(n - 2, down + samples(options.ic_search_s));
    const auto first_minimum = [&](double at_most) {
      for (std::size_t i = std::max<std::size_t>(down, 1); i < ic_limit; ++i) {
        if (rate[i] <= at_most && rate[i] <= rate[i - 1] && rate[i] <= rate[i + 1]) return i;
      }
      return ic_limit;
    };
    std::size_t ic = first_minimum(-options.min_contact_dip_rps);
    if (ic >= ic_limit) ic = first_minimum(0.0);  // a soft landing
    const double swing = static_cast<double>(ic - fc) / fs;
    if (ic >= ic_limit || swing < options.min_swing_s || swing > options.max_swing_s) {
      ++out.rejected_swings;
      continue;
    }
    out.events.push_back({out.side, EventType::kFinalContact, foot.time_s(fc), fc, foot.placement});
    out.events.push_back(
        {out.side, EventType::kInitialContact, foot.time_s(ic), ic, foot.placement});
    out.mid_swing_t_s.push_back(foot.time_s(p));
    previous_ic = ic;
  }
  out.sagittal_rate_rps = std::move(rate);
  return out;
}

}  // namespace openpt::gait
