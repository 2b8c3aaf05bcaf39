// Internal to the movement report: what the text, JSON and HTML renderers share, so each
// renderer only lays things out. Number formatting ("12.3", "–" when missing), side-less
// angle names for the asymmetry table, the analysis-mode line, and the notes (unavailable
// angles, gaps, warnings, angles outside the view plane) as plain sentences.
//
//   std::string rom = format_deg(s.rom_deg);           // "89.2" or "–"
//   std::string name = angle_base_name(AngleId::kKneeFlexion);  // "knee_flexion"
//   ReportNotes notes = report_notes(report);
#pragma once

#include <string>
#include <vector>

#include "openpt/motion/report.h"

namespace openpt::motion::detail {

inline constexpr std::string_view kMissing = "–";  // en dash: a value that is not available
inline constexpr std::size_t kMaxListedGaps = 20;  // text and HTML; JSON lists all

// One decimal, or kMissing for NaN/infinite.
std::string format_deg(double value);
// The frame rate to state: the recording's nominal fps, else the analysed sample rate.
double report_fps(const AnalysisReport& report);

// "knee_flexion" and "Knee flexion": the angle without its side (for the asymmetry table).
std::string angle_base_name(AngleId id);
std::string angle_base_label(AngleId id);

// "3D (world coordinates)" or "2D (image plane), side view, inferred from the body's
// proportions".
std::string analysis_mode_text(const AnalysisReport& report);

const AngleSeries* find_series(const AnalysisReport& report, AngleKey key);

struct ReportNotes {
  std::vector<std::string> unavailable;  // "Left hip flexion: <reason>"
  std::vector<std::string> gaps;         // at most kMaxListedGaps, then "… and N more"
  std::vector<std::string> warnings;
  std::string out_of_view_plane;  // one sentence naming the flagged angles, or empty
  [[nodiscard]] bool empty() const {
    return unavailable.empty() && gaps.empty() && warnings.empty() && out_of_view_plane.empty();
  }
};
ReportNotes report_notes(const AnalysisReport& report);

}  // namespace openpt::motion::detail
