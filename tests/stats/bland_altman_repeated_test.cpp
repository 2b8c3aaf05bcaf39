// Repeated-measures Bland–Altman (Bland & Altman 2007) on 5 subjects with 3, 2, 4, 1, 3 pairs.
// Expected: make_reference.py section "rep" (statsmodels anova_lm of d ~ C(subject) for the
// mean squares, then the paper's formulas) and epiR::epi.ccc(rep.measure = TRUE)
// (reference_r.R: epir.rep.*), which agree.
// Zou 2013 MOVER intervals: make_reference.py section "zou" — zou_mover(), an independent
// transcription of the paper's formulas in pandas (groupby subject means) and SciPy (chi2,
// norm quantiles; t through betaincinv), on the unbalanced set above and a balanced 4 × 3 set
// (datasets.py BALANCED_*); reference_r.R transcribes them again in base R (rbase.zou.*: qt,
// qchisq, aov), agreeing to 1e-14. zou_coverage.py checks those formulas by simulation (coverage ≈
// 95 %). No published worked example was available offline to check against.
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

// Zou's estimates and intervals as make_reference.py prints them ("zou.<case>.*").
struct ZouExpected {
  double bias, sd, lower_loa, upper_loa;
  Interval bias_ci, sd_ci, lower_loa_ci, upper_loa_ci;
};

void expect_interval(const Interval& ci, const Interval& expected) {
  EXPECT_TRUE(close(ci.lower, expected.lower));
  EXPECT_TRUE(close(ci.upper, expected.upper));
}

void expect_zou(const ZouLoaIntervals& z, const ZouExpected& e) {
  EXPECT_TRUE(close(z.bias, e.bias));
  EXPECT_TRUE(close(z.sd, e.sd));
  EXPECT_TRUE(close(z.lower_loa, e.lower_loa));
  EXPECT_TRUE(close(z.upper_loa, e.upper_loa));
  expect_interval(z.bias_ci, e.bias_ci);
  expect_interval(z.sd_ci, e.sd_ci);
  expect_interval(z.lower_loa_ci, e.lower_loa_ci);
  expect_interval(z.upper_loa_ci, e.upper_loa_ci);
}

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

TEST(BlandAltmanRepeated, ZouIntervalsUnbalancedMatchPythonAndR) {
  auto ba = bland_altman_repeated(kRepeatedSubject, kRepeatedReference, kRepeatedTest);
  ASSERT_TRUE(ba) << ba.error().to_string();
  EXPECT_FALSE(ba->balanced);
  EXPECT_DOUBLE_EQ(ba->zou.confidence, 0.95);
  EXPECT_TRUE(close(ba->zou.harmonic_pairs, 2.0689655172413794));    // zou.unbalanced.mh
  EXPECT_TRUE(close(ba->zou.sd_subject_means, 2.2099019586096267));  // zou.unbalanced.sd_means
  expect_zou(ba->zou, {.bias = 1.0866666666666664,
                       .sd = 2.4054336638350917,
                       .lower_loa = -3.627896681650341,
                       .upper_loa = 5.801230014983673,
                       .bias_ci = {-1.6572890348988922, 3.830622368232225},
                       .sd_ci = {1.6177957017148754, 6.42730691413389},
                       .lower_loa_ci = {-11.9745531050129, -0.47949512309201037},
                       .upper_loa_ci = {2.652828456425343, 14.147886438346232}});
  // The Bland & Altman 2007 estimates are unchanged (mean of all pairs, λ divisor).
  EXPECT_TRUE(close(ba->bias, 1.8384615384615377));
}

TEST(BlandAltmanRepeated, ZouIntervalsHonourConfidenceAndCoverage) {
  // 80 % limits of agreement, 90 % intervals: zou.unbalanced_90_80.*
  auto ba = bland_altman_repeated(kRepeatedSubject, kRepeatedReference, kRepeatedTest, 0.80, 0.90);
  ASSERT_TRUE(ba) << ba.error().to_string();
  EXPECT_DOUBLE_EQ(ba->zou.confidence, 0.90);
  expect_zou(ba->zou, {.bias = 1.0866666666666664,
                       .sd = 2.4054336638350917,
                       .lower_loa = -1.9960206110348793,
                       .upper_loa = 4.169353944368212,
                       .bias_ci = {-1.0202336762408857, 3.1935670095742186},
                       .sd_ci = {1.7110811769438166, 5.334314502354079},
                       .lower_loa_ci = {-6.300423016373276, 0.2910866093346449},
                       .upper_loa_ci = {1.882246723998688, 8.473756349706608}});
  EXPECT_FALSE(
      bland_altman_repeated(kRepeatedSubject, kRepeatedReference, kRepeatedTest, 0.95, 1.0));
}

