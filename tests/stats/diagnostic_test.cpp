// Diagnostic accuracy on the liver-scan table of Altman & Bland 1994 (BMJ 308:1552; published
// sensitivity 0.895, specificity 0.628), against statsmodels proportion_confint(method =
// "wilson") and the Simel log-method likelihood-ratio CIs (make_reference.py "diag.*") and
// epiR::epi.tests(method = "wilson") (reference_r.R, epir.tests.*); Wilson intervals against
// Newcombe 1998 (Stat Med 17:857) Table I, method 3.
#include "openpt/stats/diagnostic.h"

#include <gtest/gtest.h>

#include <cmath>

#include "stats/reference_data.h"

namespace openpt::stats {
namespace {

using testing::close;

void expect_proportion(const Proportion& p, double est, double lo, double hi) {
  EXPECT_TRUE(close(p.estimate, est));
  EXPECT_TRUE(close(p.ci.lower, lo));
  EXPECT_TRUE(close(p.ci.upper, hi));
}

TEST(Wilson, NewcombePublishedExamples) {
  // Newcombe 1998, Table I, method 3 (4 decimals).
  const struct {
    int k, n;
    double lo, hi;
  } cases[] = {{81, 263, 0.2553, 0.3662},
               {15, 148, 0.0624, 0.1605},
               {0, 20, 0, 0.1611},
               {1, 29, 0.0061, 0.1718}};
  for (const auto& c : cases) {
    const Interval ci = wilson_interval(c.k, c.n);
    EXPECT_NEAR(ci.lower, c.lo, 5e-5) << c.k << "/" << c.n;
    EXPECT_NEAR(ci.upper, c.hi, 5e-5) << c.k << "/" << c.n;
  }
}

TEST(Wilson, MatchesStatsmodels) {
  // proportion_confint(k, n, method = "wilson")
  Interval ci = wilson_interval(81, 263);
  EXPECT_TRUE(close(ci.lower, 0.2552885198782742));
  EXPECT_TRUE(close(ci.upper, 0.36620957698280004));
  ci = wilson_interval(1, 29);
  EXPECT_TRUE(close(ci.lower, 0.006113214292762667));
  EXPECT_TRUE(close(ci.upper, 0.17175521879320294));
  ci = wilson_interval(10, 10);
  EXPECT_TRUE(close(ci.lower, 0.7224672001371106));
  EXPECT_EQ(ci.upper, 1);
  ci = wilson_interval(0, 20);
  EXPECT_EQ(ci.lower, 0);
  EXPECT_TRUE(close(ci.upper, 0.1611251580528194));
  EXPECT_TRUE(std::isnan(wilson_interval(0, 0).lower));
}

TEST(DiagnosticAccuracy, LiverScanMatchesStatsmodelsAndEpiR) {
  auto d = diagnostic_accuracy({.tp = 231, .fp = 32, .fn = 27, .tn = 54});
  ASSERT_TRUE(d) << d.error().to_string();
  EXPECT_NEAR(d->sensitivity.estimate, 0.895, 5e-4);  // published
  EXPECT_NEAR(d->specificity.estimate, 0.628, 5e-4);
  expect_proportion(d->sensitivity, 0.8953488372093024, 0.8520214062328004, 0.9270759946096565);
  expect_proportion(d->specificity, 0.627906976744186, 0.5223383164148251, 0.7225374935818455);
  expect_proportion(d->ppv, 0.8783269961977186, 0.8332807314898486, 0.9124804440016979);
  expect_proportion(d->npv, 0.6666666666666666, 0.5585283506058686, 0.7597122875833263);
  expect_proportion(d->accuracy, 0.8284883720930233, 0.7850809984241733, 0.8646402877221653);
  expect_proportion(d->prevalence, 0.75, 0.7016505047663174, 0.7928276422123118);
  // epi.tests lr.pos / lr.neg: est, lower, upper
  EXPECT_TRUE(close(d->lr_positive.estimate, 2.40625));
  EXPECT_TRUE(close(d->lr_positive.ci.lower, 1.8227906278318320));
  EXPECT_TRUE(close(d->lr_positive.ci.upper, 3.1764696252509919));
  EXPECT_TRUE(close(d->lr_negative.estimate, 0.16666666666666660));
  EXPECT_TRUE(close(d->lr_negative.ci.lower, 0.11258965856552880));
  EXPECT_TRUE(close(d->lr_negative.ci.upper, 0.24671695546186145));
  EXPECT_FALSE(d->lr_positive.corrected);
  EXPECT_NEAR(d->youden, 0.8953488372093024 + 0.627906976744186 - 1, 1e-15);
}

TEST(DiagnosticAccuracy, PerfectSeparationUsesTheHaldaneCorrection) {
  auto d = diagnostic_accuracy({.tp = 10, .fp = 0, .fn = 0, .tn = 10});
  ASSERT_TRUE(d);
  EXPECT_EQ(d->sensitivity.estimate, 1);
  EXPECT_TRUE(close(d->sensitivity.ci.lower, 0.7224672001371106));  // Wilson 10/10
  EXPECT_EQ(d->sensitivity.ci.upper, 1);
  // LR+ = (10.5/11)/(0.5/11) = 21, LR− = (0.5/11)/(10.5/11) = 1/21.
  EXPECT_TRUE(d->lr_positive.corrected);
  EXPECT_TRUE(close(d->lr_positive.estimate, 21));
  EXPECT_TRUE(d->lr_negative.corrected);
  EXPECT_TRUE(close(d->lr_negative.estimate, 1.0 / 21));
  const double se = std::sqrt(1 / 10.5 - 1 / 11.0 + 1 / 0.5 - 1 / 11.0);
  EXPECT_TRUE(close(d->lr_positive.ci.lower, 21 * std::exp(-1.959963984540054 * se)));
  EXPECT_TRUE(std::isfinite(d->lr_positive.ci.upper));
}

TEST(DiagnosticAccuracy, EmptyDenominatorsAreNaNOrErrors) {
  // No test positive: PPV undefined (NaN), the rest defined.
  auto d = diagnostic_accuracy({.tp = 0, .fp = 0, .fn = 5, .tn = 7});
  ASSERT_TRUE(d);
  EXPECT_TRUE(std::isnan(d->ppv.estimate));
  EXPECT_TRUE(std::isnan(d->ppv.ci.lower));
  EXPECT_EQ(d->sensitivity.estimate, 0);
  EXPECT_EQ(d->specificity.estimate, 1);
  auto no_pos = diagnostic_accuracy({.tp = 0, .fp = 3, .fn = 0, .tn = 7});
  ASSERT_FALSE(no_pos);
  EXPECT_NE(no_pos.error().message.find("no case is positive"), std::string::npos);
  EXPECT_FALSE(diagnostic_accuracy({.tp = 3, .fp = 0, .fn = 2, .tn = 0}));
  EXPECT_FALSE(diagnostic_accuracy({.tp = -1, .fp = 3, .fn = 2, .tn = 4}));
  EXPECT_FALSE(diagnostic_accuracy({.tp = 1, .fp = 3, .fn = 2, .tn = 4}, 2));
}

TEST(ConfusionCounts, FromFlagsWithMissing) {
  const std::vector<double> ref = {1, 1, 1, 0, 0, kNaN, 0, 1};
  const std::vector<double> test = {1, 0, 1, 1, 0, 1, kNaN, 1};
  auto c = confusion_counts(ref, test);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->tp, 3);
  EXPECT_EQ(c->fn, 1);
  EXPECT_EQ(c->fp, 1);
  EXPECT_EQ(c->tn, 1);
  EXPECT_EQ(c->excluded_missing, 2);
  auto bad = confusion_counts(std::vector<double>{1, 2}, std::vector<double>{1, 0});
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("reference case 2: 2 is not a binary flag"), std::string::npos)
      << bad.error().message;
}

}  // namespace
}  // namespace openpt::stats
