// The assessment part of the HTML report, which leads the page: exercise, repetitions and
// score with the reasons that lowered it, the findings worst first with severity badges
// (the severity is written out, not shown by colour alone), the patient cues in a "For the
// patient" box, what went well, the repetition table, and the driving signal's time plot
// with each repetition shaded (those not counted dashed) and its turning point marked; then the
// rules that were not checked and the movement notes. Everything from files is escaped.
#include <fmt/format.h>

#include <iterator>
#include <string>
#include <vector>

#include "openpt/motion/measures.h"
#include "openpt/motion/report_detail.h"
#include "openpt/motion/svg_plot.h"

namespace openpt::motion::detail {

namespace {

using Out = std::back_insert_iterator<std::string>;

std::string esc(std::string_view s) {
  return escape_xml(s);
}

std::string badge(std::string_view key, std::string_view label) {
  return fmt::format("<span class=\"badge badge-{}\">{}</span>", key, esc(label));
}

std::string severity_key(Severity s) {
  return std::string(severity_name(s));
}

void summary(Out out, const Assessment& a) {
  fmt::format_to(out, "<dl class=\"facts\">\n<dt>Exercise</dt><dd>{}</dd>\n",
                 esc(exercise_text(a)));
  fmt::format_to(out, "<dt>Repetitions</dt><dd>{}</dd>\n", esc(rep_count_text(a)));
  if (a.score) {
    fmt::format_to(out,
                   "<dt>Movement quality</dt><dd><span class=\"score\">{:.0f}</span> / 100"
                   "</dd>\n</dl>\n",
                   *a.score);
  } else {
    fmt::format_to(out, "<dt>Movement quality</dt><dd>{}</dd>\n</dl>\n", esc(score_text(a)));
  }
  if (!a.score || a.score_reasons.empty()) return;
  fmt::format_to(out, "<h3>What lowered the score</h3>\n<table class=\"reasons\">\n");
  for (const ScoreReason& s : a.score_reasons) {
    fmt::format_to(out, "<tr><td class=\"n\">−{:.1f}</td><td>points: {}</td></tr>\n", s.points,
                   esc(s.text));
  }
  fmt::format_to(out, "</table>\n");
}

void findings(Out out, const Assessment& a) {
  fmt::format_to(out, "<h3>Findings, worst first</h3>\n");
  if (a.automatic) {
    fmt::format_to(out,
                   "<p>Form was not checked: no exercise was named. Give <code>--exercise "
                   "NAME</code> to check the form rules of an exercise.</p>\n");
    return;
  }
  std::vector<std::string> cues;
  bool any = false;
  for (const Finding& f : a.findings) {
    if (f.severity == Severity::kOk) continue;
    if (!any) fmt::format_to(out, "<ol class=\"findings\">\n");
    any = true;
    fmt::format_to(out,
                   "<li>{} <strong>{}</strong> <span class=\"small\">{}</span>"
                   "<p>{}</p></li>\n",
                   badge(severity_key(f.severity), severity_label(f.severity)),
                   esc(finding_heading(f)), esc(finding_measure_text(f)), esc(f.text));
    if (!f.cue.empty()) cues.push_back(f.cue);
  }
  if (any) {
    fmt::format_to(out, "</ol>\n");
  } else {
    fmt::format_to(
        out, "<p>{}</p>\n",
        esc(a.rep_count > 0 ? std::string("No compensation found in any repetition.")
                            : fmt::format("None: {} to check.", nothing_counted_text(a))));
  }
  if (!cues.empty()) {
    fmt::format_to(out,
                   "<aside class=\"patient\" aria-labelledby=\"for-the-patient\">\n"
                   "<h3 id=\"for-the-patient\">For the patient</h3>\n<ul>\n");
    for (const std::string& cue : cues) fmt::format_to(out, "<li>{}</li>\n", esc(cue));
    fmt::format_to(out, "</ul>\n</aside>\n");
  }
  std::string well;
  for (const Finding& f : a.findings) {
    if (f.severity == Severity::kOk) well += fmt::format("<li>{}</li>\n", esc(f.text));
  }
  if (!well.empty()) {
    fmt::format_to(out, "<h3>What went well</h3>\n<ul class=\"well\">\n{}</ul>\n", well);
  }
}

void rep_table(Out out, const Assessment& a) {
  if (a.reps.empty()) {
    fmt::format_to(out, "<p>No repetition was found.</p>\n");
    return;
  }
  const bool ecc = has_eccentric_times(a);
  const std::string unit = esc(a.signal_unit);
  fmt::format_to(out,
                 "<table class=\"reps\">\n<tr><th class=\"n\">Rep</th><th class=\"n\">Start "
                 "s</th><th class=\"n\">Turn s</th><th class=\"n\">End s</th>"
                 "<th class=\"n\">ROM {0}</th><th class=\"n\">{1}</th><th class=\"n\">{2}</th>"
                 "<th class=\"n\">Peak {0}/s</th><th>Result</th><th>Findings</th></tr>\n",
                 unit, ecc ? "Eccentric s" : "Outward s", ecc ? "Concentric s" : "Return s");
  for (const RepResult& r : a.reps) {
    const std::string findings = r.number == 0 ? not_counted_reason(r) : rep_findings_text(r, a);
    fmt::format_to(out,
                   "<tr><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                   "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                   "<td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>\n",
                   r.number > 0 ? fmt::format("{}", r.number) : std::string(kMissing),
                   format_seconds(r.timing.start_s), format_seconds(r.timing.turn_s),
                   format_seconds(r.timing.end_s), format_deg(r.rom_deg),
                   format_seconds(first_phase_s(r, ecc)), format_seconds(second_phase_s(r, ecc)),
                   format_deg(r.peak_velocity_deg_s),
                   badge(classification_key(r, a.automatic), classification_text(r, a.automatic)),
                   esc(findings));
  }
  fmt::format_to(out, "</table>\n");
}

// The driving measure's series to plot with the repetitions: both sides of a bilateral
// measure, else the side-less one. Empty when none is available at every frame.
struct RepPlotSeries {
  std::string measure;
  std::vector<std::pair<Side, const std::vector<double>*>> series;
};

RepPlotSeries rep_plot_series(const AnalysisReport& report, MeasureSet& measures) {
  RepPlotSeries out;
  if (!report.assessment || report.assessment->reps.empty()) return out;
  const DrivingMeasure d = driving_measure(*report.assessment);
  const std::vector<Side> sides =
      d.bilateral ? std::vector<Side>{Side::kLeft, Side::kRight} : std::vector<Side>{Side::kNone};
  for (Side side : sides) {
    auto s = measures.series(d.measure, side);
    if (s && (*s)->size() == report.kinematics.t_s.size()) out.series.emplace_back(side, *s);
  }
  if (!out.series.empty()) out.measure = d.measure;
  return out;
}

std::string measure_label(std::string measure) {
  for (char& c : measure) c = c == '_' ? ' ' : c;
  if (!measure.empty() && measure[0] >= 'a' && measure[0] <= 'z') {
    measure[0] = static_cast<char>(measure[0] - 'a' + 'A');
  }
  return measure;
}

void rep_plot(Out out, const AnalysisReport& report) {
  MeasureSet measures(report.kinematics);
  const RepPlotSeries found = rep_plot_series(report, measures);
  if (found.series.empty()) return;
  const Assessment& a = *report.assessment;
  std::vector<PlotSeries> series;
  for (const auto& [side, values] : found.series) {
    PlotSeries p;
    p.x = report.kinematics.t_s;
    p.y = *values;
    switch (side) {
      case Side::kLeft: p.label = "left", p.color = "#1f66b0"; break;
      case Side::kRight: p.label = "right", p.color = "#c8332b", p.dashed = true; break;
      case Side::kNone: p.label = found.measure, p.color = "#2a7d2a"; break;
    }
    series.push_back(std::move(p));
  }
  PlotOptions options{.title = "Repetitions – " + measure_label(found.measure),
                      .x_label = "time (s)",
                      .y_label = a.signal_unit == "°"
                                     ? std::string("angle (°)")
                                     : fmt::format("{} ({})", found.measure, a.signal_unit)};
  for (const RepResult& r : a.reps) {
    const Repetition& t = r.timing;
    const bool counted = r.number > 0, partial = is_partial(r);
    options.bands.push_back(
        {.x0 = t.start_s,
         .x1 = t.end_s,
         .label = counted   ? fmt::format("{}", r.number)
                  : partial ? "p"
                            : "x",
         .tooltip = counted ? fmt::format("rep {}: {:.2f}–{:.2f} s, {}", r.number, t.start_s,
                                          t.end_s, classification_text(r, a.automatic))
                            : fmt::format("{} {:.2f}–{:.2f} s: {}",
                                          partial ? "partial repetition" : "not counted", t.start_s,
                                          t.end_s, not_counted_reason(r)),
         .muted = !counted});
    options.markers.push_back({.x = t.turn_s,
                               .y = t.turn_value,
                               .tooltip = fmt::format("turning point {:.2f} s", t.turn_s),
                               .muted = !counted});
  }
  fmt::format_to(
      out,
      "<figure>\n{}<figcaption>Driving signal: {}. Shaded bands are the counted "
      "repetitions, numbered; grey dashed bands are not counted: p marks partial "
      "repetitions{}; a triangle marks each turning point (hollow when not "
      "counted).</figcaption>\n</figure>\n",
      render_line_plot(options, series), esc(a.signal),
      outside_position_count(a) > 0 ? ", x movements outside the exercise&#39;s position" : "");
}

void skipped_and_notes(Out out, const Assessment& a) {
  if (!a.skipped.empty()) {
    fmt::format_to(out, "<h3>Not checked</h3>\n<ul>\n");
    for (const SkippedRule& s : a.skipped) {
      fmt::format_to(out, "<li><code>{}</code>: {}</li>\n", esc(s.code), esc(s.reason));
    }
    fmt::format_to(out, "</ul>\n");
  }
  fmt::format_to(out,
                 "<h3>Movement</h3>\n<ul>\n<li>Driving signal: {}; typical range of a "
                 "repetition {}</li>\n",
                 esc(a.signal), esc(format_in_unit(a.typical_rom, a.signal_unit)));
  for (const std::string& note : a.notes) fmt::format_to(out, "<li>{}</li>\n", esc(note));
  fmt::format_to(out, "</ul>\n");
}

}  // namespace

void append_html_assessment(std::string& html, const AnalysisReport& report) {
  auto out = std::back_inserter(html);
  if (!report.assessment) {
    if (report.assessment_error.empty()) return;
    fmt::format_to(out,
                   "<section class=\"assessment\" id=\"findings\">\n<h2>Assessment</h2>\n"
                   "<p>{} Not available: {}</p>\n</section>\n",
                   badge("unchecked", "No assessment"), esc(report.assessment_error));
    return;
  }
  const Assessment& a = *report.assessment;
  fmt::format_to(out, "<section class=\"assessment\" id=\"findings\">\n<h2>Assessment</h2>\n");
  summary(out, a);
  findings(out, a);
  fmt::format_to(out, "<h2>Repetitions</h2>\n");
  rep_table(out, a);
  rep_plot(out, report);
  skipped_and_notes(out, a);
  fmt::format_to(out, "</section>\n");
}

std::string html_rep_plot_measure(const AnalysisReport& report) {
  MeasureSet measures(report.kinematics);
  return rep_plot_series(report, measures).measure;
}

}  // namespace openpt::motion::detail
