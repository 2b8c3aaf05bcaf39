// Ordinary least-squares line y = a + b·x with t-based inference on the slope, as used for
// proportional bias in Bland–Altman analysis (differences regressed on means).
//
// Formulas (any regression text, e.g. Altman 1991 §11.6): b = Sxy / Sxx, a = ȳ − b·x̄,
// residual variance s² = Σ(y − a − b·x)² / (n − 2), SE(b) = s / √Sxx,
// SE(a) = s·√(1/n + x̄²/Sxx), t = b / SE(b) on n − 2 degrees of freedom, CI b ± t·SE(b).
// Matches scipy.stats.linregress (slope, intercept, stderr, intercept_stderr, pvalue).
//
//   auto fit = fit_line(means, differences);   // Result<LineFit>
//   if (fit && fit->p < 0.05) { /* proportional bias */ }
#pragma once

#include <span>

#include "openpt/core/error.h"
#include "openpt/stats/descriptive.h"

namespace openpt::stats {

struct LineFit {
  double intercept = kNaN, slope = kNaN;
  double intercept_se = kNaN, slope_se = kNaN;
  double residual_sd = kNaN;  // √(SSE / (n − 2))
  Interval slope_ci;          // t on n − 2 degrees of freedom
  double t = kNaN;            // slope / SE(slope)
  double p = kNaN;            // two-sided, H0: slope = 0
  double r_squared = kNaN;
  int n = 0;
};

// Errors: lengths differ, n < 3, a non-finite value, or x without variance (the slope is
// undefined). A perfect fit (zero residuals) gives SE 0, t = ±inf and p = 0 for a non-zero
// slope; t = 0 and p = 1 when the slope is also zero.
Result<LineFit> fit_line(std::span<const double> x, std::span<const double> y,
                         double confidence = 0.95);

}  // namespace openpt::stats
