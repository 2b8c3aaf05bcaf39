#include "openpt/motion/signal_candidates.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "openpt/core/filters.h"
#include "openpt/core/time_series.h"

namespace openpt::motion::driving {

namespace {

std::vector<double> combine(const std::vector<double>& l, const std::vector<double>& r,
                            bool use_max) {
  std::vector<double> out(l.size(), NAN);
  for (std::size_t i = 0; i < l.size(); ++i) {
    const bool a = std::isfinite(l[i]), b = std::isfinite(r[i]);
    if (a && b) {
      out[i] = use_max ? std::max(l[i], r[i]) : 0.5 * (l[i] + r[i]);
    } else if (a) {
      out[i] = l[i];
    } else if (b) {
      out[i] = r[i];
    }
  }
  return out;
}

// In 2D the sign of a flexion angle depends on which way the subject seems to face. A
// stretch of frames in which the two sides read in opposite directions, at some point both
// more than kMirroredDeg from straight (one flexed, the other "hyperextended" as far), is a
// mirror image — a front view, or footage cut between mirrored views — and the sides' mean
// would cancel the movement: that stretch takes the mean of their sizes instead.
constexpr double kMirroredDeg = 30;
void unmirror_mean(const std::vector<double>& l, const std::vector<double>& r,
                   std::vector<double>& mean) {
  const auto opposite = [&](std::size_t i) { return l[i] * r[i] < 0; };  // false for NaN
  for (std::size_t begin = 0; begin < mean.size();) {
    if (!opposite(begin)) {
      ++begin;
      continue;
    }
    std::size_t end = begin;
    double deepest = 0;
    for (; end < mean.size() && opposite(end); ++end) {
      deepest = std::max(deepest, std::min(std::abs(l[end]), std::abs(r[end])));
    }
    if (deepest > kMirroredDeg) {
      for (std::size_t i = begin; i < end; ++i) mean[i] = 0.5 * (std::abs(l[i]) + std::abs(r[i]));
    }
    begin = end;
  }
}

// The largest hyperextension a joint reaches (degrees); beyond it a 2D flexion angle's sign
// is an artefact of the assumed facing direction, which per-frame normalised or cut
// footage can flip mid-recording.
double hyperextension_limit_deg(std::string_view measure) {
  if (measure == "knee_flexion" || measure == "elbow_flexion") return 30;
  if (measure == "hip_flexion") return 60;
  return INFINITY;
}

// Whether the angle's sign depends on the facing direction the view assumes: a flexion angle
// with a hyperextension limit, measured in 2D.
bool sign_follows_facing(std::string_view measure, bool is_3d) {
  return !is_3d && std::isfinite(hyperextension_limit_deg(measure));
}

// Angles are unwrapped so a joint passing the end of its reporting range stays continuous
// for counting. In 2D, a flexion angle that flexes and "hyperextends" far beyond what the
// joint can (more than 5 % of the frames past the limit) has an unreliable sign: its size
// is used.
std::vector<double> continuous(const std::string& measure, const std::vector<double>& v,
                               bool is_3d) {
  const MeasureInfo* info = find_frame_measure(measure);
  if (info == nullptr || info->unit != "°") return v;
  std::vector<double> out = unwrap_deg(v);
  if (!sign_follows_facing(measure, is_3d)) return out;
  const double limit = hyperextension_limit_deg(measure);
  std::size_t finite = 0, beyond = 0, flexed = 0;
  for (double x : v) {
    if (!std::isfinite(x)) continue;
    ++finite;
    beyond += x < -limit || x > 360 - limit ? 1 : 0;
    flexed += x > limit && x < 180 ? 1 : 0;
  }
  if (beyond * 20 > finite && flexed * 20 > finite) {
    for (std::size_t i = 0; i < v.size(); ++i) {
      out[i] = std::isfinite(v[i]) ? std::abs(wrap_deg(v[i])) : NAN;
    }
  }
  return out;
}

// The finite samples of a signal, in order (missing frames left out).
std::vector<double> finite_samples(const std::vector<double>& x) {
  std::vector<double> v;
  for (double a : x) {
    if (std::isfinite(a)) v.push_back(a);
  }
  return v;
}

// The 5th and 95th percentiles of `v` (not empty): its ends, robust to a stray sample.
std::pair<double, double> robust_ends(std::vector<double> v) {
  const auto at = [&](std::size_t i) {
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(i), v.end());
    return v[i];
  };
  return {at(v.size() / 20), at(v.size() - 1 - v.size() / 20)};
}

// How far a side moves: the 5th-to-95th-percentile range of its signal low-passed at
// kFastestRepetitionHz. Not its typical swing: with landmark noise and few repetitions the
// noise's swings outnumber the movement's, and the still side's noise can then look as large
// as the moving side's (a hip abduction of 35° filmed with 6 px of noise: 11° for
// the moving hip, 12° for the still one).
// A slow drift of the still side counts as movement too, but it would have to exceed the
// moving side's whole range.
double extent(const std::vector<double>& values, double rate_hz) {
  const bool can_filter = kFastestRepetitionHz < 0.45 * rate_hz;
  const std::vector<double> v = finite_samples(
      can_filter ? lowpass_zero_phase(values, rate_hz, kFastestRepetitionHz) : values);
  if (v.size() < 3) return 0;
  const auto [lo, hi] = robust_ends(v);
  return hi - lo;
}

}  // namespace

