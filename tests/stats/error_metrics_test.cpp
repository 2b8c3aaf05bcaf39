// MAE and RMSE against sklearn.metrics (make_reference.py, "err.*") on the PEFR data.
#include "openpt/stats/error_metrics.h"

#include <gtest/gtest.h>

#include "stats/reference_data.h"

namespace openpt::stats {
namespace {

using testing::close;

TEST(ErrorMetrics, MatchSklearn) {
  auto e = error_metrics(testing::kPefrWright, testing::kPefrMini);
  ASSERT_TRUE(e) << e.error().to_string();
  EXPECT_TRUE(close(e->mae, 28.941176470588236));  // mean_absolute_error
  EXPECT_TRUE(close(e->rmse, 37.66727398434568));  // mean_squared_error(squared=False)
  EXPECT_TRUE(close(e->mean_error, 2.1176470588235294));
  EXPECT_EQ(e->max_abs_error, 81);
  EXPECT_EQ(e->n, 17);
}

TEST(ErrorMetrics, RmseDecomposesIntoBiasAndSpread) {
  // RMSE² = ME² + ((n − 1)/n)·SD² for any data.
  auto e = error_metrics(testing::kPefrWright, testing::kPefrMini);
  ASSERT_TRUE(e);
  const double sd = 38.76512987360738;  // SD of the differences (Bland–Altman reference)
  EXPECT_NEAR(e->rmse * e->rmse, e->mean_error * e->mean_error + 16.0 / 17 * sd * sd, 1e-9);
}

TEST(ErrorMetrics, MissingAndDegenerate) {
  auto e = error_metrics(std::vector<double>{1, kNaN, 3}, std::vector<double>{2, 2, kNaN});
  ASSERT_TRUE(e);
  EXPECT_EQ(e->n, 1);
  EXPECT_EQ(e->excluded_missing, 2);
  EXPECT_EQ(e->mae, 1);
  auto same = error_metrics(std::vector<double>{4, 4}, std::vector<double>{4, 4});
  ASSERT_TRUE(same);
  EXPECT_EQ(same->rmse, 0);
  EXPECT_FALSE(error_metrics(std::vector<double>{kNaN}, std::vector<double>{1}));
  EXPECT_FALSE(error_metrics(std::vector<double>{}, std::vector<double>{}));
  EXPECT_FALSE(error_metrics(std::vector<double>{1, 2}, std::vector<double>{1}));
}

}  // namespace
}  // namespace openpt::stats
