// `openpt validate` end to end: the real binary on CSV files written by the test. Numbers
// are the library's reference values (tests/stats/*: SciPy, statsmodels, sklearn, epiR,
// pROC), so these tests check the wiring from CSV cells to report fields; bad input must
// exit 2 with a message naming file:line and the column.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "support/test_support.h"

namespace openpt::testing {
namespace {

// Bland & Altman 1986 PEFR data: the Wright (reference) and mini Wright (test) meters.
const std::vector<int> kWright = {494, 395, 516, 434, 476, 557, 413, 442, 650,
                                  433, 417, 656, 267, 478, 178, 423, 427};
const std::vector<int> kMini = {512, 430, 520, 428, 500, 600, 364, 380, 658,
                                445, 432, 626, 260, 477, 259, 350, 451};

std::string pefr_csv(const std::vector<int>& values) {
  std::string csv = "subject,pefr\n";
  for (std::size_t i = 0; i < values.size(); ++i) {
    csv += "p" + std::to_string(i + 1) + "," + std::to_string(values[i]) + "\n";
  }
  return csv;
}

bool contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

bool near(const nlohmann::json& v, double expected, double rel = 1e-9) {
  return std::abs(v.get<double>() - expected) <= rel * std::max(1.0, std::abs(expected));
}

struct Files {
  TempDir dir;
  std::string reference, test;
  Files(const std::string& ref_csv, const std::string& test_csv)
      : reference(dir.write("reference.csv", ref_csv).string()),
        test(dir.write("test.csv", test_csv).string()) {}
};

CommandResult validate(const Files& f, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"validate", "--reference", f.reference, "--test", f.test};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_openpt(args);
}

// --- valid input -------------------------------------------------------------------------

TEST(ValidateCli, PefrAgreementAsJsonHasTheReferenceNumbers) {
  Files f(pefr_csv(kWright), pefr_csv(kMini));
  const CommandResult r = validate(f, {"--id-col", "subject", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "openpt.validation/1");
  EXPECT_EQ(j["reference"]["file"], "reference.csv") << "file name only";
  EXPECT_EQ(j["pairing"]["by"], "id");
  ASSERT_EQ(j["metrics"].size(), 1u);
  const auto& m = j["metrics"][0];
  EXPECT_EQ(m["name"], "pefr");
  EXPECT_EQ(m["kind"], "continuous");
  EXPECT_EQ(m["complete"], 17);
  const auto& ba = m["bland_altman"];
  EXPECT_TRUE(near(ba["bias"], 2.1176470588235294));  // NumPy; epiR
  EXPECT_TRUE(near(ba["sd"], 38.76512987360738));
  EXPECT_TRUE(near(ba["bias_ci"][0], -17.813543578995823));  // scipy t.interval
  EXPECT_TRUE(near(ba["lower_loa"], -73.86061134946466));    // epiR sblalt
  EXPECT_TRUE(near(ba["upper_loa"], 78.09590546711173));
  EXPECT_TRUE(near(ba["upper_loa_ci"][1], 124.16079829467597, 1e-8));         // scipy nct
  EXPECT_TRUE(near(ba["proportional_bias"]["slope"], -0.02868744515254921));  // linregress
  EXPECT_TRUE(near(m["lin_ccc"]["ccc"], 0.94274243142748448));                // epiR epi.ccc
  EXPECT_TRUE(near(m["pearson"]["r"], 0.9432794468909463));                   // scipy pearsonr
  EXPECT_TRUE(near(m["spearman"]["r"], 0.8995098039215688));                  // scipy spearmanr
  EXPECT_TRUE(near(m["error"]["mae"], 28.941176470588236));                   // sklearn
  EXPECT_TRUE(near(m["error"]["rmse"], 37.66727398434568));
  // Two raters: SEM (consistency) = SD of the differences / √2.
  EXPECT_TRUE(near(m["measurement_error"]["sem_consistency"], 38.76512987360738 / std::sqrt(2.0)));
  ASSERT_EQ(m["icc"].size(), 4u);
  EXPECT_EQ(m["icc"][0]["form"], "ICC(2,1)");
  EXPECT_EQ(m["icc"][0]["mcgraw_wong"], "ICC(A,1)");
  EXPECT_FALSE(j["limitations"].empty());
}

TEST(ValidateCli, TextIsTheDefault) {
  Files f(pefr_csv(kWright), pefr_csv(kMini));
  const CommandResult r = validate(f, {"--id-col", "subject", "--mcid", "50"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "bias (test − ref)")) << r.out;
  EXPECT_TRUE(contains(r.out, "2.118 (95 % CI -17.81 to 22.05)")) << r.out;
  EXPECT_TRUE(contains(r.out, "ICC(2,1) = ICC(A,1)"));
  EXPECT_TRUE(contains(r.out, "MDC95 75.98 > MCID 50")) << r.out;
  EXPECT_TRUE(contains(r.out, "Limitations [26]"));
  EXPECT_TRUE(contains(r.out, "by id column 'subject'"));
}

TEST(ValidateCli, HtmlIsSelfContainedWithBothPlots) {
  Files f(pefr_csv(kWright), pefr_csv(kMini));
  const auto out = f.dir.path() / "report.html";
  const CommandResult r = validate(f, {"--id-col", "subject", "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  std::ifstream in(out);
  const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_TRUE(contains(html, "<!DOCTYPE html>"));
  EXPECT_TRUE(contains(html, "Bland–Altman plot: pefr"));
  EXPECT_TRUE(contains(html, "Test against reference: pefr"));
  EXPECT_TRUE(contains(html, "class=\"identity\""));
  std::size_t circles = 0;
  for (std::size_t at = 0; (at = html.find("<circle", at)) != std::string::npos; ++at) ++circles;
  EXPECT_EQ(circles, 34u) << "17 points in each of the two plots";
  EXPECT_FALSE(contains(html, "<script"));
  EXPECT_FALSE(contains(html, "src=\"http"));
}

TEST(ValidateCli, BinaryFlagsGiveDiagnosticAccuracy) {
  // Altman & Bland 1994 liver scan: TP 231, FP 32, FN 27, TN 54 as one row per patient.
  std::string ref = "id,abnormal\n", test = "id,abnormal\n";
  int id = 0;
  for (const auto& [count, r, t] :
       {std::tuple{231, 1, 1}, std::tuple{32, 0, 1}, std::tuple{27, 1, 0}, std::tuple{54, 0, 0}}) {
    for (int k = 0; k < count; ++k, ++id) {
      ref += std::to_string(id) + "," + std::to_string(r) + "\n";
      test += std::to_string(id) + "," + std::to_string(t) + "\n";
    }
  }
  Files f(ref, test);
  const CommandResult r = validate(f, {"--id-col", "id", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto m = nlohmann::json::parse(r.out)["metrics"][0];
  EXPECT_EQ(m["kind"], "binary");
  const auto& d = m["diagnostic_accuracy"];
  EXPECT_EQ(d["tp"], 231);
  EXPECT_EQ(d["tn"], 54);
  EXPECT_TRUE(near(d["sensitivity"]["estimate"], 0.8953488372093024));
  EXPECT_TRUE(near(d["sensitivity"]["ci"][0], 0.8520214062328004));  // statsmodels Wilson
  EXPECT_TRUE(near(d["lr_positive"]["ci"][1], 3.1764696252509919));  // epiR epi.tests
  EXPECT_TRUE(m.contains("kappa"));
  EXPECT_FALSE(m.contains("bland_altman"));
}

TEST(ValidateCli, ScoreAgainstFlagsGivesTheRocCurve) {
  // Hanley & McNeil 1982: CT ratings 1..5 of 58 normal and 51 abnormal patients.
  const int normal[5] = {33, 6, 6, 11, 2}, abnormal[5] = {3, 2, 2, 11, 33};
  std::string ref = "abnormal\n", test = "abnormal\n";
  for (int rating = 1; rating <= 5; ++rating) {
    for (int k = 0; k < normal[rating - 1]; ++k)
      ref += "0\n", test += std::to_string(rating) + "\n";
    for (int k = 0; k < abnormal[rating - 1]; ++k)
      ref += "1\n", test += std::to_string(rating) + "\n";
  }
  Files f(ref, test);
  const CommandResult r = validate(f, {"--format", "json", "--threshold", "4"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto m = nlohmann::json::parse(r.out)["metrics"][0];
  EXPECT_EQ(m["kind"], "score-vs-binary");
  EXPECT_TRUE(near(m["roc"]["auc"], 0.8931710615280595));     // sklearn; pROC
  EXPECT_TRUE(near(m["roc"]["ci"][0], 0.83295232765817184));  // pROC ci.auc(delong)
  EXPECT_EQ(m["roc"]["youden_threshold"], 4);
  EXPECT_EQ(m["roc"]["points"].size(), 6u);
  // At >= 4: 44 of 51 abnormal and 13 of 58 normal patients are positive.
  EXPECT_EQ(m["diagnostic_accuracy"]["tp"], 44);
  EXPECT_EQ(m["diagnostic_accuracy"]["fp"], 13);
  EXPECT_EQ(m["diagnostic_accuracy"]["threshold"], 4);
}

TEST(ValidateCli, RepeatedMeasuresBySubject) {
  const std::vector<std::string> subject = {"s1", "s1", "s1", "s2", "s2", "s3", "s3",
                                            "s3", "s3", "s4", "s5", "s5", "s5"};
  const std::vector<std::string> ref = {"92.1", "95.4", "90.2",  "110.3", "108.8", "85.0", "88.7",
                                        "86.1", "87.9", "120.4", "101.2", "99.5",  "103.3"};
  const std::vector<std::string> test = {"94.0", "96.1", "93.5",  "109.0", "109.9", "89.2", "90.1",
                                         "88.8", "92.0", "118.2", "104.9", "101.0", "106.1"};
  std::string a = "subject,knee_deg\n", b = "subject,knee_deg\n";
  for (std::size_t i = 0; i < subject.size(); ++i) {
    a += subject[i] + "," + ref[i] + "\n";
    b += subject[i] + "," + test[i] + "\n";
  }
  Files f(a, b);
  const CommandResult r = validate(f, {"--subject-col", "subject", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["pairing"]["subjects"], 5);
  const auto& rep = j["metrics"][0]["bland_altman_repeated"];
  EXPECT_TRUE(near(rep["sd"], 2.0682706761310499));  // epiR rep.measure = TRUE
  EXPECT_TRUE(near(rep["lower_loa"], -2.2152744970356255));
  // Zou 2013 MOVER intervals: make_reference.py / reference_r.R "zou.unbalanced.*".
  EXPECT_EQ(rep["balanced"], false);
  const auto& zou = rep["zou"];
  EXPECT_TRUE(near(zou["bias"], 1.0866666666666664));
  EXPECT_TRUE(near(zou["bias_ci"][0], -1.6572890348988922));
  EXPECT_TRUE(near(zou["lower_loa_ci"][0], -11.9745531050129));
  EXPECT_TRUE(near(zou["lower_loa_ci"][1], -0.47949512309201037));
  EXPECT_TRUE(near(zou["upper_loa_ci"][0], 2.652828456425343));
  EXPECT_TRUE(near(zou["upper_loa_ci"][1], 14.147886438346232));
  bool dependence_noted = false;
  for (const auto& l : j["limitations"]) {
    dependence_noted = dependence_noted || contains(l.get<std::string>(), "not independent");
  }
  EXPECT_TRUE(dependence_noted);

  // The acceptable-difference verdict uses the repeated-measures intervals: ±10 holds both
  // one-pair-per-subject limits' CIs but not Zou's (upper limit CI reaches 14.1).
  const CommandResult acceptable =
      validate(f, {"--subject-col", "subject", "--acceptable-diff", "10", "--format", "json"});
  ASSERT_EQ(acceptable.exit_code, 0) << acceptable.err;
  const auto parsed = nlohmann::json::parse(acceptable.out);
  const auto& size = parsed["metrics"][0]["sample_size"];
  EXPECT_EQ(size["loa_within"], false);
  EXPECT_EQ(size["loa_intervals"], "repeated measures (Zou 2013)");

  const CommandResult text = validate(f, {"--subject-col", "subject"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(contains(text.out, "repeated: upper limit     5.801 (95 % CI 2.653 to 14.15)"))
      << text.out;
  EXPECT_TRUE(contains(text.out, "harmonic")) << text.out;
  const CommandResult html = validate(f, {"--subject-col", "subject", "--format", "html"});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_TRUE(contains(html.out,
                       "<td>repeated measures: lower limit</td><td>-3.628</td>"
                       "<td>-11.97 to -0.4795</td>"))
      << html.out;
}

TEST(ValidateCli, MissingValuesExcludedOnRequestAndCounted) {
  std::string a = pefr_csv(kWright), b = pefr_csv(kMini);
  a += "p18,\np19,300\n";
  b += "p18,410\np19,nan\n";
  Files f(a, b);
  const CommandResult r =
      validate(f, {"--id-col", "subject", "--missing", "exclude", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  const auto& m = j["metrics"][0];
  EXPECT_EQ(m["pairs"], 19);
  EXPECT_EQ(m["complete"], 17);
  EXPECT_EQ(m["missing"]["reference"], 1);
  EXPECT_EQ(m["missing"]["test"], 1);
  EXPECT_TRUE(near(m["bland_altman"]["bias"], 2.1176470588235294));
  EXPECT_EQ(j["options"]["missing"], "exclude");
}

TEST(ValidateCli, MetricSelectionAndCommaList) {
  const std::string a = "id,knee,hip,side\n1,90,40,L\n2,95,42,R\n3,100,45,L\n4,92,41,R\n";
  const std::string b = "id,knee,hip,side\n1,91,41,L\n2,97,41,R\n3,99,47,L\n4,93,40,R\n";
  Files f(a, b);
  CommandResult r = validate(f, {"--id-col", "id", "--metric", "knee,hip", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["metrics"].size(), 2u);
  EXPECT_EQ(j["metrics"][1]["name"], "hip");
  EXPECT_TRUE(near(j["metrics"][0]["bland_altman"]["bias"], 0.75));
  // Without --metric every shared column is compared, and the text column is refused.
  r = validate(f, {"--id-col", "id"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "reference.csv:2: column 4 (side): 'L' is not a number")) << r.err;
}

// --- bad input: exit 2, file:line and column named ------------------------------------------

TEST(ValidateCliErrors, MissingFile) {
  Files f(pefr_csv(kWright), pefr_csv(kMini));
  const CommandResult r = run_openpt(
      {"validate", "--reference", (f.dir.path() / "nope.csv").string(), "--test", f.test});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "nope.csv: file not found")) << r.err;
}

TEST(ValidateCliErrors, MissingColumnListsTheColumns) {
  Files f(pefr_csv(kWright), pefr_csv(kMini));
  const CommandResult r = validate(f, {"--metric", "fev1"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err,
                       "reference.csv: no column named 'fev1' (for --metric); the columns "
                       "are: subject, pefr"))
      << r.err;
  const CommandResult id = validate(f, {"--id-col", "patient"});
  EXPECT_EQ(id.exit_code, 2);
  EXPECT_TRUE(contains(id.err, "no column named 'patient' (for --id-col)")) << id.err;
}

TEST(ValidateCliErrors, NonNumericCell) {
  std::string b = pefr_csv(kMini);
  b.replace(b.find("430"), 3, "4x0");
  Files f(pefr_csv(kWright), b);
  const CommandResult r = validate(f, {"--metric", "pefr"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "test.csv:3: column 2 (pefr): '4x0' is not a number")) << r.err;
}

TEST(ValidateCliErrors, NaNRefusedByDefaultWithAHint) {
  std::string a = pefr_csv(kWright);
  a.replace(a.find("516"), 3, "nan");
  Files f(a, pefr_csv(kMini));
  const CommandResult r = validate(f, {"--metric", "pefr"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "reference.csv:4: column 2 (pefr)")) << r.err;
  EXPECT_TRUE(contains(r.err, "--missing exclude")) << r.err;
  Files inf("pefr\n1\n2\n3\n", "pefr\n1\ninf\n3\n");
  const CommandResult r2 = validate(inf, {"--missing", "exclude"});
  EXPECT_EQ(r2.exit_code, 2);
  EXPECT_TRUE(contains(r2.err, "test.csv:3: column 1 (pefr): 'inf' is infinite")) << r2.err;
}

TEST(ValidateCliErrors, HugeValuesAreRefusedNotTurnedIntoInfinity) {
  // 1e308 parses, but its square overflows: the statistics would all be inf or NaN.
  Files f("pefr\n1\n2\n3\n4\n", "pefr\n1\n-1e308\n3\n4\n");
  const CommandResult r = validate(f);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "test.csv:3: column 1 (pefr): '-1e308' (-1e+308) is too large"))
      << r.err;
}

TEST(ValidateCliErrors, MismatchedRowsAndIds) {
  std::vector<int> shorter(kMini.begin(), kMini.end() - 1);
  Files rows(pefr_csv(kWright), pefr_csv(shorter));
  CommandResult r = validate(rows, {"--metric", "pefr"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "reference.csv has 17 data rows but test.csv has 16")) << r.err;
  r = validate(rows, {"--id-col", "subject"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "reference.csv:18: id 'p17' has no row in test.csv")) << r.err;
  std::string dup = pefr_csv(kMini);
  dup.replace(dup.find("p2,"), 3, "p1,");
  Files d(pefr_csv(kWright), dup);
  r = validate(d, {"--id-col", "subject"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err,
                       "test.csv:3: column 1 (subject): id 'p1' appears again (first on "
                       "line 2)"))
      << r.err;
}

TEST(ValidateCliErrors, MismatchedSubjects) {
  const std::string a = "subject,knee\ns1,90\ns1,91\ns2,80\ns2,82\n";
  const std::string b = "subject,knee\ns1,91\ns2,92\ns2,81\ns2,83\n";
  Files f(a, b);
  const CommandResult r = validate(f, {"--subject-col", "subject"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err,
                       "test.csv:3: column 1 (subject): subject 's2' but reference.csv:3 "
                       "has 's1'"))
      << r.err;
}

TEST(ValidateCliErrors, FewerThanThreePairs) {
  Files f("knee\n90\n95\n", "knee\n91\n96\n");
  CommandResult r = validate(f, {});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err,
                       "reference.csv, test.csv: column knee: 2 complete pairs, at least 3 "
                       "are needed"))
      << r.err;
  Files g("knee\n90\n95\nnan\n97\n", "knee\n91\nnan\n99\n98\n");
  r = validate(g, {"--missing", "exclude"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "2 complete pairs")) << r.err;
}

TEST(ValidateCliErrors, BadFlagsAndRaggedRows) {
  Files f(pefr_csv(kWright), pefr_csv(kMini));
  EXPECT_EQ(validate(f, {"--confidence", "95"}).exit_code, 2);
  EXPECT_EQ(validate(f, {"--missing", "impute"}).exit_code, 2);
  EXPECT_EQ(validate(f, {"--mcid", "-3"}).exit_code, 2);
  EXPECT_EQ(validate(f, {"--format", "pdf"}).exit_code, 2);
  EXPECT_EQ(run_openpt({"validate", "--reference", f.reference}).exit_code, 2);  // no --test
  const CommandResult over = validate(f, {"-o", f.test});
  EXPECT_EQ(over.exit_code, 2);
  EXPECT_TRUE(contains(over.err, "would destroy it")) << over.err;
  Files ragged("a,b\n1,2\n3\n", "a,b\n1,2\n3,4\n");
  const CommandResult r = validate(ragged, {});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "reference.csv:3: 1 columns, expected 2")) << r.err;
  Files empty("", "a\n1\n");
  EXPECT_EQ(validate(empty, {}).exit_code, 2);
}

TEST(ValidateCli, HelpExitsZero) {
  const CommandResult r = run_openpt({"validate", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(contains(r.out, "--subject-col"));
  EXPECT_TRUE(contains(r.out, "openpt.validation/1"));
}

}  // namespace
}  // namespace openpt::testing
