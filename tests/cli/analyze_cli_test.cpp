// `openpt analyze` end to end: the real binary on small files written by hand.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numbers>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "support/test_support.h"

namespace openpt::testing {
namespace {

struct Point {
  const char* name;
  double x, y, z;
};

// One frame of a kinect22 subject standing upright (metres, y up, facing +z, left = +x),
// the left knee flexed by `knee_deg` (the shank swings backwards), the right leg straight.
std::vector<Point> kinect22_frame(double knee_deg) {
  const double a = knee_deg * std::numbers::pi / 180;
  const double ankle_y = 0.5 - 0.42 * std::cos(a), ankle_z = -0.42 * std::sin(a);
  return {{"waist", 0, 1.0, 0},
          {"spine", 0, 1.15, 0},
          {"chest", 0, 1.3, 0},
          {"neck", 0, 1.45, 0},
          {"head", 0, 1.55, 0},
          {"head_tip", 0, 1.7, 0},
          {"left_collar", 0.08, 1.42, 0},
          {"left_shoulder", 0.2, 1.42, 0},
          {"left_elbow", 0.22, 1.14, 0},
          {"left_wrist", 0.22, 0.88, 0.02},
          {"right_collar", -0.08, 1.42, 0},
          {"right_shoulder", -0.2, 1.42, 0},
          {"right_elbow", -0.22, 1.14, 0},
          {"right_wrist", -0.22, 0.88, 0.02},
          {"left_hip", 0.1, 0.95, 0},
          {"left_knee", 0.1, 0.5, 0},
          {"left_ankle", 0.1, ankle_y, ankle_z},
          {"left_toe", 0.1, ankle_y - 0.05, ankle_z + 0.15},
          {"right_hip", -0.1, 0.95, 0},
          {"right_knee", -0.1, 0.5, 0},
          {"right_ankle", -0.1, 0.08, 0},
          {"right_toe", -0.1, 0.03, 0.15}};
}

std::string wide_csv_header() {
  std::string h = "frame,t_s";
  for (const Point& p : kinect22_frame(0)) h += fmt::format(",{0}_x,{0}_y,{0}_z", p.name);
  return h + "\n";
}

std::string wide_csv_row(std::size_t frame, double t_s, double knee_deg) {
  std::string row = fmt::format("{},{:.6f}", frame, t_s);
  for (const Point& p : kinect22_frame(knee_deg)) {
    row += fmt::format(",{:.6f},{:.6f},{:.6f}", p.x, p.y, p.z);
  }
  return row + "\n";
}

// 3 s at 30 fps: the left knee bends smoothly from straight to 90° and back.
std::string knee_bend_csv() {
  std::string csv = wide_csv_header();
  for (std::size_t i = 0; i <= 90; ++i) {
    const double t = static_cast<double>(i) / 30;
    csv += wide_csv_row(i, t, 45 * (1 - std::cos(2 * std::numbers::pi * t / 3)));
  }
  return csv;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

// --- valid input -------------------------------------------------------------------------

TEST(AnalyzeCli, KneeBendGivesKnownRangeOfMotionAsJson) {
  TempDir tmp;
  const auto file = tmp.write("knee_bend.csv", knee_bend_csv());
  const CommandResult r =
      run_openpt({"analyze", file.string(), "--format", "json", "--exercise", "squat"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "openpt.assessment/1");
  EXPECT_EQ(j["source"], "knee_bend.csv") << "file name only, no directories";
  EXPECT_EQ(j["exercise"], "squat");
  EXPECT_EQ(j["recording"]["skeleton"], "kinect22");
  EXPECT_EQ(j["recording"]["frames"], 91);
  EXPECT_EQ(j["analysis"]["mode"], "3d");
  const auto& left = j["angles"]["left_knee_flexion"];
  EXPECT_NEAR(left["rom_deg"].get<double>(), 90, 0.5);
  EXPECT_NEAR(left["max_deg"].get<double>(), 90, 0.5);
  EXPECT_NEAR(left["min_deg"].get<double>(), 0, 0.5);
  EXPECT_NEAR(j["angles"]["right_knee_flexion"]["rom_deg"].get<double>(), 0, 0.5);
  ASSERT_FALSE(j["asymmetry"].empty());
  EXPECT_EQ(j["asymmetry"][0]["angle"], "knee_flexion");
  EXPECT_EQ(j["series"]["t_s"].size(), 91u);
  EXPECT_EQ(j["series"]["left_knee_flexion"].size(), 91u);
}

TEST(AnalyzeCli, TextIsTheDefaultOnStandardOutput) {
  TempDir tmp;
  const auto file = tmp.write("knee_bend.csv", knee_bend_csv());
  const CommandResult r = run_openpt({"analyze", file.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "Left knee flexion")) << r.out;
  EXPECT_TRUE(contains(r.out, "3D (world coordinates)")) << r.out;
  EXPECT_TRUE(contains(r.out, "kinect22"));
  EXPECT_FALSE(contains(r.out, tmp.path().string())) << "no directories in the report";
}

TEST(AnalyzeCli, OutputFileFormatFollowsTheExtension) {
  TempDir tmp;
  const auto file = tmp.write("knee_bend.csv", knee_bend_csv());
  const auto html = tmp.path() / "report.html";
  const CommandResult r = run_openpt({"analyze", file.string(), "-o", html.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  const std::string page = read_file(html);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_TRUE(contains(page, "<svg"));
  EXPECT_FALSE(std::filesystem::exists(tmp.path() / "report.html.tmp"));

  const auto json = tmp.path() / "report.json";
  ASSERT_EQ(run_openpt({"analyze", file.string(), "-o", json.string()}).exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(read_file(json))["schema"], "openpt.assessment/1");
}

TEST(AnalyzeCli, NoFilterWhenCutoffIsZero) {
  TempDir tmp;
  const auto file = tmp.write("knee_bend.csv", knee_bend_csv());
  const CommandResult r =
      run_openpt({"analyze", file.string(), "--format", "json", "--cutoff-hz", "0"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_FALSE(j["analysis"].contains("lowpass_cutoff_hz"));
  EXPECT_NEAR(j["angles"]["left_knee_flexion"]["max_deg"].get<double>(), 90, 0.01);
}

TEST(AnalyzeCli, HelpListsFormatsAndFlags) {
  const CommandResult r = run_openpt({"analyze", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* s : {"--exercise", "--fps", "--format", "--input-format", "--view",
                        "--min-visibility", "--cutoff-hz", "wide-csv", "mediapipe-json", "npy",
                        "openpose", "openpt.assessment/1", "html"}) {
    EXPECT_TRUE(contains(r.out, s)) << s;
  }
}

// --- bad input: exit 2 with a message that says where -----------------------------------

TEST(AnalyzeCli, MissingFileNamesTheFile) {
  TempDir tmp;
  const auto missing = tmp.path() / "no_such_recording.json";
  const CommandResult r = run_openpt({"analyze", missing.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "no_such_recording.json")) << r.err;
  EXPECT_TRUE(contains(r.err, "openpt: error:")) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(AnalyzeCli, EmptyFile) {
  TempDir tmp;
  const auto file = tmp.write("empty.json", "");
  const CommandResult r = run_openpt({"analyze", file.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "empty.json")) << r.err;
}

TEST(AnalyzeCli, TruncatedJson) {
  TempDir tmp;
  const auto file =
      tmp.write("cut.json",
                R"({"schema": "openpt.pose/1", "skeleton": "blazepose33", "frames": [{"t_s": 0,)");
  const CommandResult r = run_openpt({"analyze", file.string(), "--input-format", "openpt-json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "cut.json")) << r.err;
}

TEST(AnalyzeCli, WrongColumnCountNamesTheLine) {
  TempDir tmp;
  std::string csv = wide_csv_header() + wide_csv_row(0, 0, 0) + wide_csv_row(1, 1 / 30.0, 0);
  csv += "2,0.066667,0,1,0\n";  // line 4: far too few cells
  const auto file = tmp.write("short_row.csv", csv);
  const CommandResult r = run_openpt({"analyze", file.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "short_row.csv:4")) << r.err;
}

TEST(AnalyzeCli, InfiniteCoordinateIsRejected) {
  TempDir tmp;
  std::string row = wide_csv_row(1, 1 / 30.0, 0);
  row.replace(row.find(",0.000000,"), 10, ",inf,");
  const auto file = tmp.write("inf.csv", wide_csv_header() + wide_csv_row(0, 0, 0) + row);
  const CommandResult r = run_openpt({"analyze", file.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "inf.csv:3")) << r.err;
}

TEST(AnalyzeCli, NanTimestampIsRejected) {
  TempDir tmp;
  std::string row = wide_csv_row(1, 0, 0);
  row.replace(row.find(",0.000000,"), 10, ",nan,");  // the t_s cell
  const auto file = tmp.write("nan_time.csv", wide_csv_header() + wide_csv_row(0, 0, 0) + row);
  const CommandResult r = run_openpt({"analyze", file.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "nan_time.csv")) << r.err;
}

TEST(AnalyzeCli, TimeGoingBackwardsNamesTheFrame) {
  TempDir tmp;
  const std::string csv = wide_csv_header() + wide_csv_row(0, 0.0, 0) + wide_csv_row(1, 0.1, 0) +
                          wide_csv_row(2, 0.05, 0);
  const auto file = tmp.write("backwards.csv", csv);
  const CommandResult r = run_openpt({"analyze", file.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "backwards.csv")) << r.err;
  EXPECT_TRUE(contains(r.err, "frame 2")) << r.err;
}

TEST(AnalyzeCli, UnknownSkeletonInWideCsv) {
  TempDir tmp;
  const auto file =
      tmp.write("alien.csv", "frame,t_s,tentacle_x,tentacle_y,tentacle_z\n0,0,1,2,3\n");
  const CommandResult r = run_openpt({"analyze", file.string(), "--input-format", "wide-csv"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "alien.csv")) << r.err;
  EXPECT_TRUE(contains(r.err, "skeleton")) << r.err;
}

TEST(AnalyzeCli, BadFlagValuesNameTheFlag) {
  TempDir tmp;
  const auto file = tmp.write("knee_bend.csv", knee_bend_csv());
  const std::vector<std::vector<std::string>> cases = {{"--fps", "0"},
                                                       {"--fps", "1001"},
                                                       {"--fps", "nan"},
                                                       {"--min-visibility", "1.5"},
                                                       {"--min-visibility", "-0.1"},
                                                       {"--cutoff-hz", "-1"},
                                                       {"--exercise", "Squat!"},
                                                       {"--exercise", "sit to stand"},
                                                       {"--format", "pdf"},
                                                       {"--view", "top"},
                                                       {"--coordinates", "3d"},
                                                       {"--input-format", "xml"}};
  for (const auto& flag : cases) {
    const CommandResult r = run_openpt({"analyze", file.string(), flag[0], flag[1]});
    EXPECT_EQ(r.exit_code, 2) << flag[0] << " " << flag[1];
    EXPECT_TRUE(contains(r.err, flag[0])) << flag[0] << " " << flag[1] << ": " << r.err;
    EXPECT_EQ(r.out, "") << flag[0];
  }
  EXPECT_EQ(run_openpt({"analyze", file.string(), "--fps", "abc"}).exit_code, 2);
  EXPECT_EQ(run_openpt({"analyze"}).exit_code, 2) << "FILE is required";
}

TEST(AnalyzeCli, UnwritableOutputIsBadInput) {
  TempDir tmp;
  const auto file = tmp.write("knee_bend.csv", knee_bend_csv());
  const auto out = tmp.path() / "no_such_dir" / "report.txt";
  const CommandResult r = run_openpt({"analyze", file.string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "report.txt")) << r.err;
}

}  // namespace
}  // namespace openpt::testing

namespace openpt::testing {
namespace {

TEST(AnalyzeCliOutput, RefusesToOverwriteTheInputRecording) {
  TempDir tmp;
  const auto input = tmp.write("knee.csv", knee_bend_csv());
  const auto r = run_openpt({"analyze", input.string(), "-o", input.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("input recording"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(input), knee_bend_csv());
}

TEST(AnalyzeCliOutput, WritesIntoDevNullWithoutReplacingIt) {
  TempDir tmp;
  const auto input = tmp.write("knee.csv", knee_bend_csv());
  const auto r = run_openpt({"analyze", input.string(), "-o", "/dev/null"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::is_character_file("/dev/null"));
}

TEST(AnalyzeCliOutput, ControlCharactersInTheFileNameAreNotPrinted) {
  TempDir tmp;
  const auto input = tmp.write("bad\x1b[31mname\x01.csv", knee_bend_csv());
  const auto r = run_openpt({"analyze", input.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  EXPECT_NE(r.out.find("bad?[31mname?.csv"), std::string::npos);
}

}  // namespace
}  // namespace openpt::testing

// --- exercise assessment: --exercise NAME|auto|FILE.toml, --exercise-dir, openpt exercises

namespace openpt::testing {
namespace {

// A clean simulated squat: `reps` reps of 3 s with 1 s pauses, so rep k (1-based) runs from
// 1 + 4(k − 1) s to 4 + 4(k − 1) s with its turning point (deepest) half way.
std::filesystem::path simulated_squat(const TempDir& tmp, int reps) {
  const auto file = tmp.path() / "squat.json";
  const CommandResult r =
      run_openpt({"simulate", "squat", "--reps", std::to_string(reps), "-o", file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return file;
}

// A valid exercise file with id `id`: knee flexion, one depth rule; `mild` is spliced in
// verbatim so a test can break it.
std::string exercise_toml(const std::string& id, const std::string& mild) {
  return fmt::format(R"toml(id = "{}"
name = "My squat"
category = "rehabilitation"
views = ["front", "side"]

[movement]
signal = "knee_flexion"
sides = "mean"
direction = "increase"
outward = "eccentric"
target_rom_deg = 100
min_rom_deg = 30
rep_duration_s = [1.0, 8.0]

[[rule]]
code = "depth_not_reached"
title = "Depth not reached"
measure = "rom"
sides = "none"
statistic = "value"
worse = "below"
mild = {}
significant = 60
finding = "Squatted to {{value}} (target {{threshold}})"
cue = "Go a little deeper."
)toml",
                     id, mild);
}

std::size_t position(const std::string& text, const std::string& what) {
  const std::size_t p = text.find(what);
  EXPECT_NE(p, std::string::npos) << "missing: " << what;
  return p;
}

TEST(AnalyzeAssessment, SimulatedSquatHasTheSimulatedRepsAtTheirTimes) {
  TempDir tmp;
  const int reps = 4;
  const auto file = simulated_squat(tmp, reps);
  const CommandResult r =
      run_openpt({"analyze", file.string(), "--exercise", "deep_squat", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["exercise"], "deep_squat");
  EXPECT_EQ(j["exercise_name"], "Deep squat");
  EXPECT_EQ(j["rep_count"], reps);
  ASSERT_EQ(j["reps"].size(), static_cast<std::size_t>(reps)) << "no partial reps";
  for (int k = 0; k < reps; ++k) {
    const auto& rep = j["reps"][k];
    EXPECT_EQ(rep["number"], k + 1);
    EXPECT_EQ(rep["complete"], true);
    EXPECT_NEAR(rep["turn_s"].get<double>(), 2.5 + 4 * k, 0.15) << "rep " << k + 1;
    EXPECT_NEAR(rep["start_s"].get<double>(), 1 + 4 * k, 0.4) << "rep " << k + 1;
    EXPECT_NEAR(rep["end_s"].get<double>(), 4 + 4 * k, 0.4) << "rep " << k + 1;
    EXPECT_NEAR(rep["rom_deg"].get<double>(), 100, 5) << "knees to 100°";
    EXPECT_TRUE(rep["classification"].is_string());
  }
  EXPECT_TRUE(j["score"].is_number());
  EXPECT_TRUE(j["findings"].is_array());
  EXPECT_EQ(j["movement"]["automatic"], false);
  EXPECT_EQ(j["movement"]["partial_reps"], 0);
}

// A recording with world and image landmarks is measured in 3D by default, in the image
// plane with --coordinates image (the simulated squat is filmed from the front: the pelvis
// height carries it there), and --coordinates world on a file without world landmarks is
// an error naming the flag.
TEST(AnalyzeAssessment, CoordinatesChooseWorldOrImageLandmarks) {
  TempDir tmp;
  const auto file = simulated_squat(tmp, 3);
  for (const std::string coordinates : {"auto", "world", "image"}) {
    const CommandResult r = run_openpt({"analyze", file.string(), "--exercise", "squat",
                                        "--coordinates", coordinates, "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << coordinates << ": " << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["analysis"]["mode"], coordinates == "image" ? "2d" : "3d") << coordinates;
    EXPECT_EQ(j["rep_count"], 3) << coordinates;
  }
  const auto image_only = tmp.path() / "normalised.json";
  ASSERT_EQ(run_openpt({"simulate", "squat", "--per-frame-normalised", "-o", image_only.string()})
                .exit_code,
            0);
  const auto world_only = tmp.write("knee_bend.csv", knee_bend_csv());
  for (const auto& [path, coordinates, missing] :
       {std::tuple{image_only, "world", "no world (3D) landmarks"},
        std::tuple{world_only, "image", "no image landmarks"}}) {
    const CommandResult r = run_openpt({"analyze", path.string(), "--coordinates", coordinates});
    EXPECT_EQ(r.exit_code, 2) << coordinates;
    EXPECT_TRUE(contains(r.err, "--coordinates")) << r.err;
    EXPECT_TRUE(contains(r.err, missing)) << r.err;
    EXPECT_EQ(r.out, "");
  }
}

TEST(AnalyzeAssessment, TextAndHtmlLeadWithTheAssessment) {
  TempDir tmp;
  const auto file = simulated_squat(tmp, 3);
  const CommandResult text = run_openpt({"analyze", file.string(), "--exercise", "deep_squat"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  const std::size_t reps = position(text.out, "Repetitions   3");
  const std::size_t score = position(text.out, "Score ");
  const std::size_t findings = position(text.out, "Findings, worst first");
  const std::size_t table = position(text.out, "Rep  Start s");
  const std::size_t angles = position(text.out, "Joint angles (degrees)");
  EXPECT_LT(reps, score);
  EXPECT_LT(score, findings);
  EXPECT_LT(findings, table);
  EXPECT_LT(table, angles);

  const auto html_file = tmp.path() / "squat.html";
  const CommandResult html =
      run_openpt({"analyze", file.string(), "--exercise", "deep_squat", "-o", html_file.string()});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  const std::string page = read_file(html_file);
  const std::size_t section = position(page, "id=\"findings\"");
  const std::size_t rep_table = position(page, "<table class=\"reps\">");
  const std::size_t plot = position(page, ">Repetitions – Knee flexion</text>");
  const std::size_t angle_table = position(page, "<h2>Joint angles</h2>");
  EXPECT_LT(section, rep_table);
  EXPECT_LT(rep_table, plot);
  EXPECT_LT(plot, angle_table);
}

// Simulated left knee valgus of 25° (the deep squat's rule: significant when the left FPPA
// is above 15° for more than 40 % of the descent) and a third rep to 30 % depth (partial).
TEST(AnalyzeAssessment, CompensatedSquatLeadsWithItsFindings) {
  TempDir tmp;
  const auto file = tmp.path() / "valgus.json";
  const CommandResult sim = run_openpt({"simulate", "squat", "--reps", "5", "--left-valgus-deg",
                                        "25", "--rep-depths", "1,1,0.3,1,1", "-o", file.string()});
  ASSERT_EQ(sim.exit_code, 0) << sim.err;
  const CommandResult r =
      run_openpt({"analyze", file.string(), "--exercise", "deep_squat", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["rep_count"], 4);
  EXPECT_EQ(j["movement"]["partial_reps"], 1);
  ASSERT_EQ(j["reps"].size(), 5u);
  EXPECT_EQ(j["reps"][2]["classification"], "partial");
  EXPECT_TRUE(j["reps"][2]["number"].is_null());
  EXPECT_EQ(j["reps"][3]["number"], 3);
  ASSERT_FALSE(j["findings"].empty());
  const auto& worst = j["findings"][0];
  EXPECT_EQ(worst["code"], "knee_valgus");
  EXPECT_EQ(worst["side"], "left");
  EXPECT_EQ(worst["severity"], "significant");
  EXPECT_EQ(worst["reps"], nlohmann::json::array({1, 2, 3, 4}));
  for (const auto& f : j["findings"]) {
    if (f["code"] == "knee_valgus" && f["side"] == "right") {
      EXPECT_EQ(f["severity"], "ok");
    }
  }
  for (const auto& rep : j["reps"]) {
    if (rep["complete"] == true) {
      EXPECT_EQ(rep["classification"], "significant_compensation");
    }
  }
  EXPECT_LT(j["score"].get<double>(), 75);

  const CommandResult text = run_openpt({"analyze", file.string(), "--exercise", "deep_squat"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  const std::size_t valgus = position(text.out, "[SIGNIFICANT] Knee valgus (left)");
  const std::size_t cue = position(text.out, "Patient cue: Push your left knee out");
  const std::size_t well = position(text.out, "What went well");
  const std::size_t angles = position(text.out, "Joint angles (degrees)");
  EXPECT_LT(valgus, cue);
  EXPECT_LT(cue, well);
  EXPECT_LT(well, angles);
  EXPECT_TRUE(contains(text.out, "Repetitions   4 (1 partial repetition not counted)"));
}

TEST(AnalyzeAssessment, AutoCountsTheRepsWithoutFormRules) {
  TempDir tmp;
  const auto file = simulated_squat(tmp, 4);
  const CommandResult r =
      run_openpt({"analyze", file.string(), "--exercise", "auto", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["exercise"], "auto");
  EXPECT_EQ(j["rep_count"], 4);
  EXPECT_TRUE(j["score"].is_null()) << "no exercise, no score";
  EXPECT_TRUE(j["findings"].empty());
  EXPECT_EQ(j["movement"]["automatic"], true);
  // auto is the default.
  const CommandResult d = run_openpt({"analyze", file.string(), "--format", "json"});
  ASSERT_EQ(d.exit_code, 0) << d.err;
  EXPECT_EQ(nlohmann::json::parse(d.out)["rep_count"], 4);
}

TEST(AnalyzeAssessment, UnknownExerciseListsTheLibrary) {
  TempDir tmp;
  const auto file = simulated_squat(tmp, 1);
  const CommandResult r = run_openpt({"analyze", file.string(), "--exercise", "nonsense"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, "--exercise")) << r.err;
  EXPECT_TRUE(contains(r.err, "unknown exercise 'nonsense'")) << r.err;
  for (const char* listed : {"auto", "deep_squat", "sit_to_stand", "shoulder_abduction"}) {
    EXPECT_TRUE(contains(r.err, listed)) << listed << ": " << r.err;
  }
}

TEST(AnalyzeAssessment, ExerciseFileIsUsedAndABrokenOneNamesFileAndKey) {
  TempDir tmp;
  const auto file = simulated_squat(tmp, 2);
  const auto good = tmp.write("my_squat.toml", exercise_toml("my_squat", "80"));
  const CommandResult ok =
      run_openpt({"analyze", file.string(), "--exercise", good.string(), "--format", "json"});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  const auto j = nlohmann::json::parse(ok.out);
  EXPECT_EQ(j["exercise"], "my_squat");
  EXPECT_EQ(j["exercise_name"], "My squat");
  EXPECT_EQ(j["rep_count"], 2);
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["code"], "depth_not_reached");
  EXPECT_EQ(j["findings"][0]["severity"], "ok") << "100° reached, mild below 80°";

  const auto bad = tmp.write("broken_squat.toml", exercise_toml("broken_squat", "\"deep\""));
  const CommandResult r = run_openpt({"analyze", file.string(), "--exercise", bad.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, "broken_squat.toml")) << r.err;
  EXPECT_TRUE(contains(r.err, "mild")) << r.err;
  EXPECT_TRUE(contains(r.err, "must be a number")) << r.err;
}

TEST(AnalyzeAssessment, ExerciseDirChoosesTheLibrary) {
  TempDir tmp;
  const auto file = simulated_squat(tmp, 2);
  std::filesystem::create_directory(tmp.path() / "library");
  tmp.write("library/my_squat.toml", exercise_toml("my_squat", "80"));
  const std::string dir = (tmp.path() / "library").string();
  const CommandResult r = run_openpt({"analyze", file.string(), "--exercise", "my_squat",
                                      "--exercise-dir", dir, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["exercise_name"], "My squat");
  // That library has no deep_squat; the error lists what it has.
  const CommandResult missing =
      run_openpt({"analyze", file.string(), "--exercise", "deep_squat", "--exercise-dir", dir});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(contains(missing.err, "my_squat")) << missing.err;
}

TEST(ExercisesCli, ListsTheLibrary) {
  const CommandResult r = run_openpt({"exercises"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* id :
       {"deep_squat", "sit_to_stand", "shoulder_flexion", "push_up", "jumping_jack"}) {
    EXPECT_TRUE(contains(r.out, std::string("\n") + id + " ")) << id << ": " << r.out;
  }
}

TEST(ExercisesCli, CheckValidatesFiles) {
  TempDir tmp;
  const auto good = tmp.write("my_squat.toml", exercise_toml("my_squat", "80"));
  const CommandResult ok = run_openpt({"exercises", "--check", good.string()});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_TRUE(contains(ok.out, "ok")) << ok.out;

  const auto bad = tmp.write("bad.toml", exercise_toml("bad", "\"deep\""));
  const CommandResult r = run_openpt({"exercises", "--check", bad.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "bad.toml")) << r.err;
  EXPECT_TRUE(contains(r.err, "mild")) << r.err;
  // Every file is checked; one bad file fails the run.
  EXPECT_EQ(run_openpt({"exercises", "--check", good.string(), bad.string()}).exit_code, 2);
}

}  // namespace
}  // namespace openpt::testing
