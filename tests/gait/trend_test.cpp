// The gait trend analysis (trend.h) on series with known answers: baselines, z-scores and
// CUSUM sums worked out by hand in the comments.
#include "openpt/gait/trend.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
#include <string>
#include <vector>

namespace openpt::gait {
namespace {

constexpr TrendParameter kCadence = TrendParameter::kCadence;

// Day 0 is 2026-10-01.
Date day(int offset) {
  return Date{parse_iso_date("2026-10-01")->days + offset};
}

TrendSession session(int offset, TrendParameter p, double value) {
  TrendSession s;
  s.source = "d" + std::to_string(offset) + ".json";
  s.date = day(offset);
  s.values[static_cast<std::size_t>(p)] = value;
  return s;
}

// One session a day from day 0, one parameter.
std::vector<TrendSession> daily(TrendParameter p, const std::vector<double>& values) {
  std::vector<TrendSession> out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    out.push_back(session(static_cast<int>(i), p, values[i]));
  }
  return out;
}

TrendOptions only(TrendParameter p) {
  TrendOptions o;
  o.parameters = {p};
  return o;
}

// 28 days of cadence around 108 steps/min: the weekly pattern 108 107 109 108 106 110 108 has
// median 108 and MAD 1 over any 14 consecutive days (a robust SD of 1.4826 × 1.061 × 1.055 =
// 1.66 with the small-sample factors, below the 2 % floor of 2.16), so every baseline from
// two weeks of data is 108 with a robust SD of 2.16.
std::vector<double> stable_cadence(std::size_t days = 28) {
  const double week[] = {108, 107, 109, 108, 106, 110, 108};
  std::vector<double> v;
  for (std::size_t i = 0; i < days; ++i) v.push_back(week[i % 7]);
  return v;
}

bool contains(const std::vector<std::string>& notes, const std::string& what) {
  for (const std::string& n : notes) {
    if (n.find(what) != std::string::npos) return true;
  }
  return false;
}

// ---- dates and options -----------------------------------------------------------------------

TEST(TrendDate, ParsesAndFormatsIsoDates) {
  EXPECT_EQ(parse_iso_date("1970-01-01")->days, 0);
  EXPECT_EQ(parse_iso_date("1970-01-02")->days, 1);
  EXPECT_EQ(parse_iso_date("2024-03-01")->days - parse_iso_date("2024-02-28")->days, 2);
  EXPECT_EQ(format_iso_date(*parse_iso_date("2024-02-29")), "2024-02-29");
  EXPECT_EQ(format_iso_date(day(31)), "2026-11-01");
  for (const char* bad : {"2026-02-29", "2026-13-01", "2026-00-10", "20/11/2026", "2026-1-05",
                          "2026-11-20T10:00", "", "2026-11-2x", "1899-12-31", "+026-11-20"}) {
    EXPECT_FALSE(parse_iso_date(bad)) << bad;
  }
  EXPECT_NE(parse_iso_date("20/11/2026").error().hint.find("YYYY-MM-DD"), std::string::npos);
}

TEST(TrendOptions, DefaultsAreValidAndBadValuesNameTheField) {
  EXPECT_TRUE(validate_trend_options({}));
  TrendOptions o;
  o.window_days = 0;
  auto e = validate_trend_options(o);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().where, "window_days");
  o = {};
  o.consecutive = 0;
  EXPECT_EQ(validate_trend_options(o).error().where, "consecutive");
  o = {};
  o.min_change_pct = -1;
  EXPECT_EQ(validate_trend_options(o).error().where, "min_change_pct");
  o = {};
  o.cusum_clip_z = 0.4;  // below k: the CUSUM could never rise
  EXPECT_FALSE(validate_trend_options(o));
}

