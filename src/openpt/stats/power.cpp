#include "openpt/stats/power.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "openpt/stats/distributions.h"

namespace openpt::stats {

namespace {

Result<void> check_loa_inputs(const LoaPowerInputs& in) {
  if (!std::isfinite(in.mean_difference)) return bad_input("the expected bias must be finite");
  if (!(in.sd_difference > 0) || !std::isfinite(in.sd_difference)) {
    return bad_input(fmt::format("the expected SD of the differences must be positive, got {}",
                                 in.sd_difference));
  }
  if (!(in.max_allowed_difference > 0) || !std::isfinite(in.max_allowed_difference)) {
    return bad_input(fmt::format("the largest acceptable difference must be positive, got {}",
                                 in.max_allowed_difference));
  }
  if (auto ok = check_confidence(in.loa_coverage, "loa_coverage"); !ok) return ok;
  return check_confidence(in.confidence);
}

Result<void> check_target_power(double power) {
  if (power > 0 && power < 1) return {};
  return bad_input(fmt::format("the target power must be between 0 and 1, got {}", power), {},
                   "e.g. 0.8 or 0.9");
}

double loa_power_unchecked(const LoaPowerInputs& in, int n) {
  const double z = z_for_confidence(in.loa_coverage);
  const double mu = in.mean_difference, sigma = in.sd_difference;
  const double delta = in.max_allowed_difference;
  const double df = n - 1;
  const double gamma = 1 - in.confidence;
  double beta1 = 0, beta2 = 0;
  if (in.method == LoaPowerMethod::kLu2016) {
    const double se = sigma * std::sqrt(1.0 / n + z * z / (2 * df));
    const double t = t_quantile(1 - gamma / 2, df);
    beta1 = noncentral_t_cdf(t, df, (delta - mu - z * sigma) / se);
    beta2 = noncentral_t_cdf(t, df, (delta + mu - z * sigma) / se);
  } else {
    const double root_n = std::sqrt(static_cast<double>(n));
    const double c = noncentral_t_quantile(1 - gamma / 2, df, z * root_n);
    beta1 = noncentral_t_cdf(c, df, root_n * (delta - mu) / sigma);
    beta2 = noncentral_t_cdf(c, df, root_n * (delta + mu) / sigma);
  }
  return std::max(0.0, 1 - beta1 - beta2);
}

// Smallest n in [lo, max_n] with power(n) >= target, for a power that grows with n.
template <class Power>
Result<int> smallest_n(Power power, double target, int lo, int max_n) {
  if (power(lo) >= target) return lo;
  int hi = lo;
  while (power(hi) < target) {
    if (hi >= max_n) {
      return bad_input(fmt::format("more than {} cases would be needed", max_n), {},
                       "check the expected values; the study is not feasible as planned");
    }
    lo = hi;
    hi = std::min(max_n, hi * 2);
  }
  while (hi - lo > 1) {  // power(lo) < target <= power(hi)
    const int mid = lo + (hi - lo) / 2;
    (power(mid) >= target ? hi : lo) = mid;
  }
  return hi;
}

int round_up(double x) {
  return static_cast<int>(std::ceil(x - 1e-9 * std::max(1.0, x)));
}

// The critical count of the exact one-sided test and whether the test rejects upwards.
int critical_count(int n, double p0, double alpha, bool upper) {
  // upper: smallest c with P(X >= c | p0) <= alpha; else largest c with P(X <= c | p0) <= alpha.
  if (upper) {
    int lo = 0, hi = n + 1;  // P(X >= n + 1) = 0, so the answer is at most n + 1
    while (lo < hi) {
      const int mid = lo + (hi - lo) / 2;
      if (binomial_sf_inclusive(mid, n, p0) <= alpha) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;  // n + 1 when no count is extreme enough
  }
  int lo = -1, hi = n;  // P(X <= -1) = 0, so the answer is at least -1
  while (lo < hi) {
    const int mid = lo + (hi - lo + 1) / 2;
    if (binomial_cdf(mid, n, p0) <= alpha) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;  // −1 when no count is extreme enough
}

}  // namespace

Result<double> loa_power(const LoaPowerInputs& inputs, int n) {
  if (auto ok = check_loa_inputs(inputs); !ok) return tl::unexpected(ok.error());
  if (n < 3) return bad_input(fmt::format("the sample size must be at least 3, got {}", n));
  return loa_power_unchecked(inputs, n);
}

Result<int> loa_sample_size(const LoaPowerInputs& inputs, double power, int max_n) {
  if (auto ok = check_loa_inputs(inputs); !ok) return tl::unexpected(ok.error());
  if (auto ok = check_target_power(power); !ok) return tl::unexpected(ok.error());
  const double z = z_for_confidence(inputs.loa_coverage);
  const double expected = std::abs(inputs.mean_difference) + z * inputs.sd_difference;
  if (expected >= inputs.max_allowed_difference) {
    return bad_input(fmt::format("the expected limits of agreement (±{:.4g}) already reach the "
                                 "acceptable difference {:.4g}; no sample size can show agreement",
                                 expected, inputs.max_allowed_difference),
                     {}, "a larger acceptable difference or a more precise method is needed");
  }
  return smallest_n([&](int n) { return loa_power_unchecked(inputs, n); }, power, 3, max_n);
}

Result<BudererSampleSize> buderer_sample_size(const BudererInputs& in) {
  for (const auto& [v, name] :
       {std::pair{in.sensitivity, "sensitivity"}, std::pair{in.specificity, "specificity"},
        std::pair{in.prevalence, "prevalence"}}) {
    if (!(v > 0 && v < 1)) {
      return bad_input(fmt::format("the expected {} must be between 0 and 1, got {}", name, v));
    }
  }
  if (!(in.precision > 0 && in.precision < 1)) {
    return bad_input(
        fmt::format("the precision (CI half-width) must be between 0 and 1, got {}", in.precision));
  }
  if (auto ok = check_confidence(in.confidence); !ok) return tl::unexpected(ok.error());
  const double z = z_for_confidence(in.confidence);
  const double d2 = in.precision * in.precision;
  const double pos = z * z * in.sensitivity * (1 - in.sensitivity) / d2;
  const double neg = z * z * in.specificity * (1 - in.specificity) / d2;
  BudererSampleSize s;
  s.positives = round_up(pos);
  s.negatives = round_up(neg);
  s.for_sensitivity = round_up(pos / in.prevalence);
  s.for_specificity = round_up(neg / (1 - in.prevalence));
  s.total = std::max(s.for_sensitivity, s.for_specificity);
  return s;
}

namespace {

Result<void> check_proportion_test(double p0, double p1, double alpha) {
  if (!(p0 > 0 && p0 < 1) || !(p1 > 0 && p1 < 1)) {
    return bad_input(fmt::format("proportions must be between 0 and 1, got {} and {}", p0, p1));
  }
  if (p0 == p1)
    return bad_input("the expected proportion equals the null value; there is no effect");
  if (!(alpha > 0 && alpha <= 0.5)) {
    return bad_input(fmt::format("alpha must be in (0, 0.5], got {}", alpha));
  }
  return {};
}

double proportion_power_unchecked(int n, double p0, double p1, double alpha) {
  const bool upper = p1 > p0;
  const int c = critical_count(n, p0, alpha, upper);
  return upper ? binomial_sf_inclusive(c, n, p1) : binomial_cdf(c, n, p1);
}

}  // namespace

Result<double> proportion_power_exact(int n, double p0, double p1, double alpha) {
  if (auto ok = check_proportion_test(p0, p1, alpha); !ok) return tl::unexpected(ok.error());
  if (n < 1) return bad_input(fmt::format("the number of cases must be at least 1, got {}", n));
  return proportion_power_unchecked(n, p0, p1, alpha);
}

Result<int> proportion_sample_size_exact(double p0, double p1, double alpha, double power,
                                         int max_n) {
  if (auto ok = check_proportion_test(p0, p1, alpha); !ok) return tl::unexpected(ok.error());
  if (auto ok = check_target_power(power); !ok) return tl::unexpected(ok.error());
  // Saw-toothed: scan upwards rather than bisect.
  for (int n = 1; n <= max_n; ++n) {
    if (proportion_power_unchecked(n, p0, p1, alpha) >= power) return n;
  }
  return bad_input(fmt::format("more than {} cases would be needed", max_n), {},
                   "a larger difference from the null value needs fewer cases");
}

}  // namespace openpt::stats
