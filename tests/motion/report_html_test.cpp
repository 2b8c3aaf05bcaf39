// Key frames in the movement report (report.h: plan_key_frames, KeyFrame) on a hand-made
// recording with known answers: which frames are chosen (each rep's turning point; with
// many reps those with findings first; evenly spaced without reps), their captions and the
// joints their findings circle; then the HTML (an inline SVG per frame with the picture as a
// data URI and one line per bone whose two landmarks were found, faint ones dashed, all
// text escaped), the JSON key_frames and the text's list.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "openpt/motion/report.h"

namespace openpt::motion {
namespace {

constexpr std::size_t kFrames = 40;
constexpr double kFps = 20;
constexpr int kLeftKnee = 25, kLeftAnkle = 27, kRightFootIndex = 32;  // BlazePose indices

// 40 frames of a BlazePose skeleton in a 200 × 100 video: landmark i at (0.1 + 0.02 i,
// 0.5 + 0.001 frame), visibility 0.9, except the left ankle (0.2: faint) and the right toe
// (not found). Frame 7 has no person.
PoseSequence recording() {
  PoseSequence seq = make_pose_sequence(blazepose33(), kFrames);
  seq.metadata.source = "squat.mp4";
  seq.image_space = {.units = ImageUnits::kNormalized, .width_px = 200, .height_px = 100};
  const std::size_t n = seq.landmark_count();
  for (std::size_t f = 0; f < kFrames; ++f) {
    seq.t_s[f] = static_cast<double>(f) / kFps;
    for (std::size_t i = 0; i < n; ++i) {
      Landmark& l = seq.image[f * n + i];
      l.x = static_cast<float>(0.1 + 0.02 * static_cast<double>(i));
      l.y = static_cast<float>(0.5 + 0.001 * static_cast<double>(f));
      l.visibility = i == kLeftAnkle ? 0.2F : 0.9F;
      if (i == kRightFootIndex) l = Landmark{};
    }
  }
  seq.detected[7] = 0;
  for (std::size_t i = 0; i < n; ++i) seq.image[7 * n + i] = Landmark{};
  return seq;
}

RepResult rep(int number, std::size_t turn_frame) {
  RepResult r;
  r.number = number;
  r.timing.turn_frame = turn_frame;
  r.timing.turn_s = static_cast<double>(turn_frame) / kFps;
  r.timing.complete = number > 0;
  if (number == 0) r.timing.partial_reason = "reached 31 % of the typical range";
  return r;
}

// Rep 1 (turning point at frame 10) with a significant left knee valgus whose title tries to
// inject markup, rep 2 (frame 30) correct, a partial rep at frame 36.
AnalysisReport assessed(const PoseSequence& seq) {
  AnalysisReport report = make_report(seq, Kinematics{}, "squat");
  Assessment a;
  a.exercise_id = "squat";
  a.rep_count = 2;
  RepResult r1 = rep(1, 10);
  r1.classification = Severity::kSignificant;
  r1.findings = {{"knee_valgus", Side::kLeft, Severity::kSignificant, 18}};
  a.reps = {r1, rep(2, 30), rep(0, 36)};
  a.findings = {{.code = "knee_valgus",
                 .title = "Knee <valgus>",
                 .severity = Severity::kSignificant,
                 .side = Side::kLeft,
                 .value = 18,
                 .unit = "°",
                 .reps = {1},
                 .text = "Left knee valgus",
                 .cue = "Push your left knee out"}};
  report.assessment = a;
  return report;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

// Bones of the BlazePose skeleton drawn when the right toe is missing, and those among them
// touching the faint left ankle.
std::size_t drawn_bones() {
  std::size_t n = 0;
  for (const auto& [a, b] : blazepose33().bones) n += a != kRightFootIndex && b != kRightFootIndex;
  return n;
}
std::size_t faint_bones() {
  std::size_t n = 0;
  for (const auto& [a, b] : blazepose33().bones) n += a == kLeftAnkle || b == kLeftAnkle;
  return n;
}

TEST(PlanKeyFrames, OneFramePerRepAtItsTurningPointWithItsFindings) {
  const PoseSequence seq = recording();
  const std::vector<KeyFrame> frames = plan_key_frames(assessed(seq), seq);
  ASSERT_EQ(frames.size(), 3u);
  EXPECT_EQ(frames[0].frame, 10u);
  EXPECT_EQ(frames[1].frame, 30u);
  EXPECT_EQ(frames[2].frame, 36u);
  EXPECT_DOUBLE_EQ(frames[0].t_s, 0.5);
  EXPECT_EQ(frames[0].rep, 1);
  EXPECT_EQ(frames[0].title, "Rep 1 · 0.50 s");
  EXPECT_EQ(frames[0].status, "significant compensation");
  ASSERT_EQ(frames[0].findings.size(), 1u);
  EXPECT_EQ(frames[0].findings[0], "Knee <valgus> (left) 18°, significant");
  EXPECT_EQ(frames[1].status, "correct");
  EXPECT_TRUE(frames[1].findings.empty());
  EXPECT_TRUE(frames[2].not_counted);
  EXPECT_EQ(frames[2].rep, 0);
  EXPECT_EQ(frames[2].title, "Partial repetition · 1.80 s");
  ASSERT_EQ(frames[2].findings.size(), 1u);
  EXPECT_EQ(frames[2].findings[0], "Not counted (reached 31 % of the typical range)");
  // Landmarks as fractions of the frame, with visibility and the finding's joint.
  const KeyFrame& k = frames[0];
  ASSERT_EQ(k.landmarks.size(), 33u);
  EXPECT_EQ(k.width_px, 200);
  EXPECT_EQ(k.height_px, 100);
  EXPECT_NEAR(k.landmarks[kLeftKnee].x, 0.6, 1e-6);
  EXPECT_NEAR(k.landmarks[kLeftKnee].y, 0.51, 1e-6);
  EXPECT_EQ(k.landmarks[kLeftKnee].side, Side::kLeft);
  EXPECT_TRUE(k.landmarks[kLeftAnkle].faint);
  EXPECT_FALSE(k.landmarks[kLeftKnee].faint);
  EXPECT_TRUE(std::isnan(k.landmarks[kRightFootIndex].x));
  for (int i = 0; i < 33; ++i) {
    EXPECT_EQ(k.landmarks[static_cast<std::size_t>(i)].focus.has_value(), i == kLeftKnee) << i;
  }
  EXPECT_EQ(*k.landmarks[kLeftKnee].focus, Severity::kSignificant);
  EXPECT_EQ(k.bones, blazepose33().bones);
}

TEST(PlanKeyFrames, ManyRepsShowThoseWithFindingsThenEvenlySpacedOnes) {
  const PoseSequence seq = recording();
  AnalysisReport report = assessed(seq);
  Assessment& a = *report.assessment;
  a.reps.clear();
  for (int i = 0; i < 30; ++i) {  // turning points at frames 1..30; findings in reps 4 and 29
    RepResult r = rep(i + 1, static_cast<std::size_t>(i + 1));
    if (i + 1 == 4 || i + 1 == 29) r.findings = {{"trunk_lean", Side::kNone, Severity::kMild, 9}};
    a.reps.push_back(r);
  }
  const std::vector<KeyFrame> frames = plan_key_frames(report, seq);
  std::vector<int> shown;
  for (const KeyFrame& k : frames) shown.push_back(k.rep);
  // Reps 4 and 29, then 10 of the other 28 at the centres of equal shares (indices 1, 4, 7,
  // 9, 12, 15, 18, 21, 23, 26 of them), in time order.
  EXPECT_EQ(shown, (std::vector<int>{2, 4, 6, 9, 11, 14, 17, 20, 23, 25, 28, 29}));
  // Trunk findings circle both shoulders and both hips.
  std::vector<int> focused;
  for (std::size_t i = 0; i < frames[1].landmarks.size(); ++i) {
    if (frames[1].landmarks[i].focus) focused.push_back(static_cast<int>(i));
  }
  EXPECT_EQ(focused, (std::vector<int>{11, 12, 23, 24}));
}

TEST(PlanKeyFrames, WithoutRepsFourEvenlySpacedFramesOrTheImage) {
  PoseSequence seq = recording();
  const AnalysisReport report = make_report(seq, Kinematics{}, "auto");
  const std::vector<KeyFrame> frames = plan_key_frames(report, seq);
  ASSERT_EQ(frames.size(), 4u);
  EXPECT_EQ(frames[0].frame, 5u);
  EXPECT_EQ(frames[1].frame, 15u);
  EXPECT_EQ(frames[2].frame, 25u);
  EXPECT_EQ(frames[3].frame, 35u);
  EXPECT_EQ(frames[1].title, "0.75 s");
  EXPECT_TRUE(frames[1].status.empty());
  const std::vector<KeyFrame> seventh = plan_key_frames(report, seq, {.frames_without_reps = 40});
  ASSERT_EQ(seventh.size(), 40u);
  EXPECT_TRUE(seventh[7].landmarks.empty()) << "no person in frame 7";
  EXPECT_TRUE(seventh[7].bones.empty());

  PoseSequence image = make_pose_sequence(blazepose33(), 1);
  const std::vector<KeyFrame> one = plan_key_frames(make_report(image, Kinematics{}, ""), image);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].frame, 0u);
  EXPECT_EQ(one[0].title, "The image");
  EXPECT_TRUE(one[0].landmarks.empty()) << "no landmark was found";
}

AnalysisReport report_with_pictures() {
  const PoseSequence seq = recording();
  AnalysisReport report = assessed(seq);
  report.key_frames = plan_key_frames(report, seq);
  for (KeyFrame& k : report.key_frames) k.jpeg_base64 = "/9j/4AAQSkZJRg==";
  return report;
}

TEST(RenderHtmlKeyFrames, EachFrameIsAnSvgWithItsPictureSkeletonAndEscapedCaption) {
  const std::string html = render_html(report_with_pictures());
  EXPECT_EQ(count(html, "<figure class=\"keyframe\">"), 3u);
  EXPECT_EQ(count(html, "<image href=\"data:image/jpeg;base64,/9j/4AAQSkZJRg==\""), 3u);
  EXPECT_EQ(count(html, "<svg viewBox=\"0 0 200 100\""), 3u) << "the frame's own size";
  EXPECT_EQ(count(html, "<line class=\"bone"), 3 * drawn_bones());
  EXPECT_EQ(count(html, "<line class=\"bone faint\""), 3 * faint_bones());
  EXPECT_EQ(count(html, "stroke-dasharray"), 3 * faint_bones()) << "faint bones are dashed";
  EXPECT_EQ(count(html, "<circle class=\"focus\""), 1u) << "the left knee of rep 1";
  // Left knee of frame 10 at (0.6 × 200, 0.51 × 100).
  EXPECT_NE(html.find("<circle class=\"focus\" cx=\"120.0\" cy=\"51.0\""), std::string::npos);
  EXPECT_NE(html.find("<li>Knee &lt;valgus&gt; (left) 18°, significant</li>"), std::string::npos);
  EXPECT_EQ(html.find("<valgus>"), std::string::npos);
  EXPECT_NE(html.find("<strong>Rep 1 · 0.50 s</strong>"), std::string::npos);
  EXPECT_NE(html.find(">Rep 2</text>"), std::string::npos);
  EXPECT_NE(html.find(">Partial</text>"), std::string::npos);
  // After the assessment, before the recording's facts.
  EXPECT_LT(html.find("id=\"findings\""), html.find("<h2>Key frames</h2>"));
  EXPECT_LT(html.find("<h2>Key frames</h2>"), html.find("<h2>Recording</h2>"));
  for (const char* external : {"src=\"http", "href=\"http", "url(", "<script", "<link"}) {
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  }
}

// A movement outside the exercise's position (the third rep, whole but made standing up):
// its key frame is titled "Not counted", gives the reason as a sentence, and its badge and
// corner label say so rather than "Partial"; the rep table gives the reason too.
TEST(RenderHtmlKeyFrames, AMovementOutsideThePositionIsMarkedNotCounted) {
  const PoseSequence seq = recording();
  AnalysisReport report = assessed(seq);
  RepResult& third = report.assessment->reps[2];
  third.timing.complete = true;
  third.timing.partial_reason.clear();
  third.outside_position = "not in the exercise's position (the hands on the floor)";
  report.key_frames = plan_key_frames(report, seq);
  ASSERT_EQ(report.key_frames.size(), 3u);
  const KeyFrame& k = report.key_frames[2];
  EXPECT_TRUE(k.not_counted);
  EXPECT_EQ(k.rep, 0);
  EXPECT_EQ(k.title, "Not counted · 1.80 s");
  EXPECT_EQ(k.status_key, "outside_position");
  ASSERT_EQ(k.findings.size(), 1u);
  EXPECT_EQ(k.findings[0], "Not in the exercise's position (the hands on the floor)");
  const std::string html = render_html(report);
  EXPECT_NE(html.find(">Not counted</text>"), std::string::npos);
  EXPECT_EQ(html.find(">Partial</text>"), std::string::npos);
  EXPECT_NE(html.find("badge badge-outside_position"), std::string::npos);
  EXPECT_NE(html.find("not in the exercise&#39;s position (the hands on the floor)"),
            std::string::npos);
}

TEST(RenderHtmlKeyFrames, AFrameWithoutAPersonOrPictureStillShows) {
  PoseSequence seq = recording();
  AnalysisReport report = make_report(seq, Kinematics{}, "auto");
  report.key_frames = plan_key_frames(report, seq, {.frames_without_reps = 40});
  report.key_frames = {report.key_frames[7]};
  const std::string html = render_html(report);
  EXPECT_EQ(count(html, "<figure class=\"keyframe\">"), 1u);
  EXPECT_EQ(count(html, "<image "), 0u);
  EXPECT_EQ(count(html, "<line class=\"bone"), 0u);
  EXPECT_NE(html.find("No person was found in this frame."), std::string::npos);
}

TEST(RenderHtmlKeyFrames, NoKeyFramesNoSection) {
  const PoseSequence seq = recording();
  const AnalysisReport report = assessed(seq);
  EXPECT_EQ(render_html(report).find("Key frames"), std::string::npos);
  EXPECT_FALSE(to_json(report).contains("key_frames")) << "openpt analyze's JSON is unchanged";
  EXPECT_EQ(render_text(report).find("Key frames"), std::string::npos);
}

TEST(KeyFramesJsonAndText, ListFramesTimesRepsAndCaptionsWithoutPictures) {
  const AnalysisReport report = report_with_pictures();
  const nlohmann::ordered_json j = to_json(report);
  ASSERT_TRUE(j.contains("key_frames"));
  const auto& k = j["key_frames"];
  ASSERT_EQ(k.size(), 3u);
  EXPECT_EQ(k[0]["frame"], 10);
  EXPECT_EQ(k[0]["t_s"], 0.5);
  EXPECT_EQ(k[0]["rep"], 1);
  EXPECT_EQ(k[0]["caption"], "Rep 1 · 0.50 s: Knee <valgus> (left) 18°, significant");
  EXPECT_EQ(k[1]["caption"], "Rep 2 · 1.50 s");
  EXPECT_TRUE(k[2]["rep"].is_null());
  EXPECT_EQ(j.dump().find("/9j/"), std::string::npos) << "no picture bytes in the JSON";
  const std::string text = render_text(report);
  EXPECT_NE(text.find("Key frames"), std::string::npos);
  EXPECT_NE(text.find("Rep 1 · 0.50 s, Rep 2 · 1.50 s, Partial repetition · 1.80 s"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace openpt::motion
