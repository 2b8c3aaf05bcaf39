#include "openpt/gait/imu_formats.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <cmath>
#include <cstdio>

#include "openpt/core/csv.h"
#include "openpt/core/file_name.h"

namespace openpt::gait {
namespace {

constexpr std::uintmax_t kMaxImuFileBytes = std::uintmax_t{1} << 31;

double acc_scale(AccUnit unit) {
  return unit == AccUnit::kG ? kStandardGravity : 1.0;
}
double gyr_scale(GyrUnit unit) {
  return unit == GyrUnit::kDegPerS ? kDegToRad : 1.0;
}
double time_scale(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kMilliseconds: return 1e-3;
    case TimeUnit::kMicroseconds: return 1e-6;
    default: return 1.0;
  }
}

char detect_delimiter(std::string_view text) {
  const std::string_view first = text.substr(0, text.find('\n'));
  if (first.find('\t') != std::string_view::npos) return '\t';
  if (first.find(',') != std::string_view::npos) return ',';
  if (first.find(';') != std::string_view::npos) return ';';
  return ',';
}

// Index of `name` in the header, or an error naming the column and listing the header.
Result<std::size_t> column_index(const CsvReader& csv, const std::string& name) {
  for (std::size_t i = 0; i < csv.size(); ++i) {
    if (csv.cell(i) == name) return i;
  }
  std::string header;
  for (std::size_t i = 0; i < csv.size() && i < 20; ++i) {
    header += (i ? ", " : "") + std::string(csv.cell(i));
  }
  return tl::unexpected(csv.error(fmt::format("no column named '{}' in the header", name),
                                  "the header has: " + header));
}

Result<std::array<std::size_t, 3>> column_triple(const CsvReader& csv,
                                                 const std::array<std::string, 3>& names) {
  std::array<std::size_t, 3> out{};
  for (int k = 0; k < 3; ++k) {
    auto i = column_index(csv, names[k]);
    if (!i) return tl::unexpected(i.error());
    out[k] = *i;
  }
  return out;
}

Result<Vec3> read_triple(const CsvReader& csv, const std::array<std::size_t, 3>& columns,
                         const std::array<std::string, 3>& names, double scale) {
  Vec3 v;
  double* parts[3] = {&v.x, &v.y, &v.z};
  for (int k = 0; k < 3; ++k) {
    auto x = csv.number(columns[k], names[k], CsvMissing::kAllowNaN);
    if (!x) return tl::unexpected(x.error());
    *parts[k] = *x * scale;
  }
  return v;
}

Result<std::string> read_file(const std::filesystem::path& path) {
  auto text = read_text_file(path, file_name_only(path), kMaxImuFileBytes);
  if (!text) return tl::unexpected(text.error());
  if (text->empty()) return bad_input("the file is empty", file_name_only(path));
  return text;
}

template <class T>
Result<T> parse_toml_unit(const toml::table& doc, std::string_view section, const std::string& file,
                          Result<T> (*parse)(std::string_view)) {
  const auto unit = doc[section]["unit"].value<std::string>();
  if (!unit) return T{};
  auto parsed = parse(*unit);
  if (!parsed)
    return tl::unexpected(parsed.error().within(fmt::format("{}: {}.unit", file, section)));
  return parsed;
}

Result<std::array<std::string, 3>> toml_columns(const toml::table& doc, std::string_view section,
                                                const std::string& file, bool required) {
  std::array<std::string, 3> out;
  const auto* array = doc[section]["columns"].as_array();
  if (!array) {
    if (!required) return out;
    return bad_input("missing: three column names, e.g. columns = [\"ax\", \"ay\", \"az\"]",
                     fmt::format("{}: {}.columns", file, section));
  }
  if (array->size() != 3) {
    return bad_input(fmt::format("needs three column names (x, y, z), found {}", array->size()),
                     fmt::format("{}: {}.columns", file, section));
  }
  for (std::size_t k = 0; k < 3; ++k) {
    const auto name = (*array)[k].value<std::string>();
    if (!name || name->empty()) {
      return bad_input("column names must be non-empty strings",
                       fmt::format("{}: {}.columns[{}]", file, section, k));
    }
    out[k] = *name;
  }
  return out;
}

}  // namespace

