// Landmark tracks: the cleaned per-joint trajectories kinematics measures angles from.
//
// `build_tracks` pulls the canonical joints out of a PoseSequence — world coordinates, or
// image coordinates embedded in 3D as (x·width, y·height, 0) with up = −y — masks
// low-visibility landmarks and undetected frames, fills short gaps by linear
// interpolation and reports the rest. `estimate_view` decides, for 2D recordings, whether
// the camera sees the subject from the front/back or the side, and which way a side-view
// subject faces. Definitions: docs/kinematics.md.
//
//   std::vector<std::string> warnings;
//   LandmarkTracks t = build_tracks(seq, /*use_world=*/false, {}, warnings);
//   ViewEstimate v = estimate_view(t, seq.metadata.view, CameraView::kUnknown);
#pragma once

#include <array>
#include <string>
#include <vector>

#include "openpt/motion/kinematics.h"

namespace openpt::motion {

struct TrackOptions {
  double min_visibility = 0.5;
  double max_gap_fill_s = 0.25;
};

struct LandmarkTracks {
  std::array<std::vector<Vec3>, kJointCount> points;  // per joint, per frame; empty if absent
  Vec3 up{0, 1, 0};
  std::vector<Gap> gaps;  // for the joints the angles use
  // For 2D side views: the mediolateral axis (perpendicular to the image), set by
  // compute_kinematics from the view estimate; NaN = from the hip line.
  Vec3 mediolateral_override{NAN, NAN, NAN};
};

LandmarkTracks build_tracks(const PoseSequence& sequence, bool use_world,
                            const TrackOptions& options, std::vector<std::string>& warnings);

// Linear interpolation over NaN runs of `track` that are bounded on both sides and last at
// most max_gap_s (the missing time: span between the valid neighbours minus one
// `frame_interval_s`); every NaN run is appended to `gaps` (filled or not).
void fill_gaps(std::vector<Vec3>& track, const std::vector<double>& t_s, double frame_interval_s,
               double max_gap_s, Joint joint, std::vector<Gap>& gaps);

struct ViewEstimate {
  CameraView view = CameraView::kFront;
  bool inferred = false;
  bool assumed = false;  // neither stated nor inferable: a default (warnings say which)
  Vec3 mediolateral_override{NAN, NAN, NAN};  // set for side views
  std::vector<std::string> warnings;
};

// Side views face image-right unless the toes, heels and nose say otherwise.
// `proportions_lost`: per-frame normalised coordinates, whose width/trunk ratio means
// nothing; a side view is assumed unless the view is given.
ViewEstimate estimate_view(const LandmarkTracks& tracks, CameraView from_metadata,
                           CameraView from_options, bool proportions_lost = false);

}  // namespace openpt::motion
