#include "openpt/motion/reps.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "openpt/core/filters.h"
#include "openpt/core/time_series.h"

namespace openpt::motion {

namespace {

// Excursions under this share of the typical range are jitter, not even partial reps; over
// kForeignFraction times it, a different movement (getting up, walking away).
constexpr double kIgnoredFraction = 0.3, kForeignFraction = 2.5;

// Before the first and after the last repetition, a movement reaching further than
// kLeavingFraction times the typical range beyond the level repetitions start from (the
// median start of the kNearbyReps nearest ones, so baseline drift does not matter) is
// setting up or leaving — stepping onto or off a bar, standing up after push-ups — even
// when it starts from part-way up.
constexpr double kLeavingFraction = 2.0;
constexpr std::size_t kNearbyReps = 6;

// A repetition whose samples are missing (person out of view, not detected) for more than
// half its span was mostly not seen: its turning point may be an artefact of bridging the
// gap. Reported as partial, not counted.
constexpr double kMaxUnseenFraction = 0.5;

// Low-passing can only shrink swings; when the low-passed signal's typical swing is still
// this much larger than the raw one's, the raw typical swing was jitter (RepDetectionOptions::
// jitter_cutoff_hz).
constexpr double kJitterOutnumbers = 1.5;

struct Extremum {
  std::size_t frame = 0;
  double value = 0;
  bool peak = false;
};

// Turning points that reverse by at least `h` (classic zig-zag / peak–valley hysteresis).
// The last, still open extreme is appended too, so the final return is not lost.
std::vector<Extremum> zigzag(std::span<const double> x, double h) {
  std::vector<Extremum> out;
  enum class State { kUnknown, kRising, kFalling } state = State::kUnknown;
  std::optional<Extremum> lo, hi;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double v = x[i];
    if (!std::isfinite(v)) continue;
    if (!lo || v < lo->value) lo = Extremum{i, v, false};
    if (!hi || v > hi->value) hi = Extremum{i, v, true};
    if (state != State::kFalling && hi->value - v >= h && hi->frame < i) {
      if (state == State::kUnknown && lo->frame < hi->frame) out.push_back(*lo);
      out.push_back(*hi);
      state = State::kFalling;
      lo = Extremum{i, v, false};
    } else if (state != State::kRising && v - lo->value >= h && lo->frame < i) {
      if (state == State::kUnknown && hi->frame < lo->frame) out.push_back(*hi);
      out.push_back(*lo);
      state = State::kRising;
      hi = Extremum{i, v, true};
    }
  }
  if (state == State::kRising && hi) out.push_back(*hi);
  if (state == State::kFalling && lo) out.push_back(*lo);
  return out;
}

// Linear-interpolated quantile q of v (reordered in place), by selection: O(n).
double percentile(std::vector<double>& v, double q) {
  if (v.empty()) return NAN;
  const double pos = q * static_cast<double>(v.size() - 1);
  const auto i = static_cast<std::size_t>(pos);
  const double frac = pos - static_cast<double>(i);
  const auto at = v.begin() + static_cast<std::ptrdiff_t>(i);
  std::nth_element(v.begin(), at, v.end());
  const double lower = *at;
  if (i + 1 >= v.size() || frac == 0) return lower;
  const double upper = *std::min_element(at + 1, v.end());
  return lower * (1 - frac) + upper * frac;
}

// Merges peaks separated by valleys that come back less than half way (half the peak's
// own rise, or half the typical swing `a` if that is smaller, so an unusually deep first
// descent does not swallow the reps after it): wobbles inside one movement. Works on an
// alternating valley/peak list that starts and ends with valleys.
std::vector<Extremum> merge_wobbles(std::vector<Extremum> e, double a) {
  bool changed = true;
  while (changed) {
    changed = false;
    // e: V P V P V ... ; look at each inner valley e[i] between peaks e[i-1], e[i+1].
    for (std::size_t i = 2; i + 2 < e.size(); i += 2) {
      const Extremum& left_peak = e[i - 1];
      const Extremum& right_peak = e[i + 1];
      const double left_rise = std::min(a, left_peak.value - e[i - 2].value);
      const double right_fall = std::min(a, right_peak.value - e[i + 2].value);
      const bool separates = left_peak.value - e[i].value >= 0.5 * left_rise &&
                             right_peak.value - e[i].value >= 0.5 * right_fall;
      if (separates) continue;
      // Keep the higher peak; drop the valley and the lower peak.
      const std::size_t drop_peak = left_peak.value >= right_peak.value ? i + 1 : i - 1;
      const std::size_t first = std::min(i, drop_peak);
      e.erase(e.begin() + static_cast<std::ptrdiff_t>(first),
              e.begin() + static_cast<std::ptrdiff_t>(first + 2));
      changed = true;
      break;
    }
  }
  return e;
}

// Removes the local mean and divides by the local RMS (windows of ±`half` samples; the
// RMS floored at half its median), so a burst of large movement (setting up, leaving)
// weighs no more in the autocorrelation than the steady repetitions.
constexpr double kBalanceWindowS = 5.0;
void balance_locally(std::vector<double>& y, std::size_t half) {
  const std::size_t n = y.size();
  std::vector<double> sum(n + 1, 0), sum2(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    sum[i + 1] = sum[i] + y[i];
    sum2[i + 1] = sum2[i] + y[i] * y[i];
  }
  std::vector<double> centred(n), rms(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t a = i > half ? i - half : 0, b = std::min(n, i + half + 1);
    const double m = (sum[b] - sum[a]) / static_cast<double>(b - a);
    const double m2 = (sum2[b] - sum2[a]) / static_cast<double>(b - a);
    centred[i] = y[i] - m;
    rms[i] = std::sqrt(std::max(0.0, m2 - m * m));
  }
  const double floor = 0.5 * median(rms);
  for (std::size_t i = 0; i < n; ++i) {
    y[i] = floor > 0 ? centred[i] / std::max(rms[i], floor) : centred[i];
  }
}

// Sizes of the swings between consecutive turning points.
std::vector<double> swings_of(const std::vector<Extremum>& e) {
  std::vector<double> swings;
  for (std::size_t i = 1; i < e.size(); ++i) {
    swings.push_back(std::abs(e[i].value - e[i - 1].value));
  }
  return swings;
}

// The size most swings share: each swing's group is the swings within a factor 1.5 of it,
// and the group with the most total excursion (count × size) wins, so a run of equal reps
// outweighs a few large set-up or leaving movements and many small wobbles. The median of
// the winning group; 0 without swings.
double dominant_size(std::vector<double> swings) {
  if (swings.empty()) return 0;
  std::sort(swings.begin(), swings.end());
  std::vector<double> prefix(swings.size() + 1, 0);
  for (std::size_t i = 0; i < swings.size(); ++i) prefix[i + 1] = prefix[i] + swings[i];
  // For each swing s (ascending), the group [s/1.5, 1.5 s] is a window [lo, hi) of the
  // sorted swings; both ends only move forward.
  double best_total = -1;
  std::size_t best_lo = 0, best_hi = 0, lo = 0, hi = 0;
  for (const double s : swings) {
    while (swings[lo] < s / 1.5) ++lo;
    while (hi < swings.size() && swings[hi] <= s * 1.5) ++hi;
    const double total = prefix[hi] - prefix[lo];
    if (total > best_total) {
      best_total = total;
      best_lo = lo;
      best_hi = hi;
    }
  }
  const std::size_t n = best_hi - best_lo, mid = best_lo + n / 2;
  return n % 2 == 1 ? swings[mid] : 0.5 * (swings[mid - 1] + swings[mid]);
}

// Where a repetition starts and turns (oriented signal), raw and smoothed.
struct RepLevels {
  double start = 0, turn = 0, smooth_start = 0, smooth_turn = 0;
};

// How far rep i turns beyond the level the nearby reps start from, in typical ranges: the
// smaller of the raw and the smoothed measure (a glitch inflates the one, smoothing
// flattens the other).
double reach_beyond_start_level(const std::vector<RepLevels>& levels, std::size_t i, double raw_a,
                                double smooth_a) {
  std::vector<std::size_t> nearby;
  for (std::size_t d = 1; nearby.size() < kNearbyReps && (d <= i || i + d < levels.size()); ++d) {
    if (d <= i) nearby.push_back(i - d);
    if (i + d < levels.size() && nearby.size() < kNearbyReps) nearby.push_back(i + d);
  }
  if (nearby.empty()) return 0;
  std::vector<double> starts, smooth_starts;
  for (std::size_t j : nearby) {
    starts.push_back(levels[j].start);
    smooth_starts.push_back(levels[j].smooth_start);
  }
  return std::min((levels[i].turn - median(starts)) / raw_a,
                  (levels[i].smooth_turn - median(smooth_starts)) / smooth_a);
}

// Marks the complete reps before the first and after the last ordinary one that reach more
// than kLeavingFraction typical ranges beyond the nearby reps' start level.
void mark_setting_up_and_leaving(std::vector<Repetition>& reps,
                                 const std::vector<RepLevels>& levels, double raw_a,
                                 double smooth_a) {
  const auto mark = [&](std::size_t i) {
    if (!reps[i].complete) return true;  // look past partial reps
    const double reach = reach_beyond_start_level(levels, i, raw_a, smooth_a);
    if (!(reach > kLeavingFraction)) return false;
    reps[i].complete = false;
    reps[i].partial_reason = fmt::format(
        "reaches {:.1f} times the typical range beyond where the repetitions start, before the "
        "first or after the last of them: setting up or leaving",
        reach);
    return true;
  };
  std::size_t first = 0;
  while (first < reps.size() && mark(first)) ++first;
  for (std::size_t last = reps.size(); last > first + 1 && mark(last - 1);) --last;
}

}  // namespace

