// What happens around the exercise in a simulated recording (internal to simulate.cpp):
// the set-up before the first rep, walking away after the last, stepping, and the sideways
// sway of a subject losing balance.
//
// Set-up (setup_s = S): the subject steps in sideways from 1 m to the image left of the
// start position (0 … 0.45 S, stepping), settles (0.45 … 0.6 S; a seated exercise sits
// down here), makes one bend to 30 % of the movement and back (0.6 … 0.9 S), and stands
// still. Walk-away (walk_away_s = W): the subject turns to face the image right (and
// stands up, if seated) within min(1 s, W/4), then walks out of the image to the right,
// leaving it by 0.7 W; the rest of W has no person in view.
//
//   Staging s = staging_at(t, plan);
//   if (s.active) { add_steps(pose, s.lift_left, s.lift_right); ... }
#pragma once

#include "openpt/motion/body_model.h"

namespace openpt::motion::sim {

struct StagingPlan {
  double setup_s = 0;            // [0, setup_s): set-up
  double walk_start_s = 0;       // the walk-away starts here (end of the last pause)
  double walk_away_s = 0;        // 0 = none
  double exit_distance_m = 0;    // walking this far along +x takes the subject out of view
  double standing_progress = 0;  // the exercise progress of standing upright
};

struct Staging {
  bool active = false;  // inside the set-up or the walk-away
  double progress = 0;  // the exercise progress held (standing, sitting down, the bend)
  double lift_left = 0, lift_right = 0;  // stepping: 0 … 1 of a step's leg lift
  double offset_x_m = 0;                 // translation along the room's x axis (image right)
  double turn = 0;                       // 0 … 1 of the turn to face the image right
};

Staging staging_at(double t_s, const StagingPlan& plan);

// Stepping on top of a pose: at full lift the hip flexes 25° more and the knee 45° more;
// the opposite arm swings forward 15°.
void add_steps(BodyPose& pose, double lift_left, double lift_right);

// Sideways sway within a rep [start_s, end_s): amplitude · sin(2π k u), u the share of the
// rep elapsed, k = max(1, round(rep duration / period)) whole periods.
double sway_offset(double t_s, double start_s, double end_s, double amplitude_m, double period_s);

// Shifts the model-frame landmarks sideways (+ towards the subject's left) by `offset_m`:
// hips and everything above fully, a planted leg's knee in proportion to its height between
// ankle and hip, a planted foot not at all; a lifted leg moves with the pelvis.
void apply_sway(BodyLandmarks& landmarks, double offset_m, bool left_planted, bool right_planted);

}  // namespace openpt::motion::sim