TEST(TrendParameters, TableNamesDirectionsAndParsing) {
  ASSERT_EQ(trend_parameters().size(), kTrendParameterCount);
  for (std::size_t i = 0; i < kTrendParameterCount; ++i) {
    EXPECT_EQ(static_cast<std::size_t>(trend_parameters()[i].id), i);
    EXPECT_EQ(parse_trend_parameter(trend_parameters()[i].name).value(), trend_parameters()[i].id);
  }
  EXPECT_EQ(trend_parameter_info(kCadence).worse, Worse::kLower);
  EXPECT_EQ(trend_parameter_info(TrendParameter::kStrideTime).worse, Worse::kHigher);
  EXPECT_EQ(trend_parameter_info(TrendParameter::kStepTimeSi).worse, Worse::kHigher);
  auto bad = parse_trend_parameter("speed");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().hint.find("gait_speed_mps"), std::string::npos);
  EXPECT_EQ(window_phrase(14), "2-week");
  EXPECT_EQ(window_phrase(7), "1-week");
  EXPECT_EQ(window_phrase(10), "10-day");
}

// ---- baselines -------------------------------------------------------------------------------

TEST(Trend, BaselineIsTheMedianOfTheWindowBeforeTheDay) {
  const TrendReport r = analyze_trend(daily(kCadence, stable_cadence()), only(kCadence));
  ASSERT_EQ(r.parameters.size(), 1u);
  const auto& pts = r.parameters[0].points;
  ASSERT_EQ(pts.size(), 28u);
  EXPECT_FALSE(pts[2].judged()) << "two earlier sessions are fewer than 3";
  ASSERT_TRUE(pts[3].judged());
  EXPECT_EQ(pts[3].baseline, 108);  // median of 108 107 109
  EXPECT_EQ(pts[3].baseline_sessions, 3u);
  // MAD 1 of 3 values: 1.4826 × b_3 (1.495) × sqrt(1 + π/6) = 2.735, above the floor.
  EXPECT_NEAR(pts[3].scale, 1.4826 * 1.495 * std::sqrt(1 + std::numbers::pi / 6), 1e-12);
  EXPECT_EQ(pts[20].baseline_sessions, 14u) << "days 6..19";
  EXPECT_EQ(pts[20].window_first, day(6));
  EXPECT_EQ(pts[20].window_last, day(19));
  EXPECT_EQ(pts[20].baseline, 108);
  EXPECT_NEAR(pts[20].scale, 2.16, 1e-12) << "MAD 1 → 1.66, floored at 2 % of 108";
  EXPECT_EQ(r.parameters[0].judged, 25u);
  EXPECT_TRUE(r.alerts.empty());
  EXPECT_TRUE(r.improvements.empty());
}

TEST(Trend, StableNoisySeriesGivesNoAlert) {
  // 90 days of cadence 110 with day-to-day noise of SD 2.5 steps/min (2.3 %), a fixed seed.
  std::mt19937 rng(20261120);
  std::normal_distribution<double> noise(0, 2.5);
  std::vector<double> v(90);
  for (double& x : v) x = 110 + noise(rng);
  const TrendReport r = analyze_trend(daily(kCadence, v), only(kCadence));
  EXPECT_TRUE(r.alerts.empty()) << r.alerts.front().message;
  EXPECT_EQ(r.parameters[0].judged, 87u);
}

// ---- threshold runs --------------------------------------------------------------------------

TEST(Trend, StepDropOfTwelvePercentOnTheLastThreeDaysIsOneAlert) {
  std::vector<double> v = stable_cadence();
  for (int i = 0; i < 3; ++i) v.push_back(108 * 0.88);  // days 28, 29, 30
  const TrendReport r = analyze_trend(daily(kCadence, v), {});
  ASSERT_EQ(r.alerts.size(), 1u);
  const TrendAlert& a = r.alerts[0];
  EXPECT_EQ(a.parameter, kCadence);
  EXPECT_EQ(a.kind, AlertKind::kThresholdRun);
  EXPECT_EQ(a.first, day(28));
  EXPECT_EQ(a.last, day(30));
  EXPECT_EQ(a.days, 3u);
  EXPECT_TRUE(a.ongoing);
  EXPECT_NEAR(a.change_pct, -12, 1e-9);
  EXPECT_EQ(a.baseline, 108);
  EXPECT_EQ(a.baseline_sessions, 14u);
  EXPECT_EQ(a.window_first, day(14));
  EXPECT_EQ(a.window_last, day(27));
  ASSERT_EQ(a.observed.size(), 3u);
  EXPECT_NEAR(a.observed[0].value, 95.04, 1e-9);
  EXPECT_EQ(a.message,
            "cadence fell 12 % below the 2-week baseline (108 steps/min) on 3 consecutive days "
            "(2026-10-29 to 2026-10-31)");
  // The line a day must cross: 108 − max(10 % of 108, 2 × 2.16) = 97.2.
  EXPECT_NEAR(alert_limit(r.parameters[0].points[28], kCadence, r.options), 97.2, 1e-9);
  EXPECT_TRUE(std::isnan(alert_limit(r.parameters[0].points[1], kCadence, r.options)));
  EXPECT_TRUE(is_alert_day(r, kCadence, day(29)));
  EXPECT_FALSE(is_alert_day(r, kCadence, day(27)));
  // The CUSUM also signals on day 30 (3 × 1.5 > 4) but the threshold run explains it.
  EXPECT_GT(r.parameters[0].points[30].cusum, 4);
}

