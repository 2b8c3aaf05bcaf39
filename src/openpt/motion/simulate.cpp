#include "openpt/motion/simulate.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>

#include "openpt/motion/body_model.h"
#include "openpt/motion/trajectory.h"

namespace openpt::motion {

namespace {

constexpr std::size_t kMaxFrames = 200'000;
constexpr double kTruthMinProjection = 0.1;  // see Simulation::truth_deg
constexpr std::size_t kLeftToe = 31, kRightToe = 32, kLeftHeel = 29, kRightHeel = 30;
constexpr std::size_t kLeftHip = 23, kRightHip = 24;

// Progress of each side (after depth scaling) and of the whole movement.
struct Progress {
  double left = 0, right = 0, mean = 0, raw = 0;
};

using PoseFunction = BodyPose (*)(const Progress& p, const Compensations& c);

struct ExerciseSpec {
  std::string_view name;
  std::string_view description;
  double rep_duration_s;
  CameraView view;
  PoseFunction pose;
};

// Feet flat: the hip flexes by the knee angle minus the shank's forward tilt plus the trunk
// lean (hip flexion is measured from the trunk line).
double flat_foot_hip_deg(double knee_deg, double shank_tilt_deg, double trunk_deg) {
  return knee_deg - shank_tilt_deg + trunk_deg;
}

BodyPose squat(const Progress& p, const Compensations& c) {
  BodyPose pose;
  pose.trunk_flexion_deg = 30 * p.mean;
  for (auto [side, q] : {std::pair{&pose.left, p.left}, std::pair{&pose.right, p.right}}) {
    side->knee_flexion_deg = 100 * q;
    side->ankle_dorsiflexion_deg = 25 * q - c.heel_lift_deg * p.raw;
    side->hip_flexion_deg = flat_foot_hip_deg(100 * q, 25 * q, pose.trunk_flexion_deg);
    // Arms reach forward for balance, to 80° from hanging (in the room) at the bottom.
    side->shoulder_flexion_deg = 80 * p.mean + pose.trunk_flexion_deg;
  }
  return pose;
}

BodyPose sit_to_stand(const Progress& p, const Compensations&) {
  // Progress 0 = seated (knees 90°, shanks tilted 10° forward, trunk 10°), 1 = standing.
  // The trunk leans forward most shortly before seat-off (~35 % of the rise).
  BodyPose pose;
  const double lean = std::pow(std::sin(std::numbers::pi * std::pow(p.mean, 0.6)), 2);
  pose.trunk_flexion_deg = 10 * (1 - p.mean) + 35 * lean;
  for (auto [side, q] : {std::pair{&pose.left, p.left}, std::pair{&pose.right, p.right}}) {
    side->knee_flexion_deg = 90 * (1 - q);
    side->ankle_dorsiflexion_deg = 10 * (1 - q);
    side->hip_flexion_deg = flat_foot_hip_deg(90 * (1 - q), 10 * (1 - q), pose.trunk_flexion_deg);
    side->shoulder_flexion_deg = pose.trunk_flexion_deg;  // arms hang vertically
  }
  return pose;
}

BodyPose shoulder_abduction(const Progress& p, const Compensations&) {
  BodyPose pose;
  pose.left.shoulder_abduction_deg = 150 * p.left;
  pose.right.shoulder_abduction_deg = 150 * p.right;
  return pose;
}

BodyPose shoulder_flexion(const Progress& p, const Compensations&) {
  BodyPose pose;
  pose.left.shoulder_flexion_deg = 150 * p.left;
  pose.right.shoulder_flexion_deg = 150 * p.right;
  return pose;
}

BodyPose elbow_flexion(const Progress& p, const Compensations&) {
  BodyPose pose;
  pose.left.elbow_flexion_deg = 130 * p.left;
  pose.right.elbow_flexion_deg = 130 * p.right;
  return pose;
}

BodyPose heel_raise(const Progress& p, const Compensations&) {
  BodyPose pose;  // rises onto the toes: the feet plantarflex 30°, pivoting on the toe tips
  pose.left.ankle_dorsiflexion_deg = -30 * p.left;
  pose.right.ankle_dorsiflexion_deg = -30 * p.right;
  return pose;
}

constexpr std::array<ExerciseSpec, 6> kExercises = {{
    {"squat",
     "bodyweight squat: knees to 100°, ankles 25° dorsiflexion, trunk 30° forward, hips "
     "follow (feet flat), arms reach forward; 3 s per rep, front view",
     3.0, CameraView::kFront, squat},
    {"sit_to_stand",
     "from a chair (knees 90°, hips 90°) to standing and back, trunk leaning forward up to "
     "~42° before seat-off (hips to ~102°); 3 s per rep, side view",
     3.0, CameraView::kSide, sit_to_stand},
    {"shoulder_abduction",
     "both arms raised sideways in the frontal plane to 150°, elbows straight; 4 s per rep, "
     "front view",
     4.0, CameraView::kFront, shoulder_abduction},
    {"shoulder_flexion",
     "both arms raised forward in the sagittal plane to 150°, elbows straight; 4 s per rep, "
     "side view",
     4.0, CameraView::kSide, shoulder_flexion},
    {"elbow_flexion",
     "biceps curl: both elbows flex to 130° with the upper arms hanging; 3 s per rep, side "
     "view",
     3.0, CameraView::kSide, elbow_flexion},
    {"heel_raise",
     "standing calf raise: 30° plantarflexion onto the toes, knees straight; 2 s per rep, "
     "side view",
     2.0, CameraView::kSide, heel_raise},
}};

const ExerciseSpec* find_exercise(std::string_view name) {
  for (const auto& e : kExercises) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

// Box–Muller normals on mt19937_64, identical on every standard library.
class Noise {
 public:
  explicit Noise(std::uint64_t seed) : gen_(seed) {}
  double uniform() { return static_cast<double>(gen_() >> 11) * 0x1.0p-53; }  // [0, 1)
  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    const double u1 = 1.0 - uniform();  // (0, 1]
    const double u2 = uniform();
    const double r = std::sqrt(-2.0 * std::log(u1));
    spare_ = r * std::sin(2 * std::numbers::pi * u2);
    has_spare_ = true;
    return r * std::cos(2 * std::numbers::pi * u2);
  }

 private:
  std::mt19937_64 gen_;
  bool has_spare_ = false;
  double spare_ = 0;
};

// Model frame (subject facing the camera) → BlazePose world axes of the chosen view: a
// rotation about the vertical axis.
Vec3 to_view(const Vec3& v, CameraView view) {
  switch (view) {
    case CameraView::kSide: return {-v.z, v.y, v.x};  // faces image right, left side away
    case CameraView::kBack: return {-v.x, v.y, -v.z};
    default: return v;
  }
}

Result<void> check_range(double value, double lo, double hi, std::string_view name,
                         std::string_view unit = "") {
  if (value >= lo && value <= hi) return {};
  return bad_input(fmt::format("simulation option {} = {} is out of range", name, value), {},
                   fmt::format("use a value from {} to {}{}", lo, hi, unit));
}

Result<void> check_options(const SimulationOptions& o, double rep_duration_s) {
  const Compensations& c = o.compensations;
  const std::array<Result<void>, 20> checks = {
      check_range(o.reps, 1, 1000, "reps"),
      check_range(o.fps, 1, 1000, "fps", " frames per second"),
      check_range(o.stature_m, 0.5, 2.5, "stature_m", " m"),
      check_range(rep_duration_s, 0.5, 120, "rep_duration_s", " s (0 = the exercise's tempo)"),
      check_range(o.pause_s, 0, 60, "pause_s", " s"),
      check_range(o.image_width_px, 16, 16384, "image_width_px", " pixels"),
      check_range(o.image_height_px, 16, 16384, "image_height_px", " pixels"),
      check_range(o.image_noise_px, 0, 100, "image_noise_px", " pixels"),
      check_range(o.world_noise_m, 0, 0.5, "world_noise_m", " m"),
      check_range(o.camera_distance_m, 1, 20, "camera_distance_m", " m"),
      check_range(o.camera_height_m, 0, 3, "camera_height_m", " m (0 = default)"),
      check_range(o.vertical_fov_deg, 10, 150, "vertical_fov_deg", "°"),
      check_range(c.left_knee_valgus_deg, -45, 45, "left_knee_valgus_deg", "°"),
      check_range(c.right_knee_valgus_deg, -45, 45, "right_knee_valgus_deg", "°"),
      check_range(c.trunk_lateral_lean_deg, -45, 45, "trunk_lateral_lean_deg", "°"),
      check_range(c.pelvic_obliquity_deg, -30, 30, "pelvic_obliquity_deg", "°"),
      check_range(c.depth_scale, 0, 1.5, "depth_scale"),
      check_range(c.right_depth_scale, 0, 1.5, "right_depth_scale"),
      check_range(c.heel_lift_deg, 0, 45, "heel_lift_deg", "°"),
      check_range(c.outward_fraction, 0.1, 0.9, "outward_fraction"),
  };
  for (const auto& r : checks) {
    if (!r) return r;
  }
  if (!(c.hold_s >= 0 && c.hold_s < 0.8 * rep_duration_s)) {
    return bad_input(fmt::format("simulation option hold_s = {} is out of range", c.hold_s), {},
                     "use at least 0 and less than 80 % of the rep duration");
  }
  return {};
}

}  // namespace

std::vector<std::string_view> simulated_exercises() {
  std::vector<std::string_view> names;
  for (const auto& e : kExercises) names.push_back(e.name);
  return names;
}

std::string_view simulated_exercise_description(std::string_view exercise) {
  const ExerciseSpec* e = find_exercise(exercise);
  return e ? e->description : std::string_view{};
}

Result<Simulation> simulate(std::string_view exercise, const SimulationOptions& options) {
  const ExerciseSpec* spec = find_exercise(exercise);
  if (!spec) {
    return bad_input(
        fmt::format("unknown exercise '{}'", exercise), {},
        fmt::format("simulated exercises: {}", fmt::join(simulated_exercises(), ", ")));
  }
  const double rep_duration_s =
      options.rep_duration_s == 0 ? spec->rep_duration_s : options.rep_duration_s;
  if (auto ok = check_options(options, rep_duration_s); !ok) {
    return tl::unexpected(ok.error());
  }
  const Compensations& comp = options.compensations;
  const RepSchedule schedule = make_rep_schedule({.reps = options.reps,
                                                  .rep_duration_s = rep_duration_s,
                                                  .pause_s = options.pause_s,
                                                  .outward_fraction = comp.outward_fraction,
                                                  .hold_s = comp.hold_s});
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
  const BodyLandmarks standing = forward_kinematics(body, BodyPose{});
  const Vec3 toe_home = midpoint(standing[kLeftToe], standing[kRightToe]);
  const double floor_y = std::max(
      {standing[kLeftHeel].y, standing[kRightHeel].y, standing[kLeftToe].y, standing[kRightToe].y});
  const double camera_height_m =
      options.camera_height_m > 0 ? options.camera_height_m : 0.62 * options.stature_m;
  const Vec3 camera{0, floor_y - camera_height_m, -options.camera_distance_m};
  const double w = options.image_width_px, h = options.image_height_px;
  const double focal_px = 0.5 * h / std::tan(0.5 * options.vertical_fov_deg * kDegToRad);

  Simulation sim;
  sim.rep_start_s = schedule.rep_start_s;
  sim.rep_end_s = schedule.rep_end_s;
  PoseSequence& seq = sim.pose;
  seq = make_pose_sequence(blazepose33(), n, {.has_image = true, .has_world = true});
  seq.metadata = {.source = fmt::format("openpt simulate {}", exercise),
                  .format = "simulated",
                  .fps = options.fps,
                  .view = view};
  seq.image_space = {.units = ImageUnits::kNormalized,
                     .width_px = options.image_width_px,
                     .height_px = options.image_height_px};
  seq.world_up = {0, -1, 0};
  const auto names = defined_angle_names();
  std::vector<std::vector<double>*> truth;
  for (auto name : names) {
    auto& series = sim.truth_deg[std::string(name)];
    series.assign(n, NAN);
    truth.push_back(&series);
  }

  Noise noise(options.seed);
  const std::size_t k = seq.landmark_count();
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / options.fps;
    seq.t_s[i] = t;
    Progress p;
    p.raw = schedule.progress(t);
    p.left = p.raw * comp.depth_scale;
    p.right = p.left * comp.right_depth_scale;
    p.mean = 0.5 * (p.left + p.right);
    BodyPose pose = spec->pose(p, comp);
    pose.left.knee_valgus_deg += comp.left_knee_valgus_deg * p.raw;
    pose.right.knee_valgus_deg += comp.right_knee_valgus_deg * p.raw;
    pose.trunk_lateral_lean_deg += comp.trunk_lateral_lean_deg * p.raw;
    pose.pelvic_obliquity_deg += comp.pelvic_obliquity_deg * p.raw;

    BodyLandmarks lm = forward_kinematics(body, pose);
    const Vec3 shift = toe_home - midpoint(lm[kLeftToe], lm[kRightToe]);
    for (auto& v : lm) v = to_view(v + shift, view);  // room coordinates of this view
    const Vec3 mid_hip = midpoint(lm[kLeftHip], lm[kRightHip]);

    const DefinedAngles angles =
        definition_angles(lm, seq.world_up, {.min_projection_fraction = kTruthMinProjection});
    for (std::size_t a = 0; a < angles.size(); ++a) (*truth[a])[i] = angles[a];

    const double hip_depth = mid_hip.z - camera.z;
    for (std::size_t j = 0; j < k; ++j) {
      const Vec3 c = lm[j] - camera;  // camera axes = world axes
      const double x_px = focal_px * c.x / c.z + 0.5 * w;
      const double y_px = focal_px * c.y / c.z + 0.5 * h;
      const double z_norm = (c.z - hip_depth) * focal_px / (hip_depth * w);
      Landmark& out = seq.image_at(i, j);
      const double nx = noise.normal(), ny = noise.normal(), nz = noise.normal();
      out.x = static_cast<float>((x_px + options.image_noise_px * nx) / w);
      out.y = static_cast<float>((y_px + options.image_noise_px * ny) / h);
      out.z = static_cast<float>(z_norm + options.image_noise_px * nz / w);
      out.visibility = static_cast<float>(0.95 + 0.04 * noise.uniform());
      out.presence = 0.99f;

      const Vec3 origin = options.world_origin_per_frame ? mid_hip : Vec3{};
      const Vec3 jitter{noise.normal(), noise.normal(), noise.normal()};
      seq.world_at(i, j) = lm[j] - origin + jitter * options.world_noise_m;
    }
  }
  if (auto ok = validate(seq, seq.metadata.source); !ok) return tl::unexpected(ok.error());
  return sim;
}

}  // namespace openpt::motion
