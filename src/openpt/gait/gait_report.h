// Gait reports: JSON (`openpt.gait/1`, docs/formats.md), text and a self-contained HTML
// page with the foot signals and detected events plotted. All lead with the parameters.
//
//   GaitReportInfo info{.date = "2026-11-20"};
//   std::string json = render_gait_json(analysis, recording, info);
//   std::string page = render_gait_html(analysis, recording, info);
#pragma once

#include <optional>
#include <string>

#include "openpt/gait/gait_analysis.h"
#include "openpt/gait/imu.h"

namespace openpt::gait {

inline constexpr std::string_view kGaitSchema = "openpt.gait/1";

struct GaitReportInfo {
  std::optional<std::string> date;  // ISO session date (YYYY-MM-DD), for trends
};

[[nodiscard]] std::string render_gait_json(const GaitAnalysis& analysis,
                                           const ImuRecording& recording,
                                           const GaitReportInfo& info = {});
[[nodiscard]] std::string render_gait_text(const GaitAnalysis& analysis,
                                           const ImuRecording& recording,
                                           const GaitReportInfo& info = {});
[[nodiscard]] std::string render_gait_html(const GaitAnalysis& analysis,
                                           const ImuRecording& recording,
                                           const GaitReportInfo& info = {});

}  // namespace openpt::gait