std::size_t RepDetection::complete_count() const {
  return static_cast<std::size_t>(
      std::count_if(reps.begin(), reps.end(), [](const Repetition& r) { return r.complete; }));
}

double typical_swing(std::span<const double> signal) {
  // Swings above 10 % of the signal's range, then their dominant size.
  // The range from the 2nd to the 98th percentile, on at most ~20 000 evenly spaced samples.
  const std::size_t stride = std::max<std::size_t>(1, signal.size() / 20000);
  std::vector<double> values;
  values.reserve(signal.size() / stride + 1);
  for (std::size_t i = 0; i < signal.size(); i += stride) {
    if (std::isfinite(signal[i])) values.push_back(signal[i]);
  }
  if (values.size() < 3) return 0;
  const double high = percentile(values, 0.98);
  const double range = high - percentile(values, 0.02);
  if (!(range > 0)) return 0;
  return dominant_size(swings_of(zigzag(signal, 0.1 * range)));
}

RepDetection detect_reps(std::span<const double> signal, std::span<const double> t_s,
                         const RepDetectionOptions& options) {
  RepDetection out;
  const double sign = options.increases ? 1.0 : -1.0;
  std::vector<double> x(signal.begin(), signal.end());
  for (double& v : x) v *= sign;
  // Turning points (and the typical swing) on a smoothed copy when the period is known, or
  // when jitter outnumbers the movement (options.jitter_cutoff_hz).
  std::vector<double> smooth = x;
  const double interval_s = median_frame_interval_s(std::vector<double>(t_s.begin(), t_s.end()));
  if (options.period_s > 0 && interval_s > 0) {
    const double rate_hz = 1.0 / interval_s;
    const double cutoff_hz = 2.5 / options.period_s;
    if (cutoff_hz < 0.45 * rate_hz) smooth = lowpass_zero_phase(x, rate_hz, cutoff_hz);
  }
  double a = typical_swing(smooth);
  if (!(options.period_s > 0) && options.jitter_cutoff_hz > 0 && interval_s > 0 &&
      options.jitter_cutoff_hz < 0.45 / interval_s) {
    std::vector<double> slow = lowpass_zero_phase(x, 1.0 / interval_s, options.jitter_cutoff_hz);
    if (const double slow_a = typical_swing(slow); slow_a > kJitterOutnumbers * a) {
      smooth = std::move(slow);
      a = slow_a;
    }
  }
  out.typical_rom = a;
  if (!(a > 0) || a < options.min_rom) return out;
  out.hysteresis = 0.25 * a;

  std::vector<Extremum> e = zigzag(smooth, out.hysteresis);
  // Start and end with valleys: a recording that starts or ends mid-movement gets its first
  // or last sample as the missing valley.
  const auto first_finite =
      std::find_if(x.begin(), x.end(), [](double v) { return std::isfinite(v); });
  if (e.empty() || first_finite == x.end()) return out;
  if (e.front().peak) {
    const auto f = static_cast<std::size_t>(first_finite - x.begin());
    if (f < e.front().frame)
      e.insert(e.begin(), Extremum{f, x[f], false});
    else
      e.erase(e.begin());
  }
  if (!e.empty() && e.back().peak) {
    std::size_t l = x.size();
    while (l > 0 && !std::isfinite(x[l - 1])) --l;
    if (l - 1 > e.back().frame)
      e.push_back(Extremum{l - 1, x[l - 1], false});
    else
      e.pop_back();
  }
  if (e.size() < 3) return out;
  e = merge_wobbles(std::move(e), a);
  const std::vector<Extremum> smoothed = e;
  // Back to the signal itself: each extreme is the signal's extreme nearer to it than to its
  // smoothed neighbours (between the midpoints), so a one-frame glitch in the rest before a
  // rep (a landmark swapped for a moment) is not taken for the previous rep's top.
  for (std::size_t i = 0; i < e.size(); ++i) {
    const std::size_t at = smoothed[i].frame;
    const std::size_t lo = i == 0 ? at : (smoothed[i - 1].frame + at + 1) / 2;
    const std::size_t hi = i + 1 == e.size() ? at : (at + smoothed[i + 1].frame) / 2;
    std::optional<Extremum> best;
    for (std::size_t f = lo; f <= hi; ++f) {
      if (!std::isfinite(x[f])) continue;
      if (!best || (e[i].peak ? x[f] > best->value : x[f] < best->value)) {
        best = Extremum{f, x[f], e[i].peak};
      }
    }
    if (best) e[i] = *best;
  }
  // The typical range of the signal itself. A rep's size relative to the typical one is the
  // larger of the two shares, raw and smoothed: smoothing flattens fast reps more, noise
  // inflates raw extremes; a rep is partial only when both say so.
  const double raw_a = dominant_size(swings_of(e));
  out.typical_rom = raw_a > 0 ? raw_a : a;

  std::vector<RepLevels> levels;
  for (std::size_t i = 1; i + 1 < e.size(); i += 2) {
    const Extremum& before = e[i - 1];
    const Extremum& peak = e[i];
    const Extremum& after = e[i + 1];
    Repetition r;
    r.rom = peak.value - before.value;
    r.return_rom = peak.value - after.value;
    const double out_share =
        std::max((smoothed[i].value - smoothed[i - 1].value) / a, r.rom / out.typical_rom);
    const double back_share =
        std::max((smoothed[i].value - smoothed[i + 1].value) / a, r.return_rom / out.typical_rom);
    if (r.rom < options.min_rom && r.return_rom < options.min_rom) continue;
    if (out_share < kIgnoredFraction && back_share < kIgnoredFraction) continue;  // jitter
    // Start: last frame before the peak still within 5 % of the rise from the valley.
    const double start_band = before.value + 0.05 * r.rom;
    std::size_t start = peak.frame;
    while (start > before.frame && !(std::isfinite(x[start]) && x[start] <= start_band)) --start;
    const double end_band = after.value + 0.05 * r.return_rom;
    std::size_t end = peak.frame;
    while (end < after.frame && !(std::isfinite(x[end]) && x[end] <= end_band)) ++end;
    r.start_frame = start;
    r.turn_frame = peak.frame;
    r.end_frame = end;
    r.start_s = t_s[start];
    r.turn_s = t_s[peak.frame];
    r.end_s = t_s[end];
    r.start_value = signal[start];
    r.turn_value = signal[peak.frame];
    r.end_value = signal[end];
    for (std::size_t f = start; f + 1 <= end && f + 1 < x.size(); ++f) {
      if (std::isfinite(x[f]) && std::isfinite(x[f + 1])) {
        r.peak_speed = std::max(r.peak_speed, std::abs(x[f + 1] - x[f]) / (t_s[f + 1] - t_s[f]));
      }
    }
    const double needed = options.partial_fraction;
    std::size_t unseen = 0;
    for (std::size_t f = start; f <= end; ++f) unseen += std::isfinite(x[f]) ? 0 : 1;
    if (std::min((smoothed[i].value - smoothed[i - 1].value) / a, r.rom / out.typical_rom) >
        kForeignFraction) {
      r.complete = false;
      r.partial_reason = fmt::format(
          "{:.1f} times the typical range: a different movement (setting up, leaving)", out_share);
    } else if (static_cast<double>(unseen) >
               kMaxUnseenFraction * static_cast<double>(end - start + 1)) {
      r.complete = false;
      r.partial_reason =
          fmt::format("not in view for {:.0f} % of it",
                      100.0 * static_cast<double>(unseen) / static_cast<double>(end - start + 1));
    } else if (out_share < needed) {
      r.complete = false;
      r.partial_reason = fmt::format("reached {:.0f} % of the typical range", 100 * out_share);
    } else if (back_share < needed) {
      r.complete = false;
      r.partial_reason = "did not return to the start position";
    } else if (r.rom < options.min_rom) {
      r.complete = false;
      r.partial_reason = "range below the exercise's minimum";
    }
    out.reps.push_back(std::move(r));
    levels.push_back({before.value, peak.value, smoothed[i - 1].value, smoothed[i].value});
  }
  mark_setting_up_and_leaving(out.reps, levels, out.typical_rom, a);
  return out;
}

