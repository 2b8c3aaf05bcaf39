#include "openpt/stats/diagnostic.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "openpt/stats/distributions.h"

namespace openpt::stats {

Interval wilson_interval(int successes, int trials, double confidence) {
  if (trials <= 0 || successes < 0 || successes > trials) return {};
  const double z = z_for_confidence(confidence);
  const double n = trials;
  const double p = successes / n;
  const double denom = 1 + z * z / n;
  const double centre = (p + z * z / (2 * n)) / denom;
  const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom;
  // At 0 or n successes the bound is exactly 0 or 1; rounding would leave 1 − 1e-16.
  return {successes == 0 ? 0.0 : std::max(0.0, centre - half),
          successes == trials ? 1.0 : std::min(1.0, centre + half)};
}

Proportion proportion(int count, int total, double confidence) {
  Proportion p;
  p.count = count;
  p.total = total;
  if (total > 0) p.estimate = static_cast<double>(count) / total;
  p.ci = wilson_interval(count, total, confidence);
  return p;
}

Result<ConfusionCounts> confusion_counts(std::span<const double> reference,
                                         std::span<const double> test) {
  auto pairs = complete_pairs(reference, test, "reference", "test");
  if (!pairs) return tl::unexpected(pairs.error());
  ConfusionCounts c;
  c.excluded_missing = pairs->excluded_missing;
  for (int i = 0; i < pairs->n(); ++i) {
    const double r = pairs->x[i], t = pairs->y[i];
    for (const auto& [v, name] : {std::pair{r, "reference"}, std::pair{t, "test"}}) {
      if (v != 0 && v != 1) {
        return bad_input(fmt::format("{} case {}: {} is not a binary flag", name, i + 1, v), {},
                         "use 1 for positive and 0 for negative");
      }
    }
    if (r == 1) {
      ++(t == 1 ? c.tp : c.fn);
    } else {
      ++(t == 1 ? c.fp : c.tn);
    }
  }
  return c;
}

namespace {

// LR = (a / (a + c)) / (b / (b + d)) with the log-method CI; a, b are the numerators.
LikelihoodRatio likelihood_ratio(double a, double ac, double b, double bd, double z) {
  LikelihoodRatio lr;
  if (a == 0 || b == 0) {
    lr.corrected = true;
    a += 0.5, b += 0.5, ac += 1, bd += 1;
  }
  lr.estimate = (a / ac) / (b / bd);
  const double se = std::sqrt(1 / a - 1 / ac + 1 / b - 1 / bd);
  lr.ci = {std::exp(std::log(lr.estimate) - z * se), std::exp(std::log(lr.estimate) + z * se)};
  return lr;
}

}  // namespace

Result<DiagnosticAccuracy> diagnostic_accuracy(const ConfusionCounts& c, double confidence) {
  if (auto ok = check_confidence(confidence); !ok) return tl::unexpected(ok.error());
  if (c.tp < 0 || c.fp < 0 || c.fn < 0 || c.tn < 0) {
    return bad_input("a count of the 2 × 2 table is negative");
  }
  if (c.tp + c.fn == 0) {
    return bad_input("no case is positive by the reference standard; sensitivity is undefined", {},
                     "diagnostic accuracy needs reference-positive and -negative cases");
  }
  if (c.fp + c.tn == 0) {
    return bad_input("no case is negative by the reference standard; specificity is undefined", {},
                     "diagnostic accuracy needs reference-positive and -negative cases");
  }
  DiagnosticAccuracy d;
  d.counts = c;
  d.confidence = confidence;
  const int n = c.total();
  d.sensitivity = proportion(c.tp, c.tp + c.fn, confidence);
  d.specificity = proportion(c.tn, c.tn + c.fp, confidence);
  d.ppv = proportion(c.tp, c.tp + c.fp, confidence);
  d.npv = proportion(c.tn, c.tn + c.fn, confidence);
  d.accuracy = proportion(c.tp + c.tn, n, confidence);
  d.prevalence = proportion(c.tp + c.fn, n, confidence);
  d.youden = d.sensitivity.estimate + d.specificity.estimate - 1;
  const double z = z_for_confidence(confidence);
  // LR+: TP/(TP+FN) over FP/(FP+TN); LR−: FN/(TP+FN) over TN/(FP+TN).
  d.lr_positive = likelihood_ratio(c.tp, c.tp + c.fn, c.fp, c.fp + c.tn, z);
  d.lr_negative = likelihood_ratio(c.fn, c.tp + c.fn, c.tn, c.fp + c.tn, z);
  return d;
}

}  // namespace openpt::stats
