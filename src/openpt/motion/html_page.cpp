#include "openpt/motion/html_page.h"

#include <fmt/format.h>

#include "openpt/motion/svg_plot.h"

namespace openpt::motion {
namespace {

constexpr std::string_view kBaseStyle = R"css(
:root { color: #222; background: #fff; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       max-width: 820px; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 2px; }
h2 { font-size: 16px; margin: 28px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 3px; }
h3 { font-size: 14px; margin: 16px 0 6px; }
.sub { color: #666; margin: 0 0 12px; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 8px; border-bottom: 1px solid #eee; }
th { text-align: left; font-weight: 600; border-bottom: 1px solid #bbb; }
.small { color: #666; font-size: 12px; }
figure { margin: 12px 0 18px; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #666; font-size: 12px; }
footer { margin-top: 32px; color: #888; font-size: 12px; }
)css";

}  // namespace

std::string html_page_start(std::string_view title, std::string_view extra_css) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}{}</style>\n</head>\n<body>\n",
      escape_xml(title), kBaseStyle, extra_css);
}

}  // namespace openpt::motion
