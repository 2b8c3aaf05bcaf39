// Sample size and power for validation studies: agreement by Bland–Altman limits of
// agreement, and the sensitivity and specificity of a diagnostic test.
//
// Agreement (the study shows agreement when the confidence intervals of both limits of
// agreement lie inside ±Δ, the largest difference that is clinically acceptable). With the
// expected mean μ and SD σ of the differences, z = Φ⁻¹((1 + coverage)/2), level 1 − γ:
//   kLu2016 (Lu et al. 2016, Int J Biostat 12(2):20150039): SE = σ√(1/n + z²/(2(n − 1))),
//     τ1 = (Δ − μ − zσ)/SE, τ2 = (Δ + μ − zσ)/SE, β_k = P(T'(n − 1, τ_k) ≤ t(1 − γ/2, n − 1)),
//     power = 1 − β1 − β2, T' the non-central t.
//   kExact (consistent with the exact LoA intervals of bland_altman.h): c = t'(1 − γ/2;
//     n − 1, z√n), β1 = P(T'(n − 1, √n(Δ − μ)/σ) ≤ c), β2 = P(T'(n − 1, √n(Δ + μ)/σ) ≤ c).
//   Both treat the two limits' failures as exclusive (power = 1 − β1 − β2, floored at 0).
//   The sample size is the smallest n >= 3 with power >= the target.
// Diagnostic accuracy, precision (Buderer 1996, Acad Emerg Med 3:895): to estimate
//   sensitivity Se within ±d: n = z²·Se(1 − Se)/(d²·prevalence), specificity:
//   n = z²·Sp(1 − Sp)/(d²·(1 − prevalence)), rounded up (= epiR::epi.ssdxsesp).
// Diagnostic accuracy, hypothesis test: the exact one-sided binomial test of H0: p = p0
//   against p1 (sensitivity among reference positives, or specificity among negatives): the
//   critical count c is the most extreme one with P(X ≥ c | p0) ≤ α (p1 > p0; mirrored for
//   p1 < p0), power = P(X ≥ c | p1). Power is saw-toothed in n; the sample size is the
//   smallest n reaching the target (a slightly larger n may fall just below it).
//
//   LoaPowerInputs in{.mean_difference = 0.5, .sd_difference = 2, .max_allowed_difference = 6};
//   auto n = loa_sample_size(in, 0.8);                       // Result<int>
//   auto b = buderer_sample_size({.sensitivity = 0.9, .specificity = 0.85, .prevalence = 0.2,
//                                 .precision = 0.05});       // b->total
#pragma once

#include "openpt/core/error.h"

namespace openpt::stats {

enum class LoaPowerMethod { kLu2016, kExact };

struct LoaPowerInputs {
  double mean_difference = 0;         // μ, expected bias
  double sd_difference = 1;           // σ, expected SD of the differences (> 0)
  double max_allowed_difference = 0;  // Δ (> 0)
  double loa_coverage = 0.95;
  double confidence = 0.95;  // of the LoA confidence intervals (1 − γ)
  LoaPowerMethod method = LoaPowerMethod::kLu2016;
};

Result<double> loa_power(const LoaPowerInputs& inputs, int n);
// Errors (besides bad inputs): the expected limits |μ| + zσ already reach Δ (no n can show
// agreement), or more than `max_n` would be needed.
Result<int> loa_sample_size(const LoaPowerInputs& inputs, double power = 0.8, int max_n = 100000);

struct BudererInputs {
  double sensitivity = 0.9, specificity = 0.9;
  double prevalence = 0.5;  // of the target condition in the study population
  double precision = 0.05;  // half-width d of the confidence interval
  double confidence = 0.95;
};

struct BudererSampleSize {
  int positives = 0;        // reference-positive cases needed for the sensitivity
  int negatives = 0;        // reference-negative cases needed for the specificity
  int for_sensitivity = 0;  // total, so the prevalence yields `positives`
  int for_specificity = 0;
  int total = 0;  // the larger
};

Result<BudererSampleSize> buderer_sample_size(const BudererInputs& inputs);

// Power of the exact one-sided binomial test with n cases (see above). Errors: probabilities
// outside (0, 1), p0 = p1, α outside (0, 0.5], n < 1.
Result<double> proportion_power_exact(int n, double p0, double p1, double alpha = 0.05);
Result<int> proportion_sample_size_exact(double p0, double p1, double alpha = 0.05,
                                         double power = 0.8, int max_n = 100000);

}  // namespace openpt::stats
