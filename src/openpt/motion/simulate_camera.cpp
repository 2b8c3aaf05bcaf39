#include "openpt/motion/simulate_camera.h"

#include <cmath>
#include <numbers>

namespace openpt::motion::sim {

namespace {

constexpr std::size_t kLeftHip = 23, kRightHip = 24;
constexpr float kOccludedVisibility = 0.1f;

}  // namespace

double Noise::normal() {
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

SimCamera make_camera(const SimulationOptions& o, double floor_y) {
  const double height_m = o.camera_height_m > 0 ? o.camera_height_m : 0.62 * o.stature_m;
  SimCamera cam;
  cam.position = {0, floor_y - height_m, -o.camera_distance_m};
  cam.width_px = o.image_width_px;
  cam.height_px = o.image_height_px;
  cam.focal_px = 0.5 * cam.height_px / std::tan(0.5 * o.vertical_fov_deg * kDegToRad);
  return cam;
}

double half_view_width_m(const SimCamera& camera, const SimulationOptions& options) {
  return 0.5 * camera.width_px / camera.focal_px * options.camera_distance_m;
}

void record_frame(const BodyLandmarks& room, double t_s, std::size_t i, const SimCamera& cam,
                  const SimulationOptions& options, Noise& noise, Noise& drops, PoseSequence& seq) {
  const std::size_t k = seq.landmark_count();
  const Vec3 mid_hip = midpoint(room[kLeftHip], room[kRightHip]);
  const double hip_depth = mid_hip.z - cam.position.z;
  const Vec3 origin = options.world_origin_per_frame ? mid_hip : Vec3{};
  std::size_t in_view = 0;
  for (std::size_t j = 0; j < k; ++j) {
    const Vec3 c = room[j] - cam.position;
    const double x_px = cam.focal_px * c.x / c.z + 0.5 * cam.width_px;
    const double y_px = cam.focal_px * c.y / c.z + 0.5 * cam.height_px;
    const bool inside =
        c.z > 0 && x_px >= 0 && x_px <= cam.width_px && y_px >= 0 && y_px <= cam.height_px;
    in_view += inside ? 1 : 0;
    const double z_norm = (c.z - hip_depth) * cam.focal_px / (hip_depth * cam.width_px);
    Landmark& out = seq.image_at(i, j);
    const double nx = noise.normal(), ny = noise.normal(), nz = noise.normal();
    out.x = static_cast<float>((x_px + options.image_noise_px * nx) / cam.width_px);
    out.y = static_cast<float>((y_px + options.image_noise_px * ny) / cam.height_px);
    out.z = static_cast<float>(z_norm + options.image_noise_px * nz / cam.width_px);
    const double u = noise.uniform();
    out.visibility = static_cast<float>(inside ? 0.95 + 0.04 * u : 0.02 + 0.08 * u);
    out.presence = inside ? 0.99f : 0.1f;
    const Vec3 jitter{noise.normal(), noise.normal(), noise.normal()};
    seq.world_at(i, j) = room[j] - origin + jitter * options.world_noise_m;
  }
  for (const Occlusion& occ : options.occlusions) {
    if (t_s < occ.start_s || t_s > occ.end_s) continue;
    for (std::size_t j : occ.landmarks) seq.image_at(i, j).visibility = kOccludedVisibility;
  }
  const bool dropped = drops.uniform() < options.dropped_frames;
  if (dropped || 3 * in_view < k) {  // a person mostly out of view is not detected
    seq.detected[i] = 0;
    for (std::size_t j = 0; j < k; ++j) {
      seq.image_at(i, j) = Landmark{};
      seq.world_at(i, j) = Vec3{NAN, NAN, NAN};
    }
  }
}

}  // namespace openpt::motion::sim
