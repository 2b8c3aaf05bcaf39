// ICC against psych::ICC(x, lmer = FALSE) 2.2.9 in R (reference_r.R: psych.*) on the Shrout &
// Fleiss 1979 table, whose published values are also checked; against statsmodels' two-way
// anova_lm for the mean squares (make_reference.py: icc.sf_*); and on degenerate tables.
#include "openpt/stats/icc.h"

#include <gtest/gtest.h>

#include <cmath>

#include "stats/reference_data.h"

namespace openpt::stats {
namespace {

using testing::close;
using testing::kShroutFleiss;

struct Expected {
  IccForm form;
  double value, f, df1, df2, p, lower, upper;
};

TEST(Icc, ShroutFleissPublishedValues) {
  // Shrout & Fleiss 1979, Table 4: .17 .29 .71 .44 .62 .91.
  auto r = icc(kShroutFleiss, 4);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_NEAR(r->at(IccForm::kIcc1_1).value, 0.17, 0.005);
  EXPECT_NEAR(r->at(IccForm::kIcc2_1).value, 0.29, 0.005);
  EXPECT_NEAR(r->at(IccForm::kIcc3_1).value, 0.71, 0.005);
  EXPECT_NEAR(r->at(IccForm::kIcc1_k).value, 0.44, 0.005);
  EXPECT_NEAR(r->at(IccForm::kIcc2_k).value, 0.62, 0.005);
  EXPECT_NEAR(r->at(IccForm::kIcc3_k).value, 0.91, 0.005);
}

TEST(Icc, ShroutFleissMatchesPsych) {
  auto r = icc(kShroutFleiss, 4);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->targets, 6);
  EXPECT_EQ(r->raters, 4);
  EXPECT_EQ(r->excluded_targets, 0);
  // psych::ICC(sf, lmer = FALSE)$results: ICC, F, df1, df2, p, lower bound, upper bound.
  const Expected expected[] = {
      {IccForm::kIcc1_1, 0.16574176840547555, 1.794678492239469, 5, 18, 0.16476880834463961,
       -0.13293232487475087, 0.72256006232812109},
      {IccForm::kIcc2_1, 0.28976377952755922, 11.027247956403272, 5, 15, 0.00013456651648433693,
       0.018786513374712047, 0.761084369648953096},
      {IccForm::kIcc3_1, 0.71484071484071487, 11.027247956403272, 5, 15, 0.00013456651648433693,
       0.34246476503392537, 0.94585825995535955},
      {IccForm::kIcc1_k, 0.44279713367926893, 1.794678492239469, 5, 18, 0.16476880834463961,
       -0.88444215523811898, 0.91241542034077561},
      {IccForm::kIcc2_k, 0.62005054759898925, 11.027247956403272, 5, 15, 0.00013456651648433693,
       0.071136815302503487, 0.927232040167721983},
      {IccForm::kIcc3_k, 0.90931554237706946, 11.027247956403272, 5, 15, 0.00013456651648433693,
       0.67567471381630473, 0.98589167816906231},
  };
  for (const Expected& e : expected) {
    SCOPED_TRACE(std::string(icc_names(e.form).shrout_fleiss));
    const IccEstimate& got = r->at(e.form);
    EXPECT_EQ(got.form, e.form);
    EXPECT_TRUE(close(got.value, e.value));
    EXPECT_TRUE(close(got.f, e.f));
    EXPECT_EQ(got.df1, e.df1);
    EXPECT_EQ(got.df2, e.df2);
    EXPECT_TRUE(close(got.p, e.p, 1e-8));
    // F quantiles (ICC(2,·): at a fractional Satterthwaite df) are iterative: 1e-8.
    EXPECT_TRUE(close(got.ci.lower, e.lower, 1e-8));
    EXPECT_TRUE(close(got.ci.upper, e.upper, 1e-8));
  }
}

TEST(Icc, AnovaMeanSquaresMatchStatsmodels) {
  auto r = icc(kShroutFleiss, 4);
  ASSERT_TRUE(r);
  // statsmodels anova_lm(ols("y ~ C(target) + C(rater)")).mean_sq
  EXPECT_TRUE(close(r->anova.ms_rows, 11.24166666666667));
  EXPECT_TRUE(close(r->anova.ms_columns, 32.48611111111109));
  EXPECT_TRUE(close(r->anova.ms_error, 1.0194444444444442));
  // MSW = (SSC + SSE) / (n(k − 1)) = (3·32.486… + 15·1.019…) / 18
  EXPECT_TRUE(close(r->anova.ms_within, (3 * 32.48611111111109 + 15 * 1.0194444444444442) / 18));
  EXPECT_TRUE(close(r->anova.sd_all, 2.7103532044280914));  // numpy std(ddof=1) of all 24
}

TEST(Icc, Names) {
  EXPECT_EQ(icc_names(IccForm::kIcc2_1).mcgraw_wong, "ICC(A,1)");
  EXPECT_EQ(icc_names(IccForm::kIcc3_1).mcgraw_wong, "ICC(C,1)");
  EXPECT_EQ(icc_names(IccForm::kIcc1_k).mcgraw_wong, "ICC(k)");
  EXPECT_EQ(icc_names(IccForm::kIcc3_k).psych, "ICC3k");
  EXPECT_NE(icc_names(IccForm::kIcc2_1).model.find("absolute agreement"), std::string::npos);
}

TEST(Icc, TargetsWithAMissingRatingAreDroppedListwise) {
  auto r = icc(testing::kIccMissing, 3);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->targets, 8);
  EXPECT_EQ(r->excluded_targets, 2);
  // psych::ICC(na.omit(miss), lmer = FALSE)
  const Expected expected[] = {
      {IccForm::kIcc1_1, 0.95484817699514624, 0, 0, 0, 1.5579962781832489e-10, 0.86374000730668454,
       0.98982190138854564},
      {IccForm::kIcc2_1, 0.95479058352439683, 0, 0, 0, 2.4451920740227214e-09, 0.86101654397036753,
       0.98986163242246605},
      {IccForm::kIcc3_1, 0.95115085811712841, 0, 0, 0, 2.4451920740227214e-09, 0.84676933988360947,
       0.98909369951057224},
      {IccForm::kIcc1_k, 0.98448229041393498, 0, 0, 0, 1.5579962781832489e-10, 0.95004179977002290,
       0.99658412236993965},
      {IccForm::kIcc2_k, 0.98446188166613013, 0, 0, 0, 2.4451920740227214e-09, 0.94894130543623323,
       0.99659754726314786},
      {IccForm::kIcc3_k, 0.98316882713825726, 0, 0, 0, 2.4451920740227214e-09, 0.94311176547513587,
       0.99633794015345967},
  };
  for (const Expected& e : expected) {
    SCOPED_TRACE(std::string(icc_names(e.form).shrout_fleiss));
    const IccEstimate& got = r->at(e.form);
    EXPECT_TRUE(close(got.value, e.value));
    EXPECT_TRUE(close(got.p, e.p, 1e-7));
    EXPECT_TRUE(close(got.ci.lower, e.lower, 1e-8));
    EXPECT_TRUE(close(got.ci.upper, e.upper, 1e-8));
  }
}