TEST(Trend, TwoDayDipIsNoAlert) {
  std::vector<double> v = stable_cadence();
  v.push_back(95);
  v.push_back(95);
  const TrendReport r = analyze_trend(daily(kCadence, v), only(kCadence));
  EXPECT_TRUE(r.alerts.empty()) << r.alerts.front().message;
  const auto& pts = r.parameters[0].points;
  EXPECT_EQ(pts[28].flag, DayFlag::kWorse);
  EXPECT_EQ(pts[29].flag, DayFlag::kWorse);
  // Winsorized z (2) − k (0.5) adds 1.5 a day: 3 after two days, below h = 4.
  EXPECT_DOUBLE_EQ(pts[29].cusum, 3);

  // ...nor once it has recovered: the sum falls by k = 0.5 on each normal day.
  const std::vector<double> week = stable_cadence(7);
  v.insert(v.end(), week.begin(), week.end());
  const TrendReport later = analyze_trend(daily(kCadence, v), only(kCadence));
  EXPECT_TRUE(later.alerts.empty());
  EXPECT_EQ(later.parameters[0].points[36].cusum, 0);
}

TEST(Trend, RunOverSessionsOnNonConsecutiveDaysSaysSessions) {
  std::vector<TrendSession> s = daily(kCadence, stable_cadence());
  for (int d : {29, 31, 34}) s.push_back(session(d, kCadence, 108 * 0.85));
  const TrendReport r = analyze_trend(s, only(kCadence));
  ASSERT_EQ(r.alerts.size(), 1u);
  EXPECT_EQ(r.alerts[0].first, day(29));
  EXPECT_EQ(r.alerts[0].last, day(34));
  EXPECT_EQ(r.alerts[0].message,
            "cadence fell 15 % below the 2-week baseline (108 steps/min) on 3 consecutive sessions "
            "(2026-10-30 to 2026-11-04)");
}

TEST(Trend, ImprovementIsNotAnAlert) {
  std::vector<double> v = stable_cadence();
  for (int i = 0; i < 4; ++i) v.push_back(108 * 1.12);
  const TrendReport r = analyze_trend(daily(kCadence, v), only(kCadence));
  EXPECT_TRUE(r.alerts.empty()) << r.alerts.front().message;
  ASSERT_EQ(r.improvements.size(), 1u);
  EXPECT_EQ(r.improvements[0].days, 4u);
  EXPECT_NEAR(r.improvements[0].change_pct, 12, 1e-9);
  EXPECT_EQ(r.improvements[0].message,
            "cadence rose 12 % above the 2-week baseline (108 steps/min) on 4 consecutive days "
            "(2026-10-29 to 2026-11-01) — an improvement");
}

