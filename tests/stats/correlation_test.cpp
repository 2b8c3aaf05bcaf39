// Pearson and Spearman against scipy.stats.pearsonr (r, p, confidence_interval) and
// spearmanr (r, p), with the Bonett–Wright Spearman CI transcribed in make_reference.py
// ("corr.*"); Lin's CCC against epiR::epi.ccc(ci = "z-transform") (reference_r.R) and a
// transcription of Lin 1989 (make_reference.py, "ccc.*"). Data: PEFR (Bland & Altman 1986)
// and a small set with ties.
#include "openpt/stats/correlation.h"

#include <gtest/gtest.h>

#include <cmath>

#include "stats/reference_data.h"

namespace openpt::stats {
namespace {

using testing::close;
using testing::kPefrMini;
using testing::kPefrWright;
using testing::kTiesX;
using testing::kTiesY;

TEST(Pearson, MatchesScipy) {
  auto r = pearson(kPefrWright, kPefrMini);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->n, 17);
  EXPECT_TRUE(close(r->r, 0.9432794468909463));
  EXPECT_TRUE(close(r->p, 1.3995013398869527e-08, 1e-7));
  EXPECT_TRUE(close(r->ci.lower, 0.8463588087924653));
  EXPECT_TRUE(close(r->ci.upper, 0.979731337351924));
  auto t = pearson(kTiesX, kTiesY);
  ASSERT_TRUE(t);
  EXPECT_TRUE(close(t->r, 0.91305728641498));
  EXPECT_TRUE(close(t->p, 0.00022483521855769665, 1e-8));
  EXPECT_TRUE(close(t->ci.lower, 0.6667158460170224));
  EXPECT_TRUE(close(t->ci.upper, 0.9795532391812506));
}

TEST(Spearman, MatchesScipyWithTies) {
  auto r = spearman(kTiesX, kTiesY);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_TRUE(close(r->r, 0.93812095999547));             // spearmanr correlation
  EXPECT_TRUE(close(r->p, 5.950220707696837e-05, 1e-8));  // spearmanr pvalue
  // Fisher z, Bonett–Wright variance (1 + r²/2)/(n − 3)
  EXPECT_TRUE(close(r->ci.lower, 0.6821794445241514));
  EXPECT_TRUE(close(r->ci.upper, 0.9892673031669499));
  auto p = spearman(kPefrWright, kPefrMini);
  ASSERT_TRUE(p);
  EXPECT_TRUE(close(p->r, 0.8995098039215688));
  EXPECT_TRUE(close(p->p, 8.964818375507006e-07, 1e-8));
  EXPECT_TRUE(close(p->ci.lower, 0.6904640839031495));
  EXPECT_TRUE(close(p->ci.upper, 0.9698906536277792));
}

TEST(LinCcc, MatchesEpiR) {
  auto c = lin_ccc(kPefrWright, kPefrMini);
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_TRUE(close(c->ccc, 0.94274243142748448));              // epi.ccc rho.c$est
  EXPECT_TRUE(close(c->ci.lower, 0.85049187316856045));         // rho.c$lower (z-transform)
  EXPECT_TRUE(close(c->ci.upper, 0.97872627917012245));         // rho.c$upper
  EXPECT_TRUE(close(c->accuracy, 0.99943069313634292));         // C.b
  EXPECT_TRUE(close(c->precision, 0.9432794468909463));         // Pearson r
  EXPECT_TRUE(close(c->location_shift, 0.019030250091597076));  // u (make_reference.py)
  EXPECT_EQ(c->n, 17);
}

TEST(LinCcc, ShiftLowersConcordanceNotCorrelation) {
  const std::vector<double> x = {1, 2, 3, 4, 5, 6};
  std::vector<double> y;
  for (double v : x) y.push_back(v + 2);
  auto c = lin_ccc(x, y);
  auto r = pearson(x, y);
  ASSERT_TRUE(c && r);
  EXPECT_DOUBLE_EQ(r->r, 1);
  // ρc = 2·s_xy/(2·s² + 4) with s² = 35/12 (n divisor): 70/12 / (70/12 + 4).
  EXPECT_NEAR(c->ccc, (70.0 / 12) / (70.0 / 12 + 4), 1e-14);
  EXPECT_LT(c->ci.lower, c->ccc);
  EXPECT_GT(c->ci.upper, c->ccc);
}

TEST(Correlation, PerfectAgreementHasADegenerateInterval) {
  const std::vector<double> x = {1, 2, 3, 5, 8};
  auto r = pearson(x, x);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->r, 1);
  EXPECT_EQ(r->p, 0);
  EXPECT_EQ(r->ci.lower, 1);
  auto c = lin_ccc(x, x);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->ccc, 1);
  EXPECT_EQ(c->ci.lower, 1);
  EXPECT_EQ(c->ci.upper, 1);
  const std::vector<double> neg = {5, 4, 3, 2, 1};
  auto s = spearman(std::vector<double>{1, 2, 3, 4, 5}, neg);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->r, -1);
  EXPECT_EQ(s->ci.upper, -1);
}

TEST(Correlation, ThreePairsGiveTheWholeInterval) {
  auto r = pearson(std::vector<double>{1, 2, 3}, std::vector<double>{1, 3, 2});
  ASSERT_TRUE(r);
  EXPECT_DOUBLE_EQ(r->r, 0.5);
  EXPECT_EQ(r->ci.lower, -1);
  EXPECT_EQ(r->ci.upper, 1);
  EXPECT_TRUE(close(r->p, 2.0 / 3));  // t = 1/√3 on 1 df: p = 1 − (2/π)·atan(t) = 2/3
}

TEST(Correlation, DegenerateInputIsAnError) {
  const std::vector<double> flat = {3, 3, 3, 3};
  const std::vector<double> x = {1, 2, 3, 4};
  for (auto* f : {&pearson, &spearman}) {
    auto e = (*f)(x, flat, 0.95);
    ASSERT_FALSE(e);
    EXPECT_NE(e.error().message.find("zero variance"), std::string::npos) << e.error().message;
  }
  auto c = lin_ccc(flat, x);
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("first values do not vary"), std::string::npos);
  auto two = pearson(std::vector<double>{1, 2, kNaN}, std::vector<double>{2, 1, 3});
  ASSERT_FALSE(two);
  EXPECT_NE(two.error().message.find("at least 3"), std::string::npos);
  EXPECT_FALSE(pearson(x, std::vector<double>{1, 2, 3}));
  EXPECT_FALSE(spearman(x, std::vector<double>{1, 2, 3, INFINITY}));
}

TEST(Correlation, NaNPairsAreExcludedAndCounted) {
  std::vector<double> x = kTiesX, y = kTiesY;
  x.push_back(kNaN), y.push_back(1);
  x.push_back(3), y.push_back(kNaN);
  auto r = spearman(x, y);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->excluded_missing, 2);
  EXPECT_EQ(r->n, 10);
  EXPECT_TRUE(close(r->r, 0.93812095999547));
}

}  // namespace
}  // namespace openpt::stats
