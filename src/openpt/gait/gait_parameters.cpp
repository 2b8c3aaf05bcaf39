#include "openpt/gait/gait_parameters.h"

#include <algorithm>
#include <cmath>

namespace openpt::gait {
namespace {

struct SideSeries {
  std::vector<double> stride_time, step_time, stance, swing, double_support;
  std::vector<double> length, speed, clearance;
};

// Times of one side's events of one type, sorted.
std::vector<double> times_of(std::span<const GaitEvent> events, Side side, EventType type) {
  std::vector<double> out;
  for (const auto& e : events) {
    if (e.side == side && e.type == type) out.push_back(e.t_s);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The first time in `sorted` strictly after `t` and before `limit`, or NaN.
double first_between(const std::vector<double>& sorted, double t, double limit) {
  const auto it = std::upper_bound(sorted.begin(), sorted.end(), t);
  if (it == sorted.end() || *it >= limit) return kNaN;
  return *it;
}

// The last time in `sorted` strictly before `t` and after `limit`, or NaN.
double last_between(const std::vector<double>& sorted, double limit, double t) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), t);
  if (it == sorted.begin()) return kNaN;
  --it;
  if (*it <= limit) return kNaN;
  return *it;
}

Side other(Side side) {
  return side == Side::kLeft ? Side::kRight : Side::kLeft;
}

SideSeries side_series(std::span<const GaitEvent> events, std::span<const Stride> strides,
                       Side side, double t0, double t1, const GaitParameterOptions& options) {
  SideSeries s;
  const auto other_ic = times_of(events, other(side), EventType::kInitialContact);
  const auto other_fc = times_of(events, other(side), EventType::kFinalContact);
  const bool other_known = !other_ic.empty();
  for (const auto& stride : strides) {
    if (stride.side != side || stride.ic_t_s < t0 || stride.next_ic_t_s > t1) continue;
    if (options.exclude_turns && stride.in_turn) continue;
    const double time = stride.time_s();
    s.stride_time.push_back(time);
    s.stance.push_back(100.0 * stride.stance_s() / time);
    s.swing.push_back(100.0 * stride.swing_s() / time);
    if (other_known) {
      // Initial double support: this IC until the other foot's FC; terminal: the other
      // foot's IC until this foot's FC.
      const double fc_other = first_between(other_fc, stride.ic_t_s, stride.fc_t_s);
      const double ic_other = first_between(other_ic, stride.ic_t_s, stride.fc_t_s);
      if (std::isfinite(fc_other) && std::isfinite(ic_other) && ic_other > fc_other) {
        const double ds = (fc_other - stride.ic_t_s) + (stride.fc_t_s - ic_other);
        s.double_support.push_back(100.0 * ds / time);
      }
      // The step that ends with this IC starts at the other foot's previous IC.
      const double previous = last_between(other_ic, stride.ic_t_s - time, stride.ic_t_s);
      if (std::isfinite(previous)) s.step_time.push_back(stride.ic_t_s - previous);
    }
    if (stride.length_m >= 0) {
      s.length.push_back(stride.length_m);
      s.speed.push_back(stride.length_m / time);
    }
    if (stride.clearance_m >= 0) s.clearance.push_back(stride.clearance_m);
  }
  return s;
}

SideParameters summarize_side(const SideSeries& s) {
  SideParameters p;
  p.stride_time_s = summarize(s.stride_time);
  p.step_time_s = summarize(s.step_time);
  p.stance_pct = summarize(s.stance);
  p.swing_pct = summarize(s.swing);
  p.double_support_pct = summarize(s.double_support);
  p.stride_length_m = summarize(s.length);
  p.stride_speed_mps = summarize(s.speed);
  p.clearance_m = summarize(s.clearance);
  return p;
}

Symmetry symmetry_of(std::string name, const Summary& left, const Summary& right) {
  Symmetry s;
  s.parameter = std::move(name);
  const double l = left.mean;
  const double r = right.mean;
  if (std::isfinite(l) && std::isfinite(r) && l > 0 && r > 0) {
    s.index_pct = 100.0 * std::abs(l - r) / ((l + r) / 2);
    s.ratio = std::max(l, r) / std::min(l, r);
  }
  return s;
}

double mean_of(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0;
  for (double v : a) sum += v;
  for (double v : b) sum += v;
  const std::size_t n = a.size() + b.size();
  return n ? sum / static_cast<double>(n) : kNaN;
}

WalkParameters walk_parameters(std::span<const GaitEvent> events, std::span<const Stride> strides,
                               double t0, double t1, const GaitParameterOptions& options) {
  WalkParameters w;
  w.start_s = t0;
  w.end_s = t1;
  for (const auto& e : events) {
    if (e.type == EventType::kInitialContact && e.t_s >= t0 && e.t_s <= t1) ++w.steps;
  }
  const SideSeries left = side_series(events, strides, Side::kLeft, t0, t1, options);
  const SideSeries right = side_series(events, strides, Side::kRight, t0, t1, options);
  w.left = summarize_side(left);
  w.right = summarize_side(right);
  const double step = mean_of(left.step_time, right.step_time);
  const double stride = mean_of(left.stride_time, right.stride_time);
  if (std::isfinite(step)) {
    w.cadence_spm = 60.0 / step;
  } else if (std::isfinite(stride)) {
    w.cadence_spm = 120.0 / stride;  // one foot sensor: two steps per stride
  }
  const double length = mean_of(left.length, right.length);
  if (std::isfinite(length) && std::isfinite(stride)) w.gait_speed_mps = length / stride;
  w.symmetry.push_back(symmetry_of("stride_time_s", w.left.stride_time_s, w.right.stride_time_s));
  w.symmetry.push_back(symmetry_of("step_time_s", w.left.step_time_s, w.right.step_time_s));
  w.symmetry.push_back(symmetry_of("stance_pct", w.left.stance_pct, w.right.stance_pct));
  w.symmetry.push_back(symmetry_of("swing_pct", w.left.swing_pct, w.right.swing_pct));
  w.symmetry.push_back(
      symmetry_of("stride_length_m", w.left.stride_length_m, w.right.stride_length_m));
  return w;
}

}  // namespace

