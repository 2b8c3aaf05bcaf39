#include "openpt/stats/icc.h"

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "openpt/stats/distributions.h"

namespace openpt::stats {

IccNames icc_names(IccForm form) {
  switch (form) {
    case IccForm::kIcc1_1:
      return {"ICC(1,1)", "ICC(1)", "one-way random effects, absolute agreement, single rater",
              "ICC1"};
    case IccForm::kIcc2_1:
      return {"ICC(2,1)", "ICC(A,1)", "two-way random effects, absolute agreement, single rater",
              "ICC2"};
    case IccForm::kIcc3_1:
      return {"ICC(3,1)", "ICC(C,1)", "two-way mixed effects, consistency, single rater", "ICC3"};
    case IccForm::kIcc1_k:
      return {"ICC(1,k)", "ICC(k)", "one-way random effects, absolute agreement, mean of k raters",
              "ICC1k"};
    case IccForm::kIcc2_k:
      return {"ICC(2,k)", "ICC(A,k)",
              "two-way random effects, absolute agreement, mean of k raters", "ICC2k"};
    case IccForm::kIcc3_k:
      return {"ICC(3,k)", "ICC(C,k)", "two-way mixed effects, consistency, mean of k raters",
              "ICC3k"};
  }
  return {};
}

namespace {

// The complete targets of the table, row by row.
struct Table {
  std::vector<double> values;
  int n = 0, k = 0, excluded = 0;
  [[nodiscard]] double at(int i, int j) const {
    return values[static_cast<std::size_t>(i * k + j)];
  }
};

Result<Table> complete_targets(std::span<const double> ratings, int raters) {
  if (raters < 2) return bad_input(fmt::format("ICC needs at least 2 raters, got {}", raters));
  if (ratings.size() % static_cast<std::size_t>(raters) != 0) {
    return bad_input(
        fmt::format("{} ratings do not fill whole rows of {} raters", ratings.size(), raters));
  }
  Table t;
  t.k = raters;
  const std::size_t rows = ratings.size() / static_cast<std::size_t>(raters);
  for (std::size_t i = 0; i < rows; ++i) {
    const auto row =
        ratings.subspan(i * static_cast<std::size_t>(raters), static_cast<std::size_t>(raters));
    bool missing = false;
    for (std::size_t j = 0; j < row.size(); ++j) {
      if (auto ok =
              check_magnitude(row[j], fmt::format("target {} rater {}: rating", i + 1, j + 1));
          !ok) {
        return tl::unexpected(ok.error());
      }
      missing = missing || std::isnan(row[j]);
    }
    if (missing) {
      ++t.excluded;
      continue;
    }
    t.values.insert(t.values.end(), row.begin(), row.end());
    ++t.n;
  }
  if (t.n < 2) {
    return bad_input(
        fmt::format("ICC needs at least 2 targets with every rating present, got {} "
                    "({} targets dropped for a missing rating)",
                    t.n, t.excluded));
  }
  return t;
}

IccAnova two_way_anova(const Table& t) {
  const double n = t.n, k = t.k;
  std::vector<double> row_mean(t.n, 0.0), col_mean(t.k, 0.0);
  double grand = 0;
  for (int i = 0; i < t.n; ++i) {
    for (int j = 0; j < t.k; ++j) {
      row_mean[i] += t.at(i, j) / k;
      col_mean[j] += t.at(i, j) / n;
      grand += t.at(i, j);
    }
  }
  grand /= n * k;
  double ss_rows = 0, ss_cols = 0, ss_total = 0;
  for (int i = 0; i < t.n; ++i) ss_rows += k * (row_mean[i] - grand) * (row_mean[i] - grand);
  for (int j = 0; j < t.k; ++j) ss_cols += n * (col_mean[j] - grand) * (col_mean[j] - grand);
  double ss_error = 0;
  for (int i = 0; i < t.n; ++i) {
    for (int j = 0; j < t.k; ++j) {
      const double r = t.at(i, j) - row_mean[i] - col_mean[j] + grand;
      ss_error += r * r;
      ss_total += (t.at(i, j) - grand) * (t.at(i, j) - grand);
    }
  }
  IccAnova a;
  a.grand_mean = grand;
  a.ms_rows = ss_rows / (n - 1);
  a.ms_columns = ss_cols / (k - 1);
  a.ms_error = ss_error / ((n - 1) * (k - 1));
  a.ms_within = (ss_cols + ss_error) / (n * (k - 1));
  a.sd_all = std::sqrt(ss_total / (n * k - 1));
  return a;
}

// (F_bound − 1) / (F_bound + k − 1), 1 when the bound is infinite.
double single_from_f(double f, double k) {
  return std::isinf(f) ? 1.0 : (f - 1) / (f + k - 1);
}
// 1 − 1/F_bound.
double average_from_f(double f) {
  return std::isinf(f) ? 1.0 : 1 - 1 / f;
}
// MS ratio, +inf for a positive numerator over a zero denominator.
double ratio(double num, double den) {
  if (den > 0) return num / den;
  return num > 0 ? INFINITY : kNaN;
}

}  // namespace

Result<IccResult> icc(std::span<const double> ratings, int raters, double confidence) {
  if (auto ok = check_confidence(confidence); !ok) return tl::unexpected(ok.error());
  auto table = complete_targets(ratings, raters);
  if (!table) return tl::unexpected(table.error());
  if (all_equal(table->values)) {
    return bad_input(
        "every rating is equal; the ICC is undefined (no variance between targets "
        "or raters)");
  }
  IccResult r;
  r.targets = table->n;
  r.raters = table->k;
  r.excluded_targets = table->excluded;
  r.confidence = confidence;
  IccAnova a = two_way_anova(*table);
  // Exact zeros where the data have none, so the degenerate branches below are reachable:
  // rounding leaves ~1e-30 where every target is rated identically.
  const double tiny = 1e-13 * std::max(a.ms_rows, a.ms_within);
  if (a.ms_error <= tiny) a.ms_error = 0;
  if (a.ms_within <= tiny) a.ms_within = 0;
  if (a.ms_columns <= tiny) a.ms_columns = 0;
  r.anova = a;
  const double n = r.targets, k = r.raters;
  const double msr = a.ms_rows, msc = a.ms_columns, mse = a.ms_error, msw = a.ms_within;
  const double alpha = 1 - confidence;

  const double icc1 = (msr - msw) / (msr + (k - 1) * msw);
  const double icc2 = (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n);
  const double icc3 = (msr - mse) / (msr + (k - 1) * mse);
  const double icc1k = (msr - msw) / msr;
  const double icc2k = (msr - mse) / (msr + (msc - mse) / n);
  const double icc3k = (msr - mse) / msr;

  const double f1 = ratio(msr, msw), f2 = ratio(msr, mse);
  const double df1n = n - 1, df1d = n * (k - 1);
  const double df2n = n - 1, df2d = (n - 1) * (k - 1);
  const double p1 = f_sf(f1, df1n, df1d), p2 = f_sf(f2, df2n, df2d);

  // One-way and consistency forms: exact F bounds.
  const double f1l = f1 / f_quantile(1 - alpha / 2, df1n, df1d);
  const double f1u = f1 * f_quantile(1 - alpha / 2, df1d, df1n);
  const double f3l = f2 / f_quantile(1 - alpha / 2, df2n, df2d);
  const double f3u = f2 * f_quantile(1 - alpha / 2, df2d, df2n);

  // Absolute agreement, two-way random: Satterthwaite df (psych::ICC, McGraw & Wong Table 7).
  Interval ci2;
  if (mse == 0) {
    ci2 = {1.0, 1.0};
    if (msc > 0) {
      // Limit of the formula as MSE → 0: v → k − 1 and the bounds keep MSC.
      const double v = k - 1;
      const double fu = f_quantile(1 - alpha / 2, n - 1, v);
      const double fl = f_quantile(1 - alpha / 2, v, n - 1);
      ci2 = {n * msr / (fu * k * msc + n * msr), n * fl * msr / (k * msc + n * fl * msr)};
    }
  } else {
    const double fj = msc / mse;
    const double a2 = n * (1 + (k - 1) * icc2) - k * icc2;
    const double vn = (k - 1) * (n - 1) * std::pow(k * icc2 * fj + a2, 2);
    const double vd = (n - 1) * k * k * icc2 * icc2 * fj * fj + a2 * a2;
    const double v = vn / vd;
    const double fu = f_quantile(1 - alpha / 2, n - 1, v);
    const double fl = f_quantile(1 - alpha / 2, v, n - 1);
    const double common = k * msc + (k * n - k - n) * mse;
    ci2 = {n * (msr - fu * mse) / (fu * common + n * msr),
           n * (fl * msr - mse) / (common + n * fl * msr)};
  }
  auto average = [k](double single) { return single * k / (1 + single * (k - 1)); };

  r.estimates[0] = {
      IccForm::kIcc1_1, icc1, f1, df1n, df1d, p1, {single_from_f(f1l, k), single_from_f(f1u, k)}};
  r.estimates[1] = {IccForm::kIcc2_1, icc2, f2, df2n, df2d, p2, ci2};
  r.estimates[2] = {
      IccForm::kIcc3_1, icc3, f2, df2n, df2d, p2, {single_from_f(f3l, k), single_from_f(f3u, k)}};
  r.estimates[3] = {
      IccForm::kIcc1_k, icc1k, f1, df1n, df1d, p1, {average_from_f(f1l), average_from_f(f1u)}};
  r.estimates[4] = {
      IccForm::kIcc2_k, icc2k, f2, df2n, df2d, p2, {average(ci2.lower), average(ci2.upper)}};
  r.estimates[5] = {
      IccForm::kIcc3_k, icc3k, f2, df2n, df2d, p2, {average_from_f(f3l), average_from_f(f3u)}};
  return r;
}

}  // namespace openpt::stats
