#include "openpt/gait/gait_report.h"

#include <fmt/format.h>

#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>

#include "openpt/core/version.h"
#include "openpt/motion/html_page.h"
#include "openpt/motion/svg_plot.h"

namespace openpt::gait {
namespace {

using nlohmann::json;

json number(double v) {
  return std::isfinite(v) ? json(v) : json(nullptr);
}

json summary_json(const Summary& s) {
  return {{"mean", number(s.mean)}, {"sd", number(s.sd)}, {"cv_pct", number(s.cv_pct)}, {"n", s.n}};
}

json side_json(const SideParameters& p) {
  return {{"stride_time_s", summary_json(p.stride_time_s)},
          {"step_time_s", summary_json(p.step_time_s)},
          {"stance_pct", summary_json(p.stance_pct)},
          {"swing_pct", summary_json(p.swing_pct)},
          {"double_support_pct", summary_json(p.double_support_pct)},
          {"stride_length_m", summary_json(p.stride_length_m)},
          {"stride_speed_mps", summary_json(p.stride_speed_mps)},
          {"clearance_m", summary_json(p.clearance_m)}};
}

json walk_json(const WalkParameters& w) {
  json symmetry = json::array();
  for (const auto& s : w.symmetry) {
    symmetry.push_back({{"parameter", s.parameter},
                        {"index_pct", number(s.index_pct)},
                        {"ratio", number(s.ratio)}});
  }
  return {{"start_s", w.start_s},
          {"end_s", w.end_s},
          {"steps", w.steps},
          {"cadence_spm", number(w.cadence_spm)},
          {"gait_speed_mps", number(w.gait_speed_mps)},
          {"left", side_json(w.left)},
          {"right", side_json(w.right)},
          {"symmetry", symmetry}};
}

json events_json(const std::vector<GaitEvent>& list) {
  json events = json::array();
  for (const auto& e : list) {
    events.push_back({{"side", side_name(e.side)},
                      {"type", event_type_name(e.type)},
                      {"t_s", e.t_s},
                      {"sample", e.sample},
                      {"source", placement_name(e.source)}});
  }
  return events;
}

json bouts_json(const GaitParameters& p) {
  json bouts = json::array();
  for (const auto& b : p.bouts) bouts.push_back(walk_json(b));
  return bouts;
}

json lower_back_json(const LowerBackAnalysis& back, const ImuSignal* sensor) {
  json walking = json::array();
  for (const auto& b : back.detection.bouts) {
    walking.push_back({{"start_s", b.start_s}, {"end_s", b.end_s}, {"steps", b.steps}});
  }
  json turns = json::array();
  for (const auto& t : back.turns) {
    turns.push_back({{"start_s", t.start_s},
                     {"end_s", t.end_s},
                     {"duration_s", t.duration_s()},
                     {"angle_deg", t.angle_deg},
                     {"peak_rate_dps", t.peak_rate_dps}});
  }
  return {{"source", sensor ? json(sensor->source) : json(nullptr)},
          {"parameters", walk_json(back.parameters.overall)},
          {"bouts", bouts_json(back.parameters)},
          {"walking_bouts", walking},
          {"turns", turns},
          {"side_votes_overruled", back.detection.side_disagreements},
          {"rejected_contacts", back.detection.rejected_contacts},
          {"events", events_json(back.detection.events)}};
}

std::string_view source_name(GaitSource source) {
  switch (source) {
    case GaitSource::kFeet: return "feet";
    case GaitSource::kLowerBack: return "lower_back";
    default: return "none";
  }
}

std::string value(double v, int decimals, std::string_view unit = "") {
  if (!std::isfinite(v)) return "–";
  return fmt::format("{:.{}f}{}", v, decimals, unit);
}

std::string mean_sd(const Summary& s, int decimals) {
  if (s.n == 0) return "–";
  if (!std::isfinite(s.sd)) return value(s.mean, decimals);
  return fmt::format("{:.{}f} ± {:.{}f}", s.mean, decimals, s.sd, decimals);
}

struct Row {
  const char* label;
  Summary SideParameters::*field;
  int decimals;
};
constexpr Row kRows[] = {
    {"stride time (s)", &SideParameters::stride_time_s, 3},
    {"step time (s)", &SideParameters::step_time_s, 3},
    {"stance (% of stride)", &SideParameters::stance_pct, 1},
    {"swing (% of stride)", &SideParameters::swing_pct, 1},
    {"double support (% of stride)", &SideParameters::double_support_pct, 1},
    {"stride length (m)", &SideParameters::stride_length_m, 2},
    {"stride speed (m/s)", &SideParameters::stride_speed_mps, 2},
    {"foot clearance (m)", &SideParameters::clearance_m, 3},
};

std::string escape(std::string_view s) {
  return motion::escape_xml(s);
}

constexpr std::string_view kFromLowerBack =
    "Events and parameters from the lower-back sensor (no foot sensor): stance, swing and "
    "double support rest on its final contacts, which are less accurate than its initial "
    "contacts (docs/gait.md).";

std::string turn_text(const Turn& t) {
  return fmt::format("{:.1f}–{:.1f} s, {:+.0f}° ({})", t.start_s, t.end_s, t.angle_deg,
                     t.angle_deg > 0 ? "left" : "right");
}

// One paragraph on the lower-back sensor's own result.
std::string lower_back_text(const LowerBackAnalysis& back, const ImuSignal* sensor) {
  const WalkParameters& w = back.parameters.overall;
  std::string out = fmt::format(
      "Lower back{} (McCamley 2012): cadence {} steps/min · {} steps in {} walking bout(s) · "
      "{} turn(s)\n",
      sensor ? ", " + sensor->source : "", value(w.cadence_spm, 1), w.steps,
      back.detection.bouts.size(), back.turns.size());
  out += fmt::format("  step time (s)    left {}  right {}\n", mean_sd(w.left.step_time_s, 3),
                     mean_sd(w.right.step_time_s, 3));
  out += fmt::format("  stride time (s)  left {}  right {}\n", mean_sd(w.left.stride_time_s, 3),
                     mean_sd(w.right.stride_time_s, 3));
  for (const auto& sym : w.symmetry) {
    if (sym.parameter == "step_time_s" && std::isfinite(sym.index_pct)) {
      out += fmt::format("  step time symmetry: index {:.1f} %, ratio {:.3f}\n", sym.index_pct,
                         sym.ratio);
    }
  }
  for (const auto& t : back.turns) out += "  turn " + turn_text(t) + "\n";
  return out;
}

// The lower back's IC signal with its contacts and turns, as a figure.
std::string lower_back_figure(const LowerBackAnalysis& back, const ImuSignal& sensor) {
  const std::vector<double>& y = back.detection.ic_signal_mps2;
  std::vector<double> t(y.size());
  for (std::size_t i = 0; i < t.size(); ++i) t[i] = sensor.time_s(i);
  motion::PlotOptions plot;
  plot.title = "lower back: smoothed vertical acceleration (McCamley), contacts and turns";
  plot.x_label = "time (s)";
  plot.y_label = "−a_up (m/s²)";
  plot.max_points = 4000;
  for (const auto& e : back.detection.events) {
    motion::PlotMarker m;
    m.x = e.t_s;
    m.y = e.sample < y.size() ? y[e.sample] : kNaN;
    m.tooltip = fmt::format("{} {} {:.2f} s", side_name(e.side), event_type_name(e.type), e.t_s);
    m.muted = e.type == EventType::kFinalContact;
    plot.markers.push_back(m);
  }
  for (const auto& turn : back.turns) {
    plot.bands.push_back({turn.start_s, turn.end_s, "turn", "turn " + turn_text(turn), false});
  }
  const motion::PlotSeries series[] = {{"−a_up, Gaussian-smoothed", "#7a3fa0", false, t, y}};
  return fmt::format(
      "<figure>{}<figcaption>Initial contacts (filled triangles) are the minima of this signal, "
      "final contacts (hollow) the maxima of its derivative; shaded: turns. {} walking "
      "bout(s).</figcaption></figure>\n",
      motion::render_line_plot(plot, series), back.detection.bouts.size());
}

// Beyond the base stylesheet of every report page (motion/html_page.h).
constexpr std::string_view kStyle = R"css(
td, th { text-align: right; }
td:first-child, th:first-child { text-align: left; }
)css";

}  // namespace

