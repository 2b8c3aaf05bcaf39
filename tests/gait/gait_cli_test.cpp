// `openpt gait` end to end on IPOL-format files the test writes from the synthetic foot
// signal: the JSON report has every known event (side, type, t_s, sample) and the known
// cadence; text and HTML lead with the parameters; bad sensors, flags and units exit 2
// with a message naming the problem. A lower-back sensor alone (the synthetic walker of
// simulate_gait.h) gives sided contacts, the known cadence and the known turn.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "openpt/gait/simulate_gait.h"
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

// `openpt gait --sensor SENSOR -o gait.html`: the page ("" when the command failed).
std::string html_report(const TempDir& tmp, const std::string& sensor) {
  const auto path = tmp.path() / "gait.html";
  auto r = run_openpt({"gait", "--sensor", sensor, "-o", path.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
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
  const std::string page = html_report(f.tmp, "left_foot=" + f.left.string());
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
      {{"gait", "--sensor", left, "--date", "2026-02-30"}, "is not a calendar day"},
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

struct BackWalk {
  TempDir tmp;
  std::filesystem::path file;
  SimulatedGait sim;
};

void write_back_walk(BackWalk& w) {
  GaitSimOptions o;  // 110 steps/min
  o.left_foot = o.right_foot = false;
  o.turn = true;
  o.strides = 12;
  o.random_mounting = true;
  o.seed = 11;
  auto sim = simulate_gait(o);
  ASSERT_TRUE(sim) << sim.error().to_string();
  w.sim = std::move(*sim);
  w.file = w.tmp.write("walk_lb.txt", as_ipol(*w.sim.recording.find(Placement::kLowerBack)));
}

TEST(GaitCli, LowerBackAlone) {
  BackWalk w;
  write_back_walk(w);
  auto r = run_openpt({"gait", "--sensor", "lower_back=" + w.file.string(), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["parameters_source"], "lower_back");
  EXPECT_NEAR(doc["parameters"]["cadence_spm"].get<double>(), 110, 1.1);  // within 1 %
  EXPECT_TRUE(doc["parameters"]["stride_length_m"].is_null() ||
              doc["parameters"]["left"]["stride_length_m"]["n"] == 0);
  std::size_t ics = 0, truth_ics = 0;
  for (const auto& e : doc["events"]) {
    EXPECT_EQ(e["source"], "lower_back");
    EXPECT_NE(e["side"], "unknown");
    ics += e["type"] == "initial_contact";
  }
  for (const auto& e : w.sim.events) truth_ics += e.type == EventType::kInitialContact;
  EXPECT_EQ(ics, truth_ics - 1);  // all but the closing step, which does not move the trunk
  const auto& back = doc["lower_back"];
  EXPECT_EQ(back["source"], "walk_lb.txt");
  ASSERT_EQ(back["turns"].size(), 1u);
  EXPECT_NEAR(back["turns"][0]["angle_deg"].get<double>(), 180, 15);
  ASSERT_EQ(back["walking_bouts"].size(), 1u);
  for (const auto& warning : doc["warnings"]) {
    EXPECT_EQ(warning.get<std::string>().find("not detected yet"), std::string::npos);
  }
  auto text = run_openpt({"gait", "--sensor", "lower_back=" + w.file.string()});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("from the lower-back sensor"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("1 turn(s)"), std::string::npos) << text.out;
  const std::string page = html_report(w.tmp, "lower_back=" + w.file.string());
  EXPECT_NE(page.find("lower back: smoothed vertical acceleration"), std::string::npos);
}

TEST(GaitCli, LowerBackStandingStillAndBadUnits) {
  BackWalk w;
  write_back_walk(w);
  // 10 s standing: the walker's first sample plus small deterministic wobble.
  ImuSignal still = *w.sim.recording.find(Placement::kLowerBack);
  const Vec3 a0 = still.acc_mps2.front();
  still.acc_mps2.resize(1000);
  still.gyr_rps.resize(1000);
  for (std::size_t i = 0; i < 1000; ++i) {
    const double k = static_cast<double>(i);
    still.acc_mps2[i] = a0 + Vec3{std::sin(1.3 * k), std::sin(2.1 * k), std::cos(0.7 * k)} * 0.03;
    still.gyr_rps[i] = Vec3{std::sin(1.1 * k), std::cos(1.9 * k), std::sin(0.3 * k)} * 0.005;
  }
  const auto still_file = w.tmp.write("still_lb.txt", as_ipol(still));
  auto r = run_openpt({"gait", "--sensor", "lower_back=" + still_file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("no walking found"), std::string::npos) << r.out;
  ImuSignal in_g = *w.sim.recording.find(Placement::kLowerBack);
  for (auto& a : in_g.acc_mps2) a = a * (1 / kStandardGravity);
  const auto g_file = w.tmp.write("g_lb.txt", as_ipol(in_g));
  auto bad = run_openpt({"gait", "--sensor", "lower_back=" + g_file.string()});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_NE(bad.err.find("g_lb.txt"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace openpt::gait
