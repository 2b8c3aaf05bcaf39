#include "openpt/stats/roc.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "openpt/stats/distributions.h"

namespace openpt::stats {

namespace {

// Cases with a complete reference flag and every score, split by the reference.
struct Cases {
  std::vector<std::vector<double>> positive, negative;  // [score][case]
  int excluded_missing = 0;
};

Result<Cases> split_cases(std::span<const double> reference,
                          std::initializer_list<std::span<const double>> scores,
                          bool need_variance) {
  Cases c;
  c.positive.resize(scores.size());
  c.negative.resize(scores.size());
  for (const auto& s : scores) {
    if (s.size() != reference.size()) {
      return bad_input(fmt::format("{} reference flags but {} scores; every case needs both",
                                   reference.size(), s.size()));
    }
  }
  for (std::size_t i = 0; i < reference.size(); ++i) {
    const double r = reference[i];
    bool missing = std::isnan(r);
    if (!missing && r != 0 && r != 1) {
      return bad_input(fmt::format("reference case {}: {} is not a binary flag", i + 1, r), {},
                       "use 1 for positive and 0 for negative");
    }
    for (const auto& s : scores) {
      if (std::isinf(s[i])) {
        return bad_input(fmt::format("score of case {} is infinite", i + 1), {},
                         "mark a missing score as NaN");
      }
      missing = missing || std::isnan(s[i]);
    }
    if (missing) {
      ++c.excluded_missing;
      continue;
    }
    std::size_t k = 0;
    for (const auto& s : scores) (r == 1 ? c.positive : c.negative)[k++].push_back(s[i]);
  }
  const int minimum = need_variance ? 2 : 1;
  const auto m = static_cast<int>(c.positive[0].size());
  const auto n = static_cast<int>(c.negative[0].size());
  if (m < minimum || n < minimum) {
    return bad_input(fmt::format("ROC analysis needs at least {0} reference-positive and {0} "
                                 "reference-negative cases, got {1} and {2}",
                                 minimum, m, n),
                     {}, "the reference column must contain both outcomes");
  }
  return c;
}

// DeLong's structural components from mid-ranks (Sun & Xu 2014).
struct Components {
  std::vector<double> v10, v01;
  double auc = kNaN;
};

Components components(const std::vector<double>& x, const std::vector<double>& y) {
  const std::size_t m = x.size(), n = y.size();
  std::vector<double> all(x);
  all.insert(all.end(), y.begin(), y.end());
  const std::vector<double> rz = average_ranks(all);
  const std::vector<double> rx = average_ranks(x);
  const std::vector<double> ry = average_ranks(y);
  Components c;
  c.v10.resize(m);
  c.v01.resize(n);
  // Among the combined ranks of X_i, rz − rx counts the negatives below it (ties as 1/2).
  for (std::size_t i = 0; i < m; ++i) c.v10[i] = (rz[i] - rx[i]) / static_cast<double>(n);
  for (std::size_t j = 0; j < n; ++j) {
    c.v01[j] = 1 - (rz[m + j] - ry[j]) / static_cast<double>(m);
  }
  c.auc = mean(c.v10);
  return c;
}

double covariance_of(const std::vector<double>& a, const std::vector<double>& b) {
  return sample_covariance(a, b);
}

double delong_covariance(const Components& a, const Components& b) {
  return covariance_of(a.v10, b.v10) / static_cast<double>(a.v10.size()) +
         covariance_of(a.v01, b.v01) / static_cast<double>(a.v01.size());
}

Interval auc_interval(double auc, double se, double confidence, AucCiMethod method) {
  const double z = z_for_confidence(confidence);
  if (se == 0 || auc <= 0 || auc >= 1) return {auc - z * se, auc + z * se};
  if (method == AucCiMethod::kWald) {
    return {std::max(0.0, auc - z * se), std::min(1.0, auc + z * se)};
  }
  const double logit = std::log(auc / (1 - auc));
  const double half = z * se / (auc * (1 - auc));
  auto inv = [](double v) { return 1 / (1 + std::exp(-v)); };
  return {inv(logit - half), inv(logit + half)};
}

Auc make_auc(const Components& c, const Cases& cases, const RocOptions& options) {
  Auc a;
  a.auc = c.auc;
  a.se = std::sqrt(std::max(0.0, delong_covariance(c, c)));
  if (a.se < 1e-15) a.se = 0;  // perfect separation leaves rounding noise only
  a.ci_method = options.ci_method;
  a.ci = auc_interval(a.auc, a.se, options.confidence, options.ci_method);
  a.positives = static_cast<int>(c.v10.size());
  a.negatives = static_cast<int>(c.v01.size());
  a.excluded_missing = cases.excluded_missing;
  a.confidence = options.confidence;
  return a;
}

}  // namespace

Result<RocCurve> roc_curve(std::span<const double> reference, std::span<const double> score) {
  auto cases = split_cases(reference, {score}, false);
  if (!cases) return tl::unexpected(cases.error());
  std::vector<std::pair<double, bool>> all;  // score, positive
  for (double s : cases->positive[0]) all.emplace_back(s, true);
  for (double s : cases->negative[0]) all.emplace_back(s, false);
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  RocCurve curve;
  curve.positives = static_cast<int>(cases->positive[0].size());
  curve.negatives = static_cast<int>(cases->negative[0].size());
  curve.excluded_missing = cases->excluded_missing;
  curve.points.push_back({INFINITY, 0, 0});
  int tp = 0, fp = 0;
  for (std::size_t i = 0; i < all.size();) {
    const double threshold = all[i].first;
    for (; i < all.size() && all[i].first == threshold; ++i) ++(all[i].second ? tp : fp);
    curve.points.push_back({threshold, static_cast<double>(fp) / curve.negatives,
                            static_cast<double>(tp) / curve.positives});
  }
  return curve;
}

RocPoint youden_optimal(const RocCurve& curve) {
  RocPoint best;
  double best_j = -INFINITY;
  for (const RocPoint& p : curve.points) {
    if (p.tpr - p.fpr > best_j + 1e-12) best_j = p.tpr - p.fpr, best = p;
  }
  return best;
}

Result<Auc> roc_auc(std::span<const double> reference, std::span<const double> score,
                    const RocOptions& options) {
  if (auto ok = check_confidence(options.confidence); !ok) return tl::unexpected(ok.error());
  auto cases = split_cases(reference, {score}, true);
  if (!cases) return tl::unexpected(cases.error());
  return make_auc(components(cases->positive[0], cases->negative[0]), *cases, options);
}

Result<AucComparison> compare_aucs(std::span<const double> reference,
                                   std::span<const double> score1, std::span<const double> score2,
                                   const RocOptions& options) {
  if (auto ok = check_confidence(options.confidence); !ok) return tl::unexpected(ok.error());
  auto cases = split_cases(reference, {score1, score2}, true);
  if (!cases) return tl::unexpected(cases.error());
  const Components a = components(cases->positive[0], cases->negative[0]);
  const Components b = components(cases->positive[1], cases->negative[1]);
  AucComparison c;
  c.first = make_auc(a, *cases, options);
  c.second = make_auc(b, *cases, options);
  c.difference = a.auc - b.auc;
  const double cov = delong_covariance(a, b);
  const double var = c.first.se * c.first.se + c.second.se * c.second.se - 2 * cov;
  c.se = var > 1e-30 ? std::sqrt(var) : 0.0;
  if (c.first.se > 0 && c.second.se > 0) c.correlation = cov / (c.first.se * c.second.se);
  const double z = z_for_confidence(options.confidence);
  c.difference_ci = {c.difference - z * c.se, c.difference + z * c.se};
  if (c.se > 0) {
    c.z = c.difference / c.se;
    c.p = two_sided_z_p(c.z);
  } else if (std::abs(c.difference) < 1e-15) {
    c.z = 0, c.p = 1;
  } else {
    c.z = std::copysign(INFINITY, c.difference), c.p = 0;
  }
  return c;
}

}  // namespace openpt::stats
