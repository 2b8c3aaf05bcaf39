// Resampling of irregular or gappy IMU samples onto a uniform grid.
//
// Readers collect `RawImuSamples` (timestamps in seconds, values already in SI units, NaN
// where a value is missing); `resample_uniform` checks the timestamps, estimates the rate
// when none is given (the median sample interval), and linearly interpolates every grid
// point from its two neighbouring valid samples. Gaps (lost packets, NaN runs) up to
// `max_gap_s` are filled and counted; a longer gap is an error naming where it is, so a
// broken stream is never analysed as if it were whole.
//
//   RawImuSamples raw = ...;  // t_s strictly increasing
//   auto signal = resample_uniform(raw, Placement::kLeftFoot, "lf.csv", {.sample_rate_hz = 100});
//   if (!signal) return tl::unexpected(signal.error());
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/gait/imu.h"

namespace openpt::gait {

struct RawImuSamples {
  std::vector<double> t_s;
  std::vector<Vec3> acc_mps2;
  std::vector<Vec3> gyr_rps;
  std::vector<Vec3> mag;          // empty, or one per sample
  std::vector<std::size_t> line;  // source line of each sample (for messages), optional
};

struct ResampleOptions {
  double sample_rate_hz = 0;  // 0: the median of the sample intervals
  double max_gap_s = 0.5;     // longer stretches without a valid sample are an error
};

[[nodiscard]] Result<ImuSignal> resample_uniform(const RawImuSamples& raw, Placement placement,
                                                 std::string source,
                                                 const ResampleOptions& options = {});

}  // namespace openpt::gait
