#include "openpt/core/time_series.h"

#include <gtest/gtest.h>

#include <cmath>

namespace openpt {
namespace {

TEST(Median, OddEvenAndNonFiniteValues) {
  EXPECT_DOUBLE_EQ(median({3, 1, 2}), 2.0);
  EXPECT_DOUBLE_EQ(median({4, 1, 3, 2}), 2.5);
  EXPECT_DOUBLE_EQ(median({NAN, 5, INFINITY, 1}), 3.0);
  EXPECT_TRUE(std::isnan(median({})));
}

TEST(MedianFrameInterval, RobustToOneDroppedFrame) {
  const std::vector<double> t = {0, 0.1, 0.2, 0.4, 0.5, 0.6};
  EXPECT_NEAR(median_frame_interval_s(t), 0.1, 1e-12);
  EXPECT_EQ(median_frame_interval_s(std::vector<double>{1.0}), 0.0);
}

}  // namespace
}  // namespace openpt
