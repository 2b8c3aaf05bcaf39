// The key frames of the HTML report (report.h, KeyFrame): each one an inline SVG with the
// frame as a JPEG data URI, the skeleton drawn over it in frame pixels (left side blue, right
// orange; faint and dashed where a landmark was less visible than the analysis accepts), a
// ring round each joint a finding names (red significant, amber mild) and the rep number in
// a corner; the caption gives the time, the rep's classification and its findings. No
// scripts, nothing loaded from elsewhere; all text escaped.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <string>

#include "openpt/motion/report_detail.h"
#include "openpt/motion/svg_plot.h"

namespace openpt::motion::detail {

namespace {

using Out = std::back_insert_iterator<std::string>;

std::string esc(std::string_view s) {
  return escape_xml(s);
}

std::string_view side_colour(Side side) {
  switch (side) {
    case Side::kLeft: return "#39a0ff";
    case Side::kRight: return "#ff7a45";
    case Side::kNone: break;
  }
  return "#f2f2f2";
}

bool drawable(const KeyFramePoint& p) {
  return std::isfinite(p.x) && std::isfinite(p.y);
}

// The short label in the picture's corner.
std::string corner_label(const KeyFrame& k) {
  if (k.rep > 0) return fmt::format("Rep {}", k.rep);
  if (k.not_counted) return k.status_key == "outside_position" ? "Not counted" : "Partial";
  return fmt::format("{:.2f} s", k.t_s);
}

void skeleton(Out out, const KeyFrame& k, double w, double h, double u) {
  const auto& pts = k.landmarks;
  auto valid = [&](int i) {
    return i >= 0 && static_cast<std::size_t>(i) < pts.size() &&
           drawable(pts[static_cast<std::size_t>(i)]);
  };
  std::vector<bool> in_bone(pts.size(), false);
  fmt::format_to(out, "<g fill=\"none\" stroke-linecap=\"round\" stroke-width=\"{:.1f}\">\n",
                 2 * u);
  for (const auto& [a, b] : k.bones) {
    if (!valid(a) || !valid(b)) continue;
    const KeyFramePoint& p = pts[static_cast<std::size_t>(a)];
    const KeyFramePoint& q = pts[static_cast<std::size_t>(b)];
    in_bone[static_cast<std::size_t>(a)] = in_bone[static_cast<std::size_t>(b)] = true;
    const bool faint = p.faint || q.faint;
    fmt::format_to(out,
                   "<line class=\"bone{}\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" "
                   "y2=\"{:.1f}\" stroke=\"{}\"{}/>\n",
                   faint ? " faint" : "", p.x * w, p.y * h, q.x * w, q.y * h,
                   side_colour(p.side == q.side ? p.side : Side::kNone),
                   faint
                       ? fmt::format(" stroke-opacity=\"0.55\" stroke-dasharray=\"{:.1f} {:.1f}\"",
                                     2.5 * u, 2.5 * u)
                       : std::string());
  }
  fmt::format_to(out, "</g>\n<g stroke=\"#000\" stroke-width=\"{:.1f}\">\n", 0.6 * u);
  for (std::size_t i = 0; i < pts.size(); ++i) {
    const KeyFramePoint& p = pts[i];
    if (!drawable(p) || !in_bone[i]) continue;
    fmt::format_to(out,
                   "<circle class=\"joint{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" "
                   "fill=\"{}\"{}/>\n",
                   p.faint ? " faint" : "", p.x * w, p.y * h, 2.4 * u, side_colour(p.side),
                   p.faint ? " fill-opacity=\"0.4\" stroke-opacity=\"0.4\"" : "");
  }
  fmt::format_to(out, "</g>\n");
  for (const KeyFramePoint& p : pts) {
    if (!drawable(p) || !p.focus) continue;
    const bool significant = *p.focus == Severity::kSignificant;
    fmt::format_to(out,
                   "<circle class=\"focus\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" "
                   "fill=\"none\" stroke=\"{}\" stroke-width=\"{:.1f}\"><title>{}</title>"
                   "</circle>\n",
                   p.x * w, p.y * h, 9 * u, significant ? "#ff1f3d" : "#ffc400", 2 * u,
                   significant ? "significant finding" : "mild finding");
  }
}

void key_frame(Out out, const KeyFrame& k) {
  const bool sized = k.width_px > 0 && k.height_px > 0;
  const double w = sized ? k.width_px : 640, h = sized ? k.height_px : 480;
  const double u = std::max(w, h) / 400;  // line widths and text scale with the frame
  fmt::format_to(out,
                 "<figure class=\"keyframe\">\n<svg viewBox=\"0 0 {0:g} {1:g}\" width=\"{0:g}\" "
                 "height=\"{1:g}\" role=\"img\" aria-label=\"{2}\">\n<title>{2}</title>\n",
                 w, h, esc(k.title));
  if (k.jpeg_base64.empty()) {
    fmt::format_to(out, "<rect width=\"{:g}\" height=\"{:g}\" fill=\"#444\"/>\n", w, h);
  } else {
    fmt::format_to(out,
                   "<image href=\"data:image/jpeg;base64,{}\" x=\"0\" y=\"0\" width=\"{:g}\" "
                   "height=\"{:g}\" preserveAspectRatio=\"none\"/>\n",
                   esc(k.jpeg_base64), w, h);
  }
  skeleton(out, k, w, h, u);
  const std::string label = corner_label(k);
  const double font = 14 * u;
  fmt::format_to(out,
                 "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" rx=\"{:.1f}\" "
                 "fill=\"#000\" fill-opacity=\"0.6\"/>\n<text x=\"{:.1f}\" y=\"{:.1f}\" "
                 "font-size=\"{:.1f}\" font-family=\"sans-serif\" font-weight=\"600\" "
                 "fill=\"#fff\">{}</text>\n</svg>\n",
                 2 * u, 2 * u, (0.62 * static_cast<double>(label.size()) + 0.8) * font, 1.35 * font,
                 u, 2 * u + 0.4 * font, 2 * u + 1.05 * font, font, esc(label));
  fmt::format_to(out, "<figcaption><strong>{}</strong>", esc(k.title));
  if (!k.status.empty()) {
    fmt::format_to(out, " <span class=\"badge badge-{}\">{}</span>", esc(k.status_key),
                   esc(k.status));
  }
  if (k.landmarks.empty()) fmt::format_to(out, "<br>No person was found in this frame.");
  if (!k.findings.empty()) {
    fmt::format_to(out, "\n<ul>\n");
    for (const std::string& f : k.findings) fmt::format_to(out, "<li>{}</li>\n", esc(f));
    fmt::format_to(out, "</ul>\n");
  }
  fmt::format_to(out, "</figcaption>\n</figure>\n");
}

// Portrait videos get narrower columns (four to a row), landscape ones wider (two).
std::string_view layout_class(const KeyFrame& k) {
  if (k.width_px <= 0 || k.height_px <= 0) return "";
  if (k.height_px > k.width_px * 6 / 5) return " tall";
  if (k.width_px > k.height_px * 6 / 5) return " wide";
  return "";
}

}  // namespace

void append_html_key_frames(std::string& html, const AnalysisReport& report) {
  if (report.key_frames.empty()) return;
  auto out = std::back_inserter(html);
  const bool reps = std::any_of(report.key_frames.begin(), report.key_frames.end(),
                                [](const KeyFrame& k) { return k.rep > 0 || k.not_counted; });
  fmt::format_to(out,
                 "<section id=\"key-frames\">\n<h2>Key frames</h2>\n<p class=\"small\">{} "
                 "with the pose found in it: left side blue, right side orange, faint and "
                 "dashed where a landmark was less visible than {:.2f}.{}</p>\n"
                 "<div class=\"keyframes{}\">\n",
                 reps ? "Each repetition at its turning point (for a squat, its deepest point)"
                      : "Frames spread evenly through the recording, each",
                 report.min_visibility,
                 reps ? " Rings mark the joints a finding of that repetition concerns (red "
                        "significant, amber mild)."
                      : "",
                 layout_class(report.key_frames.front()));
  for (const KeyFrame& k : report.key_frames) key_frame(out, k);
  fmt::format_to(out, "</div>\n</section>\n");
}

}  // namespace openpt::motion::detail