std::vector<double> resample_uniform(std::span<const double> signal, std::span<const double> t_s,
                                     double rate_hz) {
  if (signal.size() < 2 || t_s.size() != signal.size() || !(rate_hz > 0)) return {};
  // next[k]: the first finite sample at or after k (size() when none).
  std::vector<std::size_t> next(signal.size() + 1, signal.size());
  for (std::size_t k = signal.size(); k-- > 0;) {
    next[k] = std::isfinite(signal[k]) ? k : next[k + 1];
  }
  if (next[0] == signal.size()) return {};
  const double t0 = t_s.front();
  const auto n = static_cast<std::size_t>((t_s.back() - t0) * rate_hz) + 1;
  std::vector<double> y(n);
  std::size_t j = 0;
  std::optional<std::size_t> last_valid;
  for (std::size_t i = 0; i < n; ++i) {
    const double t = t0 + static_cast<double>(i) / rate_hz;
    while (j + 1 < t_s.size() && t_s[j + 1] <= t) {
      if (std::isfinite(signal[j])) last_valid = j;
      ++j;
    }
    if (std::isfinite(signal[j])) last_valid = j;
    const std::size_t k = next[j];
    if (last_valid && k < signal.size() && k != *last_valid) {
      const double ta = t_s[*last_valid], tb = t_s[k];
      const double w = std::clamp((t - ta) / (tb - ta), 0.0, 1.0);
      y[i] = signal[*last_valid] * (1 - w) + signal[k] * w;
    } else {
      y[i] = last_valid ? signal[*last_valid] : signal[k];
    }
  }
  return y;
}

