#include "openpt/motion/measures.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "openpt/core/filters.h"
#include "openpt/core/time_series.h"
#include "openpt/motion/body_frame.h"
#include "openpt/motion/landmark_tracks.h"

namespace openpt::motion {

namespace {

constexpr std::array<MeasureInfo, 21> kFrameMeasures = {{
    {"knee_flexion", "°", true, "knee flexion, 0 = straight"},
    {"hip_flexion", "°", true, "hip flexion from the trunk line"},
    {"ankle_dorsiflexion", "°", true, "ankle dorsiflexion, − plantarflexion"},
    {"elbow_flexion", "°", true, "elbow flexion, 0 = straight"},
    {"shoulder_flexion", "°", true, "arm elevation in the sagittal plane"},
    {"shoulder_abduction", "°", true, "arm elevation in the frontal plane"},
    {"knee_frontal_projection", "°", true, "knee frontal-plane projection angle, + valgus"},
    {"trunk_flexion", "°", false, "trunk forward lean from vertical, − backward"},
    {"trunk_lateral_lean", "°", false, "trunk sideways lean, + towards the right"},
    {"pelvic_obliquity", "°", false, "+ left hip higher"},
    {"hip_abduction", "°", true, "thigh away from the trunk's midline in the frontal plane"},
    {"shoulder_rotation", "°", true, "forearm about the upper-arm axis from forward, + external"},
    {"shoulder_elevation", "% trunk", true, "shoulder height above mid-hip"},
    {"heel_height", "% leg", true, "heel (or ankle) height above the toe"},
    {"pelvic_drop", "°", true, "that side's hip lower than the other"},
    {"wrist_height", "% trunk", true, "wrist height above the shoulder"},
    {"pelvis_height", "% leg", false, "mid-hip height above the mid-ankle"},
    {"hip_above_knee", "% trunk", true, "hip height above the knee, 0 = thigh level"},
    {"com_lateral", "% leg", false, "centre of mass sideways from the mid-ankle, + left"},
    {"com_forward", "% leg", false, "centre of mass ahead of the mid-ankle"},
    {"knee_separation", "%", false, "knee separation as a share of ankle separation"},
}};

constexpr std::array<RepMeasureInfo, 6> kRepMeasures = {{
    {"rom", "°", true, "range of the driving measure in the repetition"},
    {"duration_s", "s", false, "start to end"},
    {"outward_s", "s", false, "start to turning point"},
    {"return_s", "s", false, "turning point to end"},
    {"rom_asymmetry", "%", false, "|L − R| / max(L, R) of the driving measure's range"},
    {"timing_asymmetry", "%", false, "|turn time L − turn time R| / rep duration"},
}};

Joint sided(Side side, Joint left, Joint right) {
  return side == Side::kRight ? right : left;
}

std::string cache_key(std::string_view name, Side side) {
  return fmt::format("{}/{}", name, static_cast<int>(side));
}

// Winter (2009), table 4.1: segment mass fractions of body mass.
struct Segment {
  Joint proximal, distal;
  double mass;
  double com_from_proximal;
};
constexpr std::array<Segment, 10> kSegments = {{
    {Joint::kLeftShoulder, Joint::kLeftElbow, 0.028, 0.436},
    {Joint::kRightShoulder, Joint::kRightElbow, 0.028, 0.436},
    {Joint::kLeftElbow, Joint::kLeftWrist, 0.022, 0.682},  // forearm and hand
    {Joint::kRightElbow, Joint::kRightWrist, 0.022, 0.682},
    {Joint::kLeftHip, Joint::kLeftKnee, 0.100, 0.433},
    {Joint::kRightHip, Joint::kRightKnee, 0.100, 0.433},
    {Joint::kLeftKnee, Joint::kLeftAnkle, 0.0465, 0.433},
    {Joint::kRightKnee, Joint::kRightAnkle, 0.0465, 0.433},
    {Joint::kLeftAnkle, Joint::kLeftFootIndex, 0.0145, 0.5},
    {Joint::kRightAnkle, Joint::kRightFootIndex, 0.0145, 0.5},
}};
constexpr double kHeadTrunkMass = 0.578;  // head, neck and trunk, at ~mid trunk (0.66 up)

class Derived {
 public:
  // `leg_cache` and `trunk_cache` keep the body lengths between measures (NaN = unknown).
  Derived(const Kinematics& k, const LandmarkTracks& t, double& leg_cache, double& trunk_cache)
      : k_(k), t_(t), leg_cache_(leg_cache), trunk_cache_(trunk_cache) {
    for (std::size_t j = 0; j < kJointCount; ++j) {
      track_[j] = t.points[j].empty() ? nullptr : t.points[j].data();
    }
  }

