// IMU readers: mapped CSV (units converted, delimiters, TOML mapping, missing units and
// columns refused with file:line and column names) and the IPOL tab-separated format
// (packet clock, lost packets filled, header checks).
#include "openpt/gait/imu_formats.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>

#include "support/test_support.h"

namespace openpt::gait {
namespace {

using openpt::testing::TempDir;

ImuColumnMapping g_and_degrees() {
  ImuColumnMapping m;
  m.time_column = "t";
  m.time_unit = TimeUnit::kMilliseconds;
  m.acc_columns = {"ax", "ay", "az"};
  m.gyr_columns = {"gx", "gy", "gz"};
  m.acc_unit = AccUnit::kG;
  m.gyr_unit = GyrUnit::kDegPerS;
  return m;
}

std::string csv_rows(char sep, int rows) {
  std::string text = fmt::format("t{0}ax{0}ay{0}az{0}gx{0}gy{0}gz\n", sep);
  for (int i = 0; i < rows; ++i) {
    text += fmt::format("{1}{0}0{0}0{0}1{0}180{0}0{0}-90\n", sep, i * 10);
  }
  return text;
}

TEST(ImuCsv, ConvertsUnits) {
  TempDir tmp;
  const auto path = tmp.write("foot.csv", csv_rows(',', 20));
  auto s = read_imu_csv(path, Placement::kLeftFoot, g_and_degrees());
  ASSERT_TRUE(s) << s.error().to_string();
  EXPECT_EQ(s->size(), 20u);
  EXPECT_NEAR(s->sample_rate_hz, 100.0, 1e-9);
  EXPECT_NEAR(s->acc_mps2[3].z, kStandardGravity, 1e-12);
  EXPECT_NEAR(s->gyr_rps[3].x, std::numbers::pi, 1e-12);
  EXPECT_NEAR(s->gyr_rps[3].z, -std::numbers::pi / 2, 1e-12);
  EXPECT_EQ(s->source, "foot.csv");
}

TEST(ImuCsv, DetectsSemicolonsAndTabs) {
  TempDir tmp;
  for (const char sep : {';', '\t'}) {
    const auto path = tmp.write("foot.txt", csv_rows(sep, 10));
    auto s = read_imu_csv(path, Placement::kLeftFoot, g_and_degrees());
    ASSERT_TRUE(s) << s.error().to_string();
    EXPECT_EQ(s->size(), 10u);
  }
}

TEST(ImuCsv, RateInsteadOfATimeColumn) {
  TempDir tmp;
  const auto path = tmp.write("foot.csv", csv_rows(',', 10));
  auto m = g_and_degrees();
  m.time_column.clear();
  m.sample_rate_hz = 50;
  auto s = read_imu_csv(path, Placement::kLeftFoot, m);
  ASSERT_TRUE(s);
  EXPECT_NEAR(s->sample_rate_hz, 50.0, 1e-9);
  EXPECT_EQ(s->size(), 10u);
}

TEST(ImuCsv, UnitsAreNeverGuessed) {
  TempDir tmp;
  const auto path = tmp.write("foot.csv", csv_rows(',', 10));
  auto m = g_and_degrees();
  m.gyr_unit = GyrUnit::kUnset;
  auto s = read_imu_csv(path, Placement::kLeftFoot, m);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("gyroscope unit"), std::string::npos);
}

TEST(ImuCsv, MissingColumnNamesTheFileAndTheHeader) {
  TempDir tmp;
  const auto path = tmp.write("foot.csv", csv_rows(',', 10));
  auto m = g_and_degrees();
  m.acc_columns[1] = "acc_y";
  auto s = read_imu_csv(path, Placement::kLeftFoot, m);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().where, "foot.csv:1");
  EXPECT_NE(s.error().message.find("acc_y"), std::string::npos);
  EXPECT_NE(s.error().hint.find("ax, ay, az"), std::string::npos);
}

TEST(ImuCsv, BadCellNamesLineAndColumn) {
  TempDir tmp;
  std::string text = csv_rows(',', 5);
  text += "50,0,zero,1,0,0,0\n";
  const auto path = tmp.write("foot.csv", text);
  auto s = read_imu_csv(path, Placement::kLeftFoot, g_and_degrees());
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().to_string().find("foot.csv:7"), std::string::npos) << s.error().to_string();
  EXPECT_NE(s.error().to_string().find("ay"), std::string::npos);
}

TEST(ImuCsv, EmptyAndHeaderOnlyFiles) {
  TempDir tmp;
  EXPECT_FALSE(read_imu_csv(tmp.write("e.csv", ""), Placement::kLeftFoot, g_and_degrees()));
  EXPECT_FALSE(read_imu_csv(tmp.write("h.csv", "t,ax,ay,az,gx,gy,gz\n"), Placement::kLeftFoot,
                            g_and_degrees()));
  EXPECT_FALSE(read_imu_csv(tmp.path() / "missing.csv", Placement::kLeftFoot, g_and_degrees()));
}

