#include "openpt/motion/svg_plot.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <iterator>
#include <limits>

namespace openpt::motion {

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

Axis nice_axis(double lo, double hi, int target_ticks) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0, hi = 1;
  if (lo > hi) std::swap(lo, hi);
  if (hi - lo <= 1e-9 * std::max(1.0, std::abs(lo))) lo -= 1, hi += 1;
  const double raw = (hi - lo) / std::max(1, target_ticks - 1);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double r = raw / magnitude;
  const double nice = r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10;
  Axis axis;
  axis.step = nice * magnitude;
  axis.lo = std::floor(lo / axis.step + 1e-9) * axis.step;
  axis.hi = std::ceil(hi / axis.step - 1e-9) * axis.step;
  const auto count = static_cast<int>(std::lround((axis.hi - axis.lo) / axis.step));
  for (int k = 0; k <= count; ++k) {
    double v = axis.lo + k * axis.step;
    if (std::abs(v) < axis.step * 1e-9) v = 0;
    axis.ticks.push_back(v);
  }
  const int digits = -static_cast<int>(std::floor(std::log10(axis.step) + 1e-9));
  axis.decimals = std::max(0, digits + (nice == 2.5 ? 1 : 0));  // 2.5 needs one more, 25 not
  return axis;
}

std::string svg_plot_open(int width_px, int height_px, double title_x, std::string_view title) {
  const std::string text = escape_xml(title);
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"{2}\" "
      "font-family=\"system-ui, sans-serif\" font-size=\"11\">\n<title>{2}</title>\n"
      "<text x=\"{3:.1f}\" y=\"18\" font-size=\"13\" font-weight=\"600\" "
      "fill=\"#222\">{2}</text>\n",
      width_px, height_px, text, title_x);
}