double correlation(const std::vector<double>& a, const std::vector<double>& b) {
  double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!std::isfinite(a[i]) || !std::isfinite(b[i])) continue;
    sa += a[i];
    sb += b[i];
    saa += a[i] * a[i];
    sbb += b[i] * b[i];
    sab += a[i] * b[i];
    ++n;
  }
  if (n < 10) return NAN;
  const double dn = static_cast<double>(n);
  const double cov = sab - sa * sb / dn, va = saa - sa * sa / dn, vb = sbb - sb * sb / dn;
  return va > 0 && vb > 0 ? cov / std::sqrt(va * vb) : NAN;
}

Result<const std::vector<double>*> ContinuousSeries::get(const std::string& measure, Side side) {
  auto key = std::make_pair(measure, side);
  auto it = cache_.find(key);
  if (it == cache_.end()) {
    auto v = measures_.series(measure, side);
    Result<std::vector<double>> value =
        v ? Result<std::vector<double>>(continuous(measure, **v, measures_.kinematics().is_3d))
          : tl::unexpected(v.error());
    it = cache_.emplace(std::move(key), std::move(value)).first;
  }
  if (!it->second) return tl::unexpected(it->second.error());
  return &*it->second;
}

bool move_together(const std::vector<double>& left, const std::vector<double>& right,
                   double rate_hz) {
  const auto lag = static_cast<std::size_t>(std::max(1.0, std::round(0.15 * rate_hz)));
  const auto speeds = [lag](const std::vector<double>& x) {
    std::vector<double> v(x.size(), NAN);
    for (std::size_t i = lag; i < x.size(); ++i) v[i] = std::abs(x[i] - x[i - lag]);
    return v;
  };
  return correlation(speeds(left), speeds(right)) >= 0.3;
}

bool mirrored(const std::vector<double>& left, const std::vector<double>& right, double rate_hz) {
  return correlation(left, right) < -0.3 && move_together(left, right, rate_hz);
}
bool take_turns(const std::vector<double>& left, const std::vector<double>& right, double rate_hz) {
  return correlation(left, right) < -0.3 && !move_together(left, right, rate_hz);
}

Result<DrivingSignal> build(ContinuousSeries& series, const std::string& measure,
                            SideCombination sides, bool increases) {
  DrivingSignal s;
  s.measure = measure;
  s.sides = sides;
  s.increases = increases;
  if (sides == SideCombination::kNone) {
    auto v = series.get(measure, Side::kNone);
    if (!v) return tl::unexpected(v.error());
    s.values = **v;
    return s;
  }
  auto left = series.get(measure, Side::kLeft);
  auto right = series.get(measure, Side::kRight);
  if (left) s.left = **left;
  if (right) s.right = **right;
  const auto one_side = [&](Side side) -> Result<DrivingSignal> {
    const auto& chosen = side == Side::kLeft ? left : right;
    if (!chosen) return tl::unexpected(chosen.error());
    s.values = side == Side::kLeft ? s.left : s.right;
    s.chosen_side = side;
    return s;
  };
  switch (sides) {
    case SideCombination::kLeft: return one_side(Side::kLeft);
    case SideCombination::kRight: return one_side(Side::kRight);
    case SideCombination::kEither: {
      if (!left || !right) return one_side(left ? Side::kLeft : Side::kRight);
      const double rate_hz = series.sample_rate_hz();
      return one_side(extent(s.left, rate_hz) >= extent(s.right, rate_hz) ? Side::kLeft
                                                                          : Side::kRight);
    }
    case SideCombination::kMean:
    case SideCombination::kMax: {
      if (!left && !right) return tl::unexpected(left.error());
      if (!left || !right) {
        s.notes.push_back(fmt::format("only the {} side is measurable ({})",
                                      left ? "left" : "right",
                                      (left ? right : left).error().message));
        return one_side(left ? Side::kLeft : Side::kRight);
      }
      // Sides moving in opposite directions at the same time (mirrored 2D signs) cancel in
      // the mean; a 2D flexion angle's mirrored stretches are averaged by size
      // (unmirror_mean). Sides taking turns (alternating arm curls) also correlate
      // negatively, but their mean keeps half of each side's movement, one rep per turn.
      const bool unmirror =
          sides == SideCombination::kMean && sign_follows_facing(measure, series.is_3d());
      if (sides == SideCombination::kMean && !unmirror &&
          mirrored(s.left, s.right, series.sample_rate_hz())) {
        return bad_input(fmt::format("left and right {} move in opposite directions", measure));
      }
      if (sides == SideCombination::kMax && !increases) {
        std::vector<double> nl = s.left, nr = s.right;
        for (double& x : nl) x = -x;
        for (double& x : nr) x = -x;
        s.values = combine(nl, nr, true);
        for (double& x : s.values) x = -x;
      } else {
        s.values = combine(s.left, s.right, sides == SideCombination::kMax);
        if (unmirror) unmirror_mean(s.left, s.right, s.values);
      }
      return s;
    }
    case SideCombination::kNone: break;
  }
  return s;
}

