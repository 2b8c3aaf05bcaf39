// Geometry: small fixed-size vectors and the angle functions kinematics is built from.
//
// Vec3 is a plain aggregate of doubles (x, y, z) with the usual arithmetic. Angles are
// returned in degrees; `signed_angle_in_plane_deg` projects both vectors onto the plane
// whose normal is `axis` and measures the rotation from `from` to `to` about `axis`
// (right-hand rule), in (−180°, 180°]. Degenerate input (a zero-length vector) gives NaN.
//
//   Vec3 thigh{0, -1, 0}, shank{0, -1, -1};
//   double knee = angle_between_deg(thigh, shank);                   // 45
//   double s = signed_angle_in_plane_deg(thigh, shank, {1, 0, 0});   // +45
#pragma once

#include <cmath>
#include <numbers>

namespace openpt {

inline constexpr double kRadToDeg = 180.0 / std::numbers::pi;
inline constexpr double kDegToRad = std::numbers::pi / 180.0;

struct Vec3 {
  double x = 0, y = 0, z = 0;

  constexpr Vec3 operator+(const Vec3& o) const { return {x + o.x, y + o.y, z + o.z}; }
  constexpr Vec3 operator-(const Vec3& o) const { return {x - o.x, y - o.y, z - o.z}; }
  constexpr Vec3 operator-() const { return {-x, -y, -z}; }
  constexpr Vec3 operator*(double s) const { return {x * s, y * s, z * s}; }
  constexpr Vec3 operator/(double s) const { return {x / s, y / s, z / s}; }
  constexpr Vec3& operator+=(const Vec3& o) {
    x += o.x, y += o.y, z += o.z;
    return *this;
  }
  constexpr bool operator==(const Vec3&) const = default;
};

constexpr Vec3 operator*(double s, const Vec3& v) {
  return v * s;
}
constexpr double dot(const Vec3& a, const Vec3& b) {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}
constexpr Vec3 cross(const Vec3& a, const Vec3& b) {
  return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
inline double norm(const Vec3& v) {
  return std::sqrt(dot(v, v));
}
constexpr Vec3 midpoint(const Vec3& a, const Vec3& b) {
  return (a + b) * 0.5;
}
inline bool is_finite(const Vec3& v) {
  return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z);
}

// Unit vector along v; NaN components when v has zero length.
inline Vec3 normalized(const Vec3& v) {
  const double n = norm(v);
  if (!(n > 0)) return {NAN, NAN, NAN};
  return v / n;
}

// v with its component along the unit vector `unit_normal` removed.
constexpr Vec3 project_onto_plane(const Vec3& v, const Vec3& unit_normal) {
  return v - unit_normal * dot(v, unit_normal);
}

// Unsigned angle between a and b in degrees, [0, 180]. atan2 form: accurate near 0 and 180.
inline double angle_between_deg(const Vec3& a, const Vec3& b) {
  const double c = norm(cross(a, b));
  const double d = dot(a, b);
  if (c == 0 && d == 0) return NAN;
  return std::atan2(c, d) * kRadToDeg;
}

// Signed rotation from `from` to `to` about unit vector `axis`, both projected onto the plane
// normal to `axis`, in degrees (−180, 180].
inline double signed_angle_in_plane_deg(const Vec3& from, const Vec3& to, const Vec3& axis) {
  const Vec3 a = project_onto_plane(from, axis);
  const Vec3 b = project_onto_plane(to, axis);
  const double s = dot(cross(a, b), axis);
  const double c = dot(a, b);
  if (s == 0 && c == 0) return NAN;
  return std::atan2(s, c) * kRadToDeg;
}

// `angle_deg` shifted by a multiple of 360° into [lower_deg, lower_deg + 360). NaN stays NaN.
inline double wrap_deg(double angle_deg, double lower_deg = -180.0) {
  if (angle_deg >= lower_deg && angle_deg < lower_deg + 360.0) return angle_deg;  // common case
  if (!std::isfinite(angle_deg)) return angle_deg;
  double r = std::fmod(angle_deg - lower_deg, 360.0);
  if (r < 0) r += 360.0;
  return lower_deg + r;
}

// Rotation of v about unit `axis` by `angle_rad` (Rodrigues).
inline Vec3 rotate(const Vec3& v, const Vec3& axis, double angle_rad) {
  const double c = std::cos(angle_rad), s = std::sin(angle_rad);
  return v * c + cross(axis, v) * s + axis * (dot(axis, v) * (1 - c));
}

}  // namespace openpt
