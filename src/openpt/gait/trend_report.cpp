// render_trend_text and trend_to_json; the HTML page is in trend_report_html.cpp.
#include "openpt/gait/trend_report.h"

#include <fmt/format.h>

#include <cmath>
#include <iterator>

#include "openpt/core/printable.h"
#include "openpt/core/version.h"

namespace openpt::gait {

namespace {

using Json = nlohmann::ordered_json;
using Out = std::back_insert_iterator<std::string>;

// The number with `decimals` digits ("-" when unknown; never "-0.0").
std::string dash_or(double v, int decimals, std::string_view suffix = "") {
  if (!std::isfinite(v)) return "-";
  if (std::abs(v) < 0.5 * std::pow(10.0, -decimals)) v = 0;
  return fmt::format("{:.{}f}{}", v, decimals, suffix);
}

Json rounded(double v, int decimals) {
  if (!std::isfinite(v)) return nullptr;
  const double scale = std::pow(10.0, decimals);
  return std::round(v * scale) / scale;
}

// The text report's "Method" lines.
void method(Out out, const TrendOptions& o) {
  fmt::format_to(out,
                 "Baseline: median and robust SD (from the MAD; at least {} % of the median) of "
                 "the session days\n  in the {} days before each day, when there are at least "
                 "{}.\nAlert: at least {} % (variability, asymmetry: 1 or 3 points) and {} robust "
                 "SDs worse on {}\n  consecutive session days, or a CUSUM alarm (k {}, h {}) "
                 "with the last days half as much worse.\n",
                 o.min_relative_scale_pct, o.window_days, o.min_baseline_sessions, o.min_change_pct,
                 o.min_z, o.consecutive, o.cusum_k, o.cusum_h);
}

void alert_lines(Out out, const TrendAlert& a, std::string_view mark) {
  const TrendParameterInfo& info = trend_parameter_info(a.parameter);
  fmt::format_to(out, "  {} {}{}\n", mark, a.message, a.ongoing ? " [ongoing]" : "");
  std::string values;
  for (const Observation& o : a.observed) {
    values += (values.empty() ? "" : ", ") + dash_or(o.value, info.decimals);
  }
  fmt::format_to(out, "    observed {} {}; baseline {} from {} session days, {} to {}\n", values,
                 info.unit, dash_or(a.baseline, info.decimals), a.baseline_sessions,
                 format_iso_date(a.window_first), format_iso_date(a.window_last));
}

std::string_view point_note(const TrendReport& r, const ParameterTrend& t, const TrendPoint& p) {
  if (is_alert_day(r, t.parameter, p.date)) return "ALERT";
  if (!p.judged()) return "no baseline";
  if (p.flag == DayFlag::kWorse) return "worse";
  if (p.flag == DayFlag::kBetter) return "better";
  return "";
}

void parameter_table(Out out, const TrendReport& r, const ParameterTrend& t) {
  const TrendParameterInfo& info = trend_parameter_info(t.parameter);
  if (t.points.empty()) return;  // a note says so
  const bool points = info.change == ChangeUnit::kPoints;
  fmt::format_to(out, "\n{} ({}, {}; {} is worse)\n", info.label, info.name, info.unit,
                 info.worse == Worse::kLower ? "lower" : "higher");
  fmt::format_to(out, "  {:<10}  {:>3}  {:>9}  {:>9}  {:>8}  {:>6}\n", "date", "n", "value",
                 "baseline", "change", "z");
  for (const TrendPoint& p : t.points) {
    const std::string note(point_note(r, t, p));
    const std::string line =
        fmt::format("  {:<10}  {:>3}  {:>9}  {:>9}  {:>8}  {:>6}  {}", format_iso_date(p.date),
                    p.sessions, dash_or(p.value, info.decimals), dash_or(p.baseline, info.decimals),
                    points ? dash_or(p.change, 1, " pt") : dash_or(p.change_pct, 1, " %"),
                    dash_or(p.z, 1), note);
    fmt::format_to(out, "{}\n", line.substr(0, line.find_last_not_of(' ') + 1));
  }
}

Json date_json(Date d) {
  return format_iso_date(d);
}

Json alert_json(const TrendAlert& a) {
  const TrendParameterInfo& info = trend_parameter_info(a.parameter);
  Json observed = Json::array();
  for (const Observation& o : a.observed) {
    observed.push_back({{"date", date_json(o.date)},
                        {"value", rounded(o.value, info.decimals + 3)},
                        {"change_pct", rounded(o.change_pct, 2)}});
  }
  return {{"parameter", info.name},
          {"label", info.label},
          {"unit", info.unit},
          {"kind", alert_kind_name(a.kind)},
          {"first_date", date_json(a.first)},
          {"last_date", date_json(a.last)},
          {"days", a.days},
          {"ongoing", a.ongoing},
          {"change", rounded(a.change, info.decimals + 3)},
          {"change_pct", rounded(a.change_pct, 2)},
          {"baseline",
           {{"value", rounded(a.baseline, info.decimals + 3)},
            {"sd", rounded(a.baseline_scale, info.decimals + 3)},
            {"sessions", a.baseline_sessions},
            {"first_date", date_json(a.window_first)},
            {"last_date", date_json(a.window_last)}}},
          {"observed", observed},
          {"message", a.message}};
}

std::string_view flag_name(DayFlag f) {
  switch (f) {
    case DayFlag::kWorse: return "worse";
    case DayFlag::kBetter: return "better";
    case DayFlag::kNone: break;
  }
  return "none";
}

Json parameter_json(const TrendReport& r, const ParameterTrend& t) {
  const TrendParameterInfo& info = trend_parameter_info(t.parameter);
  Json days = Json::array();
  for (const TrendPoint& p : t.points) {
    const int d = info.decimals + 3;
    days.push_back({{"date", date_json(p.date)},
                    {"value", rounded(p.value, d)},
                    {"sessions", p.sessions},
                    {"baseline", rounded(p.baseline, d)},
                    {"sd", rounded(p.scale, d)},
                    {"baseline_sessions", p.baseline_sessions},
                    {"change", rounded(p.change, d)},
                    {"change_pct", rounded(p.change_pct, 2)},
                    {"z", rounded(p.z, 3)},
                    {"cusum", rounded(p.cusum, 3)},
                    {"flag", flag_name(p.flag)},
                    {"alert", is_alert_day(r, t.parameter, p.date)}});
  }
  return {{"name", info.name},
          {"label", info.label},
          {"unit", info.unit},
          {"worse", info.worse == Worse::kLower ? "lower" : "higher"},
          {"change_unit", info.change == ChangeUnit::kPoints ? "points" : "percent"},
          {"min_change",
           info.change == ChangeUnit::kPoints ? info.min_change_points : r.options.min_change_pct},
          {"definition", info.definition},
          {"sessions", t.sessions},
          {"judged", t.judged},
          {"days", days}};
}

}  // namespace

std::string render_trend_text(const TrendReport& r) {
  std::string text;
  auto out = std::back_inserter(text);
  if (r.session_days == 0) {
    fmt::format_to(out, "Gait trend: no sessions\n");
  } else {
    fmt::format_to(out, "Gait trend: {} {} on {} {}, {} to {}\n", r.sessions,
                   r.sessions == 1 ? "session" : "sessions", r.session_days,
                   r.session_days == 1 ? "day" : "days", format_iso_date(r.first),
                   format_iso_date(r.last));
  }
  method(out, r.options);
  if (r.alerts.empty()) {
    fmt::format_to(out, "\nNo deterioration detected.\n");
  } else {
    fmt::format_to(out, "\nALERTS ({})\n", r.alerts.size());
    for (const TrendAlert& a : r.alerts) alert_lines(out, a, "!");
  }
  if (!r.improvements.empty()) {
    fmt::format_to(out, "\nImprovements (not alerts)\n");
    for (const TrendAlert& a : r.improvements) alert_lines(out, a, "+");
  }
  if (!r.notes.empty()) {
    fmt::format_to(out, "\nNotes\n");
    for (const std::string& n : r.notes) fmt::format_to(out, "  - {}\n", printable(n));
  }
  for (const ParameterTrend& t : r.parameters) parameter_table(out, r, t);
  fmt::format_to(out,
                 "\nz: robust SDs from the baseline, positive = worse. "
                 "Method: docs/gait-trend.md\n");
  return text;
}

nlohmann::ordered_json trend_to_json(const TrendReport& r) {
  const TrendOptions& o = r.options;
  Json parameters = Json::array(), alerts = Json::array(), improvements = Json::array();
  Json names = Json::array();
  for (TrendParameter p : o.parameters) names.push_back(trend_parameter_info(p).name);
  for (const ParameterTrend& t : r.parameters) parameters.push_back(parameter_json(r, t));
  for (const TrendAlert& a : r.alerts) alerts.push_back(alert_json(a));
  for (const TrendAlert& a : r.improvements) improvements.push_back(alert_json(a));
  Json notes = Json::array();
  for (const std::string& n : r.notes) notes.push_back(printable(n));
  const bool any = r.session_days > 0;
  return {{"format", kGaitTrendFormat},
          {"generator", kGenerator},
          {"options",
           {{"window_days", o.window_days},
            {"min_baseline_sessions", o.min_baseline_sessions},
            {"min_change_pct", o.min_change_pct},
            {"min_z", o.min_z},
            {"consecutive", o.consecutive},
            {"min_relative_scale_pct", o.min_relative_scale_pct},
            {"cusum_k", o.cusum_k},
            {"cusum_h", o.cusum_h},
            {"cusum_clip_z", o.cusum_clip_z},
            {"cusum_min_change_fraction", o.cusum_min_change_fraction},
            {"parameters", names}}},
          {"sessions",
           {{"count", r.sessions},
            {"days", r.session_days},
            {"first_date", any ? date_json(r.first) : Json(nullptr)},
            {"last_date", any ? date_json(r.last) : Json(nullptr)}}},
          {"alerts", alerts},
          {"improvements", improvements},
          {"notes", notes},
          {"parameters", parameters}};
}

}  // namespace openpt::gait