TEST(ImuMapping, ReadsTomlAndNamesBadKeys) {
  TempDir tmp;
  const auto good = tmp.write("map.toml", R"([time]
column = "t"
unit = "ms"
[accelerometer]
columns = ["ax", "ay", "az"]
unit = "g"
[gyroscope]
columns = ["gx", "gy", "gz"]
unit = "deg/s"
)");
  auto m = read_column_mapping(good);
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_EQ(m->time_unit, TimeUnit::kMilliseconds);
  EXPECT_EQ(m->acc_unit, AccUnit::kG);
  EXPECT_EQ(m->gyr_columns[2], "gz");

  const auto bad_unit = tmp.write("bad.toml", R"([time]
rate_hz = 100
[accelerometer]
columns = ["ax", "ay", "az"]
unit = "furlongs"
[gyroscope]
columns = ["gx", "gy", "gz"]
unit = "rad/s"
)");
  auto e = read_column_mapping(bad_unit);
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().to_string().find("accelerometer.unit"), std::string::npos)
      << e.error().to_string();

  const auto two_columns = tmp.write("two.toml", R"([time]
rate_hz = 100
[accelerometer]
columns = ["ax", "ay"]
unit = "g"
[gyroscope]
columns = ["gx", "gy", "gz"]
unit = "rad/s"
)");
  auto e2 = read_column_mapping(two_columns);
  ASSERT_FALSE(e2);
  EXPECT_NE(e2.error().where.find("accelerometer.columns"), std::string::npos);
}

std::string ipol(const std::vector<int>& counters) {
  std::string text = "Acquisition frequency: 100 Hz\n";
  text += "PacketCounter\tAcc_X\tAcc_Y\tAcc_Z\tGyr_X\tGyr_Y\tGyr_Z\tMag_X\tMag_Y\tMag_Z\n";
  for (int c : counters) {
    text += fmt::format("{}.0\t0.1\t0.2\t9.8\t{}\t0\t0\t0.5\t0\t-0.4\n", c, c * 0.01);
  }
  return text;
}

TEST(IpolImu, PacketClockAndLostPackets) {
  TempDir tmp;
  // Counter starts at 2 and packets 5 and 6 are lost.
  const auto path = tmp.write("1-1_lf.txt", ipol({2, 3, 4, 7, 8, 9}));
  auto s = read_ipol_imu(path, Placement::kLeftFoot);
  ASSERT_TRUE(s) << s.error().to_string();
  EXPECT_NEAR(s->t0_s, 0.02, 1e-12);  // sample k is packet 2 + k
  EXPECT_EQ(s->size(), 8u);
  EXPECT_EQ(s->filled_samples, 2u);
  EXPECT_NEAR(s->gyr_rps[3].x, 0.05, 1e-12);  // packet 5, interpolated
  EXPECT_EQ(s->mag.size(), 8u);
  // read_imu_file recognises the format from the first line.
  auto detected = read_imu_file(path, Placement::kLeftFoot, {});
  ASSERT_TRUE(detected);
  EXPECT_EQ(detected->size(), 8u);
}

TEST(IpolImu, HeaderProblems) {
  TempDir tmp;
  auto no_rate = read_ipol_imu(tmp.write("a.txt", "PacketCounter\tAcc_X\n"), Placement::kLeftFoot);
  ASSERT_FALSE(no_rate);
  EXPECT_EQ(no_rate.error().where, "a.txt:1");
  std::string missing_gyro =
      "Acquisition frequency: 100 Hz\nPacketCounter\tAcc_X\tAcc_Y\tAcc_Z\n0\t1\t2\t3\n";
  auto e = read_ipol_imu(tmp.write("b.txt", missing_gyro), Placement::kLeftFoot);
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message.find("Gyr_X"), std::string::npos);
  std::string truncated = ipol({0, 1, 2});
  truncated += "3.0\t0.1\t0.2\n";
  auto t = read_ipol_imu(tmp.write("c.txt", truncated), Placement::kLeftFoot);
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().to_string().find("c.txt:6"), std::string::npos) << t.error().to_string();
}

TEST(ImuFile, CsvWithoutAMappingIsRefused) {
  TempDir tmp;
  auto s = read_imu_file(tmp.write("x.csv", csv_rows(',', 5)), Placement::kLeftFoot, {});
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().hint.find("--columns"), std::string::npos);
}

}  // namespace
}  // namespace openpt::gait
