// `openpt validate` reports: plain text for the terminal, JSON ("openpt.validation/1",
// docs/formats.md) and one self-contained HTML page with SVG plots. Sections follow the
// STARD 2015 items that apply to a method-comparison study (item numbers in brackets).
//
//   std::string text = render_validation_text(report);
//   std::string json = validation_json(report).dump(2);
//   std::string html = render_validation_html(report);
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "validate_analysis.h"

namespace openpt::cli {

std::string render_validation_text(const ValidationReport& report);
nlohmann::ordered_json validation_json(const ValidationReport& report);
std::string render_validation_html(const ValidationReport& report);

// Shared wording and number formatting of the three renderers.
std::string format_number(double v);                     // 4 significant digits; "n/a" for NaN
std::string format_interval(const stats::Interval& ci);  // "1.02 to 3.6"
std::string format_p(double p);                          // "p < 0.001", "p = 0.0123", "p n/a"
std::string format_percent(double share);                // 0.947 -> "94.7 %"
std::string confidence_label(double confidence);         // 0.95 -> "95 %"
// The methods paragraph: what was computed and how (one sentence a line).
std::vector<std::string> methods_lines(const ValidationReport& report);
// How Zou's (2013) repeated-measures estimates relate to Bland & Altman 2007's: the same in a
// balanced design, else from the subject means (harmonic mean of the pairs per subject).
std::string zou_basis(const stats::RepeatedBlandAltman& r);
// One line of the MCID comparison, e.g. "MDC95 6.4 < MCID 10: ...".
std::string mcid_line(const MetricReport& m, double mcid);

}  // namespace openpt::cli
