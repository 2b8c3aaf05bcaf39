#include "openpt/motion/skeleton.h"

#include <gtest/gtest.h>

#include <set>

namespace openpt::motion {
namespace {

TEST(Skeletons, LandmarkCountsAndOrder) {
  EXPECT_EQ(blazepose33().landmark_count(), 33u);
  EXPECT_EQ(coco17().landmark_count(), 17u);
  EXPECT_EQ(body25().landmark_count(), 25u);
  EXPECT_EQ(kinect_v2().landmark_count(), 25u);
  EXPECT_EQ(kinect22().landmark_count(), 22u);
  // MediaPipe order: nose 0, left_shoulder 11, left_knee 25, right_foot_index 32.
  EXPECT_EQ(blazepose33().landmark_of(Joint::kNose), 0);
  EXPECT_EQ(blazepose33().landmark_of(Joint::kLeftShoulder), 11);
  EXPECT_EQ(blazepose33().landmark_of(Joint::kLeftKnee), 25);
  EXPECT_EQ(blazepose33().landmark_of(Joint::kRightFootIndex), 32);
  // OpenPose BODY_25: RKnee 10, LBigToe 19 is the left foot index, MidHip 8 the pelvis.
  EXPECT_EQ(body25().landmark_of(Joint::kRightKnee), 10);
  EXPECT_EQ(body25().landmark_of(Joint::kLeftFootIndex), 19);
  EXPECT_EQ(body25().landmark_of(Joint::kPelvis), 8);
  // UI-PRMD: waist first, left_toe is the foot index.
  EXPECT_EQ(kinect22().landmark_of(Joint::kPelvis), 0);
  EXPECT_EQ(kinect22().landmark_of(Joint::kLeftFootIndex), 17);
  EXPECT_EQ(kinect_v2().landmark_of(Joint::kLeftFootIndex), 15);
}

TEST(Skeletons, EveryAnalysisJointOfTheLimbsIsMappedAndNamesAreUnique) {
  const Joint limbs[] = {Joint::kLeftShoulder, Joint::kRightShoulder, Joint::kLeftElbow,
                         Joint::kRightElbow,   Joint::kLeftWrist,     Joint::kRightWrist,
                         Joint::kLeftHip,      Joint::kRightHip,      Joint::kLeftKnee,
                         Joint::kRightKnee,    Joint::kLeftAnkle,     Joint::kRightAnkle};
  for (const Skeleton* s : all_skeletons()) {
    for (Joint j : limbs) EXPECT_TRUE(s->has(j)) << s->name << " " << joint_name(j);
    std::set<std::string_view> names(s->landmark_names.begin(), s->landmark_names.end());
    EXPECT_EQ(names.size(), s->landmark_count()) << s->name;
    for (auto [a, b] : s->bones) {
      EXPECT_GE(a, 0) << s->name;
      EXPECT_GE(b, 0) << s->name;
    }
  }
  EXPECT_FALSE(coco17().has(Joint::kLeftHeel));
  EXPECT_FALSE(kinect22().has(Joint::kLeftHeel));
}

TEST(Skeletons, FindByNameAndByColumnNames) {
  auto k = find_skeleton("kinect22");
  ASSERT_TRUE(k);
  EXPECT_EQ(*k, &kinect22());
  auto unknown = find_skeleton("h36m");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().hint.find("blazepose33"), std::string::npos);

  std::vector<std::string> names(coco17().landmark_names.rbegin(), coco17().landmark_names.rend());
  EXPECT_EQ(skeleton_with_names(names), &coco17());
  names.pop_back();
  EXPECT_EQ(skeleton_with_names(names), nullptr);
}

TEST(Skeletons, MissingJointErrorNamesJointAndSkeleton) {
  const Error e = coco17().missing_joint_error(Joint::kLeftHeel, "Left ankle dorsiflexion");
  EXPECT_EQ(e.kind, ErrorKind::kBadInput);
  EXPECT_NE(e.message.find("left_heel"), std::string::npos);
  EXPECT_NE(e.message.find("coco17"), std::string::npos);
}

TEST(Joints, NamesRoundTrip) {
  for (std::size_t i = 0; i < kJointCount; ++i) {
    const Joint j = static_cast<Joint>(i);
    EXPECT_EQ(parse_joint(joint_name(j)), j);
  }
  EXPECT_FALSE(parse_joint("left_tail").has_value());
}

}  // namespace
}  // namespace openpt::motion