  [[nodiscard]] std::size_t frames() const { return k_.t_s.size(); }

  [[nodiscard]] Vec3 at(Joint j, std::size_t f) const {
    const Vec3* track = track_[static_cast<std::size_t>(j)];
    return track == nullptr ? Vec3{NAN, NAN, NAN} : track[f];
  }
  [[nodiscard]] bool has(Joint j) const { return track_[static_cast<std::size_t>(j)] != nullptr; }

  [[nodiscard]] BodyFrame frame(std::size_t f) const {
    return make_body_frame(TrunkPoints{at(Joint::kLeftHip, f), at(Joint::kRightHip, f),
                                       at(Joint::kLeftShoulder, f), at(Joint::kRightShoulder, f)},
                           t_.up, t_.mediolateral_override);
  }

  // Median over frames of a length (leg or trunk), the body's own scale; long recordings
  // use at most ~kScaleSamples evenly spaced frames, plenty for a median.
  static constexpr std::size_t kScaleSamples = 5000;
  template <typename F>
  [[nodiscard]] double median_length(F length) const {
    std::vector<double> values;
    const std::size_t stride = std::max<std::size_t>(1, frames() / kScaleSamples);
    values.reserve(frames() / stride + 1);
    for (std::size_t f = 0; f < frames(); f += stride) {
      const double v = length(f);
      if (std::isfinite(v) && v > 0) values.push_back(v);
    }
    return values.empty() ? NAN : median(values);
  }

  [[nodiscard]] double leg_length() const {
    if (std::isnan(leg_cache_)) leg_cache_ = compute_leg_length();
    return leg_cache_;
  }

  [[nodiscard]] double trunk_length() const {
    if (std::isnan(trunk_cache_)) trunk_cache_ = compute_trunk_length();
    return trunk_cache_;
  }

  [[nodiscard]] double compute_leg_length() const {
    return median_length([&](std::size_t f) {
      double sum = 0;
      int n = 0;
      for (Side s : {Side::kLeft, Side::kRight}) {
        const double l = norm(at(sided(s, Joint::kLeftKnee, Joint::kRightKnee), f) -
                              at(sided(s, Joint::kLeftHip, Joint::kRightHip), f)) +
                         norm(at(sided(s, Joint::kLeftAnkle, Joint::kRightAnkle), f) -
                              at(sided(s, Joint::kLeftKnee, Joint::kRightKnee), f));
        if (std::isfinite(l)) {
          sum += l;
          ++n;
        }
      }
      return n > 0 ? sum / n : NAN;
    });
  }

  [[nodiscard]] double compute_trunk_length() const {
    return median_length([&](std::size_t f) {
      return norm(midpoint(at(Joint::kLeftShoulder, f), at(Joint::kRightShoulder, f)) -
                  midpoint(at(Joint::kLeftHip, f), at(Joint::kRightHip, f)));
    });
  }

  [[nodiscard]] Vec3 centre_of_mass(std::size_t f) const {
    Vec3 sum{0, 0, 0};
    double mass = 0;
    for (const Segment& seg : kSegments) {
      const Vec3 a = at(seg.proximal, f), b = at(seg.distal, f);
      if (!is_finite(a) || !is_finite(b)) continue;
      sum = sum + (a + (b - a) * seg.com_from_proximal) * seg.mass;
      mass += seg.mass;
    }
    const Vec3 hip = midpoint(at(Joint::kLeftHip, f), at(Joint::kRightHip, f));
    const Vec3 shoulder = midpoint(at(Joint::kLeftShoulder, f), at(Joint::kRightShoulder, f));
    if (is_finite(hip) && is_finite(shoulder)) {
      sum = sum + (hip + (shoulder - hip) * 0.66) * kHeadTrunkMass;
      mass += kHeadTrunkMass;
    } else {
      return {NAN, NAN, NAN};  // without the trunk (58 % of the mass) there is no estimate
    }
    return sum * (1.0 / mass);
  }

