#include "openpt/motion/body_frame.h"

namespace openpt::motion {

BodyFrame make_body_frame(const BodyPoints& p) {
  auto at = [&](Joint j) { return p.at[static_cast<std::size_t>(j)]; };
  return make_body_frame(TrunkPoints{at(Joint::kLeftHip), at(Joint::kRightHip),
                                     at(Joint::kLeftShoulder), at(Joint::kRightShoulder)},
                         p.up, p.mediolateral_override);
}

BodyFrame make_body_frame(const TrunkPoints& t, const Vec3& up, const Vec3& mediolateral_override) {
  BodyFrame f;
  f.trunk = midpoint(t.left_shoulder, t.right_shoulder) - midpoint(t.left_hip, t.right_hip);
  Vec3 lateral = mediolateral_override;
  if (!is_finite(lateral)) lateral = t.left_hip - t.right_hip;
  if (!is_finite(lateral)) lateral = t.left_shoulder - t.right_shoulder;
  f.mediolateral = normalized(project_onto_plane(lateral, up));
  f.anterior = cross(f.mediolateral, up);
  return f;
}

double knee_flexion_deg(const Vec3& thigh, const Vec3& shank, const Vec3& mediolateral) {
  const double angle = angle_between_deg(thigh, shank);
  const Vec3 axis = cross(thigh, shank);
  return dot(axis, mediolateral) < -0.5 * norm(axis) ? -angle : angle;
}

double elevation_deg(const Vec3& v, const Vec3& up) {
  const double vertical = dot(v, up);
  const double horizontal = norm(project_onto_plane(v, up));
  if (!std::isfinite(vertical) || !std::isfinite(horizontal)) return NAN;
  if (vertical == 0 && horizontal == 0) return NAN;
  return std::atan2(vertical, horizontal) * kRadToDeg;
}

}  // namespace openpt::motion
