#include "openpt/motion/simulate.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "openpt/motion/body_model.h"
#include "openpt/motion/simulate_camera.h"
#include "openpt/motion/simulate_exercises.h"
#include "openpt/motion/simulate_staging.h"
#include "openpt/motion/trajectory.h"

namespace openpt::motion {

namespace {

using sim::ExerciseSpec;
using sim::Progress;
using sim::Sides;

constexpr std::size_t kMaxFrames = 200'000;
constexpr double kTruthMinProjection = 0.1;  // see Simulation::truth_deg
constexpr std::size_t kLeftToe = 31, kRightToe = 32, kLeftHeel = 29, kRightHeel = 30;
constexpr std::size_t kLeftHip = 23, kRightHip = 24, kLeftKnee = 25, kRightKnee = 26;
constexpr std::size_t kLeftShoulder = 11, kRightShoulder = 12;

// Model frame (subject facing the camera) → BlazePose world axes of the chosen view: a
// rotation about the vertical axis.
Vec3 to_view(const Vec3& v, CameraView view) {
  switch (view) {
    case CameraView::kSide: return {-v.z, v.y, v.x};  // faces image right, left side away
    case CameraView::kBack: return {-v.x, v.y, -v.z};
    default: return v;
  }
}

// How each rep is performed.
struct RepPlan {
  bool compensated = false;
  double depth = 1;  // rep_depth_scale
  bool moves_left = true, moves_right = true;
  bool right_leads = false;
};

Result<MovingSide> resolve_side(const ExerciseSpec& spec, MovingSide side) {
  if (side == MovingSide::kAuto) return spec.default_side;
  const bool ok = spec.sides == Sides::kIndependent ||
                  (spec.sides == Sides::kBilateral && side == MovingSide::kBoth) ||
                  (spec.sides == Sides::kUnilateral && side != MovingSide::kBoth);
  if (ok) return side;
  return bad_input(
      fmt::format("{} cannot be simulated with side = {}", spec.name, moving_side_name(side)),
      "side",
      spec.sides == Sides::kBilateral ? "both sides move in this exercise: use auto or both"
                                      : "one leg leads each rep: use left, right or alternating");
}

std::vector<RepPlan> plan_reps(const SimulationOptions& o, const ExerciseSpec& spec,
                               MovingSide side) {
  std::vector<RepPlan> plans(static_cast<std::size_t>(o.reps));
  for (std::size_t r = 0; r < plans.size(); ++r) {
    RepPlan& p = plans[r];
    const int number = static_cast<int>(r) + 1;
    p.compensated = o.compensated_reps.empty() ||
                    std::find(o.compensated_reps.begin(), o.compensated_reps.end(), number) !=
                        o.compensated_reps.end();
    p.depth = r < o.rep_depth_scale.size() ? o.rep_depth_scale[r] : 1.0;
    const bool right = side == MovingSide::kRight || (side == MovingSide::kAlternating && r % 2);
    if (spec.sides == Sides::kUnilateral) {
      p.right_leads = right;
    } else if (side != MovingSide::kBoth) {
      p.moves_left = !right;
      p.moves_right = right;
    }
  }
  return plans;
}

MovingSide rep_side(const ExerciseSpec& spec, const RepPlan& p) {
  if (spec.sides == Sides::kUnilateral)
    return p.right_leads ? MovingSide::kRight : MovingSide::kLeft;
  if (p.moves_left && p.moves_right) return MovingSide::kBoth;
  return p.moves_left ? MovingSide::kLeft : MovingSide::kRight;
}

SimulatedPhase to_simulated(Phase p) {
  switch (p) {
    case Phase::kOutward: return SimulatedPhase::kOutward;
    case Phase::kHold: return SimulatedPhase::kHold;
    case Phase::kReturn: return SimulatedPhase::kReturn;
    default: return SimulatedPhase::kStill;
  }
}

// Thigh from the trunk line in the frontal plane, + away from the midline (model frame).
double hip_abduction_deg(const BodyLandmarks& lm, bool left) {
  const Vec3 trunk =
      midpoint(lm[kLeftShoulder], lm[kRightShoulder]) - midpoint(lm[kLeftHip], lm[kRightHip]);
  const Vec3 m = normalized(project_onto_plane(lm[kLeftHip] - lm[kRightHip], kModelUp));
  const Vec3 a = cross(m, kModelUp);
  const Vec3 thigh = left ? lm[kLeftKnee] - lm[kLeftHip] : lm[kRightKnee] - lm[kRightHip];
  return signed_angle_in_plane_deg(-trunk, thigh, left ? a : -a);
}

// Applies the compensations in effect to the exercise's pose.
void compensate(BodyPose& pose, const Compensations& c, const Progress& p) {
  pose.left.knee_valgus_deg += c.left_knee_valgus_deg * p.raw_left;
  pose.right.knee_valgus_deg += c.right_knee_valgus_deg * p.raw_right;
  const double lean = c.trunk_flexion_deg * p.raw;
  pose.trunk_flexion_deg += lean;
  pose.left.hip_flexion_deg += lean;  // the thighs keep their place in the room
  pose.right.hip_flexion_deg += lean;
  pose.trunk_lateral_lean_deg += c.trunk_lateral_lean_deg * p.raw;
  pose.pelvic_obliquity_deg += c.pelvic_obliquity_deg * p.raw;
  pose.left.shoulder_hike_m += c.left_shoulder_hike_m * p.raw_left;
  pose.right.shoulder_hike_m += c.right_shoulder_hike_m * p.raw_right;
}

}  // namespace

std::string_view simulated_phase_name(SimulatedPhase phase) {
  switch (phase) {
    case SimulatedPhase::kSetup: return "setup";
    case SimulatedPhase::kOutward: return "outward";
    case SimulatedPhase::kHold: return "hold";
    case SimulatedPhase::kReturn: return "return";
    case SimulatedPhase::kWalkAway: return "walk_away";
    default: return "still";
  }
}

std::vector<std::string_view> simulated_exercises() {
  std::vector<std::string_view> names;
  for (const auto& e : sim::simulated_exercise_specs()) names.push_back(e.name);
  return names;
}

std::string_view simulated_exercise_description(std::string_view exercise) {
  const ExerciseSpec* e = sim::find_simulated_exercise(exercise);
  return e ? e->description : std::string_view{};
}

Result<Simulation> simulate(std::string_view exercise, const SimulationOptions& options) {
  const ExerciseSpec* spec = sim::find_simulated_exercise(exercise);
  if (!spec) {
    return bad_input(
        fmt::format("unknown exercise '{}'", exercise), {},
        fmt::format("simulated exercises: {}", fmt::join(simulated_exercises(), ", ")));
  }
  const double rep_duration_s =
      options.rep_duration_s == 0 ? spec->rep_duration_s : options.rep_duration_s;
  if (auto ok = check_simulation_options(options, rep_duration_s); !ok) {
    return tl::unexpected(ok.error());
  }
  const auto side = resolve_side(*spec, options.side);
  if (!side) return tl::unexpected(side.error());
  const Compensations& comp = options.compensations;
  const Compensations neutral{};
  const std::vector<RepPlan> plans = plan_reps(options, *spec, *side);

  std::vector<RepTiming> timing;
  for (std::size_t r = 0; r < plans.size(); ++r) {
    const Compensations& c = plans[r].compensated ? comp : neutral;
    const double scale =
        r < options.rep_duration_scale.size() ? options.rep_duration_scale[r] : 1.0;
    timing.push_back({.duration_s = rep_duration_s * scale,
                      .outward_fraction = c.outward_fraction,
                      .hold_s = c.hold_s,
                      .right_delay_s = spec->sides != Sides::kUnilateral && plans[r].moves_left &&
                                               plans[r].moves_right
                                           ? c.right_delay_s
                                           : 0.0});
  }
  const RepSchedule schedule = make_rep_schedule(timing, {.pause_s = options.pause_s,
                                                          .lead_in_s = options.setup_s,
                                                          .lead_out_s = options.walk_away_s});
  const double frames_d = std::floor(schedule.total_s * options.fps + 1e-9) + 1;
  if (frames_d > static_cast<double>(kMaxFrames)) {
    return bad_input(fmt::format("the simulated recording would have {} frames, more than {}",
                                 frames_d, kMaxFrames),
                     {}, "use fewer reps, a lower frame rate or shorter pauses");
  }
  const auto n = static_cast<std::size_t>(frames_d);
  const CameraView view = options.view == CameraView::kUnknown ? spec->view : options.view;

  const Anthropometry body = anthropometry_from_stature(options.stature_m);
  // The standing body fixes the room: mid-hip at the origin, toes where they stay.
  BodyPose standing_pose;
  const BodyLandmarks standing = forward_kinematics(body, standing_pose);
  const Vec3 toe_home = midpoint(standing[kLeftToe], standing[kRightToe]);
  const double floor_y = std::max(
      {standing[kLeftHeel].y, standing[kRightHeel].y, standing[kLeftToe].y, standing[kRightToe].y});
  const sim::SimCamera cam = sim::make_camera(options, floor_y);

  const sim::StagingPlan staging_plan{
      .setup_s = options.setup_s,
      .walk_start_s = schedule.reps_end_s,
      .walk_away_s = options.walk_away_s,
      .exit_distance_m = sim::half_view_width_m(cam, options) + 0.35 * options.stature_m,
      .standing_progress = spec->standing_progress};
  const Vec3 room_up{0, -1, 0};
  const double exit_yaw_rad =
      signed_angle_in_plane_deg(to_view(kModelAnterior, view), {1, 0, 0}, room_up) * kDegToRad;
  const double drift_progress = options.baseline_drift_deg / spec->driving_range_deg;
  const double drift_span_s = std::max(1e-9, schedule.reps_end_s - options.setup_s);

  Simulation sim;
  PoseSequence& seq = sim.pose;
  seq = make_pose_sequence(blazepose33(), n, {.has_image = true, .has_world = true});
  seq.metadata = {.source = fmt::format("openpt simulate {}", exercise),
                  .format = "simulated",
                  .fps = options.fps,
                  .view = view};
  seq.image_space = {.units = ImageUnits::kNormalized,
                     .width_px = options.image_width_px,
                     .height_px = options.image_height_px};
  seq.world_up = room_up;
  std::vector<std::vector<double>*> truth;
  for (auto name : defined_angle_names()) {
    auto& series = sim.truth_deg[std::string(name)];
    series.assign(n, NAN);
    truth.push_back(&series);
  }
  auto measure = [&](const char* name) -> std::vector<double>& {
    auto& series = sim.truth_measures[name];
    series.assign(n, 0.0);
    return series;
  };
  auto& sway_truth = measure("sway_m");
  auto& hike_truth_l = measure("left_shoulder_hike_m");
  auto& hike_truth_r = measure("right_shoulder_hike_m");
  auto& abd_truth_l = measure("left_hip_abduction_deg");
  auto& abd_truth_r = measure("right_hip_abduction_deg");
  auto& progress_truth_l = measure("left_progress");
  auto& progress_truth_r = measure("right_progress");
  sim.phase.assign(n, SimulatedPhase::kStill);
  sim.rep_of_frame.assign(n, -1);

  sim::Noise noise(options.seed);
  sim::Noise drops(options.seed ^ sim::kDropStream);
  bool right_leads = plans.front().right_leads;  // the most recent rep's leading side
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / options.fps;
    seq.t_s[i] = t;
    const int r = schedule.rep_at(t);
    const RepPlan* plan = r >= 0 ? &plans[static_cast<std::size_t>(r)] : nullptr;
    const Compensations& c = plan && plan->compensated ? comp : neutral;
    const sim::Staging stage = sim::staging_at(t, staging_plan);
    if (plan) right_leads = plan->right_leads;

    // Progress of each side, then the pose.
    Progress p;
    p.right_leads = right_leads;
    const double drift =
        drift_progress * std::clamp((t - options.setup_s) / drift_span_s, 0.0, 1.0);
    p.base = drift + (stage.active ? stage.progress : 0.0);
    if (!stage.active) {
      p.raw_left = plan && plan->moves_left ? schedule.side_progress(t, false) : 0.0;
      p.raw_right = plan && plan->moves_right ? schedule.side_progress(t, true) : 0.0;
      p.raw = std::max(p.raw_left, p.raw_right);
      p.depth_left = (plan ? plan->depth : 1.0) * c.depth_scale;
      p.depth_right = p.depth_left * c.right_depth_scale;
    }
    p.left = p.base + p.raw_left * p.depth_left;
    p.right = p.base + p.raw_right * p.depth_right;
    p.mean = 0.5 * (p.left + p.right);
    BodyPose pose = spec->pose(p, c);
    compensate(pose, c, p);
    sim::add_steps(pose, stage.lift_left, stage.lift_right);

    // Forward kinematics, feet on the floor, sway.
    BodyLandmarks lm = forward_kinematics(body, pose);
    Vec3 shift;
    if (spec->sides == Sides::kUnilateral) {
      const std::size_t stance = right_leads ? kLeftToe : kRightToe;
      shift = standing[stance] - lm[stance];
    } else {
      shift = toe_home - midpoint(lm[kLeftToe], lm[kRightToe]);
    }
    if (stage.lift_left > 0 || stage.lift_right > 0) {
      shift.y =
          floor_y - std::max({lm[kLeftHeel].y, lm[kRightHeel].y, lm[kLeftToe].y, lm[kRightToe].y});
    }
    for (auto& v : lm) v += shift;
    double sway = 0;
    if (plan && plan->compensated) {
      const auto ri = static_cast<std::size_t>(r);
      sway = sim::sway_offset(t, schedule.rep_start_s[ri], schedule.rep_end_s[ri], c.sway_m,
                              c.sway_period_s);
      const bool lead_lifted = spec->lead_leg_lifted;
      sim::apply_sway(lm, sway, !(lead_lifted && !right_leads), !(lead_lifted && right_leads));
    }
    sway_truth[i] = sway;
    hike_truth_l[i] = pose.left.shoulder_hike_m;
    hike_truth_r[i] = pose.right.shoulder_hike_m;
    abd_truth_l[i] = hip_abduction_deg(lm, true);
    abd_truth_r[i] = hip_abduction_deg(lm, false);
    progress_truth_l[i] = p.left;
    progress_truth_r[i] = p.right;

    // Into the room: the camera view, then turning and walking.
    for (auto& v : lm) v = to_view(v, view);
    if (stage.turn > 0) {
      const Vec3 pivot = midpoint(lm[kLeftHip], lm[kRightHip]);
      for (auto& v : lm) v = pivot + rotate(v - pivot, room_up, exit_yaw_rad * stage.turn);
    }
    for (auto& v : lm) v.x += stage.offset_x_m;

    const DefinedAngles angles =
        definition_angles(lm, seq.world_up, {.min_projection_fraction = kTruthMinProjection});
    for (std::size_t a = 0; a < angles.size(); ++a) (*truth[a])[i] = angles[a];

    sim::record_frame(lm, t, i, cam, options, noise, drops, seq);

    if (options.setup_s > 0 && t < options.setup_s) {
      sim.phase[i] = SimulatedPhase::kSetup;
    } else if (options.walk_away_s > 0 && t >= schedule.reps_end_s) {
      sim.phase[i] = SimulatedPhase::kWalkAway;
    } else {
      sim.phase[i] = to_simulated(schedule.phase(t));
    }
    sim.rep_of_frame[i] = r;
  }

  for (std::size_t r = 0; r < plans.size(); ++r) {
    const RepPlan& plan = plans[r];
    const Compensations& c = plan.compensated ? comp : neutral;
    SimulatedRep rep;
    rep.number = static_cast<int>(r) + 1;
    rep.start_s = schedule.rep_start_s[r];
    rep.turn_s = schedule.rep_turn_s[r];
    rep.end_s = schedule.rep_end_s[r];
    rep.depth = plan.depth * c.depth_scale *
                (spec->sides == Sides::kUnilateral && plan.right_leads ? c.right_depth_scale : 1.0);
    rep.partial = plan.depth < kPartialRepBelow;
    rep.compensated = plan.compensated;
    rep.side = rep_side(*spec, plan);
    sim.all_reps.push_back(rep);
    if (!rep.partial) {
      sim.rep_start_s.push_back(rep.start_s);
      sim.rep_turn_s.push_back(rep.turn_s);
      sim.rep_end_s.push_back(rep.end_s);
    }
  }
  if (auto ok = validate(seq, seq.metadata.source); !ok) return tl::unexpected(ok.error());
  return sim;
}

}  // namespace openpt::motion
