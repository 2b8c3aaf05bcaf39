// Bland–Altman on the textbook PEFR data (Bland & Altman 1986, Table 1; difference = mini −
// Wright). Expected values: make_reference.py section "ba" (NumPy/SciPy: t.interval,
// ttest_1samp, nct.ppf for the exact LoA CI, linregress), epiR::epi.ccc's sblalt (bias, SD,
// LoA) and R's qt(ncp = ) for the exact CI (reference_r.R), and the published summary.
#include "openpt/stats/bland_altman.h"

#include <gtest/gtest.h>

#include <cmath>

#include "stats/reference_data.h"

namespace openpt::stats {
namespace {

using testing::close;
using testing::kPefrMini;
using testing::kPefrWright;

TEST(BlandAltman, PefrPublishedSummary) {
  // Bland & Altman 1986: mean difference 2.1 l/min (−2.1 for Wright − mini), SD 38.8,
  // 95 % CI of the bias −17.8 to 22.0.
  auto ba = bland_altman(kPefrWright, kPefrMini);
  ASSERT_TRUE(ba) << ba.error().to_string();
  EXPECT_NEAR(ba->bias, 2.1, 0.05);
  EXPECT_NEAR(ba->sd, 38.8, 0.05);
  EXPECT_NEAR(ba->bias_ci.lower, -17.8, 0.05);
  EXPECT_NEAR(ba->bias_ci.upper, 22.0, 0.05);
}

TEST(BlandAltman, PefrMatchesScipyAndEpiR) {
  auto ba = bland_altman(kPefrWright, kPefrMini);
  ASSERT_TRUE(ba);
  EXPECT_EQ(ba->n, 17);
  EXPECT_EQ(ba->excluded_missing, 0);
  EXPECT_TRUE(close(ba->bias, 2.1176470588235294));            // numpy mean; epiR sblalt$est
  EXPECT_TRUE(close(ba->sd, 38.76512987360738));               // numpy std(ddof=1); epiR delta.sd
  EXPECT_TRUE(close(ba->bias_ci.lower, -17.813543578995823));  // scipy t.interval
  EXPECT_TRUE(close(ba->bias_ci.upper, 22.04883769664288));
  EXPECT_TRUE(close(ba->bias_t, 0.22523547656814485));  // scipy ttest_1samp
  EXPECT_TRUE(close(ba->bias_p, 0.8246476735303766));
  EXPECT_TRUE(close(ba->z, 1.959963984540054));
  EXPECT_TRUE(close(ba->lower_loa, -73.86061134946466));  // epiR sblalt$lower (qnorm)
  EXPECT_TRUE(close(ba->upper_loa, 78.09590546711173));
  EXPECT_EQ(ba->within_loa, 16);
  EXPECT_EQ(ba->loa_ci_method, LoaCiMethod::kExact);
  // Exact (Carkeet 2015): scipy.stats.nct.ppf; R qt(ncp = ) agrees to 1e-10.
  EXPECT_TRUE(close(ba->lower_loa_ci.lower, -119.9255041770289, 1e-8));
  EXPECT_TRUE(close(ba->lower_loa_ci.upper, -48.85963729902044, 1e-8));
  EXPECT_TRUE(close(ba->upper_loa_ci.lower, 53.0949314166675, 1e-8));
  EXPECT_TRUE(close(ba->upper_loa_ci.upper, 124.16079829467597, 1e-8));
  // Proportional bias: scipy.stats.linregress(means, differences).
  ASSERT_TRUE(ba->proportional.has_value());
  EXPECT_TRUE(close(ba->proportional->slope, -0.02868744515254921));
  EXPECT_TRUE(close(ba->proportional->p, 0.7494985336492943));
  EXPECT_DOUBLE_EQ(ba->mean_min, (178.0 + 259.0) / 2);
  EXPECT_DOUBLE_EQ(ba->mean_max, (650.0 + 658.0) / 2);
}

TEST(BlandAltman, ApproximateLoaIntervalsBlandAltman1999) {
  // SE = s·√(1/n + z²/(2(n − 1))), CI = LoA ± t(0.975, 16)·SE (make_reference.py).
  auto ba = bland_altman(kPefrWright, kPefrMini, {.loa_ci_method = LoaCiMethod::kApproximate});
  ASSERT_TRUE(ba);
  EXPECT_TRUE(close(ba->lower_loa_ci.lower, -108.61625902165981));
  EXPECT_TRUE(close(ba->lower_loa_ci.upper, -39.10496367726951));
  EXPECT_TRUE(close(ba->upper_loa_ci.lower, 43.34025779491658));
  EXPECT_TRUE(close(ba->upper_loa_ci.upper, 112.85155313930689));
  // The exact interval is wider and asymmetric around the limit; the approximate one is
  // symmetric.
  EXPECT_NEAR(ba->upper_loa - ba->upper_loa_ci.lower, ba->upper_loa_ci.upper - ba->upper_loa, 1e-9);
}

TEST(BlandAltman, MissingPairsAreExcludedAndCounted) {
  std::vector<double> ref = kPefrWright, test = kPefrMini;
  ref.push_back(kNaN), test.push_back(300);
  ref.push_back(400), test.push_back(kNaN);
  ref.insert(ref.begin(), kNaN), test.insert(test.begin(), kNaN);
  auto ba = bland_altman(ref, test);
  ASSERT_TRUE(ba);
  EXPECT_EQ(ba->n, 17);
  EXPECT_EQ(ba->excluded_missing, 3);
  EXPECT_TRUE(close(ba->bias, 2.1176470588235294));
}

TEST(BlandAltman, ConstantDifferenceCollapsesTheLimits) {
  // Zero variance of the differences: defined, LoA = bias, zero-width CIs, bias p = 0.
  auto ba = bland_altman(std::vector<double>{10, 20, 30, 40}, std::vector<double>{12, 22, 32, 42});
  ASSERT_TRUE(ba) << ba.error().to_string();
  EXPECT_DOUBLE_EQ(ba->bias, 2);
  EXPECT_EQ(ba->sd, 0);
  EXPECT_DOUBLE_EQ(ba->lower_loa, 2);
  EXPECT_DOUBLE_EQ(ba->upper_loa, 2);
  EXPECT_DOUBLE_EQ(ba->upper_loa_ci.lower, 2);
  EXPECT_DOUBLE_EQ(ba->upper_loa_ci.upper, 2);
  EXPECT_EQ(ba->bias_p, 0);
  EXPECT_EQ(ba->within_loa, 4);
  auto same = bland_altman(std::vector<double>{1, 2, 3}, std::vector<double>{1, 2, 3});
  ASSERT_TRUE(same);
  EXPECT_EQ(same->bias, 0);
  EXPECT_EQ(same->bias_p, 1);
}

TEST(BlandAltman, EqualMeansLeaveProportionalBiasUndefinedWithANote) {
  // Every pair has mean 5: the regression has no x variance.
  auto ba = bland_altman(std::vector<double>{4, 3, 6, 5}, std::vector<double>{6, 7, 4, 5});
  ASSERT_TRUE(ba);
  EXPECT_FALSE(ba->proportional.has_value());
  EXPECT_NE(ba->proportional_note.find("means are equal"), std::string::npos);
}

TEST(BlandAltman, ProportionalBiasIsDetected) {
  // test = 1.2 × reference + small noise: the difference grows with the mean.
  std::vector<double> ref, test;
  for (int i = 0; i < 20; ++i) {
    ref.push_back(50 + 5 * i);
    test.push_back(1.2 * (50 + 5 * i) + ((i % 3) - 1) * 0.5);
  }
  auto ba = bland_altman(ref, test);
  ASSERT_TRUE(ba);
  ASSERT_TRUE(ba->proportional.has_value());
  EXPECT_NEAR(ba->proportional->slope, 0.2 / 1.1, 0.01);  // d = 0.2x, m = 1.1x
  EXPECT_LT(ba->proportional->p, 1e-10);
}

TEST(BlandAltman, TooFewPairsAndBadOptionsAreErrors) {
  auto two = bland_altman(std::vector<double>{1, 2, kNaN}, std::vector<double>{1, 3, 4});
  ASSERT_FALSE(two);
  EXPECT_NE(two.error().message.find("at least 3 complete pairs, got 2"), std::string::npos)
      << two.error().message;
  EXPECT_NE(two.error().message.find("1 incomplete pairs excluded"), std::string::npos);
  EXPECT_FALSE(bland_altman(kPefrWright, kPefrMini, {.confidence = 95}));
  EXPECT_FALSE(bland_altman(kPefrWright, kPefrMini, {.loa_coverage = 0}));
  EXPECT_FALSE(bland_altman(std::vector<double>{1, 2, 3}, std::vector<double>{1, 2}));
  EXPECT_FALSE(bland_altman(std::vector<double>{1, 2, 3}, std::vector<double>{1, 2, INFINITY}));
  // All NaN: zero complete pairs.
  EXPECT_FALSE(bland_altman(std::vector<double>{kNaN, kNaN, kNaN}, std::vector<double>{1, 2, 3}));
}

}  // namespace
}  // namespace openpt::stats
