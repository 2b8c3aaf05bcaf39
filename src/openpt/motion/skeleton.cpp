#include "openpt/motion/skeleton.h"

#include <algorithm>
#include <set>

namespace openpt::motion {

namespace {

Skeleton make(std::string_view name, std::string_view description,
              std::vector<std::string_view> landmarks,
              std::vector<std::pair<Joint, std::string_view>> joints,
              std::vector<std::pair<std::string_view, std::string_view>> bones) {
  Skeleton s;
  s.name = name;
  s.description = description;
  s.landmark_names = std::move(landmarks);
  s.joint_landmark.fill(-1);
  for (auto [joint, landmark] : joints) {
    s.joint_landmark[static_cast<std::size_t>(joint)] = s.landmark_index(landmark);
  }
  for (auto [a, b] : bones) s.bones.emplace_back(s.landmark_index(a), s.landmark_index(b));
  return s;
}

// Landmarks whose name is also the canonical joint name map one to one.
std::vector<std::pair<Joint, std::string_view>> same_named_joints(
    const std::vector<std::string_view>& landmarks) {
  std::vector<std::pair<Joint, std::string_view>> out;
  for (auto name : landmarks) {
    if (auto joint = parse_joint(name)) out.emplace_back(*joint, name);
  }
  return out;
}

template <class... Extra>
std::vector<std::pair<Joint, std::string_view>> joints_with(
    const std::vector<std::string_view>& landmarks, Extra... extra) {
  auto out = same_named_joints(landmarks);
  (out.push_back(extra), ...);
  return out;
}

const std::vector<std::pair<std::string_view, std::string_view>> kLimbBones = {
    {"left_shoulder", "left_elbow"},   {"left_elbow", "left_wrist"},
    {"right_shoulder", "right_elbow"}, {"right_elbow", "right_wrist"},
    {"left_hip", "left_knee"},         {"left_knee", "left_ankle"},
    {"right_hip", "right_knee"},       {"right_knee", "right_ankle"},
};

std::vector<std::pair<std::string_view, std::string_view>> with_limbs(
    std::vector<std::pair<std::string_view, std::string_view>> extra) {
  extra.insert(extra.begin(), kLimbBones.begin(), kLimbBones.end());
  return extra;
}

}  // namespace

int Skeleton::landmark_index(std::string_view landmark_name) const {
  auto it = std::find(landmark_names.begin(), landmark_names.end(), landmark_name);
  return it == landmark_names.end() ? -1 : static_cast<int>(it - landmark_names.begin());
}

Error Skeleton::missing_joint_error(Joint joint, std::string_view needed_for) const {
  return Error{ErrorKind::kBadInput,
               std::string(needed_for) + " needs joint '" + std::string(joint_name(joint)) +
                   "', which skeleton '" + std::string(name) + "' does not have",
               {},
               "use a recording with that joint or choose another measure"};
}

const Skeleton& blazepose33() {
  static const Skeleton s = [] {
    std::vector<std::string_view> l = {
        "nose",        "left_eye_inner",  "left_eye",        "left_eye_outer", "right_eye_inner",
        "right_eye",   "right_eye_outer", "left_ear",        "right_ear",      "mouth_left",
        "mouth_right", "left_shoulder",   "right_shoulder",  "left_elbow",     "right_elbow",
        "left_wrist",  "right_wrist",     "left_pinky",      "right_pinky",    "left_index",
        "right_index", "left_thumb",      "right_thumb",     "left_hip",       "right_hip",
        "left_knee",   "right_knee",      "left_ankle",      "right_ankle",    "left_heel",
        "right_heel",  "left_foot_index", "right_foot_index"};
    return make("blazepose33", "MediaPipe BlazePose, 33 landmarks in MediaPipe order", l,
                same_named_joints(l),
                with_limbs({{"left_shoulder", "right_shoulder"},
                            {"left_hip", "right_hip"},
                            {"left_shoulder", "left_hip"},
                            {"right_shoulder", "right_hip"},
                            {"left_ankle", "left_heel"},
                            {"left_heel", "left_foot_index"},
                            {"left_ankle", "left_foot_index"},
                            {"right_ankle", "right_heel"},
                            {"right_heel", "right_foot_index"},
                            {"right_ankle", "right_foot_index"},
                            {"left_wrist", "left_index"},
                            {"right_wrist", "right_index"},
                            {"nose", "left_eye"},
                            {"nose", "right_eye"},
                            {"left_eye", "left_ear"},
                            {"right_eye", "right_ear"}}));
  }();
  return s;
}

const Skeleton& coco17() {
  static const Skeleton s = [] {
    std::vector<std::string_view> l = {
        "nose",           "left_eye",   "right_eye",   "left_ear",   "right_ear",   "left_shoulder",
        "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip",
        "right_hip",      "left_knee",  "right_knee",  "left_ankle", "right_ankle"};
    return make("coco17", "COCO keypoints, 17 landmarks (no feet)", l, same_named_joints(l),
                with_limbs({{"left_shoulder", "right_shoulder"},
                            {"left_hip", "right_hip"},
                            {"left_shoulder", "left_hip"},
                            {"right_shoulder", "right_hip"},
                            {"nose", "left_eye"},
                            {"nose", "right_eye"},
                            {"left_eye", "left_ear"},
                            {"right_eye", "right_ear"}}));
  }();
  return s;
}

const Skeleton& body25() {
  static const Skeleton s = [] {
    std::vector<std::string_view> l = {
        "nose",           "neck",        "right_shoulder", "right_elbow",     "right_wrist",
        "left_shoulder",  "left_elbow",  "left_wrist",     "mid_hip",         "right_hip",
        "right_knee",     "right_ankle", "left_hip",       "left_knee",       "left_ankle",
        "right_eye",      "left_eye",    "right_ear",      "left_ear",        "left_big_toe",
        "left_small_toe", "left_heel",   "right_big_toe",  "right_small_toe", "right_heel"};
    return make("body25", "OpenPose BODY_25, 25 landmarks", l,
                joints_with(l, std::pair{Joint::kLeftFootIndex, std::string_view("left_big_toe")},
                            std::pair{Joint::kRightFootIndex, std::string_view("right_big_toe")},
                            std::pair{Joint::kPelvis, std::string_view("mid_hip")}),
                with_limbs({{"neck", "right_shoulder"},
                            {"neck", "left_shoulder"},
                            {"neck", "mid_hip"},
                            {"mid_hip", "left_hip"},
                            {"mid_hip", "right_hip"},
                            {"left_ankle", "left_heel"},
                            {"left_ankle", "left_big_toe"},
                            {"right_ankle", "right_heel"},
                            {"right_ankle", "right_big_toe"},
                            {"neck", "nose"}}));
  }();
  return s;
}

const Skeleton& kinect_v2() {
  static const Skeleton s = [] {
    std::vector<std::string_view> l = {
        "spine_base",     "spine_mid",     "neck",       "head",           "left_shoulder",
        "left_elbow",     "left_wrist",    "left_hand",  "right_shoulder", "right_elbow",
        "right_wrist",    "right_hand",    "left_hip",   "left_knee",      "left_ankle",
        "left_foot",      "right_hip",     "right_knee", "right_ankle",    "right_foot",
        "spine_shoulder", "left_hand_tip", "left_thumb", "right_hand_tip", "right_thumb"};
    return make("kinect_v2", "Microsoft Kinect v2, 25 joints", l,
                joints_with(l, std::pair{Joint::kLeftFootIndex, std::string_view("left_foot")},
                            std::pair{Joint::kRightFootIndex, std::string_view("right_foot")},
                            std::pair{Joint::kPelvis, std::string_view("spine_base")}),
                with_limbs({{"spine_base", "spine_mid"},
                            {"spine_mid", "spine_shoulder"},
                            {"spine_shoulder", "neck"},
                            {"neck", "head"},
                            {"spine_shoulder", "left_shoulder"},
                            {"spine_shoulder", "right_shoulder"},
                            {"spine_base", "left_hip"},
                            {"spine_base", "right_hip"},
                            {"left_ankle", "left_foot"},
                            {"right_ankle", "right_foot"},
                            {"left_wrist", "left_hand"},
                            {"right_wrist", "right_hand"}}));
  }();
  return s;
}

const Skeleton& kinect22() {
  static const Skeleton s = [] {
    std::vector<std::string_view> l = {
        "waist",        "spine",          "chest",         "neck",        "head",
        "head_tip",     "left_collar",    "left_shoulder", "left_elbow",  "left_wrist",
        "right_collar", "right_shoulder", "right_elbow",   "right_wrist", "left_hip",
        "left_knee",    "left_ankle",     "left_toe",      "right_hip",   "right_knee",
        "right_ankle",  "right_toe"};
    return make("kinect22", "Kinect skeleton with 22 joints (UI-PRMD)", l,
                joints_with(l, std::pair{Joint::kLeftFootIndex, std::string_view("left_toe")},
                            std::pair{Joint::kRightFootIndex, std::string_view("right_toe")},
                            std::pair{Joint::kPelvis, std::string_view("waist")}),
                with_limbs({{"waist", "spine"},
                            {"spine", "chest"},
                            {"chest", "neck"},
                            {"neck", "head"},
                            {"head", "head_tip"},
                            {"chest", "left_collar"},
                            {"left_collar", "left_shoulder"},
                            {"chest", "right_collar"},
                            {"right_collar", "right_shoulder"},
                            {"waist", "left_hip"},
                            {"waist", "right_hip"},
                            {"left_ankle", "left_toe"},
                            {"right_ankle", "right_toe"}}));
  }();
  return s;
}

std::span<const Skeleton* const> all_skeletons() {
  static const std::array<const Skeleton*, 5> list = {&blazepose33(), &coco17(), &body25(),
                                                      &kinect_v2(), &kinect22()};
  return list;
}

Result<const Skeleton*> find_skeleton(std::string_view name) {
  std::string known;
  for (const Skeleton* s : all_skeletons()) {
    if (s->name == name) return s;
    known += (known.empty() ? "" : ", ") + std::string(s->name);
  }
  return bad_input("unknown skeleton '" + std::string(name) + "'", {}, "known skeletons: " + known);
}

const Skeleton* skeleton_with_names(std::span<const std::string> names) {
  const std::set<std::string_view> given(names.begin(), names.end());
  for (const Skeleton* s : all_skeletons()) {
    const std::set<std::string_view> expected(s->landmark_names.begin(), s->landmark_names.end());
    if (given == expected) return s;
  }
  return nullptr;
}

}  // namespace openpt::motion