TEST(BlandAltmanRepeated, ZouIntervalsBalancedMatchPythonAndTheAnovaEstimates) {
  auto ba = bland_altman_repeated(testing::kBalancedSubject, testing::kBalancedReference,
                                  testing::kBalancedTest);
  ASSERT_TRUE(ba) << ba.error().to_string();
  EXPECT_TRUE(ba->balanced);
  const ZouLoaIntervals& z = ba->zou;
  EXPECT_DOUBLE_EQ(z.harmonic_pairs, 3);
  EXPECT_TRUE(close(z.sd_subject_means, 1.344226336761949));  // zou.balanced.sd_means
  expect_zou(z, {.bias = 2.0083333333333333,
                 .sd = 1.837797594948913,
                 .lower_loa = -1.5936837636408665,
                 .upper_loa = 5.610350430307533,
                 .bias_ci = {-0.1306307361132255, 4.147297402779892},
                 .sd_ci = {1.372040750530143, 5.2024028372125795},
                 .lower_loa_ci = {-8.526407958728765, 0.7319328844610804},
                 .upper_loa_ci = {3.284733782205586, 12.543074625395432}});
  // Balanced and not truncated: Zou's estimates are Bland & Altman 2007's.
  ASSERT_FALSE(ba->between_truncated);
  EXPECT_NEAR(z.bias, ba->bias, 1e-12);
  EXPECT_NEAR(z.sd, ba->sd, 1e-12);
  EXPECT_NEAR(z.lower_loa, ba->lower_loa, 1e-12);
  EXPECT_NEAR(z.upper_loa, ba->upper_loa, 1e-12);
  EXPECT_NEAR(z.sd_subject_means * z.sd_subject_means, ba->ms_between / 3, 1e-12);
}

TEST(BlandAltmanRepeated, ZouIntervalsCollapseWhenEveryDifferenceIsEqual) {
  const std::vector<std::string> s = {"a", "a", "b", "b", "b", "c", "c"};
  const std::vector<double> ref = {10, 20, 30, 40, 50, 60, 70};
  const std::vector<double> test = {12, 22, 32, 42, 52, 62, 72};
  auto ba = bland_altman_repeated(s, ref, test);
  ASSERT_TRUE(ba) << ba.error().to_string();
  const ZouLoaIntervals& z = ba->zou;
  EXPECT_DOUBLE_EQ(z.bias, 2);
  EXPECT_DOUBLE_EQ(z.sd, 0);
  for (const Interval& ci : {z.bias_ci, z.lower_loa_ci, z.upper_loa_ci}) {
    EXPECT_DOUBLE_EQ(ci.lower, 2);
    EXPECT_DOUBLE_EQ(ci.upper, 2);
  }
  EXPECT_DOUBLE_EQ(z.sd_ci.lower, 0);
  EXPECT_DOUBLE_EQ(z.sd_ci.upper, 0);
}

TEST(BlandAltmanRepeated, IntervalsContainTheirEstimates) {
  auto ba = bland_altman_repeated(kRepeatedSubject, kRepeatedReference, kRepeatedTest);
  ASSERT_TRUE(ba);
  const ZouLoaIntervals& z = ba->zou;
  EXPECT_TRUE(z.bias_ci.contains(z.bias));
  EXPECT_TRUE(z.sd_ci.contains(z.sd));
  EXPECT_TRUE(z.lower_loa_ci.contains(z.lower_loa));
  EXPECT_TRUE(z.upper_loa_ci.contains(z.upper_loa));
  EXPECT_LT(z.lower_loa_ci.upper, z.upper_loa_ci.lower);
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
