#include "openpt/motion/report.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <numbers>
#include <sstream>
#include <string>
#include <vector>

namespace openpt::motion {
namespace {

constexpr std::size_t kFrames = 80;  // two periods of a 1 Hz sine at 40 fps
constexpr double kFps = 40;

double sine(std::size_t frame) {
  return std::sin(2 * std::numbers::pi * static_cast<double>(frame) / kFps);
}

PoseSequence sequence_for_report() {
  PoseSequence seq = make_pose_sequence(blazepose33(), kFrames);
  for (std::size_t i = 0; i < kFrames; ++i) seq.t_s[i] = static_cast<double>(i) / kFps;
  seq.metadata.source = "/home/clinic/Jane Doe/a<b&c>.json";
  seq.metadata.format = "openpt-json";
  seq.metadata.fps = kFps;
  return seq;
}

// A front-view 2D analysis built by hand with known answers:
//   left knee  = 50 + 40 sin: min 10, max 90, ROM 80, mean 50
//   right knee = 35 + 30 sin: min 5, max 65, ROM 60, mean 35
//   asymmetry: L − R = 20, index = 20 / 80 = 25 %
//   trunk lateral lean = 5.4321 with a 3-frame unfilled gap (left hip) at frames 35..37.
Kinematics hand_made_kinematics() {
  Kinematics k;
  k.is_3d = false;
  k.view = CameraView::kFront;
  k.view_inferred = true;
  k.sample_rate_hz = kFps;
  k.lowpass_cutoff_hz = 6.0;  // as compute_kinematics records the cut-off it applied
  for (std::size_t i = 0; i < kFrames; ++i) k.t_s.push_back(static_cast<double>(i) / kFps);
  AngleSeries left{{AngleId::kKneeFlexion, Side::kLeft}, {}, {}, false};
  AngleSeries right{{AngleId::kKneeFlexion, Side::kRight}, {}, {}, false};
  AngleSeries lean{{AngleId::kTrunkLateralLean, Side::kNone}, {}, {}, true};
  for (std::size_t i = 0; i < kFrames; ++i) {
    left.deg.push_back(50 + 40 * sine(i));
    right.deg.push_back(35 + 30 * sine(i));
    lean.deg.push_back(i >= 35 && i <= 37 ? NAN : 5.4321);
  }
  k.angles = {left, right, lean};
  k.unavailable.push_back(
      {{AngleId::kHipFlexion, Side::kLeft}, "is not measurable in 2D from a front view"});
  k.gaps.push_back({Joint::kLeftHip, 35, 37, 0.875, 0.925, false});
  k.warnings.push_back("normalised coordinates without an image size are treated as square");
  return k;
}

AnalysisReport hand_made_report(std::string exercise = "squat") {
  return make_report(sequence_for_report(), hand_made_kinematics(), std::move(exercise));
}

// The whitespace-separated fields of the first line of `text` starting with `prefix`.
std::vector<std::string> row(const std::string& text, const std::string& prefix) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    const auto start = line.find_first_not_of(' ');
    if (start == std::string::npos || line.compare(start, prefix.size(), prefix) != 0) continue;
    std::istringstream fields(line.substr(start + prefix.size()));
    std::vector<std::string> out;
    for (std::string f; fields >> f;) out.push_back(f);
    return out;
  }
  return {};
}

