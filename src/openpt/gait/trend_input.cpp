#include "openpt/gait/trend_input.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "openpt/core/csv.h"
#include "openpt/core/file_name.h"
#include "openpt/core/printable.h"

namespace openpt::gait {

namespace {

using Json = nlohmann::json;

constexpr std::uintmax_t kMaxSessionFileBytes = std::uintmax_t{256} << 20;  // 256 MiB

// A value of `info` read from a file: NaN (unknown) passes; otherwise it must be finite and
// > 0 (or >= 0). `unknown` says how the file writes an unknown value.
Result<void> check_value(const TrendParameterInfo& info, double value, std::string_view unknown) {
  if (std::isnan(value)) return {};
  const bool ok = std::isfinite(value) && (info.positive ? value > 0 : value >= 0);
  if (ok) return {};
  return bad_input(fmt::format("{} must be {} 0, got {}", info.name,
                               info.positive ? "greater than" : "at least", value),
                   {}, fmt::format("write {} for an unknown value", unknown));
}

// ---- gait reports ----------------------------------------------------------------------------

std::string describe(const Json& v) {
  if (v.is_string()) {
    return fmt::format("string \"{}\"", printable(v.get<std::string>().substr(0, 40)));
  }
  if (v.is_number() || v.is_boolean()) return fmt::format("{} {}", v.type_name(), v.dump());
  return v.type_name();
}

// Errors located at "name: path" (a JSON path such as parameters.left.stride_time_s.mean).
struct ReportReader {
  const std::string& name;

  [[nodiscard]] tl::unexpected<Error> fail(const std::string& path, std::string message,
                                           std::string hint = {}) const {
    return bad_input(std::move(message), fmt::format("{}: {}", name, path), std::move(hint));
  }
  [[nodiscard]] tl::unexpected<Error> wrong_type(const std::string& path, std::string_view expected,
                                                 const Json& got) const {
    return fail(path, fmt::format("expected {}, got {}", expected, describe(got)));
  }

  // The member `key` of `object` when it is an object (nullptr when absent or null).
  [[nodiscard]] Result<const Json*> object(const Json& parent, const char* key,
                                           const std::string& path) const {
    const auto it = parent.find(key);
    if (it == parent.end() || it->is_null()) return nullptr;
    if (!it->is_object()) return wrong_type(path, "an object", *it);
    return &*it;
  }

