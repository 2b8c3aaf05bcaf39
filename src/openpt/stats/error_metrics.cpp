#include "openpt/stats/error_metrics.h"

#include <algorithm>
#include <cmath>

namespace openpt::stats {

Result<ErrorMetrics> error_metrics(std::span<const double> reference,
                                   std::span<const double> test) {
  auto pairs = complete_pairs(reference, test, "reference", "test");
  if (!pairs) return tl::unexpected(pairs.error());
  if (auto ok = require_pairs(pairs->n(), 1, "the error metrics", pairs->excluded_missing); !ok) {
    return tl::unexpected(ok.error());
  }
  ErrorMetrics m;
  m.n = pairs->n();
  m.excluded_missing = pairs->excluded_missing;
  double sum = 0, sum_abs = 0, sum_sq = 0, max_abs = 0;
  for (int i = 0; i < m.n; ++i) {
    const double e = pairs->y[i] - pairs->x[i];
    sum += e;
    sum_abs += std::abs(e);
    sum_sq += e * e;
    max_abs = std::max(max_abs, std::abs(e));
  }
  m.mean_error = sum / m.n;
  m.mae = sum_abs / m.n;
  m.rmse = std::sqrt(sum_sq / m.n);
  m.max_abs_error = max_abs;
  return m;
}

}  // namespace openpt::stats
