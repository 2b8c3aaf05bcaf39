// ROC, AUC and DeLong against pROC 1.18 (reference_r.R: auc, var(method = "delong"),
// ci.auc, cov, roc.test(paired = TRUE)), sklearn.metrics (roc_auc_score, roc_curve) and an
// independent O(m·n) DeLong transcription (make_reference.py, "roc.*"). Data: Hanley &
// McNeil 1982 (published AUC 0.893) and two scores on 60 formula-generated cases.
#include "openpt/stats/roc.h"

#include <gtest/gtest.h>

#include <cmath>

#include "stats/reference_data.h"

namespace openpt::stats {
namespace {

using testing::close;

TEST(RocAuc, HanleyMcNeilMatchesPublishedSklearnAndPROC) {
  const auto c = testing::hanley_mcneil();
  auto a = roc_auc(c.truth, c.rating);
  ASSERT_TRUE(a) << a.error().to_string();
  EXPECT_NEAR(a->auc, 0.893, 5e-4);                              // Hanley & McNeil 1982
  EXPECT_TRUE(close(a->auc, 0.8931710615280595));                // roc_auc_score; pROC auc
  EXPECT_TRUE(close(a->se, std::sqrt(0.00094398927026298452)));  // pROC var(delong)
  EXPECT_TRUE(close(a->se, 0.030724408379381122));               // O(m·n) DeLong
  EXPECT_TRUE(close(a->ci.lower, 0.83295232765817184));          // pROC ci.auc(delong)
  EXPECT_TRUE(close(a->ci.upper, 0.95338979539794710));
  EXPECT_EQ(a->positives, 51);
  EXPECT_EQ(a->negatives, 58);
}

TEST(RocCurve, HanleyMcNeilMatchesSklearnRocCurve) {
  const auto c = testing::hanley_mcneil();
  auto curve = roc_curve(c.truth, c.rating);
  ASSERT_TRUE(curve);
  // roc_curve(drop_intermediate = False): thresholds 5..1 after the (0, 0) corner.
  const double fpr[] = {
      0.0, 0.034482758620689655, 0.22413793103448276, 0.3275862068965517, 0.43103448275862066, 1.0};
  const double tpr[] = {
      0.0, 0.6470588235294118, 0.8627450980392157, 0.9019607843137255, 0.9411764705882353, 1.0};
  ASSERT_EQ(curve->points.size(), 6u);
  EXPECT_TRUE(std::isinf(curve->points[0].threshold));
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_TRUE(close(curve->points[i].fpr, fpr[i])) << i;
    EXPECT_TRUE(close(curve->points[i].tpr, tpr[i])) << i;
    if (i > 0) {
      EXPECT_EQ(curve->points[i].threshold, 6.0 - static_cast<double>(i));
    }
  }
  // Youden: J = TPR − FPR is largest at threshold 4 (0.8627 − 0.2241).
  EXPECT_EQ(youden_optimal(*curve).threshold, 4);
  // Trapezoids under the curve give the AUC (ties as half).
  double area = 0;
  for (std::size_t i = 1; i < curve->points.size(); ++i) {
    const auto& p = curve->points[i - 1];
    const auto& q = curve->points[i];
    area += (q.fpr - p.fpr) * (q.tpr + p.tpr) / 2;
  }
  EXPECT_TRUE(close(area, 0.8931710615280595));
}

TEST(RocAuc, LogitIntervalStaysInsideZeroOne) {
  const auto c = testing::two_scores();
  auto a = roc_auc(c.truth, c.score1, {.ci_method = AucCiMethod::kLogit});
  ASSERT_TRUE(a);
  EXPECT_TRUE(close(a->ci.lower, 0.585084619248308));  // make_reference.py two_auc1_ci_logit
  EXPECT_TRUE(close(a->ci.upper, 0.8347355902544394));
  auto w = roc_auc(c.truth, c.score1);
  ASSERT_TRUE(w);
  EXPECT_TRUE(close(w->ci.lower, 0.60094214376051402));  // pROC ci.auc(delong)
  EXPECT_TRUE(close(w->ci.upper, 0.85391896735059714));
}

TEST(CompareAucs, DeLongTestMatchesPROC) {
  const auto c = testing::two_scores();
  auto t = compare_aucs(c.truth, c.score1, c.score2);
  ASSERT_TRUE(t) << t.error().to_string();
  EXPECT_TRUE(close(t->first.auc, 0.72743055555555558));  // pROC auc; sklearn agrees
  EXPECT_TRUE(close(t->second.auc, 0.87905092592592593));
  EXPECT_TRUE(close(t->first.se * t->first.se, 0.0041649068922053525));  // pROC var
  EXPECT_TRUE(close(t->second.se * t->second.se, 0.0017953202413435406));
  EXPECT_TRUE(close(t->correlation * t->first.se * t->second.se, 0.00045868209317409189));
  EXPECT_TRUE(close(t->z, -2.1351036872223315));  // roc.test statistic; O(m·n) agrees
  EXPECT_TRUE(close(t->p, 0.03275254152882328));  // roc.test p.value
  EXPECT_TRUE(close(t->difference, 0.72743055555555558 - 0.87905092592592593));
  EXPECT_LT(t->difference_ci.upper, 0);
}

TEST(RocAuc, PerfectSeparationHasZeroVariance) {
  const std::vector<double> truth = {0, 0, 0, 1, 1, 1};
  const std::vector<double> score = {0.1, 0.2, 0.3, 0.7, 0.8, 0.9};
  for (AucCiMethod m : {AucCiMethod::kWald, AucCiMethod::kLogit}) {
    auto a = roc_auc(truth, score, {.ci_method = m});
    ASSERT_TRUE(a);
    EXPECT_EQ(a->auc, 1);
    EXPECT_EQ(a->se, 0);
    EXPECT_EQ(a->ci.lower, 1);
    EXPECT_EQ(a->ci.upper, 1);
  }
  // Reversed scores: AUC 0.
  auto r = roc_auc(truth, std::vector<double>{0.9, 0.8, 0.7, 0.3, 0.2, 0.1});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->auc, 0);
  // Comparing two perfect scores: equal AUCs, p = 1.
  auto t = compare_aucs(truth, score, std::vector<double>{1, 2, 3, 4, 5, 6});
  ASSERT_TRUE(t);
  EXPECT_EQ(t->z, 0);
  EXPECT_EQ(t->p, 1);
}

