#include "openpt/gait/orientation.h"

#include <fmt/format.h>

#include <cassert>
#include <cmath>
#include <numbers>

namespace openpt::gait {
namespace {

Eigen::Vector3d eig(const Vec3& v) {
  return {v.x, v.y, v.z};
}

// exp of a rotation vector (axis × angle) as a quaternion.
Eigen::Quaterniond exp_rotation(const Eigen::Vector3d& phi) {
  const double angle = phi.norm();
  if (angle < 1e-12)
    return Eigen::Quaterniond(1, phi.x() / 2, phi.y() / 2, phi.z() / 2).normalized();
  return Eigen::Quaterniond(Eigen::AngleAxisd(angle, phi / angle));
}

}  // namespace

Eigen::Quaterniond tilt_from_acc(const Vec3& acc) {
  assert(is_finite(acc) && norm(acc) > 0);
  return Eigen::Quaterniond::FromTwoVectors(eig(acc), Eigen::Vector3d::UnitZ());
}

Eigen::Quaterniond integrate_gyro(const Eigen::Quaterniond& q, const Vec3& w0, const Vec3& w1,
                                  double dt_s) {
  // Rates interpolated linearly over the interval: rotation vector to second order (the
  // coning term (dt²/12) w0 × w1; Savage 1998, Strapdown inertial navigation integration
  // algorithm design part 1).
  const Eigen::Vector3d a = eig(w0), b = eig(w1);
  const Eigen::Vector3d phi = (a + b) * (dt_s / 2) + a.cross(b) * (dt_s * dt_s / 12);
  return (q * exp_rotation(phi)).normalized();
}

double heading_change_rad(const Eigen::Quaterniond& from, const Eigen::Quaterniond& to) {
  const Eigen::Quaterniond rel = to * from.conjugate();  // world frame
  // Twist about z of a swing–twist decomposition: angle 2·atan2(z, w), wrapped to (−π, π].
  double angle = 2 * std::atan2(rel.z(), rel.w());
  if (angle > std::numbers::pi) angle -= 2 * std::numbers::pi;
  if (angle <= -std::numbers::pi) angle += 2 * std::numbers::pi;
  return angle;
}

Vec3 rotate(const Eigen::Quaterniond& q, const Vec3& v) {
  const Eigen::Vector3d r = q * eig(v);
  return {r.x(), r.y(), r.z()};
}

Result<std::vector<Eigen::Quaterniond>> estimate_orientation(const ImuSignal& signal,
                                                             const OrientationOptions& options) {
  const std::string where = signal.source.empty() ? std::string("signal") : signal.source;
  if (!(signal.sample_rate_hz > 0) || !std::isfinite(signal.sample_rate_hz)) {
    return bad_input("the sample rate must be positive", where);
  }
  if (signal.acc_mps2.size() != signal.gyr_rps.size()) {
    return bad_input(fmt::format("{} accelerometer but {} gyroscope samples",
                                 signal.acc_mps2.size(), signal.gyr_rps.size()),
                     where);
  }
  if (signal.size() == 0) return bad_input("the signal has no samples", where);
  const double dt = 1 / signal.sample_rate_hz;
  const auto window = static_cast<std::size_t>(
      std::max(1.0, std::round(options.initial_s * signal.sample_rate_hz)));
  Vec3 sum;
  std::size_t used = 0;
  for (std::size_t k = 0; k < std::min(window, signal.size()); ++k) {
    if (!is_finite(signal.acc_mps2[k]) || !(norm(signal.acc_mps2[k]) > 0)) continue;
    sum += signal.acc_mps2[k];
    ++used;
  }
  if (used == 0 || !(norm(sum) > 0)) {
    return bad_input("no finite accelerometer sample at the start to find the vertical", where,
                     "the recording should start with the sensor still");
  }
  std::vector<Eigen::Quaterniond> out;
  out.reserve(signal.size());
  Eigen::Quaterniond q = tilt_from_acc(sum);
  Eigen::Vector3d integral = Eigen::Vector3d::Zero();
  out.push_back(q);
  // Mahony's correction for the step k → k + 1 uses the accelerometer at k.
  auto correction = [&](std::size_t k) -> Eigen::Vector3d {
    const Vec3& f = signal.acc_mps2[k];
    const double n = norm(f);
    if (!(std::abs(n - options.gravity_mps2) < options.acc_gate_mps2))
      return Eigen::Vector3d::Zero();
    const Eigen::Vector3d measured = eig(f) / n;
    const Eigen::Vector3d estimated = q.conjugate() * Eigen::Vector3d::UnitZ();
    const Eigen::Vector3d e = measured.cross(estimated);
    integral += e * (options.ki * dt);
    return e * options.kp + integral;
  };
  for (std::size_t k = 0; k + 1 < signal.size(); ++k) {
    const Vec3& w0 = signal.gyr_rps[k];
    const Vec3& w1 = signal.gyr_rps[k + 1];
    if (!is_finite(w0) || !is_finite(w1) || !is_finite(signal.acc_mps2[k])) {
      out.push_back(q);
      continue;
    }
    const Eigen::Vector3d c = correction(k);
    const Vec3 cv{c.x(), c.y(), c.z()};
    q = integrate_gyro(q, w0 + cv, w1 + cv, dt);
    out.push_back(q);
  }
  return out;
}

}  // namespace openpt::gait
