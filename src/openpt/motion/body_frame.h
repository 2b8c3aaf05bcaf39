// Body frame: the trunk vector and the mediolateral and anterior axes of one frame, from
// which every joint angle of kinematics.h is measured (definitions: docs/kinematics.md).
//
//   BodyFrame f = make_body_frame(points);      // points: BodyPoints of one frame
//   double trunk = signed_angle_in_plane_deg(points.up, f.trunk, f.mediolateral);
#pragma once

#include "openpt/core/geometry.h"
#include "openpt/motion/kinematics.h"

namespace openpt::motion {

struct BodyFrame {
  Vec3 trunk;         // mid-shoulder − mid-hip (not normalised)
  Vec3 mediolateral;  // unit, horizontal, towards the subject's left
  Vec3 anterior;      // unit, horizontal, the way the subject faces: mediolateral × up
};

// NaN axes when the hips and shoulders are both missing.
BodyFrame make_body_frame(const BodyPoints& points);

// The same from the four trunk points alone (NaN components where missing).
struct TrunkPoints {
  Vec3 left_hip, right_hip, left_shoulder, right_shoulder;
};
BodyFrame make_body_frame(const TrunkPoints& trunk, const Vec3& up,
                          const Vec3& mediolateral_override);

// Angle between thigh and shank in 3D, negative (hyperextension) when the rotation from
// thigh to shank points within 60° of −mediolateral. Unsigned when mediolateral is NaN.
double knee_flexion_deg(const Vec3& thigh, const Vec3& shank, const Vec3& mediolateral);

// Elevation of v above the plane normal to unit `up`, degrees in [−90, 90].
double elevation_deg(const Vec3& v, const Vec3& up);

}  // namespace openpt::motion