Result<AccUnit> parse_acc_unit(std::string_view text) {
  if (text == "m/s2" || text == "m/s^2" || text == "mps2" || text == "m/s²") {
    return AccUnit::kMetrePerS2;
  }
  if (text == "g") return AccUnit::kG;
  return bad_input(fmt::format("unknown accelerometer unit '{}'", text), {}, "use m/s2 or g");
}

Result<GyrUnit> parse_gyr_unit(std::string_view text) {
  if (text == "rad/s" || text == "rps") return GyrUnit::kRadPerS;
  if (text == "deg/s" || text == "dps" || text == "°/s") return GyrUnit::kDegPerS;
  return bad_input(fmt::format("unknown gyroscope unit '{}'", text), {}, "use rad/s or deg/s");
}

Result<TimeUnit> parse_time_unit(std::string_view text) {
  if (text == "s") return TimeUnit::kSeconds;
  if (text == "ms") return TimeUnit::kMilliseconds;
  if (text == "us" || text == "µs") return TimeUnit::kMicroseconds;
  return bad_input(fmt::format("unknown time unit '{}'", text), {}, "use s, ms or us");
}

Result<void> validate_mapping(const ImuColumnMapping& mapping) {
  const std::string hint = "see docs/formats.md, \"IMU CSV\"";
  if (mapping.acc_unit == AccUnit::kUnset) {
    return bad_input("the accelerometer unit is not given (m/s2 or g); OpenPT does not guess it",
                     {}, hint);
  }
  if (mapping.gyr_unit == GyrUnit::kUnset) {
    return bad_input("the gyroscope unit is not given (rad/s or deg/s); OpenPT does not guess it",
                     {}, hint);
  }
  for (const auto& c : mapping.acc_columns) {
    if (c.empty()) return bad_input("three accelerometer columns are needed", {}, hint);
  }
  for (const auto& c : mapping.gyr_columns) {
    if (c.empty()) return bad_input("three gyroscope columns are needed", {}, hint);
  }
  const int mag_given = !mapping.mag_columns[0].empty() + !mapping.mag_columns[1].empty() +
                        !mapping.mag_columns[2].empty();
  if (mag_given != 0 && mag_given != 3) {
    return bad_input("give all three magnetometer columns or none", {}, hint);
  }
  if (mapping.time_column.empty() && !(mapping.sample_rate_hz > 0)) {
    return bad_input("neither a time column nor a sample rate is given", {}, hint);
  }
  if (mapping.sample_rate_hz < 0 || !std::isfinite(mapping.sample_rate_hz) ||
      mapping.sample_rate_hz > 10000) {
    return bad_input(fmt::format("sample rate {} Hz is not plausible", mapping.sample_rate_hz), {},
                     hint);
  }
  return {};
}

Result<ImuColumnMapping> read_column_mapping(const std::filesystem::path& path) {
  const std::string file = file_name_only(path);
  auto text = read_text_file(path, file, 1 << 20);
  if (!text) return tl::unexpected(text.error());
  toml::table doc;
  try {
    doc = toml::parse(*text, file);
  } catch (const toml::parse_error& e) {
    return bad_input(fmt::format("line {}, column {}: {}", e.source().begin.line,
                                 e.source().begin.column, e.description()),
                     file, "see docs/formats.md, \"IMU CSV\"");
  }
  ImuColumnMapping m;
  m.time_column = doc["time"]["column"].value_or(std::string{});
  m.sample_rate_hz = doc["time"]["rate_hz"].value_or(0.0);
  auto time_unit = parse_toml_unit<TimeUnit>(doc, "time", file, parse_time_unit);
  if (!time_unit) return tl::unexpected(time_unit.error());
  m.time_unit = *time_unit;
  auto acc = toml_columns(doc, "accelerometer", file, true);
  if (!acc) return tl::unexpected(acc.error());
  m.acc_columns = *acc;
  auto gyr = toml_columns(doc, "gyroscope", file, true);
  if (!gyr) return tl::unexpected(gyr.error());
  m.gyr_columns = *gyr;
  auto mag = toml_columns(doc, "magnetometer", file, false);
  if (!mag) return tl::unexpected(mag.error());
  m.mag_columns = *mag;
  auto acc_unit = parse_toml_unit<AccUnit>(doc, "accelerometer", file, parse_acc_unit);
  if (!acc_unit) return tl::unexpected(acc_unit.error());
  m.acc_unit = *acc_unit;
  auto gyr_unit = parse_toml_unit<GyrUnit>(doc, "gyroscope", file, parse_gyr_unit);
  if (!gyr_unit) return tl::unexpected(gyr_unit.error());
  m.gyr_unit = *gyr_unit;
  if (const auto d = doc["delimiter"].value<std::string>()) {
    if (*d == "tab" || *d == "\t") {
      m.delimiter = '\t';
    } else if (d->size() == 1) {
      m.delimiter = (*d)[0];
    } else {
      return bad_input("delimiter must be one character or \"tab\"", file + ": delimiter");
    }
  }
  if (auto ok = validate_mapping(m); !ok) return tl::unexpected(ok.error().within(file));
  return m;
}

