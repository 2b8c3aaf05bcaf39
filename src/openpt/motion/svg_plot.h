// A small SVG line-plot builder for reports: x–y series drawn as polylines on axes with
// "nice" ticks, a title, axis labels and a legend, as one standalone <svg> element.
//
// NaN (or infinite) values break a line into separate segments, so missing data shows as
// a gap instead of a bridge; an isolated valid sample is drawn as a dot. Long series are
// decimated per series, keeping each bucket's minimum and maximum so peaks survive
// (`PlotOptions::max_points`). All text is XML-escaped; the output needs no external
// resources and no JavaScript, so it can be inlined into an HTML page. Time spans can be
// shaded behind the lines (`PlotBand`: repetitions) and points marked with a small
// triangle (`PlotMarker`: turning points), each with a tooltip.
//
//   PlotSeries knee{.label = "left", .color = "#1f77b4", .x = t_s, .y = deg};
//   std::string svg = render_line_plot({.title = "Knee flexion", .x_label = "time (s)",
//                                       .y_label = "angle (°)"}, {&knee, 1});
//   Axis a = nice_axis(0.0, 9.7);                      // ticks 0, 2, 4, 6, 8, 10
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace openpt::motion {

// Escapes & < > " ' for XML/HTML text and attribute values.
std::string escape_xml(std::string_view text);

struct Axis {
  double lo = 0, hi = 1;      // axis range, rounded outwards to multiples of `step`
  double step = 1;            // distance between ticks
  std::vector<double> ticks;  // lo, lo + step, ..., hi
  int decimals = 0;           // digits after the point needed to label the ticks
};

// A range covering [lo, hi] with about `target_ticks` ticks at 1, 2, 2.5 or 5 × 10^k.
// An empty or degenerate range (lo == hi, NaN) gets a small range around it.
Axis nice_axis(double lo, double hi, int target_ticks = 6);

// The opening of a plot's <svg> element (class "plot", accessible name and <title> from
// `title`) and its heading: the title in bold at (`title_x`, 18).
std::string svg_plot_open(int width_px, int height_px, double title_x, std::string_view title);

// The label for tick `value` of `axis`, with `axis.decimals` digits ("-0" printed as "0").
std::string tick_label(const Axis& axis, double value);

// Indices of the samples to draw so that at most about `max_points` remain: the series is
// cut into buckets and each contributes its first, minimum and maximum valid sample in
// index order. Invalid (non-finite) samples are kept where they separate valid runs, so
// gaps survive decimation. Returns all indices when the series is short enough.
std::vector<std::size_t> decimate_min_max(std::span<const double> y, std::size_t max_points);

struct PlotSeries {
  std::string label;           // legend text
  std::string color = "#333";  // any CSS colour
  bool dashed = false;         // dashed line, so series stay apart in greyscale print
  std::span<const double> x;   // same length as y
  std::span<const double> y;
};

// A span of x shaded over the full height, behind the series, with a short label at its top.
struct PlotBand {
  double x0 = 0, x1 = 0;
  std::string label;    // e.g. the repetition number; may be empty
  std::string tooltip;  // SVG <title>, e.g. "rep 3: 1.27–3.73 s"
  bool muted = false;   // lighter, with a dashed outline (e.g. a partial repetition)
};

// A point marked by a downward triangle whose tip is at (x, y); y not finite: at the top.
struct PlotMarker {
  double x = 0, y = 0;
  std::string tooltip;
  bool muted = false;  // hollow instead of filled
};

struct PlotOptions {
  std::string title;
  std::string x_label;
  std::string y_label;
  int width_px = 760;
  int height_px = 260;
  std::size_t max_points = 1500;  // per series, after decimation
  std::vector<PlotBand> bands{};  // their x ranges widen the x axis if needed
  std::vector<PlotMarker> markers{};
};

// The path data ("M x y L x y ... M ...") of one series in plot coordinates, one "M" per
// unbroken run of valid samples. Exposed for tests.
struct PlotFrame {
  double x0 = 0, x1 = 1, y0 = 0, y1 = 1;            // data range
  double left = 0, right = 1, top = 0, bottom = 1;  // pixel box (top < bottom)
};
std::string series_path(const PlotSeries& series, const PlotFrame& frame, std::size_t max_points);

// One <svg> element. Series with no valid sample still appear in the legend.
std::string render_line_plot(const PlotOptions& options, std::span<const PlotSeries> series);

}  // namespace openpt::motion
