// SVG plots of the `openpt validate` HTML report: the Bland–Altman plot (differences against
// means, with the bias and limits of agreement as lines and their confidence intervals as
// shaded bands), the scatter plot with the line of identity, and the ROC curve.
//
// Scatter plots are drawn here because motion/svg_plot.h draws line series only; the axes,
// ticks and escaping reuse its nice_axis, tick_label and escape_xml, and the ROC curve (a
// line) is drawn by its render_line_plot.
//
//   std::string svg = bland_altman_svg(metric);   // "" when there is no Bland–Altman result
#pragma once

#include <span>
#include <string>
#include <vector>

#include "validate_analysis.h"

namespace openpt::cli {

struct ScatterLine {
  double y = 0;
  std::string label;  // drawn at the right end
  std::string color = "#333";
  bool dashed = false;
};

struct ScatterBand {
  double y0 = 0, y1 = 0;  // shaded across the full width
  std::string color = "#888";
  std::string tooltip;
};

struct ScatterPlot {
  std::string title, x_label, y_label;
  std::span<const double> x, y;  // same length; non-finite points are skipped
  std::vector<ScatterLine> lines{};
  std::vector<ScatterBand> bands{};
  bool identity = false;  // equal x and y ranges and the line y = x
  int width_px = 620, height_px = 400;
};

std::string render_scatter_svg(const ScatterPlot& plot);

std::string bland_altman_svg(const MetricReport& m);
std::string identity_svg(const MetricReport& m);
std::string roc_svg(const MetricReport& m);

}  // namespace openpt::cli
