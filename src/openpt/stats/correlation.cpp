#include "openpt/stats/correlation.h"

#include <fmt/format.h>

#include <cmath>

#include "openpt/stats/distributions.h"

namespace openpt::stats {

namespace {

Result<Pairs> usable_pairs(std::span<const double> x, std::span<const double> y, double confidence,
                           std::string_view what) {
  if (auto ok = check_confidence(confidence); !ok) return tl::unexpected(ok.error());
  auto pairs = complete_pairs(x, y);
  if (!pairs) return tl::unexpected(pairs.error());
  if (auto ok = require_pairs(pairs->n(), 3, what, pairs->excluded_missing); !ok) {
    return tl::unexpected(ok.error());
  }
  for (const auto* v : {&pairs->x, &pairs->y}) {
    if (all_equal(*v)) {
      return bad_input(fmt::format("{} is undefined: the {} values do not vary (zero variance)",
                                   what, v == &pairs->x ? "first" : "second"));
    }
  }
  return pairs;
}

// r and its test and Fisher-z CI, with the variance factor of atanh(r) given.
Correlation from_r(double r, int n, double z_variance_factor, double confidence) {
  Correlation c;
  c.r = std::clamp(r, -1.0, 1.0);
  c.n = n;
  c.confidence = confidence;
  const double df = n - 2;
  if (std::abs(c.r) == 1) {
    c.t = std::copysign(INFINITY, c.r);
    c.p = 0;
    c.ci = {c.r, c.r};
    return c;
  }
  c.t = c.r * std::sqrt(df / (1 - c.r * c.r));
  c.p = two_sided_t_p(c.t, df);
  if (n <= 3) {
    c.ci = {-1, 1};
    return c;
  }
  const double half = z_for_confidence(confidence) * std::sqrt(z_variance_factor / (n - 3));
  c.ci = {std::tanh(std::atanh(c.r) - half), std::tanh(std::atanh(c.r) + half)};
  return c;
}

double pearson_r(std::span<const double> x, std::span<const double> y) {
  const double mx = mean(x), my = mean(y);
  double sxx = 0, syy = 0, sxy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
    sxy += (x[i] - mx) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

}  // namespace

namespace {

// Pearson's r of the values (or of their average ranks) with the Fisher-z interval whose
// variance factor `z_variance_factor(r)` gives.
template <class Factor>
Result<Correlation> correlation(std::span<const double> x, std::span<const double> y,
                                double confidence, std::string_view what, bool ranks,
                                Factor z_variance_factor) {
  auto pairs = usable_pairs(x, y, confidence, what);
  if (!pairs) return tl::unexpected(pairs.error());
  const double r = ranks ? pearson_r(average_ranks(pairs->x), average_ranks(pairs->y))
                         : pearson_r(pairs->x, pairs->y);
  Correlation c = from_r(r, pairs->n(), z_variance_factor(r), confidence);
  c.excluded_missing = pairs->excluded_missing;
  return c;
}

}  // namespace

Result<Correlation> pearson(std::span<const double> x, std::span<const double> y,
                            double confidence) {
  return correlation(x, y, confidence, "Pearson correlation", false, [](double) { return 1.0; });
}

Result<Correlation> spearman(std::span<const double> x, std::span<const double> y,
                             double confidence) {
  return correlation(x, y, confidence, "Spearman correlation", true,
                     [](double r) { return 1 + r * r / 2; });  // Bonett & Wright 2000
}

Result<Concordance> lin_ccc(std::span<const double> x, std::span<const double> y,
                            double confidence) {
  auto pairs = usable_pairs(x, y, confidence, "Lin's concordance correlation");
  if (!pairs) return tl::unexpected(pairs.error());
  const auto& a = pairs->x;
  const auto& b = pairs->y;
  const double n = pairs->n();
  const double mx = mean(a), my = mean(b);
  double sxx = 0, syy = 0, sxy = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    sxx += (a[i] - mx) * (a[i] - mx);
    syy += (b[i] - my) * (b[i] - my);
    sxy += (a[i] - mx) * (b[i] - my);
  }
  sxx /= n, syy /= n, sxy /= n;  // Lin's moments use the n divisor
  Concordance c;
  c.n = pairs->n();
  c.excluded_missing = pairs->excluded_missing;
  c.confidence = confidence;
  const double r = std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
  // C_b computed directly (not ρc / r) so r = 0 needs no special case.
  const double cb = 2 * std::sqrt(sxx * syy) / (sxx + syy + (mx - my) * (mx - my));
  const double p = r * cb;
  const double u = (my - mx) / std::pow(sxx * syy, 0.25);
  c.ccc = p;
  c.precision = r;
  c.accuracy = cb;
  c.scale_shift = std::sqrt(syy / sxx);
  c.location_shift = u;
  if (std::abs(p) >= 1 - 1e-15) {
    c.ccc = std::copysign(1.0, p);
    c.ci = {c.ccc, c.ccc};
    return c;
  }
  // Lin's variance with p³/r = p²·C_b and p⁴/r² = p²·C_b².
  const double u2 = u * u;
  const double var_p = ((1 - r * r) * cb * cb * (1 - p * p) + 2 * p * p * (1 - p) * u2 * cb -
                        p * p * cb * cb * u2 * u2 / 2) /
                       (n - 2);
  const double se_z = std::sqrt(std::max(0.0, var_p)) / (1 - p * p);
  const double half = z_for_confidence(confidence) * se_z;
  c.ci = {std::tanh(std::atanh(p) - half), std::tanh(std::atanh(p) + half)};
  return c;
}

}  // namespace openpt::stats