TEST(Icc, ConstantShiftBetweenRatersIsPerfectConsistencyNotAgreement) {
  // Rater 2 = rater 1 + 2: MSE = 0. psych::ICC: ICC2 = 0.836…, CI (0.00564, 0.98420);
  // ICC3 = 1.
  const std::vector<double> t = {1, 3, 3, 5, 4, 6, 7, 9, 9, 11};
  auto r = icc(t, 2);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->anova.ms_error, 0);
  EXPECT_TRUE(close(r->at(IccForm::kIcc2_1).value, 0.83606557377049173));
  EXPECT_TRUE(close(r->at(IccForm::kIcc2_1).ci.lower, 0.0056373318072998994, 1e-7));
  EXPECT_TRUE(close(r->at(IccForm::kIcc2_1).ci.upper, 0.9842049812904171135, 1e-8));
  EXPECT_EQ(r->at(IccForm::kIcc3_1).value, 1);
  EXPECT_EQ(r->at(IccForm::kIcc3_1).p, 0);
  EXPECT_TRUE(std::isinf(r->at(IccForm::kIcc3_1).f));
  EXPECT_EQ(r->at(IccForm::kIcc3_1).ci.lower, 1);
  EXPECT_EQ(r->at(IccForm::kIcc3_k).ci.upper, 1);
}

TEST(Icc, IdenticalRatersGiveOneEverywhere) {
  const std::vector<double> t = {1, 1, 1, 4, 4, 4, 2, 2, 2};
  auto r = icc(t, 3);
  ASSERT_TRUE(r) << r.error().to_string();
  for (const IccEstimate& e : r->estimates) {
    SCOPED_TRACE(std::string(icc_names(e.form).shrout_fleiss));
    EXPECT_DOUBLE_EQ(e.value, 1);
    EXPECT_EQ(e.p, 0);
    EXPECT_DOUBLE_EQ(e.ci.lower, 1);
    EXPECT_DOUBLE_EQ(e.ci.upper, 1);
  }
}

TEST(Icc, NoVarianceBetweenTargetsGivesANegativeIcc) {
  // Every target has the same mean; raters disagree within targets: ICC < 0, p = 1.
  const std::vector<double> t = {1, 3, 3, 1, 2, 2};
  auto r = icc(t, 2);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->anova.ms_rows, 0);
  EXPECT_DOUBLE_EQ(r->at(IccForm::kIcc1_1).value, -1);  // (0 − MSW)/(0 + MSW)
  EXPECT_EQ(r->at(IccForm::kIcc1_1).p, 1);
}

TEST(Icc, DegenerateTablesAreErrors) {
  auto equal = icc(std::vector<double>{5, 5, 5, 5, 5, 5}, 2);
  ASSERT_FALSE(equal);
  EXPECT_NE(equal.error().message.find("every rating is equal"), std::string::npos);
  auto one_target = icc(std::vector<double>{1, 2, kNaN, 3}, 2);
  ASSERT_FALSE(one_target);
  EXPECT_NE(one_target.error().message.find("at least 2 targets"), std::string::npos)
      << one_target.error().message;
  EXPECT_NE(one_target.error().message.find("1 targets dropped"), std::string::npos);
  EXPECT_FALSE(icc(std::vector<double>{1, 2, 3}, 1));        // one rater
  EXPECT_FALSE(icc(std::vector<double>{1, 2, 3, 4, 5}, 2));  // ragged
  EXPECT_FALSE(icc(std::vector<double>{1, 2, INFINITY, 4}, 2));
  auto huge = icc(std::vector<double>{1, 2, 1e300, 4, 5, 6}, 2);  // MS would overflow
  ASSERT_FALSE(huge);
  EXPECT_NE(huge.error().message.find("target 2 rater 1: rating (1e+300) is too large"),
            std::string::npos)
      << huge.error().message;
  EXPECT_FALSE(icc(kShroutFleiss, 4, 0));
}

}  // namespace
}  // namespace openpt::stats
