// Reading trend sessions (trend_input.h): gait reports "openpt.gait/1" and CSV tables, good
// and bad, with the exact values and the exact places errors name.
#include "openpt/gait/trend_input.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace openpt::gait {
namespace {

using openpt::testing::TempDir;

double value(const TrendSession& s, TrendParameter p) {
  return s.value(p);
}

// A gait report in the shape `openpt gait --format json` writes, with `date` (a JSON value)
// and `parameters` spliced in.
std::string report(const std::string& date, const std::string& parameters,
                   const std::string& format = "\"openpt.gait/1\"") {
  return R"({"format": )" + format + R"(, "generator": "openpt 0.1.0",
  "session": {"date": )" +
         date + R"(},
  "sensors": [{"placement": "left_foot", "source": "1-1_lf.txt", "sample_rate_hz": 100,
               "samples": 2913, "duration_s": 29.1}],
  "events": [{"side": "left", "type": "initial_contact", "t_s": 5.27, "sample": 527,
              "source": "left_foot"}],
  "parameters": )" +
         parameters + R"(,
  "bouts": [], "turns": [], "warnings": []})";
}

std::string side(double stride_time, double cv, double double_support, const char* stride_len) {
  return R"({"stride_time_s": {"mean": )" + std::to_string(stride_time) +
         R"(, "sd": 0.02, "cv_pct": )" + std::to_string(cv) + R"(, "n": 15},
    "step_time_s": {"mean": 0.54, "sd": 0.01, "cv_pct": 1.8, "n": 15},
    "stance_pct": {"mean": 61, "sd": 1, "cv_pct": 1.6, "n": 15},
    "swing_pct": {"mean": 39, "sd": 1, "cv_pct": 2.6, "n": 15},
    "double_support_pct": {"mean": )" +
         std::to_string(double_support) + R"(, "sd": 1, "cv_pct": 4, "n": 15},
    "stride_length_m": )" +
         stride_len + R"(,
    "stride_speed_mps": {"mean": null, "sd": null, "cv_pct": null, "n": 0},
    "clearance_m": {"mean": null, "sd": null, "cv_pct": null, "n": 0}})";
}

std::string full_parameters() {
  return R"({"start_s": 5.27, "end_s": 28.9, "steps": 34, "cadence_spm": 112.3,
    "gait_speed_mps": 1.21,
    "left": )" +
         side(1.08, 1.9, 22, R"({"mean": 1.30, "sd": 0.03, "cv_pct": 2.3, "n": 15})") +
         R"(, "right": )" +
         side(1.10, 2.1, 24, R"({"mean": 1.34, "sd": 0.03, "cv_pct": 2.2, "n": 15})") +
         R"(, "symmetry": [{"parameter": "stride_time_s", "index_pct": 1.2, "ratio": 1.01},
                  {"parameter": "step_time_s", "index_pct": 3.5, "ratio": 1.04}]})";
}

// ---- gait reports ----------------------------------------------------------------------------

TEST(TrendInputJson, ReadsEveryTrackedParameter) {
  auto s = read_gait_report_json(report("\"2026-11-20\"", full_parameters()), "w3.json");
  ASSERT_TRUE(s) << s.error().to_string();
  EXPECT_EQ(s->source, "w3.json");
  EXPECT_EQ(format_iso_date(s->date), "2026-11-20");
  EXPECT_DOUBLE_EQ(value(*s, TrendParameter::kCadence), 112.3);
  EXPECT_DOUBLE_EQ(value(*s, TrendParameter::kGaitSpeed), 1.21);
  EXPECT_DOUBLE_EQ(value(*s, TrendParameter::kStrideLength), 1.32);  // (1.30 + 1.34) / 2
  EXPECT_DOUBLE_EQ(value(*s, TrendParameter::kStrideTime), 1.09);    // (1.08 + 1.10) / 2
  EXPECT_DOUBLE_EQ(value(*s, TrendParameter::kDoubleSupport), 23);   // (22 + 24) / 2
  EXPECT_DOUBLE_EQ(value(*s, TrendParameter::kStrideTimeCv), 2.0);   // (1.9 + 2.1) / 2
  EXPECT_DOUBLE_EQ(value(*s, TrendParameter::kStrideTimeSi), 1.2);
  EXPECT_DOUBLE_EQ(value(*s, TrendParameter::kStepTimeSi), 3.5);
}