TEST(Trend, HigherIsWorseParameters) {
  // Stride time 1.08 s (± 0.01): 15 % longer strides on the last 3 days are an alert...
  const TrendParameter st = TrendParameter::kStrideTime;
  std::vector<double> v(21);
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = 1.08 + 0.01 * (static_cast<int>(i % 3) - 1);
  std::vector<double> worse = v, better = v;
  for (int i = 0; i < 3; ++i) worse.push_back(1.08 * 1.15), better.push_back(1.08 * 0.85);
  const TrendReport r = analyze_trend(daily(st, worse), only(st));
  ASSERT_EQ(r.alerts.size(), 1u);
  EXPECT_NEAR(r.alerts[0].change_pct, 15, 1e-9);
  EXPECT_EQ(r.alerts[0].message,
            "stride time rose 15 % above the 2-week baseline (1.080 s) on 3 consecutive days "
            "(2026-10-22 to 2026-10-24)");
  // ...and 15 % shorter strides are an improvement.
  const TrendReport b = analyze_trend(daily(st, better), only(st));
  EXPECT_TRUE(b.alerts.empty());
  EXPECT_EQ(b.improvements.size(), 1u);

  // Stride-time asymmetry from 2 % to 6 %: the absolute floor (0.5 points) is the scale, and
  // the change is judged in percentage points (4 ≥ 3), not as "200 % more".
  const TrendParameter si = TrendParameter::kStrideTimeSi;
  std::vector<double> s(20, 2.0);
  s.insert(s.end(), {6.0, 6.0, 6.0});
  const TrendReport a = analyze_trend(daily(si, s), only(si));
  ASSERT_EQ(a.alerts.size(), 1u);
  EXPECT_EQ(a.parameters[0].points[20].scale, 0.5);
  EXPECT_EQ(a.parameters[0].points[20].z, 8);
  EXPECT_EQ(a.alerts[0].message,
            "stride-time asymmetry rose 4.0 points above the 2-week baseline (2.0 %) on 3 "
            "consecutive days (2026-10-21 to 2026-10-23)");
  EXPECT_DOUBLE_EQ(a.alerts[0].change, 4);
  // A rise of 2 points (4 robust SDs) is below the 3-point minimum of the threshold rule but
  // more than half of it: after 3 days the CUSUM (1.5 a day) signals a sustained shift.
  std::fill(s.end() - 3, s.end(), 4.0);
  const TrendReport two = analyze_trend(daily(si, s), only(si));
  ASSERT_EQ(two.alerts.size(), 1u);
  EXPECT_EQ(two.alerts[0].kind, AlertKind::kCusum);
  // A rise of 1 point (2 SDs, less than half of 3 points) is no alert at all.
  std::fill(s.end() - 3, s.end(), 3.0);
  EXPECT_TRUE(analyze_trend(daily(si, s), only(si)).alerts.empty());
}

TEST(Trend, ConstantBaselineUsesTheScaleFloor) {
  // 20 days of exactly 100 steps/min: MAD 0. With the relative rule off, only the z rule
  // judges a 3 % drop: the 2 % floor makes the SD 2, z = 1.5 < 2, not worse.
  std::vector<double> v(20, 100);
  v.insert(v.end(), {97, 97, 97});
  TrendOptions o = only(kCadence);
  o.min_change_pct = 0;
  const TrendReport r = analyze_trend(daily(kCadence, v), o);
  const TrendPoint& p = r.parameters[0].points[20];
  EXPECT_EQ(p.scale, 2);
  EXPECT_DOUBLE_EQ(p.z, 1.5);
  EXPECT_EQ(p.flag, DayFlag::kNone);
  EXPECT_TRUE(r.alerts.empty()) << "the CUSUM needs the day 5 % worse";
  // Without the relative floor, cadence's absolute floor (1 step/min) is the SD: z = 3.
  o.min_relative_scale_pct = 0;
  const TrendReport no_floor = analyze_trend(daily(kCadence, v), o);
  EXPECT_EQ(no_floor.parameters[0].points[20].scale, 1);
  EXPECT_EQ(no_floor.parameters[0].points[20].flag, DayFlag::kWorse);
  EXPECT_EQ(no_floor.alerts.size(), 1u);
}

// ---- CUSUM -----------------------------------------------------------------------------------

// 20 days of 100, then 1 step/min less every day: 99, 98, 97, ... The baseline stays 100
// (the drift is less than half of the window) and the SD is the floor, 2, so z = 0.5, 1,
// 1.5, 2, 2.5, 3 (winsorized to 2) on days 20..25 and the CUSUM S = max(0, S + z − 0.5) is
// 0, 0.5, 1.5, 3, 4.5, 6. S passes h = 4 on day 24, but the last 3 days are only 4 % worse
// on average (3, 4, 5 %), less than half of 10 %; on day 25 they are 5 % worse (4, 5, 6 %):
// the alarm. The drift began to count on day 21. The threshold rule (10 %) never fires:
// the baseline follows the drift.
std::vector<double> drift(int drift_days) {
  std::vector<double> v(20, 100);
  for (int j = 1; j <= drift_days; ++j) v.push_back(100 - j);
  return v;
}

