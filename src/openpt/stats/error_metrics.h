// Error of a test method against a reference: mean error (bias), mean absolute error, root
// mean squared error and the largest absolute error, in the units of the measurement.
//
//   e = test − reference;  ME = Σe/n;  MAE = Σ|e|/n;  RMSE = √(Σe²/n);  max |e|
// (as sklearn.metrics.mean_absolute_error and mean_squared_error(squared=False)).
// RMSE² = ME² + ((n − 1)/n)·SD², so RMSE mixes bias and scatter; report it with Bland–Altman.
// Missing data: pairs with a NaN are excluded and counted. Errors: no complete pair, an
// infinite value, unequal lengths.
//
//   auto e = error_metrics(reference_deg, test_deg);  // e->mae, e->rmse
#pragma once

#include <span>

#include "openpt/core/error.h"
#include "openpt/stats/descriptive.h"

namespace openpt::stats {

struct ErrorMetrics {
  double mean_error = kNaN;
  double mae = kNaN;
  double rmse = kNaN;
  double max_abs_error = kNaN;
  int n = 0;
  int excluded_missing = 0;
};

Result<ErrorMetrics> error_metrics(std::span<const double> reference, std::span<const double> test);

}  // namespace openpt::stats