TEST(TrendInputJson, UnknownAndMissingParametersAreNaN) {
  // No foot sensor: stride length unknown (n 0, mean null) and gait speed null; the right
  // side missing entirely; no symmetry list.
  const std::string parameters =
      R"({"cadence_spm": 100, "gait_speed_mps": null,
          "left": )" +
      side(1.2, 3, 25, R"({"mean": null, "sd": null, "cv_pct": null, "n": 0})") + "}";
  auto s = read_gait_report_json(report("\"2026-11-20\"", parameters), "w.json");
  ASSERT_TRUE(s) << s.error().to_string();
  EXPECT_DOUBLE_EQ(value(*s, TrendParameter::kCadence), 100);
  EXPECT_TRUE(std::isnan(value(*s, TrendParameter::kGaitSpeed)));
  EXPECT_TRUE(std::isnan(value(*s, TrendParameter::kStrideLength)));
  EXPECT_DOUBLE_EQ(value(*s, TrendParameter::kStrideTime), 1.2) << "one side known: that side";
  EXPECT_TRUE(std::isnan(value(*s, TrendParameter::kStrideTimeSi)));
  // Even an empty parameters object is a valid (useless) session.
  EXPECT_TRUE(read_gait_report_json(report("\"2026-11-20\"", "{}"), "w.json"));
}

TEST(TrendInputJson, MissingDateNamesTheFileAndThePath) {
  for (const std::string& date : {std::string("null")}) {
    auto s = read_gait_report_json(report(date, full_parameters()), "w3.json");
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().where, "w3.json: session.date");
    EXPECT_EQ(s.error().message, "missing");
    EXPECT_NE(s.error().hint.find("--date YYYY-MM-DD"), std::string::npos);
    EXPECT_EQ(exit_code(s.error()), 2);
  }
  auto no_session =
      read_gait_report_json(R"({"format": "openpt.gait/1", "parameters": {}})", "w4.json");
  ASSERT_FALSE(no_session);
  EXPECT_EQ(no_session.error().where, "w4.json: session.date");
  auto bad = read_gait_report_json(report("\"20.11.2026\"", full_parameters()), "w5.json");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().where, "w5.json: session.date");
  EXPECT_NE(bad.error().message.find("not a date"), std::string::npos);
  auto number = read_gait_report_json(report("20261120", full_parameters()), "w6.json");
  ASSERT_FALSE(number);
  EXPECT_EQ(number.error().to_string(),
            "w6.json: session.date: expected a date \"YYYY-MM-DD\", got number 20261120");
}

TEST(TrendInputJson, WrongFormatStringsAreRejected) {
  auto pose = read_gait_report_json(report("\"2026-11-20\"", "{}", "\"openpt.pose/1\""), "p.json");
  ASSERT_FALSE(pose);
  EXPECT_EQ(pose.error().where, "p.json: format");
  EXPECT_NE(pose.error().message.find("is not a gait report"), std::string::npos);
  auto newer = read_gait_report_json(report("\"2026-11-20\"", "{}", "\"openpt.gait/2\""), "n.json");
  ASSERT_FALSE(newer);
  EXPECT_NE(newer.error().message.find("unsupported version"), std::string::npos);
  auto trend =
      read_gait_report_json(report("\"2026-11-20\"", "{}", "\"openpt.gait-trend/1\""), "t.json");
  ASSERT_FALSE(trend);
  EXPECT_NE(trend.error().message.find("trend report"), std::string::npos);
  auto missing = read_gait_report_json(R"({"session": {"date": "2026-11-20"}})", "m.json");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().where, "m.json: format");
  auto number = read_gait_report_json(report("\"2026-11-20\"", "{}", "1"), "x.json");
  ASSERT_FALSE(number);
  EXPECT_EQ(number.error().to_string(), "x.json: format: expected a string, got number 1");
}

