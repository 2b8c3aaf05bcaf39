#include "validate_analysis.h"

#include <fmt/format.h>

#include <cmath>

namespace openpt::cli {

namespace {

using namespace openpt::stats;

bool is_binary(const std::vector<double>& v) {
  bool any = false;
  for (double x : v) {
    if (std::isnan(x)) continue;
    if (x != 0 && x != 1) return false;
    any = true;
  }
  return any;
}

std::vector<double> dichotomise(const std::vector<double>& v, double threshold) {
  std::vector<double> out;
  out.reserve(v.size());
  for (double x : v) out.push_back(std::isnan(x) ? x : (x >= threshold ? 1.0 : 0.0));
  return out;
}

// Stores the value of a Result, or a note naming the statistic and the reason.
template <class T>
void keep(std::optional<T>& slot, Result<T> result, std::string_view what,
          std::vector<std::string>& notes) {
  if (result) {
    slot = std::move(*result);
  } else {
    notes.push_back(fmt::format("{} not computed: {}", what, result.error().message));
  }
}

void add_agreement(MetricReport& m, const PairedTable& table, const ValidationOptions& o) {
  BlandAltmanOptions ba{.confidence = o.confidence};
  keep(m.bland_altman, bland_altman(m.reference, m.test, ba), "Bland–Altman", m.notes);
  if (!table.subjects.empty()) {
    keep(m.repeated, bland_altman_repeated(table.subjects, m.reference, m.test, 0.95, o.confidence),
         "Repeated-measures Bland–Altman", m.notes);
  }
  std::vector<double> ratings;  // n targets × 2 raters (reference, test), complete pairs only
  for (std::size_t i = 0; i < m.reference.size(); ++i) {
    ratings.push_back(m.reference[i]);
    ratings.push_back(m.test[i]);
  }
  keep(m.icc, icc(ratings, 2, o.confidence), "ICC", m.notes);
  if (m.icc) {
    m.measurement_error = measurement_error(*m.icc, 0.95);
    if (o.mcid) {
      auto verdict = interpret_change(*o.mcid, m.measurement_error->mdc_agreement, *o.mcid);
      if (verdict) {
        m.mcid_verdict = *verdict;
      } else {
        m.notes.push_back("MCID comparison not made: " + verdict.error().message);
      }
    }
  }
  keep(m.ccc, lin_ccc(m.reference, m.test, o.confidence), "Lin's concordance correlation", m.notes);
  keep(m.pearson, pearson(m.reference, m.test, o.confidence), "Pearson correlation", m.notes);
  keep(m.spearman, spearman(m.reference, m.test, o.confidence), "Spearman correlation", m.notes);
  keep(m.errors, error_metrics(m.reference, m.test), "Error metrics", m.notes);
  if (o.acceptable_difference && m.bland_altman) {
    SampleSizeAdvice advice;
    const double delta = *o.acceptable_difference;
    advice.acceptable_difference = delta;
    // Several pairs per subject: the one-pair-per-subject intervals are too narrow; judge
    // by Zou's repeated-measures intervals instead.
    advice.repeated_limits = m.repeated.has_value();
    const Interval& lower =
        m.repeated ? m.repeated->zou.lower_loa_ci : m.bland_altman->lower_loa_ci;
    const Interval& upper =
        m.repeated ? m.repeated->zou.upper_loa_ci : m.bland_altman->upper_loa_ci;
    advice.loa_within = lower.lower >= -delta && upper.upper <= delta;
    if (m.bland_altman->sd > 0) {
      LoaPowerInputs in{.mean_difference = m.bland_altman->bias,
                        .sd_difference = m.bland_altman->sd,
                        .max_allowed_difference = delta,
                        .confidence = o.confidence};
      auto n = loa_sample_size(in, o.target_power);
      if (n) {
        advice.pairs_needed = *n;
      } else {
        advice.note = n.error().message;
      }
    } else {
      advice.note = "the differences do not vary; no sample size calculation is needed";
    }
    m.sample_size = advice;
  }
}

void add_classification(MetricReport& m, const std::vector<double>& reference,
                        const std::vector<double>& test, const ValidationOptions& o,
                        std::string_view label) {
  auto counts = confusion_counts(reference, test);
  if (!counts) {
    m.notes.push_back(
        fmt::format("Diagnostic accuracy{} not computed: {}", label, counts.error().message));
    return;
  }
  keep(m.diagnostic, diagnostic_accuracy(*counts, o.confidence),
       fmt::format("Diagnostic accuracy{}", label), m.notes);
  keep(m.kappa, cohen_kappa(reference, test, {.confidence = o.confidence, .categories = {0, 1}}),
       fmt::format("Cohen's kappa{}", label), m.notes);
}

void add_roc(MetricReport& m, const ValidationOptions& o) {
  keep(m.auc, roc_auc(m.reference, m.test, {.confidence = o.confidence}), "ROC AUC", m.notes);
  keep(m.roc, roc_curve(m.reference, m.test), "ROC curve", m.notes);
  if (m.roc) m.youden = youden_optimal(*m.roc);
}

Result<MetricReport> analyze_metric(PairedMetric column, const PairedTable& table,
                                    const ValidationOptions& o) {
  MetricReport m;
  m.name = column.name;
  m.pairs = static_cast<int>(column.reference.size());
  m.missing_reference = column.missing_reference;
  m.missing_test = column.missing_test;
  m.missing_both = column.missing_both;
  m.complete = m.pairs - m.missing_reference - m.missing_test - m.missing_both;
  if (m.complete < 3) {
    return bad_input(
        fmt::format("column {}: {} complete pairs, at least 3 are needed", column.name, m.complete),
        fmt::format("{}, {}", table.reference_name, table.test_name),
        m.complete < m.pairs ? "fewer values are missing in a larger study"
                             : "add more paired measurements");
  }
  const bool ref_binary = is_binary(column.reference);
  const bool test_binary = is_binary(column.test);
  m.reference = std::move(column.reference);
  m.test = std::move(column.test);
  if (ref_binary && test_binary) {
    m.kind = MetricKind::kBinary;
    add_classification(m, m.reference, m.test, o, "");
  } else if (ref_binary) {
    m.kind = MetricKind::kScoreVsBinary;
    add_roc(m, o);
    if (o.threshold) {
      add_classification(m, m.reference, dichotomise(m.test, *o.threshold), o,
                         fmt::format(" at threshold {:g}", *o.threshold));
    }
  } else if (test_binary && !o.threshold) {
    return bad_input(fmt::format("column {}: the test values are 0/1 flags but the reference "
                                 "values are continuous",
                                 m.name),
                     fmt::format("{}, {}", table.reference_name, table.test_name),
                     "give --threshold to turn the reference into flags (value >= threshold "
                     "is positive)");
  } else {
    m.kind = MetricKind::kContinuous;
    if (!test_binary) add_agreement(m, table, o);
    if (o.threshold) {
      add_classification(m, dichotomise(m.reference, *o.threshold),
                         test_binary ? m.test : dichotomise(m.test, *o.threshold), o,
                         fmt::format(" at threshold {:g}", *o.threshold));
    }
  }
  // Keep only the complete pairs for plots.
  std::vector<double> r, t;
  for (std::size_t i = 0; i < m.reference.size(); ++i) {
    if (!std::isnan(m.reference[i]) && !std::isnan(m.test[i])) {
      r.push_back(m.reference[i]);
      t.push_back(m.test[i]);
    }
  }
  m.reference = std::move(r);
  m.test = std::move(t);
  return m;
}

std::vector<std::string> limitations(const ValidationReport& report) {
  std::vector<std::string> out;
  int excluded = 0, smallest = INT32_MAX;
  bool continuous = false, youden = false;
  double prevalence = kNaN;
  for (const MetricReport& m : report.metrics) {
    excluded += m.pairs - m.complete;
    smallest = std::min(smallest, m.complete);
    continuous = continuous || m.bland_altman.has_value();
    youden = youden || m.youden.has_value();
    if (m.diagnostic && std::isnan(prevalence)) prevalence = m.diagnostic->prevalence.estimate;
  }
  if (continuous) {
    out.push_back(
        "The limits of agreement assume differences that are roughly normal and of constant "
        "spread across the range; check the Bland–Altman plot and the proportional-bias test.");
    out.push_back(
        "ICC and correlations depend on the spread of the true values in this sample; they are "
        "not properties of the method alone.");
  }
  if (!std::isnan(prevalence)) {
    out.push_back(
        fmt::format("Predictive values hold for the prevalence of this sample ({:.0f} % reference "
                    "positive); they do not carry over to settings with another prevalence.",
                    100 * prevalence));
  }
  if (youden) {
    out.push_back(
        "The Youden threshold is chosen on these data, so its sensitivity and specificity are "
        "optimistic; confirm it on new cases.");
  }
  if (report.input.subject_count < static_cast<int>(report.input.subjects.size())) {
    out.push_back(fmt::format(
        "Pairs come from {} subjects with several pairs each: pairs within a subject are not "
        "independent, so the confidence intervals other than those of the repeated-measures "
        "bias and limits of agreement (Zou 2013) are too narrow, and the sample size for the "
        "acceptable difference counts independent pairs.",
        report.input.subject_count));
  }
  if (excluded > 0) {
    out.push_back(fmt::format(
        "{} incomplete pair(s) were excluded (complete-case analysis); if values are missing "
        "for reasons related to the measurement, the results may be biased.",
        excluded));
  }
  if (smallest < 30) {
    out.push_back(
        fmt::format("Small sample ({} complete pairs): confidence intervals are wide.", smallest));
  }
  return out;
}

}  // namespace

std::string_view metric_kind_name(MetricKind kind) {
  switch (kind) {
    case MetricKind::kContinuous: return "continuous";
    case MetricKind::kBinary: return "binary";
    case MetricKind::kScoreVsBinary: return "score-vs-binary";
  }
  return "continuous";
}

Result<ValidationReport> analyze_validation(PairedTable table, const ValidationOptions& options) {
  ValidationReport report;
  report.options = options;
  std::vector<PairedMetric> columns = std::move(table.metrics);
  report.input = std::move(table);
  for (PairedMetric& column : columns) {
    auto m = analyze_metric(std::move(column), report.input, options);
    if (!m) return tl::unexpected(m.error());
    report.metrics.push_back(std::move(*m));
  }
  report.limitations = limitations(report);
  return report;
}

}  // namespace openpt::cli
