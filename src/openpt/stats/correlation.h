// Correlation and concordance of paired measurements: Pearson's r, Spearman's rank
// correlation and Lin's concordance correlation coefficient, each with a confidence interval.
//
//   Pearson r = Sxy / √(Sxx·Syy); test t = r√(n − 2)/√(1 − r²) on n − 2 df (two-sided);
//     CI by Fisher's z: tanh(atanh r ± z(1 − α/2)/√(n − 3)) (as scipy.stats.pearsonr).
//   Spearman r_s = Pearson r of the average ranks (ties share their mean rank); p from the
//     same t approximation (as scipy.stats.spearmanr); CI by Fisher's z with the Bonett &
//     Wright (2000, Psychometrika 65:23) variance (1 + r_s²/2)/(n − 3).
//   Lin (1989, Biometrics 45:255; 2000 correction) ρc = 2·s_xy / (s_x² + s_y² + (x̄ − ȳ)²) with
//     n-divisor moments; precision r, accuracy C_b = ρc / r; CI by Lin's z-transform,
//     var(ρc) = [(1 − r²)ρc²(1 − ρc²)/r² + 2ρc³(1 − ρc)u²/r − ρc⁴u⁴/(2r²)] / (n − 2),
//     u = (ȳ − x̄)/√(s_x s_y), var(z) = var(ρc)/(1 − ρc²)² — as epiR::epi.ccc(ci = "z-transform").
// Missing data: pairs with a NaN are excluded and counted. Errors: n < 3 complete pairs,
// either variable without variance (r is 0/0), infinite values, unequal lengths.
// Edge cases: |r| = 1 gives p = 0 and the CI [r, r]; n = 3 gives the CI [−1, 1] (Fisher's z
// has no finite SE); ρc = 1 (identical values) gives the CI [1, 1].
//
//   auto r = pearson(reference, test);    // r->r, r->ci, r->p
//   auto c = lin_ccc(reference, test);    // c->ccc, c->ci, c->accuracy
#pragma once

#include <span>

#include "openpt/core/error.h"
#include "openpt/stats/descriptive.h"

namespace openpt::stats {

struct Correlation {
  double r = kNaN;
  double t = kNaN;  // test statistic on n − 2 df
  double p = kNaN;  // two-sided, H0: no correlation
  Interval ci;
  int n = 0;
  int excluded_missing = 0;
  double confidence = 0.95;
};

Result<Correlation> pearson(std::span<const double> x, std::span<const double> y,
                            double confidence = 0.95);
Result<Correlation> spearman(std::span<const double> x, std::span<const double> y,
                             double confidence = 0.95);

struct Concordance {
  double ccc = kNaN;             // ρc
  Interval ci;                   // z-transform
  double precision = kNaN;       // Pearson r
  double accuracy = kNaN;        // bias-correction factor C_b = ρc / r
  double scale_shift = kNaN;     // v = s_y / s_x
  double location_shift = kNaN;  // u = (ȳ − x̄) / √(s_x s_y)
  int n = 0;
  int excluded_missing = 0;
  double confidence = 0.95;
};

// `x` is the reference, `y` the test (only the signs of u depend on the order).
Result<Concordance> lin_ccc(std::span<const double> x, std::span<const double> y,
                            double confidence = 0.95);

}  // namespace openpt::stats