TEST(TrendInputJson, NonObjectsAndNonNumbersNameTheirPath) {
  auto array = read_gait_report_json("[1, 2]", "a.json");
  ASSERT_FALSE(array);
  EXPECT_EQ(array.error().to_string(), "a.json: (top level): expected an object, got array");
  auto text =
      read_gait_report_json(report("\"2026-11-20\"", R"({"cadence_spm": "fast"})"), "c.json");
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().to_string(),
            "c.json: parameters.cadence_spm: expected a number or null, got string \"fast\"");
  auto left = read_gait_report_json(report("\"2026-11-20\"", R"({"left": 3})"), "l.json");
  ASSERT_FALSE(left);
  EXPECT_EQ(left.error().where, "l.json: parameters.left");
  auto mean = read_gait_report_json(
      report("\"2026-11-20\"", R"({"right": {"stride_time_s": {"mean": true}}})"), "r.json");
  ASSERT_FALSE(mean);
  EXPECT_EQ(mean.error().where, "r.json: parameters.right.stride_time_s.mean");
  auto symmetry = read_gait_report_json(
      report("\"2026-11-20\"", R"({"symmetry": [{"index_pct": 2}]})"), "s.json");
  ASSERT_FALSE(symmetry);
  EXPECT_EQ(symmetry.error().where, "s.json: parameters.symmetry[0].parameter");
  auto params = read_gait_report_json(report("\"2026-11-20\"", "[]"), "q.json");
  ASSERT_FALSE(params);
  EXPECT_EQ(params.error().where, "q.json: parameters");
  auto negative =
      read_gait_report_json(report("\"2026-11-20\"", R"({"cadence_spm": -100})"), "n.json");
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.error().where, "n.json: parameters.cadence_spm");
  EXPECT_NE(negative.error().message.find("must be greater than 0"), std::string::npos);
}

TEST(TrendInputJson, NaNAndBrokenJsonAreLocated) {
  // JSON has no NaN: the parser stops there, and the error says where and what to write.
  auto nan = read_gait_report_json("{\"format\": \"openpt.gait/1\",\n \"x\": NaN}", "nan.json");
  ASSERT_FALSE(nan);
  EXPECT_EQ(nan.error().where, "nan.json:2:7");
  EXPECT_NE(nan.error().hint.find("write null"), std::string::npos);
  auto truncated = read_gait_report_json(R"({"format": "openpt.gait/1", )", "t.json");
  ASSERT_FALSE(truncated);
  EXPECT_NE(truncated.error().hint.find("truncated"), std::string::npos);
}

// ---- CSV tables ------------------------------------------------------------------------------

TEST(TrendInputCsv, ReadsRowsAndIgnoresOtherColumns) {
  std::vector<std::string> notes;
  auto rows = read_trend_csv(
      "date,cadence_spm,gait_speed_mps,clinician,stride_time_si_pct\n"
      "2026-11-18,110.5,1.20,AB,2.1\n"
      "\n"
      "2026-11-19,108,,AB,nan\n"
      "2026-11-20 , 107 , 1.18 , CD , 2.4\n",
      "clinic.csv", notes);
  ASSERT_TRUE(rows) << rows.error().to_string();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].source, "clinic.csv:2");
  EXPECT_EQ((*rows)[1].source, "clinic.csv:4");
  EXPECT_EQ(format_iso_date((*rows)[2].date), "2026-11-20");
  EXPECT_DOUBLE_EQ(value((*rows)[0], TrendParameter::kCadence), 110.5);
  EXPECT_DOUBLE_EQ(value((*rows)[2], TrendParameter::kGaitSpeed), 1.18);
  EXPECT_TRUE(std::isnan(value((*rows)[1], TrendParameter::kGaitSpeed))) << "empty cell";
  EXPECT_TRUE(std::isnan(value((*rows)[1], TrendParameter::kStrideTimeSi))) << "nan";
  EXPECT_TRUE(std::isnan(value((*rows)[0], TrendParameter::kStrideTime))) << "no column";
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0], "clinic.csv: ignored column \"clinician\"");
}

