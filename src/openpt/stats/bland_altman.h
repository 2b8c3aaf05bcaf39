// Bland–Altman agreement between two methods measuring the same quantity: the bias (mean
// difference), limits of agreement with confidence intervals, and proportional bias.
//
// Conventions: difference d = test − reference, mean m = (test + reference) / 2, one pair per
// subject (for several pairs per subject see bland_altman_repeated.h).
//   bias d̄ = Σd / n, SD s = √(Σ(d − d̄)² / (n − 1))
//   CI of the bias: d̄ ± t(1 − α/2, n − 1)·s/√n (and the one-sample t test of d̄ = 0)
//   limits of agreement (LoA): d̄ ± z·s with z = Φ⁻¹((1 + coverage) / 2) = 1.959964 for 95 %
//     coverage (the normal quantile, not t and not rounded to 1.96 or 2)
//   CI of each LoA, two methods:
//     kExact (default): Carkeet 2015 (Optom Vis Sci 92:e71) — √n(LoA_true − d̄)/s follows a
//       non-central t with n − 1 df and non-centrality z√n, so the upper LoA lies in
//       d̄ + s·[t'(α/2), t'(1 − α/2)] / √n (mirror image for the lower LoA).
//     kApproximate: Bland & Altman 1999 (Stat Methods Med Res 8:135) — SE(LoA) =
//       s·√(1/n + z²/(2(n − 1))) (≈ √(3s²/n) as in Bland & Altman 1986, Lancet i:307),
//       CI LoA ± t(1 − α/2, n − 1)·SE.
//   proportional bias: least squares d = a + b·m (regression.h; Bland & Altman 1999 §3.1);
//     b ≠ 0 means the difference grows or shrinks with the magnitude.
// Missing data: pairs with a NaN are excluded and counted in `excluded_missing`.
// Errors: n < 3 complete pairs, an infinite value, unequal lengths, bad options. All
// differences equal (s = 0) is valid: the LoA and their CIs collapse onto the bias.
//
//   auto ba = bland_altman(reference_deg, test_deg);            // Result<BlandAltman>
//   fmt::print("bias {:.2f}, LoA {:.2f} to {:.2f}\n", ba->bias, ba->lower_loa, ba->upper_loa);
#pragma once

#include <optional>
#include <span>
#include <string>

#include "openpt/core/error.h"
#include "openpt/stats/descriptive.h"
#include "openpt/stats/regression.h"

namespace openpt::stats {

enum class LoaCiMethod { kExact, kApproximate };

struct BlandAltmanOptions {
  double confidence = 0.95;    // of the confidence intervals
  double loa_coverage = 0.95;  // share of differences the limits should contain
  LoaCiMethod loa_ci_method = LoaCiMethod::kExact;
};

struct BlandAltman {
  int n = 0;
  int excluded_missing = 0;
  double bias = kNaN;  // mean of test − reference
  double sd = kNaN;    // SD of the differences (n − 1)
  double bias_se = kNaN;
  Interval bias_ci;
  double bias_t = kNaN,
         bias_p = kNaN;  // one-sample t test of bias = 0 (p = 1 when s = 0 and bias = 0)
  double z = kNaN;       // LoA multiplier
  double lower_loa = kNaN, upper_loa = kNaN;
  Interval lower_loa_ci, upper_loa_ci;
  LoaCiMethod loa_ci_method = LoaCiMethod::kExact;
  int within_loa = 0;  // pairs whose difference lies within [lower_loa, upper_loa]
  // Differences regressed on means; empty when the means do not vary (then `note` says so).
  std::optional<LineFit> proportional;
  std::string proportional_note;
  double mean_min = kNaN, mean_max = kNaN;  // range of the pair means (for plots)
  double confidence = 0.95, loa_coverage = 0.95;
};

Result<BlandAltman> bland_altman(std::span<const double> reference, std::span<const double> test,
                                 const BlandAltmanOptions& options = {});

// The CI of one limit of agreement `bias + sign·z·sd` (sign = +1 upper, −1 lower).
Interval loa_confidence_interval(double bias, double sd, int n, double z, int sign,
                                 double confidence, LoaCiMethod method);

}  // namespace openpt::stats
