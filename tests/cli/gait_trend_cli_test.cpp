// `openpt gait-trend` end to end: the real binary on gait reports and CSV tables written
// into a temporary folder.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace openpt::testing {
namespace {

// The date `day` days after 2026-10-24, "YYYY-MM-DD".
std::string date(int day) {
  using namespace std::chrono;
  const year_month_day d{sys_days{2026y / October / 24} + days{day}};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(d.year()),
                     static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

// A minimal gait report ("openpt.gait/1") of one session.
std::string gait_report(const std::string& date_json, double cadence_spm) {
  return fmt::format(
      R"({{"format": "openpt.gait/1", "generator": "openpt 0.1.0", "session": {{"date": {}}},
  "sensors": [], "events": [],
  "parameters": {{"start_s": 0, "end_s": 30, "steps": 50, "cadence_spm": {}, "gait_speed_mps": null,
    "left": {{"stride_time_s": {{"mean": 1.1, "sd": 0.02, "cv_pct": 1.8, "n": 15}}}},
    "right": {{"stride_time_s": {{"mean": 1.1, "sd": 0.02, "cv_pct": 2.0, "n": 15}}}},
    "symmetry": [{{"parameter": "stride_time_s", "index_pct": 1.5, "ratio": 1.02}}]}},
  "bouts": [], "turns": [], "warnings": []}})",
      date_json, cadence_spm);
}

// 28 daily sessions, w00.json .. w27.json: cadence around 108, 12 % lower on the last 3 days
// (2026-11-18 to 2026-11-20).
std::vector<std::string> write_sessions(const TempDir& tmp, bool drop = true) {
  const double week[] = {108, 107, 109, 108, 106, 110, 108};
  std::vector<std::string> files;
  for (int i = 0; i < 28; ++i) {
    const double cadence = drop && i >= 25 ? 108 * 0.88 : week[i % 7];
    files.push_back(
        tmp.write(fmt::format("w{:02d}.json", i), gait_report("\"" + date(i) + "\"", cadence))
            .string());
  }
  return files;
}

