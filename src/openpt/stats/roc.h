// ROC analysis of a continuous score against a binary reference: the ROC curve, the area
// under it with DeLong's variance and confidence interval, and DeLong's test comparing the
// AUCs of two scores measured on the same cases.
//
// A case is called positive when score >= threshold (higher scores mean "more likely
// positive"; negate the scores otherwise). With m reference positives X and n negatives Y:
//   ψ(x, y) = 1 if x > y, 1/2 if x = y, 0 otherwise;  AUC = Σ_i Σ_j ψ(X_i, Y_j) / (m n)
//   (the Mann–Whitney U / (m n), = sklearn.metrics.roc_auc_score)
//   structural components (DeLong, DeLong & Clarke-Pearson 1988, Biometrics 44:837):
//   V10_i = Σ_j ψ(X_i, Y_j)/n,  V01_j = Σ_i ψ(X_i, Y_j)/m,
//   var(AUC) = S10/m + S01/n with S10, S01 the sample variances (m − 1, n − 1) of V10, V01,
//   computed in O(N log N) from mid-ranks (Sun & Xu 2014, IEEE Signal Process Lett 21:1389).
//   CI: kWald AUC ± z·SE cut to [0, 1] (as pROC::ci.auc(method = "delong")), or kLogit
//   logit⁻¹(logit AUC ± z·SE/(AUC(1 − AUC))), which stays inside (0, 1).
//   Two correlated AUCs: cov = S10_12/m + S01_12/n from the covariance of the components,
//   z = (A1 − A2)/√(var1 + var2 − 2cov), two-sided normal p (= pROC::roc.test(method =
//   "delong", paired = TRUE)).
// Perfect separation (AUC 0 or 1) has variance 0 and the CI [AUC, AUC]. When the variance of
// the difference is 0, z is 0 with p = 1 for equal AUCs and ±inf with p = 0 otherwise.
// Missing data: cases with a NaN reference or score (either score, when comparing) are
// excluded and counted. Errors: reference values other than 0/1, fewer than 2 positive or 2
// negative cases (no variance), infinite scores.
//
//   auto auc = roc_auc(reference_flag, score);   // auc->auc, auc->ci
//   auto curve = roc_curve(reference_flag, score); // curve->points: threshold, FPR, TPR
//   auto test = compare_aucs(reference_flag, score_a, score_b);  // test->p
#pragma once

#include <span>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/stats/descriptive.h"

namespace openpt::stats {

enum class AucCiMethod { kWald, kLogit };

struct RocOptions {
  double confidence = 0.95;
  AucCiMethod ci_method = AucCiMethod::kWald;
};

struct RocPoint {
  double threshold = kNaN;  // positive when score >= threshold; +inf for the (0, 0) corner
  double fpr = 0, tpr = 0;
};

struct RocCurve {
  std::vector<RocPoint> points;  // from (0, 0) at threshold +inf to (1, 1), thresholds falling
  int positives = 0, negatives = 0;
  int excluded_missing = 0;
};

Result<RocCurve> roc_curve(std::span<const double> reference, std::span<const double> score);

// The point maximising Youden's J = TPR − FPR (the first, i.e. highest threshold, on ties).
RocPoint youden_optimal(const RocCurve& curve);

struct Auc {
  double auc = kNaN;
  double se = kNaN;  // DeLong
  Interval ci;
  AucCiMethod ci_method = AucCiMethod::kWald;
  int positives = 0, negatives = 0;
  int excluded_missing = 0;
  double confidence = 0.95;
};

Result<Auc> roc_auc(std::span<const double> reference, std::span<const double> score,
                    const RocOptions& options = {});

struct AucComparison {
  Auc first, second;
  double difference = kNaN;  // first − second
  double se = kNaN;
  double correlation = kNaN;  // of the two AUC estimates
  Interval difference_ci;     // difference ± z·SE
  double z = kNaN, p = kNaN;  // two-sided
};

Result<AucComparison> compare_aucs(std::span<const double> reference,
                                   std::span<const double> score1, std::span<const double> score2,
                                   const RocOptions& options = {});

}  // namespace openpt::stats
