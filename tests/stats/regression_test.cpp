// Least-squares line against scipy.stats.linregress (make_reference.py, "ba.prop_*": the
// Bland–Altman differences mini − Wright regressed on the pair means of the PEFR data).
#include "openpt/stats/regression.h"

#include <gtest/gtest.h>

#include <cmath>

#include "stats/reference_data.h"

namespace openpt::stats {
namespace {

using testing::close;

TEST(FitLine, MatchesScipyLinregress) {
  std::vector<double> means, diffs;
  for (std::size_t i = 0; i < testing::kPefrWright.size(); ++i) {
    means.push_back((testing::kPefrMini[i] + testing::kPefrWright[i]) / 2);
    diffs.push_back(testing::kPefrMini[i] - testing::kPefrWright[i]);
  }
  auto fit = fit_line(means, diffs);
  ASSERT_TRUE(fit) << fit.error().to_string();
  EXPECT_EQ(fit->n, 17);
  EXPECT_TRUE(close(fit->slope, -0.02868744515254921));      // linregress slope
  EXPECT_TRUE(close(fit->intercept, 15.067497300038978));    // intercept
  EXPECT_TRUE(close(fit->slope_se, 0.08820640827654685));    // stderr
  EXPECT_TRUE(close(fit->intercept_se, 40.97627611686572));  // intercept_stderr
  EXPECT_TRUE(close(fit->p, 0.7494985336492943));            // pvalue
  EXPECT_TRUE(close(fit->r_squared, 0.007002295820537627));  // rvalue²
  // slope ± t.ppf(0.975, 15)·stderr
  EXPECT_TRUE(close(fit->slope_ci.lower, -0.2166949539890151));
  EXPECT_TRUE(close(fit->slope_ci.upper, 0.15932006368391669));
}

TEST(FitLine, ExactLineHasZeroErrorAndPZero) {
  auto fit = fit_line(std::vector<double>{1, 2, 3, 4}, std::vector<double>{3, 5, 7, 9});
  ASSERT_TRUE(fit);
  EXPECT_DOUBLE_EQ(fit->slope, 2);
  EXPECT_DOUBLE_EQ(fit->intercept, 1);
  EXPECT_EQ(fit->slope_se, 0);
  EXPECT_EQ(fit->p, 0);
  auto flat = fit_line(std::vector<double>{1, 2, 3}, std::vector<double>{5, 5, 5});
  ASSERT_TRUE(flat);
  EXPECT_EQ(flat->slope, 0);
  EXPECT_EQ(flat->p, 1);
}

TEST(FitLine, DegenerateInputIsAnError) {
  EXPECT_FALSE(fit_line(std::vector<double>{1, 2}, std::vector<double>{1, 2}));        // n < 3
  EXPECT_FALSE(fit_line(std::vector<double>{2, 2, 2}, std::vector<double>{1, 2, 3}));  // Sxx = 0
  EXPECT_FALSE(fit_line(std::vector<double>{1, kNaN, 3}, std::vector<double>{1, 2, 3}));
  EXPECT_FALSE(fit_line(std::vector<double>{1, 2, 3}, std::vector<double>{1, 2}));
  EXPECT_FALSE(fit_line(std::vector<double>{1, 2, 3}, std::vector<double>{1, 2, 4}, 1.5));
}

}  // namespace
}  // namespace openpt::stats