  // A number or null at `parent[key]`; NaN when absent or null.
  [[nodiscard]] Result<double> number(const Json* parent, const char* key,
                                      const std::string& path) const {
    if (parent == nullptr) return kTrendNaN;
    const auto it = parent->find(key);
    if (it == parent->end() || it->is_null()) return kTrendNaN;
    if (!it->is_number()) return wrong_type(path, "a number or null", *it);
    return it->get<double>();
  }
};

Result<void> check_format(const ReportReader& r, const Json& root) {
  const auto it = root.find("format");
  const std::string hint = "session files are written by `openpt gait ... --format json`";
  if (it == root.end()) {
    return r.fail("format", fmt::format("missing; expected \"{}\"", kGaitReportFormat), hint);
  }
  if (!it->is_string()) return r.wrong_type("format", "a string", *it);
  const std::string value = it->get<std::string>();
  if (value == kGaitReportFormat) return {};
  if (value.starts_with("openpt.gait-trend/")) {
    return r.fail("format", "this is a trend report, not a session",
                  "give the gait reports of the sessions, not the output of gait-trend");
  }
  if (value.starts_with("openpt.gait/")) {
    return r.fail("format", fmt::format("unsupported version \"{}\"", printable(value)),
                  fmt::format("this version of OpenPT reads \"{}\"", kGaitReportFormat));
  }
  return r.fail("format",
                fmt::format("\"{}\" is not a gait report; expected \"{}\"",
                            printable(value.substr(0, 40)), kGaitReportFormat),
                hint);
}

Result<Date> read_session_date(const ReportReader& r, const Json& root) {
  const std::string hint =
      "the trend needs the day of every session: re-run `openpt gait ... --date YYYY-MM-DD "
      "--format json`";
  auto session = r.object(root, "session", "session");
  if (!session) return tl::unexpected(session.error());
  if (*session == nullptr) return r.fail("session.date", "missing", hint);
  const auto it = (*session)->find("date");
  if (it == (*session)->end() || it->is_null()) return r.fail("session.date", "missing", hint);
  if (!it->is_string()) return r.wrong_type("session.date", "a date \"YYYY-MM-DD\"", *it);
  auto date = parse_iso_date(it->get<std::string>());
  if (!date) return tl::unexpected(date.error().within(r.name + ": session.date"));
  return *date;
}

// parameters.symmetry[i].index_pct where parameters.symmetry[i].parameter == key.
Result<double> symmetry_index(const ReportReader& r, const Json& parameters, std::string_view key) {
  const auto it = parameters.find("symmetry");
  if (it == parameters.end() || it->is_null()) return kTrendNaN;
  if (!it->is_array()) return r.wrong_type("parameters.symmetry", "an array", *it);
  for (std::size_t i = 0; i < it->size(); ++i) {
    const Json& entry = (*it)[i];
    const std::string path = fmt::format("parameters.symmetry[{}]", i);
    if (!entry.is_object()) return r.wrong_type(path, "an object", entry);
    const auto name = entry.find("parameter");
    if (name == entry.end() || !name->is_string()) {
      return r.fail(path + ".parameter", "missing or not a string",
                    "each symmetry entry names its parameter, e.g. \"stride_time_s\"");
    }
    if (*name == key) return r.number(&entry, "index_pct", path + ".index_pct");
  }
  return kTrendNaN;
}

// The mean of the left and right values of parameters.<side>.<key>.<stat> that are known.
Result<double> side_mean(const ReportReader& r, const Json& parameters,
                         const TrendParameterInfo& info, const char* stat) {
  double sum = 0;
  int n = 0;
  for (const char* side : {"left", "right"}) {
    const std::string side_path = fmt::format("parameters.{}", side);
    auto side_object = r.object(parameters, side, side_path);
    if (!side_object) return tl::unexpected(side_object.error());
    if (*side_object == nullptr) continue;
    const std::string key(info.key);
    const std::string summary_path = fmt::format("{}.{}", side_path, key);
    auto summary = r.object(**side_object, key.c_str(), summary_path);
    if (!summary) return tl::unexpected(summary.error());
    const std::string path = fmt::format("{}.{}", summary_path, stat);
    auto v = r.number(*summary, stat, path);
    if (!v) return v;
    if (auto ok = check_value(info, *v, "null"); !ok) {
      return tl::unexpected(ok.error().within(r.name + ": " + path));
    }
    if (!std::isnan(*v)) sum += *v, ++n;
  }
  return n > 0 ? sum / n : kTrendNaN;
}

Result<double> report_value(const ReportReader& r, const Json& parameters,
                            const TrendParameterInfo& info) {
  Result<double> v = kTrendNaN;
  std::string path = fmt::format("parameters.{}", info.key);
  switch (info.field) {
    case ReportField::kOverall:
      v = r.number(&parameters, std::string(info.key).c_str(), path);
      break;
    case ReportField::kSideMean: return side_mean(r, parameters, info, "mean");
    case ReportField::kSideCv: return side_mean(r, parameters, info, "cv_pct");
    case ReportField::kSymmetryIndex:
      v = symmetry_index(r, parameters, info.key);
      path = fmt::format("parameters.symmetry ({} index_pct)", info.key);
      break;
  }
  if (!v) return v;
  if (auto ok = check_value(info, *v, "null"); !ok) {
    return tl::unexpected(ok.error().within(r.name + ": " + path));
  }
  return v;
}

Result<Json> parse_json_text(std::string_view text, const std::string& name) {
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& e) {
    const std::size_t at = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
    const std::string_view before = text.substr(0, at);
    const std::size_t line =
        1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t line_start = before.rfind('\n');
    const std::size_t column = at - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
    return bad_input("not valid JSON", fmt::format("{}:{}:{}", name, line, column),
                     at >= text.size() ? "the file looks truncated"
                                       : "JSON has no NaN or Infinity; write null for unknown");
  }
}

// ---- CSV tables ------------------------------------------------------------------------------

struct TableColumns {
  std::size_t date = 0;
  std::vector<std::pair<std::size_t, TrendParameter>> parameters;
  std::size_t count = 0;
};

Result<TableColumns> read_header(CsvReader& csv, std::vector<std::string>& notes) {
  const std::string names = [] {
    std::string out;
    for (const TrendParameterInfo& info : trend_parameters()) out += "," + std::string(info.name);
    return out;
  }();
  const std::string hint = "the first line names the columns: date" + names;
  if (!csv.next()) return tl::unexpected(csv.error("no header line", hint));
  TableColumns t;
  t.count = csv.size();
  std::optional<std::size_t> date;
  std::vector<std::string> ignored;
  std::set<std::string_view> seen;
  for (std::size_t c = 0; c < csv.size(); ++c) {
    const std::string_view cell = csv.cell(c);
    if (!seen.insert(cell).second) {
      return tl::unexpected(
          csv.error(fmt::format("column {} (\"{}\") appears twice", c + 1, printable(cell))));
    }
    if (cell == "date") {
      date = c;
    } else if (auto p = parse_trend_parameter(cell)) {
      t.parameters.emplace_back(c, *p);
    } else {
      ignored.push_back(printable(cell.substr(0, 40)));
    }
  }
  if (!date) return tl::unexpected(csv.error("no \"date\" column", hint));
  if (t.parameters.empty()) {
    return tl::unexpected(csv.error("no column names a tracked gait parameter", hint));
  }
  t.date = *date;
  if (!ignored.empty()) {
    std::string list;
    for (const std::string& s : ignored) list += (list.empty() ? "\"" : ", \"") + s + "\"";
    notes.push_back(fmt::format("{}: ignored {} {}", csv.file_name(),
                                ignored.size() == 1 ? "column" : "columns", list));
  }
  return t;
}

Result<TrendSession> read_row(const CsvReader& csv, const TableColumns& t) {
  if (auto ok = csv.expect_cells(t.count); !ok) return tl::unexpected(ok.error());
  TrendSession s;
  s.source = csv.where();
  auto date = parse_iso_date(csv.cell(t.date));
  if (!date) {
    return tl::unexpected(csv.error(
        fmt::format("column {} (date): {}", t.date + 1, date.error().message), date.error().hint));
  }
  s.date = *date;
  for (const auto& [column, parameter] : t.parameters) {
    const TrendParameterInfo& info = trend_parameter_info(parameter);
    auto v = csv.number(column, info.name, CsvMissing::kAllowNaN);
    if (!v) return tl::unexpected(v.error());
    if (auto ok = check_value(info, *v, "an empty cell"); !ok) {
      return tl::unexpected(
          csv.error(fmt::format("column {} ({}): {}", column + 1, info.name, ok.error().message),
                    ok.error().hint));
    }
    s.values[static_cast<std::size_t>(parameter)] = *v;
  }
  return s;
}

bool looks_like_json(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && (text[first] == '{' || text[first] == '[');
}

}  // namespace

