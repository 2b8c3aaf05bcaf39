// Plausibility checks: a file in g read as m/s², °/s read as rad/s, a dead sensor, a too
// short recording and sensors of different lengths are refused with a hint; a plausible
// walking recording passes.
#include "openpt/gait/imu_checks.h"

#include <gtest/gtest.h>

#include "synthetic_foot.h"

namespace openpt::gait {
namespace {

ImuSignal walking() {
  return testing::make_synthetic_foot({}).signal;
}

TEST(ImuChecks, WalkingPasses) {
  EXPECT_TRUE(check_imu_signal(walking()));
}

TEST(ImuChecks, AccelerationInGRefused) {
  ImuSignal s = walking();
  for (auto& a : s.acc_mps2) a = a * (1.0 / kStandardGravity);
  auto ok = check_imu_signal(s);
  ASSERT_FALSE(ok);
  EXPECT_NE(ok.error().hint.find("look like g"), std::string::npos);
}

TEST(ImuChecks, DegreesReadAsRadiansRefused) {
  ImuSignal s = walking();
  for (auto& g : s.gyr_rps) g = g * kRadToDeg;
  auto ok = check_imu_signal(s);
  ASSERT_FALSE(ok);
  EXPECT_NE(ok.error().hint.find("deg/s"), std::string::npos);
}

TEST(ImuChecks, DeadSensorRefused) {
  ImuSignal s = walking();
  for (auto& g : s.gyr_rps) g = {0, 0, 0};
  for (auto& a : s.acc_mps2) a = {0, 0, kStandardGravity};
  auto ok = check_imu_signal(s);
  ASSERT_FALSE(ok);
  EXPECT_NE(ok.error().message.find("no signal"), std::string::npos);
}

TEST(ImuChecks, TooShortRefused) {
  ImuSignal s = walking();
  s.acc_mps2.resize(100);
  s.gyr_rps.resize(100);
  EXPECT_FALSE(check_imu_signal(s));
}

TEST(ImuChecks, MismatchedRecordingRefused) {
  ImuRecording rec;
  rec.sensors.push_back(walking());
  testing::SyntheticFootOptions longer;
  longer.placement = Placement::kRightFoot;
  longer.strides = 20;
  rec.sensors.push_back(testing::make_synthetic_foot(longer).signal);
  auto ok = check_recording(rec);
  ASSERT_FALSE(ok);
  EXPECT_NE(ok.error().message.find("do not look like one recording"), std::string::npos);
  // Two sensors at one placement.
  ImuRecording twice;
  twice.sensors = {walking(), walking()};
  EXPECT_FALSE(check_recording(twice));
  EXPECT_FALSE(check_recording(ImuRecording{}));
}

}  // namespace
}  // namespace openpt::gait
