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
  json events = json::array();
  for (const auto& e : analysis.events) {
    events.push_back({{"side", side_name(e.side)},
                      {"type", event_type_name(e.type)},
                      {"t_s", e.t_s},
                      {"sample", e.sample},
                      {"source", placement_name(e.source)}});
  }
  json bouts = json::array();
  for (const auto& b : analysis.parameters.bouts) bouts.push_back(walk_json(b));
  json doc = {{"format", kGaitSchema},
              {"generator", kGenerator},
              {"session", {{"date", info.date ? json(*info.date) : json(nullptr)}}},
              {"sensors", sensors},
              {"parameters", walk_json(analysis.parameters.overall)},
              {"bouts", bouts},
              {"events", events},
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
