// Synthetic gait: IMU recordings of a walking body with exactly known gait events, stride
// lengths, foot clearance and turns, for testing event detection, ZUPT integration and the
// gait parameters against known answers (docs/gait.md).
//
// Each foot is a rigid body (heel contact point, toe pivot, sensor on the instep) whose pose
// is an analytic function of time: foot flat and still in stance, heel rise about the toe in
// push-off (the pitch rate is most negative shortly before toe-off, and toe-off lies midway
// between that minimum and the next upward zero crossing), a swing that carries the foot one
// stride forward with a positive pitch-rate hump peaking in mid-swing, a pitch-rate zero
// crossing shortly before initial contact, and at initial contact a rotation about the heel
// to foot flat (toe-up angle decaying exponentially, so the pitch rate's first minimum after
// that zero crossing is at the contact: in the samples, the one holding the contact or the
// next, 0–15 ms late at 100 Hz). Pitch is + toe up; with the default mount the sensor axes
// are the foot's (x forward, y left, z up), so the swing hump is negative on gyro y. The
// lower back follows an inverted-pendulum centre of mass: lowest in the middle of each
// double support (shortly after each contact), forward speed highest at each contact, sway
// towards the stance foot, pelvis yaw ±4° at stride frequency. Every sensor reads what an
// ideal IMU would (angular rate and specific force in its own frame, each sample the mean
// over its sample interval, computed from 10 sub-intervals), then the mounting rotation,
// noise and bias.
//
//   GaitSimOptions o;                                  // 100 Hz, 110 steps/min, 1.3 m
//   o.strides = 12; o.turn = true; o.random_mounting = true; o.seed = 3;
//   SimulatedGait sim = simulate_gait(o).value();
//   const ImuSignal& foot = *sim.recording.find(Placement::kLeftFoot);
//   for (const Stride& s : sim.strides) check(s.length_m, s.clearance_m, s.in_turn);
#pragma once

#include <Eigen/Geometry>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/core/geometry.h"
#include "openpt/gait/gait_events.h"
#include "openpt/gait/imu.h"

namespace openpt::gait {

// A fixed rotation of a sensor on its segment: intrinsic Z-Y-X (yaw, then pitch, then roll)
// from the segment frame (x forward, y left, z up when standing) to the sensor frame.
struct MountRotation {
  double yaw_deg = 0;
  double pitch_deg = 0;
  double roll_deg = 0;
};

struct GaitSimOptions {
  // --- Recording ---
  double sample_rate_hz = 100;  // every sensor, uniform grid starting at t = 0
  bool left_foot = true;        // which sensors to produce
  bool right_foot = true;
  bool lower_back = true;

  // --- Walk layout ---
  // Complete strides (IC → FC → next IC) of each foot per bout. Each bout starts and ends
  // standing with the feet side by side: the first step (left) and the last (joining) step
  // are half a stride long, so the last stride of the foot that closes is half a stride.
  std::size_t strides = 10;
  double walk_s = 0;      // > 0: overrides `strides` with the number that fills this
  std::size_t bouts = 1;  // walking bouts, separated by standing still
  double pause_between_bouts_s = 5;
  double still_before_s = 2;  // standing still before the first heel rise
  double still_after_s = 2;   // standing still after the last foot flat

  // --- Spatiotemporal ---
  double cadence_spm = 110;      // steps per minute (stride time 120 / cadence)
  double stride_length_m = 1.3;  // straight walking
  double stance_pct = 60;        // stance as % of the stride (both sides' mean), 50–75
  // Asymmetry: the right step time (left IC → right IC) is longer than the left step time by
  // this many %, and the right stance (as % of the stride) is longer than the left by this
  // many %. Both sides keep the same stride time, as they must when walking.
  double right_step_time_longer_pct = 0;
  double right_stance_longer_pct = 0;
  // Stride-to-stride variability: coefficient of variation (%) of step times and step
  // lengths (independent Gaussian draws per step).
  double step_time_cv_pct = 0;
  double step_length_cv_pct = 0;
  double step_width_m = 0.12;  // distance between the left and right heel lines

  // --- Turn ---
  bool turn = false;             // a 180° turn in the middle of each bout
  bool turn_left = true;         // counter-clockwise seen from above (+180° heading change)
  double turn_duration_s = 2.0;  // rounded to a whole number (≥ 2) of steps
  double turn_radius_m = 0.4;    // radius of the walking path's arc during the turn

