// Probability distributions for the statistics module: thin wrappers over Boost.Math
// (normal, Student t, F, chi-squared, non-central t, binomial), nothing hand-approximated.
//
// Every function returns NaN for arguments outside its domain (a probability outside [0, 1],
// a non-positive degree of freedom) instead of throwing; callers validate user input first
// and treat a NaN here as a programmer error. Tails are computed directly (complements),
// so small p-values keep their precision: t_sf(40, 10) is 8.5e-13, not 0.
//
//   double z = z_for_confidence(0.95);          // 1.959963984540054
//   double p = two_sided_t_p(2.5, 14);          // 0.02544...
//   double q = f_quantile(0.975, 5, 15);        // upper 2.5 % point of F(5, 15)
#pragma once

#include "openpt/core/error.h"

namespace openpt::stats {

// Standard normal distribution.
double normal_cdf(double z);
double normal_sf(double z);  // 1 - cdf, exact in the upper tail
double normal_quantile(double p);

// The two-sided critical value for a confidence level: Φ⁻¹(1 - (1 - confidence) / 2).
double z_for_confidence(double confidence);

// Student t with `df` degrees of freedom (df may be fractional, e.g. Satterthwaite).
double t_cdf(double t, double df);
double t_sf(double t, double df);
double t_quantile(double p, double df);
// Two-sided p-value of a t statistic: 2 P(T > |t|); 0 for an infinite t.
double two_sided_t_p(double t, double df);
// Two-sided p-value of a z statistic: 2 P(Z > |z|); 0 for an infinite z.
double two_sided_z_p(double z);

// F with (df1, df2) degrees of freedom.
double f_sf(double f, double df1, double df2);  // upper tail P(F > f); 0 for f = +inf
double f_quantile(double p, double df1, double df2);

double chi_squared_quantile(double p, double df);

// Non-central t with `df` degrees of freedom and non-centrality `delta`.
double noncentral_t_cdf(double t, double df, double delta);
double noncentral_t_quantile(double p, double df, double delta);

// Binomial(n, p): P(X <= k) and P(X >= k).
double binomial_cdf(int k, int n, double p);
double binomial_sf_inclusive(int k, int n, double p);

// Fails unless 0 < confidence < 1 (e.g. 0.95); `where` names the option for the message.
Result<void> check_confidence(double confidence, const char* where = "confidence");

}  // namespace openpt::stats
