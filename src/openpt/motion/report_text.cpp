// render_text: the movement report as plain text for a terminal: the assessment first
// (report_text_assessment.cpp), then the recording, the angle tables, the notes and the
// times of the key frames.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>

#include "openpt/core/printable.h"
#include "openpt/motion/report.h"
#include "openpt/motion/report_detail.h"

namespace openpt::motion {

namespace {

using detail::format_deg;
using Out = std::back_insert_iterator<std::string>;

void recording(Out out, const AnalysisReport& r) {
  const double fps = detail::report_fps(r);
  fmt::format_to(out, "Recording\n");
  fmt::format_to(out, "  {:<12}{}\n", "Source", r.source.empty() ? "–" : r.source);
  fmt::format_to(out, "  {:<12}{}\n", "Exercise",
                 r.exercise.empty() ? "none given" : printable(r.exercise));
  fmt::format_to(out, "  {:<12}{}\n", "Skeleton", r.skeleton);
  fmt::format_to(out, "  {:<12}{}\n", "Frames", r.frame_count);
  fmt::format_to(out, "  {:<12}{:.2f} s\n", "Duration", r.duration_s);
  fmt::format_to(out, "  {:<12}{}\n", "Frame rate",
                 fps > 0 ? fmt::format("{:.1f} fps", fps) : std::string("unknown"));
  fmt::format_to(out, "  {:<12}{}\n", "Analysis", detail::analysis_mode_text(r));
  fmt::format_to(out,
                 "  {:<12}{}; landmarks below visibility {:.2f} masked; gaps up to {:.2f} s "
                 "filled\n",
                 "Cleaning",
                 r.lowpass_cutoff_hz > 0 ? fmt::format("{:g} Hz low-pass", r.lowpass_cutoff_hz)
                                         : std::string("no low-pass filter"),
                 r.min_visibility, r.max_gap_fill_s);
}

// Width of the label column: the longest label (plus a flag mark) and some space.
std::size_t label_width() {
  std::size_t width = 24;
  for (const AngleInfo& info : all_angles()) width = std::max(width, info.label.size() + 4);
  return width;
}

void angle_table(Out out, const AnalysisReport& r) {
  fmt::format_to(out, "\nJoint angles (degrees)\n");
  if (r.summary.angles.empty()) {
    fmt::format_to(out, "  No angle could be measured in this recording.\n");
    return;
  }
  const std::size_t w = label_width();
  fmt::format_to(out, "  {:<{}}{:>8}{:>8}{:>8}{:>8}{:>8}\n", "Angle", w, "Min", "Max", "ROM",
                 "Mean", "Frames");
  bool any_flagged = false;
  for (const AngleSummary& s : r.summary.angles) {
    const AngleSeries* series = detail::find_series(r, s.key);
    const bool flagged = series && !series->in_view_plane;
    any_flagged |= flagged;
    const std::string label = fmt::format("{}{}", angle_info(s.key).label, flagged ? " *" : "");
    fmt::format_to(out, "  {:<{}}{:>8}{:>8}{:>8}{:>8}{:>8}\n", label, w, format_deg(s.min_deg),
                   format_deg(s.max_deg), format_deg(s.rom_deg), format_deg(s.mean_deg),
                   s.valid_frames);
  }
  if (any_flagged) {
    fmt::format_to(out, "  * projection on the image plane: approximate (see Notes)\n");
  }
}

void asymmetry_table(Out out, const AnalysisReport& r) {
  if (r.summary.asymmetries.empty()) return;
  fmt::format_to(out, "\nLeft–right asymmetry (range of motion, degrees)\n");
  const std::size_t w = label_width();
  fmt::format_to(out, "  {:<{}}{:>8}{:>8}{:>8}{:>10}\n", "Angle", w, "Left", "Right", "L − R",
                 "Index");
  for (const Asymmetry& a : r.summary.asymmetries) {
    const std::string index = std::isfinite(a.index_pct) ? fmt::format("{:.1f} %", a.index_pct)
                                                         : std::string(detail::kMissing);
    fmt::format_to(out, "  {:<{}}{:>8}{:>8}{:>8}{:>10}\n", detail::angle_base_label(a.id), w,
                   format_deg(a.left_rom_deg), format_deg(a.right_rom_deg),
                   format_deg(a.difference_deg), index);
  }
  fmt::format_to(out, "  Index = |L − R| / max(L, R) × 100 %.\n");
}

void list(std::string& text, std::string_view title, const std::vector<std::string>& items) {
  if (items.empty()) return;
  fmt::format_to(std::back_inserter(text), "  {}:\n", title);
  for (const auto& item : items) detail::append_wrapped(text, "    - ", item);
}

void notes(std::string& text, const AnalysisReport& r) {
  const detail::ReportNotes n = detail::report_notes(r);
  if (n.empty()) return;
  text += "\nNotes\n";
  list(text, "Not measured", n.unavailable);
  list(text, "Gaps in the data", n.gaps);
  list(text, "Warnings", n.warnings);
  if (!n.out_of_view_plane.empty()) detail::append_wrapped(text, "  ", n.out_of_view_plane);
}

// Only where they are: the pictures themselves are in the HTML report.
void key_frames(std::string& text, const AnalysisReport& r) {
  if (r.key_frames.empty()) return;
  std::string times;
  for (const KeyFrame& k : r.key_frames) times += (times.empty() ? "" : ", ") + k.title;
  text += "\nKey frames (pictures with the pose in the HTML report)\n";
  detail::append_wrapped(text, "  ", times);
}

}  // namespace

namespace detail {

// Widths count bytes: close enough for these mostly ASCII notes.
void append_wrapped(std::string& out, std::string_view lead, std::string_view text,
                    std::size_t width) {
  out += lead;
  std::size_t column = lead.size();
  bool first = true;
  while (!text.empty()) {
    const std::size_t end = text.find(' ');
    const std::string_view word = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (!first && column + 1 + word.size() > width) {
      out += '\n';
      out.append(lead.size(), ' ');
      column = lead.size();
    } else if (!first) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    first = false;
  }
  out += '\n';
}

}  // namespace detail

// The assessment leads (report_text_assessment.cpp); the recording and the kinematics follow.
std::string render_text(const AnalysisReport& report) {
  std::string text;
  auto out = std::back_inserter(text);
  fmt::format_to(out, "OpenPT movement report{}\n\n",
                 report.source.empty() ? "" : " – " + report.source);
  detail::append_text_assessment(text, report);
  recording(out, report);
  angle_table(out, report);
  asymmetry_table(out, report);
  notes(text, report);
  key_frames(text, report);
  return text;
}

}  // namespace openpt::motion