  // Centre of the feet: mean of the ankles, heels and toes that are present.
  [[nodiscard]] Vec3 base_of_support(std::size_t f) const {
    Vec3 sum{0, 0, 0};
    int n = 0;
    for (Joint j : kFootJoints) {
      const Vec3 p = at(j, f);
      if (is_finite(p)) {
        sum = sum + p;
        ++n;
      }
    }
    // Both feet must be seen, else the centre jumps when one foot is lost.
    if (!is_finite(at(Joint::kLeftAnkle, f)) || !is_finite(at(Joint::kRightAnkle, f))) {
      return {NAN, NAN, NAN};
    }
    return sum * (1.0 / n);
  }

  // centre_of_mass(f) − base_of_support(f) for every frame. Both are fixed weighted sums of
  // joints when every joint is present (the common case), so they are accumulated one joint
  // track at a time, a sequential pass over memory; frames missing a joint (NaN there) fall
  // back to the per-frame versions.
  [[nodiscard]] std::vector<Vec3> com_over_base() const {
    const std::size_t n = frames();
    std::vector<Vec3> out(n, Vec3{0, 0, 0});
    bool all_tracks = true;
    const auto add = [&](Joint j, double weight) {
      const Vec3* track = track_[static_cast<std::size_t>(j)];
      if (track == nullptr) {
        all_tracks = false;
        return;
      }
      for (std::size_t f = 0; f < n; ++f) out[f] = out[f] + track[f] * weight;
    };
    double total = kHeadTrunkMass;
    for (const Segment& seg : kSegments) total += seg.mass;
    for (const Segment& seg : kSegments) {
      add(seg.proximal, seg.mass * (1 - seg.com_from_proximal) / total);
      add(seg.distal, seg.mass * seg.com_from_proximal / total);
    }
    // The head-neck-trunk mass 0.66 of the way from mid-hip to mid-shoulder.
    for (Joint hip : {Joint::kLeftHip, Joint::kRightHip})
      add(hip, 0.5 * 0.34 * kHeadTrunkMass / total);
    for (Joint shoulder : {Joint::kLeftShoulder, Joint::kRightShoulder}) {
      add(shoulder, 0.5 * 0.66 * kHeadTrunkMass / total);
    }
    for (Joint j : kFootJoints) add(j, -1.0 / static_cast<double>(kFootJoints.size()));
    for (std::size_t f = 0; f < n; ++f) {
      if (!all_tracks || !is_finite(out[f])) out[f] = centre_of_mass(f) - base_of_support(f);
    }
    return out;
  }

 private:
  static constexpr std::array<Joint, 6> kFootJoints = {
      Joint::kLeftAnkle, Joint::kRightAnkle,    Joint::kLeftHeel,
      Joint::kRightHeel, Joint::kLeftFootIndex, Joint::kRightFootIndex};

