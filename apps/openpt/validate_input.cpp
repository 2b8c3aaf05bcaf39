#include "validate_input.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "openpt/core/csv.h"
#include "openpt/core/printable.h"
#include "openpt/stats/descriptive.h"

namespace openpt::cli {

namespace {

// One CSV file: its header and rows, cells kept as text until a column is chosen.
struct CsvTable {
  std::string name;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> lines;  // file line of each row
  [[nodiscard]] std::string where(std::size_t row) const {
    return fmt::format("{}:{}", name, lines[row]);
  }
  [[nodiscard]] std::optional<std::size_t> column(const std::string& c) const {
    const auto it = std::find(header.begin(), header.end(), c);
    if (it == header.end()) return std::nullopt;
    return static_cast<std::size_t>(it - header.begin());
  }
};

Result<CsvTable> read_table(const std::string& path, const std::string& name) {
  auto text = read_text_file(path, name);
  if (!text) return tl::unexpected(text.error());
  CsvTable t;
  t.name = name;
  CsvReader csv(*text, name);
  if (!csv.next()) {
    return bad_input("the file is empty", name, "the first line must name the columns");
  }
  std::set<std::string> seen;
  for (std::size_t c = 0; c < csv.size(); ++c) {
    std::string h(csv.cell(c));
    if (h.empty()) {
      return bad_input(fmt::format("column {} has no name in the header", c + 1), csv.where(),
                       "name every column in the first line");
    }
    if (!seen.insert(h).second) {
      return bad_input(fmt::format("column name '{}' appears twice in the header", printable(h)),
                       csv.where());
    }
    t.header.push_back(std::move(h));
  }
  while (csv.next()) {
    if (auto ok = csv.expect_cells(t.header.size()); !ok) return tl::unexpected(ok.error());
    t.rows.emplace_back(csv.cells().begin(), csv.cells().end());
    t.lines.push_back(csv.line_number());
  }
  if (t.rows.empty()) {
    return bad_input("the file has a header but no data rows", name, "add one row per measurement");
  }
  return t;
}

Result<std::size_t> require_column(const CsvTable& t, const std::string& column,
                                   const std::string& flag) {
  if (auto c = t.column(column)) return *c;
  std::vector<std::string> names;
  for (const auto& h : t.header) names.push_back(printable(h));
  return bad_input(fmt::format("no column named '{}' (for {}); the columns are: {}",
                               printable(column), flag, fmt::join(names, ", ")),
                   t.name, "check the spelling against the header line");
}

// For each reference row, the matching test row.
Result<std::vector<std::size_t>> match_rows(const CsvTable& ref, const CsvTable& test,
                                            const std::string& id_column) {
  std::vector<std::size_t> match;
  if (id_column.empty()) {
    if (ref.rows.size() != test.rows.size()) {
      return bad_input(fmt::format("{} has {} data rows but {} has {}; rows are paired by order",
                                   ref.name, ref.rows.size(), test.name, test.rows.size()),
                       {}, "give both files the same rows, or pair them by an id with --id-col");
    }
    for (std::size_t i = 0; i < ref.rows.size(); ++i) match.push_back(i);
    return match;
  }
  auto ref_col = require_column(ref, id_column, "--id-col");
  if (!ref_col) return tl::unexpected(ref_col.error());
  auto test_col = require_column(test, id_column, "--id-col");
  if (!test_col) return tl::unexpected(test_col.error());
  auto index = [&](const CsvTable& t,
                   std::size_t col) -> Result<std::map<std::string, std::size_t>> {
    std::map<std::string, std::size_t> ids;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      const std::string& id = t.rows[i][col];
      if (id.empty()) {
        return bad_input(fmt::format("column {} ({}): empty id", col + 1, printable(id_column)),
                         t.where(i), "every row needs an id to be paired");
      }
      const auto [it, added] = ids.emplace(id, i);
      if (!added) {
        return bad_input(
            fmt::format("column {} ({}): id '{}' appears again (first on line {})", col + 1,
                        printable(id_column), printable(id), t.lines[it->second]),
            t.where(i), "ids must be unique within a file");
      }
    }
    return ids;
  };
  auto ref_ids = index(ref, *ref_col);
  if (!ref_ids) return tl::unexpected(ref_ids.error());
  auto test_ids = index(test, *test_col);
  if (!test_ids) return tl::unexpected(test_ids.error());
  for (std::size_t i = 0; i < ref.rows.size(); ++i) {
    const auto it = test_ids->find(ref.rows[i][*ref_col]);
    if (it == test_ids->end()) {
      return bad_input(
          fmt::format("id '{}' has no row in {}", printable(ref.rows[i][*ref_col]), test.name),
          ref.where(i), "both files must hold the same ids");
    }
    match.push_back(it->second);
  }
  for (std::size_t j = 0; j < test.rows.size(); ++j) {
    if (!ref_ids->contains(test.rows[j][*test_col])) {
      return bad_input(
          fmt::format("id '{}' has no row in {}", printable(test.rows[j][*test_col]), ref.name),
          test.where(j), "both files must hold the same ids");
    }
  }
  return match;
}

Result<std::vector<std::string>> read_subjects(const CsvTable& ref, const CsvTable& test,
                                               const std::vector<std::size_t>& match,
                                               const std::string& subject_column) {
  auto ref_col = require_column(ref, subject_column, "--subject-col");
  if (!ref_col) return tl::unexpected(ref_col.error());
  const auto test_col = test.column(subject_column);  // optional in the test file
  std::vector<std::string> subjects;
  for (std::size_t i = 0; i < ref.rows.size(); ++i) {
    const std::string& s = ref.rows[i][*ref_col];
    if (s.empty()) {
      return bad_input(
          fmt::format("column {} ({}): empty subject", *ref_col + 1, printable(subject_column)),
          ref.where(i), "every row needs the id of its subject");
    }
    if (test_col && test.rows[match[i]][*test_col] != s) {
      return bad_input(
          fmt::format("column {} ({}): subject '{}' but {} has '{}' for this pair", *test_col + 1,
                      printable(subject_column), printable(test.rows[match[i]][*test_col]),
                      ref.where(i), printable(s)),
          test.where(match[i]), "the paired rows must belong to the same subject");
    }
    subjects.push_back(s);
  }
  return subjects;
}

Result<PairedMetric> read_metric(const CsvTable& ref, const CsvTable& test,
                                 const std::vector<std::size_t>& match, const std::string& name,
                                 bool allow_missing, bool chosen) {
  auto ref_col = require_column(ref, name, "--metric");
  if (!ref_col) return tl::unexpected(ref_col.error());
  auto test_col = require_column(test, name, "--metric");
  if (!test_col) return tl::unexpected(test_col.error());
  const CsvMissing missing = allow_missing ? CsvMissing::kAllowNaN : CsvMissing::kReject;
  const std::string hint = allow_missing ? std::string()
                                         : "missing values are refused; --missing exclude "
                                           "excludes incomplete pairs and reports them";
  auto cell = [&](const CsvTable& t, std::size_t row, std::size_t col) -> Result<double> {
    auto v = parse_csv_double(t.rows[row][col], missing);
    if (v) {
      auto ok = stats::check_magnitude(*v, fmt::format("'{}'", printable(t.rows[row][col])));
      if (ok) return *v;
      v = tl::unexpected(ok.error());
    }
    Error e = v.error();
    e.message = fmt::format("column {} ({}): {}", col + 1, printable(name), e.message);
    e.where = t.where(row);
    if (e.hint.empty() &&
        (t.rows[row][col].empty() || t.rows[row][col] == "nan" || t.rows[row][col] == "NaN")) {
      e.hint = hint;
    } else if (e.hint.empty() && !chosen) {
      e.hint =
          "every column both files share is compared; pick the measurements with --metric "
          "or name the id column with --id-col";
    }
    return tl::unexpected(e);
  };
  PairedMetric m;
  m.name = printable(name);  // for reports; the lookups above used the header text
  for (std::size_t i = 0; i < ref.rows.size(); ++i) {
    auto r = cell(ref, i, *ref_col);
    if (!r) return tl::unexpected(r.error());
    auto t = cell(test, match[i], *test_col);
    if (!t) return tl::unexpected(t.error());
    m.reference.push_back(*r);
    m.test.push_back(*t);
    const bool mr = std::isnan(*r), mt = std::isnan(*t);
    m.missing_both += mr && mt;
    m.missing_reference += mr && !mt;
    m.missing_test += !mr && mt;
  }
  return m;
}

std::string display_name(const std::string& path) {
  return printable(std::filesystem::path(path).filename().string());
}

}  // namespace

