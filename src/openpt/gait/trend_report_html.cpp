// render_trend_html: the gait trend as one self-contained, printable HTML page — inline CSS
// and SVG plots (motion/svg_plot.h), no scripts, nothing loaded from the network. Alerts
// lead; then one plot per parameter (the values, the baseline, the alert limit, alert
// spans shaded and alert days marked) with its table folded underneath.
#include <fmt/format.h>

#include <cmath>
#include <iterator>
#include <vector>

#include "openpt/core/printable.h"
#include "openpt/core/version.h"
#include "openpt/gait/trend_report.h"
#include "openpt/motion/html_page.h"
#include "openpt/motion/svg_plot.h"

namespace openpt::gait {

namespace {

using Out = std::back_insert_iterator<std::string>;
using motion::PlotBand;
using motion::PlotMarker;
using motion::PlotSeries;

std::string esc(std::string_view text) {
  return motion::escape_xml(printable(text));
}

// Beyond the base stylesheet of every report page (motion/html_page.h).
constexpr std::string_view kStyle = R"css(
th, td { padding: 2px 8px; border-bottom: 1px solid #eee; text-align: right; }
th:first-child, td:first-child { text-align: left; }
tr.alert td { background: #fbe9e7; }
ol.alerts li { margin: 0 0 6px; }
.ongoing { background: #b3261e; color: #fff; border-radius: 3px; padding: 0 5px; font-size: 12px;
           -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.none { color: #2e7d32; font-weight: 600; }
figure { margin: 12px 0 6px; break-inside: avoid; page-break-inside: avoid; }
details { margin: 0 0 18px; }
)css";

std::string number(double v, int decimals) {
  return std::isfinite(v) ? fmt::format("{:.{}f}", v, decimals) : "–";
}

void alert_list(Out out, const std::vector<TrendAlert>& alerts) {
  fmt::format_to(out, "<ol class=\"alerts\">\n");
  for (const TrendAlert& a : alerts) {
    fmt::format_to(out, "<li>{}{}</li>\n", esc(a.message),
                   a.ongoing ? " <span class=\"ongoing\">ongoing</span>" : "");
  }
  fmt::format_to(out, "</ol>\n");
}

void parameter_plot(Out out, const TrendReport& r, const ParameterTrend& t) {
  const TrendParameterInfo& info = trend_parameter_info(t.parameter);
  std::vector<double> x, value, baseline, limit;
  for (const TrendPoint& p : t.points) {
    x.push_back(p.date.days - r.first.days);
    value.push_back(p.value);
    baseline.push_back(p.baseline);
    limit.push_back(alert_limit(p, t.parameter, r.options));
  }
  const PlotSeries series[] = {
      {.label = "value", .color = "#1f66b0", .x = x, .y = value},
      {.label = "baseline", .color = "#666", .dashed = true, .x = x, .y = baseline},
      {.label = "alert limit", .color = "#c8332b", .dashed = true, .x = x, .y = limit},
  };
  motion::PlotOptions options{
      .title = fmt::format("{} ({})", info.label, info.unit),
      .x_label = fmt::format("days since {}", format_iso_date(r.first)),
      .y_label = fmt::format("{} ({}), {} is worse", info.label, info.unit,
                             info.worse == Worse::kLower ? "lower" : "higher")};
  for (const auto* list : {&r.alerts, &r.improvements}) {
    for (const TrendAlert& a : *list) {
      if (a.parameter != t.parameter) continue;
      const bool alert = list == &r.alerts;
      options.bands.push_back({.x0 = a.first.days - r.first.days - 0.5,
                               .x1 = a.last.days - r.first.days + 0.5,
                               .label = alert ? "alert" : "better",
                               .tooltip = a.message,
                               .muted = !alert});
    }
  }
  for (const TrendPoint& p : t.points) {
    if (!is_alert_day(r, t.parameter, p.date)) continue;
    options.markers.push_back(
        {.x = static_cast<double>(p.date.days - r.first.days),
         .y = p.value,
         .tooltip =
             fmt::format("{}: {} {}, {} % vs baseline", format_iso_date(p.date),
                         number(p.value, info.decimals), info.unit, number(p.change_pct, 1))});
  }
  fmt::format_to(out, "<figure>\n{}</figure>\n", motion::render_line_plot(options, series));
}

void parameter_table(Out out, const TrendReport& r, const ParameterTrend& t) {
  const TrendParameterInfo& info = trend_parameter_info(t.parameter);
  fmt::format_to(out,
                 "<details><summary>Table: {} session days, {} judged against a baseline"
                 "</summary>\n<table>\n<tr><th>date</th><th>sessions</th><th>value</th>"
                 "<th>baseline</th><th>robust SD</th><th>change</th><th>z</th></tr>\n",
                 t.points.size(), t.judged);
  for (const TrendPoint& p : t.points) {
    fmt::format_to(out,
                   "<tr{}><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                   "<td>{}</td></tr>\n",
                   is_alert_day(r, t.parameter, p.date) ? " class=\"alert\"" : "",
                   format_iso_date(p.date), p.sessions, number(p.value, info.decimals),
                   number(p.baseline, info.decimals), number(p.scale, info.decimals + 1),
                   std::isfinite(p.change_pct) ? number(p.change_pct, 1) + " %" : "–",
                   number(p.z, 1));
  }
  fmt::format_to(out, "</table>\n</details>\n");
}

}  // namespace

std::string render_trend_html(const TrendReport& r) {
  std::string html;
  auto out = std::back_inserter(html);
  html += motion::html_page_start("Gait trend", kStyle);
  html += "<h1>Gait trend</h1>\n";
  if (r.session_days > 0) {
    fmt::format_to(out, "<p class=\"sub\">{} sessions on {} days, {} to {}</p>\n", r.sessions,
                   r.session_days, format_iso_date(r.first), format_iso_date(r.last));
  }
  const TrendOptions& o = r.options;
  fmt::format_to(out, "<h2>Alerts</h2>\n");
  if (r.alerts.empty()) {
    fmt::format_to(out, "<p class=\"none\">No deterioration detected.</p>\n");
  } else {
    alert_list(out, r.alerts);
  }
  fmt::format_to(out,
                 "<p class=\"small\">Each session day is compared with the median of the "
                 "session days in the {} days before it (at least {}). An alert needs {} "
                 "consecutive session days at least {} % (variability and asymmetry: a few "
                 "percentage points) and {} robust SDs worse, or a cumulative-sum (CUSUM, k {}, "
                 "h {}) alarm with the last days at least half as much worse. Method: OpenPT "
                 "docs/gait-trend.md.</p>\n",
                 o.window_days, o.min_baseline_sessions, o.consecutive, o.min_change_pct, o.min_z,
                 o.cusum_k, o.cusum_h);
  if (!r.improvements.empty()) {
    fmt::format_to(out, "<h2>Improvements</h2>\n");
    alert_list(out, r.improvements);
  }
  if (!r.notes.empty()) {
    fmt::format_to(out, "<h2>Notes</h2>\n<ul>\n");
    for (const std::string& n : r.notes) fmt::format_to(out, "<li>{}</li>\n", esc(n));
    fmt::format_to(out, "</ul>\n");
  }
  for (const ParameterTrend& t : r.parameters) {
    if (t.points.empty()) continue;
    const TrendParameterInfo& info = trend_parameter_info(t.parameter);
    fmt::format_to(out, "<h2>{}</h2>\n<p class=\"small\">{}; {} is worse.</p>\n", esc(info.label),
                   esc(info.definition), info.worse == Worse::kLower ? "lower" : "higher");
    parameter_plot(out, r, t);
    parameter_table(out, r, t);
  }
  fmt::format_to(out, "<footer>Generated by {} · {}</footer>\n</body>\n</html>\n", esc(kGenerator),
                 esc(kGaitTrendFormat));
  return html;
}

}  // namespace openpt::gait
