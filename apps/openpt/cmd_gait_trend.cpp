// openpt gait-trend: reads the gait reports of many sessions (or a CSV table of sessions),
// follows each gait parameter over time against a robust trailing baseline and reports
// deteriorations with a sentence each (gait/trend.h), as text, JSON or self-contained HTML.
//
//   openpt gait-trend sessions/*.json
//   openpt gait-trend clinic.csv --window-days 42 -o trend.html
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "analysis_pipeline.h"
#include "cli_output.h"
#include "commands.h"
#include "openpt/gait/trend_input.h"
#include "openpt/gait/trend_report.h"

namespace openpt::cli {

namespace {

using namespace openpt::gait;

// The flags as typed; checked and turned into options by make_options().
struct GaitTrendArgs {
  std::vector<std::string> files;
  std::string format;  // empty: from the -o extension, else text
  std::string output;
  std::string parameters = "all";
  TrendOptions options;
};

Result<std::vector<TrendParameter>> parse_parameter_list(const std::string& list) {
  std::vector<TrendParameter> out;
  if (list == "all") return out;  // empty: all of them
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    auto p = parse_trend_parameter(list.substr(start, comma - start));
    if (!p) return tl::unexpected(p.error().within("--parameters"));
    out.push_back(*p);
    start = comma + 1;
  }
  return out;
}

Result<TrendOptions> make_options(const GaitTrendArgs& a) {
  TrendOptions options = a.options;
  auto parameters = parse_parameter_list(a.parameters);
  if (!parameters) return tl::unexpected(parameters.error());
  options.parameters = std::move(*parameters);
  if (auto ok = validate_trend_options(options); !ok) {
    Error e = ok.error();  // name the flag: window_days → --window-days
    std::replace(e.where.begin(), e.where.end(), '_', '-');
    e.where = "--" + e.where;
    return tl::unexpected(e);
  }
  return options;
}

int run_gait_trend(const GaitTrendArgs& args) {
  auto options = make_options(args);
  if (!options) return report_error(options.error());
  auto format = parse_report_format(args.format, args.output);
  if (!format) return report_error(format.error());
  for (const std::string& file : args.files) {
    if (auto ok = refuse_output_over_input(file, args.output, "session file"); !ok) {
      return report_error(ok.error());
    }
  }
  const std::vector<std::filesystem::path> paths(args.files.begin(), args.files.end());
  auto input = read_trend_files(paths);
  if (!input) return report_error(input.error());
  TrendReport report = analyze_trend(input->sessions, *options);
  report.notes.insert(report.notes.begin(), input->notes.begin(), input->notes.end());
  std::string content;
  switch (*format) {
    case ReportFormat::kText: content = render_trend_text(report); break;
    case ReportFormat::kJson:
      content = trend_to_json(report).dump(2, ' ', false,
                                           nlohmann::ordered_json::error_handler_t::replace) +
                "\n";
      break;
    case ReportFormat::kHtml: content = render_trend_html(report); break;
  }
  if (auto written = write_output(args.output, content); !written) {
    return report_error(written.error());
  }
  return 0;
}

constexpr const char* kFooter =
    R"(Input (SESSIONS, any mix; file type from the content):
  gait reports  written by `openpt gait ... --date YYYY-MM-DD --format json`
                ("format": "openpt.gait/1"), one session each; session.date is required
  CSV tables    a header `date,cadence_spm,gait_speed_mps,...` (any of the parameter names
                below, other columns ignored), then one row per session; an empty cell is
                an unknown value
  Several sessions on one day count as one day: the median of each parameter.

Parameters (--parameters, comma-separated, default all):
  cadence_spm, gait_speed_mps, stride_length_m (lower is worse); stride_time_s,
  double_support_pct, stride_time_cv_pct, stride_time_si_pct, step_time_si_pct (higher is
  worse)

Method: each session day is compared with the median and robust SD (1.4826 x MAD, at least
2 % of the median) of the session days in the --window-days before it (at least
--min-baseline-sessions of them). An alert needs --consecutive session days in a row each at
least --min-change-pct % (variability and asymmetry: 1 or 3 percentage points) and 2 robust
SDs worse, or a one-sided CUSUM alarm (k 0.5, h 4) for slower drifts. Improvements are
listed but never alerts. docs/gait-trend.md has the details.

Output (--format; when not given: from the -o extension, else text):
  text  alerts first, then a table per parameter: date, value, baseline, % change
  json  schema "openpt.gait-trend/1" (docs/formats.md)
  html  one self-contained page with a plot per parameter; loads nothing from the network
  Only file names appear in the report, never their directories.

Exit status: 0 success, whether or not there are alerts; 2 bad input or flags; 1 internal
error.

Examples:
  openpt gait-trend sessions/*.json
  openpt gait-trend clinic_export.csv --window-days 42 -o trend.html
  openpt gait-trend w*.json --parameters cadence_spm,gait_speed_mps --format json)";

}  // namespace

void register_gait_trend(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<GaitTrendArgs>();
  CLI::App* cmd = app.add_subcommand(
      "gait-trend", "Follow gait parameters over many sessions and report deteriorations");
  cmd->add_option("SESSIONS", args->files,
                  "gait reports (openpt gait --format json) and/or CSV tables of sessions")
      ->type_name("")
      ->required();
  cmd->add_option("--format", args->format, "report format: text, json or html")
      ->type_name("text|json|html");
  cmd->add_option("-o,--output", args->output,
                  "write the report to OUT (atomically) instead of standard output")
      ->type_name("OUT");
  cmd->add_option("--window-days", args->options.window_days,
                  "baseline window: the session days in the N days before each day")
      ->type_name("N")
      ->capture_default_str();
  cmd->add_option("--min-baseline-sessions", args->options.min_baseline_sessions,
                  "session days the window needs before a day is judged")
      ->type_name("N")
      ->capture_default_str();
  cmd->add_option("--min-change-pct", args->options.min_change_pct,
                  "smallest change from the baseline, in % of it, that counts as worse")
      ->type_name("P")
      ->capture_default_str();
  cmd->add_option("--consecutive", args->options.consecutive,
                  "session days in a row that must be worse for an alert")
      ->type_name("N")
      ->capture_default_str();
  cmd->add_option("--parameters", args->parameters,
                  "the parameters to follow, comma-separated, or all")
      ->type_name("LIST")
      ->capture_default_str();
  cmd->footer(kFooter);
  cmd->callback([args, &context] { context.run = [args] { return run_gait_trend(*args); }; });
}

}  // namespace openpt::cli