Result<PairedTable> read_paired_csvs(const PairedInput& input) {
  std::string ref_name = display_name(input.reference_path);
  std::string test_name = display_name(input.test_path);
  if (ref_name == test_name) {  // same file name in two folders: show the paths
    ref_name = printable(input.reference_path);
    test_name = printable(input.test_path);
  }
  auto ref = read_table(input.reference_path, ref_name);
  if (!ref) return tl::unexpected(ref.error());
  auto test = read_table(input.test_path, test_name);
  if (!test) return tl::unexpected(test.error());
  auto match = match_rows(*ref, *test, input.id_column);
  if (!match) return tl::unexpected(match.error());

  PairedTable table;
  table.reference_name = ref_name;
  table.test_name = test_name;
  table.reference_rows = static_cast<int>(ref->rows.size());
  table.test_rows = static_cast<int>(test->rows.size());
  table.id_column = input.id_column;
  table.subject_column = input.subject_column;
  table.pairing = input.id_column.empty()
                      ? std::string("row order")
                      : fmt::format("id column '{}'", printable(input.id_column));
  if (!input.id_column.empty()) {
    const std::size_t col = *ref->column(input.id_column);
    for (const auto& row : ref->rows) table.ids.push_back(row[col]);
  }
  if (!input.subject_column.empty()) {
    auto subjects = read_subjects(*ref, *test, *match, input.subject_column);
    if (!subjects) return tl::unexpected(subjects.error());
    table.subjects = std::move(*subjects);
    table.subject_count = static_cast<int>(
        std::set<std::string>(table.subjects.begin(), table.subjects.end()).size());
  }
  std::vector<std::string> names;
  for (const auto& name : input.metrics) {  // a column named twice is compared once
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  if (names.empty()) {
    for (const auto& h : ref->header) {
      if (h != input.id_column && h != input.subject_column && test->column(h)) names.push_back(h);
    }
    if (names.empty()) {
      return bad_input(fmt::format("{} and {} share no column to compare", ref_name, test_name), {},
                       "name the measurement the same in both headers, or choose it with --metric");
    }
  }
  for (const auto& name : names) {
    if (name == input.id_column || name == input.subject_column) {
      return bad_input(
          fmt::format("'{}' is the id or subject column, not a measurement", printable(name)),
          "--metric");
    }
    auto metric =
        read_metric(*ref, *test, *match, name, input.allow_missing, !input.metrics.empty());
    if (!metric) return tl::unexpected(metric.error());
    table.metrics.push_back(std::move(*metric));
  }
  return table;
}

}  // namespace openpt::cli
