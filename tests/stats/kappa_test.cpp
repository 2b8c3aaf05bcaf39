// Cohen's kappa against sklearn.metrics.cohen_kappa_score (the estimate) and
// statsmodels.stats.inter_rater.cohens_kappa (standard errors, CI, p) on 30 cases rated into 4
// ordinal categories (make_reference.py, "kappa.*").
#include "openpt/stats/kappa.h"

#include <gtest/gtest.h>

#include <cmath>

#include "stats/reference_data.h"

namespace openpt::stats {
namespace {

using testing::close;
using testing::kKappaRater1;
using testing::kKappaRater2;

struct Expected {
  KappaWeights weights;
  double kappa, se, se0, lower, upper, p;
};

TEST(Kappa, MatchesSklearnAndStatsmodels) {
  const Expected expected[] = {
      {KappaWeights::kNone, 0.5964125560538117, 0.11288555882640891, 0.10620957348422845,
       0.3751609263793725, 0.8176641857282507, 1.9607262645327912e-08},
      {KappaWeights::kLinear, 0.7413793103448276, 0.07564978155143294, 0.12739535620457254,
       0.5931084630656964, 0.8896501576239588, 5.901828402455444e-09},
      {KappaWeights::kQuadratic, 0.8615384615384616, 0.04417321422074619, 0.1823969272034331,
       0.7749605525844265, 0.9481163704924966, 2.3190390776013133e-06},
  };
  for (const Expected& e : expected) {
    SCOPED_TRACE(std::string(kappa_weights_name(e.weights)));
    auto k = cohen_kappa(kKappaRater1, kKappaRater2, {.weights = e.weights});
    ASSERT_TRUE(k) << k.error().to_string();
    EXPECT_EQ(k->n, 30);
    EXPECT_EQ(k->categories, (std::vector<int>{1, 2, 3, 4}));
    EXPECT_TRUE(close(k->kappa, e.kappa));  // cohen_kappa_score; statsmodels agrees
    EXPECT_TRUE(close(k->se, e.se));        // std_kappa
    EXPECT_TRUE(close(k->se0, e.se0));      // std_kappa0
    EXPECT_TRUE(close(k->ci.lower, e.lower));
    EXPECT_TRUE(close(k->ci.upper, e.upper));
    EXPECT_TRUE(close(k->p, e.p, 1e-8));  // pvalue_two_sided
  }
}

TEST(Kappa, TableFormGivesTheSameResult) {
  auto v = cohen_kappa(kKappaRater1, kKappaRater2);
  ASSERT_TRUE(v);
  auto t = cohen_kappa_table(v->table);
  ASSERT_TRUE(t);
  EXPECT_DOUBLE_EQ(t->kappa, v->kappa);
  EXPECT_DOUBLE_EQ(t->se, v->se);
  int total = 0;
  for (const auto& row : v->table) {
    for (int c : row) total += c;
  }
  EXPECT_EQ(total, 30);
}

TEST(Kappa, TextbookTwoByTwo) {
  // Hand computation: 20 agree-yes, 15 agree-no, 5 + 10 disagreements (n = 50).
  // p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4.
  auto k = cohen_kappa_table({{20, 5}, {10, 15}});
  ASSERT_TRUE(k);
  EXPECT_NEAR(k->kappa, 0.4, 1e-15);
  EXPECT_NEAR(k->observed_agreement, 0.7, 1e-15);
  EXPECT_NEAR(k->expected_agreement, 0.5, 1e-15);
}

TEST(Kappa, PerfectAgreementAndUnusedCategories) {
  const std::vector<double> r = {1, 2, 3, 1, 2, 3};
  auto k = cohen_kappa(r, r);
  ASSERT_TRUE(k);
  EXPECT_DOUBLE_EQ(k->kappa, 1);
  EXPECT_NEAR(k->se, 0, 1e-12);
  // With a declared but unused category 4 the quadratic weights keep their spacing.
  auto declared = cohen_kappa(std::vector<double>{1, 2, 3, 3}, std::vector<double>{1, 3, 3, 2},
                              {.weights = KappaWeights::kQuadratic, .categories = {1, 2, 3, 4}});
  auto observed = cohen_kappa(std::vector<double>{1, 2, 3, 3}, std::vector<double>{1, 3, 3, 2},
                              {.weights = KappaWeights::kQuadratic});
  ASSERT_TRUE(declared && observed);
  EXPECT_EQ(declared->table.size(), 4u);
  EXPECT_NE(declared->kappa, observed->kappa);
}

TEST(Kappa, IntervalIsCutToMinusOneToOne) {
  // 7 of 8 cases agree (κ ≈ 0.75 with a wide interval): the Wald upper bound passes 1.
  auto k = cohen_kappa_table({{3, 1}, {0, 4}});
  ASSERT_TRUE(k);
  EXPECT_LT(k->kappa + 1.959963984540054 * k->se, 1.5);
  EXPECT_GT(k->kappa + 1.959963984540054 * k->se, 1.0);
  EXPECT_EQ(k->ci.upper, 1);
}

TEST(Kappa, AllRatingsInOneCategoryIsAnError) {
  auto k = cohen_kappa(std::vector<double>{2, 2, 2}, std::vector<double>{2, 2, 2});
  ASSERT_FALSE(k);
  EXPECT_NE(k.error().message.find("kappa is undefined"), std::string::npos);
}

TEST(Kappa, DisjointCategoriesGiveZeroKappaWithoutATest) {
  // Rater 1 always says 0, rater 2 always 1: p_o = p_e = 0, κ = 0, and var0 = 0.
  auto k = cohen_kappa(std::vector<double>{0, 0, 0}, std::vector<double>{1, 1, 1});
  ASSERT_TRUE(k);
  EXPECT_EQ(k->kappa, 0);
  EXPECT_TRUE(std::isnan(k->p));
}

TEST(Kappa, MissingAndBadCodes) {
  std::vector<double> a = kKappaRater1, b = kKappaRater2;
  a.push_back(kNaN), b.push_back(2);
  auto k = cohen_kappa(a, b);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->excluded_missing, 1);
  EXPECT_TRUE(close(k->kappa, 0.5964125560538117));
  auto frac = cohen_kappa(std::vector<double>{1, 2.5}, std::vector<double>{1, 2});
  ASSERT_FALSE(frac);
  EXPECT_NE(frac.error().message.find("not a category code"), std::string::npos);
  EXPECT_FALSE(
      cohen_kappa(std::vector<double>{1, 2}, std::vector<double>{1, 5}, {.categories = {1, 2, 3}}));
  EXPECT_FALSE(cohen_kappa(std::vector<double>{kNaN}, std::vector<double>{1}));
  EXPECT_FALSE(cohen_kappa_table({{1, 2}, {3}}));
}

}  // namespace
}  // namespace openpt::stats
