// openpt gait: reads IMU recordings (one file per sensor, each with its placement), detects
// initial and final contacts (feet, lower back), walking bouts and turns, and reports
// spatiotemporal gait parameters per side with symmetry and variability (gait_analysis.h)
// as text, JSON (openpt.gait/1) or HTML.
//
//   openpt gait --sensor left_foot=1-1_lf.txt --sensor right_foot=1-1_rf.txt
//   openpt gait --sensor lower_back=1-1_lb.txt
//   openpt gait --sensor left_foot=l.csv --columns imu.toml --date 2026-11-20 -o s.json
#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "analysis_pipeline.h"
#include "cli_output.h"
#include "commands.h"
#include "openpt/core/progress.h"
#include "openpt/gait/gait_analysis.h"
#include "openpt/gait/gait_report.h"
#include "openpt/gait/imu_formats.h"
#include "openpt/gait/trend.h"

namespace openpt::cli {
namespace {

using namespace openpt::gait;

struct GaitArgs {
  std::vector<std::string> sensors;  // PLACEMENT=FILE
  std::string format;
  std::string output;
  std::string date;
  std::string columns;  // TOML mapping
  std::string time_column, time_unit = "s", acc_columns, acc_unit, gyr_columns, gyr_unit,
                           mag_columns;
  double rate_hz = 0;
  double max_gap_s = 0.5;
};

Result<std::array<std::string, 3>> three_names(const std::string& text, const std::string& flag) {
  std::array<std::string, 3> out;
  std::stringstream in(text);
  std::string part;
  std::size_t k = 0;
  while (std::getline(in, part, ',')) {
    if (k == 3 || part.empty()) break;
    out[k++] = part;
  }
  if (k != 3 || std::getline(in, part, ',')) {
    return bad_input("needs three comma-separated column names (x,y,z), got '" + text + "'", flag);
  }
  return out;
}

Result<std::optional<ImuColumnMapping>> make_mapping(const GaitArgs& a) {
  const bool flags_given = !a.acc_columns.empty() || !a.gyr_columns.empty() ||
                           !a.acc_unit.empty() || !a.gyr_unit.empty() || !a.time_column.empty() ||
                           a.rate_hz > 0;
  if (!a.columns.empty()) {
    if (flags_given) {
      return bad_input("give either --columns FILE or the --acc-*/--gyr-*/--time-* flags, not both",
                       "--columns");
    }
    auto mapping = read_column_mapping(a.columns);
    if (!mapping) return tl::unexpected(mapping.error());
    return std::optional<ImuColumnMapping>(*mapping);
  }
  if (!flags_given) return std::optional<ImuColumnMapping>();
  ImuColumnMapping m;
  m.time_column = a.time_column;
  m.sample_rate_hz = a.rate_hz;
  auto time_unit = parse_time_unit(a.time_unit);
  if (!time_unit) return tl::unexpected(time_unit.error().within("--time-unit"));
  m.time_unit = *time_unit;
  auto acc = three_names(a.acc_columns, "--acc-cols");
  if (!acc) return tl::unexpected(acc.error());
  m.acc_columns = *acc;
  auto gyr = three_names(a.gyr_columns, "--gyr-cols");
  if (!gyr) return tl::unexpected(gyr.error());
  m.gyr_columns = *gyr;
  if (!a.mag_columns.empty()) {
    auto mag = three_names(a.mag_columns, "--mag-cols");
    if (!mag) return tl::unexpected(mag.error());
    m.mag_columns = *mag;
  }
  if (a.acc_unit.empty()) {
    return bad_input("the accelerometer unit is required", "--acc-unit", "m/s2 or g");
  }
  auto acc_unit = parse_acc_unit(a.acc_unit);
  if (!acc_unit) return tl::unexpected(acc_unit.error().within("--acc-unit"));
  m.acc_unit = *acc_unit;
  if (a.gyr_unit.empty()) {
    return bad_input("the gyroscope unit is required", "--gyr-unit", "rad/s or deg/s");
  }
  auto gyr_unit = parse_gyr_unit(a.gyr_unit);
  if (!gyr_unit) return tl::unexpected(gyr_unit.error().within("--gyr-unit"));
  m.gyr_unit = *gyr_unit;
  if (auto ok = validate_mapping(m); !ok) return tl::unexpected(ok.error());
  return std::optional<ImuColumnMapping>(m);
}

// The same date rule as gait-trend (parse_iso_date), so a report it accepts here is one
// gait-trend can read later.
Result<void> check_date(const std::string& date) {
  if (date.empty()) return {};
  if (auto parsed = parse_iso_date(date); !parsed)
    return tl::unexpected(parsed.error().within("--date"));
  return {};
}

int run_gait(const GaitArgs& args) {
  if (auto ok = check_date(args.date); !ok) return report_error(ok.error());
  auto format = parse_report_format(args.format, args.output);
  if (!format) return report_error(format.error());
  auto mapping = make_mapping(args);
  if (!mapping) return report_error(mapping.error());
  if (!(args.max_gap_s > 0 && args.max_gap_s <= 10)) {
    return report_error(bad_input("must be greater than 0 and at most 10 s", "--max-gap").value());
  }
  ImuReadOptions read;
  read.mapping = *mapping;
  read.resample.max_gap_s = args.max_gap_s;
  ImuRecording recording;
  Progress progress("reading sensors", args.sensors.size());
  for (std::size_t i = 0; i < args.sensors.size(); ++i) {
    const std::string& spec = args.sensors[i];
    const auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      return report_error(bad_input("expected PLACEMENT=FILE, got '" + spec + "'", "--sensor",
                                    "e.g. --sensor left_foot=left.csv")
                              .value());
    }
    auto placement = parse_placement(spec.substr(0, eq));
    if (!placement) return report_error(placement.error().within("--sensor"));
    const std::string file = spec.substr(eq + 1);
    if (auto ok = refuse_output_over_input(file, args.output, "recording"); !ok) {
      return report_error(ok.error());
    }
    auto signal = read_imu_file(file, *placement, read);
    if (!signal) return report_error(signal.error());
    recording.sensors.push_back(std::move(*signal));
    if (cancel_requested()) return report_error(cancelled("interrupted").value());
    progress.update(i + 1);
  }
  progress.finish();
  auto analysis = analyze_gait(recording);
  if (!analysis) return report_error(analysis.error());
  GaitReportInfo info;
  if (!args.date.empty()) info.date = args.date;
  std::string content;
  switch (*format) {
    case ReportFormat::kJson: content = render_gait_json(*analysis, recording, info); break;
    case ReportFormat::kHtml: content = render_gait_html(*analysis, recording, info); break;
    default: content = render_gait_text(*analysis, recording, info);
  }
  if (auto written = write_output(args.output, content); !written) {
    return report_error(written.error());
  }
  return 0;
}

constexpr const char* kFooter =
    R"(Sensors (--sensor PLACEMENT=FILE, repeat per sensor):
  placements: left_foot, right_foot, left_shank, right_shank, lower_back, wrist
  Events and parameters come from the foot sensors; a lower_back sensor adds its own
  contacts (with sides), cadence, walking bouts and turns, and gives the parameters when
  there is no foot sensor (docs/gait.md). Shank and wrist sensors are read, checked and
  noted in the report.

Input files (docs/formats.md):
  IPOL gait files (first line "Acquisition frequency: N Hz", tab-separated PacketCounter,
  Acc_X.., Gyr_X.., Mag_X..; m/s², rad/s) are recognised by their first line.
  CSV files need a column mapping: --columns mapping.toml, or the flags
  --acc-cols ax,ay,az --acc-unit m/s2|g --gyr-cols gx,gy,gz --gyr-unit rad/s|deg/s and
  --time-col t [--time-unit s|ms|us] or --rate HZ. Units are never guessed; values that
  make no physical sense in the given unit are refused with a hint.

Output (--format; when not given: from the -o extension, else text):
  text  cadence, gait speed, per-side parameters (mean ± SD), CV, symmetry, notes
  json  schema "openpt.gait/1" with every event (side, type, t_s, sample) and the
        parameters per side and per walking bout (docs/formats.md); input of gait-trend
  html  one self-contained page with the tables and the foot and lower-back signals with
        their events and turns

Exit status: 0 success, 2 bad input or flags, 1 internal error, 130 interrupted.

Examples:
  openpt gait --sensor left_foot=1-1_lf.txt --sensor right_foot=1-1_rf.txt
  openpt gait --sensor lower_back=1-1_lb.txt -o back.html
  openpt gait --sensor left_foot=l.csv --sensor right_foot=r.csv --time-col t \
      --acc-cols ax,ay,az --acc-unit g --gyr-cols gx,gy,gz --gyr-unit deg/s -o gait.html
  openpt gait --sensor left_foot=l.csv --columns imu.toml --date 2026-11-20 -o day.json)";

}  // namespace

