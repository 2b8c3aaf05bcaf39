#include "openpt/core/geometry.h"

#include <gtest/gtest.h>

namespace openpt {
namespace {

TEST(Geometry, AngleBetweenKnownVectors) {
  EXPECT_NEAR(angle_between_deg({1, 0, 0}, {0, 1, 0}), 90.0, 1e-12);
  EXPECT_NEAR(angle_between_deg({1, 0, 0}, {1, 1, 0}), 45.0, 1e-12);
  EXPECT_NEAR(angle_between_deg({1, 0, 0}, {-1, 0, 0}), 180.0, 1e-12);
  EXPECT_NEAR(angle_between_deg({0, 0, 2}, {0, 0, 5}), 0.0, 1e-12);
  // Accurate close to 0 where acos would lose precision.
  EXPECT_NEAR(angle_between_deg({1, 0, 0}, {1, 1e-7, 0}), 1e-7 * kRadToDeg, 1e-15);
}

TEST(Geometry, ZeroVectorGivesNaN) {
  EXPECT_TRUE(std::isnan(angle_between_deg({0, 0, 0}, {1, 0, 0})));
  EXPECT_TRUE(std::isnan(signed_angle_in_plane_deg({0, 0, 1}, {1, 0, 0}, {0, 0, 1})));
}

TEST(Geometry, SignedAngleFollowsRightHandRule) {
  const Vec3 z{0, 0, 1};
  EXPECT_NEAR(signed_angle_in_plane_deg({1, 0, 0}, {0, 1, 0}, z), 90.0, 1e-12);
  EXPECT_NEAR(signed_angle_in_plane_deg({0, 1, 0}, {1, 0, 0}, z), -90.0, 1e-12);
  // Out-of-plane components are projected away.
  EXPECT_NEAR(signed_angle_in_plane_deg({1, 0, 3}, {1, 1, -2}, z), 45.0, 1e-12);
}

TEST(Geometry, RotateMatchesSignedAngle) {
  const Vec3 axis = normalized(Vec3{1, 2, 3});
  const Vec3 v = project_onto_plane(Vec3{0.3, -1, 0.2}, axis);
  for (double deg : {-170.0, -45.0, 0.0, 10.0, 90.0, 179.0}) {
    const Vec3 r = rotate(v, axis, deg * kDegToRad);
    EXPECT_NEAR(signed_angle_in_plane_deg(v, r, axis), deg, 1e-9) << deg;
    EXPECT_NEAR(norm(r), norm(v), 1e-12);
  }
}

TEST(Geometry, CrossAndDot) {
  EXPECT_EQ(cross(Vec3{1, 0, 0}, Vec3{0, 1, 0}), (Vec3{0, 0, 1}));
  EXPECT_DOUBLE_EQ(dot(Vec3{1, 2, 3}, Vec3{4, 5, 6}), 32.0);
  EXPECT_EQ(midpoint(Vec3{0, 0, 0}, Vec3{2, 4, 6}), (Vec3{1, 2, 3}));
}

}  // namespace
}  // namespace openpt
