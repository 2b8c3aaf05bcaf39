// Cohen's kappa for two raters assigning the same cases to categories: unweighted, and
// linearly or quadratically weighted for ordered categories, with the asymptotic standard
// errors of Fleiss, Cohen & Everitt (1969, Psychol Bull 72:323).
//
// With p_ij the share of cases rater 1 put in category i and rater 2 in j, marginals p_i.,
// p_.j, and agreement weights w_ij (1 on the diagonal; 1 − |i − j|/(c − 1) linear,
// 1 − (i − j)²/(c − 1)² quadratic, 0 off the diagonal unweighted; categories are ranked, so
// the weights depend on the rank distance, as sklearn.metrics.cohen_kappa_score does):
//   p_o = Σ w_ij p_ij,  p_e = Σ w_ij p_i. p_.j,  κ = (p_o − p_e) / (1 − p_e)
//   w̄_i. = Σ_j p_.j w_ij,  w̄_.j = Σ_i p_i. w_ij
//   var(κ)  = [Σ p_ij (w_ij − (w̄_i. + w̄_.j)(1 − κ))² − (κ − p_e(1 − κ))²] / (n (1 − p_e)²)
//   var0(κ) = [Σ p_i. p_.j (w_ij − (w̄_i. + w̄_.j))² − p_e²] / (n (1 − p_e)²)   (under κ = 0)
// CI κ ± z·√var cut to [−1, 1]; test z = κ / √var0, two-sided normal p. These are the
// formulas of statsmodels.stats.inter_rater.cohens_kappa (SAS PROC FREQ), which does not cut
// the interval.
// Missing data: cases with a NaN rating are excluded and counted. Errors: ratings that are
// not whole numbers, an unknown category (when `categories` is given), no complete case, or
// p_e = 1 (both raters put every case in the same single category: κ is 0/0).
//
//   auto k = cohen_kappa(rater1, rater2, {.weights = KappaWeights::kQuadratic});
//   fmt::print("weighted kappa {:.2f} ({:.2f} to {:.2f})\n", k->kappa, k->ci.lower, k->ci.upper);
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/stats/descriptive.h"

namespace openpt::stats {

enum class KappaWeights { kNone, kLinear, kQuadratic };
std::string_view kappa_weights_name(KappaWeights weights);  // "unweighted", "linear", ...

struct KappaOptions {
  KappaWeights weights = KappaWeights::kNone;
  double confidence = 0.95;
  // The ordered category codes. Empty: the sorted union of the codes either rater used.
  // Give them when a category may go unused, so the weights keep their spacing.
  std::vector<int> categories{};
};

struct Kappa {
  double kappa = kNaN;
  double se = kNaN;   // √var(κ), for the CI
  double se0 = kNaN;  // √var0(κ), for the test of κ = 0
  Interval ci;
  double z = kNaN, p = kNaN;         // test of κ = 0 (NaN when var0 is 0)
  double observed_agreement = kNaN;  // p_o (weighted)
  double expected_agreement = kNaN;  // p_e (weighted)
  KappaWeights weights = KappaWeights::kNone;
  std::vector<int> categories;
  std::vector<std::vector<int>> table;  // table[i][j]: rater 1 category i, rater 2 category j
  int n = 0;
  int excluded_missing = 0;
  double confidence = 0.95;
};

// From two ratings per case (category codes as whole numbers, NaN for missing).
Result<Kappa> cohen_kappa(std::span<const double> rater1, std::span<const double> rater2,
                          const KappaOptions& options = {});

// From a square contingency table of counts (rows rater 1, columns rater 2, categories in
// order). `options.categories` is ignored; the result numbers them 0..c−1.
Result<Kappa> cohen_kappa_table(const std::vector<std::vector<int>>& table,
                                const KappaOptions& options = {});

}  // namespace openpt::stats