TEST(Trend, SlowDriftRaisesACusumAlertOnTheRightDay) {
  const TrendReport early = analyze_trend(daily(kCadence, drift(5)), only(kCadence));
  EXPECT_TRUE(early.alerts.empty()) << "day 24: S = 4.5 but only 4 % worse";
  const TrendReport r = analyze_trend(daily(kCadence, drift(6)), only(kCadence));
  ASSERT_EQ(r.alerts.size(), 1u);
  const TrendAlert& a = r.alerts[0];
  EXPECT_EQ(a.kind, AlertKind::kCusum);
  EXPECT_EQ(a.first, day(21));
  EXPECT_EQ(a.last, day(25));
  EXPECT_DOUBLE_EQ(a.change_pct, -5);
  EXPECT_DOUBLE_EQ(a.change, -5);
  EXPECT_EQ(a.baseline, 100);
  EXPECT_TRUE(a.ongoing);
  const auto& pts = r.parameters[0].points;
  EXPECT_DOUBLE_EQ(pts[20].cusum, 0);
  EXPECT_DOUBLE_EQ(pts[21].cusum, 0.5);
  EXPECT_DOUBLE_EQ(pts[22].cusum, 1.5);
  EXPECT_DOUBLE_EQ(pts[23].cusum, 3);
  EXPECT_DOUBLE_EQ(pts[24].cusum, 4.5);
  EXPECT_DOUBLE_EQ(pts[25].cusum, 6);
  for (const TrendPoint& p : pts) EXPECT_EQ(p.flag, DayFlag::kNone);
  EXPECT_EQ(a.message,
            "cadence drifted down over 5 days (2026-10-22 to 2026-10-26): on average 5.0 % below "
            "the 2-week baseline (100 steps/min) over the last 3 days (CUSUM: a sustained shift)");
}

TEST(Trend, ContinuingDriftExtendsTheCusumAlert) {
  // After the alarm on day 25 the sum restarts: 1.5 (day 26), 3 (27), 4.5 (28; baselines 100,
  // 99.5, 98.5; the days 7.0, 7.5 and 7.6 % below): a second alarm right after the first
  // extends it. Day 29 starts the sum again.
  const TrendReport r = analyze_trend(daily(kCadence, drift(10)), only(kCadence));
  ASSERT_EQ(r.alerts.size(), 1u);
  EXPECT_EQ(r.alerts[0].first, day(21));
  EXPECT_EQ(r.alerts[0].last, day(28));
  EXPECT_EQ(r.parameters[0].points[27].baseline, 99.5);
  EXPECT_EQ(r.alerts[0].baseline, 98.5);
  EXPECT_NEAR(r.alerts[0].change_pct, -(7 + 100 * 7.5 / 99.5 + 100 * 7.5 / 98.5) / 3, 1e-9);
  EXPECT_FALSE(r.alerts[0].ongoing) << "day 29 had no alarm";
}

TEST(Trend, SmallPersistentShiftBelowFivePercentIsNoAlert) {
  // 3 % below for 10 days: z = 1.5, the CUSUM passes h on the 4th day, but no day is 5 %
  // worse, so it is a statistically clear but clinically small change: no alert.
  std::vector<double> v(20, 100);
  v.insert(v.end(), 10, 97);
  const TrendReport r = analyze_trend(daily(kCadence, v), only(kCadence));
  EXPECT_TRUE(r.alerts.empty()) << r.alerts.front().message;
  EXPECT_GT(r.parameters[0].points[25].cusum, 4);
}

// ---- sessions --------------------------------------------------------------------------------

TEST(Trend, TooFewSessionsGiveNoAlertsAndSayHowManyMore) {
  const TrendReport r = analyze_trend(daily(kCadence, {108, 108, 108, 80}), only(kCadence));
  EXPECT_TRUE(r.alerts.empty());
  EXPECT_TRUE(contains(r.notes, "only 4 session days")) << r.notes.front();
  EXPECT_TRUE(contains(r.notes, "so 2 more are needed"));
  const TrendReport five = analyze_trend(daily(kCadence, {108, 108, 108, 80, 80}), {});
  EXPECT_TRUE(contains(five.notes, "so 1 more is needed"));
  const TrendReport none = analyze_trend({}, {});
  EXPECT_TRUE(none.alerts.empty());
  EXPECT_EQ(none.session_days, 0u);
  EXPECT_TRUE(contains(none.notes, "no sessions"));
}

