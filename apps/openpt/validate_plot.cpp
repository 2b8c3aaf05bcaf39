#include "validate_plot.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

#include "openpt/motion/svg_plot.h"

namespace openpt::cli {

namespace {

using motion::escape_xml;

struct Box {
  double left, right, top, bottom;  // pixels
  motion::Axis x, y;
  [[nodiscard]] double px(double v) const {
    return left + (v - x.lo) / (x.hi - x.lo) * (right - left);
  }
  [[nodiscard]] double py(double v) const {
    return bottom - (v - y.lo) / (y.hi - y.lo) * (bottom - top);
  }
};

void extend(double& lo, double& hi, double v) {
  if (!std::isfinite(v)) return;
  lo = std::min(lo, v);
  hi = std::max(hi, v);
}

}  // namespace

std::string render_scatter_svg(const ScatterPlot& p) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  double x_lo = inf, x_hi = -inf, y_lo = inf, y_hi = -inf;
  for (std::size_t i = 0; i < p.x.size(); ++i) {
    if (!std::isfinite(p.x[i]) || !std::isfinite(p.y[i])) continue;
    extend(x_lo, x_hi, p.x[i]);
    extend(y_lo, y_hi, p.y[i]);
  }
  for (const auto& l : p.lines) extend(y_lo, y_hi, l.y);
  for (const auto& b : p.bands) extend(y_lo, y_hi, b.y0), extend(y_lo, y_hi, b.y1);
  if (p.identity) {
    x_lo = y_lo = std::min(x_lo, y_lo);
    x_hi = y_hi = std::max(x_hi, y_hi);
  }
  Box box{.left = 64,
          .right = p.width_px - 92.0,
          .top = 34,
          .bottom = p.height_px - 44.0,
          .x = motion::nice_axis(x_lo, x_hi, 7),
          .y = motion::nice_axis(y_lo, y_hi, 6)};
  if (p.identity) box.y = box.x;

  std::string svg = motion::svg_plot_open(p.width_px, p.height_px, box.left, p.title);
  auto out = std::back_inserter(svg);
  fmt::format_to(out, "<g stroke=\"#e4e4e4\">\n");
  for (double t : box.y.ticks) {
    fmt::format_to(out, "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>\n",
                   box.left, box.py(t), box.right, box.py(t));
  }
  for (double t : box.x.ticks) {
    fmt::format_to(out, "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>\n",
                   box.px(t), box.top, box.px(t), box.bottom);
  }
  fmt::format_to(out, "</g>\n<g fill=\"#555\">\n");
  for (double t : box.y.ticks) {
    fmt::format_to(out, "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
                   box.left - 6, box.py(t) + 4, motion::tick_label(box.y, t));
  }
  for (double t : box.x.ticks) {
    fmt::format_to(out, "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n",
                   box.px(t), box.bottom + 15, motion::tick_label(box.x, t));
  }
  fmt::format_to(out, "</g>\n");
  fmt::format_to(out,
                 "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"#333\">{}</text>\n"
                 "<text transform=\"translate(16 {:.1f}) rotate(-90)\" text-anchor=\"middle\" "
                 "fill=\"#333\">{}</text>\n",
                 (box.left + box.right) / 2, p.height_px - 10.0, escape_xml(p.x_label),
                 (box.top + box.bottom) / 2, escape_xml(p.y_label));
  for (const auto& b : p.bands) {
    const double y0 = box.py(std::max(b.y0, b.y1)), y1 = box.py(std::min(b.y0, b.y1));
    fmt::format_to(out,
                   "<rect class=\"ci\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
                   "height=\"{:.1f}\" fill=\"{}\" fill-opacity=\"0.13\"><title>{}</title></rect>\n",
                   box.left, y0, box.right - box.left, std::max(1.0, y1 - y0), escape_xml(b.color),
                   escape_xml(b.tooltip));
  }
  if (p.identity) {
    fmt::format_to(out,
                   "<line class=\"identity\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" "
                   "y2=\"{:.1f}\" stroke=\"#777\" stroke-dasharray=\"6 3\"/>\n",
                   box.left, box.bottom, box.right, box.top);
  }
  for (const auto& l : p.lines) {
    const double y = box.py(l.y);
    fmt::format_to(out,
                   "<line class=\"ref\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
                   "stroke=\"{}\" stroke-width=\"1.5\"{}/>\n"
                   "<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"{}\">{}</text>\n",
                   box.left, y, box.right, y, escape_xml(l.color),
                   l.dashed ? " stroke-dasharray=\"6 3\"" : "", box.right + 4, y + 4,
                   escape_xml(l.color), escape_xml(l.label));
  }
  fmt::format_to(out, "<g class=\"points\" fill=\"#1f77b4\" fill-opacity=\"0.7\">\n");
  for (std::size_t i = 0; i < p.x.size(); ++i) {
    if (!std::isfinite(p.x[i]) || !std::isfinite(p.y[i])) continue;
    fmt::format_to(out, "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.2\"/>\n", box.px(p.x[i]),
                   box.py(p.y[i]));
  }
  fmt::format_to(out,
                 "</g>\n<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
                 "fill=\"none\" stroke=\"#9a9a9a\"/>\n</svg>\n",
                 box.left, box.top, box.right - box.left, box.bottom - box.top);
  return svg;
}