TEST(TrendInputCsv, BadTablesNameLineAndColumn) {
  std::vector<std::string> notes;
  auto error = [&](const std::string& text) {
    auto rows = read_trend_csv(text, "t.csv", notes);
    EXPECT_FALSE(rows);
    return rows ? std::string() : rows.error().to_string();
  };
  EXPECT_EQ(error("date,cadence_spm\n2026-11-20,fast\n").find("t.csv:2: column 2 (cadence_spm): "),
            0u);
  EXPECT_NE(error("date,cadence_spm\n2026-11-20,inf\n").find("t.csv:2: column 2"),
            std::string::npos);
  EXPECT_EQ(error("date,cadence_spm\n2026-11-20,-5\n"),
            "t.csv:2: column 2 (cadence_spm): cadence_spm must be greater than 0, got -5 "
            "(write an empty cell for an unknown value)");
  EXPECT_EQ(error("date,cadence_spm\n11/20/2026,100\n"),
            "t.csv:2: column 1 (date): \"11/20/2026\" is not a date (write dates as YYYY-MM-DD, "
            "e.g. 2026-11-20)");
  EXPECT_NE(error("cadence_spm\n100\n").find("t.csv:1: no \"date\" column"), std::string::npos);
  EXPECT_NE(error("date,speed\n2026-11-20,1\n").find("no column names a tracked gait parameter"),
            std::string::npos);
  EXPECT_NE(error("date,cadence_spm\n").find("only a header"), std::string::npos);
  EXPECT_NE(error("date,cadence_spm\n2026-11-20\n").find("t.csv:2: 1 columns, expected 2"),
            std::string::npos);
  EXPECT_NE(error("date,cadence_spm,cadence_spm\n").find("appears twice"), std::string::npos);
}

// ---- files -----------------------------------------------------------------------------------

TEST(TrendInputFiles, MixesReportsAndTablesAndKeepsDuplicateDates) {
  TempDir tmp;
  const auto a = tmp.write("a.json", report("\"2026-11-20\"", full_parameters()));
  const auto b =
      tmp.write("b.csv", "date,cadence_spm\n2026-11-20,100\n2026-11-20,104\n2026-11-21,101\n");
  const std::vector<std::filesystem::path> files{a, b};
  auto input = read_trend_files(files);
  ASSERT_TRUE(input) << input.error().to_string();
  ASSERT_EQ(input->sessions.size(), 4u);
  EXPECT_EQ(input->sessions[0].source, "a.json") << "file names only";
  EXPECT_EQ(input->sessions[2].source, "b.csv:3");
  // Three sessions on 2026-11-20 are one day: the median cadence, 104.
  const TrendReport r = analyze_trend(input->sessions, {});
  EXPECT_EQ(r.session_days, 2u);
  EXPECT_EQ(r.parameters[0].points[0].value, 104);
  EXPECT_EQ(r.parameters[0].points[0].sessions, 3u);
}

TEST(TrendInputFiles, EmptyMissingAndRepeatedFilesAreErrors) {
  TempDir tmp;
  const auto empty = tmp.write("empty.json", " \n");
  auto e = read_trend_files(std::vector<std::filesystem::path>{empty});
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().where, "empty.json");
  EXPECT_EQ(e.error().message, "the file is empty");
  auto missing = read_trend_files(std::vector<std::filesystem::path>{tmp.path() / "no.json"});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(missing.error().where, "no.json");
  const auto a = tmp.write("a.json", report("\"2026-11-20\"", "{}"));
  auto twice = read_trend_files(std::vector<std::filesystem::path>{a, tmp.path() / "." / "a.json"});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().to_string(), "a.json: given twice (give each session file once)");
  const auto csv_like_json = tmp.write("w.json", "date,cadence_spm\n2026-11-20,100\n");
  EXPECT_TRUE(read_trend_files(std::vector<std::filesystem::path>{csv_like_json}))
      << "the content decides, not the extension";
}

}  // namespace
}  // namespace openpt::gait
