// Complete-case pairing (the missing-data rule of the module), moments and average ranks.
#include "openpt/stats/descriptive.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace openpt::stats {
namespace {

TEST(CompletePairs, DropsPairsWithANaNAndCountsThem) {
  const std::vector<double> x = {1, kNaN, 3, 4, kNaN};
  const std::vector<double> y = {2, 5, kNaN, 8, kNaN};
  auto p = complete_pairs(x, y);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->n(), 2);
  EXPECT_EQ(p->excluded_missing, 3);
  EXPECT_EQ(p->x, (std::vector<double>{1, 4}));
  EXPECT_EQ(p->y, (std::vector<double>{2, 8}));
}

TEST(CompletePairs, InfinityAndLengthMismatchAreErrors) {
  const std::vector<double> x = {1, 2, std::numeric_limits<double>::infinity()};
  const std::vector<double> y = {1, 2, 3};
  auto inf = complete_pairs(x, y, "reference", "test");
  ASSERT_FALSE(inf);
  EXPECT_NE(inf.error().message.find("reference value 3 is infinite"), std::string::npos)
      << inf.error().message;
  auto len = complete_pairs(std::vector<double>{1, 2}, y, "reference", "test");
  ASSERT_FALSE(len);
  EXPECT_NE(len.error().message.find("reference has 2 values but test has 3"), std::string::npos);
}

TEST(CompletePairs, ValuesWhoseSquaresOverflowAreErrors) {
  // 1e200² overflows to inf: every statistic would be inf or NaN. 1e100 itself is accepted.
  auto huge = complete_pairs(std::vector<double>{1, 2, 3}, std::vector<double>{1, -1e200, 3},
                             "reference", "test");
  ASSERT_FALSE(huge);
  EXPECT_NE(huge.error().message.find("test value 2 (-1e+200) is too large"), std::string::npos)
      << huge.error().message;
  EXPECT_TRUE(complete_pairs(std::vector<double>{1, 2, kMaxMagnitude},
                             std::vector<double>{1, 2, -kMaxMagnitude}));
  EXPECT_TRUE(check_magnitude(kNaN, "x"));  // missing, not too large
}

TEST(RequirePairs, MessageCountsExcludedPairs) {
  EXPECT_TRUE(require_pairs(3, 3, "x", 0));
  auto e = require_pairs(2, 3, "Bland–Altman analysis", 4);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().message,
            "Bland–Altman analysis needs at least 3 complete pairs, got 2 (4 incomplete pairs "
            "excluded)");
}

TEST(Moments, MeanVarianceCovariance) {
  const std::vector<double> v = {2, 4, 4, 4, 5, 5, 7, 9};
  EXPECT_DOUBLE_EQ(mean(v), 5);
  EXPECT_DOUBLE_EQ(sample_variance(v), 32.0 / 7);
  EXPECT_DOUBLE_EQ(sample_covariance(v, v), 32.0 / 7);
  const std::vector<double> w = {1, 2, 3};
  EXPECT_DOUBLE_EQ(sample_covariance(w, std::vector<double>{3, 2, 1}), -1);
  EXPECT_TRUE(std::isnan(sample_variance(std::vector<double>{1})));
  EXPECT_TRUE(std::isnan(mean(std::vector<double>{})));
  // Two-pass: a large offset does not destroy the variance.
  const std::vector<double> big = {1e9 + 1, 1e9 + 2, 1e9 + 3};
  EXPECT_DOUBLE_EQ(sample_variance(big), 1);
}

TEST(AverageRanks, TiesShareTheMeanRank) {
  EXPECT_EQ(average_ranks(std::vector<double>{10, 20, 20, 5}),
            (std::vector<double>{2, 3.5, 3.5, 1}));
  EXPECT_EQ(average_ranks(std::vector<double>{3, 3, 3}), (std::vector<double>{2, 2, 2}));
  EXPECT_TRUE(average_ranks(std::vector<double>{}).empty());
}

TEST(AllEqual, RelativeTolerance) {
  EXPECT_TRUE(all_equal(std::vector<double>{0.1 * 3, 0.3, 0.30000000000000004}));
  EXPECT_FALSE(all_equal(std::vector<double>{1, 1.0001}));
  EXPECT_TRUE(all_equal(std::vector<double>{}));
  EXPECT_TRUE(all_equal(std::vector<double>{0, 0}));
}

}  // namespace
}  // namespace openpt::stats
