#include "openpt/gait/trend.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <charconv>
#include <chrono>
#include <map>
#include <numbers>
#include <tuple>

#include "openpt/core/printable.h"

namespace openpt::gait {

namespace {

// The tracked parameters. `min_scale` is the smallest robust SD a baseline may have, in the
// parameter's unit: about the resolution at which a gait report states the value and below
// the between-day variability reported for healthy adults, so that a baseline of identical
// values (a stable patient, or values rounded on export) cannot make a trivial change look
// like many standard deviations. The relative floor (TrendOptions::min_relative_scale_pct)
// dominates for the first four. Variability and asymmetry change in percentage points:
// 1 point of stride-time CV, 3 points of symmetry index (docs/gait-trend.md says why).
constexpr std::array<TrendParameterInfo, kTrendParameterCount> kParameters{{
    {TrendParameter::kCadence, "cadence_spm", "cadence", "steps/min", Worse::kLower,
     ReportField::kOverall, "cadence_spm", ChangeUnit::kRelative, 0, 0, 1.0, true,
     "steps per minute"},
    {TrendParameter::kGaitSpeed, "gait_speed_mps", "gait speed", "m/s", Worse::kLower,
     ReportField::kOverall, "gait_speed_mps", ChangeUnit::kRelative, 0, 2, 0.02, true,
     "mean stride length / mean stride time"},
    {TrendParameter::kStrideLength, "stride_length_m", "stride length", "m", Worse::kLower,
     ReportField::kSideMean, "stride_length_m", ChangeUnit::kRelative, 0, 2, 0.02, true,
     "mean of the left and right mean stride length"},
    {TrendParameter::kStrideTime, "stride_time_s", "stride time", "s", Worse::kHigher,
     ReportField::kSideMean, "stride_time_s", ChangeUnit::kRelative, 0, 3, 0.01, true,
     "mean of the left and right mean stride time"},
    {TrendParameter::kDoubleSupport, "double_support_pct", "double support", "%", Worse::kHigher,
     ReportField::kSideMean, "double_support_pct", ChangeUnit::kRelative, 0, 1, 0.5, false,
     "mean of the left and right double support, % of the stride"},
    {TrendParameter::kStrideTimeCv, "stride_time_cv_pct", "stride-time variability", "%",
     Worse::kHigher, ReportField::kSideCv, "stride_time_s", ChangeUnit::kPoints, 1, 1, 0.25, false,
     "mean of the left and right coefficient of variation of stride time"},
    {TrendParameter::kStrideTimeSi, "stride_time_si_pct", "stride-time asymmetry", "%",
     Worse::kHigher, ReportField::kSymmetryIndex, "stride_time_s", ChangeUnit::kPoints, 3, 1, 0.5,
     false, "left-right symmetry index of stride time"},
    {TrendParameter::kStepTimeSi, "step_time_si_pct", "step-time asymmetry", "%", Worse::kHigher,
     ReportField::kSymmetryIndex, "step_time_s", ChangeUnit::kPoints, 3, 1, 0.5, false,
     "left-right symmetry index of step time"},
}};

constexpr double kMadToSd = 1.4826;  // 1/Φ⁻¹(3/4): MAD → SD for normal data

double median_of(std::vector<double> v) {
  assert(!v.empty());
  const std::size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  const double upper = v[mid];
  if (v.size() % 2 == 1) return upper;
  const double lower = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid));
  return (lower + upper) / 2;
}

// The small-sample factor b_n of Croux & Rousseeuw (1992) that makes 1.4826·b_n·MAD unbiased
// for normal samples of size n (values confirmed by simulation).
double mad_correction(std::size_t n) {
  constexpr double kSmall[] = {1, 1, 1.196, 1.495, 1.363, 1.206, 1.200, 1.140, 1.129, 1.107};
  if (n < std::size(kSmall)) return kSmall[n];
  return static_cast<double>(n) / (static_cast<double>(n) - 0.8);
}