Result<TrendSession> read_gait_report_json(std::string_view text, const std::string& name) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  auto parsed = parse_json_text(text, name);
  if (!parsed) return tl::unexpected(parsed.error());
  const Json& root = *parsed;
  const ReportReader r{name};
  if (!root.is_object()) return r.wrong_type("(top level)", "an object", root);
  if (auto ok = check_format(r, root); !ok) return tl::unexpected(ok.error());
  auto date = read_session_date(r, root);
  if (!date) return tl::unexpected(date.error());
  const auto parameters = root.find("parameters");
  if (parameters == root.end()) {
    return r.fail("parameters", "missing", "a gait report has the session's parameters");
  }
  if (!parameters->is_object()) return r.wrong_type("parameters", "an object", *parameters);
  TrendSession s;
  s.source = name;
  s.date = *date;
  for (const TrendParameterInfo& info : trend_parameters()) {
    auto v = report_value(r, *parameters, info);
    if (!v) return tl::unexpected(v.error());
    s.values[static_cast<std::size_t>(info.id)] = *v;
  }
  return s;
}

Result<std::vector<TrendSession>> read_trend_csv(std::string_view text, const std::string& name,
                                                 std::vector<std::string>& notes) {
  CsvReader csv(text, name);
  auto columns = read_header(csv, notes);
  if (!columns) return tl::unexpected(columns.error());
  std::vector<TrendSession> sessions;
  while (csv.next()) {
    auto s = read_row(csv, *columns);
    if (!s) return tl::unexpected(s.error());
    sessions.push_back(std::move(*s));
  }
  if (sessions.empty()) {
    return bad_input("no sessions: the table has only a header", name,
                     "add one row per session: date,value,...");
  }
  return sessions;
}

Result<TrendInput> read_trend_files(std::span<const std::filesystem::path> files) {
  TrendInput input;
  std::set<std::filesystem::path> seen;
  for (const std::filesystem::path& path : files) {
    const std::string name = file_name_only(path);
    auto text = read_text_file(path, name, kMaxSessionFileBytes);
    if (!text) return tl::unexpected(text.error());
    std::error_code ec;
    const std::filesystem::path canonical = std::filesystem::weakly_canonical(path, ec);
    if (!seen.insert(ec ? path : canonical).second) {
      return bad_input("given twice", name, "give each session file once");
    }
    if (text->find_first_not_of(" \t\r\n") == std::string::npos) {
      return bad_input("the file is empty", name,
                       "give gait reports (openpt gait --format json) or a CSV table");
    }
    if (looks_like_json(*text)) {
      auto session = read_gait_report_json(*text, name);
      if (!session) return tl::unexpected(session.error());
      input.sessions.push_back(std::move(*session));
    } else {
      auto rows = read_trend_csv(*text, name, input.notes);
      if (!rows) return tl::unexpected(rows.error());
      for (TrendSession& s : *rows) input.sessions.push_back(std::move(s));
    }
  }
  return input;
}

}  // namespace openpt::gait