Result<ImuSignal> read_imu_csv(const std::filesystem::path& path, Placement placement,
                               const ImuColumnMapping& mapping, const ResampleOptions& resample) {
  const std::string file = file_name_only(path);
  if (auto ok = validate_mapping(mapping); !ok) return tl::unexpected(ok.error());
  auto text = read_file(path);
  if (!text) return tl::unexpected(text.error());
  CsvReader csv(*text, file, mapping.delimiter ? mapping.delimiter : detect_delimiter(*text));
  if (!csv.next()) return bad_input("the file is empty", file);
  std::optional<std::size_t> time_col;
  if (!mapping.time_column.empty()) {
    auto i = column_index(csv, mapping.time_column);
    if (!i) return tl::unexpected(i.error());
    time_col = *i;
  }
  auto acc_cols = column_triple(csv, mapping.acc_columns);
  if (!acc_cols) return tl::unexpected(acc_cols.error());
  auto gyr_cols = column_triple(csv, mapping.gyr_columns);
  if (!gyr_cols) return tl::unexpected(gyr_cols.error());
  const bool has_mag = !mapping.mag_columns[0].empty();
  std::array<std::size_t, 3> mag_cols{};
  if (has_mag) {
    auto m = column_triple(csv, mapping.mag_columns);
    if (!m) return tl::unexpected(m.error());
    mag_cols = *m;
  }
  const std::size_t columns = csv.size();
  RawImuSamples raw;
  const double t_scale = time_scale(mapping.time_unit);
  std::size_t row = 0;
  while (csv.next()) {
    if (auto ok = csv.expect_cells(columns); !ok) return tl::unexpected(ok.error());
    double t = static_cast<double>(row) / (mapping.sample_rate_hz > 0 ? mapping.sample_rate_hz : 1);
    if (time_col) {
      auto value = csv.number(*time_col, mapping.time_column);
      if (!value) return tl::unexpected(value.error());
      t = *value * t_scale;
    }
    auto acc = read_triple(csv, *acc_cols, mapping.acc_columns, acc_scale(mapping.acc_unit));
    if (!acc) return tl::unexpected(acc.error());
    auto gyr = read_triple(csv, *gyr_cols, mapping.gyr_columns, gyr_scale(mapping.gyr_unit));
    if (!gyr) return tl::unexpected(gyr.error());
    raw.t_s.push_back(t);
    raw.acc_mps2.push_back(*acc);
    raw.gyr_rps.push_back(*gyr);
    if (has_mag) {
      auto mag = read_triple(csv, mag_cols, mapping.mag_columns, 1.0);
      if (!mag) return tl::unexpected(mag.error());
      raw.mag.push_back(*mag);
    }
    raw.line.push_back(csv.line_number());
    ++row;
  }
  if (raw.t_s.empty()) return bad_input("the file has a header but no samples", file);
  ResampleOptions options = resample;
  if (options.sample_rate_hz <= 0) options.sample_rate_hz = mapping.sample_rate_hz;
  return resample_uniform(raw, placement, file, options);
}

bool looks_like_ipol(std::string_view text) {
  return text.substr(0, 22) == "Acquisition frequency:";
}

