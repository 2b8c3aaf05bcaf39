// Resampling irregular IMU samples: exact on linear signals, lost samples counted, NaN
// values treated as gaps, too-long gaps and non-increasing timestamps refused with the line.
#include "openpt/gait/imu_resample.h"

#include <gtest/gtest.h>

#include <cmath>

namespace openpt::gait {
namespace {

RawImuSamples linear(const std::vector<double>& t) {
  RawImuSamples raw;
  for (std::size_t i = 0; i < t.size(); ++i) {
    raw.t_s.push_back(t[i]);
    raw.acc_mps2.push_back({9.81, 2 * t[i], 0});
    raw.gyr_rps.push_back({t[i], 0, -t[i]});
    raw.line.push_back(i + 2);
  }
  return raw;
}

TEST(ImuResample, IrregularTimestampsOntoAUniformGrid) {
  // 100 Hz with jitter and two lost samples (0.03 and 0.04 missing).
  const auto raw = linear({0.0, 0.0102, 0.0199, 0.0501, 0.06, 0.0698, 0.08, 0.09, 0.1});
  auto s = resample_uniform(raw, Placement::kLeftFoot, "a.csv", {.sample_rate_hz = 100});
  ASSERT_TRUE(s) << s.error().to_string();
  ASSERT_EQ(s->size(), 11u);
  for (std::size_t j = 0; j < s->size(); ++j) {
    const double t = j * 0.01;
    EXPECT_NEAR(s->gyr_rps[j].x, t, 1e-12) << j;  // linear in t: interpolation is exact
    EXPECT_NEAR(s->acc_mps2[j].y, 2 * t, 1e-12);
  }
  EXPECT_EQ(s->filled_samples, 2u);
  EXPECT_EQ(s->longest_gap_samples, 2u);
  EXPECT_DOUBLE_EQ(s->t0_s, 0.0);
}

TEST(ImuResample, EstimatesTheRate) {
  std::vector<double> t;
  for (int i = 0; i < 50; ++i) t.push_back(1.0 + i * 0.02);
  auto s = resample_uniform(linear(t), Placement::kWrist, "w.csv");
  ASSERT_TRUE(s);
  EXPECT_NEAR(s->sample_rate_hz, 50.0, 1e-9);
  EXPECT_DOUBLE_EQ(s->t0_s, 1.0);
  EXPECT_EQ(s->size(), 50u);
  EXPECT_EQ(s->filled_samples, 0u);
}

TEST(ImuResample, NaNValuesAreGaps) {
  auto raw = linear({0.0, 0.01, 0.02, 0.03, 0.04});
  raw.gyr_rps[2].y = std::nan("");
  auto s = resample_uniform(raw, Placement::kLeftFoot, "a.csv", {.sample_rate_hz = 100});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->filled_samples, 1u);
  EXPECT_NEAR(s->gyr_rps[2].x, 0.02, 1e-12);
  EXPECT_TRUE(std::isfinite(s->gyr_rps[2].y));
}

TEST(ImuResample, RefusesALongGapNamingTheLine) {
  const auto raw = linear({0.0, 0.01, 0.02, 1.5, 1.51});
  auto s = resample_uniform(raw, Placement::kLeftFoot, "a.csv", {.sample_rate_hz = 100});
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().where, "a.csv:5");
  EXPECT_NE(s.error().message.find("1.480 s"), std::string::npos) << s.error().message;
}

TEST(ImuResample, RefusesTimestampsThatDoNotIncrease) {
  const auto raw = linear({0.0, 0.01, 0.01, 0.02});
  auto s = resample_uniform(raw, Placement::kLeftFoot, "a.csv");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().where, "a.csv:4");
}

TEST(ImuResample, RefusesFewerThanTwoValidSamples) {
  auto raw = linear({0.0, 0.01});
  raw.acc_mps2[1].x = std::nan("");
  EXPECT_FALSE(resample_uniform(raw, Placement::kLeftFoot, "a.csv"));
}

}  // namespace
}  // namespace openpt::gait