void register_gait(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<GaitArgs>();
  CLI::App* cmd =
      app.add_subcommand("gait", "Detect gait events in IMU recordings and report gait parameters");
  cmd->add_option("--sensor", args->sensors, "PLACEMENT=FILE, once per sensor")
      ->type_name("PLACEMENT=FILE")
      ->required();
  cmd->add_option("--format", args->format, "report format: text, json or html");
  cmd->add_option("-o,--output", args->output,
                  "write the report to OUT (atomically) instead of standard output")
      ->type_name("OUT");
  cmd->add_option("--date", args->date, "session date YYYY-MM-DD (stored for gait-trend)")
      ->type_name("DATE");
  cmd->add_option("--columns", args->columns, "CSV column mapping (TOML, docs/formats.md)")
      ->type_name("FILE");
  cmd->add_option("--time-col", args->time_column, "CSV: time column")->type_name("NAME");
  cmd->add_option("--time-unit", args->time_unit, "CSV: time unit s, ms or us")
      ->type_name("UNIT")
      ->capture_default_str();
  cmd->add_option("--rate", args->rate_hz, "CSV: sample rate when there is no time column")
      ->type_name("HZ");
  cmd->add_option("--acc-cols", args->acc_columns, "CSV: accelerometer x,y,z columns")
      ->type_name("X,Y,Z");
  cmd->add_option("--acc-unit", args->acc_unit, "CSV: m/s2 or g")->type_name("UNIT");
  cmd->add_option("--gyr-cols", args->gyr_columns, "CSV: gyroscope x,y,z columns")
      ->type_name("X,Y,Z");
  cmd->add_option("--gyr-unit", args->gyr_unit, "CSV: rad/s or deg/s")->type_name("UNIT");
  cmd->add_option("--mag-cols", args->mag_columns, "CSV: magnetometer x,y,z columns (optional)")
      ->type_name("X,Y,Z");
  cmd->add_option("--max-gap", args->max_gap_s,
                  "longest stretch of lost samples filled by interpolation, s")
      ->type_name("S")
      ->capture_default_str();
  cmd->footer(kFooter);
  cmd->callback([args, &context] { context.run = [args] { return run_gait(*args); }; });
}

}  // namespace openpt::cli
