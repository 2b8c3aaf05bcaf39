#include "openpt/stats/bland_altman_repeated.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <vector>

#include "openpt/stats/distributions.h"

namespace openpt::stats {

Result<RepeatedBlandAltman> bland_altman_repeated(std::span<const std::string> subject,
                                                  std::span<const double> reference,
                                                  std::span<const double> test,
                                                  double loa_coverage) {
  if (auto ok = check_confidence(loa_coverage, "loa_coverage"); !ok) {
    return tl::unexpected(ok.error());
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
  for (const auto& g : groups) {
    for (double v : g) sum += v;
    sum_m2 += static_cast<double>(g.size() * g.size());
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
  return ba;
}

}  // namespace openpt::stats