// +1 when a rise is worse, −1 when a fall is worse.
double worse_sign(const TrendParameterInfo& info) {
  return info.worse == Worse::kHigher ? 1.0 : -1.0;
}

std::string format_value(const TrendParameterInfo& info, double value) {
  const std::string number = fmt::format("{:.{}f}", value, info.decimals);
  return info.unit == "%" ? number + " %" : number + " " + std::string(info.unit);
}

// The size of a change for sentences: "12 %" (of the baseline) or "4.0 points".
std::string format_change(const TrendParameterInfo& info, double change, double change_pct) {
  if (info.change == ChangeUnit::kPoints) {
    return fmt::format("{:.{}f} points", std::abs(change), std::max(info.decimals, 1));
  }
  const double a = std::abs(change_pct);
  return a >= 9.95 ? fmt::format("{:.0f} %", a) : fmt::format("{:.1f} %", a);
}

// How much worse than its baseline a point is (negative: better), in the unit its rule uses:
// % of the baseline, or percentage points. NaN when not judged or the baseline is 0.
double worse_by(const TrendParameterInfo& info, const TrendPoint& p) {
  return worse_sign(info) * (info.change == ChangeUnit::kPoints ? p.change : p.change_pct);
}

double min_change(const TrendParameterInfo& info, const TrendOptions& o) {
  return info.change == ChangeUnit::kPoints ? info.min_change_points : o.min_change_pct;
}

std::string date_range(Date first, Date last) {
  if (first == last) return format_iso_date(first);
  return fmt::format("{} to {}", format_iso_date(first), format_iso_date(last));
}

// "3 consecutive days" when the session days are calendar days in a row, else "sessions".
std::string run_phrase(std::size_t n, Date first, Date last) {
  const bool calendar = static_cast<std::size_t>(last.days - first.days) + 1 == n;
  return fmt::format("{} consecutive {}", n, calendar ? "days" : "sessions");
}

// ---- per-parameter series --------------------------------------------------------------------

struct DayGroup {
  Date date;
  std::vector<const TrendSession*> sessions;
};

std::vector<DayGroup> group_by_day(std::span<const TrendSession> sessions) {
  std::map<int, DayGroup> days;
  for (const TrendSession& s : sessions) {
    DayGroup& g = days[s.date.days];
    g.date = s.date;
    g.sessions.push_back(&s);
  }
  std::vector<DayGroup> out;
  out.reserve(days.size());
  for (auto& [day, group] : days) out.push_back(std::move(group));
  return out;
}

ParameterTrend series_of(TrendParameter parameter, const std::vector<DayGroup>& days) {
  ParameterTrend trend;
  trend.parameter = parameter;
  for (const DayGroup& day : days) {
    std::vector<double> values;
    for (const TrendSession* s : day.sessions) {
      const double v = s->value(parameter);
      if (std::isnan(v)) {
        trend.unknown_in.push_back(s->source);
      } else {
        values.push_back(v);
      }
    }
    if (values.empty()) continue;
    trend.sessions += values.size();
    TrendPoint& p = trend.points.emplace_back();
    p.date = day.date;
    p.value = median_of(values);
    p.sessions = values.size();
  }
  return trend;
}