Periodicity periodicity(std::span<const double> signal, std::span<const double> t_s) {
  return periodicity_of_uniform(resample_uniform(signal, t_s, kPeriodicityRateHz),
                                kPeriodicityRateHz);
}

Periodicity periodicity_of_uniform(std::vector<double> y, double rate_hz) {
  Periodicity p;
  const std::size_t n = y.size();
  if (n < 20) return p;
  balance_locally(y, static_cast<std::size_t>(kBalanceWindowS * rate_hz));
  double var = 0;
  for (double v : y) var += v * v;
  if (!(var > 0)) return p;
  const auto min_lag = static_cast<std::size_t>(0.4 * rate_hz);
  const std::size_t max_lag = std::min<std::size_t>(static_cast<std::size_t>(10 * rate_hz), n / 2);
  std::vector<double> r(max_lag + 1, NAN);
  // Long recordings: every stride-th product is plenty to estimate each lag's correlation
  // (at least kMaxProducts of them), which keeps the cost independent of the length.
  constexpr std::size_t kMaxProducts = 6000;
  const std::size_t stride = std::max<std::size_t>(1, n / kMaxProducts);
  double sampled_var = 0;
  std::size_t sampled = 0;
  for (std::size_t i = 0; i < n; i += stride, ++sampled) sampled_var += y[i] * y[i];
  sampled_var /= static_cast<double>(sampled);
  for (std::size_t lag = 1; lag <= max_lag; ++lag) {
    double sum = 0;
    std::size_t count = 0;
    for (std::size_t i = 0; i + lag < n; i += stride, ++count) sum += y[i] * y[i + lag];
    r[lag] = count > 0 ? sum / static_cast<double>(count) / sampled_var : 0;
  }
  std::size_t first = 1;
  while (first <= max_lag && r[first] >= 0) ++first;
  double best = 0;
  for (std::size_t lag = std::max(first, min_lag); lag <= max_lag; ++lag)
    best = std::max(best, r[lag]);
  if (!(best > 0)) return p;
  // After the first zero crossing, the highest correlation `best` is how strongly the signal
  // repeats. Its lag may be a multiple of the period (every second cycle alike when the
  // tracking differs between cycles, a slow drift adding to every third): the period is the
  // shortest lag whose local peak comes within 90 % of `best`, or within half of it at a
  // whole fraction of best's lag (1/2, 1/3, ... within 10 %) — the octave check of pitch
  // detection.
  std::size_t best_lag = 0;
  std::vector<std::size_t> peaks;
  for (std::size_t lag = std::max(first, min_lag); lag <= max_lag; ++lag) {
    const bool local_peak = (lag == max_lag || r[lag] >= r[lag + 1]) && r[lag] >= r[lag - 1];
    if (!local_peak) continue;
    peaks.push_back(lag);
    if (best_lag == 0 && r[lag] >= best) best_lag = lag;
  }
  const auto divides_best_lag = [&](std::size_t lag) {
    if (best_lag == 0) return false;  // the highest correlation is no local peak
    const double k = static_cast<double>(best_lag) / static_cast<double>(lag);
    return std::abs(k - std::round(k)) <= 0.1 * std::round(k);
  };
  for (std::size_t lag : peaks) {
    if (r[lag] >= 0.9 * best || (r[lag] >= 0.5 * best && divides_best_lag(lag))) {
      p.strength = best;
      p.period_s = static_cast<double>(lag) / rate_hz;
      break;
    }
  }
  return p;
}

}  // namespace openpt::motion
