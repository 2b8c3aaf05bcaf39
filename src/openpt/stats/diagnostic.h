// Diagnostic accuracy of a binary test against a binary reference standard: sensitivity,
// specificity, predictive values, likelihood ratios, with confidence intervals.
//
// From the 2 × 2 table (reference positive/negative × test positive/negative):
//   sensitivity = TP/(TP + FN), specificity = TN/(TN + FP), PPV = TP/(TP + FP),
//   NPV = TN/(TN + FN), accuracy = (TP + TN)/n, prevalence = (TP + FN)/n, each with the
//   Wilson score interval (Wilson 1927; Newcombe 1998, Stat Med 17:857, method 3):
//   (p̂ + z²/2n ± z√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)
//   (= statsmodels proportion_confint(method = "wilson")).
//   LR+ = sens/(1 − spec), LR− = (1 − sens)/spec, CI by the log method (Simel, Samsa &
//   Matchar 1991, J Clin Epidemiol 44:763): exp(ln LR ± z·SE), SE(ln LR+) =
//   √(1/TP − 1/(TP + FN) + 1/FP − 1/(FP + TN)), SE(ln LR−) = √(1/FN − 1/(TP + FN) + 1/TN −
//   1/(FP + TN)) (= epiR::epi.tests).
// Zero cells: a proportion with an empty denominator (e.g. PPV when no test is positive) is
// NaN with a NaN interval. When a count in a likelihood ratio is zero (perfect sensitivity or
// specificity, or none at all) that ratio and its CI are computed after adding 0.5 to all four
// cells (Haldane–Anscombe correction), and `corrected` says so.
// Prevalence-dependent: PPV and NPV hold for the prevalence of this sample only.
// Missing data (in the vector form): cases with a NaN are excluded and counted.
// Errors: no reference-positive or no reference-negative case, a value that is not 0 or 1.
//
//   auto counts = confusion_counts(reference_flag, test_flag);   // Result<ConfusionCounts>
//   auto acc = diagnostic_accuracy(*counts);                     // Result<DiagnosticAccuracy>
//   fmt::print("sensitivity {:.2f} ({:.2f}–{:.2f})\n", acc->sensitivity.estimate,
//              acc->sensitivity.ci.lower, acc->sensitivity.ci.upper);
#pragma once

#include <span>

#include "openpt/core/error.h"
#include "openpt/stats/descriptive.h"

namespace openpt::stats {

// The Wilson score interval of `successes` out of `trials`; NaN bounds for trials = 0.
Interval wilson_interval(int successes, int trials, double confidence = 0.95);

struct Proportion {
  int count = 0, total = 0;
  double estimate = kNaN;  // count / total, NaN when total = 0
  Interval ci;             // Wilson
};
Proportion proportion(int count, int total, double confidence = 0.95);

struct ConfusionCounts {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  int excluded_missing = 0;
  [[nodiscard]] int total() const { return tp + fp + fn + tn; }
};

// Reference and test flags (1 positive, 0 negative, NaN missing) into a 2 × 2 table.
Result<ConfusionCounts> confusion_counts(std::span<const double> reference,
                                         std::span<const double> test);

struct LikelihoodRatio {
  double estimate = kNaN;
  Interval ci;
  bool corrected = false;  // 0.5 added to every cell because a count was zero
};

struct DiagnosticAccuracy {
  ConfusionCounts counts;
  Proportion sensitivity, specificity, ppv, npv, accuracy, prevalence;
  LikelihoodRatio lr_positive, lr_negative;
  double youden = kNaN;  // sensitivity + specificity − 1
  double confidence = 0.95;
};

Result<DiagnosticAccuracy> diagnostic_accuracy(const ConfusionCounts& counts,
                                               double confidence = 0.95);

}  // namespace openpt::stats
