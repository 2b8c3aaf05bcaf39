// Movement report: the result of analysing one recording, rendered as text, JSON or HTML.
//
// `AnalysisReport` gathers what `openpt analyze` found (source, exercise, kinematics and
// their summary). Renderers: a readable text table, JSON with "schema":
// "openpt.assessment/1" (documented in docs/formats.md; it grows with reps and form
// findings), and one self-contained HTML file with SVG angle–time plots and the summary.
// Pass the KinematicsOptions the kinematics were computed with, so the report states the
// filter and masking settings it was made with.
//
// A report made from a video (openpt assess) can carry key frames: the frame at each
// repetition's turning point with the pose drawn on it and that rep's findings. plan_key_frames
// picks them and fills in everything but the picture, which the caller reads from the video
// (vision/key_frames.h) — motion knows nothing about images.
//
//   AnalysisReport r = make_report(sequence, kinematics, "squat", options);
//   r.key_frames = plan_key_frames(r, sequence);  // then set each jpeg_base64
//   std::string text = render_text(r);
//   nlohmann::ordered_json j = to_json(r);
//   std::string html = render_html(r);
#pragma once

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "openpt/core/printable.h"
#include "openpt/core/version.h"
#include "openpt/motion/assessment.h"
#include "openpt/motion/kinematics.h"
#include "openpt/motion/pose_sequence.h"

namespace openpt::motion {

inline constexpr std::string_view kAssessmentSchema = "openpt.assessment/1";

// A landmark of a key frame, as drawn.
struct KeyFramePoint {
  double x = NAN, y = NAN;        // fractions of the frame's width and height (0..1 inside)
  Side side = Side::kNone;        // for the colour
  bool faint = false;             // less visible than the analysis's min_visibility
  std::optional<Severity> focus;  // a joint a finding of this frame names, and how bad
};

struct KeyFrame {
  std::size_t frame = 0;  // index in the recording (and the video)
  double t_s = 0;
  int rep = 0;               // the repetition's number; 0 when not counted or no repetition
  bool not_counted = false;  // a repetition not counted: partial or outside the position
  std::string title;   // "Rep 2 · 3.40 s", "Partial repetition · 5.10 s", "Not counted · 6.20 s"
  std::string status;  // the rep's classification ("mild compensation"), or empty
  std::string status_key;             // detail::classification_key ("mild"), or empty
  std::vector<std::string> findings;  // "Knee valgus (left) 18°, significant"
  // landmarks.size() == the skeleton's landmark count; empty when no person was found.
  std::vector<KeyFramePoint> landmarks;
  std::vector<std::pair<int, int>> bones;  // index pairs into landmarks
  std::string jpeg_base64;                 // the picture (filled in by the caller); empty: none
  int width_px = 0, height_px = 0;         // the frame's size (aspect ratio of the picture)
};

struct AnalysisReport {
  std::string source;    // file name (no directories: paths may hold patient names)
  std::string exercise;  // as given, or empty
  PoseMetadata metadata;
  std::string skeleton;
  std::size_t frame_count = 0;
  double duration_s = 0;
  Kinematics kinematics;
  KinematicsSummary summary;
  // The settings the kinematics were computed with (KinematicsOptions).
  double lowpass_cutoff_hz = 0;  // 0: angles were not low-pass filtered
  double min_visibility = 0;
  double max_gap_fill_s = 0;
  // Repetitions, findings and score (assessment.h); none when not assessed.
  std::optional<Assessment> assessment;
  std::string assessment_error;      // why there is no assessment, when one was asked for
  std::vector<KeyFrame> key_frames;  // pictures of the movement (openpt assess); may be empty
};

// `metadata.source` is reduced to the file name as well.

AnalysisReport make_report(const PoseSequence& sequence, Kinematics kinematics,
                           std::string exercise, const KinematicsOptions& options = {});

struct KeyFrameOptions {
  std::size_t max_frames = 12;          // repetitions shown at most
  std::size_t frames_without_reps = 4;  // evenly spaced frames when there is no repetition
};

// One key frame per repetition (complete or partial) at its turning point; with more than
// `max_frames`, the repetitions with findings first, then evenly spaced ones, in time order.
// Without repetitions (no assessment, none found) `frames_without_reps` evenly spaced frames
// (one for an image). Landmarks from `sequence` (the one the report was made from), pictures
// left empty. Findings name the joints they concern (a knee valgus circles the knee).
std::vector<KeyFrame> plan_key_frames(const AnalysisReport& report, const PoseSequence& sequence,
                                      const KeyFrameOptions& options = {});

std::string render_text(const AnalysisReport& report);
// Keys keep their documented order ("schema" first).
nlohmann::ordered_json to_json(const AnalysisReport& report);
std::string render_html(const AnalysisReport& report);

}  // namespace openpt::motion
