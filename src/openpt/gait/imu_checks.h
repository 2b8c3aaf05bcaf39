// Physical plausibility checks on IMU signals, so a wrong unit or a dead sensor is an
// error that says what is wrong instead of a silently absurd gait report.
//
// Checked per sensor: the accelerometer's median magnitude must be near 1 g (9.81 m/s²:
// gravity dominates any recording of daily movement) — a median near 1 means the file is in
// g, near 9810 in mm/s² or mg; the gyroscope's 99th-percentile magnitude must stay below
// 35 rad/s (2000 °/s, the range of body-worn MEMS gyroscopes) — higher means °/s read as
// rad/s; a sensor whose signals do not vary has no signal. Across sensors: durations that
// differ by more than `max_duration_mismatch_s` mean the files do not belong together.
//
//   if (auto ok = check_imu_signal(foot); !ok) return tl::unexpected(ok.error());
//   if (auto ok = check_recording(recording); !ok) return tl::unexpected(ok.error());
#pragma once

#include "openpt/core/error.h"
#include "openpt/gait/imu.h"

namespace openpt::gait {

struct ImuCheckOptions {
  double min_median_acc_mps2 = 4.0;   // ~0.4 g
  double max_median_acc_mps2 = 25.0;  // ~2.5 g
  double max_gyro_p99_rps = 35.0;     // 2000 °/s
  double min_signal_sd = 1e-4;        // acc (m/s²) and gyro (rad/s) SD below this: no signal
  double min_duration_s = 2.0;
  double max_duration_mismatch_s = 2.0;
};

[[nodiscard]] Result<void> check_imu_signal(const ImuSignal& signal,
                                            const ImuCheckOptions& options = {});
[[nodiscard]] Result<void> check_recording(const ImuRecording& recording,
                                           const ImuCheckOptions& options = {});

}  // namespace openpt::gait
