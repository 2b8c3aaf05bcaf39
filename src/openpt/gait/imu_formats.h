// Reading IMU files: a generic CSV with an explicit column mapping, and the tab-separated
// format of the IPOL gait data set (Voisard et al. 2023). docs/formats.md describes both.
//
// Units are never guessed: a CSV mapping must say whether acceleration is in m/s² or g and
// angular rate in rad/s or °/s (readers convert to m/s² and rad/s), and whether time is a
// column (s, ms or µs) or implied by a sample rate. The IPOL format states its rate in its
// first line and uses m/s², rad/s and the sensor's packet counter as the clock (lost
// packets become gaps that resampling fills). Every error names file:line and the column.
//
//   ImuColumnMapping map;  // or read_column_mapping("columns.toml")
//   map.time_column = "t"; map.acc_columns = {"ax", "ay", "az"}; map.acc_unit = AccUnit::kG;
//   map.gyr_columns = {"gx", "gy", "gz"}; map.gyr_unit = GyrUnit::kDegPerS;
//   auto foot = read_imu_csv("left.csv", Placement::kLeftFoot, map);
//   auto back = read_imu_file("1-1_lb.txt", Placement::kLowerBack, {});  // IPOL, detected
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>

#include "openpt/core/error.h"
#include "openpt/gait/imu.h"
#include "openpt/gait/imu_resample.h"

namespace openpt::gait {

enum class AccUnit { kUnset, kMetrePerS2, kG };
enum class GyrUnit { kUnset, kRadPerS, kDegPerS };
enum class TimeUnit { kSeconds, kMilliseconds, kMicroseconds };

[[nodiscard]] Result<AccUnit> parse_acc_unit(std::string_view text);    // "m/s2", "g"
[[nodiscard]] Result<GyrUnit> parse_gyr_unit(std::string_view text);    // "rad/s", "deg/s"
[[nodiscard]] Result<TimeUnit> parse_time_unit(std::string_view text);  // "s", "ms", "us"

struct ImuColumnMapping {
  std::string time_column;  // empty: rows are equally spaced at sample_rate_hz
  TimeUnit time_unit = TimeUnit::kSeconds;
  double sample_rate_hz = 0;  // required without a time column; else 0 = estimate
  std::array<std::string, 3> acc_columns;
  std::array<std::string, 3> gyr_columns;
  std::array<std::string, 3> mag_columns;  // all empty: no magnetometer
  AccUnit acc_unit = AccUnit::kUnset;
  GyrUnit gyr_unit = GyrUnit::kUnset;
  char delimiter = 0;  // 0: detected from the header (',', ';' or tab)
};

// Reads a mapping from TOML (docs/formats.md "IMU CSV"): [time] column/unit/rate,
// [accelerometer] columns/unit, [gyroscope] columns/unit, [magnetometer] columns.
[[nodiscard]] Result<ImuColumnMapping> read_column_mapping(const std::filesystem::path& path);
// Fails when a required part of the mapping is missing (units, columns, time or rate).
[[nodiscard]] Result<void> validate_mapping(const ImuColumnMapping& mapping);

[[nodiscard]] Result<ImuSignal> read_imu_csv(const std::filesystem::path& path, Placement placement,
                                             const ImuColumnMapping& mapping,
                                             const ResampleOptions& resample = {});
[[nodiscard]] Result<ImuSignal> read_ipol_imu(const std::filesystem::path& path,
                                              Placement placement,
                                              const ResampleOptions& resample = {});

// True when the text starts like an IPOL file ("Acquisition frequency: ...").
[[nodiscard]] bool looks_like_ipol(std::string_view text);

struct ImuReadOptions {
  std::optional<ImuColumnMapping> mapping;  // required for CSV files
  ResampleOptions resample;
};

// Reads an IPOL file (recognised by its first line) or a CSV file with `options.mapping`.
[[nodiscard]] Result<ImuSignal> read_imu_file(const std::filesystem::path& path,
                                              Placement placement, const ImuReadOptions& options);

}  // namespace openpt::gait