std::string render_gait_json(const GaitAnalysis& analysis, const ImuRecording& recording,
                             const GaitReportInfo& info) {
  json sensors = json::array();
  for (const auto& s : recording.sensors) {
    sensors.push_back({{"placement", placement_name(s.placement)},
                       {"source", s.source},
                       {"sample_rate_hz", s.sample_rate_hz},
                       {"samples", s.size()},
                       {"duration_s", s.duration_s()},
                       {"filled_samples", s.filled_samples}});
  }
  json doc = {{"format", kGaitSchema},
              {"generator", kGenerator},
              {"session", {{"date", info.date ? json(*info.date) : json(nullptr)}}},
              {"sensors", sensors},
              {"parameters", walk_json(analysis.parameters.overall)},
              {"bouts", bouts_json(analysis.parameters)},
              {"events", events_json(analysis.events)},
              {"parameters_source", source_name(analysis.source)},
              {"lower_back",
               analysis.lower_back
                   ? lower_back_json(*analysis.lower_back, recording.find(Placement::kLowerBack))
                   : json(nullptr)},
              {"warnings", analysis.warnings}};
  return doc.dump(2) + "\n";
}

std::string render_gait_text(const GaitAnalysis& analysis, const ImuRecording& recording,
                             const GaitReportInfo& info) {
  std::string out;
  auto it = std::back_inserter(out);
  const WalkParameters& w = analysis.parameters.overall;
  fmt::format_to(it, "Gait report{}\n\n", info.date ? " – " + *info.date : "");
  fmt::format_to(it, "Cadence {} steps/min · gait speed {} · {} steps in {} walking bout(s)\n\n",
                 value(w.cadence_spm, 1), value(w.gait_speed_mps, 2, " m/s"), w.steps,
                 analysis.parameters.bouts.size());
  if (analysis.source == GaitSource::kLowerBack) {
    fmt::format_to(it, "{}\n\n", kFromLowerBack);
  }
  fmt::format_to(it, "{:<30} {:>18} {:>18}\n", "parameter (mean ± SD)", "left", "right");
  for (const Row& row : kRows) {
    const Summary& l = w.left.*row.field;
    const Summary& r = w.right.*row.field;
    if (l.n == 0 && r.n == 0) continue;
    fmt::format_to(it, "{:<30} {:>18} {:>18}\n", row.label, mean_sd(l, row.decimals),
                   mean_sd(r, row.decimals));
  }
  fmt::format_to(it, "{:<30} {:>18} {:>18}\n", "stride time CV (%)",
                 value(w.left.stride_time_s.cv_pct, 1), value(w.right.stride_time_s.cv_pct, 1));
  fmt::format_to(it, "\nLeft–right symmetry (index 0 % and ratio 1 are perfect):\n");
  for (const auto& s : w.symmetry) {
    if (!std::isfinite(s.index_pct)) continue;
    fmt::format_to(it, "  {:<18} index {:>5.1f} %   ratio {:.3f}\n", s.parameter, s.index_pct,
                   s.ratio);
  }
  if (analysis.lower_back) {
    fmt::format_to(it, "\n{}",
                   lower_back_text(*analysis.lower_back, recording.find(Placement::kLowerBack)));
  }
  fmt::format_to(it, "\nSensors:\n");
  for (const auto& s : recording.sensors) {
    fmt::format_to(
        it, "  {:<11} {} · {:.0f} Hz · {:.1f} s{}\n", placement_name(s.placement), s.source,
        s.sample_rate_hz, s.duration_s(),
        s.filled_samples ? fmt::format(" · {} lost samples interpolated", s.filled_samples) : "");
  }
  for (const auto& warning : analysis.warnings) fmt::format_to(it, "Note: {}\n", warning);
  return out;
}

