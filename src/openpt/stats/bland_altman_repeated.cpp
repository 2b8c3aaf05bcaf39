#include "openpt/stats/bland_altman_repeated.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "openpt/stats/distributions.h"

namespace openpt::stats {
namespace {

// The χ² interval of a variance estimate `v` on `df` degrees of freedom.
Interval chi_squared_interval(double v, double df, double alpha) {
  return {df * v / chi_squared_quantile(1 - alpha / 2, df),
          df * v / chi_squared_quantile(alpha / 2, df)};
}

// Zou (2013) MOVER intervals from the subject groups of differences (header comment).
ZouLoaIntervals zou_intervals(const std::vector<std::vector<double>>& groups, double ms_within,
                              double total, double z, double confidence) {
  ZouLoaIntervals out;
  out.confidence = confidence;
  const double n = static_cast<double>(groups.size());
  std::vector<double> means;
  means.reserve(groups.size());
  double inverse_sizes = 0;
  for (const auto& g : groups) {
    means.push_back(mean(g));
    inverse_sizes += 1.0 / static_cast<double>(g.size());
  }
  out.harmonic_pairs = n / inverse_sizes;
  const double alpha = 1 - confidence;
  const double a = sample_variance(means);
  const double b = (1 - 1 / out.harmonic_pairs) * ms_within;
  out.sd_subject_means = std::sqrt(a);
  out.bias = mean(means);
  const double bias_half = t_quantile(1 - alpha / 2, n - 1) * std::sqrt(a / n);
  out.bias_ci = {out.bias - bias_half, out.bias + bias_half};
  const Interval ia = chi_squared_interval(a, n - 1, alpha);
  const Interval ib = chi_squared_interval(b, total - n, alpha);
  const double variance = a + b;
  out.sd = std::sqrt(variance);
  const double var_lower = variance - std::hypot(a - ia.lower, b - ib.lower);
  const double var_upper = variance + std::hypot(ia.upper - a, ib.upper - b);
  out.sd_ci = {std::sqrt(std::max(0.0, var_lower)), std::sqrt(var_upper)};
  out.lower_loa = out.bias - z * out.sd;
  out.upper_loa = out.bias + z * out.sd;
  const double below_bias = out.bias - out.bias_ci.lower, above_bias = out.bias_ci.upper - out.bias;
  const double below_sd = z * (out.sd - out.sd_ci.lower), above_sd = z * (out.sd_ci.upper - out.sd);
  out.upper_loa_ci = {out.upper_loa - std::hypot(below_bias, below_sd),
                      out.upper_loa + std::hypot(above_bias, above_sd)};
  out.lower_loa_ci = {out.lower_loa - std::hypot(below_bias, above_sd),
                      out.lower_loa + std::hypot(above_bias, below_sd)};
  return out;
}

}  // namespace

Result<RepeatedBlandAltman> bland_altman_repeated(std::span<const std::string> subject,
                                                  std::span<const double> reference,
                                                  std::span<const double> test, double loa_coverage,
                                                  double confidence) {
  for (const auto& [value, name] :
       {std::pair{loa_coverage, "loa_coverage"}, std::pair{confidence, "confidence"}}) {
    if (auto ok = check_confidence(value, name); !ok) return tl::unexpected(ok.error());
  }
  if (subject.size() != reference.size()) {
    return bad_input(fmt::format("{} subject ids for {} pairs", subject.size(), reference.size()));
  }
  auto pairs = complete_pairs(reference, test, "reference", "test");
  if (!pairs) return tl::unexpected(pairs.error());
  // Differences grouped by subject, subjects in order of first appearance.
  std::map<std::string, std::size_t> index;
  std::vector<std::vector<double>> groups;
  for (std::size_t i = 0; i < subject.size(); ++i) {
    if (subject[i].empty()) {
      return bad_input(fmt::format("pair {} has an empty subject id", i + 1), {},
                       "give every pair the id of its subject");
    }
    if (std::isnan(reference[i]) || std::isnan(test[i])) continue;
    const auto [it, added] = index.try_emplace(subject[i], groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(test[i] - reference[i]);
  }
  RepeatedBlandAltman ba;
  ba.excluded_missing = pairs->excluded_missing;
  ba.loa_coverage = loa_coverage;
  ba.subjects = static_cast<int>(groups.size());
  ba.pairs = pairs->n();
  if (ba.subjects < 2) {
    return bad_input(
        fmt::format("repeated-measures Bland–Altman analysis needs at least 2 "
                    "subjects with complete pairs, got {}",
                    ba.subjects));
  }
  if (ba.pairs == ba.subjects) {
    return bad_input("every subject has a single pair; there is no within-subject variation", {},
                     "use the one-pair-per-subject analysis (no subject column)");
  }
  const double n = ba.subjects, total = ba.pairs;
  double sum = 0, sum_m2 = 0;
  ba.balanced = true;
  for (const auto& g : groups) {
    for (double v : g) sum += v;
    sum_m2 += static_cast<double>(g.size() * g.size());
    ba.balanced = ba.balanced && g.size() == groups.front().size();
  }
  ba.bias = sum / total;
  double ss_between = 0, ss_within = 0;
  for (const auto& g : groups) {
    const double gm = mean(g);
    ss_between += static_cast<double>(g.size()) * (gm - ba.bias) * (gm - ba.bias);
    for (double v : g) ss_within += (v - gm) * (v - gm);
  }
  ba.ms_between = ss_between / (n - 1);
  ba.ms_within = ss_within / (total - n);
  ba.lambda = (total * total - sum_m2) / ((n - 1) * total);
  double var_between = (ba.ms_between - ba.ms_within) / ba.lambda;
  if (var_between < 0) {
    var_between = 0;
    ba.between_truncated = true;
  }
  ba.sd_between = std::sqrt(var_between);
  ba.sd_within = std::sqrt(ba.ms_within);
  ba.sd = std::sqrt(var_between + ba.ms_within);
  ba.z = z_for_confidence(loa_coverage);
  ba.lower_loa = ba.bias - ba.z * ba.sd;
  ba.upper_loa = ba.bias + ba.z * ba.sd;
  ba.zou = zou_intervals(groups, ba.ms_within, total, ba.z, confidence);
  return ba;
}

}  // namespace openpt::stats