// Baseline, z-score and flag of every point from the points of the window before it.
void judge_points(ParameterTrend& trend, const TrendOptions& o) {
  const TrendParameterInfo& info = trend_parameter_info(trend.parameter);
  const double sign = worse_sign(info);
  auto& pts = trend.points;
  std::size_t begin = 0;  // first point inside the current window
  for (std::size_t i = 0; i < pts.size(); ++i) {
    TrendPoint& p = pts[i];
    while (begin < i && pts[begin].date.days < p.date.days - o.window_days) ++begin;
    const std::size_t n = i - begin;
    p.baseline_sessions = n;
    if (n == 0 || n < static_cast<std::size_t>(o.min_baseline_sessions)) continue;
    std::vector<double> window;
    window.reserve(n);
    for (std::size_t j = begin; j < i; ++j) window.push_back(pts[j].value);
    p.window_first = pts[begin].date;
    p.window_last = pts[i - 1].date;
    p.baseline = median_of(window);
    for (double& w : window) w = std::abs(w - p.baseline);
    // The robust SD of the window, as the SD of a new value around an estimated median:
    // × sqrt(1 + π/2n), the median's own sampling variance.
    const double nd = static_cast<double>(n);
    const double robust_sd = kMadToSd * mad_correction(n) * median_of(window) *
                             std::sqrt(1 + std::numbers::pi / (2 * nd));
    p.scale = std::max(
        {robust_sd, o.min_relative_scale_pct / 100 * std::abs(p.baseline), info.min_scale});
    p.change = p.value - p.baseline;
    if (p.baseline != 0) p.change_pct = 100 * p.change / std::abs(p.baseline);
    p.z = sign * p.change / p.scale;
    ++trend.judged;
    const double worse = worse_by(info, p);  // NaN when the baseline is 0 (relative)
    if (worse >= min_change(info, o) && p.z >= o.min_z) {
      p.flag = DayFlag::kWorse;
    } else if (worse <= -min_change(info, o) && p.z <= -o.min_z) {
      p.flag = DayFlag::kBetter;
    }
  }
}

// ---- alerts ----------------------------------------------------------------------------------

struct Span {
  std::size_t first = 0, last = 0;  // point indices, inclusive
};

// The mean of `field` over points [first, last].
template <class Field>
double mean_over(const std::vector<TrendPoint>& pts, std::size_t first, std::size_t last,
                 Field field) {
  double sum = 0;
  for (std::size_t i = first; i <= last; ++i) sum += pts[i].*field;
  return sum / static_cast<double>(last - first + 1);
}

// The last `consecutive` points of [first, last] (fewer when the span is shorter).
std::size_t tail_start(std::size_t first, std::size_t last, const TrendOptions& o) {
  const auto m = static_cast<std::size_t>(o.consecutive);
  return last + 1 - std::min(m, last - first + 1);
}

TrendAlert make_alert(const ParameterTrend& trend, AlertKind kind, Span span,
                      const TrendOptions& o) {
  const auto& pts = trend.points;
  TrendAlert a;
  a.parameter = trend.parameter;
  a.kind = kind;
  a.first = pts[span.first].date;
  a.last = pts[span.last].date;
  a.days = span.last - span.first + 1;
  a.ongoing = span.last + 1 == pts.size();
  const TrendPoint& r = pts[kind == AlertKind::kCusum ? span.last : span.first];
  a.baseline = r.baseline;
  a.baseline_scale = r.scale;
  a.window_first = r.window_first;
  a.window_last = r.window_last;
  a.baseline_sessions = r.baseline_sessions;
  std::vector<double> values;
  for (std::size_t i = span.first; i <= span.last; ++i) {
    a.observed.push_back({pts[i].date, pts[i].value, pts[i].change_pct});
    values.push_back(pts[i].value);
  }
  if (kind == AlertKind::kCusum) {
    const std::size_t tail = tail_start(span.first, span.last, o);
    a.change = mean_over(pts, tail, span.last, &TrendPoint::change);
    a.change_pct = mean_over(pts, tail, span.last, &TrendPoint::change_pct);
  } else {
    a.change = median_of(values) - a.baseline;
    a.change_pct = a.baseline != 0 ? 100 * a.change / std::abs(a.baseline) : kTrendNaN;
  }
  return a;
}