Result<ImuSignal> read_ipol_imu(const std::filesystem::path& path, Placement placement,
                                const ResampleOptions& resample) {
  const std::string file = file_name_only(path);
  auto text = read_file(path);
  if (!text) return tl::unexpected(text.error());
  if (!looks_like_ipol(*text)) {
    return bad_input("the first line must be 'Acquisition frequency: N Hz'", file + ":1",
                     "this is not an IPOL gait file; give a column mapping for CSV files");
  }
  const std::string_view first = std::string_view(*text).substr(0, text->find('\n'));
  auto rate = parse_csv_double(first.substr(22, first.find("Hz") == std::string_view::npos
                                                    ? std::string_view::npos
                                                    : first.find("Hz") - 22));
  if (!rate || !(*rate > 0) || *rate > 10000) {
    return bad_input("cannot read the sample rate from 'Acquisition frequency: N Hz'", file + ":1");
  }
  CsvReader csv(*text, file, '\t');
  csv.next();  // the "Acquisition frequency" line
  if (!csv.next()) return bad_input("no column header after the first line", file + ":2");
  const std::array<std::string, 3> acc_names{"Acc_X", "Acc_Y", "Acc_Z"};
  const std::array<std::string, 3> gyr_names{"Gyr_X", "Gyr_Y", "Gyr_Z"};
  const std::array<std::string, 3> mag_names{"Mag_X", "Mag_Y", "Mag_Z"};
  auto counter = column_index(csv, "PacketCounter");
  if (!counter) return tl::unexpected(counter.error());
  auto acc_cols = column_triple(csv, acc_names);
  if (!acc_cols) return tl::unexpected(acc_cols.error());
  auto gyr_cols = column_triple(csv, gyr_names);
  if (!gyr_cols) return tl::unexpected(gyr_cols.error());
  auto mag_cols = column_triple(csv, mag_names);
  const std::size_t columns = csv.size();
  RawImuSamples raw;
  double wrap_offset = 0;
  double previous = -1;
  while (csv.next()) {
    if (auto ok = csv.expect_cells(columns); !ok) return tl::unexpected(ok.error());
    auto packet = csv.number(*counter, "PacketCounter");
    if (!packet) return tl::unexpected(packet.error());
    // Xsens packet counters are 16-bit and wrap around after 65535.
    if (previous >= 0 && *packet + wrap_offset < previous - 30000) wrap_offset += 65536;
    const double count = *packet + wrap_offset;
    previous = count;
    auto acc = read_triple(csv, *acc_cols, acc_names, 1.0);
    if (!acc) return tl::unexpected(acc.error());
    auto gyr = read_triple(csv, *gyr_cols, gyr_names, 1.0);
    if (!gyr) return tl::unexpected(gyr.error());
    raw.t_s.push_back(count / *rate);
    raw.acc_mps2.push_back(*acc);
    raw.gyr_rps.push_back(*gyr);
    if (mag_cols) {
      auto mag = read_triple(csv, *mag_cols, mag_names, 1.0);
      if (!mag) return tl::unexpected(mag.error());
      raw.mag.push_back(*mag);
    }
    raw.line.push_back(csv.line_number());
  }
  if (raw.t_s.empty()) return bad_input("the file has a header but no samples", file);
  ResampleOptions options = resample;
  options.sample_rate_hz = *rate;
  return resample_uniform(raw, placement, file, options);
}

Result<ImuSignal> read_imu_file(const std::filesystem::path& path, Placement placement,
                                const ImuReadOptions& options) {
  // The first bytes are enough to recognise the format; errors come from the readers.
  std::error_code ec;
  std::string head;
  if (std::filesystem::is_regular_file(path, ec)) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f) {
      char buf[64] = {};
      const std::size_t got = std::fread(buf, 1, sizeof buf, f);
      std::fclose(f);
      head.assign(buf, got);
    }
  }
  if (looks_like_ipol(head)) return read_ipol_imu(path, placement, options.resample);
  if (!options.mapping) {
    return bad_input("a CSV IMU file needs a column mapping (columns and units)",
                     file_name_only(path),
                     "pass --columns mapping.toml or the --acc-*/--gyr-*/--time-* flags");
  }
  return read_imu_csv(path, placement, *options.mapping, options.resample);
}

}  // namespace openpt::gait
