// IMU recordings: what the gait module reads, resamples and analyses.
//
// A recording holds one or more sensors, each worn at a `Placement` (left/right foot,
// left/right shank, lower back, wrist). Every sensor is stored uniformly sampled, in SI
// units and in its own frame: acceleration in m/s² (specific force, so a sensor at rest
// reads +9.81 m/s² along the axis pointing up), angular rate in rad/s, the magnetic field
// in the file's own units (optional). Readers convert explicit units (g, °/s) and resample
// irregular or gappy timestamps onto the uniform grid (imu_resample.h); `t0_s` is the time
// of sample 0 from the recording's time origin, so events of different sensors share one
// clock.
//
//   ImuSignal foot = ...;                          // from read_imu_csv / read_ipol_imu
//   double t = foot.time_s(120);                   // seconds of sample 120
//   Vec3 w = foot.gyr_rps[120];                    // angular rate, rad/s, sensor frame
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/core/geometry.h"

namespace openpt::gait {

inline constexpr double kStandardGravity = 9.80665;  // m/s²

enum class Placement { kLeftFoot, kRightFoot, kLeftShank, kRightShank, kLowerBack, kWrist };
enum class Side { kLeft, kRight, kUnknown };

// "left_foot", "right_foot", "left_shank", "right_shank", "lower_back", "wrist".
[[nodiscard]] std::string_view placement_name(Placement placement);
// Parses the names above; the error lists the accepted names.
[[nodiscard]] Result<Placement> parse_placement(std::string_view name);
[[nodiscard]] Side placement_side(Placement placement);
[[nodiscard]] std::string_view side_name(Side side);  // "left", "right", "unknown"
[[nodiscard]] bool is_foot(Placement placement);

// One sensor, uniformly sampled.
struct ImuSignal {
  Placement placement = Placement::kLowerBack;
  std::string source;              // file name for messages (never a patient identifier)
  double sample_rate_hz = 0;       // > 0
  double t0_s = 0;                 // time of sample 0 from the recording's origin
  std::vector<Vec3> acc_mps2;      // accelerometer, m/s², sensor frame
  std::vector<Vec3> gyr_rps;       // gyroscope, rad/s, sensor frame (same length)
  std::vector<Vec3> mag;           // magnetometer (file units), empty when absent
  std::size_t filled_samples = 0;  // samples interpolated over gaps while resampling
  std::size_t longest_gap_samples = 0;

  [[nodiscard]] std::size_t size() const { return acc_mps2.size(); }
  [[nodiscard]] double time_s(std::size_t sample) const {
    return t0_s + static_cast<double>(sample) / sample_rate_hz;
  }
  [[nodiscard]] double duration_s() const { return static_cast<double>(size()) / sample_rate_hz; }
};

// Several sensors recorded together.
struct ImuRecording {
  std::vector<ImuSignal> sensors;

  [[nodiscard]] const ImuSignal* find(Placement placement) const;
};

}  // namespace openpt::gait
