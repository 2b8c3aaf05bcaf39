#include "openpt/stats/distributions.h"

#include <fmt/format.h>

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/non_central_t.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

namespace openpt::stats {

namespace {

namespace bm = boost::math;
namespace pol = boost::math::policies;

// Domain errors give NaN and overflow gives ±inf instead of exceptions.
using Quiet =
    pol::policy<pol::domain_error<pol::ignore_error>, pol::pole_error<pol::ignore_error>,
                pol::overflow_error<pol::ignore_error>, pol::evaluation_error<pol::ignore_error>,
                pol::rounding_error<pol::ignore_error>>;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool probability(double p) {
  return p >= 0 && p <= 1;
}
bool positive(double df) {
  return df > 0;
}  // false for NaN

}  // namespace

double normal_cdf(double z) {
  if (std::isnan(z)) return kNaN;
  if (std::isinf(z)) return z > 0 ? 1.0 : 0.0;
  return bm::cdf(bm::normal_distribution<double, Quiet>(), z);
}

double normal_sf(double z) {
  if (std::isnan(z)) return kNaN;
  if (std::isinf(z)) return z > 0 ? 0.0 : 1.0;
  return bm::cdf(bm::complement(bm::normal_distribution<double, Quiet>(), z));
}

double normal_quantile(double p) {
  if (!probability(p)) return kNaN;
  if (p == 0) return -std::numeric_limits<double>::infinity();
  if (p == 1) return std::numeric_limits<double>::infinity();
  return bm::quantile(bm::normal_distribution<double, Quiet>(), p);
}

double z_for_confidence(double confidence) {
  if (!(confidence > 0 && confidence < 1)) return kNaN;
  return normal_quantile(1 - (1 - confidence) / 2);
}

double t_cdf(double t, double df) {
  if (std::isnan(t) || !positive(df)) return kNaN;
  if (std::isinf(t)) return t > 0 ? 1.0 : 0.0;
  return bm::cdf(bm::students_t_distribution<double, Quiet>(df), t);
}

double t_sf(double t, double df) {
  if (std::isnan(t) || !positive(df)) return kNaN;
  if (std::isinf(t)) return t > 0 ? 0.0 : 1.0;
  return bm::cdf(bm::complement(bm::students_t_distribution<double, Quiet>(df), t));
}

double t_quantile(double p, double df) {
  if (!probability(p) || !positive(df)) return kNaN;
  if (p == 0) return -std::numeric_limits<double>::infinity();
  if (p == 1) return std::numeric_limits<double>::infinity();
  return bm::quantile(bm::students_t_distribution<double, Quiet>(df), p);
}

double two_sided_t_p(double t, double df) {
  const double p = 2 * t_sf(std::abs(t), df);
  return std::isnan(p) ? p : std::min(1.0, p);
}

double two_sided_z_p(double z) {
  const double p = 2 * normal_sf(std::abs(z));
  return std::isnan(p) ? p : std::min(1.0, p);
}

double f_sf(double f, double df1, double df2) {
  if (std::isnan(f) || !positive(df1) || !positive(df2)) return kNaN;
  if (f <= 0) return 1.0;
  if (std::isinf(f)) return 0.0;
  return bm::cdf(bm::complement(bm::fisher_f_distribution<double, Quiet>(df1, df2), f));
}

double f_quantile(double p, double df1, double df2) {
  if (!probability(p) || !positive(df1) || !positive(df2)) return kNaN;
  if (p == 0) return 0.0;
  if (p == 1) return std::numeric_limits<double>::infinity();
  return bm::quantile(bm::fisher_f_distribution<double, Quiet>(df1, df2), p);
}

double chi_squared_quantile(double p, double df) {
  if (!probability(p) || !positive(df)) return kNaN;
  if (p == 0) return 0.0;
  if (p == 1) return std::numeric_limits<double>::infinity();
  return bm::quantile(bm::chi_squared_distribution<double, Quiet>(df), p);
}

double noncentral_t_cdf(double t, double df, double delta) {
  if (std::isnan(t) || !positive(df) || !std::isfinite(delta)) return kNaN;
  if (std::isinf(t)) return t > 0 ? 1.0 : 0.0;
  return bm::cdf(bm::non_central_t_distribution<double, Quiet>(df, delta), t);
}

double noncentral_t_quantile(double p, double df, double delta) {
  if (!probability(p) || !positive(df) || !std::isfinite(delta)) return kNaN;
  if (p == 0) return -std::numeric_limits<double>::infinity();
  if (p == 1) return std::numeric_limits<double>::infinity();
  return bm::quantile(bm::non_central_t_distribution<double, Quiet>(df, delta), p);
}

double binomial_cdf(int k, int n, double p) {
  if (n < 0 || !probability(p)) return kNaN;
  if (k < 0) return 0.0;
  if (k >= n) return 1.0;
  return bm::cdf(bm::binomial_distribution<double, Quiet>(n, p), k);
}

double binomial_sf_inclusive(int k, int n, double p) {
  if (n < 0 || !probability(p)) return kNaN;
  if (k <= 0) return 1.0;
  if (k > n) return 0.0;
  // P(X >= k) = P(X > k - 1)
  return bm::cdf(bm::complement(bm::binomial_distribution<double, Quiet>(n, p), k - 1));
}

Result<void> check_confidence(double confidence, const char* where) {
  if (confidence > 0 && confidence < 1) return {};
  return bad_input(fmt::format("confidence level must be between 0 and 1, got {}", confidence),
                   where, "e.g. 0.95 for 95 % confidence intervals");
}

}  // namespace openpt::stats
