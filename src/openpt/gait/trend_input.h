// Reading the sessions of a gait trend: gait reports written by `openpt gait --format json`
// (schema "openpt.gait/1") and CSV tables with one row per session, as clinics export them
// (docs/gait-trend.md, "Input"). Both yield TrendSession values (trend.h); unknown values
// (null, an empty cell, "nan", a missing key) become NaN and are reported by the analysis.
//
// The table's header is `date` plus any of the tracked parameter names (cadence_spm,
// gait_speed_mps, ...); other columns are ignored and named in a note. Errors name the file
// and the JSON path or the line and column, and say how to fix it.
//
//   auto input = read_trend_files({"w1.json", "w2.json", "clinic.csv"});
//   if (!input) return report_error(input.error());   // "w2.json: session.date: missing ..."
//   TrendReport report = analyze_trend(input->sessions, options);
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/gait/trend.h"

namespace openpt::gait {

inline constexpr std::string_view kGaitReportFormat = "openpt.gait/1";

struct TrendInput {
  std::vector<TrendSession> sessions;  // in the order read
  std::vector<std::string> notes;      // e.g. ignored CSV columns
};

// One gait report (`name` is the file name for messages and TrendSession::source).
[[nodiscard]] Result<TrendSession> read_gait_report_json(std::string_view text,
                                                         const std::string& name);

// A table: header `date,<parameter>,...`, then one row per session. Fails when the table has
// no date column, no tracked parameter, or no rows. Ignored columns go to `notes`.
[[nodiscard]] Result<std::vector<TrendSession>> read_trend_csv(std::string_view text,
                                                               const std::string& name,
                                                               std::vector<std::string>& notes);

// Each file is a gait report when its first non-blank character is '{' (or '['), else a CSV table;
// any mix is accepted. A file given twice is an error. Messages show file names only.
[[nodiscard]] Result<TrendInput> read_trend_files(std::span<const std::filesystem::path> files);

}  // namespace openpt::gait
