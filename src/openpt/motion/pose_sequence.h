// PoseSequence: a recorded movement as landmarks over time — the input of all motion
// analysis, produced by the keypoint readers (pose_io.h), the simulator and the vision
// module.
//
// Per frame: a timestamp, whether a person was detected, and per landmark of the skeleton
// image coordinates (normalised to [0,1] or pixels of an image of known size) with optional
// depth, visibility and presence, and optionally 3D world coordinates in metres. Storage is
// flat (frame-major, `frame * landmark_count + landmark`) so long recordings stay compact
// and fast to scan. Missing values are NaN: a NaN x means the landmark is absent in that
// frame; a NaN visibility means the source did not report one (treated as visible).
//
//   PoseSequence seq = make_pose_sequence(blazepose33(), n_frames, {.has_world = true});
//   seq.t_s[i] = i / 30.0;
//   seq.image_at(i, 25) = {0.51f, 0.62f, NAN, 0.98f, 0.99f};
//   seq.world_at(i, 25) = {0.09, 0.41, -0.02};
//   if (auto ok = validate(seq, "squat.json"); !ok) report(ok.error());
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/core/geometry.h"
#include "openpt/motion/skeleton.h"

namespace openpt::motion {

struct Landmark {
  float x = NAN, y = NAN;  // image coordinates: normalised [0,1] or pixels (see ImageSpace)
  float z = NAN;           // depth in the units of x, smaller = nearer the camera; NaN if none
  float visibility = NAN;  // probability the landmark is visible, [0,1]; NaN if not reported
  float presence = NAN;    // probability the landmark is in the frame, [0,1]; NaN if none

  [[nodiscard]] bool present() const { return std::isfinite(x) && std::isfinite(y); }
};

enum class CameraView { kUnknown, kFront, kSide, kBack };
std::string_view camera_view_name(CameraView view);  // "unknown", "front", "side", "back"
Result<CameraView> parse_camera_view(std::string_view name);

enum class ImageUnits { kNormalized, kPixels };

struct ImageSpace {
  ImageUnits units = ImageUnits::kNormalized;
  int width_px = 0;  // image size; 0 when unknown
  int height_px = 0;
  // Normalised coordinates whose per-frame scale is not the image (e.g. min–max normalised
  // per axis): angles from them are distorted and reported as such.
  bool per_frame_normalized = false;
};

struct PoseMetadata {
  std::string source;  // the file or device it came from
  std::string format;  // reader that produced it, e.g. "openpt-json", "npy"
  double fps = 0;      // nominal frame rate; 0 when unknown
  CameraView view = CameraView::kUnknown;
};

struct PoseSequence {
  const Skeleton* skeleton = &blazepose33();
  PoseMetadata metadata;
  ImageSpace image_space;
  bool has_image = true;    // image landmarks present
  bool has_world = false;   // world landmarks (metres) present
  Vec3 world_up{0, -1, 0};  // unit "up" direction of the world frame (BlazePose: −y)

  std::vector<double> t_s;             // per frame, strictly increasing
  std::vector<std::uint8_t> detected;  // per frame, 1 when a person was found
  std::vector<Landmark> image;         // frame-major, frame_count × landmark_count
  std::vector<Vec3> world;             // frame-major, or empty

  [[nodiscard]] std::size_t frame_count() const { return t_s.size(); }
  [[nodiscard]] std::size_t landmark_count() const { return skeleton->landmark_count(); }
  [[nodiscard]] double duration_s() const { return t_s.empty() ? 0 : t_s.back() - t_s.front(); }

  Landmark& image_at(std::size_t frame, std::size_t landmark) {
    return image[frame * landmark_count() + landmark];
  }
  [[nodiscard]] const Landmark& image_at(std::size_t frame, std::size_t landmark) const {
    return image[frame * landmark_count() + landmark];
  }
  Vec3& world_at(std::size_t frame, std::size_t landmark) {
    return world[frame * landmark_count() + landmark];
  }
  [[nodiscard]] const Vec3& world_at(std::size_t frame, std::size_t landmark) const {
    return world[frame * landmark_count() + landmark];
  }
};

// Whether a person was detected in at least one frame.
bool any_person_detected(const PoseSequence& sequence);

// The frames without a person, and the longest run of them.
struct UndetectedFrames {
  std::size_t count = 0;
  std::size_t longest_first = 0, longest_frames = 0;  // the longest run: first frame, length
};
UndetectedFrames undetected_frames(const PoseSequence& sequence);

// Frames [first, last) of `sequence` (both clamped to its length), with its skeleton,
// metadata and coordinate spaces: a recording cut in time.
PoseSequence slice_frames(const PoseSequence& sequence, std::size_t first, std::size_t last);

struct PoseShape {
  bool has_image = true;
  bool has_world = false;
};

// An empty-valued sequence of n frames (all landmarks NaN, detected = 1, t_s = 0).
PoseSequence make_pose_sequence(const Skeleton& skeleton, std::size_t frame_count,
                                PoseShape shape = {});

// Plausible frame intervals: 10 s (0.1 fps) to 0.1 ms (10 kHz).
inline constexpr double kMaxFrameInterval_s = 10.0;
inline constexpr double kMinFrameInterval_s = 1e-4;

// A recording may have no frames (a clip in which no pose was extracted): analyses report
// that instead of failing. Checks sizes, strictly increasing finite timestamps, finite-or-NaN
// (never infinite) coordinates and visibility in [0,1]. Errors name `where` and the frame.
Result<void> validate(const PoseSequence& sequence, const std::string& where);

}  // namespace openpt::motion
