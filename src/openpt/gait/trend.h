// Longitudinal gait: the parameters of many walking sessions as a trend per parameter, a
// robust trailing baseline for every session day, and deterioration alerts that explain
// themselves ("cadence fell 12 % below the 2-week baseline (108 steps/min) on 3 consecutive
// days (2026-11-18 to 2026-11-20)").
//
// Method (docs/gait-trend.md): sessions are grouped by day (the median of a day's sessions);
// each day is judged against the median and a robust SD (1.4826·MAD, corrected for small
// windows, floored) of the session days in the `window_days` before it. A *threshold run*
// alert needs `consecutive` session days each worse than the baseline by at least
// `min_change_pct` % (percentage points for variability and asymmetry) and `min_z` robust
// SDs; a one-sided *CUSUM* (Page 1954) on the robust z-scores catches slower drifts.
// Changes in the better direction are reported as improvements, never as alerts.
//
//   auto input = read_trend_files(paths);                        // trend_input.h
//   if (!input) return exit_code(input.error());
//   TrendReport report = analyze_trend(input->sessions, {});
//   for (const TrendAlert& a : report.alerts) fmt::print("{}\n", a.message);
//   fmt::print("{}", render_trend_text(report));                  // trend_report.h
#pragma once

#include <array>
#include <cmath>
#include <compare>
#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "openpt/core/error.h"

