// Building blocks shared by the statistics: confidence intervals, complete-case pairing
// (the module's missing-data rule), means and variances, and average ranks.
//
// Missing data: a NaN marks a missing value. Functions over paired data keep the pairs in
// which both values are present, drop the others and report how many they dropped
// (`excluded_missing`); nothing is imputed. Infinite values are not "missing" but an error,
// and so are values beyond ±kMaxMagnitude (1e100), whose squares and sums of squares would
// overflow to infinity and turn every statistic into inf or NaN.
//
//   auto pairs = complete_pairs(reference, test, "reference", "test");  // Result<Pairs>
//   double m = mean(pairs->x), v = sample_variance(pairs->x);           // n - 1 divisor
//   std::vector<double> r = average_ranks({10.0, 20.0, 20.0, 5.0});    // 2, 3.5, 3.5, 1
#pragma once

#include <limits>
#include <span>
#include <string_view>
#include <vector>

#include "openpt/core/error.h"

namespace openpt::stats {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// The largest magnitude a measurement may have (see above); far beyond any physical unit.
inline constexpr double kMaxMagnitude = 1e100;

// A two-sided confidence interval; both ends NaN when it is undefined.
struct Interval {
  double lower = kNaN;
  double upper = kNaN;
  [[nodiscard]] bool contains(double v) const { return v >= lower && v <= upper; }
};

// Paired values with the incomplete pairs removed.
struct Pairs {
  std::vector<double> x, y;
  int excluded_missing = 0;  // pairs dropped because x or y (or both) was NaN
  [[nodiscard]] int n() const { return static_cast<int>(x.size()); }
};

// Keeps the pairs where both values are present (not NaN). Errors: the spans differ in
// length, or a value is infinite or beyond ±kMaxMagnitude (`x_name`/`y_name` and the 1-based
// index name it).
Result<Pairs> complete_pairs(std::span<const double> x, std::span<const double> y,
                             std::string_view x_name = "x", std::string_view y_name = "y");

// Fails unless `value` is NaN (missing) or finite within ±kMaxMagnitude; `what` names the
// value in the message ("reference value 3").
Result<void> check_magnitude(double value, std::string_view what);

// Fails with "<what> needs at least <minimum> complete pairs, got <n>" unless n >= minimum.
Result<void> require_pairs(int n, int minimum, std::string_view what, int excluded_missing);

double mean(std::span<const double> v);
// Sample variance with the n - 1 divisor (two-pass); NaN for fewer than two values.
double sample_variance(std::span<const double> v);
// Sample covariance with the n - 1 divisor; NaN for fewer than two pairs.
double sample_covariance(std::span<const double> x, std::span<const double> y);

// Ranks 1..n, ties given the average of the ranks they span (the "mid-rank").
std::vector<double> average_ranks(std::span<const double> v);

// Whether every value equals the first (within `relative_tolerance` of the largest magnitude);
// true for an empty span. Used to detect zero variance before dividing by it.
bool all_equal(std::span<const double> v, double relative_tolerance = 1e-12);

}  // namespace openpt::stats