std::string threshold_message(const TrendAlert& a, const TrendOptions& o, bool worse) {
  const TrendParameterInfo& info = trend_parameter_info(a.parameter);
  const bool rose = a.change > 0;
  std::string when = a.days == 1 ? fmt::format("on {}", format_iso_date(a.first))
                                 : fmt::format("on {} ({})", run_phrase(a.days, a.first, a.last),
                                               date_range(a.first, a.last));
  return fmt::format("{} {} {} {} the {} baseline ({}) {}{}", info.label, rose ? "rose" : "fell",
                     format_change(info, a.change, a.change_pct), rose ? "above" : "below",
                     window_phrase(o.window_days), format_value(info, a.baseline), when,
                     worse ? "" : " — an improvement");
}

std::string cusum_message(const TrendAlert& a, const TrendOptions& o) {
  const TrendParameterInfo& info = trend_parameter_info(a.parameter);
  const bool rose = a.change > 0;
  const bool calendar = static_cast<std::size_t>(a.last.days - a.first.days) + 1 == a.days;
  const std::size_t tail = std::min(a.days, static_cast<std::size_t>(o.consecutive));
  const char* unit = calendar ? "days" : "sessions";
  return fmt::format(
      "{} drifted {} over {} {} ({}): on average {} {} the {} baseline ({}) over the last {} {} "
      "(CUSUM: a sustained shift)",
      info.label, rose ? "up" : "down", a.days, unit, date_range(a.first, a.last),
      format_change(info, a.change, a.change_pct), rose ? "above" : "below",
      window_phrase(o.window_days), format_value(info, a.baseline), tail, unit);
}

// Maximal runs of judged points flagged `flag` at least `consecutive` long. A judged point
// without the flag ends a run, and so does a point that could not be judged.
std::vector<Span> flagged_runs(const std::vector<TrendPoint>& pts, DayFlag flag,
                               std::size_t consecutive) {
  std::vector<Span> runs;
  std::size_t start = 0;  // first point of the current run; == i when there is none
  for (std::size_t i = 0; i <= pts.size(); ++i) {
    if (i < pts.size() && pts[i].flag == flag) continue;
    if (i - start >= consecutive) runs.push_back({start, i - 1});
    start = i + 1;
  }
  return runs;
}

// One-sided CUSUM (Page 1954) on the winsorized robust z-scores (positive = worse):
//   S_t = max(0, S_{t−1} + clip(z_t, ±c) − k),  alarm when S_t > h
// and the last `consecutive` days of the episode worse on average by at least
// `cusum_min_change_fraction` of the parameter's minimum change; S restarts at 0 after an
// alarm and after a point that could not be judged. An episode runs from the day S left 0
// to the alarm day; an alarm whose episode starts right after the previous one extends it.
std::vector<Span> cusum_episodes(std::vector<TrendPoint>& pts, const TrendParameterInfo& info,
                                 const TrendOptions& o) {
  std::vector<Span> episodes;
  double s = 0;
  std::size_t onset = 0;
  const double gate = o.cusum_min_change_fraction * min_change(info, o);
  for (std::size_t i = 0; i < pts.size(); ++i) {
    TrendPoint& p = pts[i];
    if (!p.judged()) {
      s = 0;
      continue;
    }
    const double next =
        std::max(0.0, s + std::clamp(p.z, -o.cusum_clip_z, o.cusum_clip_z) - o.cusum_k);
    if (s == 0 && next > 0) onset = i;
    s = p.cusum = next;
    if (!(s > o.cusum_h)) continue;
    double worse = 0;
    const std::size_t tail = tail_start(onset, i, o);
    for (std::size_t j = tail; j <= i; ++j) worse += worse_by(info, pts[j]);
    if (!(worse / static_cast<double>(i - tail + 1) >= gate)) continue;
    if (!episodes.empty() && episodes.back().last + 1 == onset) {
      episodes.back().last = i;
    } else {
      episodes.push_back({onset, i});
    }
    s = 0;
  }
  return episodes;
}

bool overlaps(const TrendAlert& a, const TrendAlert& b) {
  return a.parameter == b.parameter && a.first <= b.last && b.first <= a.last;
}

