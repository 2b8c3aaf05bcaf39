// Bland–Altman limits of agreement when each subject contributes several pairs and the true
// value varies between a subject's pairs (Bland & Altman 2007, Stat Methods Med Res 17:571,
// §5 "true value varies"), e.g. several repetitions of an exercise per patient.
//
// With n subjects, m_i pairs for subject i and N = Σm_i, d = test − reference:
//   one-way ANOVA of d by subject: MS_between (n − 1 df), MS_within (N − n df)
//   λ = (N² − Σm_i²) / ((n − 1)·N)                      (= m in a balanced design)
//   σ²_between = (MS_between − MS_within) / λ            (set to 0 when negative: flagged)
//   σ²_within  = MS_within
//   SD = √(σ²_between + σ²_within), bias = mean of all N differences,
//   LoA = bias ± z·SD with z = Φ⁻¹((1 + coverage) / 2).
// The same numbers as epiR::epi.ccc(..., rep.measure = TRUE) (which does not truncate).
// No confidence intervals are given for these limits (see docs/stats.md).
// Missing data: pairs with a NaN value are excluded and counted; a subject left with no pair
// drops out. Errors: fewer than 2 subjects, no subject with 2 or more pairs (then
// MS_within has no degrees of freedom: use bland_altman()), an empty subject id.
//
//   auto ba = bland_altman_repeated(subject_ids, reference, test);
//   fmt::print("LoA {:.1f} to {:.1f} over {} subjects\n", ba->lower_loa, ba->upper_loa,
//              ba->subjects);
#pragma once

#include <span>
#include <string>

#include "openpt/core/error.h"
#include "openpt/stats/descriptive.h"

namespace openpt::stats {

struct RepeatedBlandAltman {
  int pairs = 0;     // N, complete pairs used
  int subjects = 0;  // n, subjects with at least one complete pair
  int excluded_missing = 0;
  double bias = kNaN;
  double ms_between = kNaN, ms_within = kNaN;
  double lambda = kNaN;  // divisor of the between-subject component
  double sd_between = kNaN, sd_within = kNaN, sd = kNaN;
  bool between_truncated = false;  // MS_between < MS_within: σ²_between set to 0
  double z = kNaN;
  double lower_loa = kNaN, upper_loa = kNaN;
  double loa_coverage = 0.95;
};

Result<RepeatedBlandAltman> bland_altman_repeated(std::span<const std::string> subject,
                                                  std::span<const double> reference,
                                                  std::span<const double> test,
                                                  double loa_coverage = 0.95);

}  // namespace openpt::stats