  // --- Foot model (foot frame: origin at the heel contact point, x forward, z up) ---
  double foot_length_m = 0.18;               // heel contact point → toe pivot (metatarsal heads)
  Vec3 foot_sensor_offset_m{0.12, 0, 0.06};  // sensor position in the foot frame
  double heel_off_pct = 30;          // heel rise starts this far into the stride (% after IC)
  double toe_off_pitch_deg = 60;     // maximal plantarflexion, at the push-off zero crossing
  double swing_peak_pitch_deg = 17;  // toe-up angle at the terminal-swing zero crossing
  double contact_pitch_deg = 15;     // toe-up angle at initial contact
  double contact_tau_s = 0.03;       // time constant of the decay to foot flat after contact
  double toe_off_lead_pct = 2;       // push-off pitch-rate minimum this far (% of stride) before TO
  double terminal_swing_pct = 4;     // terminal-swing zero crossing this far before IC
  double swing_lift_m = 0.06;        // extra heel lift at mid-swing (sin² bump on the heel path)
  double impact_mps2 = 20;           // peak of the vertical skin vibration after each contact

  // --- Lower back (centre of mass) ---
  double back_height_m = 1.0;
  double back_vertical_pp_m = 0.04;     // peak-to-peak vertical excursion per step
  double back_lateral_m = 0.02;         // peak sideways sway towards the stance foot
  double back_speed_fluctuation = 0.1;  // forward speed at each contact = (1 + this) × mean
  double pelvis_rotation_deg = 4;       // peak pelvic yaw oscillation at stride frequency

  // --- Sensors ---
  MountRotation left_foot_mount{}, right_foot_mount{}, lower_back_mount{};
  bool random_mounting = false;  // replace the three mounts by uniformly random rotations
  double acc_noise_mps2 = 0;     // white noise SD per axis and sample
  double gyr_noise_rps = 0;
  double acc_bias_mps2 = 0;  // constant bias: this magnitude, random direction per sensor
  double gyr_bias_rps = 0;

  // --- Raw irregular streams (SimulatedGait::raw), for resampling tests ---
  double jitter_sd_s = 0;    // Gaussian timestamp jitter, clipped to ±0.45 sample
  double drop_fraction = 0;  // probability that a sample is lost
  double gap_start_s = 0;    // with gap_s > 0: every sample in [start, start + gap) lost
  double gap_s = 0;

  std::uint32_t seed = 1;  // std::mt19937; same seed, same recording on every platform
};

// A sensor's samples at irregular times (what a device delivers before resampling).
struct SimulatedRawSamples {
  Placement placement = Placement::kLowerBack;
  std::vector<double> t_s;
  std::vector<Vec3> acc_mps2;
  std::vector<Vec3> gyr_rps;
};

// The exact pose of a sensor at each of its samples: position of the sensor in the world
// frame (x forward at the start, z up, floor at z = 0) and the rotation world ← sensor.
struct SensorTruth {
  Placement placement = Placement::kLowerBack;
  std::vector<Vec3> position_m;
  std::vector<Eigen::Quaterniond> world_from_sensor;
};

struct TimeSpan {
  double start_s = 0;
  double end_s = 0;
};

struct SimulatedGait {
  ImuRecording recording;                // uniformly sampled sensors (noise and bias applied)
  std::vector<SimulatedRawSamples> raw;  // irregular streams; empty unless jitter/drops/gap asked
  std::vector<SensorTruth> truth;        // one per sensor in `recording`, same order
  // Every initial and final contact, sorted; `sample` is the nearest sample of that foot's
  // sensor (of the left/right foot sensor even when that sensor was not requested).
  std::vector<GaitEvent> events;
  // Every complete stride of both feet (left first, then right, each in time order).
  // length_m: horizontal displacement of the foot sensor between the stance before and the
  // stance after the swing (on straight strides that of every point of the foot);
  // clearance_m: the sensor's highest point in the swing above its height in stance;
  // heading_change_deg: the foot's yaw change (+ counter-clockwise); in_turn: it is nonzero;
  // mid_swing_t_s: the peak of the swing pitch rate.
  std::vector<Stride> strides;
  // A bout runs from the first heel rise to the last foot flat.
  std::vector<TimeSpan> bouts;
  // A turn runs from the toe-off of the first swing that changes a foot's heading to the
  // initial contact of the last one.
  std::vector<TimeSpan> turns;
};

// Simulates a walk. Bad options (rates, ranges, a layout that leaves no room for the turn,
// timing that would make a foot's phases overlap) give a kBadInput error naming the field.
[[nodiscard]] Result<SimulatedGait> simulate_gait(const GaitSimOptions& options = {});

}  // namespace openpt::gait