std::string render_gait_html(const GaitAnalysis& analysis, const ImuRecording& recording,
                             const GaitReportInfo& info) {
  std::string html;
  auto out = std::back_inserter(html);
  html += motion::html_page_start("Gait report", kStyle);
  html += "<h1>Gait report</h1>\n";
  const WalkParameters& w = analysis.parameters.overall;
  fmt::format_to(out,
                 "<p class=\"sub\">{}cadence <b>{} steps/min</b> · gait speed <b>{}</b> · {} "
                 "steps · {} walking bout(s)</p>\n",
                 info.date ? escape(*info.date) + " · " : "", value(w.cadence_spm, 1),
                 value(w.gait_speed_mps, 2, " m/s"), w.steps, analysis.parameters.bouts.size());
  if (analysis.source == GaitSource::kLowerBack) {
    fmt::format_to(out, "<p class=\"sub\">{}</p>\n", escape(kFromLowerBack));
  }
  fmt::format_to(out,
                 "<table>\n<tr><th>parameter (mean ± SD)</th><th>left</th><th>right</th>"
                 "</tr>\n");
  for (const Row& row : kRows) {
    const Summary& l = w.left.*row.field;
    const Summary& r = w.right.*row.field;
    if (l.n == 0 && r.n == 0) continue;
    fmt::format_to(out, "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", row.label,
                   mean_sd(l, row.decimals), mean_sd(r, row.decimals));
  }
  fmt::format_to(out,
                 "</table>\n<h2>Symmetry</h2>\n<table>\n<tr><th>parameter</th><th>index "
                 "(%)</th><th>ratio</th></tr>\n");
  for (const auto& s : w.symmetry) {
    if (!std::isfinite(s.index_pct)) continue;
    fmt::format_to(out, "<tr><td>{}</td><td>{:.1f}</td><td>{:.3f}</td></tr>\n", s.parameter,
                   s.index_pct, s.ratio);
  }
  fmt::format_to(out, "</table>\n<h2>Signals and detected events</h2>\n");
  for (std::size_t k = 0; k < analysis.feet.size(); ++k) {
    const FootEvents& foot = analysis.feet[k];
    const ImuSignal* sensor = nullptr;
    for (const auto& s : recording.sensors) {
      if (is_foot(s.placement) && placement_side(s.placement) == foot.side) sensor = &s;
    }
    if (!sensor) continue;
    std::vector<double> t(foot.sagittal_rate_rps.size());
    for (std::size_t i = 0; i < t.size(); ++i) t[i] = sensor->time_s(i);
    motion::PlotOptions plot;
    plot.title = fmt::format("{} foot: sagittal angular rate and events", side_name(foot.side));
    plot.x_label = "time (s)";
    plot.y_label = "rad/s";
    plot.max_points = 4000;
    for (const auto& e : foot.events) {
      motion::PlotMarker m;
      m.x = e.t_s;
      m.y = e.sample < foot.sagittal_rate_rps.size() ? foot.sagittal_rate_rps[e.sample] : kNaN;
      m.tooltip = fmt::format("{} {:.2f} s", event_type_name(e.type), e.t_s);
      m.muted = e.type == EventType::kFinalContact;
      plot.markers.push_back(m);
    }
    const motion::PlotSeries series[] = {
        {"sagittal rate", "#1f5fa8", false, t, foot.sagittal_rate_rps}};
    fmt::format_to(out,
                   "<figure>{}<figcaption>Filled triangles: initial contacts; hollow: final "
                   "contacts (toe-off).</figcaption></figure>\n",
                   motion::render_line_plot(plot, series));
  }
  const ImuSignal* back_sensor = recording.find(Placement::kLowerBack);
  if (analysis.lower_back && back_sensor) {
    fmt::format_to(out, "<h2>Lower back</h2>\n<pre>{}</pre>\n{}",
                   escape(lower_back_text(*analysis.lower_back, back_sensor)),
                   lower_back_figure(*analysis.lower_back, *back_sensor));
  }
  for (const auto& warning : analysis.warnings) {
    fmt::format_to(out, "<p class=\"sub\">Note: {}</p>\n", escape(warning));
  }
  fmt::format_to(out,
                 "<footer class=\"sub\">Generated by {} · {} · definitions in OpenPT "
                 "docs/gait.md</footer>\n</body>\n</html>\n",
                 escape(kGenerator), kGaitSchema);
  return html;
}

}  // namespace openpt::gait