// A hand-made assessment of the hand-made kinematics (the left knee peaks at 0.25 s and
// 1.25 s): two complete reps and a partial one, a significant and a mild finding (whose
// texts come "from an exercise file" and try to inject markup), an ok finding, a skipped
// rule and a note. Score 100 − 25 − 7.6 − 5 = 62.4.
Assessment hand_made_assessment() {
  Assessment a;
  a.exercise_id = "deep_squat";
  a.exercise_name = "Deep squat";
  a.signal = "knee_flexion (mean of both sides)";
  a.signal_measure = "knee_flexion";
  a.signal_unit = "°";
  a.typical_rom = 80;
  a.rep_count = 2;
  auto rep = [](int number, double start, double turn, double end) {
    RepResult r;
    r.number = number;
    r.timing.start_s = start, r.timing.turn_s = turn, r.timing.end_s = end;
    r.timing.turn_value = 90;
    r.rom_deg = 80;
    r.outward_s = r.eccentric_s = turn - start;
    r.return_s = r.concentric_s = end - turn;
    r.peak_velocity_deg_s = 251.3;
    return r;
  };
  RepResult r1 = rep(1, 0.0, 0.25, 0.5);
  r1.classification = Severity::kSignificant;
  r1.score = 67.4;
  r1.findings = {{"knee_valgus", Side::kLeft, Severity::kSignificant, 45},
                 {"trunk_lean", Side::kNone, Severity::kMild, 52}};
  RepResult r2 = rep(2, 0.75, 1.0, 1.25);
  RepResult partial = rep(0, 1.5, 1.625, 1.75);
  partial.rom_deg = 28;
  partial.timing.complete = false;
  partial.timing.partial_reason = "reached 35 % of the typical range";
  a.reps = {r1, r2, partial};

  Finding valgus{.code = "knee_valgus",
                 .title = "Knee valgus",
                 .severity = Severity::kSignificant,
                 .side = Side::kLeft,
                 .value = 45,
                 .threshold = 40,
                 .unit = "%",
                 .reps = {1},
                 .text = "Left knee valgus exceeded 10° for 45 % of the descent (rep 1)",
                 .cue = "Push your left knee out over your toes."};
  Finding lean{.code = "trunk_lean",
               .title = "Trunk <lean>",
               .severity = Severity::kMild,
               .side = Side::kNone,
               .value = 52,
               .threshold = 50,
               .unit = "°",
               .reps = {1},
               .text = "<script>alert('x')</script> & more (rep 1)",
               .cue = "Keep your chest <up> & proud"};
  Finding depth{.code = "depth_not_reached",
                .title = "Depth not reached",
                .severity = Severity::kOk,
                .side = Side::kNone,
                .value = 80,
                .threshold = 100,
                .unit = "°",
                .reps = {},
                .text = "Depth not reached: within limits in all 2 reps",
                .cue = ""};
  a.findings = {valgus, lean, depth};
  a.skipped = {{"heel_lift", "needs the heels, which this skeleton lacks"}};
  a.score = 62.4;
  a.score_reasons = {{"knee_valgus", Side::kLeft, 25, "Knee valgus (left)"},
                     {"trunk_lean", Side::kNone, 7.6, "Trunk <lean>"},
                     {"partial_reps", Side::kNone, 5, "Partial repetitions"}};
  a.notes = {"note <b>bold</b>"};
  return a;
}

AnalysisReport assessed_report() {
  AnalysisReport r = hand_made_report("deep_squat");
  r.assessment = hand_made_assessment();
  return r;
}

