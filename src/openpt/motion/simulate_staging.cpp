#include "openpt/motion/simulate_staging.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "openpt/motion/trajectory.h"

namespace openpt::motion::sim {

namespace {

constexpr double kEnterFrom_m = 1.0;    // set-up starts this far to the image left
constexpr double kStepCycle_s = 1.0;    // one step of each leg per second
constexpr double kBendProgress = 0.3;   // the set-up bend, a share of the movement
constexpr double kWalkSpeed_mps = 1.2;  // at least; faster when the walk-away is short
constexpr double kWalkRamp_s = 0.5;     // time to reach walking speed
constexpr double kLeaveBy = 0.7;        // out of view by this share of the walk-away

// Leg lifts of stepping at time t: the left leg in the first half of each cycle, the right
// in the second, each a sin² bump.
void steps(double t_s, double envelope, Staging& s) {
  const double v = std::sin(2 * std::numbers::pi * t_s / kStepCycle_s);
  s.lift_left = v > 0 ? envelope * v * v : 0.0;
  s.lift_right = v < 0 ? envelope * v * v : 0.0;
}

// Distance covered after τ seconds, accelerating with a min-jerk speed profile over the
// ramp and then at `speed`.
double walked_m(double tau_s, double speed) {
  if (tau_s <= 0) return 0;
  if (tau_s >= kWalkRamp_s) return speed * (tau_s - 0.5 * kWalkRamp_s);
  const double u = tau_s / kWalkRamp_s;  // ∫ min_jerk = 2.5u⁴ − 3u⁵ + u⁶
  return speed * kWalkRamp_s * u * u * u * u * (2.5 + u * (-3 + u));
}

Staging setup_at(double t_s, const StagingPlan& plan) {
  Staging s;
  s.active = true;
  const double u = t_s / plan.setup_s;
  if (u < 0.45) {
    const double v = u / 0.45;
    s.offset_x_m = -kEnterFrom_m * (1 - min_jerk(v));
    s.progress = plan.standing_progress;
    steps(t_s, std::sin(std::numbers::pi * v), s);
  } else if (u < 0.6) {
    s.progress = plan.standing_progress * (1 - min_jerk((u - 0.45) / 0.15));
  } else if (u < 0.9) {
    s.progress = kBendProgress * out_and_back((u - 0.6) / 0.3);
  }
  return s;
}

Staging walk_away_at(double t_s, const StagingPlan& plan) {
  Staging s;
  s.active = true;
  const double tau = t_s - plan.walk_start_s;
  const double turn_s = std::min(1.0, 0.25 * plan.walk_away_s);
  if (tau < turn_s) {
    const double v = min_jerk(tau / turn_s);
    s.turn = v;
    s.progress = plan.standing_progress * v;
    return s;
  }
  s.turn = 1;
  s.progress = plan.standing_progress;
  const double walk_s = kLeaveBy * plan.walk_away_s - turn_s - 0.5 * kWalkRamp_s;
  const double speed = std::max(kWalkSpeed_mps, plan.exit_distance_m / walk_s);
  s.offset_x_m = walked_m(tau - turn_s, speed);
  steps(tau - turn_s, min_jerk((tau - turn_s) / kWalkRamp_s), s);
  return s;
}

}  // namespace

Staging staging_at(double t_s, const StagingPlan& plan) {
  if (plan.setup_s > 0 && t_s < plan.setup_s) return setup_at(t_s, plan);
  if (plan.walk_away_s > 0 && t_s >= plan.walk_start_s) return walk_away_at(t_s, plan);
  return {};
}

void add_steps(BodyPose& pose, double lift_left, double lift_right) {
  pose.left.hip_flexion_deg += 25 * lift_left;
  pose.left.knee_flexion_deg += 45 * lift_left;
  pose.right.hip_flexion_deg += 25 * lift_right;
  pose.right.knee_flexion_deg += 45 * lift_right;
  pose.left.shoulder_flexion_deg += 15 * lift_right;
  pose.right.shoulder_flexion_deg += 15 * lift_left;
}

double sway_offset(double t_s, double start_s, double end_s, double amplitude_m, double period_s) {
  const double duration_s = end_s - start_s;
  if (amplitude_m == 0 || t_s < start_s || t_s >= end_s || duration_s <= 0) return 0;
  const double k = std::max(1.0, std::round(duration_s / period_s));
  return amplitude_m * std::sin(2 * std::numbers::pi * k * (t_s - start_s) / duration_s);
}

void apply_sway(BodyLandmarks& lm, double offset_m, bool left_planted, bool right_planted) {
  if (offset_m == 0) return;
  constexpr std::size_t kHipsAndAbove = 24;
  constexpr std::size_t kKnee[2] = {25, 26}, kAnkle[2] = {27, 28}, kHip[2] = {23, 24};
  const Vec3 shift = kModelLeft * offset_m;
  const bool planted[2] = {left_planted, right_planted};
  // Knee weights from the unshifted positions.
  double knee_weight[2];
  for (std::size_t s = 0; s < 2; ++s) {
    const double knee_h = dot(lm[kKnee[s]] - lm[kAnkle[s]], kModelUp);
    const double hip_h = dot(lm[kHip[s]] - lm[kAnkle[s]], kModelUp);
    knee_weight[s] = planted[s] && hip_h > 0 ? std::clamp(knee_h / hip_h, 0.0, 1.0) : 1.0;
  }
  for (std::size_t j = 0; j <= kHipsAndAbove; ++j) lm[j] += shift;
  for (std::size_t s = 0; s < 2; ++s) {
    lm[kKnee[s]] += shift * knee_weight[s];
    if (planted[s]) continue;
    for (std::size_t j = kAnkle[s]; j < lm.size(); j += 2) lm[j] += shift;  // ankle, heel, toe
  }
}

}  // namespace openpt::motion::sim
