// Sample size and power. Expected values: make_reference.py "power.*" (SciPy nct and binom)
// and reference_r.R (base R pt/qt with ncp and pbinom — an implementation independent of
// Boost — and epiR::epi.ssdxsesp for Buderer).
#include "openpt/stats/power.h"

#include <gtest/gtest.h>

#include "stats/reference_data.h"

namespace openpt::stats {
namespace {

using testing::close;

constexpr LoaPowerInputs kLoa{
    .mean_difference = 0.5, .sd_difference = 2, .max_allowed_difference = 6};

TEST(LoaPower, LuMethodMatchesScipyAndR) {
  auto p = loa_power(kLoa, 50);
  ASSERT_TRUE(p) << p.error().to_string();
  EXPECT_TRUE(close(*p, 0.888697865537201, 1e-8));  // SciPy; R: 0.88869786503361337
  auto n = loa_sample_size(kLoa, 0.8);
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 40);  // SciPy scan: power(40) = 0.80315, power(39) = 0.79177
  EXPECT_TRUE(close(*loa_power(kLoa, 40), 0.8031505390762986, 1e-8));
  EXPECT_TRUE(close(*loa_power(kLoa, 39), 0.7917669791985952, 1e-8));
}

TEST(LoaPower, ExactMethodMatchesScipyAndR) {
  LoaPowerInputs in = kLoa;
  in.method = LoaPowerMethod::kExact;
  auto p = loa_power(in, 50);
  ASSERT_TRUE(p);
  EXPECT_TRUE(close(*p, 0.7757639867728771, 1e-8));  // SciPy; R: 0.77576398677043978
  auto n = loa_sample_size(in, 0.8);
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 53);
  EXPECT_TRUE(close(*loa_power(in, 53), 0.8051652842078907, 1e-8));
  EXPECT_TRUE(close(*loa_power(in, 52), 0.7958027491876047, 1e-8));
}

TEST(LoaPower, PowerGrowsWithSampleSizeAndShrinksWithNoise) {
  double last = 0;
  EXPECT_EQ(*loa_power(kLoa, 5), 0);  // 1 − β1 − β2 < 0 is floored at 0
  for (int n : {20, 40, 80, 160}) {
    const double p = *loa_power(kLoa, n);
    EXPECT_GT(p, last) << n;
    last = p;
  }
  LoaPowerInputs noisy = kLoa;
  noisy.sd_difference = 2.5;
  EXPECT_LT(*loa_power(noisy, 80), *loa_power(kLoa, 80));
}

TEST(LoaPower, InfeasibleAndBadInputsAreErrors) {
  LoaPowerInputs in = kLoa;
  in.max_allowed_difference = 0.5 + 1.959963984540054 * 2;  // expected LoA reach Δ
  auto n = loa_sample_size(in);
  ASSERT_FALSE(n);
  EXPECT_NE(n.error().message.find("no sample size can show agreement"), std::string::npos);
  in = kLoa;
  in.sd_difference = 0;
  EXPECT_FALSE(loa_power(in, 10));
  in = kLoa;
  in.max_allowed_difference = -1;
  EXPECT_FALSE(loa_sample_size(in));
  EXPECT_FALSE(loa_power(kLoa, 2));
  EXPECT_FALSE(loa_sample_size(kLoa, 1.0));
  // Feasible but needing more than max_n.
  in = kLoa;
  in.max_allowed_difference = 0.5 + 1.959963984540054 * 2 + 0.01;
  auto big = loa_sample_size(in, 0.8, 1000);
  ASSERT_FALSE(big);
  EXPECT_NE(big.error().message.find("more than 1000"), std::string::npos);
}

TEST(Buderer, MatchesEpiR) {
  // epi.ssdxsesp(test = 0.9, type = "se", Py = 0.2, epsilon = 0.05, error = "absolute") = 692
  // epi.ssdxsesp(test = 0.85, type = "sp", Py = 0.2, epsilon = 0.05, ...) = 245
  auto s = buderer_sample_size(
      {.sensitivity = 0.9, .specificity = 0.85, .prevalence = 0.2, .precision = 0.05});
  ASSERT_TRUE(s) << s.error().to_string();
  EXPECT_EQ(s->for_sensitivity, 692);
  EXPECT_EQ(s->for_specificity, 245);
  EXPECT_EQ(s->total, 692);
  EXPECT_EQ(s->positives, 139);  // ⌈1.96² · 0.09 / 0.0025⌉ = ⌈138.3⌉
  EXPECT_EQ(s->negatives, 196);  // ⌈1.96² · 0.1275 / 0.0025⌉ = ⌈195.9⌉
  EXPECT_FALSE(buderer_sample_size({.sensitivity = 1}));
  EXPECT_FALSE(buderer_sample_size({.prevalence = 0}));
  EXPECT_FALSE(buderer_sample_size({.precision = 0}));
  EXPECT_FALSE(buderer_sample_size({.confidence = 1}));
}

TEST(ProportionPower, ExactBinomialMatchesScipyAndR) {
  // H0 p = 0.8 vs p = 0.9, one-sided α = 0.05, n = 50: critical count from binom.sf.
  auto p = proportion_power_exact(50, 0.8, 0.9, 0.05);
  ASSERT_TRUE(p);
  EXPECT_TRUE(close(*p, 0.6161230077242774, 1e-10));  // SciPy; R pbinom: 0.61612300772427742
  auto n = proportion_sample_size_exact(0.8, 0.9, 0.05, 0.8);
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 82);  // SciPy scan
  // Lower alternative: mirror image (p0 = 0.2 vs 0.1 has the same power as 0.8 vs 0.9).
  EXPECT_TRUE(close(*proportion_power_exact(50, 0.2, 0.1, 0.05), 0.6161230077242774, 1e-10));
  EXPECT_FALSE(proportion_power_exact(50, 0.8, 0.8));
  EXPECT_FALSE(proportion_power_exact(0, 0.8, 0.9));
  EXPECT_FALSE(proportion_power_exact(10, 0, 0.9));
  EXPECT_FALSE(proportion_power_exact(10, 0.8, 0.9, 0.7));
}

}  // namespace
}  // namespace openpt::stats
