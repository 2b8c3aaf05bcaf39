#include "openpt/gait/simulate_gait.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>
#include <utility>

#include "openpt/motion/simulate_camera.h"  // sim::Noise: Box–Muller on mt19937_64

namespace openpt::gait {
namespace {

using Eigen::Quaterniond;
using Eigen::Vector3d;
using motion::sim::Noise;

constexpr double kPi = std::numbers::pi;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kSubSamples = 10;         // sensor samples are means over 10 sub-intervals
constexpr double kDiffStep_s = 1e-6;    // central differences of positions → velocity
constexpr double kContactDecays = 6;    // foot flat at contact + 6 τ (pitch then 0.25 % left)
constexpr double kImpactTau_s = 0.015;  // skin vibration after contact: decay
constexpr double kImpactFreq_hz = 30;   // and frequency
constexpr std::size_t kMaxSamples = 5'000'000;  // per sensor: ~14 h at 100 Hz
constexpr std::uint64_t kNoiseStream = 0x9E3779B97F4A7C15ULL;

Vector3d eig(const Vec3& v) {
  return {v.x, v.y, v.z};
}
Vec3 vec(const Vector3d& v) {
  return {v.x(), v.y(), v.z()};
}
Vector3d direction(double heading) {
  return {std::cos(heading), std::sin(heading), 0};
}
Vector3d left_of(double heading) {
  return {-std::sin(heading), std::cos(heading), 0};
}
Quaterniond yaw_rotation(double yaw) {
  return Quaterniond(Eigen::AngleAxisd(yaw, Vector3d::UnitZ()));
}
// Foot pitch, + toe up: a rotation about the foot's right-pointing axis (−y).
Quaterniond pitch_rotation(double pitch) {
  return Quaterniond(Eigen::AngleAxisd(pitch, -Vector3d::UnitY()));
}

Quaterniond mount_rotation(const MountRotation& m) {
  return Quaterniond(Eigen::AngleAxisd(m.yaw_deg * kDegToRad, Vector3d::UnitZ()) *
                     Eigen::AngleAxisd(m.pitch_deg * kDegToRad, Vector3d::UnitY()) *
                     Eigen::AngleAxisd(m.roll_deg * kDegToRad, Vector3d::UnitX()));
}

// Uniformly distributed rotation (Shoemake 1992).
Quaterniond random_rotation(Noise& rng) {
  const double u1 = rng.uniform(), u2 = 2 * kPi * rng.uniform(), u3 = 2 * kPi * rng.uniform();
  const double a = std::sqrt(1 - u1), b = std::sqrt(u1);
  return Quaterniond(a * std::sin(u2), a * std::cos(u2), b * std::sin(u3), b * std::cos(u3));
}

Vector3d random_direction(Noise& rng) {
  for (;;) {
    const Vector3d v(rng.normal(), rng.normal(), rng.normal());
    if (v.norm() > 1e-6) return v.normalized();
  }
}

// Cubic Hermite: value at s ∈ [0, 1] from end values p0, p1 and end slopes m0, m1 (per unit s).
template <class T>
T hermite(const T& p0, const T& m0, const T& p1, const T& m1, double s) {
  const double s2 = s * s, s3 = s2 * s;
  return (2 * s3 - 3 * s2 + 1) * p0 + (s3 - 2 * s2 + s) * m0 + (-2 * s3 + 3 * s2) * p1 +
         (s3 - s2) * m1;
}
struct Pose {
  Vector3d position;
  Quaterniond rotation;  // world ← sensor
};

// ---------------------------------------------------------------------------------------
// The walking path of one bout: straight ahead from `origin`, optionally a semicircle of
// radius r starting at arc length `arc_start`, then straight on in the opposite direction.

struct BoutPath {
  Vector3d origin = Vector3d::Zero();
  double heading0 = 0;
  bool has_turn = false;
  double arc_start = 0, radius = 1, sign = 1;

  [[nodiscard]] double arc_length() const { return kPi * radius; }
  [[nodiscard]] double heading(double sigma) const {
    if (!has_turn || sigma <= arc_start) return heading0;
    if (sigma >= arc_start + arc_length()) return heading0 + sign * kPi;
    return heading0 + sign * (sigma - arc_start) / radius;
  }
  [[nodiscard]] Vector3d point(double sigma) const {
    const Vector3d d = direction(heading0), l = left_of(heading0);
    if (!has_turn || sigma <= arc_start) return origin + sigma * d;
    const Vector3d centre = origin + arc_start * d + sign * radius * l;
    if (sigma >= arc_start + arc_length()) {
      return centre + sign * radius * l - (sigma - arc_start - arc_length()) * d;
    }
    const double phi = (sigma - arc_start) / radius;
    return centre + radius * (std::sin(phi) * d - sign * std::cos(phi) * l);
  }
};

// ---------------------------------------------------------------------------------------
// Feet.

struct FootShape {  // the options' angles and fractions, in radians and seconds
  double foot_length = 0.18;
  Vector3d sensor_offset{0.12, 0, 0.06};
  double toe_off_pitch = 1, swing_peak_pitch = 0.3, contact_pitch = 0.26, tau = 0.03;
  double lead_fraction = 0.02, terminal_fraction = 0.04, lift = 0.06, impact = 20;
};

// A stance of one foot: where it stands and when it lands, rises and leaves.
struct Stance {
  double t_ic = -kInf;  // −∞: standing at the start
  double t_ho = kInf;   // heel off; +∞: standing at the end
  double t_to = kInf;
  double stride_s = 1;  // stride time that scales the push-off and swing features
  Vector3d heel = Vector3d::Zero();
  double yaw = 0;
  bool bout_end = false;  // the last stance of a bout (no stride starts here)
};

// Pitch profile and heel path of the push-off and swing from stance k to stance k + 1.
struct Swing {
  double t_ho = 0, t_min = 0, t_to = 0, t_zc = 0, t_z2 = 0, t_ic = 0;
  double a = 0, b = 0, c = 0;  // push-off dip, swing hump and terminal-swing rates (rad/s)
  Vector3d h0, v0;             // heel position and velocity at toe-off
};

class FootModel {
 public:
  FootModel(std::vector<Stance> stances, const FootShape& shape, Quaterniond mount)
      : stances_(std::move(stances)), shape_(shape), mount_(mount) {
    for (std::size_t k = 0; k < stances_.size(); ++k) {
      swing_of_.push_back(swings_.size());
      if (k + 1 < stances_.size() && std::isfinite(stances_[k].t_to)) {
        swings_.push_back(make_swing(k));
      }
    }
  }

