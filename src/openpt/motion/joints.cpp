#include "openpt/motion/joints.h"

#include <array>

namespace openpt::motion {

namespace {
constexpr std::array<std::string_view, kJointCount> kJointNames = {
    "nose",
    "left_eye",
    "right_eye",
    "left_ear",
    "right_ear",
    "neck",
    "left_shoulder",
    "right_shoulder",
    "left_elbow",
    "right_elbow",
    "left_wrist",
    "right_wrist",
    "left_hip",
    "right_hip",
    "left_knee",
    "right_knee",
    "left_ankle",
    "right_ankle",
    "left_heel",
    "right_heel",
    "left_foot_index",
    "right_foot_index",
    "pelvis",
};
}  // namespace

std::string_view joint_name(Joint joint) {
  return kJointNames[static_cast<std::size_t>(joint)];
}

std::optional<Joint> parse_joint(std::string_view name) {
  for (std::size_t i = 0; i < kJointCount; ++i) {
    if (kJointNames[i] == name) return static_cast<Joint>(i);
  }
  return std::nullopt;
}

std::string_view side_name(Side side) {
  switch (side) {
    case Side::kLeft: return "left";
    case Side::kRight: return "right";
    case Side::kNone: return "";
  }
  return "";
}

}  // namespace openpt::motion
