// A gait trend (trend.h) rendered for people and programs: text for the terminal (alerts
// first, then one table per parameter), JSON "openpt.gait-trend/1" (docs/formats.md) and one
// self-contained HTML page with an SVG plot per parameter (values, baseline, alert days).
// Values from the input (file names) are made printable and, in HTML, escaped.
//
//   TrendReport report = analyze_trend(sessions, options);
//   std::string text = render_trend_text(report);
//   std::string json = trend_to_json(report).dump(2);   // "format": "openpt.gait-trend/1"
//   std::string html = render_trend_html(report);
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "openpt/gait/trend.h"

namespace openpt::gait {

inline constexpr std::string_view kGaitTrendFormat = "openpt.gait-trend/1";

[[nodiscard]] std::string render_trend_text(const TrendReport& report);
[[nodiscard]] nlohmann::ordered_json trend_to_json(const TrendReport& report);
[[nodiscard]] std::string render_trend_html(const TrendReport& report);

}  // namespace openpt::gait
