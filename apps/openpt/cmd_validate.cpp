// openpt validate: compares a measurement method (the index test) with a reference standard
// on paired values from two CSV files and reports agreement, reliability, correlation, error
// and, for binary results, diagnostic accuracy — as text, JSON or self-contained HTML.
//
//   openpt validate --reference goniometer.csv --test openpt.csv --id-col rep
//   openpt validate --reference A.csv --test B.csv --subject-col subject -o report.html
#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis_pipeline.h"
#include "cli_output.h"
#include "commands.h"
#include "validate_analysis.h"
#include "validate_input.h"
#include "validate_render.h"

namespace openpt::cli {

namespace {

struct ValidateArgs {
  PairedInput input;
  std::string missing = "error";
  double confidence = 0.95;
  std::optional<double> threshold, mcid, acceptable_difference;
  std::string format;  // empty: from the -o extension, else text
  std::string output;
};

Result<ValidationOptions> make_options(const ValidateArgs& a) {
  ValidationOptions o;
  if (!(a.confidence > 0 && a.confidence < 1)) {
    return bad_input(fmt::format("confidence level must be between 0 and 1, got {}", a.confidence),
                     "--confidence", "e.g. 0.95 for 95 % intervals");
  }
  o.confidence = a.confidence;
  if (a.missing != "error" && a.missing != "exclude") {
    return bad_input("unknown missing-value policy '" + a.missing + "'", "--missing",
                     "use error (refuse missing values) or exclude (drop incomplete pairs and "
                     "report them)");
  }
  o.missing_excluded = a.missing == "exclude";
  if (a.threshold && !std::isfinite(*a.threshold)) {
    return bad_input("the threshold must be a finite number", "--threshold");
  }
  o.threshold = a.threshold;
  for (const auto& [value, flag] :
       {std::pair{&a.mcid, "--mcid"}, std::pair{&a.acceptable_difference, "--acceptable-diff"}}) {
    if (*value && !(**value > 0 && std::isfinite(**value))) {
      return bad_input(fmt::format("must be a positive number, got {}", **value), flag,
                       "in the units of the measurement, e.g. degrees");
    }
  }
  o.mcid = a.mcid;
  o.acceptable_difference = a.acceptable_difference;
  return o;
}

int run_validate(ValidateArgs args) {
  auto options = make_options(args);
  if (!options) return report_error(options.error());
  auto format = parse_report_format(args.format, args.output);
  if (!format) return report_error(format.error());
  for (const std::string* input : {&args.input.reference_path, &args.input.test_path}) {
    if (auto ok = refuse_output_over_input(*input, args.output, "CSV file"); !ok) {
      return report_error(ok.error());
    }
  }
  args.input.allow_missing = options->missing_excluded;
  auto table = read_paired_csvs(args.input);
  if (!table) return report_error(table.error());
  auto report = analyze_validation(std::move(*table), *options);
  if (!report) return report_error(report.error());
  std::string content;
  switch (*format) {
    case ReportFormat::kText: content = render_validation_text(*report); break;
    case ReportFormat::kJson:
      content = validation_json(*report).dump(2, ' ', false,
                                              nlohmann::ordered_json::error_handler_t::replace) +
                "\n";
      break;
    case ReportFormat::kHtml: content = render_validation_html(*report); break;
  }
  if (auto written = write_output(args.output, content); !written) {
    return report_error(written.error());
  }
  return 0;
}

constexpr const char* kFooter =
    R"(Input: two CSV files with a header line, one row per measurement (docs/formats.md,
"Paired measurements"). Rows pair by order, or by the --id-col value present once in each
file. Every column the files share (except the id and subject columns) is compared unless
--metric picks some. Empty or nan cells are missing values: refused by default; with
--missing exclude the incomplete pairs are dropped and counted in the report.

What is computed depends on the columns (docs/stats.md has every formula):
  both continuous          Bland–Altman bias and limits of agreement with CIs, proportional
                           bias, ICC(2,1) and ICC(3,1), SEM and MDC95, Lin's CCC, Pearson,
                           Spearman, MAE and RMSE; with --subject-col also the repeated-
                           measures limits of agreement (Bland & Altman 2007) with CIs of
                           the bias and limits (Zou 2013)
  both 0/1 flags           sensitivity, specificity, PPV, NPV, likelihood ratios, kappa
  reference 0/1, test      ROC curve, AUC with DeLong CI, Youden threshold; with
  continuous               --threshold also the accuracy at that threshold
--threshold T turns continuous values into flags (value >= T is positive) for the
diagnostic statistics. Differences are test − reference.

Output (--format; when not given: from the -o extension, else text): text for the
terminal, json (schema "openpt.validation/1") or html (one page with the Bland–Altman
and identity plots, no network access). Sections follow the STARD 2015 items.

Exit status: 0 success, 2 bad input or flags (the message names file:line and column),
1 internal error.

Examples:
  openpt validate --reference goniometer.csv --test openpt.csv
  openpt validate --reference A.csv --test B.csv --id-col rep --metric knee_deg -o report.html
  openpt validate --reference A.csv --test B.csv --subject-col subject --mcid 10
  openpt validate --reference clinician.csv --test openpt.csv --metric valgus_flag)";

}  // namespace

void register_validate(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd =
      app.add_subcommand("validate",
                         "Compare a measurement with a reference standard: agreement, reliability, "
                         "diagnostic accuracy");
  cmd->add_option("--reference", args->input.reference_path,
                  "CSV file of the reference standard (gold standard) values")
      ->type_name("FILE")
      ->required();
  cmd->add_option("--test", args->input.test_path, "CSV file of the method under test")
      ->type_name("FILE")
      ->required();
  cmd->add_option("--id-col", args->input.id_column,
                  "pair rows by this column's values instead of by row order")
      ->type_name("NAME");
  cmd->add_option("--subject-col", args->input.subject_column,
                  "subject of each row, for several measurements per subject")
      ->type_name("NAME");
  cmd->add_option("--metric", args->input.metrics,
                  "column(s) to compare (repeat or separate by commas); default: all shared")
      ->type_name("NAME")
      ->delimiter(',');
  cmd->add_option("--missing", args->missing,
                  "empty or nan cells: error (refuse) or exclude (drop the pair, report it)")
      ->type_name("error|exclude")
      ->capture_default_str();
  cmd->add_option("--threshold", args->threshold,
                  "values >= T are positive, for sensitivity/specificity of continuous columns")
      ->type_name("T");
  cmd->add_option("--mcid", args->mcid,
                  "minimal clinically important difference, compared with the MDC95")
      ->type_name("X");
  cmd->add_option("--acceptable-diff", args->acceptable_difference,
                  "largest clinically acceptable difference: are the limits of agreement within "
                  "it, and how many pairs would show it (80 % power)")
      ->type_name("D");
  cmd->add_option("--confidence", args->confidence, "level of the confidence intervals")
      ->type_name("C")
      ->capture_default_str();
  cmd->add_option("--format", args->format, "report format: text, json or html")
      ->type_name("text|json|html");
  cmd->add_option("-o,--output", args->output,
                  "write the report to OUT (atomically) instead of standard output")
      ->type_name("OUT");
  cmd->footer(kFooter);
  cmd->callback([args, &context] { context.run = [args] { return run_validate(*args); }; });
}

}  // namespace openpt::cli
