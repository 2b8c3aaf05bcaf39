#include "openpt/stats/descriptive.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

namespace openpt::stats {

Result<Pairs> complete_pairs(std::span<const double> x, std::span<const double> y,
                             std::string_view x_name, std::string_view y_name) {
  if (x.size() != y.size()) {
    return bad_input(
        fmt::format("{} has {} values but {} has {}; paired data must have one "
                    "value of each per pair",
                    x_name, x.size(), y_name, y.size()));
  }
  Pairs out;
  out.x.reserve(x.size());
  out.y.reserve(y.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    for (const auto& [value, name] : {std::pair{x[i], x_name}, std::pair{y[i], y_name}}) {
      if (auto ok = check_magnitude(value, fmt::format("{} value {}", name, i + 1)); !ok) {
        return tl::unexpected(ok.error());
      }
    }
    if (std::isnan(x[i]) || std::isnan(y[i])) {
      ++out.excluded_missing;
      continue;
    }
    out.x.push_back(x[i]);
    out.y.push_back(y[i]);
  }
  return out;
}

Result<void> check_magnitude(double value, std::string_view what) {
  if (std::isinf(value)) {
    return bad_input(fmt::format("{} is infinite", what), {},
                     "mark a missing value as NaN; infinite values are not allowed");
  }
  if (std::abs(value) > kMaxMagnitude) {
    return bad_input(
        fmt::format("{} ({:g}) is too large: its square would overflow", what, value), {},
        fmt::format("rescale the values (e.g. other units) to within ±{:g}", kMaxMagnitude));
  }
  return {};
}

Result<void> require_pairs(int n, int minimum, std::string_view what, int excluded_missing) {
  if (n >= minimum) return {};
  std::string message =
      fmt::format("{} needs at least {} complete pairs, got {}", what, minimum, n);
  if (excluded_missing > 0) {
    message += fmt::format(" ({} incomplete pairs excluded)", excluded_missing);
  }
  return bad_input(std::move(message), {}, "collect more paired measurements");
}

double mean(std::span<const double> v) {
  if (v.empty()) return kNaN;
  return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

double sample_variance(std::span<const double> v) {
  return sample_covariance(v, v);
}

double sample_covariance(std::span<const double> x, std::span<const double> y) {
  assert(x.size() == y.size());
  if (x.size() < 2) return kNaN;
  const double mx = mean(x), my = mean(y);
  double s = 0;
  for (std::size_t i = 0; i < x.size(); ++i) s += (x[i] - mx) * (y[i] - my);
  return s / static_cast<double>(x.size() - 1);
}

std::vector<double> average_ranks(std::span<const double> v) {
  std::vector<std::size_t> order(v.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
  std::vector<double> ranks(v.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i + 1;
    while (j < order.size() && v[order[j]] == v[order[i]]) ++j;
    // Positions i..j-1 (0-based) hold ranks i+1..j; their average is (i + 1 + j) / 2.
    const double rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
    for (std::size_t k = i; k < j; ++k) ranks[order[k]] = rank;
    i = j;
  }
  return ranks;
}

bool all_equal(std::span<const double> v, double relative_tolerance) {
  if (v.empty()) return true;
  double scale = 0;
  for (double x : v) scale = std::max(scale, std::abs(x));
  const double tolerance = relative_tolerance * scale;
  return std::all_of(v.begin(), v.end(),
                     [&](double x) { return std::abs(x - v.front()) <= tolerance; });
}

}  // namespace openpt::stats