  const Kinematics& k_;
  const LandmarkTracks& t_;
  std::array<const Vec3*, kJointCount> track_{};  // per joint, per frame; null if absent
  double& leg_cache_;
  double& trunk_cache_;
};

constexpr double kHipAbductionMinProjection = 0.5;
// Feet closer than this (share of leg length) leave the knee-to-ankle ratio undefined.
constexpr double kMinAnkleSeparation = 0.1;

bool needs_3d(std::string_view name) {
  return name == "shoulder_rotation";
}
bool frontal(std::string_view name) {
  return name == "hip_abduction" || name == "com_lateral" || name == "knee_separation";
}
bool sagittal(std::string_view name) {
  return name == "com_forward";
}

std::vector<double> compute_derived(std::string_view name, Side side, const Derived& d,
                                    const Vec3& up) {
  const std::size_t n = d.frames();
  std::vector<double> out(n, NAN);
  const auto joint = [&](Joint left, Joint right) { return sided(side, left, right); };
  if (name == "shoulder_elevation" || name == "wrist_height") {
    const double scale = d.trunk_length();
    const Joint shoulder = joint(Joint::kLeftShoulder, Joint::kRightShoulder);
    for (std::size_t f = 0; f < n; ++f) {
      const Vec3 base = name == "wrist_height"
                            ? d.at(shoulder, f)
                            : midpoint(d.at(Joint::kLeftHip, f), d.at(Joint::kRightHip, f));
      const Vec3 point = name == "wrist_height"
                             ? d.at(joint(Joint::kLeftWrist, Joint::kRightWrist), f)
                             : d.at(shoulder, f);
      out[f] = 100.0 * dot(point - base, up) / scale;
    }
  } else if (name == "heel_height") {
    const double scale = d.leg_length();
    const Joint heel = joint(Joint::kLeftHeel, Joint::kRightHeel);
    const Joint toe = joint(Joint::kLeftFootIndex, Joint::kRightFootIndex);
    for (std::size_t f = 0; f < n; ++f) {
      out[f] = 100.0 * dot(d.at(heel, f) - d.at(toe, f), up) / scale;
    }
  } else if (name == "hip_above_knee") {
    // The thigh's height: it shrinks as the thigh comes level in a squat, in any view and
    // without the feet (which pelvis_height needs); 0 is the squat's "thighs parallel".
    const double scale = d.trunk_length();
    const Joint hip = joint(Joint::kLeftHip, Joint::kRightHip);
    const Joint knee = joint(Joint::kLeftKnee, Joint::kRightKnee);
    for (std::size_t f = 0; f < n; ++f) {
      out[f] = 100.0 * dot(d.at(hip, f) - d.at(knee, f), up) / scale;
    }
  } else if (name == "pelvis_height") {
    const double scale = d.leg_length();
    for (std::size_t f = 0; f < n; ++f) {
      const Vec3 hip = midpoint(d.at(Joint::kLeftHip, f), d.at(Joint::kRightHip, f));
      const Vec3 ankle = midpoint(d.at(Joint::kLeftAnkle, f), d.at(Joint::kRightAnkle, f));
      out[f] = 100.0 * dot(hip - ankle, up) / scale;
    }
  } else if (name == "com_lateral" || name == "com_forward") {
    const double scale = d.leg_length();
    const bool lateral = name == "com_lateral";
    const std::vector<Vec3> com = d.com_over_base();
    for (std::size_t f = 0; f < n; ++f) {
      const BodyFrame frame = d.frame(f);
      const Vec3 axis = lateral ? frame.mediolateral : frame.anterior;
      out[f] = 100.0 * dot(com[f], axis) / scale;
    }
  } else if (name == "knee_separation") {
    // Knee-to-ankle separation ratio (Noyes et al. 2005; Mizner et al. 2012): knees drawn
    // together while the feet stay apart is the frontal-plane picture of dynamic valgus.
    const double min_ankles = kMinAnkleSeparation * d.leg_length();
    for (std::size_t f = 0; f < n; ++f) {
      const Vec3 lateral = d.frame(f).mediolateral;
      const double knees = dot(d.at(Joint::kLeftKnee, f) - d.at(Joint::kRightKnee, f), lateral);
      const double ankles = dot(d.at(Joint::kLeftAnkle, f) - d.at(Joint::kRightAnkle, f), lateral);
      if (ankles > min_ankles) out[f] = 100.0 * knees / ankles;
    }
  } else if (name == "hip_abduction") {
    const Joint hip = joint(Joint::kLeftHip, Joint::kRightHip);
    const Joint knee = joint(Joint::kLeftKnee, Joint::kRightKnee);
    const double outward = side == Side::kRight ? -1.0 : 1.0;
    for (std::size_t f = 0; f < n; ++f) {
      const BodyFrame frame = d.frame(f);
      const Vec3 thigh = project_onto_plane(d.at(knee, f) - d.at(hip, f), frame.anterior);
      const Vec3 down = project_onto_plane(frame.trunk * -1.0, frame.anterior);
      // With the hip flexed the thigh's frontal projection shrinks and the angle flips past
      // 90°: measured only while the projection keeps half the thigh's length.
      if (norm(thigh) < kHipAbductionMinProjection * norm(d.at(knee, f) - d.at(hip, f))) continue;
      const double lateral = dot(thigh, frame.mediolateral) * outward;
      const double along = dot(thigh, normalized(down));
      const double across = norm(project_onto_plane(thigh, normalized(down)));
      out[f] = std::atan2(lateral >= 0 ? across : -across, along) * kRadToDeg;
    }
  } else if (name == "shoulder_rotation") {
    const Joint shoulder = joint(Joint::kLeftShoulder, Joint::kRightShoulder);
    const Joint elbow = joint(Joint::kLeftElbow, Joint::kRightElbow);
    const Joint wrist = joint(Joint::kLeftWrist, Joint::kRightWrist);
    const double sign = side == Side::kRight ? 1.0 : -1.0;
    for (std::size_t f = 0; f < n; ++f) {
      const Vec3 upper = normalized(d.at(elbow, f) - d.at(shoulder, f));
      const Vec3 forearm = d.at(wrist, f) - d.at(elbow, f);
      const Vec3 forearm_p = project_onto_plane(forearm, upper);
      const Vec3 forward_p = project_onto_plane(d.frame(f).anterior, upper);
      // Undefined with the elbow nearly straight or the upper arm pointing forward.
      if (norm(forearm_p) < 0.5 * norm(forearm) || norm(forward_p) < 0.3) continue;
      out[f] = sign * signed_angle_in_plane_deg(forward_p, forearm_p, upper);
    }
  }
  return out;
}

}  // namespace

std::span<const MeasureInfo> frame_measures() {
  return kFrameMeasures;
}

const MeasureInfo* find_frame_measure(std::string_view name) {
  for (const auto& m : kFrameMeasures) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

std::span<const RepMeasureInfo> rep_measures() {
  return kRepMeasures;
}

const RepMeasureInfo* find_rep_measure(std::string_view name) {
  for (const auto& m : kRepMeasures) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

MeasureSet::MeasureSet(const Kinematics& kinematics) : kinematics_(kinematics) {}

Result<const std::vector<double>*> MeasureSet::series(std::string_view name, Side side) {
  const MeasureInfo* info = find_frame_measure(name);
  if (info == nullptr) {
    return bad_input(fmt::format("unknown measure '{}'", name), {},
                     "the measures are listed in docs/exercises.md");
  }
  if (info->bilateral != (side != Side::kNone)) {
    return bad_input(
        fmt::format("measure '{}' {}", name, info->bilateral ? "needs a side" : "has no side"));
  }
  // Joint angles come straight from the kinematics.
  const std::string side_prefix =
      side == Side::kLeft ? "left_" : (side == Side::kRight ? "right_" : "");
  if (auto key = parse_angle_name(side_prefix + std::string(name))) {
    auto s = kinematics_.require(*key);
    if (!s) return tl::unexpected(s.error());
    const std::vector<double>& deg = (*s)->deg;
    if (std::none_of(deg.begin(), deg.end(), [](double x) { return std::isfinite(x); })) {
      return bad_input(
          fmt::format("{}{} is not available: the landmarks it needs are missing in "
                      "every frame",
                      side_prefix, name));
    }
    return &deg;
  }
  const std::string key = cache_key(name, side);
  if (auto it = cache_.find(key); it != cache_.end()) return &it->second;
  if (auto it = failures_.find(key); it != failures_.end()) return tl::unexpected(it->second);

  const auto fail = [&](std::string why) -> Result<const std::vector<double>*> {
    Error e{ErrorKind::kBadInput,
            fmt::format("{}{} is not available: {}", side_prefix, name, why),
            {},
            {}};
    failures_.emplace(key, e);
    return tl::unexpected(e);
  };
  if (name == "pelvic_drop") {
    auto s = kinematics_.require({AngleId::kPelvicObliquity, Side::kNone});
    if (!s) return fail(s.error().message);
    std::vector<double> v = (*s)->deg;
    if (side == Side::kLeft) {
      for (double& x : v) x = -x;
    }
    return &cache_.emplace(key, std::move(v)).first->second;
  }
  if (!kinematics_.tracks) return fail("the landmark tracks were not kept");
  if (!kinematics_.is_3d) {
    if (needs_3d(name)) return fail("it needs 3D (world) coordinates");
    const bool side_view = kinematics_.view == CameraView::kSide;
    if (frontal(name) && side_view) return fail("it is not measurable in 2D from a side view");
    if (sagittal(name) && !side_view) {
      return fail(fmt::format("it is not measurable in 2D from a {} view",
                              camera_view_name(kinematics_.view)));
    }
  }
  const Derived derived(kinematics_, *kinematics_.tracks, leg_length_, trunk_length_);
  // The ankle rises with the shank in every squat: only a heel landmark shows heel lift.
  if (name == "heel_height" && !derived.has(Joint::kLeftHeel)) {
    return fail("the skeleton has no heel landmark");
  }
  std::vector<double> v = compute_derived(name, side, derived, kinematics_.tracks->up);
  if (std::none_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); })) {
    return fail("the landmarks it needs are missing in every frame");
  }
  if (kinematics_.lowpass_cutoff_hz > 0) {
    v = lowpass_zero_phase(v, kinematics_.sample_rate_hz, kinematics_.lowpass_cutoff_hz);
  }
  return &cache_.emplace(key, std::move(v)).first->second;
}

}  // namespace openpt::motion