namespace openpt::gait {

// ---- dates -----------------------------------------------------------------------------------

// A calendar day, as days since 1970-01-01 (negative before).
struct Date {
  int days = 0;
  friend bool operator==(const Date&, const Date&) = default;
  friend std::strong_ordering operator<=>(const Date& a, const Date& b) {
    return a.days <=> b.days;
  }
};

// Parses "YYYY-MM-DD" (a real calendar day, years 1900 to 2199); the error (no location)
// quotes the text and shows the expected form.
[[nodiscard]] Result<Date> parse_iso_date(std::string_view text);
// "YYYY-MM-DD".
[[nodiscard]] std::string format_iso_date(Date date);

// ---- tracked parameters ----------------------------------------------------------------------

// The parameters a trend follows. The table in trend.cpp (trend_parameters()) is the one
// place that says what each is called, how it is derived and which direction is worse.
enum class TrendParameter {
  kCadence,        // cadence_spm
  kGaitSpeed,      // gait_speed_mps
  kStrideLength,   // stride_length_m: mean of the sides' mean stride length
  kStrideTime,     // stride_time_s: mean of the sides' mean stride time
  kDoubleSupport,  // double_support_pct: mean of the sides
  kStrideTimeCv,   // stride_time_cv_pct: mean of the sides' coefficient of variation
  kStrideTimeSi,   // stride_time_si_pct: symmetry index of stride time
  kStepTimeSi,     // step_time_si_pct: symmetry index of step time
};
inline constexpr std::size_t kTrendParameterCount = 8;

enum class Worse { kLower, kHigher };

// How a change is measured: in % of the baseline (cadence, speed, ...), or in percentage
// points for parameters that are themselves small percentages near 0 (variability,
// asymmetry), where "50 % more asymmetric" would make noise look dramatic.
enum class ChangeUnit { kRelative, kPoints };

// Where a gait report ("openpt.gait/1") holds a parameter, under "parameters":
enum class ReportField {
  kOverall,        // parameters.<key>
  kSideMean,       // the mean of parameters.left.<key>.mean and parameters.right.<key>.mean
  kSideCv,         // the same for .cv_pct
  kSymmetryIndex,  // parameters.symmetry[i].index_pct where .parameter is <key>
};

struct TrendParameterInfo {
  TrendParameter id;
  std::string_view name;        // "cadence_spm": JSON keys, CSV headers, --parameters
  std::string_view label;       // "cadence": how sentences name it
  std::string_view unit;        // "steps/min", "m/s", "%", ...
  Worse worse;                  // which direction is a deterioration
  ReportField field;            // where a gait report holds it...
  std::string_view key;         // ...under this key
  ChangeUnit change;            // kPoints: TrendOptions::min_change_pct does not apply...
  double min_change_points;     // ...this minimum change in percentage points does
  int decimals;                 // digits shown after the point
  double min_scale;             // absolute floor of the baseline's robust SD, in `unit`
  bool positive;                // values must be > 0 (else >= 0)
  std::string_view definition;  // one line for docs and reports
};

// All parameters, in report order.
[[nodiscard]] std::span<const TrendParameterInfo, kTrendParameterCount> trend_parameters();
[[nodiscard]] const TrendParameterInfo& trend_parameter_info(TrendParameter parameter);
// Parses a name from the table; the error lists the accepted names.
[[nodiscard]] Result<TrendParameter> parse_trend_parameter(std::string_view name);

inline constexpr double kTrendNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr std::array<double, kTrendParameterCount> kAllUnknown = [] {
  std::array<double, kTrendParameterCount> a{};
  a.fill(kTrendNaN);
  return a;
}();

// One walking session: its day and the tracked parameters (NaN: unknown in that session).
struct TrendSession {
  std::string source;  // "w3.json", or "sessions.csv:4" for a table row; no directories
  Date date;
  std::array<double, kTrendParameterCount> values = kAllUnknown;
  [[nodiscard]] double value(TrendParameter p) const { return values[static_cast<std::size_t>(p)]; }
};

// ---- analysis --------------------------------------------------------------------------------

struct TrendOptions {
  int window_days = 14;                      // baseline: the session days in the 14 days before
  int min_baseline_sessions = 3;             // fewer session days in the window: not judged
  double min_change_pct = 10;                // threshold rule: at least 10 % worse (points for
                                             // kPoints parameters: their min_change_points)...
  double min_z = 2;                          // ...and at least 2 robust SDs worse...
  int consecutive = 3;                       // ...on 3 consecutive session days
  double min_relative_scale_pct = 2;         // robust SD floor: 2 % of the baseline median
  double cusum_k = 0.5;                      // CUSUM reference value, robust SDs
  double cusum_h = 4;                        // CUSUM decision interval, robust SDs
  double cusum_clip_z = 2;                   // z-scores winsorized to ±2 before the CUSUM
  double cusum_min_change_fraction = 0.5;    // CUSUM alerts: the last days half as much worse
  std::vector<TrendParameter> parameters{};  // empty: all of trend_parameters()
};

// Errors name the option field ("window_days") as `where`.
[[nodiscard]] Result<void> validate_trend_options(const TrendOptions& options);

// How one session day of one parameter was judged.
enum class DayFlag {
  kNone,    // not beyond the threshold (or not judged)
  kWorse,   // beyond the threshold in the worse direction
  kBetter,  // beyond the threshold in the better direction
};

struct TrendPoint {
  Date date;
  double value = kTrendNaN;           // median of the day's sessions; NaN: unknown that day
  std::size_t sessions = 0;           // sessions that day with a value
  double baseline = kTrendNaN;        // median of the window; NaN: too few sessions
  double scale = kTrendNaN;           // robust SD of the window, floored
  std::size_t baseline_sessions = 0;  // session days with a value in the window
  double change = kTrendNaN;          // value − baseline, in the parameter's unit
  double change_pct = kTrendNaN;      // 100·(value − baseline)/baseline
  double z = kTrendNaN;               // (value − baseline)/scale, positive = worse
  double cusum = kTrendNaN;           // CUSUM sum after this day (before a restart); NaN:
                                      // not judged
  DayFlag flag = DayFlag::kNone;
  Date window_first, window_last;  // first and last session day of the window
  [[nodiscard]] bool judged() const { return !std::isnan(value) && !std::isnan(baseline); }
};

struct ParameterTrend {
  TrendParameter parameter = TrendParameter::kCadence;
  std::vector<TrendPoint> points;       // one per session day with a value, by date
  std::size_t sessions = 0;             // sessions with a value
  std::size_t judged = 0;               // points with a baseline
  std::vector<std::string> unknown_in;  // sources of sessions without a value
};

enum class AlertKind { kThresholdRun, kCusum };
[[nodiscard]] std::string_view alert_kind_name(AlertKind kind);  // "threshold_run", "cusum"

struct Observation {
  Date date;
  double value = kTrendNaN;
  double change_pct = kTrendNaN;  // against that day's own baseline
};

// A deterioration (or, in TrendReport::improvements, an improvement) of one parameter.
struct TrendAlert {
  TrendParameter parameter = TrendParameter::kCadence;
  AlertKind kind = AlertKind::kThresholdRun;
  Date first, last;      // first and last session day of the run / episode
  std::size_t days = 0;  // session days from first to last
  bool ongoing = false;  // `last` is the parameter's latest session day
  // The reference day's baseline: the first day of a threshold run, the alarm day (`last`)
  // of a CUSUM episode.
  double baseline = kTrendNaN;
  double baseline_scale = kTrendNaN;
  Date window_first, window_last;  // the first and last session day of its window
  std::size_t baseline_sessions = 0;
  std::vector<Observation> observed;  // every session day from first to last
  // Threshold run: the median observed value against the first day's baseline. CUSUM: the
  // mean over the last `consecutive` session days (up to the alarm), each against its own.
  double change = kTrendNaN;      // in the parameter's unit
  double change_pct = kTrendNaN;  // in % of the baseline
  std::string message;            // the sentence for people
};

struct TrendReport {
  TrendOptions options;
  std::size_t sessions = 0;      // sessions read
  std::size_t session_days = 0;  // distinct dates
  Date first, last;              // first and last session day (valid when session_days > 0)
  std::vector<ParameterTrend> parameters;  // in options.parameters order
  std::vector<TrendAlert> alerts;          // by first day, then parameter order
  std::vector<TrendAlert> improvements;    // threshold runs in the better direction
  std::vector<std::string> notes;          // too few sessions, several per day, unknowns
};

// Judges every session day of every parameter and collects the alerts. `options` must be
// valid (validate_trend_options); sessions may come in any order.
[[nodiscard]] TrendReport analyze_trend(std::span<const TrendSession> sessions,
                                        const TrendOptions& options = {});

// The value a day must pass to count as worse: the baseline moved in the worse direction by
// the larger of the minimum change and `min_z` robust SDs. NaN when the day was not judged.
[[nodiscard]] double alert_limit(const TrendPoint& point, TrendParameter parameter,
                                 const TrendOptions& options);

// Whether `date` lies within an alert of `parameter`.
[[nodiscard]] bool is_alert_day(const TrendReport& report, TrendParameter parameter, Date date);

// "2-week", "10-day", "1-week": how sentences name a window of `days`.
[[nodiscard]] std::string window_phrase(int days);

}  // namespace openpt::gait
