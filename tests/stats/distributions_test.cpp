// Boost.Math wrappers against SciPy 1.10 (make_reference.py, section "dist") and the edge
// behaviour the statistics rely on: NaN outside the domain, exact tails, infinities.
#include "openpt/stats/distributions.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "stats/reference_data.h"

namespace openpt::stats {
namespace {

using testing::close;

TEST(Distributions, MatchScipy) {
  EXPECT_TRUE(close(normal_quantile(0.975), 1.959963984540054));  // scipy.stats.norm.ppf
  EXPECT_TRUE(close(z_for_confidence(0.95), 1.959963984540054));
  EXPECT_TRUE(close(normal_sf(5), 2.866515718791933e-07));  // norm.sf
  EXPECT_TRUE(close(normal_cdf(-5), 2.866515718791933e-07));
  EXPECT_TRUE(close(t_quantile(0.975, 16), 2.1199052992210112));     // t.ppf
  EXPECT_TRUE(close(two_sided_t_p(2.5, 14), 0.025466664614062152));  // 2 t.sf
  EXPECT_TRUE(close(two_sided_t_p(-2.5, 14), 0.025466664614062152));
  EXPECT_TRUE(close(t_sf(40, 10), 1.1404288715428737e-12));                     // t.sf: tail kept
  EXPECT_TRUE(close(f_sf(3.2, 5, 15), 0.036554661466091674));                   // f.sf
  EXPECT_TRUE(close(f_quantile(0.975, 5, 15), 3.5764153492790607));             // f.ppf
  EXPECT_TRUE(close(f_quantile(0.975, 2.7, 5), 7.921111809187859));             // fractional df
  EXPECT_TRUE(close(chi_squared_quantile(0.025, 10), 3.2469727802368413));      // chi2.ppf
  EXPECT_TRUE(close(binomial_cdf(7, 20, 0.3), 0.7722717974181608));             // binom.cdf
  EXPECT_TRUE(close(binomial_sf_inclusive(15, 20, 0.6), 0.12559897272303744));  // binom.sf(14)
}

TEST(Distributions, NoncentralTMatchesScipyAndR) {
  // scipy.stats.nct.cdf(2.1, 16, 8.08); R pt(2.1, 16, ncp = 8.08) agrees.
  EXPECT_TRUE(close(noncentral_t_cdf(2.1, 16, 8.08), 1.0440834597671201e-08, 1e-7));
  // scipy.stats.nct.ppf(0.025, 16, 1.959963984540054 * sqrt(17)): iterative, 1e-8.
  EXPECT_TRUE(close(noncentral_t_quantile(0.025, 16, 1.959963984540054 * std::sqrt(17.0)),
                    5.422004997786389, 1e-8));
  // Round trip.
  const double q = noncentral_t_quantile(0.9, 30, 2.5);
  EXPECT_NEAR(noncentral_t_cdf(q, 30, 2.5), 0.9, 1e-10);
}

TEST(Distributions, OutsideTheDomainIsNaNNotAnException) {
  EXPECT_TRUE(std::isnan(normal_quantile(1.5)));
  EXPECT_TRUE(std::isnan(t_quantile(0.5, 0)));
  EXPECT_TRUE(std::isnan(t_quantile(0.5, -1)));
  EXPECT_TRUE(std::isnan(f_sf(1, 0, 3)));
  EXPECT_TRUE(std::isnan(chi_squared_quantile(-0.1, 3)));
  EXPECT_TRUE(std::isnan(z_for_confidence(1.0)));
  EXPECT_TRUE(std::isnan(z_for_confidence(0.0)));
  EXPECT_TRUE(std::isnan(t_cdf(kNaN, 3)));
  EXPECT_TRUE(std::isnan(binomial_cdf(1, 10, 1.5)));
}

TEST(Distributions, InfinitiesAndEnds) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(two_sided_t_p(inf, 5), 0.0);
  EXPECT_EQ(two_sided_z_p(-inf), 0.0);
  EXPECT_EQ(two_sided_z_p(0), 1.0);
  EXPECT_EQ(f_sf(inf, 2, 3), 0.0);
  EXPECT_EQ(f_sf(0, 2, 3), 1.0);
  EXPECT_EQ(normal_quantile(1), inf);
  EXPECT_EQ(f_quantile(1, 2, 3), inf);
  EXPECT_EQ(binomial_cdf(-1, 10, 0.5), 0.0);
  EXPECT_EQ(binomial_cdf(10, 10, 0.5), 1.0);
  EXPECT_EQ(binomial_sf_inclusive(0, 10, 0.5), 1.0);
  EXPECT_EQ(binomial_sf_inclusive(11, 10, 0.5), 0.0);
}

TEST(Distributions, ConfidenceCheckNamesTheOption) {
  EXPECT_TRUE(check_confidence(0.95));
  auto bad = check_confidence(95, "--confidence");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().where, "--confidence");
  EXPECT_NE(bad.error().message.find("between 0 and 1"), std::string::npos);
  EXPECT_FALSE(check_confidence(kNaN));
}

}  // namespace
}  // namespace openpt::stats
