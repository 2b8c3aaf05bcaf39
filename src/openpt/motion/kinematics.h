// Kinematics: the joint angles clinicians use, per frame, from a PoseSequence.
//
// Every angle is defined in docs/kinematics.md (landmarks, plane, sign, neutral = 0°).
// With world coordinates the angles are 3D. Otherwise they are measured in the image
// plane: the camera view (front/back or side; stated in the metadata or options, else
// inferred from the body's proportions) decides which angles lie in that plane; angles
// outside it are either omitted (listed in `unavailable`) or marked `in_view_plane=false`.
// Landmarks below `min_visibility` are masked, gaps up to `max_gap_fill_s` are filled by
// linear interpolation, longer gaps are reported in `gaps` and stay NaN. Angles are then
// low-pass filtered without phase lag and differentiated to angular velocity.
//
//   auto k = compute_kinematics(sequence, {.lowpass_cutoff_hz = 6});
//   if (!k) return k.error();
//   const AngleSeries* knee = k->find({AngleId::kKneeFlexion, Side::kLeft});
//   KinematicsSummary s = summarize(*k);   // min, max, ROM, left–right asymmetry
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/motion/pose_sequence.h"

namespace openpt::motion {

struct LandmarkTracks;  // landmark_tracks.h

enum class AngleId {
  kKneeFlexion,
  kHipFlexion,
  kAnkleDorsiflexion,
  kElbowFlexion,
  kShoulderFlexion,
  kShoulderAbduction,
  kKneeFrontalProjection,  // knee frontal-plane projection angle: + valgus, − varus
  kTrunkFlexion,
  kTrunkLateralLean,
  kPelvicObliquity,
};

// Planar angles are not measured (NaN) when a segment's projection onto the plane is
// shorter than this fraction of its length (it lies within ~6° of the plane's normal).
inline constexpr double kMinProjectionFraction = 0.1;

// Hip flexion, shoulder flexion and shoulder abduction are reported in [−120°, 240°), so an
// arm raised overhead past 180° does not jump to −180°; knee flexion in [−90°, 270°); other
// angles in [−180°, 180°).
inline constexpr double kElevationLowerDeg = -120.0;
inline constexpr double kKneeFlexionLowerDeg = -90.0;
double range_lower_deg(AngleId id);

enum class AnglePlane { kSagittal, kFrontal, kSegment };  // kSegment: between two segments in 3D

struct AngleKey {
  AngleId id = AngleId::kKneeFlexion;
  Side side = Side::kNone;  // kNone for trunk and pelvis angles
  constexpr bool operator==(const AngleKey&) const = default;
};

struct AngleInfo {
  AngleKey key;
  std::string_view name;   // "left_knee_flexion", "trunk_flexion"
  std::string_view label;  // "Left knee flexion"
  AnglePlane plane;
  std::string_view positive;  // meaning of positive values, e.g. "flexion"
};

// All 17 angles in report order (bilateral angles left then right).
std::span<const AngleInfo> all_angles();
const AngleInfo& angle_info(AngleKey key);
std::optional<AngleKey> parse_angle_name(std::string_view name);

struct KinematicsOptions {
  double min_visibility = 0.5;             // landmarks reported less visible than this are masked
  double max_gap_fill_s = 0.25;            // gaps up to this long are interpolated
  double lowpass_cutoff_hz = 6.0;          // zero-phase low-pass on angles; 0 disables
  CameraView view = CameraView::kUnknown;  // overrides metadata; kUnknown = metadata/infer
  bool use_world = true;                   // use world coordinates when the sequence has them
  bool keep_tracks = false;                // keep the cleaned landmark tracks (for measures.h)
};

struct AngleSeries {
  AngleKey key;
  std::vector<double> deg;             // per frame; NaN where not measurable
  std::vector<double> velocity_deg_s;  // per frame
  bool in_view_plane = true;           // false: 2D projection of an angle outside the image plane
};

struct Gap {
  Joint joint = Joint::kNose;
  std::size_t first_frame = 0, last_frame = 0;  // inclusive
  double start_s = 0, end_s = 0;
  bool filled = false;  // true: interpolated; false: too long, left missing
};

struct UnavailableAngle {
  AngleKey key;
  std::string reason;
};

struct Kinematics {
  std::vector<double> t_s;
  bool is_3d = false;
  CameraView view = CameraView::kUnknown;  // for 2D: the view the angles assume
  bool view_inferred = false;
  bool view_assumed = false;  // for 2D: neither stated nor inferable, a default (see warnings)
  double sample_rate_hz = 0;
  double lowpass_cutoff_hz = 0;     // the cut-off actually applied; 0 = angles not filtered
  std::vector<AngleSeries> angles;  // in all_angles() order, available ones only
  std::vector<UnavailableAngle> unavailable;
  std::vector<Gap> gaps;
  std::vector<std::string> warnings;  // e.g. distorted per-frame normalisation
  // The cleaned landmarks the angles were measured from (options.keep_tracks), unfiltered.
  std::shared_ptr<const LandmarkTracks> tracks;

  [[nodiscard]] const AngleSeries* find(AngleKey key) const;
  // The series, or an error saying why it is unavailable (missing joint, view, ...), naming
  // the angle as in reports and exercise files ("left_hip_flexion is not measurable ...").
  [[nodiscard]] Result<const AngleSeries*> require(AngleKey key) const;
};

Result<Kinematics> compute_kinematics(const PoseSequence& sequence,
                                      const KinematicsOptions& options = {});

// Points of one frame in a right-handed metric-like frame with `up` the unit up vector.
// NaN components mark absent joints. Used by compute_kinematics and directly by tests.
struct BodyPoints {
  std::array<Vec3, kJointCount> at;
  Vec3 up{0, 1, 0};
  // Mediolateral axis (towards the subject's left) when it cannot come from the hips, as in
  // a 2D side view where it is perpendicular to the image; NaN = use the hip line.
  Vec3 mediolateral_override{NAN, NAN, NAN};
};

// All angles of one frame, indexed like all_angles(); NaN where not measurable.
std::array<double, 17> frame_angles(const BodyPoints& points);

struct AngleSummary {
  AngleKey key;
  double min_deg = NAN, max_deg = NAN, rom_deg = NAN, mean_deg = NAN;
  std::size_t valid_frames = 0;
};

struct Asymmetry {
  AngleId id;
  double left_rom_deg = NAN, right_rom_deg = NAN;
  double difference_deg = NAN;  // left − right ROM
  double index_pct = NAN;       // |L − R| / max(L, R) × 100
};

struct KinematicsSummary {
  std::vector<AngleSummary> angles;
  std::vector<Asymmetry> asymmetries;
};

KinematicsSummary summarize(const Kinematics& kinematics);

}  // namespace openpt::motion