  [[nodiscard]] const std::vector<Stance>& stances() const { return stances_; }
  // The push-off and swing that leave stance k (which must have a finite toe-off).
  [[nodiscard]] const Swing& swing(std::size_t k) const { return swings_[swing_of_[k]]; }

  // The sensor's pose at time t.
  [[nodiscard]] Pose sensor(double t) const {
    const auto [heel, foot] = foot_pose(t);
    Vector3d p = heel + foot * shape_.sensor_offset;
    // Skin vibration after each contact: a vertical displacement that starts and ends at 0.
    const std::size_t k = stance_at(t);
    const double u = t - stances_[k].t_ic;
    if (std::isfinite(u) && u < 10 * kImpactTau_s) {
      const double w = 2 * kPi * kImpactFreq_hz;
      p.z() += shape_.impact / (w * w) * std::exp(-u / kImpactTau_s) * std::sin(w * u);
    }
    return {p, foot * mount_};
  }

  // Sensor position when standing flat on stance k.
  [[nodiscard]] Vector3d flat_sensor(std::size_t k) const {
    return stances_[k].heel + yaw_rotation(stances_[k].yaw) * shape_.sensor_offset;
  }

 private:
  // Index of the stance whose contact is the latest at or before t.
  [[nodiscard]] std::size_t stance_at(double t) const {
    const auto it = std::upper_bound(stances_.begin(), stances_.end(), t,
                                     [](double v, const Stance& s) { return v < s.t_ic; });
    return it == stances_.begin() ? 0 : static_cast<std::size_t>(it - stances_.begin() - 1);
  }

  [[nodiscard]] double contact_pitch(double u) const {  // u ≥ 0 since the contact
    const double end = kContactDecays * shape_.tau;
    if (u >= end) return 0;
    const double floor = std::exp(-kContactDecays);
    return shape_.contact_pitch * (std::exp(-u / shape_.tau) - floor) / (1 - floor);
  }

  // Pitch during push-off and swing (between t_ho and t_ic of `s`).
  [[nodiscard]] double swing_pitch(const Swing& s, double t) const {
    if (t <= s.t_min) {  // rate −a (1 − cos πx) / 2
      const double len = s.t_min - s.t_ho, x = (t - s.t_ho) / len;
      return -s.a * len * (x / 2 - std::sin(kPi * x) / (2 * kPi));
    }
    const double two_delta = s.t_zc - s.t_min;
    if (t <= s.t_zc) {  // rate −a cos(πx/2)
      const double x = (t - s.t_min) / two_delta;
      return -s.a * (s.t_min - s.t_ho) / 2 - s.a * 2 * two_delta / kPi * std::sin(kPi * x / 2);
    }
    if (t <= s.t_z2) {  // rate b sin(πx)
      const double len = s.t_z2 - s.t_zc, x = (t - s.t_zc) / len;
      return -shape_.toe_off_pitch + s.b * len / kPi * (1 - std::cos(kPi * x));
    }
    const double len = s.t_ic - s.t_z2, x = (t - s.t_z2) / len;  // rate −c sin(πx/2)
    return shape_.swing_peak_pitch - s.c * len * 2 / kPi * (1 - std::cos(kPi * x / 2));
  }

  // Heel while the foot rolls about its toe (push-off), given the pitch.
  [[nodiscard]] Vector3d pivot_heel(const Stance& st, double pitch) const {
    const Vector3d toe = st.heel + yaw_rotation(st.yaw) * Vector3d(shape_.foot_length, 0, 0);
    return toe -
           yaw_rotation(st.yaw) * (pitch_rotation(pitch) * Vector3d(shape_.foot_length, 0, 0));
  }

  [[nodiscard]] Swing make_swing(std::size_t k) const {
    const Stance& st = stances_[k];
    const Stance& next = stances_[k + 1];
    Swing s;
    const double delta = shape_.lead_fraction * st.stride_s;
    const double eps = shape_.terminal_fraction * st.stride_s;
    s.t_ho = st.t_ho;
    s.t_to = st.t_to;
    s.t_min = st.t_to - delta;
    s.t_zc = st.t_to + delta;
    s.t_ic = next.t_ic;
    s.t_z2 = next.t_ic - eps;
    s.a = shape_.toe_off_pitch / ((s.t_min - s.t_ho) / 2 + 4 * delta / kPi);
    s.b = (shape_.swing_peak_pitch + shape_.toe_off_pitch) * kPi / (2 * (s.t_z2 - s.t_zc));
    s.c = (shape_.swing_peak_pitch - shape_.contact_pitch) * kPi / (2 * eps);
    const double pitch = swing_pitch(s, s.t_to);
    const double rate = -s.a * std::cos(kPi / 4);
    s.h0 = pivot_heel(st, pitch);
    s.v0 = -(yaw_rotation(st.yaw) * Vector3d(-std::sin(pitch), 0, std::cos(pitch)) *
             shape_.foot_length * rate);
    return s;
  }