std::string tick_label(const Axis& axis, double value) {
  std::string s = fmt::format("{:.{}f}", value, axis.decimals);
  if (s.starts_with('-') && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

std::vector<std::size_t> decimate_min_max(std::span<const double> y, std::size_t max_points) {
  const std::size_t n = y.size();
  std::vector<std::size_t> keep;
  if (n <= max_points || max_points < 2) {
    keep.resize(n);
    for (std::size_t i = 0; i < n; ++i) keep[i] = i;
    return keep;
  }
  const std::size_t bucket = (2 * n + max_points - 1) / max_points;  // two points per bucket
  auto valid = [&](std::size_t i) { return std::isfinite(y[i]); };
  std::size_t i = 0;
  while (i < n) {
    if (!valid(i)) {  // one invalid sample stands for the whole gap
      keep.push_back(i);
      while (i < n && !valid(i)) ++i;
      continue;
    }
    const std::size_t run_begin = i;
    while (i < n && valid(i)) ++i;
    const std::size_t run_end = i;  // exclusive
    keep.push_back(run_begin);
    // Buckets aligned to absolute indices so neighbouring runs share the grid.
    for (std::size_t b = run_begin; b < run_end;) {
      const std::size_t b_end = std::min(run_end, (b / bucket + 1) * bucket);
      const auto first = y.begin() + static_cast<std::ptrdiff_t>(b);
      const auto last = y.begin() + static_cast<std::ptrdiff_t>(b_end);
      const auto [lo, hi] = std::minmax_element(first, last);
      const auto lo_i = static_cast<std::size_t>(lo - y.begin());
      const auto hi_i = static_cast<std::size_t>(hi - y.begin());
      keep.push_back(std::min(lo_i, hi_i));
      keep.push_back(std::max(lo_i, hi_i));
      b = b_end;
    }
    keep.push_back(run_end - 1);
  }
  std::sort(keep.begin(), keep.end());
  keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
  return keep;
}

namespace {

double to_px(double v, double v0, double v1, double p0, double p1) {
  return p0 + (v - v0) / (v1 - v0) * (p1 - p0);
}

struct Range {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  void add(double v) {
    if (!std::isfinite(v)) return;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  [[nodiscard]] bool empty() const { return lo > hi; }
};

using Out = std::back_insert_iterator<std::string>;

void bands(Out out, const std::vector<PlotBand>& list, const PlotFrame& frame) {
  if (list.empty()) return;
  fmt::format_to(out, "<g class=\"bands\">\n");
  for (const PlotBand& b : list) {
    if (!std::isfinite(b.x0) || !std::isfinite(b.x1)) continue;
    const double x0 =
        std::clamp(to_px(std::min(b.x0, b.x1), frame.x0, frame.x1, frame.left, frame.right),
                   frame.left, frame.right);
    const double x1 =
        std::clamp(to_px(std::max(b.x0, b.x1), frame.x0, frame.x1, frame.left, frame.right),
                   frame.left, frame.right);
    fmt::format_to(out,
                   "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" {}>"
                   "<title>{}</title></rect>\n",
                   x0, frame.top, std::max(x1 - x0, 1.0), frame.bottom - frame.top,
                   b.muted ? "fill=\"#9a9a9a\" fill-opacity=\"0.10\" stroke=\"#8a8a8a\" "
                             "stroke-dasharray=\"3 3\""
                           : "fill=\"#5b8bd0\" fill-opacity=\"0.16\"",
                   escape_xml(b.tooltip));
    if (!b.label.empty()) {
      fmt::format_to(out,
                     "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"10\" "
                     "fill=\"{}\">{}</text>\n",
                     (x0 + x1) / 2, frame.top + 11, b.muted ? "#777" : "#33507a",
                     escape_xml(b.label));
    }
  }
  fmt::format_to(out, "</g>\n");
}

void markers(Out out, const std::vector<PlotMarker>& list, const PlotFrame& frame) {
  if (list.empty()) return;
  fmt::format_to(out, "<g class=\"markers\" stroke=\"#222\" stroke-width=\"1\">\n");
  for (const PlotMarker& m : list) {
    if (!std::isfinite(m.x)) continue;
    const double px = to_px(m.x, frame.x0, frame.x1, frame.left, frame.right);
    const double py = std::isfinite(m.y)
                          ? std::clamp(to_px(m.y, frame.y0, frame.y1, frame.bottom, frame.top),
                                       frame.top + 7, frame.bottom)
                          : frame.top + 7;
    fmt::format_to(out,
                   "<path d=\"M{:.1f} {:.1f}L{:.1f} {:.1f}L{:.1f} {:.1f}Z\" fill=\"{}\">"
                   "<title>{}</title></path>\n",
                   px - 4.5, py - 8, px + 4.5, py - 8, px, py, m.muted ? "#fff" : "#222",
                   escape_xml(m.tooltip));
  }
  fmt::format_to(out, "</g>\n");
}

}  // namespace

std::string series_path(const PlotSeries& series, const PlotFrame& frame, std::size_t max_points) {
  assert(series.x.size() == series.y.size());
  std::string d;
  auto out = std::back_inserter(d);
  std::size_t run_length = 0;
  for (std::size_t i : decimate_min_max(series.y, max_points)) {
    const double x = series.x[i], y = series.y[i];
    if (!std::isfinite(x) || !std::isfinite(y)) {
      if (run_length == 1) fmt::format_to(out, "l0 0");  // a lone sample: a round dot
      run_length = 0;
      continue;
    }
    const double px = to_px(x, frame.x0, frame.x1, frame.left, frame.right);
    const double py = to_px(y, frame.y0, frame.y1, frame.bottom, frame.top);
    fmt::format_to(out, "{}{:.1f} {:.1f}", run_length == 0 ? "M" : "L", px, py);
    ++run_length;
  }
  if (run_length == 1) fmt::format_to(out, "l0 0");
  return d;
}

std::string render_line_plot(const PlotOptions& options, std::span<const PlotSeries> series) {
  const double width = options.width_px, height = options.height_px;
  PlotFrame frame{.left = 58, .right = width - 14, .top = 34, .bottom = height - 42};
  Range xr, yr;
  for (const auto& s : series) {
    for (std::size_t i = 0; i < s.y.size(); ++i) {
      if (std::isfinite(s.y[i])) xr.add(s.x[i]), yr.add(s.y[i]);
    }
  }
  for (const auto& b : options.bands) xr.add(b.x0), xr.add(b.x1);
  for (const auto& m : options.markers) {
    xr.add(m.x);
    if (std::isfinite(m.x)) yr.add(m.y);
  }
  const Axis x_axis = xr.empty() ? nice_axis(0, 1) : nice_axis(xr.lo, xr.hi, 8);
  const Axis y_axis = yr.empty() ? nice_axis(0, 1) : nice_axis(yr.lo, yr.hi, 5);
  frame.x0 = x_axis.lo, frame.x1 = x_axis.hi, frame.y0 = y_axis.lo, frame.y1 = y_axis.hi;

  std::string svg = svg_plot_open(options.width_px, options.height_px, frame.left, options.title);
  auto out = std::back_inserter(svg);
  // Grid and tick labels.
  fmt::format_to(out, "<g stroke=\"#e4e4e4\" stroke-width=\"1\">\n");
  for (double t : y_axis.ticks) {
    const double py = to_px(t, frame.y0, frame.y1, frame.bottom, frame.top);
    fmt::format_to(out, "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"{}/>\n",
                   frame.left, py, frame.right, py, t == 0 ? " stroke=\"#9a9a9a\"" : "");
  }
  for (double t : x_axis.ticks) {
    const double px = to_px(t, frame.x0, frame.x1, frame.left, frame.right);
    fmt::format_to(out, "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>\n", px,
                   frame.top, px, frame.bottom);
  }
  fmt::format_to(out, "</g>\n<g fill=\"#555\">\n");
  for (double t : y_axis.ticks) {
    const double py = to_px(t, frame.y0, frame.y1, frame.bottom, frame.top);
    fmt::format_to(out, "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
                   frame.left - 6, py + 4, tick_label(y_axis, t));
  }
  for (double t : x_axis.ticks) {
    const double px = to_px(t, frame.x0, frame.x1, frame.left, frame.right);
    fmt::format_to(out, "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", px,
                   frame.bottom + 15, tick_label(x_axis, t));
  }
  fmt::format_to(out, "</g>\n");
  fmt::format_to(out,
                 "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
                 "fill=\"none\" stroke=\"#9a9a9a\"/>\n",
                 frame.left, frame.top, frame.right - frame.left, frame.bottom - frame.top);
  fmt::format_to(out,
                 "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"#333\">{}</text>\n",
                 (frame.left + frame.right) / 2, height - 8, escape_xml(options.x_label));
  fmt::format_to(out,
                 "<text transform=\"translate(14 {:.1f}) rotate(-90)\" text-anchor=\"middle\" "
                 "fill=\"#333\">{}</text>\n",
                 (frame.top + frame.bottom) / 2, escape_xml(options.y_label));
  bands(out, options.bands, frame);
  // Series.
  for (const auto& s : series) {
    const std::string d = series_path(s, frame, options.max_points);
    if (d.empty()) continue;
    fmt::format_to(out,
                   "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.6\" "
                   "stroke-linejoin=\"round\" stroke-linecap=\"round\"{}/>\n",
                   d, escape_xml(s.color), s.dashed ? " stroke-dasharray=\"6 3\"" : "");
  }
  markers(out, options.markers, frame);
  // Legend, right-aligned on the title row, laid out from the right.
  double x = frame.right;
  for (auto it = series.rbegin(); it != series.rend(); ++it) {
    const double text_w = 6.5 * static_cast<double>(it->label.size());
    x -= text_w;
    fmt::format_to(out, "<text x=\"{:.1f}\" y=\"18\" fill=\"#333\">{}</text>\n", x,
                   escape_xml(it->label));
    x -= 26;
    fmt::format_to(out,
                   "<line x1=\"{:.1f}\" y1=\"14\" x2=\"{:.1f}\" y2=\"14\" stroke=\"{}\" "
                   "stroke-width=\"2\"{}/>\n",
                   x, x + 20, escape_xml(it->color), it->dashed ? " stroke-dasharray=\"6 3\"" : "");
    x -= 14;
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace openpt::motion
