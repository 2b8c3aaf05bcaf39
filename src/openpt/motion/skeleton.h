// Skeleton definitions: the landmark sets of the pose sources OpenPT reads.
//
// A Skeleton lists its landmarks in file order (snake_case names), maps them onto the
// canonical joints of joints.h, and gives the bones used for drawing. Built in:
// `blazepose33` (MediaPipe names and order), `coco17`, `body25` (OpenPose), `kinect_v2`
// (25 joints) and `kinect22` (the 22-joint skeleton of UI-PRMD). Skeletons are immutable
// singletons; compare them by pointer.
//
//   const Skeleton& s = blazepose33();
//   int knee = s.landmark_of(Joint::kLeftKnee);        // 25
//   auto k = find_skeleton("kinect22");                // Result<const Skeleton*>
//   const Skeleton* m = skeleton_with_names(columns);  // nullptr when none matches
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/motion/joints.h"

namespace openpt::motion {

struct Skeleton {
  std::string_view name;         // identifier used in files and flags, e.g. "blazepose33"
  std::string_view description;  // one line for docs and --help
  std::vector<std::string_view> landmark_names;
  std::array<int, kJointCount> joint_landmark{};  // landmark index per Joint, −1 if absent
  std::vector<std::pair<int, int>> bones;         // landmark index pairs, for drawing

  [[nodiscard]] std::size_t landmark_count() const { return landmark_names.size(); }
  [[nodiscard]] int landmark_of(Joint joint) const {
    return joint_landmark[static_cast<std::size_t>(joint)];
  }
  [[nodiscard]] bool has(Joint joint) const { return landmark_of(joint) >= 0; }
  // Index of a landmark by its name in this skeleton, −1 if absent.
  [[nodiscard]] int landmark_index(std::string_view landmark_name) const;
  // Error naming the joint and the skeleton, for analyses that need an absent joint.
  [[nodiscard]] Error missing_joint_error(Joint joint, std::string_view needed_for) const;
};

const Skeleton& blazepose33();
const Skeleton& coco17();
const Skeleton& body25();
const Skeleton& kinect_v2();
const Skeleton& kinect22();

std::span<const Skeleton* const> all_skeletons();

// Looks a skeleton up by name; the error lists the known names.
Result<const Skeleton*> find_skeleton(std::string_view name);

// The skeleton whose landmark names are exactly `names` (in any order), or nullptr.
const Skeleton* skeleton_with_names(std::span<const std::string> names);

}  // namespace openpt::motion
