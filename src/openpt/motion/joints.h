// The canonical joint vocabulary every analysis is written against.
//
// File formats use their own skeletons (BlazePose 33, COCO 17, BODY_25, Kinect, ...);
// each Skeleton maps its landmarks onto these canonical joints, so kinematics asks for
// `Joint::kLeftKnee` and works on any of them. Names are snake_case ("left_knee").
//
//   Joint j = Joint::kLeftKnee;
//   std::string_view name = joint_name(j);           // "left_knee"
//   std::optional<Joint> k = parse_joint("right_hip");
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace openpt::motion {

enum class Joint : int {
  kNose,
  kLeftEye,
  kRightEye,
  kLeftEar,
  kRightEar,
  kNeck,
  kLeftShoulder,
  kRightShoulder,
  kLeftElbow,
  kRightElbow,
  kLeftWrist,
  kRightWrist,
  kLeftHip,
  kRightHip,
  kLeftKnee,
  kRightKnee,
  kLeftAnkle,
  kRightAnkle,
  kLeftHeel,
  kRightHeel,
  kLeftFootIndex,  // the toe tip: BlazePose foot_index, OpenPose big toe, Kinect foot
  kRightFootIndex,
  kPelvis,  // centre between the hips as the source defines it (Kinect spine base / waist)
  kCount
};

inline constexpr std::size_t kJointCount = static_cast<std::size_t>(Joint::kCount);

enum class Side { kLeft, kRight, kNone };

std::string_view joint_name(Joint joint);
std::optional<Joint> parse_joint(std::string_view name);
std::string_view side_name(Side side);  // "left", "right", "" for kNone

}  // namespace openpt::motion
