// `openpt validate` analysis: per compared column, the statistics that fit its kind of data.
//
//   both columns continuous        Bland–Altman (and repeated-measures Bland–Altman with a
//                                  subject column), ICC(2,1) and ICC(3,1) with the methods as
//                                  raters, Lin's CCC, Pearson, Spearman, MAE/RMSE, SEM/MDC;
//                                  with --threshold also diagnostic accuracy and kappa of the
//                                  dichotomised values (value >= threshold is positive)
//   both columns 0/1 flags         diagnostic accuracy and Cohen's kappa
//   reference 0/1, test continuous ROC curve, AUC (DeLong); with --threshold diagnostic
//                                  accuracy and kappa at that threshold
// A statistic that the data leave undefined (e.g. a correlation when one method never varies)
// is listed with its reason in `notes`; fewer than 3 complete pairs is an error.
//
//   auto report = analyze_validation(*table, ValidationOptions{});   // Result<...>
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "openpt/stats/stats.h"
#include "validate_input.h"

namespace openpt::cli {

struct ValidationOptions {
  double confidence = 0.95;
  std::optional<double> threshold;              // dichotomise at value >= threshold
  std::optional<double> mcid;                   // minimal clinically important difference
  std::optional<double> acceptable_difference;  // Δ for the agreement verdict and sample size
  double target_power = 0.8;
  bool missing_excluded = false;  // --missing exclude (for the report)
};

enum class MetricKind { kContinuous, kBinary, kScoreVsBinary };

struct SampleSizeAdvice {
  double acceptable_difference = 0;
  bool loa_within = false;          // both LoA CIs inside ±Δ
  bool repeated_limits = false;     // judged by the repeated-measures (Zou 2013) intervals
  std::optional<int> pairs_needed;  // Lu et al. 2016 for the target power, from this bias/SD
  std::string note;                 // why pairs_needed is missing
};

struct MetricReport {
  std::string name;
  MetricKind kind = MetricKind::kContinuous;
  int pairs = 0, complete = 0;
  int missing_reference = 0, missing_test = 0, missing_both = 0;
  std::vector<double> reference, test;  // the complete pairs (for plots)

  std::optional<stats::BlandAltman> bland_altman;
  std::optional<stats::RepeatedBlandAltman> repeated;
  std::optional<stats::IccResult> icc;
  std::optional<stats::MeasurementError> measurement_error;
  std::optional<stats::ChangeInterpretation> mcid_verdict;  // MDC95 (agreement) vs the MCID
  std::optional<stats::Concordance> ccc;
  std::optional<stats::Correlation> pearson, spearman;
  std::optional<stats::ErrorMetrics> errors;
  std::optional<SampleSizeAdvice> sample_size;

  std::optional<stats::DiagnosticAccuracy> diagnostic;
  std::optional<stats::Kappa> kappa;
  std::optional<stats::Auc> auc;
  std::optional<stats::RocCurve> roc;
  std::optional<stats::RocPoint> youden;

  std::vector<std::string> notes;  // statistics not computed and why
};

struct ValidationReport {
  PairedTable input;  // metrics' raw columns are moved into MetricReport; names kept here
  ValidationOptions options;
  std::vector<MetricReport> metrics;
  std::vector<std::string> limitations;
};

Result<ValidationReport> analyze_validation(PairedTable table, const ValidationOptions& options);

std::string_view metric_kind_name(MetricKind kind);

}  // namespace openpt::cli