int starting_end(const std::vector<double>& x) {
  const std::vector<double> v = finite_samples(x);
  if (v.size() < 3) return 0;
  // The first samples (5 % of the recording, 5 to 30 of them) against the 5th and 95th
  // percentiles.
  const std::size_t head =
      std::min<std::size_t>({v.size(), std::max<std::size_t>(5, v.size() / 20), 30});
  std::vector<double> start(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(head));
  const double first = median(start);
  const auto [lo, hi] = robust_ends(v);
  const double range = hi - lo;
  if (!(range > 0)) return 0;
  if (first <= lo + 0.3 * range) return -1;
  if (first >= hi - 0.3 * range) return 1;
  return 0;
}

int resting_end_between_reps(const std::vector<double>& x) {
  const std::vector<double> v = finite_samples(x);
  if (v.size() < 10) return 0;
  const auto [lo, hi] = robust_ends(v);
  const double range = hi - lo;
  if (!(range > 0)) return 0;
  // -1 near the low end, +1 near the high end, 0 in between.
  const auto zone = [&](double a) {
    if (a <= lo + kEndZone * range) return -1;
    if (a >= hi - kEndZone * range) return 1;
    return 0;
  };
  // The interior: from the first time the signal crosses the middle to the last time.
  const double mid = 0.5 * (lo + hi);
  std::size_t first = v.size(), last = 0;
  for (std::size_t i = 1; i < v.size(); ++i) {
    if ((v[i - 1] < mid) != (v[i] < mid)) {
      first = std::min(first, i);
      last = i;
    }
  }
  if (first >= last) return 0;
  std::size_t samples[2] = {0, 0}, visits[2] = {0, 0};
  int previous = 0;
  for (std::size_t i = first; i < last; ++i) {
    const int z = zone(v[i]);
    if (z != 0) {
      ++samples[z > 0];
      if (z != previous) ++visits[z > 0];
      previous = z;
    }
  }
  if (visits[0] < 2 || visits[1] < 2) return 0;
  const auto low = static_cast<double>(samples[0]), high = static_cast<double>(samples[1]);
  if (low >= kClearlyLonger * high) return -1;
  if (high >= kClearlyLonger * low) return 1;
  return 0;
}

bool rests_low(const std::vector<double>& x) {
  if (const int rest = resting_end_between_reps(x); rest != 0) return rest < 0;
  if (const int end = starting_end(x); end != 0) return end < 0;
  const std::vector<double> v = finite_samples(x);
  if (v.size() < 3) return true;
  const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  const double mid = 0.5 * (*lo + *hi);
  const auto below = std::count_if(v.begin(), v.end(), [&](double a) { return a < mid; });
  return 2 * below >= static_cast<std::ptrdiff_t>(v.size());
}

double periodicity_evidence(const Periodicity& p, double duration_s) {
  if (!(p.period_s > 0) || !(duration_s > 0)) return 0;
  const double cycles = std::max(1.0, duration_s / p.period_s);
  return p.strength - 1.0 / std::sqrt(cycles);
}

double counting_period(const Periodicity& p, double duration_s) {
  const bool proven = p.strength >= kClearlyPeriodic && periodicity_evidence(p, duration_s) > 0;
  return proven ? p.period_s : 0;
}

double duration_of(const std::vector<double>& t) {
  return t.empty() ? 0 : t.back() - t.front();
}

bool moves(const std::vector<double>& values, double sample_rate_hz, double min_range) {
  const bool can_filter = kFastestRepetitionHz < 0.45 * sample_rate_hz;
  return typical_swing(can_filter ? lowpass_zero_phase(values, sample_rate_hz, kFastestRepetitionHz)
                                  : values) >= min_range;
}

bool jitter_reps(const std::vector<Repetition>& complete_reps) {
  if (complete_reps.empty()) return false;
  std::vector<double> durations;
  for (const Repetition& r : complete_reps) durations.push_back(r.end_s - r.start_s);
  return median(std::move(durations)) < 1 / kFastestRepetitionHz;
}

std::size_t weighted_median(std::vector<std::pair<std::size_t, double>> votes) {
  std::sort(votes.begin(), votes.end());
  double total = 0;
  for (const auto& v : votes) total += v.second;
  double reached = 0;
  for (const auto& [value, weight] : votes) {
    reached += weight;
    if (reached >= 0.5 * total) return value;
  }
  return votes.back().first;
}

bool counts_jitter(const DrivingSignal& s, const std::vector<double>& t) {
  if (s.period_s > 0) return false;
  const RepDetection d = detect_reps(
      s.values, t,
      {.increases = s.increases, .min_rom = s.min_range, .jitter_cutoff_hz = kFastestRepetitionHz});
  std::vector<Repetition> complete;
  for (const Repetition& r : d.reps) {
    if (r.complete) complete.push_back(r);
  }
  return jitter_reps(complete);
}

}  // namespace openpt::motion::driving