std::vector<std::string> args(std::vector<std::string> head, const std::vector<std::string>& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

bool contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

constexpr const char* kSentence =
    "cadence fell 12 % below the 2-week baseline (108 steps/min) on 3 consecutive days "
    "(2026-11-18 to 2026-11-20)";

TEST(GaitTrendCli, TextLeadsWithTheAlertSentence) {
  TempDir tmp;
  const CommandResult r = run_openpt(args({"gait-trend"}, write_sessions(tmp)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, kSentence)) << r.out;
  EXPECT_LT(r.out.find("ALERTS (1)"), r.out.find("cadence (cadence_spm")) << "alerts first";
  EXPECT_TRUE(contains(r.out, "2026-11-18    1         95        108   -12.0 %")) << r.out;
  EXPECT_TRUE(contains(r.out,
                       "unknown in every session, so not trended: gait_speed_mps, "
                       "stride_length_m, double_support_pct, step_time_si_pct"))
      << r.out;
  EXPECT_FALSE(contains(r.out, tmp.path().string())) << "no directories in the report";
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST(GaitTrendCli, NoAlertIsStillSuccess) {
  TempDir tmp;
  const CommandResult r = run_openpt(args({"gait-trend"}, write_sessions(tmp, false)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "No deterioration detected.")) << r.out;
}

TEST(GaitTrendCli, JsonHasTheAlert) {
  TempDir tmp;
  const CommandResult r = run_openpt(args({"gait-trend", "--format", "json"}, write_sessions(tmp)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["format"], "openpt.gait-trend/1");
  EXPECT_EQ(j["sessions"]["count"], 28);
  EXPECT_EQ(j["sessions"]["first_date"], "2026-10-24");
  ASSERT_EQ(j["alerts"].size(), 1u);
  const auto& a = j["alerts"][0];
  EXPECT_EQ(a["parameter"], "cadence_spm");
  EXPECT_EQ(a["kind"], "threshold_run");
  EXPECT_EQ(a["first_date"], "2026-11-18");
  EXPECT_EQ(a["last_date"], "2026-11-20");
  EXPECT_EQ(a["ongoing"], true);
  EXPECT_NEAR(a["change_pct"].get<double>(), -12, 1e-6);
  EXPECT_EQ(a["baseline"]["value"], 108.0);
  EXPECT_EQ(a["observed"].size(), 3u);
  EXPECT_EQ(a["message"], kSentence);
  const auto& cadence = j["parameters"][0];
  EXPECT_EQ(cadence["name"], "cadence_spm");
  EXPECT_EQ(cadence["worse"], "lower");
  ASSERT_EQ(cadence["days"].size(), 28u);
  EXPECT_TRUE(cadence["days"][0]["baseline"].is_null());
  EXPECT_EQ(cadence["days"][27]["alert"], true);
  EXPECT_EQ(j["parameters"][1]["days"].size(), 0u) << "gait speed is null everywhere";
}

TEST(GaitTrendCli, HtmlFromTheOutputExtensionHasPlots) {
  TempDir tmp;
  const auto out = tmp.path() / "trend.html";
  const CommandResult r = run_openpt(args({"gait-trend", "-o", out.string()}, write_sessions(tmp)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  const std::string html = read_file(out);
  EXPECT_TRUE(contains(html, "<!DOCTYPE html>"));
  EXPECT_TRUE(contains(html, "<svg"));
  EXPECT_TRUE(contains(html, kSentence));
  EXPECT_FALSE(contains(html, "<script"));
}

TEST(GaitTrendCli, CsvTableAndFlags) {
  TempDir tmp;
  std::string csv = "date,cadence_spm,gait_speed_mps,note\n";
  for (int i = 0; i < 10; ++i) {
    csv += fmt::format("{},{},{},x\n", date(7 * i), i < 7 ? 108 : 92, i < 7 ? 1.2 : 1.0);
  }
  const auto file = tmp.write("clinic.csv", csv);
  // Weekly visits: with the default 14-day window nothing can be judged...
  const CommandResult narrow = run_openpt({"gait-trend", file.string()});
  ASSERT_EQ(narrow.exit_code, 0) << narrow.err;
  EXPECT_TRUE(contains(narrow.out, "No deterioration detected."));
  EXPECT_TRUE(contains(narrow.out, "widen the baseline window")) << narrow.out;
  EXPECT_TRUE(contains(narrow.out, "clinic.csv: ignored column \"note\"")) << narrow.out;
  // ...with a 6-week window the last 3 visits are an alert for cadence only.
  const CommandResult wide = run_openpt({"gait-trend", file.string(), "--window-days", "42",
                                         "--parameters", "cadence_spm", "--format", "json"});
  ASSERT_EQ(wide.exit_code, 0) << wide.err;
  const auto j = nlohmann::json::parse(wide.out);
  ASSERT_EQ(j["alerts"].size(), 1u);
  EXPECT_EQ(j["alerts"][0]["message"],
            "cadence fell 15 % below the 6-week baseline (108 steps/min) on 3 consecutive "
            "sessions (2026-12-12 to 2026-12-26)");
  EXPECT_EQ(j["parameters"].size(), 1u);
}

TEST(GaitTrendCli, TooFewSessionsSayHowManyMore) {
  TempDir tmp;
  std::vector<std::string> files = write_sessions(tmp);
  files.resize(4);
  const CommandResult r = run_openpt(args({"gait-trend"}, files));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "only 4 session days")) << r.out;
  EXPECT_TRUE(contains(r.out, "so 2 more are needed")) << r.out;
}

// ---- bad input --------------------------------------------------------------------------------

TEST(GaitTrendCli, BadFileIsExitTwoNamingIt) {
  TempDir tmp;
  std::vector<std::string> files = write_sessions(tmp);
  files[5] = tmp.write("w05.json", gait_report("null", 108)).string();
  const CommandResult r = run_openpt(args({"gait-trend"}, files));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_TRUE(contains(r.err, "openpt: error: w05.json: session.date: missing")) << r.err;
  EXPECT_TRUE(contains(r.err, "--date YYYY-MM-DD")) << r.err;
  EXPECT_FALSE(contains(r.err, tmp.path().string())) << "file names only";

  const auto pose = tmp.write("pose.json", R"({"schema": "openpt.pose/1", "frames": []})");
  const CommandResult p = run_openpt({"gait-trend", pose.string()});
  EXPECT_EQ(p.exit_code, 2);
  EXPECT_TRUE(contains(p.err, "pose.json: format: missing")) << p.err;

  const auto csv = tmp.write("bad.csv", "date,cadence_spm\n2026-11-20,fast\n");
  const CommandResult c = run_openpt({"gait-trend", csv.string()});
  EXPECT_EQ(c.exit_code, 2);
  EXPECT_TRUE(contains(c.err, "bad.csv:2: column 2 (cadence_spm)")) << c.err;

  const CommandResult missing = run_openpt({"gait-trend", (tmp.path() / "nope.json").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(contains(missing.err, "nope.json")) << missing.err;
}

TEST(GaitTrendCli, BadFlagsAreExitTwo) {
  TempDir tmp;
  const std::vector<std::string> files = write_sessions(tmp);
  const CommandResult window = run_openpt(args({"gait-trend", "--window-days", "0"}, files));
  EXPECT_EQ(window.exit_code, 2);
  EXPECT_TRUE(contains(window.err, "--window-days")) << window.err;
  const CommandResult consecutive = run_openpt(args({"gait-trend", "--consecutive", "0"}, files));
  EXPECT_EQ(consecutive.exit_code, 2);
  EXPECT_TRUE(contains(consecutive.err, "--consecutive")) << consecutive.err;
  const CommandResult change = run_openpt(args({"gait-trend", "--min-change-pct", "-5"}, files));
  EXPECT_EQ(change.exit_code, 2);
  const CommandResult parameter =
      run_openpt(args({"gait-trend", "--parameters", "cadence_spm,speed"}, files));
  EXPECT_EQ(parameter.exit_code, 2);
  EXPECT_TRUE(contains(parameter.err, "--parameters: unknown gait parameter 'speed'"))
      << parameter.err;
  const CommandResult format = run_openpt(args({"gait-trend", "--format", "pdf"}, files));
  EXPECT_EQ(format.exit_code, 2);
  const CommandResult none = run_openpt({"gait-trend"});
  EXPECT_EQ(none.exit_code, 2);
  const CommandResult over = run_openpt({"gait-trend", files[0], "-o", files[0]});
  EXPECT_EQ(over.exit_code, 2);
  EXPECT_TRUE(contains(read_file(files[0]), "openpt.gait/1")) << "the input survives";
}

TEST(GaitTrendCli, HelpDescribesInputsAndExitStatus) {
  const CommandResult r = run_openpt({"gait-trend", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(contains(r.out, "--window-days"));
  EXPECT_TRUE(contains(r.out, "openpt.gait/1"));
  EXPECT_TRUE(contains(r.out, "whether or not there are alerts"));
}

}  // namespace
}  // namespace openpt::testing
