#include "openpt/motion/report.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace openpt::motion
