// Repeated-measures Bland–Altman (Bland & Altman 2007) on 5 subjects with 3, 2, 4, 1, 3 pairs.
// Expected: make_reference.py section "rep" (statsmodels anova_lm of d ~ C(subject) for the
// mean squares, then the paper's formulas) and epiR::epi.ccc(rep.measure = TRUE)
// (reference_r.R: epir.rep.*), which agree.
#include "openpt/stats/bland_altman_repeated.h"

#include <gtest/gtest.h>

#include <cmath>

#include "stats/reference_data.h"

namespace openpt::stats {
namespace {

using testing::close;
using testing::kRepeatedReference;
using testing::kRepeatedSubject;
using testing::kRepeatedTest;

TEST(BlandAltmanRepeated, MatchesStatsmodelsAnovaAndEpiR) {
  auto ba = bland_altman_repeated(kRepeatedSubject, kRepeatedReference, kRepeatedTest);
  ASSERT_TRUE(ba) << ba.error().to_string();
  EXPECT_EQ(ba->pairs, 13);
  EXPECT_EQ(ba->subjects, 5);
  EXPECT_TRUE(close(ba->ms_between, 8.074358974358965));   // anova_lm mean_sq C(subject)
  EXPECT_TRUE(close(ba->ms_within, 1.7466666666666746));   // anova_lm mean_sq Residual
  EXPECT_TRUE(close(ba->lambda, 2.5));                     // (13² − 39) / (4·13)
  EXPECT_TRUE(close(ba->bias, 1.8384615384615377));        // epiR sblalt$est
  EXPECT_TRUE(close(ba->sd, 2.0682706761310499));          // epiR sblalt$delta.sd
  EXPECT_TRUE(close(ba->lower_loa, -2.2152744970356255));  // epiR sblalt$lower
  EXPECT_TRUE(close(ba->upper_loa, 5.8921975739587005));   // epiR sblalt$upper
  EXPECT_FALSE(ba->between_truncated);
  EXPECT_NEAR(ba->sd * ba->sd, ba->sd_between * ba->sd_between + ba->sd_within * ba->sd_within,
              1e-12);
}

TEST(BlandAltmanRepeated, BalancedDesignUsesTheNumberOfPairsAsDivisor) {
  // 3 subjects × 2 pairs: λ = m = 2. Differences: s1 {1, 3}, s2 {2, 2}, s3 {6, 4}.
  const std::vector<std::string> s = {"a", "a", "b", "b", "c", "c"};
  const std::vector<double> ref = {10, 10, 20, 20, 30, 30};
  const std::vector<double> test = {11, 13, 22, 22, 36, 34};
  auto ba = bland_altman_repeated(s, ref, test);
  ASSERT_TRUE(ba);
  EXPECT_DOUBLE_EQ(ba->lambda, 2);
  EXPECT_DOUBLE_EQ(ba->bias, 3);
  // Subject means 2, 2, 5: MSB = 2·(1 + 1 + 4)/2 = 6; MSW = (2 + 0 + 2)/3 = 4/3.
  EXPECT_DOUBLE_EQ(ba->ms_between, 6);
  EXPECT_NEAR(ba->ms_within, 4.0 / 3, 1e-15);
  EXPECT_NEAR(ba->sd, std::sqrt((6 - 4.0 / 3) / 2 + 4.0 / 3), 1e-14);
}

TEST(BlandAltmanRepeated, NegativeBetweenComponentIsTruncatedAndFlagged) {
  // Subject means equal (MSB = 0 < MSW): σ²_between would be negative.
  const std::vector<std::string> s = {"a", "a", "b", "b"};
  const std::vector<double> ref = {0, 0, 0, 0};
  const std::vector<double> test = {1, 3, 3, 1};
  auto ba = bland_altman_repeated(s, ref, test);
  ASSERT_TRUE(ba);
  EXPECT_TRUE(ba->between_truncated);
  EXPECT_EQ(ba->sd_between, 0);
  EXPECT_DOUBLE_EQ(ba->sd, std::sqrt(ba->ms_within));
}

TEST(BlandAltmanRepeated, MissingPairsAndSubjectsDropOut) {
  std::vector<std::string> s = kRepeatedSubject;
  std::vector<double> ref = kRepeatedReference, test = kRepeatedTest;
  s.push_back("s6"), ref.push_back(kNaN), test.push_back(100);  // s6 has no complete pair
  s.push_back("s1"), ref.push_back(90), test.push_back(kNaN);
  auto ba = bland_altman_repeated(s, ref, test);
  ASSERT_TRUE(ba);
  EXPECT_EQ(ba->excluded_missing, 2);
  EXPECT_EQ(ba->subjects, 5);
  EXPECT_TRUE(close(ba->sd, 2.0682706761310499));
}

TEST(BlandAltmanRepeated, DegenerateDesignsAreErrors) {
  // One pair per subject: no within-subject degrees of freedom.
  auto single = bland_altman_repeated(std::vector<std::string>{"a", "b", "c"},
                                      std::vector<double>{1, 2, 3}, std::vector<double>{1, 3, 2});
  ASSERT_FALSE(single);
  EXPECT_NE(single.error().message.find("single pair"), std::string::npos);
  // One subject.
  EXPECT_FALSE(bland_altman_repeated(std::vector<std::string>{"a", "a", "a"},
                                     std::vector<double>{1, 2, 3}, std::vector<double>{1, 3, 2}));
  // Empty id, wrong lengths.
  EXPECT_FALSE(bland_altman_repeated(std::vector<std::string>{"a", "", "b", "b"},
                                     std::vector<double>{1, 2, 3, 4},
                                     std::vector<double>{1, 2, 3, 4}));
  EXPECT_FALSE(bland_altman_repeated(std::vector<std::string>{"a", "a"},
                                     std::vector<double>{1, 2, 3}, std::vector<double>{1, 2, 3}));
}

}  // namespace
}  // namespace openpt::stats
