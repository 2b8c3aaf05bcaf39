// Options of the simulator (simulate.h): the recording, the movement's deviations from the
// textbook ("compensations", for testing form assessment), and the untidiness of real
// recordings (for testing repetition counting): set-up movement, walking away, baseline
// drift, reps of varying depth and speed, dropped frames and occluded joints.
//
// Also the parsers the command line uses for list-valued options, so that `--compensate-reps
// 3-5,7`, `--rep-depths 1,1,0.3` and `--occlude lower_body:2-3.5` mean the same in tests and
// on the command line. Documented in docs/simulator.md.
//
//   SimulationOptions o{.reps = 8};
//   o.compensations.left_knee_valgus_deg = 15;
//   o.compensated_reps = *parse_rep_list("3-5,7");  // only these reps show the valgus
//   o.rep_depth_scale = {1, 1, 0.3};                 // rep 3 is a partial rep
//   o.occlusions.push_back(*parse_occlusion("lower_body:2-3.5"));
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/motion/pose_sequence.h"

namespace openpt::motion {

// Deviations from the textbook movement, for testing form assessment (issue 3). Each is
// reached at the turning point of a rep, in proportion to the movement's progress (0 at the
// start posture, 1 at the turning point), and is zero or neutral by default. Valgus, trunk
// angles and pelvic obliquity are exact in the ground truth; the feet stay planted only
// approximately when the two legs differ. With SimulationOptions::compensated_reps they
// apply to those reps only.
struct Compensations {
  double left_knee_valgus_deg = 0;  // knee frontal-plane projection angle, + valgus
  double right_knee_valgus_deg = 0;
  // Extra forward lean of the trunk (+), or leaning back (−, lumbar extension, e.g. in an
  // overhead movement). The thighs keep their place in the room: hip flexion changes by the
  // same amount; the arms move with the trunk.
  double trunk_flexion_deg = 0;
  double trunk_lateral_lean_deg = 0;  // + towards the subject's right
  double pelvic_obliquity_deg = 0;    // + left hip higher (a right pelvic drop)
  // Shoulder hike: the shoulder (and the arm with it) rises along the trunk axis, metres.
  double left_shoulder_hike_m = 0;
  double right_shoulder_hike_m = 0;
  double depth_scale = 1.0;        // < 1: shallow movement (scales the driven range)
  double right_depth_scale = 1.0;  // asymmetry: extra scale on the right side's range
  double heel_lift_deg = 0;        // squat: plantarflexion at the bottom (heels rise)
  double outward_fraction = 0.5;   // tempo: share of a rep's moving time spent going out
  double hold_s = 0;               // tempo: still time at the turning point of each rep
  // Timing asymmetry: the right side lags the left by this much (−: the left lags); the
  // rep lasts rep duration + |right_delay_s|.
  double right_delay_s = 0;
  // Loss of balance: the pelvis and everything above it sway sideways (feet planted, the
  // knees in proportion to their height) with this amplitude, a whole number of periods of
  // about sway_period_s per rep, starting and ending at 0 (+ towards the subject's left).
  double sway_m = 0;
  double sway_period_s = 1.3;
};

// Which side moves, for exercises where that is a choice: kAuto = the exercise's own
// (both for bilateral ones, alternating for the lunge, left for hip abduction). Arm
// exercises accept left or right (one arm) and alternating (one arm per rep, left first).
enum class MovingSide { kAuto, kBoth, kLeft, kRight, kAlternating };
std::string_view moving_side_name(MovingSide side);  // "auto", "both", "left", ...
Result<MovingSide> parse_moving_side(std::string_view name);

// Landmarks whose visibility is 0.1 from start_s to end_s (inclusive): an object or the
// frame edge hides them. Coordinates keep their usual noise.
struct Occlusion {
  double start_s = 0, end_s = 0;
  std::vector<std::size_t> landmarks{};  // BlazePose indices
};

// A rep with rep_depth_scale below this is a partial rep: listed in Simulation::all_reps
// but not among the reps a counter should count (rep_start_s ...).
inline constexpr double kPartialRepBelow = 0.6;

struct SimulationOptions {
  int reps = 5;
  double fps = 30;
  std::uint64_t seed = 1;
  double stature_m = 1.72;
  double rep_duration_s = 0;               // 0 = the exercise's typical tempo
  double pause_s = 1.0;                    // still time before, between and after reps
  CameraView view = CameraView::kUnknown;  // kUnknown = the exercise's usual view
  int image_width_px = 1280;
  int image_height_px = 720;
  double image_noise_px = 1.0;     // standard deviation of landmark noise in pixels
  double world_noise_m = 0.004;    // standard deviation of world landmark noise
  double camera_distance_m = 3.0;  // camera in front of the subject's standing mid-hip
  double camera_height_m = 0;      // lens above the floor; 0 = 0.62 × stature (hip–chest)
  double vertical_fov_deg = 60;    // sets the focal length from the image height
  // false: the world origin is the standing mid-hip, fixed in the room, so the feet stay
  // put and the hips move; true: like MediaPipe, the origin follows the mid-hip each frame.
  bool world_origin_per_frame = false;
  MovingSide side = MovingSide::kAuto;

  Compensations compensations{};
  std::vector<int> compensated_reps{};  // 1-based reps the compensations apply to; empty = all

  // Per rep (missing entries = 1): a factor on the driven range (< kPartialRepBelow makes a
  // partial rep), and a factor on the rep's duration (0.5 = twice as fast).
  std::vector<double> rep_depth_scale{};
  std::vector<double> rep_duration_scale{};

  // Realism for repetition counting.
  double setup_s = 0;             // before the first pause: walk in sideways, settle, one 30 % bend
  double walk_away_s = 0;         // after the last pause: turn, walk out of the image, no person
  double baseline_drift_deg = 0;  // the start posture drifts linearly by this much on the
                                  // driving angle by the end of the last pause
  double dropped_frames = 0;      // share of frames with no person detected (seeded)
  std::vector<Occlusion> occlusions{};
};

// Checks every option against its documented range; `rep_duration_s` is the resolved
// duration (the exercise's tempo when options.rep_duration_s is 0). Errors are kBadInput,
// naming the option (its SimulationOptions field name) and the allowed range.
Result<void> check_simulation_options(const SimulationOptions& options, double rep_duration_s);

// "3-5,7" → {3, 4, 5, 7}: comma-separated 1-based rep numbers and inclusive ranges.
Result<std::vector<int>> parse_rep_list(std::string_view text);

// "1,1,0.3" → {1, 1, 0.3}: comma-separated finite numbers.
Result<std::vector<double>> parse_number_list(std::string_view text);

// Landmark groups for occlusions: "lower_body" (knees, ankles, heels, toes), "upper_body"
// (face, shoulders, arms), "face", "hips", "left_arm", "right_arm", "left_leg",
// "right_leg", "left_side", "right_side", or any BlazePose landmark name ("left_knee").
Result<std::vector<std::size_t>> landmark_group(std::string_view name);
std::span<const std::string_view> landmark_group_names();

// "GROUP[+GROUP...]:START-END" in seconds, e.g. "lower_body:2-3.5", "left_knee+left_ankle:0-1".
Result<Occlusion> parse_occlusion(std::string_view text);

}  // namespace openpt::motion
