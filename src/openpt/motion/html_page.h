// The opening of OpenPT's self-contained HTML report pages (movement, gait, gait trend,
// validation): doctype, viewport, the escaped title and one stylesheet — the base rules every
// report shares (type, headings, tables, figures, footer) followed by the page's own.
//
//   std::string html = html_page_start("Gait report", "tr.alert td { background: #fbe9e7; }");
//   html += "<h1>Gait report</h1>\n...";
//   html += "</body>\n</html>\n";
#pragma once

#include <string>
#include <string_view>

namespace openpt::motion {

// Everything up to and including <body>; `title` is escaped, `extra_css` is appended as is.
std::string html_page_start(std::string_view title, std::string_view extra_css);

}  // namespace openpt::motion