// Position of `what` in `text`, failing the test when absent.
std::size_t position(const std::string& text, const std::string& what) {
  const std::size_t p = text.find(what);
  EXPECT_NE(p, std::string::npos) << "missing: " << what;
  return p;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

TEST(MakeReport, KeepsOnlyTheFileNameAndCountsFrames) {
  const AnalysisReport r = hand_made_report();
  EXPECT_EQ(r.source, "a<b&c>.json");
  EXPECT_EQ(r.metadata.source, "a<b&c>.json");
  EXPECT_EQ(r.skeleton, "blazepose33");
  EXPECT_EQ(r.frame_count, kFrames);
  EXPECT_DOUBLE_EQ(r.duration_s, 79 / kFps);
  EXPECT_EQ(r.exercise, "squat");
  EXPECT_DOUBLE_EQ(r.lowpass_cutoff_hz, 6.0);
  ASSERT_EQ(r.summary.angles.size(), 3u);
  ASSERT_EQ(r.summary.asymmetries.size(), 1u);
}

TEST(MakeReport, DirectorySourceGivesItsOwnName) {
  PoseSequence seq = sequence_for_report();
  seq.metadata.source = "/data/Jane Doe/openpose_frames/";
  EXPECT_EQ(make_report(seq, hand_made_kinematics(), "").source, "openpose_frames");
}

TEST(RenderText, ShowsHeaderTablesAndNotes) {
  const std::string text = render_text(hand_made_report());
  EXPECT_EQ(text.find("Jane"), std::string::npos) << "no directories in the report";
  EXPECT_NE(text.find("a<b&c>.json"), std::string::npos);
  EXPECT_NE(text.find("squat"), std::string::npos);
  EXPECT_NE(text.find("blazepose33"), std::string::npos);
  EXPECT_NE(text.find("80"), std::string::npos);
  EXPECT_NE(text.find(fmt::format("{:.2f} s", 79 / kFps)), std::string::npos);
  EXPECT_NE(text.find("40.0 fps"), std::string::npos);
  EXPECT_NE(text.find("2D (image plane), front view, inferred"), std::string::npos);
  AnalysisReport assumed = hand_made_report();
  assumed.kinematics.view_inferred = false;
  assumed.kinematics.view_assumed = true;
  EXPECT_NE(render_text(assumed).find("2D (image plane), front view, assumed"), std::string::npos);

  EXPECT_EQ(row(text, "Left knee flexion *"),
            (std::vector<std::string>{"10.0", "90.0", "80.0", "50.0", "80"}));
  EXPECT_EQ(row(text, "Right knee flexion *"),
            (std::vector<std::string>{"5.0", "65.0", "60.0", "35.0", "80"}));
  EXPECT_EQ(row(text, "Trunk lateral lean"),
            (std::vector<std::string>{"5.4", "5.4", "0.0", "5.4", "77"}));
  EXPECT_EQ(row(text, "Knee flexion"),
            (std::vector<std::string>{"80.0", "60.0", "20.0", "25.0", "%"}));

  EXPECT_NE(text.find("Left hip flexion: is not measurable in 2D from a front view"),
            std::string::npos);
  EXPECT_NE(text.find(fmt::format("left_hip missing {:.2f}–{:.2f} s: not filled", 0.875, 0.925)),
            std::string::npos);
  EXPECT_NE(text.find("treated as square"), std::string::npos);
  EXPECT_NE(text.find("Left knee flexion, Right knee flexion."), std::string::npos);
}

// A person out of view leaves every joint missing over the same frames: one line names the
// first joints and counts the rest; gaps over other frames keep their own lines, in time order.
TEST(RenderText, GapsOverTheSameFramesAreOneLine) {
  Kinematics k = hand_made_kinematics();
  k.gaps.clear();
  for (Joint j : {Joint::kLeftHip, Joint::kRightHip, Joint::kLeftKnee, Joint::kRightKnee}) {
    k.gaps.push_back({j, 40, 59, 1.0, 1.475, false});
  }
  k.gaps.push_back({Joint::kLeftHip, 10, 11, 0.25, 0.275, true});
  k.gaps.push_back({Joint::kLeftKnee, 70, 71, 1.75, 1.76, true});
  k.gaps.push_back({Joint::kRightKnee, 70, 71, 1.75, 1.76, true});
  // Lines are wrapped: compare with every run of whitespace as one space.
  std::string text;
  for (const char c : render_text(make_report(sequence_for_report(), std::move(k), "squat"))) {
    const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (!space || (!text.empty() && text.back() != ' ')) text += space ? ' ' : c;
  }
  const auto at = [&](std::string_view s) { return text.find(s); };
  const auto first = at("left_hip missing 0.25–0.28 s: filled by linear interpolation");
  const auto out_of_view =
      at("left_hip, right_hip and 2 more joints missing 1.00–1.48 s: not filled (too long); angles "
         "using these joints are missing there");
  const auto last = at("left_knee and right_knee missing 1.75–1.76 s: filled");
  ASSERT_NE(first, std::string::npos) << text;
  ASSERT_NE(out_of_view, std::string::npos) << text;
  ASSERT_NE(last, std::string::npos) << text;
  EXPECT_LT(first, out_of_view);
  EXPECT_LT(out_of_view, last);
  EXPECT_EQ(text.find("right_knee missing 1.00"), std::string::npos) << "listed once";
}

TEST(RenderText, MissingValuesAreDashes) {
  AnalysisReport r = hand_made_report("");
  r.summary.angles[0].min_deg = NAN;
  const std::string text = render_text(r);
  EXPECT_EQ(row(text, "Left knee flexion *").at(0), "–");
  EXPECT_NE(text.find("none given"), std::string::npos);
}

TEST(ToJson, HasTheDocumentedFieldsAndValues) {
  const nlohmann::ordered_json j = to_json(hand_made_report());
  EXPECT_EQ(j["schema"], "openpt.assessment/1");
  EXPECT_EQ(j["generator"], "openpt 0.1.0");
  EXPECT_EQ(j["source"], "a<b&c>.json");
  EXPECT_EQ(j["exercise"], "squat");

  const auto& rec = j["recording"];
  EXPECT_EQ(rec["skeleton"], "blazepose33");
  EXPECT_EQ(rec["frames"], 80);
  EXPECT_EQ(rec["duration_s"], 1.975);
  EXPECT_EQ(rec["fps"], 40.0);
  EXPECT_EQ(rec["format"], "openpt-json");

  const auto& an = j["analysis"];
  EXPECT_EQ(an["mode"], "2d");
  EXPECT_EQ(an["camera_view"], "front");
  EXPECT_EQ(an["view_inferred"], true);
  EXPECT_EQ(an["view_assumed"], false);
  EXPECT_EQ(an["sample_rate_hz"], 40.0);
  EXPECT_EQ(an["lowpass_cutoff_hz"], 6.0);
  EXPECT_EQ(an["min_visibility"], 0.5);
  EXPECT_EQ(an["max_gap_fill_s"], 0.25);

  const auto& knee = j["angles"]["left_knee_flexion"];
  EXPECT_EQ(knee["min_deg"], 10.0);
  EXPECT_EQ(knee["max_deg"], 90.0);
  EXPECT_EQ(knee["rom_deg"], 80.0);
  EXPECT_EQ(knee["mean_deg"], 50.0);
  EXPECT_EQ(knee["valid_frames"], 80);
  EXPECT_EQ(knee["plane"], "segment");
  EXPECT_EQ(knee["positive"], "flexion");
  EXPECT_EQ(knee["in_view_plane"], false);
  EXPECT_EQ(j["angles"]["trunk_lateral_lean"]["mean_deg"], 5.43);
  EXPECT_EQ(j["angles"]["trunk_lateral_lean"]["valid_frames"], 77);
  EXPECT_EQ(j["angles"]["trunk_lateral_lean"]["in_view_plane"], true);
  EXPECT_EQ(j["angles"].size(), 3u);

  ASSERT_EQ(j["asymmetry"].size(), 1u);
  const auto& asym = j["asymmetry"][0];
  EXPECT_EQ(asym["angle"], "knee_flexion");
  EXPECT_EQ(asym["left_rom_deg"], 80.0);
  EXPECT_EQ(asym["right_rom_deg"], 60.0);
  EXPECT_EQ(asym["difference_deg"], 20.0);
  EXPECT_EQ(asym["index_pct"], 25.0);

  ASSERT_EQ(j["unavailable"].size(), 1u);
  EXPECT_EQ(j["unavailable"][0]["angle"], "left_hip_flexion");
  EXPECT_EQ(j["unavailable"][0]["reason"], "is not measurable in 2D from a front view");
  ASSERT_EQ(j["gaps"].size(), 1u);
  EXPECT_EQ(j["gaps"][0]["joint"], "left_hip");
  EXPECT_EQ(j["gaps"][0]["start_s"], 0.875);
  EXPECT_EQ(j["gaps"][0]["end_s"], 0.925);
  EXPECT_EQ(j["gaps"][0]["first_frame"], 35);
  EXPECT_EQ(j["gaps"][0]["last_frame"], 37);
  EXPECT_EQ(j["gaps"][0]["filled"], false);
  ASSERT_EQ(j["warnings"].size(), 1u);

  const auto& series = j["series"];
  ASSERT_EQ(series["t_s"].size(), kFrames);
  EXPECT_EQ(series["t_s"][1], 0.025);
  ASSERT_EQ(series["left_knee_flexion"].size(), kFrames);
  EXPECT_EQ(series["left_knee_flexion"][10], 90.0);
  EXPECT_EQ(series["left_knee_flexion"][30], 10.0);
  EXPECT_EQ(series["left_knee_flexion"][3], std::round((50 + 40 * sine(3)) * 100) / 100);
  EXPECT_TRUE(series["trunk_lateral_lean"][36].is_null());
  EXPECT_EQ(series["trunk_lateral_lean"][0], 5.43);
  EXPECT_EQ(series.size(), 4u);  // t_s and the three angles
  EXPECT_EQ(j.dump().find("Jane"), std::string::npos);
  EXPECT_EQ(j.dump().find("NaN"), std::string::npos);
}

TEST(ToJson, ExerciseIsNullWhenNotGivenAndNoFilterNoCutoff) {
  AnalysisReport r = hand_made_report("");
  r.lowpass_cutoff_hz = 0;
  const nlohmann::ordered_json j = to_json(r);
  EXPECT_TRUE(j["exercise"].is_null());
  EXPECT_FALSE(j["analysis"].contains("lowpass_cutoff_hz"));
}

TEST(ToJson, NanSummaryValuesAreNull) {
  AnalysisReport r = hand_made_report();
  r.summary.angles[0].rom_deg = NAN;
  EXPECT_TRUE(to_json(r)["angles"]["left_knee_flexion"]["rom_deg"].is_null());
}

TEST(RenderHtml, IsSelfContainedAndEscaped) {
  const std::string html = render_html(hand_made_report());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("<style>"), std::string::npos);
  for (const char* external : {"src=\"http", "href=\"http", "src='http", "href='http", "url(",
                               "@import", "<script", "<link"}) {
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  }
  EXPECT_NE(html.find("a&lt;b&amp;c&gt;.json"), std::string::npos);
  EXPECT_EQ(html.find("a<b&c>"), std::string::npos);
  EXPECT_EQ(html.find("Jane"), std::string::npos);
  // Tables, notes and one plot per group that has data: knee flexion and trunk/pelvis.
  EXPECT_NE(html.find("<td class=\"n\">80.0</td>"), std::string::npos);
  EXPECT_NE(html.find("25.0 %"), std::string::npos);
  EXPECT_NE(html.find("is not measurable in 2D from a front view"), std::string::npos);
  EXPECT_NE(html.find("left_hip missing"), std::string::npos);
  std::size_t plots = 0;
  for (auto p = html.find("<svg"); p != std::string::npos; p = html.find("<svg", p + 1)) ++plots;
  EXPECT_EQ(plots, 2u);
  EXPECT_NE(html.find(">Knee flexion</text>"), std::string::npos);
  EXPECT_NE(html.find(">Trunk and pelvis</text>"), std::string::npos);
  EXPECT_NE(html.find(">left *</text>"), std::string::npos);
  EXPECT_NE(html.find(">right *</text>"), std::string::npos);
  EXPECT_NE(html.find(">time (s)</text>"), std::string::npos);
}

