// Internal to the movement report: what the text, JSON and HTML renderers share, so each
// renderer only lays things out. Number formatting ("12.3", "–" when missing), side-less
// angle names for the asymmetry table, the analysis-mode line, and the notes (unavailable
// angles, gaps, warnings, angles outside the view plane) as plain sentences; for the
// assessment (report_assessment.cpp) the words for severities, classifications, rep counts
// and the score, and the sections the text and HTML renderers put first.
//
//   std::string rom = format_deg(s.rom_deg);           // "89.2" or "–"
//   std::string name = angle_base_name(AngleId::kKneeFlexion);  // "knee_flexion"
//   ReportNotes notes = report_notes(report);
//   std::string c = classification_text(rep, a.automatic);     // "mild compensation"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "openpt/motion/report.h"

namespace openpt::motion::detail {

inline constexpr std::string_view kMissing = "–";  // en dash: a value that is not available
inline constexpr std::size_t kMaxListedGaps = 20;  // text and HTML; JSON lists all

// One decimal, or kMissing for NaN/infinite.
std::string format_deg(double value);
// The frame rate to state: the recording's nominal fps, else the analysed sample rate.
double report_fps(const AnalysisReport& report);

// "knee_flexion" and "Knee flexion": the angle without its side (for the asymmetry table).
std::string angle_base_name(AngleId id);
std::string angle_base_label(AngleId id);

// "3D (world coordinates)" or "2D (image plane), side view, inferred from the body's
// proportions".
std::string analysis_mode_text(const AnalysisReport& report);

const AngleSeries* find_series(const AnalysisReport& report, AngleKey key);

// Gaps over the same frames with the same handling (filled or not), in time order: a
// person out of view leaves every joint missing at once, which is one line, not one per joint.
struct GapGroup {
  std::vector<const Gap*> gaps;  // at least one; pointers into the list grouped
};
std::vector<GapGroup> gaps_by_span(const std::vector<Gap>& gaps);

struct ReportNotes {
  std::vector<std::string> unavailable;  // "Left hip flexion: <reason>"
  std::vector<std::string> gaps;         // at most kMaxListedGaps, then "… and N more"
  std::vector<std::string> warnings;
  std::string out_of_view_plane;  // one sentence naming the flagged angles, or empty
  [[nodiscard]] bool empty() const {
    return unavailable.empty() && gaps.empty() && warnings.empty() && out_of_view_plane.empty();
  }
};
ReportNotes report_notes(const AnalysisReport& report);

// --- Assessment (report_assessment.cpp) ---------------------------------------------------

// "Significant", "Mild", "OK".
std::string_view severity_label(Severity s);
// "correct", "mild compensation", "significant compensation", "partial", "not counted" (a
// movement outside the exercise's position); "not checked" for a complete rep when no form
// rules were checked (automatic detection).
std::string classification_text(const RepResult& rep, bool automatic);
// A CSS-safe key for the classification: "correct", "mild", "significant", "partial",
// "outside_position", "unchecked".
std::string_view classification_key(const RepResult& rep, bool automatic);
// "Deep squat (deep_squat)", or "detected automatically: left shoulder_flexion".
std::string exercise_text(const Assessment& a);
// "5", "5 (1 partial repetition not counted)", "12 (2 movements outside the exercise's
// position not counted)".
std::string rep_count_text(const Assessment& a);
// Why nothing was counted: "no complete repetition", or "no repetition in the exercise's
// position (2 movements outside it)".
std::string nothing_counted_text(const Assessment& a);
// "72 / 100", or why there is none.
std::string score_text(const Assessment& a);
// "Knee valgus (left)": the finding's title and side.
std::string finding_heading(const Finding& f);
// "measured 45 %; significant threshold 40 %" (value and threshold in the finding's unit).
std::string finding_measure_text(const Finding& f);
// One of a rep's findings: "Knee valgus (left) 45 %, significant".
std::string rep_finding_text(const RepFinding& finding, const Assessment& a);
// A rep's own findings: "Knee valgus (left) 45 %, significant; Trunk lean 52°, mild".
std::string rep_findings_text(const RepResult& rep, const Assessment& a);
// Whether the rep table shows eccentric/concentric (known exercise) or outward/return times.
bool has_eccentric_times(const Assessment& a);
// The eccentric and concentric (or outward and return) seconds of a rep.
double first_phase_s(const RepResult& rep, bool eccentric);
double second_phase_s(const RepResult& rep, bool eccentric);
// "1.27" seconds with two decimals, or kMissing.
std::string format_seconds(double value);
// One decimal with its unit: "101.2°", "4.5 % leg"; kMissing when not finite.
std::string format_in_unit(double value, std::string_view unit);

// The driving measure of an assessment, for plotting: bilateral measures are plotted on
// both sides; `driving_side` is the side that drives (kNone: both, or side-less).
struct DrivingMeasure {
  std::string measure;
  Side driving_side = Side::kNone;
  bool bilateral = false;
};
DrivingMeasure driving_measure(const Assessment& assessment);

// Sections. Text: report_text_assessment.cpp; HTML: report_html_assessment.cpp. They write
// nothing when the report has neither an assessment nor an assessment error.
void append_text_assessment(std::string& out, const AnalysisReport& report);
void append_html_assessment(std::string& out, const AnalysisReport& report);
// The key frames (report_html_key_frames.cpp); nothing when the report has none.
void append_html_key_frames(std::string& out, const AnalysisReport& report);
// The measure whose time plot the HTML assessment drew with the repetitions marked (so the
// angle plots can leave it out), or empty.
std::string html_rep_plot_measure(const AnalysisReport& report);

// `text` after `lead`, word-wrapped at `width` columns, continuation lines indented to the
// end of `lead`, ending with a newline (report_text.cpp).
void append_wrapped(std::string& out, std::string_view lead, std::string_view text,
                    std::size_t width = 92);

}  // namespace openpt::motion::detail
