// render_html: the movement report as one self-contained, printable HTML page — inline CSS
// and SVG plots, no scripts, no external resources. The assessment leads
// (report_html_assessment.cpp), then the key frames of a video (report_html_key_frames.cpp);
// the recording, angle tables, notes and plots follow. All text from the recording or an
// exercise file (file name, exercise, findings, reasons, warnings, captions) is escaped.
#include <fmt/format.h>

#include <array>
#include <cmath>
#include <iterator>
#include <vector>

#include "openpt/motion/html_page.h"
#include "openpt/motion/report.h"
#include "openpt/motion/report_detail.h"
#include "openpt/motion/svg_plot.h"

namespace openpt::motion {

namespace {

using detail::format_deg;
using Out = std::back_insert_iterator<std::string>;

// Beyond the base stylesheet of every report page (html_page.h).
constexpr std::string_view kStyle = R"css(
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.facts dt { color: #666; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
td.n, th.n { text-align: right; }
.flag { color: #a15c00; }
ul { margin: 4px 0 8px; padding-left: 20px; }
.score { font-size: 22px; font-weight: 700; }
table.reasons { width: auto; }
ol.findings { padding-left: 22px; margin: 4px 0 8px; }
ol.findings li { margin: 0 0 8px; }
ol.findings p { margin: 2px 0 0; }
.badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px;
         font-weight: 600; border: 1px solid transparent; white-space: nowrap;
         -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.badge-significant { background: #b3261e; color: #fff; }
.badge-mild { background: #f6c344; color: #3d2c00; }
.badge-ok, .badge-correct { background: #2e7d32; color: #fff; }
.badge-partial, .badge-outside_position { background: #fff; color: #444;
                                          border: 1px dashed #777; }
.badge-unchecked { background: #eee; color: #444; border-color: #bbb; }
aside.patient { border: 2px solid #2e6db4; border-radius: 6px; background: #f1f6fc;
                padding: 4px 14px; margin: 12px 0; }
aside.patient h3 { margin-top: 8px; }
aside.patient li { font-size: 15px; }
ul.well { color: #444; font-size: 13px; }
ul.well { list-style-type: "✓ "; }
table.reps td, table.reps th { padding: 3px 5px; }
.keyframes { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
             gap: 14px; align-items: start; }
.keyframes.tall { grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); }
.keyframes.wide { grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); }
figure.keyframe { margin: 0; }
figure.keyframe svg { display: block; width: 100%; height: auto; border-radius: 4px; }
figure.keyframe figcaption { color: #222; font-size: 13px; margin-top: 4px; }
figure.keyframe ul { margin: 2px 0 0; padding-left: 18px; }
@media print {
  body { margin: 0; max-width: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table, figure { break-inside: avoid; page-break-inside: avoid; }
}
)css";

std::string esc(std::string_view s) {
  return escape_xml(s);
}

void recording(Out out, const AnalysisReport& r) {
  const double fps = detail::report_fps(r);
  fmt::format_to(out, "<h2>Recording</h2>\n<dl class=\"facts\">\n");
  auto fact = [&](std::string_view term, const std::string& value) {
    fmt::format_to(out, "<dt>{}</dt><dd>{}</dd>\n", term, esc(value));
  };
  fact("Source", r.source.empty() ? std::string(detail::kMissing) : r.source);
  fact("Exercise", r.exercise.empty() ? "none given" : r.exercise);
  fact("Skeleton", r.skeleton);
  fact("Frames", fmt::format("{}", r.frame_count));
  fact("Duration", fmt::format("{:.2f} s", r.duration_s));
  fact("Frame rate", fps > 0 ? fmt::format("{:.1f} fps", fps) : "unknown");
  fact("Analysis", detail::analysis_mode_text(r));
  fact("Filter", r.lowpass_cutoff_hz > 0
                     ? fmt::format("{:g} Hz zero-phase low-pass", r.lowpass_cutoff_hz)
                     : "none");
  fact("Cleaning", fmt::format("landmarks below visibility {:.2f} masked; gaps up to {:.2f} s "
                               "filled by interpolation",
                               r.min_visibility, r.max_gap_fill_s));
  fmt::format_to(out, "</dl>\n");
}

void angle_table(Out out, const AnalysisReport& r) {
  fmt::format_to(out, "<h2>Joint angles</h2>\n");
  if (r.summary.angles.empty()) {
    fmt::format_to(out, "<p>No angle could be measured in this recording.</p>\n");
    return;
  }
  fmt::format_to(out,
                 "<table>\n<tr><th>Angle</th><th class=\"n\">Min °</th><th class=\"n\">Max "
                 "°</th><th class=\"n\">ROM °</th><th class=\"n\">Mean °</th><th "
                 "class=\"n\">Frames</th></tr>\n");
  bool any_flagged = false;
  for (const AngleSummary& s : r.summary.angles) {
    const AngleSeries* series = detail::find_series(r, s.key);
    const bool flagged = series && !series->in_view_plane;
    any_flagged |= flagged;
    fmt::format_to(out,
                   "<tr><td>{}{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                   "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                   esc(angle_info(s.key).label), flagged ? " <span class=\"flag\">*</span>" : "",
                   format_deg(s.min_deg), format_deg(s.max_deg), format_deg(s.rom_deg),
                   format_deg(s.mean_deg), s.valid_frames);
  }
  fmt::format_to(out, "</table>\n");
  if (any_flagged) {
    fmt::format_to(out,
                   "<p class=\"small\"><span class=\"flag\">*</span> projection on the image "
                   "plane: approximate (see Notes).</p>\n");
  }
}

void asymmetry_table(Out out, const AnalysisReport& r) {
  if (r.summary.asymmetries.empty()) return;
  fmt::format_to(out,
                 "<h2>Left–right asymmetry</h2>\n<table>\n<tr><th>Range of motion</th>"
                 "<th class=\"n\">Left °</th><th class=\"n\">Right °</th>"
                 "<th class=\"n\">L − R °</th><th class=\"n\">Index</th></tr>\n");
  for (const Asymmetry& a : r.summary.asymmetries) {
    const std::string index = std::isfinite(a.index_pct) ? fmt::format("{:.1f} %", a.index_pct)
                                                         : std::string(detail::kMissing);
    fmt::format_to(out,
                   "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                   "<td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                   esc(detail::angle_base_label(a.id)), format_deg(a.left_rom_deg),
                   format_deg(a.right_rom_deg), format_deg(a.difference_deg), index);
  }
  fmt::format_to(out, "</table>\n<p class=\"small\">Index = |L − R| / max(L, R) × 100 %.</p>\n");
}

void list(Out out, std::string_view title, const std::vector<std::string>& items) {
  if (items.empty()) return;
  fmt::format_to(out, "<h3>{}</h3>\n<ul>\n", title);
  for (const auto& item : items) fmt::format_to(out, "<li>{}</li>\n", esc(item));
  fmt::format_to(out, "</ul>\n");
}

void notes(Out out, const AnalysisReport& r) {
  const detail::ReportNotes n = detail::report_notes(r);
  if (n.empty()) return;
  fmt::format_to(out, "<h2>Notes</h2>\n");
  list(out, "Not measured", n.unavailable);
  list(out, "Gaps in the data", n.gaps);
  list(out, "Warnings", n.warnings);
  if (!n.out_of_view_plane.empty()) fmt::format_to(out, "<p>{}</p>\n", esc(n.out_of_view_plane));
}

struct PlotGroup {
  std::string_view title;
  std::vector<AngleKey> keys;
};

const std::vector<PlotGroup>& plot_groups() {
  static const std::vector<PlotGroup> groups = [] {
    std::vector<PlotGroup> g;
    auto bilateral = [&](std::string_view title, AngleId id) {
      g.push_back({title, {{id, Side::kLeft}, {id, Side::kRight}}});
    };
    bilateral("Knee flexion", AngleId::kKneeFlexion);
    bilateral("Hip flexion", AngleId::kHipFlexion);
    bilateral("Ankle dorsiflexion", AngleId::kAnkleDorsiflexion);
    bilateral("Elbow flexion", AngleId::kElbowFlexion);
    bilateral("Shoulder flexion", AngleId::kShoulderFlexion);
    bilateral("Shoulder abduction", AngleId::kShoulderAbduction);
    bilateral("Knee frontal-plane projection angle", AngleId::kKneeFrontalProjection);
    g.push_back({"Trunk and pelvis",
                 {{AngleId::kTrunkFlexion, Side::kNone},
                  {AngleId::kTrunkLateralLean, Side::kNone},
                  {AngleId::kPelvicObliquity, Side::kNone}}});
    return g;
  }();
  return groups;
}

PlotSeries plot_series(const AngleSeries& s, const std::vector<double>& t_s,
                       std::size_t index_in_group) {
  static constexpr std::array<std::string_view, 3> kUnsided = {"#2a7d2a", "#7b4fa8", "#8c5a2b"};
  PlotSeries p;
  p.x = t_s;
  p.y = s.deg;
  switch (s.key.side) {
    case Side::kLeft: p.label = "left", p.color = "#1f66b0"; break;
    case Side::kRight: p.label = "right", p.color = "#c8332b", p.dashed = true; break;
    case Side::kNone:
      p.label = std::string(angle_info(s.key).label);
      p.color = std::string(kUnsided[index_in_group % kUnsided.size()]);
      p.dashed = index_in_group % 2 == 1;
      break;
  }
  if (!s.in_view_plane) p.label += " *";
  return p;
}

// Every group with data, except the driving measure's, which the assessment already plotted
// with the repetitions marked.
void plots(Out out, const AnalysisReport& r) {
  const Kinematics& k = r.kinematics;
  const std::string rep_plot_measure = detail::html_rep_plot_measure(r);
  bool heading = false;
  for (const PlotGroup& group : plot_groups()) {
    if (group.keys.front().side != Side::kNone &&
        detail::angle_base_name(group.keys.front().id) == rep_plot_measure) {
      continue;
    }
    std::vector<PlotSeries> series;
    for (std::size_t i = 0; i < group.keys.size(); ++i) {
      const AngleSeries* s = detail::find_series(r, group.keys[i]);
      if (s && s->deg.size() == k.t_s.size()) series.push_back(plot_series(*s, k.t_s, i));
    }
    if (series.empty()) continue;
    if (!heading) fmt::format_to(out, "<h2>Angles over time</h2>\n");
    heading = true;
    const AngleInfo& first = angle_info(group.keys.front());
    const std::string y_label = group.keys.front().side == Side::kNone
                                    ? std::string("angle (°)")
                                    : fmt::format("angle (°), + = {}", first.positive);
    fmt::format_to(
        out, "<figure>\n{}</figure>\n",
        render_line_plot(
            {.title = std::string(group.title), .x_label = "time (s)", .y_label = y_label},
            series));
  }
}

}  // namespace

std::string render_html(const AnalysisReport& report) {
  std::string html;
  auto out = std::back_inserter(html);
  const std::string title =
      report.source.empty() ? "Movement report" : "Movement report – " + report.source;
  html += html_page_start(title, kStyle);
  fmt::format_to(out, "<h1>Movement report</h1>\n<p class=\"sub\">{}{}</p>\n", esc(report.source),
                 report.exercise.empty() ? "" : " · " + esc(report.exercise));
  detail::append_html_assessment(html, report);
  detail::append_html_key_frames(html, report);
  recording(out, report);
  angle_table(out, report);
  asymmetry_table(out, report);
  notes(out, report);
  plots(out, report);
  fmt::format_to(out,
                 "<footer>Generated by {} · {} · angles defined in OpenPT "
                 "docs/kinematics.md</footer>\n</body>\n</html>\n",
                 esc(kGenerator), esc(kAssessmentSchema));
  return html;
}

}  // namespace openpt::motion