TEST(RenderHtml, LongRecordingsStaySmall) {
  const std::size_t n = 60 * 60 * 30;  // an hour at 30 fps
  PoseSequence seq = make_pose_sequence(blazepose33(), n, {.has_image = false});
  Kinematics k;
  k.is_3d = true;
  k.sample_rate_hz = 30;
  AngleSeries left{{AngleId::kKneeFlexion, Side::kLeft}, {}, {}, true};
  AngleSeries right{{AngleId::kKneeFlexion, Side::kRight}, {}, {}, true};
  for (std::size_t i = 0; i < n; ++i) {
    seq.t_s[i] = static_cast<double>(i) / 30;
    k.t_s.push_back(seq.t_s[i]);
    left.deg.push_back(45 + 45 * std::sin(static_cast<double>(i) * 0.1));
    right.deg.push_back(40 + 40 * std::cos(static_cast<double>(i) * 0.1));
  }
  k.angles = {left, right};
  const std::string html = render_html(make_report(seq, std::move(k), ""));
  EXPECT_LT(html.size(), 150'000u);
}

// --- the assessment leads every format --------------------------------------------------

TEST(RenderText, LeadsWithScoreFindingsAndRepsBeforeTheAngleTables) {
  const std::string text = render_text(assessed_report());
  const std::size_t exercise = position(text, "Exercise      Deep squat (deep_squat)");
  const std::size_t reps = position(text, "Repetitions   2 (1 partial repetition not counted)");
  const std::size_t score = position(text, "Score         62 / 100");
  const std::size_t valgus_points = position(text, "−25.0 points  Knee valgus (left)");
  const std::size_t lean_points = position(text, "−7.6 points  Trunk <lean>");
  const std::size_t valgus =
      position(text, "[SIGNIFICANT] Knee valgus (left): measured 45 %; significant threshold 40 %");
  const std::size_t lean = position(text, "[MILD] Trunk <lean>: measured 52°; mild threshold 50°");
  const std::size_t cue = position(text, "Patient cue: Push your left knee out over your toes.");
  const std::size_t well = position(text, "+ Depth not reached: within limits in all 2 reps");
  const std::size_t table = position(text, "Repetitions (knee_flexion (mean of both sides), °)");
  const std::size_t skipped = position(text, "heel_lift: needs the heels");
  const std::size_t note = position(text, "note <b>bold</b>");
  const std::size_t recording = position(text, "Recording");
  const std::size_t angles = position(text, "Joint angles (degrees)");
  EXPECT_LT(exercise, reps);
  EXPECT_LT(reps, score);
  EXPECT_LT(score, valgus_points);
  EXPECT_LT(valgus_points, lean_points);
  EXPECT_LT(lean_points, valgus);
  EXPECT_LT(valgus, lean) << "worst first";
  EXPECT_LT(valgus, cue);
  EXPECT_LT(lean, well);
  EXPECT_LT(well, table);
  EXPECT_LT(table, skipped);
  EXPECT_LT(skipped, note);
  EXPECT_LT(note, recording);
  EXPECT_LT(recording, angles);
  EXPECT_EQ(text.rfind("OpenPT movement report – a<b&c>.json\n", 0), 0u);

  // The rep table: number, start, turn, end, ROM, eccentric, concentric, peak, result.
  EXPECT_EQ(row(text, "Rep "),
            (std::vector<std::string>{"Start", "s", "Turn", "s", "End", "s", "ROM", "Ecc", "s",
                                      "Con", "s", "Peak", "/s", "Result", "Findings"}));
  const std::vector<std::string> rep1 = row(text, "1 ");
  ASSERT_GE(rep1.size(), 9u);
  EXPECT_EQ(std::vector<std::string>(rep1.begin(), rep1.begin() + 9),
            (std::vector<std::string>{"0.00", "0.25", "0.50", "80.0", "0.25", "0.25", "251.3",
                                      "significant", "compensation"}));
  EXPECT_NE(text.find("Knee valgus (left) 45 %, significant; Trunk <lean> 52°, mild"),
            std::string::npos);
  EXPECT_EQ(row(text, "2 "), (std::vector<std::string>{"0.75", "1.00", "1.25", "80.0", "0.25",
                                                       "0.25", "251.3", "correct", "–"}));
  const std::vector<std::string> partial = row(text, "– ");
  ASSERT_GE(partial.size(), 8u);
  EXPECT_EQ(std::vector<std::string>(partial.begin(), partial.begin() + 8),
            (std::vector<std::string>{"1.50", "1.62", "1.75", "28.0", "0.12", "0.12", "251.3",
                                      "partial"}));
  EXPECT_NE(text.find("partial                   reached 35 % of the typical range"),
            std::string::npos);
  EXPECT_NE(text.find("typical range of a repetition 80.0°"), std::string::npos);
}

TEST(RenderText, NoAssessmentSaysWhy) {
  AnalysisReport r = hand_made_report("auto");
  r.assessment_error = "no joint angle moves or repeats";
  const std::string text = render_text(r);
  const std::size_t why = position(text, "Not available: no joint angle moves or repeats");
  EXPECT_LT(why, position(text, "Recording"));
  // Without an assessment and without an error (kinematics only): no assessment section.
  EXPECT_EQ(render_text(hand_made_report()).find("Assessment"), std::string::npos);
}

TEST(RenderText, AutomaticDetectionDoesNotClaimCorrectForm) {
  AnalysisReport r = assessed_report();
  Assessment& a = *r.assessment;
  a.automatic = true;
  a.exercise_id = "auto";
  a.signal = "left knee_flexion";
  a.signal_measure = "knee_flexion";
  a.signal_side = Side::kLeft;
  a.findings.clear();
  a.score_reasons.clear();
  a.score.reset();
  for (RepResult& rep : a.reps) {
    rep.findings.clear();
    rep.classification = Severity::kOk;
    rep.eccentric_s = rep.concentric_s = NAN;
  }
  const std::string text = render_text(r);
  EXPECT_NE(text.find("detected automatically: left knee_flexion"), std::string::npos);
  EXPECT_NE(text.find("not scored: no exercise was named"), std::string::npos);
  EXPECT_NE(text.find("Form was not checked"), std::string::npos);
  EXPECT_EQ(row(text, "1 ").at(7), "not");
  EXPECT_EQ(text.find("correct"), std::string::npos);
  EXPECT_NE(text.find("Out s"), std::string::npos) << "no eccentric/concentric without exercise";
}

TEST(RenderHtml, FindingsComeFirstWithBadgesCuesRepsAndMarkedPlot) {
  const std::string html = render_html(assessed_report());
  const std::size_t section = position(html, "<section class=\"assessment\" id=\"findings\">");
  const std::size_t score = position(html, "<span class=\"score\">62</span> / 100");
  const std::size_t reason = position(html, "−25.0</td><td>points: Knee valgus (left)");
  const std::size_t significant =
      position(html,
               "<span class=\"badge badge-significant\">Significant</span> "
               "<strong>Knee valgus (left)</strong>");
  const std::size_t mild = position(html, "<span class=\"badge badge-mild\">Mild</span>");
  const std::size_t patient = position(html, "For the patient");
  const std::size_t cue = position(html, "<li>Push your left knee out over your toes.</li>");
  const std::size_t well = position(html, "<h3>What went well</h3>");
  const std::size_t reps = position(html, "<table class=\"reps\">");
  const std::size_t first_plot = position(html, "<svg");
  const std::size_t angles = position(html, "<h2>Joint angles</h2>");
  const std::size_t over_time = position(html, "<h2>Angles over time</h2>");
  EXPECT_LT(section, score);
  EXPECT_LT(score, reason);
  EXPECT_LT(reason, significant);
  EXPECT_LT(significant, mild) << "worst first";
  EXPECT_LT(mild, patient);
  EXPECT_LT(patient, cue);
  EXPECT_LT(cue, well);
  EXPECT_LT(well, reps);
  EXPECT_LT(reps, first_plot);
  EXPECT_LT(first_plot, angles);
  EXPECT_LT(angles, over_time);

  // Classification as text in each row, not by colour alone.
  EXPECT_EQ(count(html, "badge-significant\">significant compensation</span>"), 1u);
  EXPECT_EQ(count(html, "badge-correct\">correct</span>"), 1u);
  EXPECT_EQ(count(html, "badge-partial\">partial</span>"), 1u);

  // The driving signal's plot: a band per rep (partial dashed), a marker per turning point;
  // the knee flexion group is not drawn a second time.
  EXPECT_EQ(count(html, ">Repetitions – Knee flexion</text>"), 1u);
  EXPECT_EQ(count(html, ">Knee flexion</text>"), 0u);
  EXPECT_EQ(count(html, "<svg"), 2u) << "repetitions and trunk/pelvis";
  EXPECT_EQ(count(html, "<title>rep "), 2u);
  EXPECT_EQ(count(html, "fill-opacity=\"0.16\""), 2u);
  EXPECT_EQ(count(html,
                  "<title>partial repetition 1.50–1.75 s: reached 35 % of the typical "
                  "range</title>"),
            1u);
  EXPECT_EQ(count(html, "<title>turning point"), 3u);
}

TEST(RenderHtml, EscapesTextFromExerciseFiles) {
  const std::string html = render_html(assessed_report());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<lean>"), std::string::npos);
  EXPECT_EQ(html.find("<up>"), std::string::npos);
  EXPECT_EQ(html.find("<b>bold"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more (rep 1)"),
            std::string::npos);
  EXPECT_NE(html.find("<strong>Trunk &lt;lean&gt;</strong>"), std::string::npos);
  EXPECT_NE(html.find("<li>Keep your chest &lt;up&gt; &amp; proud</li>"), std::string::npos);
  EXPECT_NE(html.find("note &lt;b&gt;bold&lt;/b&gt;"), std::string::npos);
  for (const char* external : {"src=\"http", "href=\"http", "url(", "@import", "<link"}) {
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  }
}

TEST(RenderHtml, NoAssessmentSaysWhy) {
  AnalysisReport r = hand_made_report("auto");
  r.assessment_error = "no joint angle <moves>";
  const std::string html = render_html(r);
  const std::size_t why = position(html, "Not available: no joint angle &lt;moves&gt;");
  EXPECT_LT(why, position(html, "<h2>Recording</h2>"));
}

TEST(ToJson, HasTheDocumentedAssessmentKeysAndValues) {
  const nlohmann::ordered_json j = to_json(assessed_report());
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.push_back(key);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"schema", "generator", "source", "exercise", "exercise_name",
                                      "rep_count", "score", "score_reasons", "findings", "reps",
                                      "movement", "recording", "analysis", "angles", "asymmetry",
                                      "unavailable", "gaps", "warnings", "series"}));
  EXPECT_EQ(j["exercise"], "deep_squat");
  EXPECT_EQ(j["exercise_name"], "Deep squat");
  EXPECT_EQ(j["rep_count"], 2);
  EXPECT_EQ(j["score"], 62.4);
  ASSERT_EQ(j["score_reasons"].size(), 3u);
  EXPECT_EQ(j["score_reasons"][0], (nlohmann::ordered_json{{"code", "knee_valgus"},
                                                           {"side", "left"},
                                                           {"points", 25.0},
                                                           {"text", "Knee valgus (left)"}}));
  EXPECT_TRUE(j["score_reasons"][1]["side"].is_null());

  ASSERT_EQ(j["findings"].size(), 3u);
  const auto& valgus = j["findings"][0];
  EXPECT_EQ(valgus["code"], "knee_valgus");
  EXPECT_EQ(valgus["title"], "Knee valgus");
  EXPECT_EQ(valgus["severity"], "significant");
  EXPECT_EQ(valgus["side"], "left");
  EXPECT_EQ(valgus["value"], 45.0);
  EXPECT_EQ(valgus["threshold"], 40.0);
  EXPECT_EQ(valgus["unit"], "%");
  EXPECT_EQ(valgus["reps"], nlohmann::ordered_json::array({1}));
  EXPECT_EQ(valgus["text"], "Left knee valgus exceeded 10° for 45 % of the descent (rep 1)");
  EXPECT_EQ(valgus["cue"], "Push your left knee out over your toes.");
  EXPECT_EQ(j["findings"][1]["severity"], "mild");
  EXPECT_TRUE(j["findings"][1]["side"].is_null());
  const auto& depth = j["findings"][2];
  EXPECT_EQ(depth["severity"], "ok");
  EXPECT_TRUE(depth["cue"].is_null());
  EXPECT_TRUE(depth["reps"].empty());

  ASSERT_EQ(j["reps"].size(), 3u);
  const auto& r1 = j["reps"][0];
  EXPECT_EQ(r1["number"], 1);
  EXPECT_EQ(r1["complete"], true);
  EXPECT_TRUE(r1["partial_reason"].is_null());
  EXPECT_EQ(r1["start_s"], 0.0);
  EXPECT_EQ(r1["turn_s"], 0.25);
  EXPECT_EQ(r1["end_s"], 0.5);
  EXPECT_EQ(r1["rom_deg"], 80.0);
  EXPECT_EQ(r1["outward_s"], 0.25);
  EXPECT_EQ(r1["return_s"], 0.25);
  EXPECT_EQ(r1["eccentric_s"], 0.25);
  EXPECT_EQ(r1["concentric_s"], 0.25);
  EXPECT_EQ(r1["peak_velocity_deg_s"], 251.3);
  EXPECT_EQ(r1["classification"], "significant_compensation");
  EXPECT_EQ(r1["score"], 67.4);
  ASSERT_EQ(r1["findings"].size(), 2u);
  EXPECT_EQ(r1["findings"][0], (nlohmann::ordered_json{{"code", "knee_valgus"},
                                                       {"side", "left"},
                                                       {"severity", "significant"},
                                                       {"value", 45.0}}));
  EXPECT_EQ(j["reps"][1]["classification"], "correct");
  EXPECT_EQ(j["reps"][1]["score"], 100.0);
  const auto& partial = j["reps"][2];
  EXPECT_TRUE(partial["number"].is_null());
  EXPECT_EQ(partial["complete"], false);
  EXPECT_EQ(partial["partial_reason"], "reached 35 % of the typical range");
  EXPECT_EQ(partial["classification"], "partial");
  EXPECT_TRUE(partial["score"].is_null());

  const auto& m = j["movement"];
  EXPECT_EQ(m["signal"], "knee_flexion (mean of both sides)");
  EXPECT_EQ(m["unit"], "°");
  EXPECT_EQ(m["automatic"], false);
  EXPECT_EQ(m["typical_rom"], 80.0);
  EXPECT_EQ(m["partial_reps"], 1);
  EXPECT_EQ(m["outside_position_reps"], 0);
  EXPECT_EQ(
      m["skipped_rules"],
      (nlohmann::ordered_json::array(
          {{{"code", "heel_lift"}, {"reason", "needs the heels, which this skeleton lacks"}}})));
  EXPECT_EQ(m["notes"], nlohmann::ordered_json::array({"note <b>bold</b>"}));
  EXPECT_FALSE(j.contains("assessment_error"));
}

