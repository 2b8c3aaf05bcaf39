// `openpt gait` end to end on IPOL-format files the test writes from the synthetic foot
// signal: the JSON report has every known event (side, type, t_s, sample) and the known
// cadence; text and HTML lead with the parameters; bad sensors, flags and units exit 2
// with a message naming the problem.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "support/test_support.h"
#include "synthetic_foot.h"

namespace openpt::gait {
namespace {

using openpt::testing::run_openpt;
using openpt::testing::TempDir;

std::string as_ipol(const ImuSignal& s) {
  std::string text = "Acquisition frequency: 100 Hz\n";
  text += "PacketCounter\tAcc_X\tAcc_Y\tAcc_Z\tGyr_X\tGyr_Y\tGyr_Z\n";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto& a = s.acc_mps2[i];
    const auto& g = s.gyr_rps[i];
    text += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\n", i, a.x, a.y, a.z, g.x, g.y, g.z);
  }
  return text;
}

struct Files {
  TempDir tmp;
  std::filesystem::path left, right;
  testing::SyntheticFoot l, r;
};

void write_walk(Files& f) {
  testing::SyntheticFootOptions lo;  // stride 1.1 s
  f.l = testing::make_synthetic_foot(lo);
  testing::SyntheticFootOptions ro;
  ro.placement = Placement::kRightFoot;
  ro.offset_s = 0.55;
  ro.strides = 10;
  ro.axis = {-0.2, 0.95, 0.1};
  f.r = testing::make_synthetic_foot(ro);
  f.left = f.tmp.write("walk_lf.txt", as_ipol(f.l.signal));
  f.right = f.tmp.write("walk_rf.txt", as_ipol(f.r.signal));
}

TEST(GaitCli, JsonHasTheKnownEventsAndCadence) {
  Files f;
  write_walk(f);
  auto r =
      run_openpt({"gait", "--sensor", "left_foot=" + f.left.string(), "--sensor",
                  "right_foot=" + f.right.string(), "--format", "json", "--date", "2026-11-20"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["format"], "openpt.gait/1");
  EXPECT_EQ(doc["session"]["date"], "2026-11-20");
  std::size_t left_ic = 0, right_fc = 0;
  for (const auto& e : doc["events"]) {
    const double t = e["t_s"].get<double>();
    EXPECT_NEAR(t, e["sample"].get<double>() / 100.0, 1e-9);
    if (e["side"] == "left" && e["type"] == "initial_contact") {
      ASSERT_LT(left_ic, f.l.ic_s.size());
      EXPECT_NEAR(t, f.l.ic_s[left_ic++], 0.0101);
    }
    if (e["side"] == "right" && e["type"] == "final_contact") {
      ASSERT_LT(right_fc, f.r.fc_s.size());
      EXPECT_NEAR(t, f.r.fc_s[right_fc++], 0.0101);
    }
  }
  EXPECT_EQ(left_ic, f.l.ic_s.size());
  EXPECT_EQ(right_fc, f.r.fc_s.size());
  const auto& p = doc["parameters"];
  EXPECT_NEAR(p["cadence_spm"].get<double>(), 120.0 / 1.1, 0.5);
  EXPECT_NEAR(p["left"]["stride_time_s"]["mean"].get<double>(), 1.1, 0.011);
  EXPECT_TRUE(p["gait_speed_mps"].is_null());
}

TEST(GaitCli, TextAndHtml) {
  Files f;
  write_walk(f);
  auto text = run_openpt({"gait", "--sensor", "left_foot=" + f.left.string(), "--sensor",
                          "right_foot=" + f.right.string()});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out.find("Gait report"), 0u);
  EXPECT_NE(text.out.find("Cadence 109."), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("stride time (s)"), std::string::npos);
  const auto html_path = f.tmp.path() / "gait.html";
  auto html =
      run_openpt({"gait", "--sensor", "left_foot=" + f.left.string(), "-o", html_path.string()});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  std::ifstream in(html_path);
  const std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(page.find("<svg"), std::string::npos);
  EXPECT_EQ(page.find(f.tmp.path().string()), std::string::npos);  // no directories
}

TEST(GaitCli, BadInputExitsTwo) {
  Files f;
  write_walk(f);
  const std::string left = "left_foot=" + f.left.string();
  struct Case {
    std::vector<std::string> args;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {{"gait", "--sensor", "left_knee=" + f.left.string()}, "unknown sensor placement"},
      {{"gait", "--sensor", f.left.string()}, "PLACEMENT=FILE"},
      {{"gait", "--sensor", "left_foot=" + (f.tmp.path() / "none.txt").string()}, "none.txt"},
      {{"gait", "--sensor", left, "--date", "2026-02-30"}, "no such date"},
      {{"gait", "--sensor", left, "--format", "pdf"}, "unknown report format"},
      {{"gait", "--sensor", left, "--sensor", "left_foot=" + f.right.string()},
       "two sensors at left_foot"},
      {{"gait", "--sensor", "left_foot=" + f.tmp.write("x.csv", "t,a\n1,2\n").string()},
       "column mapping"},
      {{"gait", "--sensor", "left_foot=" + f.tmp.write("x.csv", "t,a\n1,2\n").string(),
        "--acc-cols", "a,b,c", "--gyr-cols", "d,e,f", "--time-col", "t"},
       "accelerometer unit is required"},
      {{"gait", "--sensor", left, "--max-gap", "0"}, "--max-gap"},
  };
  for (const auto& c : cases) {
    auto r = run_openpt(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args.back() << "\n" << r.err;
    EXPECT_NE(r.err.find(c.expected), std::string::npos) << r.err;
  }
}

TEST(GaitCli, DegreesGivenAsRadiansAreRefused) {
  Files f;
  write_walk(f);
  std::string csv = "t,ax,ay,az,gx,gy,gz\n";
  const auto& s = f.l.signal;
  for (std::size_t i = 0; i < s.size(); ++i) {
    csv += fmt::format("{},{},{},{},{},{},{}\n", i * 0.01, s.acc_mps2[i].x, s.acc_mps2[i].y,
                       s.acc_mps2[i].z, s.gyr_rps[i].x * 57.29578, s.gyr_rps[i].y * 57.29578,
                       s.gyr_rps[i].z * 57.29578);
  }
  const auto path = f.tmp.write("deg.csv", csv);
  const std::vector<std::string> base = {"gait",       "--sensor",   "left_foot=" + path.string(),
                                         "--time-col", "t",          "--acc-cols",
                                         "ax,ay,az",   "--acc-unit", "m/s2",
                                         "--gyr-cols", "gx,gy,gz",   "--gyr-unit"};
  auto wrong = base;
  wrong.push_back("rad/s");
  auto r = run_openpt(wrong);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("deg/s"), std::string::npos) << r.err;
  auto right = base;
  right.push_back("deg/s");
  auto ok = run_openpt(right);
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

}  // namespace
}  // namespace openpt::gait