void add_alerts(ParameterTrend& trend, const TrendOptions& o, TrendReport& report) {
  const TrendParameterInfo& info = trend_parameter_info(trend.parameter);
  const std::size_t first_new = report.alerts.size();
  for (Span run :
       flagged_runs(trend.points, DayFlag::kWorse, static_cast<std::size_t>(o.consecutive))) {
    TrendAlert a = make_alert(trend, AlertKind::kThresholdRun, run, o);
    a.message = threshold_message(a, o, true);
    report.alerts.push_back(std::move(a));
  }
  for (Span run :
       flagged_runs(trend.points, DayFlag::kBetter, static_cast<std::size_t>(o.consecutive))) {
    TrendAlert a = make_alert(trend, AlertKind::kThresholdRun, run, o);
    a.message = threshold_message(a, o, false);
    report.improvements.push_back(std::move(a));
  }
  const std::size_t threshold_end = report.alerts.size();
  for (Span episode : cusum_episodes(trend.points, info, o)) {
    TrendAlert a = make_alert(trend, AlertKind::kCusum, episode, o);
    // A threshold run over the same days already explains the change better.
    const bool explained =
        std::any_of(report.alerts.begin() + static_cast<std::ptrdiff_t>(first_new),
                    report.alerts.begin() + static_cast<std::ptrdiff_t>(threshold_end),
                    [&](const TrendAlert& t) { return overlaps(t, a); });
    if (explained) continue;
    a.message = cusum_message(a, o);
    report.alerts.push_back(std::move(a));
  }
}

// ---- notes -----------------------------------------------------------------------------------

std::string list_some(const std::vector<std::string>& items, std::size_t max_shown = 4) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < max_shown; ++i) {
    out += (i ? ", " : "") + printable(items[i]);
  }
  if (items.size() > max_shown) out += fmt::format(" and {} more", items.size() - max_shown);
  return out;
}

void add_day_notes(const std::vector<DayGroup>& days, const TrendOptions& o, TrendReport& r) {
  if (days.empty()) {
    r.notes.push_back("no sessions: nothing to trend");
    return;
  }
  std::vector<std::string> shared;
  for (const DayGroup& d : days) {
    if (d.sessions.size() > 1) {
      shared.push_back(fmt::format("{} ({} sessions)", format_iso_date(d.date), d.sessions.size()));
    }
  }
  if (!shared.empty()) {
    r.notes.push_back(fmt::format(
        "{} {} more than one session: {}; each parameter uses the median of the day's sessions",
        shared.size(), shared.size() == 1 ? "day had" : "days had", list_some(shared)));
  }
  const auto needed =
      static_cast<std::size_t>(o.min_baseline_sessions) + static_cast<std::size_t>(o.consecutive);
  if (days.size() < needed) {
    r.notes.push_back(fmt::format(
        "only {} session {}: alerts need at least {} ({} to form a baseline, then {} in a row to "
        "confirm a change), so {} more {} needed; no alerts yet",
        days.size(), days.size() == 1 ? "day" : "days", needed, o.min_baseline_sessions,
        o.consecutive, needed - days.size(), needed - days.size() == 1 ? "is" : "are"));
  }
}

void add_parameter_notes(const ParameterTrend& t, const TrendOptions& o, std::size_t sessions,
                         TrendReport& r) {
  const TrendParameterInfo& info = trend_parameter_info(t.parameter);
  if (t.points.empty()) return;  // listed together by add_untracked_note
  if (!t.unknown_in.empty()) {
    r.notes.push_back(fmt::format("{}: unknown in {} of {} sessions ({}); those are skipped",
                                  info.name, t.unknown_in.size(), sessions,
                                  list_some(t.unknown_in)));
  }
  const std::size_t needed =
      static_cast<std::size_t>(o.min_baseline_sessions) + static_cast<std::size_t>(o.consecutive);
  if (t.points.size() < needed && r.session_days >= needed) {
    r.notes.push_back(fmt::format("{}: known on only {} session {}; {} more needed for alerts",
                                  info.name, t.points.size(), t.points.size() == 1 ? "day" : "days",
                                  needed - t.points.size()));
  }
  if (t.judged == 0 && t.points.size() >= needed) {
    r.notes.push_back(fmt::format(
        "{}: no session had {} earlier session days within the {} days before it, so none was "
        "judged; record more often or widen the baseline window",
        info.name, o.min_baseline_sessions, o.window_days));
  }
}

