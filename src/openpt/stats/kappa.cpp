#include "openpt/stats/kappa.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "openpt/stats/distributions.h"

namespace openpt::stats {

std::string_view kappa_weights_name(KappaWeights weights) {
  switch (weights) {
    case KappaWeights::kNone: return "unweighted";
    case KappaWeights::kLinear: return "linear";
    case KappaWeights::kQuadratic: return "quadratic";
  }
  return "unweighted";
}

namespace {

// Agreement weight of categories i and j out of c.
double weight(KappaWeights weights, std::size_t i, std::size_t j, std::size_t c) {
  if (i == j) return 1;
  const double d =
      std::abs(static_cast<double>(i) - static_cast<double>(j)) / static_cast<double>(c - 1);
  switch (weights) {
    case KappaWeights::kNone: return 0;
    case KappaWeights::kLinear: return 1 - d;
    case KappaWeights::kQuadratic: return 1 - d * d;
  }
  return 0;
}

Result<int> category_code(double v, std::size_t index, int rater) {
  if (std::isinf(v) || v != std::round(v) || std::abs(v) > 1e9) {
    return bad_input(fmt::format("rater {} case {}: {} is not a category code (a whole number)",
                                 rater, index + 1, v));
  }
  return static_cast<int>(v);
}

}  // namespace

Result<Kappa> cohen_kappa_table(const std::vector<std::vector<int>>& table,
                                const KappaOptions& options) {
  if (auto ok = check_confidence(options.confidence); !ok) return tl::unexpected(ok.error());
  const std::size_t c = table.size();
  long long total = 0;
  for (const auto& row : table) {
    if (row.size() != c) return bad_input("the kappa table must be square");
    for (int v : row) {
      if (v < 0) return bad_input("the kappa table has a negative count");
      total += v;
    }
  }
  if (total == 0) return bad_input("kappa needs at least one rated case, got none");
  const double n = static_cast<double>(total);
  std::vector<double> row_p(c, 0.0), col_p(c, 0.0);
  for (std::size_t i = 0; i < c; ++i) {
    for (std::size_t j = 0; j < c; ++j) {
      row_p[i] += table[i][j] / n;
      col_p[j] += table[i][j] / n;
    }
  }
  Kappa k;
  k.weights = options.weights;
  k.table = table;
  k.n = static_cast<int>(total);
  k.confidence = options.confidence;
  for (std::size_t i = 0; i < c; ++i) k.categories.push_back(static_cast<int>(i));
  double po = 0, pe = 0;
  for (std::size_t i = 0; i < c; ++i) {
    for (std::size_t j = 0; j < c; ++j) {
      const double w = weight(options.weights, i, j, c);
      po += w * table[i][j] / n;
      pe += w * row_p[i] * col_p[j];
    }
  }
  k.observed_agreement = po;
  k.expected_agreement = pe;
  if (pe >= 1 - 1e-12) {
    return bad_input(
        "kappa is undefined: both raters put every case in the same single category "
        "(expected agreement is 1)");
  }
  const double kappa = (po - pe) / (1 - pe);
  k.kappa = kappa;
  // Weighted mean agreement of row i / column j (Fleiss, Cohen & Everitt 1969).
  std::vector<double> w_row(c, 0.0), w_col(c, 0.0);
  for (std::size_t i = 0; i < c; ++i) {
    for (std::size_t j = 0; j < c; ++j) {
      const double w = weight(options.weights, i, j, c);
      w_row[i] += col_p[j] * w;
      w_col[j] += row_p[i] * w;
    }
  }
  double a = 0, a0 = 0;
  for (std::size_t i = 0; i < c; ++i) {
    for (std::size_t j = 0; j < c; ++j) {
      const double w = weight(options.weights, i, j, c);
      const double e = w - (w_row[i] + w_col[j]) * (1 - kappa);
      a += table[i][j] / n * e * e;
      const double e0 = w - (w_row[i] + w_col[j]);
      a0 += row_p[i] * col_p[j] * e0 * e0;
    }
  }
  const double scale = n * (1 - pe) * (1 - pe);
  const double b = kappa - pe * (1 - kappa);
  k.se = std::sqrt(std::max(0.0, (a - b * b) / scale));
  k.se0 = std::sqrt(std::max(0.0, (a0 - pe * pe) / scale));
  const double half = z_for_confidence(options.confidence) * k.se;
  k.ci = {std::max(-1.0, kappa - half), std::min(1.0, kappa + half)};
  if (k.se0 > 0) {
    k.z = kappa / k.se0;
    k.p = two_sided_z_p(k.z);
  }
  return k;
}

Result<Kappa> cohen_kappa(std::span<const double> rater1, std::span<const double> rater2,
                          const KappaOptions& options) {
  auto pairs = complete_pairs(rater1, rater2, "rater 1", "rater 2");
  if (!pairs) return tl::unexpected(pairs.error());
  std::vector<int> codes1, codes2;
  for (int i = 0; i < pairs->n(); ++i) {
    auto a = category_code(pairs->x[i], i, 1);
    if (!a) return tl::unexpected(a.error());
    auto b = category_code(pairs->y[i], i, 2);
    if (!b) return tl::unexpected(b.error());
    codes1.push_back(*a);
    codes2.push_back(*b);
  }
  std::vector<int> categories = options.categories;
  if (categories.empty()) {
    std::set<int> seen(codes1.begin(), codes1.end());
    seen.insert(codes2.begin(), codes2.end());
    categories.assign(seen.begin(), seen.end());
  } else {
    std::sort(categories.begin(), categories.end());
    if (std::adjacent_find(categories.begin(), categories.end()) != categories.end()) {
      return bad_input("the kappa categories contain a duplicate");
    }
  }
  auto index_of = [&](int code) -> Result<std::size_t> {
    const auto it = std::lower_bound(categories.begin(), categories.end(), code);
    if (it == categories.end() || *it != code) {
      return bad_input(fmt::format("rating {} is not one of the given categories", code));
    }
    return static_cast<std::size_t>(it - categories.begin());
  };
  std::vector<std::vector<int>> table(categories.size(), std::vector<int>(categories.size(), 0));
  for (std::size_t i = 0; i < codes1.size(); ++i) {
    auto a = index_of(codes1[i]);
    if (!a) return tl::unexpected(a.error());
    auto b = index_of(codes2[i]);
    if (!b) return tl::unexpected(b.error());
    ++table[*a][*b];
  }
  auto k = cohen_kappa_table(table, options);
  if (!k) return k;
  k->categories = categories;
  k->excluded_missing = pairs->excluded_missing;
  return k;
}

}  // namespace openpt::stats