TEST(RocAuc, AllScoresTiedGiveOneHalf) {
  auto a = roc_auc(std::vector<double>{0, 1, 0, 1}, std::vector<double>{3, 3, 3, 3});
  ASSERT_TRUE(a);
  EXPECT_EQ(a->auc, 0.5);
  EXPECT_EQ(a->se, 0);
}

TEST(RocAuc, MissingAndDegenerateInput) {
  auto c = testing::hanley_mcneil();
  c.truth.push_back(kNaN), c.rating.push_back(3);
  c.truth.push_back(1), c.rating.push_back(kNaN);
  auto a = roc_auc(c.truth, c.rating);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->excluded_missing, 2);
  EXPECT_TRUE(close(a->auc, 0.8931710615280595));
  auto one = roc_auc(std::vector<double>{0, 0, 1}, std::vector<double>{1, 2, 3});
  ASSERT_FALSE(one);
  EXPECT_NE(one.error().message.find("at least 2 reference-positive"), std::string::npos)
      << one.error().message;
  EXPECT_FALSE(roc_auc(std::vector<double>{0, 0, 0, 0}, std::vector<double>{1, 2, 3, 4}));
  EXPECT_FALSE(roc_auc(std::vector<double>{0, 2, 1, 1}, std::vector<double>{1, 2, 3, 4}));
  EXPECT_FALSE(roc_auc(std::vector<double>{0, 0, 1, 1}, std::vector<double>{1, 2, INFINITY, 4}));
  EXPECT_FALSE(roc_auc(std::vector<double>{0, 0, 1}, std::vector<double>{1, 2, 3, 4}));
  // The curve needs only one case of each.
  EXPECT_TRUE(roc_curve(std::vector<double>{0, 1}, std::vector<double>{1, 2}));
}

}  // namespace
}  // namespace openpt::stats
