#include "openpt/stats/bland_altman.h"

#include <fmt/format.h>

#include <cmath>

#include "openpt/stats/distributions.h"

namespace openpt::stats {

Interval loa_confidence_interval(double bias, double sd, int n, double z, int sign,
                                 double confidence, LoaCiMethod method) {
  const double alpha = 1 - confidence;
  const double df = n - 1;
  const double root_n = std::sqrt(static_cast<double>(n));
  if (method == LoaCiMethod::kApproximate) {
    const double se = sd * std::sqrt(1.0 / n + z * z / (2 * df));
    const double t = t_quantile(1 - alpha / 2, df);
    const double loa = bias + sign * z * sd;
    return {loa - t * se, loa + t * se};
  }
  const double lo = noncentral_t_quantile(alpha / 2, df, z * root_n);
  const double hi = noncentral_t_quantile(1 - alpha / 2, df, z * root_n);
  if (sign > 0) return {bias + sd * lo / root_n, bias + sd * hi / root_n};
  return {bias - sd * hi / root_n, bias - sd * lo / root_n};
}

Result<BlandAltman> bland_altman(std::span<const double> reference, std::span<const double> test,
                                 const BlandAltmanOptions& options) {
  if (auto ok = check_confidence(options.confidence); !ok) return tl::unexpected(ok.error());
  if (auto ok = check_confidence(options.loa_coverage, "loa_coverage"); !ok) {
    return tl::unexpected(ok.error());
  }
  auto pairs = complete_pairs(reference, test, "reference", "test");
  if (!pairs) return tl::unexpected(pairs.error());
  if (auto ok = require_pairs(pairs->n(), 3, "Bland–Altman analysis", pairs->excluded_missing);
      !ok) {
    return tl::unexpected(ok.error());
  }
  const int n = pairs->n();
  std::vector<double> d(n), m(n);
  for (int i = 0; i < n; ++i) {
    d[i] = pairs->y[i] - pairs->x[i];
    m[i] = (pairs->y[i] + pairs->x[i]) / 2;
  }
  BlandAltman ba;
  ba.n = n;
  ba.excluded_missing = pairs->excluded_missing;
  ba.confidence = options.confidence;
  ba.loa_coverage = options.loa_coverage;
  ba.bias = mean(d);
  ba.sd = all_equal(d) ? 0.0 : std::sqrt(sample_variance(d));
  ba.bias_se = ba.sd / std::sqrt(static_cast<double>(n));
  const double df = n - 1;
  const double t = t_quantile(1 - (1 - options.confidence) / 2, df);
  ba.bias_ci = {ba.bias - t * ba.bias_se, ba.bias + t * ba.bias_se};
  if (ba.bias_se > 0) {
    ba.bias_t = ba.bias / ba.bias_se;
    ba.bias_p = two_sided_t_p(ba.bias_t, df);
  } else {
    ba.bias_t = ba.bias == 0 ? 0.0 : std::copysign(INFINITY, ba.bias);
    ba.bias_p = ba.bias == 0 ? 1.0 : 0.0;
  }
  ba.z = z_for_confidence(options.loa_coverage);
  ba.lower_loa = ba.bias - ba.z * ba.sd;
  ba.upper_loa = ba.bias + ba.z * ba.sd;
  ba.loa_ci_method = options.loa_ci_method;
  ba.lower_loa_ci = loa_confidence_interval(ba.bias, ba.sd, n, ba.z, -1, options.confidence,
                                            options.loa_ci_method);
  ba.upper_loa_ci = loa_confidence_interval(ba.bias, ba.sd, n, ba.z, +1, options.confidence,
                                            options.loa_ci_method);
  for (double v : d) ba.within_loa += (v >= ba.lower_loa && v <= ba.upper_loa) ? 1 : 0;
  ba.mean_min = *std::min_element(m.begin(), m.end());
  ba.mean_max = *std::max_element(m.begin(), m.end());
  if (all_equal(m)) {
    ba.proportional_note = "all pair means are equal; proportional bias cannot be estimated";
  } else if (auto fit = fit_line(m, d, options.confidence); fit) {
    ba.proportional = *fit;
  } else {
    ba.proportional_note = fit.error().message;
  }
  return ba;
}

}  // namespace openpt::stats