Summary summarize(std::span<const double> values) {
  Summary s;
  s.n = values.size();
  if (s.n == 0) return s;
  double sum = 0;
  for (double v : values) sum += v;
  s.mean = sum / static_cast<double>(s.n);
  if (s.n < 2) return s;
  double ss = 0;
  for (double v : values) ss += (v - s.mean) * (v - s.mean);
  s.sd = std::sqrt(ss / static_cast<double>(s.n - 1));
  s.cv_pct = s.mean != 0 ? 100.0 * s.sd / std::abs(s.mean) : kNaN;
  return s;
}

GaitParameters compute_gait_parameters(std::span<const GaitEvent> events,
                                       std::span<const Stride> strides,
                                       const GaitParameterOptions& options) {
  GaitParameters out;
  std::vector<double> contacts;
  for (const auto& e : events) {
    if (e.type == EventType::kInitialContact) contacts.push_back(e.t_s);
  }
  std::sort(contacts.begin(), contacts.end());
  if (contacts.empty()) {
    out.overall = walk_parameters(events, strides, 0, 0, options);
    return out;
  }
  // Bouts: runs of initial contacts (either foot) no further apart than a stride.
  std::size_t begin = 0;
  for (std::size_t i = 1; i <= contacts.size(); ++i) {
    if (i == contacts.size() || contacts[i] - contacts[i - 1] > options.max_stride_s) {
      const double t0 = contacts[begin];
      const double t1 = contacts[i - 1];
      WalkParameters bout = walk_parameters(events, strides, t0, t1, options);
      const std::size_t strides_in = bout.left.stride_time_s.n + bout.right.stride_time_s.n;
      if (static_cast<double>(strides_in) >= options.min_bout_strides) {
        out.bouts.push_back(std::move(bout));
      }
      begin = i;
    }
  }
  out.overall = walk_parameters(events, strides, contacts.front(), contacts.back(), options);
  return out;
}

}  // namespace openpt::gait
