#include "openpt/motion/svg_plot.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

namespace openpt::motion {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

TEST(NiceAxis, RoundsOutwardsToOneTwoFiveSteps) {
  const Axis a = nice_axis(0, 9.7);
  EXPECT_EQ(a.ticks, (std::vector<double>{0, 2, 4, 6, 8, 10}));
  EXPECT_EQ(a.decimals, 0);

  const Axis b = nice_axis(-12, 87);
  EXPECT_DOUBLE_EQ(b.step, 20);
  EXPECT_DOUBLE_EQ(b.lo, -20);
  EXPECT_DOUBLE_EQ(b.hi, 100);
  EXPECT_EQ(b.ticks.size(), 7u);

  const Axis c = nice_axis(0.1, 0.37);
  EXPECT_DOUBLE_EQ(c.step, 0.1);
  EXPECT_EQ(c.decimals, 1);
  ASSERT_EQ(c.ticks.size(), 4u);
  EXPECT_EQ(tick_label(c, c.ticks[2]), "0.3");

  const Axis d = nice_axis(0, 10, 5);  // 2.5 steps need one decimal
  EXPECT_DOUBLE_EQ(d.step, 2.5);
  EXPECT_EQ(tick_label(d, 7.5), "7.5");
  const Axis e = nice_axis(0, 100, 5);  // 25 steps need none
  EXPECT_DOUBLE_EQ(e.step, 25);
  EXPECT_EQ(tick_label(e, 75), "75");
}

TEST(NiceAxis, DegenerateRangesStillHaveTicks) {
  const Axis a = nice_axis(5, 5);
  EXPECT_LT(a.lo, 5);
  EXPECT_GT(a.hi, 5);
  EXPECT_GE(a.ticks.size(), 2u);
  const Axis b = nice_axis(NAN, NAN);
  EXPECT_TRUE(std::isfinite(b.lo) && std::isfinite(b.hi));
  EXPECT_GE(b.ticks.size(), 2u);
  const Axis c = nice_axis(10, -10);  // reversed
  EXPECT_LE(c.lo, -10);
  EXPECT_GE(c.hi, 10);
}

TEST(NiceAxis, NoNegativeZeroLabel) {
  const Axis a = nice_axis(-10, 10);
  EXPECT_EQ(tick_label(a, -0.0), "0");
  EXPECT_EQ(tick_label(a, -1e-12), "0");
  const Axis b = nice_axis(-1, 1);
  EXPECT_EQ(tick_label(b, -1e-12), "0.0");
}

TEST(EscapeXml, EscapesMarkupCharacters) {
  EXPECT_EQ(escape_xml("a<b&c>\"'d"), "a&lt;b&amp;c&gt;&quot;&#39;d");
  EXPECT_EQ(escape_xml("knee °"), "knee °");
}

TEST(Decimate, ShortSeriesAreKeptWhole) {
  const std::vector<double> y = {1, 2, NAN, 4};
  EXPECT_EQ(decimate_min_max(y, 1500), (std::vector<std::size_t>{0, 1, 2, 3}));
}

TEST(Decimate, LongSeriesKeepExtremesAndGaps) {
  const std::size_t n = 100000;
  std::vector<double> y(n);
  for (std::size_t i = 0; i < n; ++i) y[i] = std::sin(static_cast<double>(i) * 0.001);
  y[54321] = 3.0;  // a one-sample spike must survive
  for (std::size_t i = 70000; i < 70100; ++i) y[i] = NAN;
  const auto keep = decimate_min_max(y, 1500);
  EXPECT_LE(keep.size(), 1510u);
  EXPECT_TRUE(std::is_sorted(keep.begin(), keep.end()));
  EXPECT_TRUE(std::binary_search(keep.begin(), keep.end(), 54321u));
  EXPECT_TRUE(std::binary_search(keep.begin(), keep.end(), 0u));
  EXPECT_TRUE(std::binary_search(keep.begin(), keep.end(), n - 1));
  // The gap is represented and both of its neighbours are kept, so the line breaks there.
  EXPECT_TRUE(std::binary_search(keep.begin(), keep.end(), 70000u));
  EXPECT_TRUE(std::binary_search(keep.begin(), keep.end(), 69999u));
  EXPECT_TRUE(std::binary_search(keep.begin(), keep.end(), 70100u));
  double lo = 10, hi = -10;
  for (auto i : keep) {
    if (std::isfinite(y[i])) lo = std::min(lo, y[i]), hi = std::max(hi, y[i]);
  }
  EXPECT_DOUBLE_EQ(hi, 3.0);
  EXPECT_NEAR(lo, -1.0, 1e-6);
}

TEST(SeriesPath, NanGapsSplitTheLine) {
  const std::vector<double> x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  const std::vector<double> y = {0, 1, 2, 3, NAN, NAN, 6, 7, NAN, 9};
  const PlotFrame frame{
      .x0 = 0, .x1 = 9, .y0 = 0, .y1 = 9, .left = 0, .right = 90, .top = 0, .bottom = 90};
  PlotSeries s;
  s.x = x;
  s.y = y;
  const std::string d = series_path(s, frame, 1500);
  EXPECT_EQ(count(d, "M"), 3u) << d;
  EXPECT_EQ(count(d, "L"), 4u) << d;
  EXPECT_EQ(d.substr(0, 9), "M0.0 90.0");  // y is flipped: data 0 at the bottom
  EXPECT_NE(d.find("l0 0"), std::string::npos) << "the lone last sample is drawn as a dot";
}

TEST(SeriesPath, AllMissingGivesNoPath) {
  const std::vector<double> x = {0, 1};
  const std::vector<double> y = {NAN, NAN};
  PlotSeries s;
  s.x = x;
  s.y = y;
  EXPECT_EQ(series_path(s, {}, 1500), "");
}

TEST(LinePlot, DrawsOnePathPerSeriesWithLegendAndEscapedText) {
  std::vector<double> t(50), a(50), b(50);
  for (int i = 0; i < 50; ++i) {
    t[i] = i * 0.1;
    a[i] = 10 * std::sin(i * 0.2);
    b[i] = i == 20 ? NAN : 5.0;
  }
  std::vector<PlotSeries> series(2);
  series[0].label = "left <L>";
  series[0].color = "#1f66b0";
  series[0].x = t;
  series[0].y = a;
  series[1].label = "right";
  series[1].dashed = true;
  series[1].x = t;
  series[1].y = b;
  const std::string svg = render_line_plot(
      {.title = "Knee & hip", .x_label = "time (s)", .y_label = "angle (°)"}, series);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_NE(svg.find("Knee &amp; hip"), std::string::npos);
  EXPECT_EQ(svg.find("Knee & hip"), std::string::npos);
  EXPECT_NE(svg.find("left &lt;L&gt;"), std::string::npos);
  EXPECT_EQ(count(svg, "<path "), 2u);
  EXPECT_NE(svg.find("stroke-dasharray"), std::string::npos);
  EXPECT_NE(svg.find(">time (s)<"), std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("href"), std::string::npos);
  // x axis 0..4.9 s has ticks at whole seconds: label "4" present.
  EXPECT_NE(svg.find(">4</text>"), std::string::npos);
}

}  // namespace
}  // namespace openpt::motion