// One note for the parameters unknown in every session (no column, no foot sensor, ...).
void add_untracked_note(TrendReport& r) {
  std::string names;
  for (const ParameterTrend& t : r.parameters) {
    if (!t.points.empty()) continue;
    names += (names.empty() ? "" : ", ") + std::string(trend_parameter_info(t.parameter).name);
  }
  if (!names.empty() && r.session_days > 0) {
    r.notes.push_back("unknown in every session, so not trended: " + names);
  }
}

}  // namespace

// ---- dates -----------------------------------------------------------------------------------

Result<Date> parse_iso_date(std::string_view text) {
  auto fail = [&] {
    return bad_input(fmt::format("\"{}\" is not a date", printable(text.substr(0, 40))), {},
                     "write dates as YYYY-MM-DD, e.g. 2026-11-20");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return fail();
  int y = 0;
  unsigned m = 0, d = 0;
  auto field = [&](std::size_t pos, std::size_t len, auto& out) {
    const char* b = text.data() + pos;
    auto [ptr, ec] = std::from_chars(b, b + len, out);
    return ec == std::errc() && ptr == b + len && std::isdigit(static_cast<unsigned char>(*b));
  };
  if (!field(0, 4, y) || !field(5, 2, m) || !field(8, 2, d)) return fail();
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
  if (!ymd.ok()) {
    return bad_input(fmt::format("\"{}\" is not a calendar day", printable(text)), {},
                     "check the month (01-12) and the day of the month");
  }
  if (y < 1900 || y > 2199) {
    return bad_input(fmt::format("year {} is out of range", y), {}, "use a year from 1900 to 2199");
  }
  return Date{static_cast<int>(std::chrono::sys_days{ymd}.time_since_epoch().count())};
}

std::string format_iso_date(Date date) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{date.days}}};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

// ---- parameters ------------------------------------------------------------------------------

std::span<const TrendParameterInfo, kTrendParameterCount> trend_parameters() {
  return kParameters;
}

const TrendParameterInfo& trend_parameter_info(TrendParameter parameter) {
  const auto& info = kParameters[static_cast<std::size_t>(parameter)];
  assert(info.id == parameter);
  return info;
}

Result<TrendParameter> parse_trend_parameter(std::string_view name) {
  std::string names;
  for (const TrendParameterInfo& info : kParameters) {
    if (info.name == name) return info.id;
    names += (names.empty() ? "" : ", ") + std::string(info.name);
  }
  return bad_input(fmt::format("unknown gait parameter '{}'", printable(name)), {},
                   "use one of " + names);
}

std::string_view alert_kind_name(AlertKind kind) {
  return kind == AlertKind::kCusum ? "cusum" : "threshold_run";
}

double alert_limit(const TrendPoint& point, TrendParameter parameter, const TrendOptions& options) {
  if (!point.judged()) return kTrendNaN;
  const TrendParameterInfo& info = trend_parameter_info(parameter);
  const double change = info.change == ChangeUnit::kPoints
                            ? info.min_change_points
                            : std::abs(point.baseline) * options.min_change_pct / 100;
  return point.baseline + worse_sign(info) * std::max(change, options.min_z * point.scale);
}

bool is_alert_day(const TrendReport& report, TrendParameter parameter, Date date) {
  return std::any_of(report.alerts.begin(), report.alerts.end(), [&](const TrendAlert& a) {
    return a.parameter == parameter && a.first <= date && date <= a.last;
  });
}

