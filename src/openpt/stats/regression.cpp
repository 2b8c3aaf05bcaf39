#include "openpt/stats/regression.h"

#include <fmt/format.h>

#include <cmath>

#include "openpt/stats/distributions.h"

namespace openpt::stats {

Result<LineFit> fit_line(std::span<const double> x, std::span<const double> y, double confidence) {
  if (auto ok = check_confidence(confidence); !ok) return tl::unexpected(ok.error());
  if (x.size() != y.size()) {
    return bad_input(fmt::format("x has {} values but y has {}", x.size(), y.size()));
  }
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i])) {
      return bad_input(fmt::format("value {} is not a finite number", i + 1), {},
                       "remove missing values before fitting a line");
    }
    for (const auto& [v, name] : {std::pair{x[i], "x"}, std::pair{y[i], "y"}}) {
      if (auto ok = check_magnitude(v, fmt::format("{} value {}", name, i + 1)); !ok) {
        return tl::unexpected(ok.error());
      }
    }
  }
  const int n = static_cast<int>(x.size());
  if (n < 3) return bad_input(fmt::format("a line fit needs at least 3 points, got {}", n));
  if (all_equal(x)) return bad_input("all x values are equal; the slope is undefined");
  const double mx = mean(x), my = mean(y);
  double sxx = 0, sxy = 0, syy = 0;
  for (int i = 0; i < n; ++i) {
    sxx += (x[i] - mx) * (x[i] - mx);
    sxy += (x[i] - mx) * (y[i] - my);
    syy += (y[i] - my) * (y[i] - my);
  }
  LineFit fit;
  fit.n = n;
  fit.slope = sxy / sxx;
  fit.intercept = my - fit.slope * mx;
  double sse = 0;
  for (int i = 0; i < n; ++i) {
    const double r = y[i] - fit.intercept - fit.slope * x[i];
    sse += r * r;
  }
  const double df = n - 2;
  fit.residual_sd = std::sqrt(sse / df);
  fit.slope_se = fit.residual_sd / std::sqrt(sxx);
  fit.intercept_se = fit.residual_sd * std::sqrt(1.0 / n + mx * mx / sxx);
  fit.r_squared = syy > 0 ? sxy * sxy / (sxx * syy) : kNaN;
  if (fit.slope_se > 0) {
    fit.t = fit.slope / fit.slope_se;
    fit.p = two_sided_t_p(fit.t, df);
  } else if (fit.slope == 0) {
    fit.t = 0, fit.p = 1;
  } else {
    fit.t = std::copysign(INFINITY, fit.slope), fit.p = 0;
  }
  const double tq = t_quantile(1 - (1 - confidence) / 2, df);
  fit.slope_ci = {fit.slope - tq * fit.slope_se, fit.slope + tq * fit.slope_se};
  return fit;
}

}  // namespace openpt::stats