  // Heel contact point and foot rotation (world ← foot) at time t.
  [[nodiscard]] std::pair<Vector3d, Quaterniond> foot_pose(double t) const {
    const std::size_t k = stance_at(t);
    const Stance& st = stances_[k];
    if (t <= st.t_ho) {
      const double pitch = std::isfinite(st.t_ic) ? contact_pitch(t - st.t_ic) : 0.0;
      return {st.heel, yaw_rotation(st.yaw) * pitch_rotation(pitch)};
    }
    const Swing& s = swing(k);
    const double pitch = swing_pitch(s, t);
    if (t <= st.t_to) {
      return {pivot_heel(st, pitch), yaw_rotation(st.yaw) * pitch_rotation(pitch)};
    }
    const Stance& next = stances_[k + 1];
    const double len = s.t_ic - s.t_to, x = (t - s.t_to) / len;
    Vector3d heel = hermite<Vector3d>(s.h0, s.v0 * len, next.heel, Vector3d::Zero(), x);
    heel.z() += shape_.lift * std::pow(std::sin(kPi * x), 2);
    const double yaw = st.yaw + (next.yaw - st.yaw) * (1 - std::cos(kPi * x)) / 2;
    return {heel, yaw_rotation(yaw) * pitch_rotation(pitch)};
  }

  std::vector<Stance> stances_;
  FootShape shape_;
  Quaterniond mount_;
  std::vector<Swing> swings_;
  std::vector<std::size_t> swing_of_;  // stance → index into swings_
};

// ---------------------------------------------------------------------------------------
// Lower back: the centre of mass moving along the path.

struct Knot {
  double t = 0, value = 0, slope = 0;
};

// Piecewise cubic Hermite through knots; constant before the first and after the last.
double knot_curve(const std::vector<Knot>& knots, double t) {
  if (t <= knots.front().t) return knots.front().value;
  if (t >= knots.back().t) return knots.back().value;
  const auto it = std::upper_bound(knots.begin(), knots.end(), t,
                                   [](double v, const Knot& k) { return v < k.t; });
  const Knot& a = *(it - 1);
  const Knot& b = *it;
  const double len = b.t - a.t;
  return hermite(a.value, a.slope * len, b.value, b.slope * len, (t - a.t) / len);
}

struct BackBout {
  BoutPath path;
  std::vector<Knot> progress;    // arc length σ of the centre of mass (Hermite)
  std::vector<double> lows;      // vertical lows, mid double support; first = bout start
  std::vector<double> sway;      // +1 left / −1 right stance between consecutive lows
  std::vector<double> contacts;  // initial contacts (pelvis yaw extremes); first = bout start
  std::vector<double> rotation_sign;
  double start_s = 0, end_s = 0;
};

class BackModel {
 public:
  BackModel(std::vector<BackBout> bouts, const GaitSimOptions& o, Quaterniond mount)
      : bouts_(std::move(bouts)),
        height_(o.back_height_m),
        vertical_(o.back_vertical_pp_m),
        lateral_(o.back_lateral_m),
        pelvis_(o.pelvis_rotation_deg * kDegToRad),
        mount_(mount) {}

  [[nodiscard]] Pose sensor(double t) const {
    std::size_t b = 0;
    while (b + 1 < bouts_.size() && t >= bouts_[b + 1].start_s) ++b;
    const BackBout& bout = bouts_[b];
    const double sigma = knot_curve(bout.progress, t);
    const double heading = bout.path.heading(sigma);
    double z = height_, y = 0, yaw = 0;
    if (t > bout.start_s && t < bout.end_s) {
      z -= vertical_ * low_shape(bout, t);
      y = lateral_ * sway_shape(bout, t);
      yaw = pelvis_ * rotation_shape(bout, t);
    }
    Vector3d p = bout.path.point(sigma) + y * left_of(heading);
    p.z() += z;
    return {p, yaw_rotation(heading + yaw) * mount_};
  }

 private:
  // 1 at each low, 0 at standing and at the top between lows: (1 + cos 2πx) / 2.
  static double low_shape(const BackBout& bout, double t) {
    const auto& m = bout.lows;
    if (t < m[1]) return (1 + std::cos(2 * kPi * (0.5 + 0.5 * (t - m[0]) / (m[1] - m[0])))) / 2;
    if (t >= m.back()) return 0;
    const std::size_t i = interval(m, t);
    if (i + 2 == m.size()) {  // last low → standing: rises to the top and stays
      const double x = 0.5 * (t - m[i]) / (m[i + 1] - m[i]);
      return (1 + std::cos(2 * kPi * x)) / 2;
    }
    return (1 + std::cos(2 * kPi * (t - m[i]) / (m[i + 1] - m[i]))) / 2;
  }
  // Towards the stance foot: ±sin²(πx) between consecutive lows.
  static double sway_shape(const BackBout& bout, double t) {
    const auto& m = bout.lows;
    if (t >= m.back()) return 0;
    const std::size_t i = interval(m, t);
    return bout.sway[i] * std::pow(std::sin(kPi * (t - m[i]) / (m[i + 1] - m[i])), 2);
  }
  // Pelvis yaw: ±1 at each contact, cos(πx) between, ramped in and out.
  static double rotation_shape(const BackBout& bout, double t) {
    const auto& c = bout.contacts;
    if (t >= c.back()) return 0;
    const std::size_t i = interval(c, t);
    const double x = (t - c[i]) / (c[i + 1] - c[i]);
    if (i == 0) return bout.rotation_sign[1] * (1 - std::cos(kPi * x)) / 2;
    if (i + 2 == c.size()) return bout.rotation_sign[i] * (1 + std::cos(kPi * x)) / 2;
    return bout.rotation_sign[i] * std::cos(kPi * x);
  }
  static std::size_t interval(const std::vector<double>& knots, double t) {
    const auto it = std::upper_bound(knots.begin(), knots.end(), t);
    return static_cast<std::size_t>(it - knots.begin()) - 1;
  }