TEST(Trend, WeeklySessionsNeedAWiderWindow) {
  std::vector<TrendSession> s(10);
  for (int w = 0; w < 10; ++w) s[w] = session(7 * w, kCadence, w < 7 ? 108 : 90);
  const TrendReport r = analyze_trend(s, only(kCadence));
  EXPECT_EQ(r.parameters[0].judged, 0u);
  EXPECT_TRUE(contains(r.notes, "widen the baseline window"));
  TrendOptions o = only(kCadence);
  o.window_days = 42;
  const TrendReport wide = analyze_trend(s, o);
  ASSERT_EQ(wide.alerts.size(), 1u);
  EXPECT_EQ(wide.alerts[0].message,
            "cadence fell 17 % below the 6-week baseline (108 steps/min) on 3 consecutive "
            "sessions (2026-11-19 to 2026-12-03)");
}

TEST(Trend, SeveralSessionsOnADayUseTheirMedian) {
  std::vector<TrendSession> s = daily(kCadence, stable_cadence());
  // Day 28 three times (given out of order): median 95; day 29 and 30 once.
  s.insert(s.begin(), session(28, kCadence, 120));
  s.push_back(session(28, kCadence, 95));
  s.push_back(session(28, kCadence, 90));
  s.push_back(session(29, kCadence, 95));
  s.push_back(session(30, kCadence, 95));
  const TrendReport r = analyze_trend(s, only(kCadence));
  EXPECT_EQ(r.sessions, 33u);
  EXPECT_EQ(r.session_days, 31u);
  const TrendPoint& p = r.parameters[0].points[28];
  EXPECT_EQ(p.date, day(28));
  EXPECT_EQ(p.value, 95);
  EXPECT_EQ(p.sessions, 3u);
  EXPECT_TRUE(contains(r.notes, "1 day had more than one session: 2026-10-29 (3 sessions)"));
  EXPECT_TRUE(contains(r.notes, "median of the day's sessions"));
  ASSERT_EQ(r.alerts.size(), 1u);
  EXPECT_EQ(r.alerts[0].first, day(28));
}

TEST(Trend, UnknownValuesAreSkippedAndNoted) {
  std::vector<TrendSession> s = daily(kCadence, stable_cadence());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i % 2 == 0) s[i].values[static_cast<std::size_t>(TrendParameter::kGaitSpeed)] = 1.2;
  }
  TrendOptions o;
  o.parameters = {kCadence, TrendParameter::kGaitSpeed, TrendParameter::kStepTimeSi};
  const TrendReport r = analyze_trend(s, o);
  ASSERT_EQ(r.parameters.size(), 3u);
  EXPECT_EQ(r.parameters[1].points.size(), 14u);
  EXPECT_EQ(r.parameters[1].sessions, 14u);
  EXPECT_TRUE(contains(r.notes,
                       "gait_speed_mps: unknown in 14 of 28 sessions (d1.json, d3.json, "
                       "d5.json, d7.json and 10 more)"));
  EXPECT_TRUE(contains(r.notes, "unknown in every session, so not trended: step_time_si_pct"));
  // A parameter measured on too few days says how many more it needs.
  s[0].values[static_cast<std::size_t>(TrendParameter::kStepTimeSi)] = 2;
  s[5].values[static_cast<std::size_t>(TrendParameter::kStepTimeSi)] = 2;
  EXPECT_TRUE(contains(analyze_trend(s, o).notes,
                       "step_time_si_pct: known on only 2 session days; 4 more needed for alerts"));
}

TEST(Trend, DuplicateParametersAreAnalysedOnce) {
  TrendOptions o;
  o.parameters = {kCadence, kCadence};
  const TrendReport r = analyze_trend(daily(kCadence, stable_cadence()), o);
  EXPECT_EQ(r.parameters.size(), 1u);
  EXPECT_EQ(r.options.parameters.size(), 1u);
}

}  // namespace
}  // namespace openpt::gait
