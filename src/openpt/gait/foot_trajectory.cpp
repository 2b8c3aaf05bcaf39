#include "openpt/gait/foot_trajectory.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <tuple>
#include <utility>

#include "openpt/gait/orientation.h"

namespace openpt::gait {
namespace {

using Eigen::Quaterniond;
using Eigen::Vector3d;

constexpr double kInf = std::numeric_limits<double>::infinity();

Vector3d eig(const Vec3& v) {
  return {v.x, v.y, v.z};
}
Vec3 vec(const Vector3d& v) {
  return {v.x(), v.y(), v.z()};
}

// Samples whose times lie in [from_s, to_s], clipped to the signal; nullopt when none.
std::optional<std::pair<std::size_t, std::size_t>> samples_in(const ImuSignal& s, double from_s,
                                                              double to_s) {
  const double first = std::ceil((from_s - s.t0_s) * s.sample_rate_hz - 1e-9);
  const double last = std::floor((to_s - s.t0_s) * s.sample_rate_hz + 1e-9);
  const double end = static_cast<double>(s.size()) - 1;
  if (last < 0 || first > end || first > last) return std::nullopt;
  return std::pair{static_cast<std::size_t>(std::max(0.0, first)),
                   static_cast<std::size_t>(std::min(end, last))};
}

// The still-instant statistic of the window centred on one sample.
struct StillWindow {
  double score = kInf;  // mean |ω|² / G² + mean |a − ā|² / A²
  bool still = false;   // RMS rate ≤ G, RMS acc deviation ≤ A, | |ā| − g | ≤ A
  Vec3 mean_acc;
};

StillWindow still_window(const ImuSignal& s, std::size_t centre, std::size_t half,
                         const FootTrajectoryOptions& o) {
  StillWindow w;
  const std::size_t from = centre >= half ? centre - half : 0;
  const std::size_t to = std::min(s.size() - 1, centre + half);
  const auto n = static_cast<double>(to - from + 1);
  double gyro_ms = 0;
  for (std::size_t k = from; k <= to; ++k) {
    if (!is_finite(s.acc_mps2[k]) || !is_finite(s.gyr_rps[k])) return w;
    w.mean_acc += s.acc_mps2[k] / n;
    gyro_ms += dot(s.gyr_rps[k], s.gyr_rps[k]) / n;
  }
  double acc_ms = 0;
  for (std::size_t k = from; k <= to; ++k) {
    const Vec3 d = s.acc_mps2[k] - w.mean_acc;
    acc_ms += dot(d, d) / n;
  }
  const double g = o.max_still_gyro_rps, a = o.max_still_acc_mps2;
  w.score = gyro_ms / (g * g) + acc_ms / (a * a);
  w.still =
      gyro_ms <= g * g && acc_ms <= a * a && std::abs(norm(w.mean_acc) - kStandardGravity) <= a;
  return w;
}

// The stillest sample in [first, last]; ties go to the latest (`prefer_late`) or earliest.
std::optional<std::size_t> find_still(const ImuSignal& s, std::pair<std::size_t, std::size_t> range,
                                      std::size_t half, bool prefer_late,
                                      const FootTrajectoryOptions& o) {
  std::optional<std::size_t> best;
  double best_score = kInf;
  for (std::size_t k = range.first; k <= range.second; ++k) {
    const double score = still_window(s, k, half, o).score;
    if (score < best_score || (prefer_late && score == best_score && best)) {
      best_score = score;
      best = k;
    }
  }
  if (!best || !still_window(s, *best, half, o).still) return std::nullopt;
  return best;
}

struct Integration {
  ZuptStride detail;
  double length_m = -1, clearance_m = -1, heading_deg = 0;
};

// Mean rate over the longest run of samples with |ω| below the limit, when it lasts long
// enough; {bias, seconds} or {0, 0}.
std::pair<Vec3, double> standing_gyro_bias(const ImuSignal& sig, const FootTrajectoryOptions& o) {
  std::size_t best_from = 0, best_length = 0, from = 0;
  for (std::size_t k = 0; k <= sig.size(); ++k) {
    const bool still = k < sig.size() && is_finite(sig.gyr_rps[k]) &&
                       norm(sig.gyr_rps[k]) <= o.bias_still_gyro_rps;
    if (still) continue;
    if (k - from > best_length) {
      best_length = k - from;
      best_from = from;
    }
    from = k + 1;
  }
  const double seconds = static_cast<double>(best_length) / sig.sample_rate_hz;
  if (best_length == 0 || seconds < o.bias_still_s) return {Vec3{}, 0.0};
  Vec3 sum;
  for (std::size_t k = best_from; k < best_from + best_length; ++k) sum += sig.gyr_rps[k];
  return {sum / static_cast<double>(best_length), seconds};
}

// Strapdown integration from still sample s to still sample e (s < e).
Integration integrate(const ImuSignal& sig, std::size_t s, std::size_t e, std::size_t half,
                      const Vec3& bias, const FootTrajectoryOptions& o) {
  Integration out;
  out.detail.start_sample = s;
  out.detail.end_sample = e;
  for (std::size_t k = s; k <= e; ++k) {
    if (!is_finite(sig.acc_mps2[k]) || !is_finite(sig.gyr_rps[k])) {
      out.detail.status = ZuptStatus::kNonFinite;
      return out;
    }
  }
  const StillWindow first = still_window(sig, s, half, o), last = still_window(sig, e, half, o);
  const double dt = 1 / sig.sample_rate_hz;
  const double gravity = norm(first.mean_acc);

  // Orientation, world ← sensor, yaw 0 at the start.
  const std::size_t n = e - s + 1;
  std::vector<Quaterniond> q(n);
  q[0] = tilt_from_acc(first.mean_acc);
  for (std::size_t i = 1; i < n; ++i) {
    q[i] = integrate_gyro(q[i - 1], sig.gyr_rps[s + i - 1] - bias, sig.gyr_rps[s + i] - bias, dt);
  }
  const Vector3d end_up = q[n - 1] * eig(last.mean_acc).normalized();
  const Quaterniond tilt_error = Quaterniond::FromTwoVectors(end_up, Vector3d::UnitZ());
  out.detail.end_tilt_deg = Eigen::AngleAxisd(tilt_error).angle() * kRadToDeg;
  if (o.correct_tilt_drift) {
    for (std::size_t i = 1; i < n; ++i) {
      const double alpha = static_cast<double>(i) / static_cast<double>(n - 1);
      q[i] = Quaterniond::Identity().slerp(alpha, tilt_error) * q[i];
    }
  }

  // Acceleration in the world without gravity → velocity (trapezoid), linear de-drift.
  std::vector<Vector3d> acc(n), vel(n);
  for (std::size_t i = 0; i < n; ++i) {
    acc[i] = q[i] * eig(sig.acc_mps2[s + i]) - Vector3d(0, 0, gravity);
  }
  vel[0].setZero();
  for (std::size_t i = 1; i < n; ++i) vel[i] = vel[i - 1] + (acc[i - 1] + acc[i]) * (dt / 2);
  const Vector3d residual = vel[n - 1];
  out.detail.residual_mps = residual.norm();
  if (!(out.detail.residual_mps <= o.max_residual_mps)) {
    out.detail.status = ZuptStatus::kResidualTooLarge;
    return out;
  }
  for (std::size_t i = 0; i < n; ++i) {
    vel[i] -= residual * (static_cast<double>(i) / static_cast<double>(n - 1));
  }
  Vector3d pos = Vector3d::Zero();
  double top = 0;
  if (o.keep_trajectories) out.detail.position_m.push_back({});
  for (std::size_t i = 1; i < n; ++i) {
    pos += (vel[i - 1] + vel[i]) * (dt / 2);
    top = std::max(top, pos.z());
    if (o.keep_trajectories) out.detail.position_m.push_back(vec(pos));
  }
  out.clearance_m = top;
  out.heading_deg = heading_change_rad(q[0], q[n - 1]) * kRadToDeg;
  const double length = std::hypot(pos.x(), pos.y());
  if (length < o.min_length_m || length > o.max_length_m) {
    out.detail.status = ZuptStatus::kLengthOutOfRange;
    return out;
  }
  out.length_m = length;
  out.detail.status = ZuptStatus::kMeasured;
  return out;
}

Result<void> check_input(const ImuSignal& foot, const std::vector<Stride>& strides,
                         const FootTrajectoryOptions& o) {
  const std::string where = foot.source.empty() ? std::string("foot signal") : foot.source;
  if (!is_foot(foot.placement)) {
    return bad_input(
        fmt::format("ZUPT integration needs a foot sensor, not {}", placement_name(foot.placement)),
        where, "pass the left_foot or right_foot sensor");
  }
  if (!(foot.sample_rate_hz > 0) || !std::isfinite(foot.sample_rate_hz) ||
      !std::isfinite(foot.t0_s)) {
    return bad_input("the sample rate must be positive and the start time finite", where);
  }
  if (foot.acc_mps2.size() != foot.gyr_rps.size()) {
    return bad_input(fmt::format("{} accelerometer but {} gyroscope samples", foot.acc_mps2.size(),
                                 foot.gyr_rps.size()),
                     where);
  }
  if (!(o.still_window_s > 0) || !(o.max_still_gyro_rps > 0) || !(o.max_still_acc_mps2 > 0) ||
      !(o.last_stance_s > 0) || !(o.max_residual_mps > 0) || !(o.min_length_m <= o.max_length_m) ||
      !std::isfinite(o.turn_threshold_deg) || !(o.bias_still_s > 0) ||
      !(o.bias_still_gyro_rps > 0)) {
    return bad_input(
        "invalid ZUPT options", "FootTrajectoryOptions",
        "window, limits and last_stance_s must be positive; min_length_m <= max_length_m");
  }
  const Side side = placement_side(foot.placement);
  for (std::size_t i = 0; i < strides.size(); ++i) {
    const Stride& s = strides[i];
    const std::string at = fmt::format("strides[{}]", i);
    if (!std::isfinite(s.ic_t_s) || !std::isfinite(s.fc_t_s) || !std::isfinite(s.next_ic_t_s) ||
        !(s.ic_t_s < s.fc_t_s && s.fc_t_s < s.next_ic_t_s)) {
      return bad_input("stride times must be finite with ic_t_s < fc_t_s < next_ic_t_s", at);
    }
    if (s.side != Side::kUnknown && s.side != side) {
      return bad_input(fmt::format("a {} stride given with the {} sensor", side_name(s.side),
                                   placement_name(foot.placement)),
                       at, "integrate each foot's strides with that foot's sensor");
    }
  }
  return {};
}

}  // namespace

std::string_view zupt_status_name(ZuptStatus status) {
  switch (status) {
    case ZuptStatus::kMeasured: return "measured";
    case ZuptStatus::kOutsideSignal: return "outside_signal";
    case ZuptStatus::kNoStillInstant: return "no_still_instant";
    case ZuptStatus::kNonFinite: return "non_finite";
    case ZuptStatus::kResidualTooLarge: return "residual_too_large";
    case ZuptStatus::kLengthOutOfRange: return "length_out_of_range";
  }
  return "unknown";
}

std::size_t FootTrajectoryResult::count(ZuptStatus status) const {
  return static_cast<std::size_t>(std::count_if(
      details.begin(), details.end(), [&](const ZuptStride& d) { return d.status == status; }));
}

Result<FootTrajectoryResult> integrate_foot_strides(const ImuSignal& foot,
                                                    std::vector<Stride> strides,
                                                    const FootTrajectoryOptions& options) {
  if (auto ok = check_input(foot, strides, options); !ok) return tl::unexpected(ok.error());
  // Where the stance after each swing ends: the FC of the stride starting at that IC.
  std::vector<std::pair<double, double>> stances;  // (ic, fc), sorted
  for (const Stride& s : strides) stances.emplace_back(s.ic_t_s, s.fc_t_s);
  std::sort(stances.begin(), stances.end());
  const double half_sample_s = 0.5 / foot.sample_rate_hz;
  auto stance_end = [&](double ic) {
    const auto it =
        std::lower_bound(stances.begin(), stances.end(), std::pair{ic - half_sample_s, -kInf});
    if (it != stances.end() && std::abs(it->first - ic) <= half_sample_s) return it->second;
    return ic + options.last_stance_s;
  };
  const auto half = static_cast<std::size_t>(
      std::max(1L, std::lround(options.still_window_s * foot.sample_rate_hz / 2)));

  FootTrajectoryResult result;
  if (options.remove_gyro_bias) {
    std::tie(result.gyro_bias_rps, result.bias_from_s) = standing_gyro_bias(foot, options);
  }
  for (Stride& stride : strides) {
    Integration it;
    const auto before = samples_in(foot, stride.ic_t_s, stride.fc_t_s);
    const auto after = samples_in(foot, stride.next_ic_t_s, stance_end(stride.next_ic_t_s));
    const bool inside = stride.ic_t_s >= foot.t0_s &&
                        stride.next_ic_t_s <= foot.time_s(foot.size() == 0 ? 0 : foot.size() - 1);
    if (!before || !after || !inside) {
      it.detail.status = ZuptStatus::kOutsideSignal;
    } else {
      const auto s = find_still(foot, *before, half, true, options);
      const auto e = find_still(foot, *after, half, false, options);
      if (!s || !e || *e <= *s) {
        it.detail.status = ZuptStatus::kNoStillInstant;
      } else {
        it = integrate(foot, *s, *e, half, result.gyro_bias_rps, options);
      }
    }
    if (it.detail.status == ZuptStatus::kMeasured ||
        it.detail.status == ZuptStatus::kLengthOutOfRange) {
      stride.length_m = it.length_m;
      stride.clearance_m = it.clearance_m;
      stride.heading_change_deg = it.heading_deg;
      stride.in_turn = std::abs(it.heading_deg) > options.turn_threshold_deg;
    }
    result.details.push_back(std::move(it.detail));
  }
  result.strides = std::move(strides);
  return result;
}

}  // namespace openpt::gait