  std::vector<BackBout> bouts_;
  double height_, vertical_, lateral_, pelvis_;
  Quaterniond mount_;
};

// ---------------------------------------------------------------------------------------
// An ideal IMU: the mean angular rate and specific force over the sample interval centred
// on t, from kSubSamples sub-intervals (velocity differences make the mean acceleration
// exact even across a velocity jump at contact).

template <class Model>
void read_imu(const Model& model, double t, double dt, Vec3& acc, Vec3& gyr) {
  const double h = dt / kSubSamples;
  auto velocity = [&](double at) -> Vector3d {
    return (model.sensor(at + kDiffStep_s).position - model.sensor(at - kDiffStep_s).position) /
           (2 * kDiffStep_s);
  };
  Vector3d sum_f = Vector3d::Zero(), sum_w = Vector3d::Zero();
  double b0 = t - dt / 2;
  Vector3d v0 = velocity(b0);
  Quaterniond q0 = model.sensor(b0).rotation;
  for (int j = 0; j < kSubSamples; ++j) {
    const double b1 = t - dt / 2 + (j + 1) * h;
    const Vector3d v1 = velocity(b1);
    const Quaterniond q1 = model.sensor(b1).rotation;
    const Quaterniond mid = model.sensor(0.5 * (b0 + b1)).rotation;
    sum_f += mid.conjugate() * ((v1 - v0) / h + Vector3d(0, 0, kStandardGravity));
    const Eigen::AngleAxisd rel(q0.conjugate() * q1);
    sum_w += rel.axis() * rel.angle() / h;
    b0 = b1;
    v0 = v1;
    q0 = q1;
  }
  acc = vec(sum_f / kSubSamples);
  gyr = vec(sum_w / kSubSamples);
}

struct SensorErrors {
  Vector3d acc_bias = Vector3d::Zero(), gyr_bias = Vector3d::Zero();
};

template <class Model>
void add_sample(const Model& model, double t, double dt, const GaitSimOptions& o,
                const SensorErrors& errors, Noise& noise, std::vector<Vec3>& acc,
                std::vector<Vec3>& gyr) {
  Vec3 a, w;
  read_imu(model, t, dt, a, w);
  a = a + vec(errors.acc_bias);
  w = w + vec(errors.gyr_bias);
  if (o.acc_noise_mps2 > 0)
    a = a + Vec3{noise.normal(), noise.normal(), noise.normal()} * o.acc_noise_mps2;
  if (o.gyr_noise_rps > 0)
    w = w + Vec3{noise.normal(), noise.normal(), noise.normal()} * o.gyr_noise_rps;
  acc.push_back(a);
  gyr.push_back(w);
}

// ---------------------------------------------------------------------------------------
// Options and the step plan.

Result<void> check_range(double value, double lo, double hi, const char* field,
                         const char* hint = "") {
  if (std::isfinite(value) && value >= lo && value <= hi) return {};
  return bad_input(fmt::format("{} = {} is outside [{}, {}]", field, value, lo, hi),
                   std::string("GaitSimOptions.") + field, hint);
}

Result<void> check_options(const GaitSimOptions& o) {
  const Result<void> checks[] = {
      check_range(o.sample_rate_hz, 10, 10'000, "sample_rate_hz"),
      check_range(o.walk_s, 0, 3600, "walk_s"),
      check_range(static_cast<double>(o.strides), 1, 5000, "strides"),
      check_range(static_cast<double>(o.bouts), 1, 100, "bouts"),
      check_range(o.pause_between_bouts_s, 0.5, 3600, "pause_between_bouts_s"),
      check_range(o.still_before_s, 0, 3600, "still_before_s"),
      check_range(o.still_after_s, 0, 3600, "still_after_s"),
      check_range(o.cadence_spm, 40, 200, "cadence_spm"),
      check_range(o.stride_length_m, 0.2, 3, "stride_length_m"),
      check_range(o.stance_pct, 50, 75, "stance_pct"),
      check_range(o.right_step_time_longer_pct, -30, 30, "right_step_time_longer_pct"),
      check_range(o.right_stance_longer_pct, -30, 30, "right_stance_longer_pct"),
      check_range(o.step_time_cv_pct, 0, 15, "step_time_cv_pct"),
      check_range(o.step_length_cv_pct, 0, 15, "step_length_cv_pct"),
      check_range(o.step_width_m, 0, 0.5, "step_width_m"),
      check_range(o.turn_duration_s, 0.5, 20, "turn_duration_s"),
      check_range(o.turn_radius_m, 0.1, 5, "turn_radius_m"),
      check_range(o.foot_length_m, 0.05, 0.4, "foot_length_m"),
      check_range(o.heel_off_pct, 5, 60, "heel_off_pct"),
      check_range(o.toe_off_pitch_deg, 5, 90, "toe_off_pitch_deg"),
      check_range(o.swing_peak_pitch_deg, 0, 60, "swing_peak_pitch_deg"),
      check_range(o.contact_pitch_deg, 0, o.swing_peak_pitch_deg, "contact_pitch_deg",
                  "the toe-up angle at contact must not exceed swing_peak_pitch_deg"),
      check_range(o.contact_tau_s, 0.005, 0.1, "contact_tau_s"),
      check_range(o.toe_off_lead_pct, 0.5, 10, "toe_off_lead_pct"),
      check_range(o.terminal_swing_pct, 0.5, 15, "terminal_swing_pct"),
      check_range(o.swing_lift_m, 0, 0.5, "swing_lift_m"),
      check_range(o.impact_mps2, 0, 500, "impact_mps2"),
      check_range(o.back_height_m, 0.3, 2, "back_height_m"),
      check_range(o.back_vertical_pp_m, 0, 0.2, "back_vertical_pp_m"),
      check_range(o.back_lateral_m, 0, 0.2, "back_lateral_m"),
      check_range(o.back_speed_fluctuation, 0, 0.5, "back_speed_fluctuation"),
      check_range(o.pelvis_rotation_deg, 0, 30, "pelvis_rotation_deg"),
      check_range(o.acc_noise_mps2, 0, 50, "acc_noise_mps2"),
      check_range(o.gyr_noise_rps, 0, 10, "gyr_noise_rps"),
      check_range(o.acc_bias_mps2, 0, 50, "acc_bias_mps2"),
      check_range(o.gyr_bias_rps, 0, 10, "gyr_bias_rps"),
      check_range(o.jitter_sd_s, 0, 1, "jitter_sd_s"),
      check_range(o.drop_fraction, 0, 0.95, "drop_fraction"),
      check_range(o.gap_start_s, 0, 1e6, "gap_start_s"),
      check_range(o.gap_s, 0, 1e6, "gap_s"),
  };
  for (const auto& check : checks) {
    if (!check) return tl::unexpected(check.error());
  }
  if (!is_finite(o.foot_sensor_offset_m) || norm(o.foot_sensor_offset_m) > 0.5) {
    return bad_input("foot_sensor_offset_m must be finite and within 0.5 m of the heel",
                     "GaitSimOptions.foot_sensor_offset_m");
  }
  for (const MountRotation* m : {&o.left_foot_mount, &o.right_foot_mount, &o.lower_back_mount}) {
    if (!std::isfinite(m->yaw_deg) || !std::isfinite(m->pitch_deg) || !std::isfinite(m->roll_deg)) {
      return bad_input("mounting angles must be finite", "GaitSimOptions.*_mount");
    }
  }
  if (!o.left_foot && !o.right_foot && !o.lower_back) {
    return bad_input("no sensor requested", "GaitSimOptions",
                     "set at least one of left_foot, right_foot, lower_back");
  }
  return {};
}

// Everything the models and the truth are built from.
struct Plan {
  std::vector<Stance> left, right;
  std::vector<BackBout> back;
  std::vector<TimeSpan> bouts, turns;
  double end_s = 0;
};

// The timing constants every bout shares.
struct Cadence {
  double stride_s = 1, step_left_s = 0.5, step_right_s = 0.5;
  double beta_left = 0.6, beta_right = 0.6;  // stance fractions
  double heel_off = 0.3;                     // heel rise, fraction of the stride after IC
  double contact_end_s = 0.18;               // foot flat after contact
  std::size_t steps = 22;                    // per bout; the last one joins the other foot
  std::size_t turn_steps = 0, turn_first = 0;
  [[nodiscard]] double beta(std::size_t step) const {
    return step % 2 == 0 ? beta_left : beta_right;
  }
};

Result<Cadence> cadence_of(const GaitSimOptions& o) {
  Cadence c;
  c.stride_s = 120.0 / o.cadence_spm;
  const double a = o.right_step_time_longer_pct / 100;
  c.step_left_s = c.stride_s / (2 + a);
  c.step_right_s = c.stride_s * (1 + a) / (2 + a);
  const double ratio = 1 + o.right_stance_longer_pct / 100;
  c.beta_left = 2 * o.stance_pct / 100 / (1 + ratio);
  c.beta_right = c.beta_left * ratio;
  c.heel_off = o.heel_off_pct / 100;
  c.contact_end_s = kContactDecays * o.contact_tau_s;
  const std::size_t strides =
      o.walk_s > 0 ? std::max<std::size_t>(
                         1, static_cast<std::size_t>(std::lround(o.walk_s / c.stride_s)) - 1)
                   : o.strides;
  c.steps = 2 * strides + 2;
  if (o.turn) {
    c.turn_steps = std::max<std::size_t>(2, std::lround(o.turn_duration_s / (c.stride_s / 2)));
    c.turn_first = (c.steps - 1 - c.turn_steps) / 2;
    if (c.steps < c.turn_steps + 4 || c.turn_first < 1 ||
        c.turn_first + c.turn_steps > c.steps - 2) {
      return bad_input(
          fmt::format("{} strides leave no room for a {}-step turn", strides, c.turn_steps),
          "GaitSimOptions.strides",
          fmt::format("use at least {} strides or a shorter turn", c.turn_steps / 2 + 2));
    }
  }
  return c;
}

// One bout's steps: contact times t[i] (even steps left) and path positions sigma[i];
// toe_off[i] of the stance starting at step i (∞ for the last two), and the toe-offs that
// leave the standing stances.
struct BoutSteps {
  std::vector<double> t, sigma, toe_off;
  double left_first_to = 0, right_first_to = 0;
  [[nodiscard]] double other_toe_off(std::size_t i) const {  // the other foot, after IC i
    return i == 0 ? right_first_to : toe_off[i - 1];
  }
};

BoutSteps plan_steps(const GaitSimOptions& o, const Cadence& c, double t_bout, BoutPath& path,
                     Noise& rng) {
  BoutSteps b;
  const std::size_t n = c.steps;
  b.t.resize(n);
  b.sigma.resize(n);
  b.toe_off.assign(n, kInf);
  b.left_first_to = t_bout + (c.beta_left - c.heel_off) * c.stride_s;
  b.t[0] = b.left_first_to + (1 - c.beta_left) * c.stride_s;
  for (std::size_t i = 1; i < n; ++i) {
    const double nominal = i % 2 == 1 ? c.step_right_s : c.step_left_s;
    b.t[i] = b.t[i - 1] + nominal * std::max(0.5, 1 + o.step_time_cv_pct / 100 * rng.normal());
  }
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const double previous = i == 0 ? 0.0 : b.sigma[i - 1];
    const double step =
        o.stride_length_m / 2 * std::max(0.3, 1 + o.step_length_cv_pct / 100 * rng.normal());
    if (o.turn && i >= c.turn_first && i < c.turn_first + c.turn_steps) {
      if (i == c.turn_first) path.arc_start = previous;
      b.sigma[i] = path.arc_start + static_cast<double>(i - c.turn_first + 1) * path.arc_length() /
                                        static_cast<double>(c.turn_steps);
    } else {
      b.sigma[i] = previous + step;
    }
  }
  b.sigma[n - 1] = b.sigma[n - 2];
  for (std::size_t i = 0; i + 2 < n; ++i) b.toe_off[i] = b.t[i] + c.beta(i) * (b.t[i + 2] - b.t[i]);
  b.right_first_to = b.t[1] - (1 - c.beta_right) * c.stride_s;
  return b;
}

// Contact transient before heel rise, heel rise before push-off, double support, swings
// long enough for their features.
Result<void> check_timing(const GaitSimOptions& o, const Cadence& c, const BoutSteps& b,
                          std::size_t bout) {
  const double lead_s = o.toe_off_lead_pct / 100 * c.stride_s;
  for (std::size_t i = 0; i + 2 < c.steps; ++i) {
    const double heel_off_s = b.t[i] + c.heel_off * (b.t[i + 2] - b.t[i]);
    if (heel_off_s < b.t[i] + c.contact_end_s || heel_off_s > b.toe_off[i] - lead_s - 0.05) {
      return bad_input("heel rise must start after foot flat and well before toe-off",
                       "GaitSimOptions.heel_off_pct",
                       "keep heel_off_pct between the contact transient (6 × contact_tau_s) "
                       "and stance_pct − toe_off_lead_pct");
    }
  }
  const double features_s = (o.toe_off_lead_pct + o.terminal_swing_pct) / 100 * c.stride_s;
  for (std::size_t i = 0; i + 1 < c.steps; ++i) {
    const double other_to = b.other_toe_off(i);
    if (other_to <= b.t[i] || b.t[i + 1] - other_to < features_s + 0.1) {
      return bad_input(
          fmt::format("step {} of bout {}: stance and swing timing overlap (flight phase or "
                      "a swing shorter than 0.1 s)",
                      i + 1, bout + 1),
          "GaitSimOptions.stance_pct",
          "use a stance_pct nearer 60, less asymmetry or less step-time variability");
    }
  }
  return {};
}

// The lower back's knots for one bout (see BackModel).
BackBout plan_back(const GaitSimOptions& o, const Cadence& c, const BoutSteps& b,
                   const BoutPath& path, double t_bout) {
  const std::size_t n = c.steps;
  const auto& t = b.t;
  BackBout back;
  back.path = path;
  back.start_s = t_bout;
  back.end_s = t[n - 1] + c.contact_end_s;
  // Forward: at each contact midway between the feet, fastest there.
  std::vector<double> com(n);
  for (std::size_t i = 0; i < n; ++i) com[i] = ((i == 0 ? 0.0 : b.sigma[i - 1]) + b.sigma[i]) / 2;
  auto mean_speed = [&](std::size_t i) {  // over the interval ending at contact i
    return i == 0 ? com[0] / (t[0] - t_bout) : (com[i] - com[i - 1]) / (t[i] - t[i - 1]);
  };
  back.progress.push_back({t_bout, 0, 0});
  for (std::size_t i = 0; i < n; ++i) {
    const double slope =
        i + 1 == n ? 0.0 : (1 + o.back_speed_fluctuation) * (mean_speed(i) + mean_speed(i + 1)) / 2;
    back.progress.push_back({t[i], com[i], slope});
  }
  // Vertical lows in the middle of each double support; sway towards the stance foot.
  back.lows.push_back(t_bout);
  for (std::size_t i = 0; i + 1 < n; ++i) back.lows.push_back((t[i] + b.other_toe_off(i)) / 2);
  back.lows.push_back(back.end_s);
  back.sway.push_back(-1);  // the right foot stands while the left takes the first step
  for (std::size_t i = 0; i + 1 < n; ++i) back.sway.push_back(i % 2 == 0 ? 1 : -1);
  // Pelvis yaw extremes at contacts (left foot leading: pelvis turned right).
  back.contacts.push_back(t_bout);
  back.rotation_sign.push_back(0);
  for (std::size_t i = 0; i < n; ++i) {
    back.contacts.push_back(t[i]);
    back.rotation_sign.push_back(i % 2 == 0 ? -1 : 1);
  }
  back.contacts.push_back(back.end_s);
  return back;
}

// Appends one bout's stances to both feet; the stance each foot stands on (the first
// standing one, or the last of the previous bout) is given its heel rise and toe-off.
void add_stances(const GaitSimOptions& o, const Cadence& c, const BoutSteps& b,
                 const BoutPath& path, Plan& plan) {
  for (int side = 0; side < 2; ++side) {
    std::vector<Stance>& stances = side == 0 ? plan.left : plan.right;
    if (stances.empty()) {
      Stance st;
      st.heel = path.origin + (side == 0 ? 1 : -1) * o.step_width_m / 2 * left_of(path.heading0);
      st.yaw = path.heading0;
      stances.push_back(st);
    }
    const double to = side == 0 ? b.left_first_to : b.right_first_to;
    const double beta = side == 0 ? c.beta_left : c.beta_right;
    stances.back().t_to = to;
    stances.back().t_ho = to - (beta - c.heel_off) * c.stride_s;
    stances.back().stride_s = c.stride_s;
    stances.back().bout_end = true;
  }
  for (std::size_t i = 0; i < c.steps; ++i) {
    Stance st;
    st.t_ic = b.t[i];
    if (i + 2 < c.steps) {
      st.stride_s = b.t[i + 2] - b.t[i];
      st.t_to = b.toe_off[i];
      st.t_ho = b.t[i] + c.heel_off * st.stride_s;
    } else {
      st.stride_s = c.stride_s;
      st.bout_end = true;
    }
    const double h = path.heading(b.sigma[i]);
    st.heel = path.point(b.sigma[i]) + (i % 2 == 0 ? 1 : -1) * o.step_width_m / 2 * left_of(h);
    st.yaw = h;
    (i % 2 == 0 ? plan.left : plan.right).push_back(st);
  }
}

Result<Plan> plan_walk(const GaitSimOptions& o) {
  auto cadence = cadence_of(o);
  if (!cadence) return tl::unexpected(cadence.error());
  const Cadence& c = *cadence;
  Noise rng(o.seed);
  Plan plan;
  double t_bout = o.still_before_s;
  BoutPath path{Vector3d::Zero(), 0, o.turn, 0, o.turn_radius_m, o.turn_left ? 1.0 : -1.0};
  for (std::size_t bout = 0; bout < o.bouts; ++bout) {
    const BoutSteps b = plan_steps(o, c, t_bout, path, rng);
    if (auto ok = check_timing(o, c, b, bout); !ok) return tl::unexpected(ok.error());
    add_stances(o, c, b, path, plan);
    plan.back.push_back(plan_back(o, c, b, path, t_bout));
    const double end_s = plan.back.back().end_s;
    plan.bouts.push_back({t_bout, end_s});
    if (o.turn) {  // from the TO of the swing into the first turning step
      const std::size_t first = c.turn_first;
      const double start = first >= 2 ? b.toe_off[first - 2] : b.right_first_to;
      plan.turns.push_back({start, b.t[first + c.turn_steps]});
    }
    const double last = b.sigma[c.steps - 1];
    path.origin = path.point(last);
    path.heading0 = path.heading(last);
    t_bout = end_s + o.pause_between_bouts_s;
  }
  plan.end_s = plan.bouts.back().end_s + o.still_after_s;
  return plan;
}

FootShape foot_shape(const GaitSimOptions& o) {
  FootShape s;
  s.foot_length = o.foot_length_m;
  s.sensor_offset = eig(o.foot_sensor_offset_m);
  s.toe_off_pitch = o.toe_off_pitch_deg * kDegToRad;
  s.swing_peak_pitch = o.swing_peak_pitch_deg * kDegToRad;
  s.contact_pitch = o.contact_pitch_deg * kDegToRad;
  s.tau = o.contact_tau_s;
  s.lead_fraction = o.toe_off_lead_pct / 100;
  s.terminal_fraction = o.terminal_swing_pct / 100;
  s.lift = o.swing_lift_m;
  s.impact = o.impact_mps2;
  return s;
}

std::size_t nearest_sample(double t_s, double rate_hz, std::size_t count) {
  const double i = std::round(t_s * rate_hz);
  if (i <= 0) return 0;
  return std::min(count - 1, static_cast<std::size_t>(i));
}

void add_truth(const FootModel& foot, Side side, Placement placement, double rate_hz,
               std::size_t count, SimulatedGait& sim) {
  const auto& st = foot.stances();
  for (std::size_t k = 0; k < st.size(); ++k) {
    if (std::isfinite(st[k].t_ic)) {
      sim.events.push_back({side, EventType::kInitialContact, st[k].t_ic,
                            nearest_sample(st[k].t_ic, rate_hz, count), placement});
    }
    if (std::isfinite(st[k].t_to)) {
      sim.events.push_back({side, EventType::kFinalContact, st[k].t_to,
                            nearest_sample(st[k].t_to, rate_hz, count), placement});
    }
  }
  for (std::size_t k = 0; k + 1 < st.size(); ++k) {
    if (!std::isfinite(st[k].t_to) || !std::isfinite(st[k].t_ic) || st[k].bout_end) continue;
    const Swing& s = foot.swing(k);
    Stride stride;
    stride.side = side;
    stride.ic_t_s = st[k].t_ic;
    stride.fc_t_s = st[k].t_to;
    stride.next_ic_t_s = st[k + 1].t_ic;
    stride.mid_swing_t_s = (s.t_zc + s.t_z2) / 2;
    const Vector3d from = foot.flat_sensor(k), to = foot.flat_sensor(k + 1);
    stride.length_m = std::hypot(to.x() - from.x(), to.y() - from.y());
    double top = -kInf;
    for (double t = s.t_ho; t <= s.t_ic; t += 2e-4)
      top = std::max(top, foot.sensor(t).position.z());
    stride.clearance_m = top - from.z();
    stride.heading_change_deg = (st[k + 1].yaw - st[k].yaw) * kRadToDeg;
    stride.in_turn = std::abs(stride.heading_change_deg) > 1e-9;
    sim.strides.push_back(stride);
  }
}

struct SensorSpec {
  Placement placement;
  const FootModel* foot = nullptr;
  const BackModel* back = nullptr;
};

}  // namespace

Result<SimulatedGait> simulate_gait(const GaitSimOptions& options) {
  if (auto ok = check_options(options); !ok) return tl::unexpected(ok.error());
  auto plan = plan_walk(options);
  if (!plan) return tl::unexpected(plan.error());
  const double rate = options.sample_rate_hz, dt = 1 / rate;
  const double samples_d = std::floor(plan->end_s * rate) + 1;
  if (samples_d > static_cast<double>(kMaxSamples)) {
    return bad_input(fmt::format("the walk lasts {:.0f} s: too many samples", plan->end_s),
                     "GaitSimOptions", "simulate fewer strides or bouts, or a lower rate");
  }
  const auto count = static_cast<std::size_t>(samples_d);

  Noise noise(options.seed ^ kNoiseStream);
  Quaterniond mounts[3] = {mount_rotation(options.left_foot_mount),
                           mount_rotation(options.right_foot_mount),
                           mount_rotation(options.lower_back_mount)};
  if (options.random_mounting) {
    for (auto& m : mounts) m = random_rotation(noise);
  }
  const FootShape shape = foot_shape(options);
  const FootModel left(plan->left, shape, mounts[0]);
  const FootModel right(plan->right, shape, mounts[1]);
  const BackModel back(plan->back, options, mounts[2]);

  SimulatedGait sim;
  add_truth(left, Side::kLeft, Placement::kLeftFoot, rate, count, sim);
  add_truth(right, Side::kRight, Placement::kRightFoot, rate, count, sim);
  sort_events(sim.events);
  sim.bouts = plan->bouts;
  sim.turns = plan->turns;

  std::vector<SensorSpec> specs;
  if (options.left_foot) specs.push_back({Placement::kLeftFoot, &left, nullptr});
  if (options.right_foot) specs.push_back({Placement::kRightFoot, &right, nullptr});
  if (options.lower_back) specs.push_back({Placement::kLowerBack, nullptr, &back});
  const bool want_raw = options.jitter_sd_s > 0 || options.drop_fraction > 0 || options.gap_s > 0;
  for (const SensorSpec& spec : specs) {
    SensorErrors errors;
    if (options.acc_bias_mps2 > 0)
      errors.acc_bias = options.acc_bias_mps2 * random_direction(noise);
    if (options.gyr_bias_rps > 0) errors.gyr_bias = options.gyr_bias_rps * random_direction(noise);
    auto sample = [&](double t, std::vector<Vec3>& acc, std::vector<Vec3>& gyr) {
      if (spec.foot != nullptr) {
        add_sample(*spec.foot, t, dt, options, errors, noise, acc, gyr);
      } else {
        add_sample(*spec.back, t, dt, options, errors, noise, acc, gyr);
      }
    };
    auto pose = [&](double t) {
      return spec.foot != nullptr ? spec.foot->sensor(t) : spec.back->sensor(t);
    };

    ImuSignal signal;
    signal.placement = spec.placement;
    signal.source = "simulated";
    signal.sample_rate_hz = rate;
    signal.acc_mps2.reserve(count);
    signal.gyr_rps.reserve(count);
    SensorTruth truth;
    truth.placement = spec.placement;
    for (std::size_t k = 0; k < count; ++k) {
      const double t = static_cast<double>(k) * dt;
      sample(t, signal.acc_mps2, signal.gyr_rps);
      const Pose p = pose(t);
      truth.position_m.push_back(vec(p.position));
      truth.world_from_sensor.push_back(p.rotation);
    }
    sim.recording.sensors.push_back(std::move(signal));
    sim.truth.push_back(std::move(truth));

    if (!want_raw) continue;
    SimulatedRawSamples raw;
    raw.placement = spec.placement;
    for (std::size_t k = 0; k < count; ++k) {
      const double jitter = std::clamp(options.jitter_sd_s * noise.normal(), -0.45 * dt, 0.45 * dt);
      const double t = std::max(0.0, static_cast<double>(k) * dt + jitter);
      const bool dropped = noise.uniform() < options.drop_fraction ||
                           (options.gap_s > 0 && t >= options.gap_start_s &&
                            t < options.gap_start_s + options.gap_s);
      if (dropped) continue;
      raw.t_s.push_back(t);
      sample(t, raw.acc_mps2, raw.gyr_rps);
    }
    sim.raw.push_back(std::move(raw));
  }
  return sim;
}

}  // namespace openpt::gait
