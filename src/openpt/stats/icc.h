// Intraclass correlation coefficients: the six forms of Shrout & Fleiss (1979, Psychol Bull
// 86:420) with the McGraw & Wong (1996, Psychol Methods 1:30) names, F tests and confidence
// intervals, computed exactly as R's psych::ICC (Revelle) does with lmer = FALSE.
//
// Ratings form an n × k table: n targets (subjects, rows) each rated by the same k raters
// (methods, columns). From the two-way ANOVA without interaction:
//   MSR rows (targets, n − 1 df), MSC columns (raters, k − 1 df),
//   MSE residual ((n − 1)(k − 1) df), MSW within targets = (SSC + SSE) / (n(k − 1)).
//   ICC(1,1) one-way random, single             (MSR − MSW) / (MSR + (k − 1)MSW)
//   ICC(2,1) two-way random, absolute, single   (MSR − MSE) / (MSR + (k − 1)MSE + k(MSC − MSE)/n)
//   ICC(3,1) two-way mixed, consistency, single (MSR − MSE) / (MSR + (k − 1)MSE)
//   ICC(1,k) = (MSR − MSW)/MSR, ICC(2,k) = (MSR − MSE)/(MSR + (MSC − MSE)/n),
//   ICC(3,k) = (MSR − MSE)/MSR  (the reliability of the mean of the k raters).
// F tests of ICC = 0: F = MSR/MSW on (n − 1, n(k − 1)) df for the one-way forms,
// F = MSR/MSE on (n − 1, (n − 1)(k − 1)) df for the two-way forms.
// Confidence intervals: exact F-based for ICC(1,·) and ICC(3,·) (Shrout & Fleiss eqs. 6, 8);
// for ICC(2,·) Satterthwaite's approximate df (McGraw & Wong 1996 Table 7; psych::ICC).
// ICC(A,1) of a two-way mixed model has the ICC(2,1) formula and ICC(C,1) of a two-way random
// model the ICC(3,1) formula; the McGraw–Wong names below follow Koo & Li 2016.
// Negative estimates (raters disagree more than chance) are reported as they are.
// Missing data: a target with any NaN rating is dropped whole (listwise deletion) and counted
// in `excluded_targets`; nothing is imputed. Errors: fewer than 2 complete targets or 2
// raters, an infinite rating, or no variance at all (every rating equal: ICC is 0/0).
// Every target equal across raters but targets different (MSE = MSW = 0): all forms are 1,
// F = inf, p = 0, CIs [1, 1].
//
//   std::vector<double> ratings = {9, 2, 5, 8, 6, 1, 3, 2};      // 2 targets × 4 raters
//   auto r = icc(ratings, 4);                                   // Result<IccResult>
//   const IccEstimate& a = r->at(IccForm::kIcc2_1);            // a.value, a.ci, a.p
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "openpt/core/error.h"
#include "openpt/stats/descriptive.h"

namespace openpt::stats {

enum class IccForm { kIcc1_1, kIcc2_1, kIcc3_1, kIcc1_k, kIcc2_k, kIcc3_k };

struct IccNames {
  std::string_view shrout_fleiss;  // "ICC(2,1)"
  std::string_view mcgraw_wong;    // "ICC(A,1)"
  std::string_view model;          // "two-way random effects, absolute agreement, single rater"
  std::string_view psych;          // the psych::ICC type: "ICC2"
};
IccNames icc_names(IccForm form);

struct IccEstimate {
  IccForm form = IccForm::kIcc1_1;
  double value = kNaN;
  double f = kNaN;  // F statistic of the test of ICC = 0
  double df1 = kNaN, df2 = kNaN;
  double p = kNaN;
  Interval ci;
};

struct IccAnova {
  double ms_rows = kNaN;     // MSR, between targets
  double ms_columns = kNaN;  // MSC, between raters
  double ms_error = kNaN;    // MSE, residual
  double ms_within = kNaN;   // MSW, within targets (one-way)
  double grand_mean = kNaN;
  double sd_all = kNaN;  // SD of all n·k ratings (n·k − 1 divisor)
};

struct IccResult {
  int targets = 0;  // complete targets used
  int raters = 0;
  int excluded_targets = 0;  // targets dropped for a missing rating
  IccAnova anova;
  std::array<IccEstimate, 6> estimates;  // in IccForm order
  double confidence = 0.95;
  [[nodiscard]] const IccEstimate& at(IccForm form) const {
    return estimates[static_cast<std::size_t>(form)];
  }
};

// `ratings` holds the table row by row (target by target), `raters` values per target.
Result<IccResult> icc(std::span<const double> ratings, int raters, double confidence = 0.95);

}  // namespace openpt::stats