std::string bland_altman_svg(const MetricReport& m) {
  if (!m.bland_altman) return {};
  const stats::BlandAltman& ba = *m.bland_altman;
  std::vector<double> means, diffs;
  for (std::size_t i = 0; i < m.reference.size(); ++i) {
    means.push_back((m.reference[i] + m.test[i]) / 2);
    diffs.push_back(m.test[i] - m.reference[i]);
  }
  const std::string level = fmt::format("{:g} % CI", 100 * ba.confidence);
  ScatterPlot p{.title = "Bland–Altman plot: " + m.name,
                .x_label = "mean of test and reference",
                .y_label = "test − reference",
                .x = means,
                .y = diffs};
  // Several pairs per subject: the repeated-measures limits and their (Zou 2013) intervals;
  // the one-pair-per-subject intervals would be too narrow.
  const stats::ZouLoaIntervals* z = m.repeated ? &m.repeated->zou : nullptr;
  const double bias = z ? z->bias : ba.bias;
  const double lower = z ? z->lower_loa : ba.lower_loa, upper = z ? z->upper_loa : ba.upper_loa;
  const stats::Interval& bias_ci = z ? z->bias_ci : ba.bias_ci;
  const stats::Interval& lower_ci = z ? z->lower_loa_ci : ba.lower_loa_ci;
  const stats::Interval& upper_ci = z ? z->upper_loa_ci : ba.upper_loa_ci;
  if (z) p.title += " (repeated measures)";
  p.bands = {{lower_ci.lower, lower_ci.upper, "#d62728", "lower limit, " + level},
             {bias_ci.lower, bias_ci.upper, "#2ca02c", "bias, " + level},
             {upper_ci.lower, upper_ci.upper, "#d62728", "upper limit, " + level}};
  p.lines = {{0, "", "#999", true},
             {bias, fmt::format("bias {:.3g}", bias), "#2ca02c", false},
             {lower, fmt::format("−1.96 SD {:.3g}", lower), "#d62728", false},
             {upper, fmt::format("+1.96 SD {:.3g}", upper), "#d62728", false}};
  return render_scatter_svg(p);
}

std::string identity_svg(const MetricReport& m) {
  if (m.reference.empty()) return {};
  ScatterPlot p{.title = "Test against reference: " + m.name,
                .x_label = "reference",
                .y_label = "test",
                .x = m.reference,
                .y = m.test,
                .identity = true,
                .width_px = 460,
                .height_px = 420};
  return render_scatter_svg(p);
}

std::string roc_svg(const MetricReport& m) {
  if (!m.roc) return {};
  std::vector<double> fpr, tpr;
  for (const auto& pt : m.roc->points) fpr.push_back(pt.fpr), tpr.push_back(pt.tpr);
  const std::vector<double> diagonal = {0, 1};
  const motion::PlotSeries series[] = {
      {.label = "ROC", .color = "#1f77b4", .x = fpr, .y = tpr},
      {.label = "chance", .color = "#999", .dashed = true, .x = diagonal, .y = diagonal}};
  return motion::render_line_plot({.title = "ROC curve: " + m.name,
                                   .x_label = "1 − specificity",
                                   .y_label = "sensitivity",
                                   .width_px = 460,
                                   .height_px = 400},
                                  series);
}

}  // namespace openpt::cli