// A complete movement outside the exercise's position (exercise_position.h) is neither a rep
// nor a partial one: JSON gives its reason and class, the text report counts it apart.
TEST(ToJson, AMovementOutsideThePositionIsNotCountedAndSaysWhy) {
  AnalysisReport r = assessed_report();
  RepResult outside = r.assessment->reps[1];
  outside.number = 0;
  outside.findings.clear();
  outside.timing.start_s += 2, outside.timing.turn_s += 2, outside.timing.end_s += 2;
  outside.outside_position = "not in the exercise's position (the hands on the floor)";
  r.assessment->reps.push_back(outside);  // after the partial rep, in time order
  const nlohmann::ordered_json j = to_json(r);
  ASSERT_EQ(j["reps"].size(), 4u);
  const auto& rep = j["reps"][3];
  EXPECT_TRUE(rep["number"].is_null());
  EXPECT_EQ(rep["complete"], true);
  EXPECT_TRUE(rep["partial_reason"].is_null());
  EXPECT_EQ(rep["outside_position"], "not in the exercise's position (the hands on the floor)");
  EXPECT_EQ(rep["classification"], "outside_position");
  EXPECT_TRUE(rep["score"].is_null());
  EXPECT_TRUE(j["reps"][0]["outside_position"].is_null());
  EXPECT_EQ(j["movement"]["partial_reps"], 1);
  EXPECT_EQ(j["movement"]["outside_position_reps"], 1);
  const std::string text = render_text(r);
  position(text,
           "Repetitions   2 (1 partial repetition and 1 movement outside the exercise's position "
           "not counted)");
  position(text,
           "not counted               not in the exercise's position (the hands on the floor)");
}

TEST(ToJson, WithoutAssessmentCountAndScoreAreNullAndTheErrorIsGiven) {
  AnalysisReport r = hand_made_report("auto");
  r.assessment_error = "no joint angle moves or repeats";
  nlohmann::ordered_json j = to_json(r);
  EXPECT_TRUE(j["rep_count"].is_null());
  EXPECT_TRUE(j["score"].is_null());
  EXPECT_EQ(j["assessment_error"], "no joint angle moves or repeats");
  EXPECT_FALSE(j.contains("reps"));
  EXPECT_TRUE(to_json(hand_made_report())["assessment_error"].is_null());
}

}  // namespace
}  // namespace openpt::motion
