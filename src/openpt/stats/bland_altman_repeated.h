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
//
// Confidence intervals: Zou (2013, Stat Methods Med Res 22:630), the method of variance
// estimates recovery (MOVER) for the same "true value varies" model d_ij = μ + b_i + e_ij.
// Zou works from the n subject means d̄_i, whose variance is σ²_b + σ²_w/m_i:
//   m_h = n / Σ(1/m_i) (harmonic mean; = m when balanced), s²_d̄ = sample variance of the d̄_i
//   bias μ̂ = Σd̄_i / n,  CI μ̂ ± t(1 − α/2, n − 1)·s_d̄/√n = [l_μ, u_μ]
//   σ̂² = A + B with A = s²_d̄ (n − 1 df), B = (1 − 1/m_h)·MS_within (N − n df)
//   each part's χ² interval: l_A = (n − 1)A/χ²(1 − α/2, n − 1), u_A = (n − 1)A/χ²(α/2, n − 1),
//     l_B, u_B likewise on N − n df
//   σ² in [L, U]: L = σ̂² − √((A − l_A)² + (B − l_B)²), U = σ̂² + √((u_A − A)² + (u_B − B)²)
//   upper LoA μ̂ + zσ̂ in [μ̂ + zσ̂ − √((μ̂ − l_μ)² + z²(σ̂ − √L)²),
//                      μ̂ + zσ̂ + √((u_μ − μ̂)² + z²(√U − σ̂)²)]
//   lower LoA μ̂ − zσ̂ in [μ̂ − zσ̂ − √((μ̂ − l_μ)² + z²(√U − σ̂)²),
//                      μ̂ − zσ̂ + √((u_μ − μ̂)² + z²(σ̂ − √L)²)]
// In a balanced design s²_d̄ = MS_between/m, so σ̂² = (MS_between − MS_within)/m + MS_within and
// μ̂ is the mean of all differences: Zou's estimates are the ones above (unless σ²_between was
// truncated: Zou's σ̂² is not). When the numbers of pairs differ, μ̂ (every subject weighted
// equally) and σ̂ differ from `bias` and `sd` — by much when one subject has few pairs and an
// unusual bias; the intervals belong to Zou's estimates, which `zou` holds beside them. s_d̄ = 0 and
// MS_within = 0 (every difference equal) give intervals collapsed onto the estimates. Missing data:
// pairs with a NaN value are excluded and counted; a subject left with no pair drops out. Errors:
// fewer than 2 subjects, no subject with 2 or more pairs (then MS_within has no degrees of freedom:
// use bland_altman()), an empty subject id, a confidence or coverage outside (0, 1).
//
//   auto ba = bland_altman_repeated(subject_ids, reference, test);
//   fmt::print("LoA {:.1f} to {:.1f} over {} subjects\n", ba->lower_loa, ba->upper_loa,
//              ba->subjects);
//   const Interval& ci = ba->zou.upper_loa_ci;   // 95 % CI of Zou's upper limit
#pragma once

#include <span>
#include <string>

#include "openpt/core/error.h"
#include "openpt/stats/descriptive.h"

namespace openpt::stats {

// Zou's (2013) estimates and MOVER confidence intervals (see above).
struct ZouLoaIntervals {
  double harmonic_pairs = kNaN;    // m_h
  double sd_subject_means = kNaN;  // s_d̄
  double bias = kNaN;              // mean of the subject mean differences
  double sd = kNaN;                // √(s²_d̄ + (1 − 1/m_h)·MS_within)
  double lower_loa = kNaN, upper_loa = kNaN;
  Interval bias_ci, sd_ci, lower_loa_ci, upper_loa_ci;
  double confidence = 0.95;
};

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
  bool balanced = false;  // every subject has the same number of complete pairs
  ZouLoaIntervals zou;
};

Result<RepeatedBlandAltman> bland_altman_repeated(std::span<const std::string> subject,
                                                  std::span<const double> reference,
                                                  std::span<const double> test,
                                                  double loa_coverage = 0.95,
                                                  double confidence = 0.95);

}  // namespace openpt::stats