std::string window_phrase(int days) {
  if (days % 7 == 0) return fmt::format("{}-week", days / 7);
  return fmt::format("{}-day", days);
}

// ---- analysis --------------------------------------------------------------------------------

Result<void> validate_trend_options(const TrendOptions& o) {
  auto in = [](double v, double lo, double hi) { return v >= lo && v <= hi; };
  if (!in(o.window_days, 1, 3650)) {
    return bad_input(
        fmt::format("the baseline window must be 1 to 3650 days, got {}", o.window_days),
        "window_days", "the default is 14 days; widen it for weekly sessions, e.g. 42");
  }
  if (!in(o.min_baseline_sessions, 1, 1000)) {
    return bad_input(
        fmt::format("the baseline needs 1 to 1000 sessions, got {}", o.min_baseline_sessions),
        "min_baseline_sessions", "the default is 3");
  }
  if (!in(o.consecutive, 1, 365)) {
    return bad_input(fmt::format("consecutive sessions must be 1 to 365, got {}", o.consecutive),
                     "consecutive", "the default is 3");
  }
  const std::tuple<double, double, const char*, const char*> limits[] = {
      {o.min_change_pct, 100, "min_change_pct", "the default is 10"},
      {o.min_z, 100, "min_z", "the default is 2"},
      {o.min_relative_scale_pct, 100, "min_relative_scale_pct", "the default is 2"},
      {o.cusum_k, 100, "cusum_k", "the default is 0.5"},
      {o.cusum_h, 1000, "cusum_h", "the default is 4"},
      {o.cusum_clip_z, 100, "cusum_clip_z", "the default is 2"},
      {o.cusum_min_change_fraction, 10, "cusum_min_change_fraction", "the default is 0.5"},
  };
  for (const auto& [value, hi, field, hint] : limits) {
    if (!in(value, 0, hi)) {
      return bad_input(fmt::format("must be 0 to {}, got {}", hi, value), field, hint);
    }
  }
  if (!(o.cusum_h > 0) || !(o.cusum_clip_z > o.cusum_k)) {
    return bad_input(fmt::format("the CUSUM needs h > 0 and clip > k, got h {}, k {}, clip {}",
                                 o.cusum_h, o.cusum_k, o.cusum_clip_z),
                     "cusum_h", "the defaults are h 4, k 0.5, clip 2");
  }
  return {};
}

TrendReport analyze_trend(std::span<const TrendSession> sessions, const TrendOptions& options) {
  assert(validate_trend_options(options));
  TrendReport report;
  report.options = options;
  report.sessions = sessions.size();
  if (report.options.parameters.empty()) {
    for (const TrendParameterInfo& info : kParameters) report.options.parameters.push_back(info.id);
  }
  const std::vector<DayGroup> days = group_by_day(sessions);
  report.session_days = days.size();
  if (!days.empty()) report.first = days.front().date, report.last = days.back().date;
  add_day_notes(days, options, report);
  std::vector<TrendParameter> unique;
  for (TrendParameter p : report.options.parameters) {
    if (std::find(unique.begin(), unique.end(), p) == unique.end()) unique.push_back(p);
  }
  report.options.parameters = unique;
  for (TrendParameter p : unique) {
    ParameterTrend trend = series_of(p, days);
    judge_points(trend, options);
    add_alerts(trend, options, report);
    add_parameter_notes(trend, options, sessions.size(), report);
    report.parameters.push_back(std::move(trend));
  }
  add_untracked_note(report);
  auto order = [&](const TrendAlert& a, const TrendAlert& b) {
    if (a.first != b.first) return a.first < b.first;
    return static_cast<int>(a.parameter) < static_cast<int>(b.parameter);
  };
  std::stable_sort(report.alerts.begin(), report.alerts.end(), order);
  std::stable_sort(report.improvements.begin(), report.improvements.end(), order);
  return report;
}

}  // namespace openpt::gait
