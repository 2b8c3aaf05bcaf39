// A small, strict CSV reader with line numbers, and number formatting for CSV writers.
//
// The CSV dialect is the plain one keypoint tools write: one record per line, cells split on
// commas, no quoting, blank lines ignored, CRLF and a UTF-8 byte-order mark tolerated, spaces
// around cells trimmed. Numbers are parsed strictly with std::from_chars (the whole cell must
// be a number); an empty cell or "nan" may stand for a missing value where the caller allows
// it, and infinities are always rejected. Every error names "file:line" and the column.
// `read_text_file` reads a whole file with size checks; `format_csv_number` writes the
// shortest text that reads back to the same value.
//
//   auto text = read_text_file(path, "squat.csv");
//   CsvReader csv(*text, "squat.csv");
//   while (csv.next()) {
//     auto x = csv.number(3, "x", CsvMissing::kAllowNaN);  // Result<double>
//     if (!x) return tl::unexpected(x.error());             // "squat.csv:12: column 4 (x): ..."
//   }
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "openpt/core/error.h"

namespace openpt {

// Files larger than this are refused rather than read into memory.
inline constexpr std::uintmax_t kMaxTextFileBytes = std::uintmax_t{1} << 31;  // 2 GiB

// Reads a whole file (text or binary). kNotFound when it does not exist; kBadInput when it
// is a directory, unreadable or larger than `max_bytes`. Errors use `display_name` as
// `where` so callers decide how much of the path to show.
Result<std::string> read_text_file(const std::filesystem::path& path,
                                   const std::string& display_name,
                                   std::uintmax_t max_bytes = kMaxTextFileBytes);

// Whether an empty cell or "nan"/"NaN" is accepted as a missing value (NaN).
enum class CsvMissing { kReject, kAllowNaN };

// Strict cell parsers. The error message names the cell but has no location.
Result<double> parse_csv_double(std::string_view cell, CsvMissing missing = CsvMissing::kReject);
Result<float> parse_csv_float(std::string_view cell, CsvMissing missing = CsvMissing::kReject);
Result<std::int64_t> parse_csv_integer(std::string_view cell);

// Shortest decimal text that reads back (with the parsers above) to exactly `value`;
// NaN becomes an empty cell. Infinite values are a programmer error (callers validate).
std::string format_csv_number(double value);
std::string format_csv_number(float value);

class CsvReader {
 public:
  // `text` must outlive the reader; `file_name` is used in error locations. `delimiter`
  // separates cells (',' for CSV, '\t' for tab-separated files).
  CsvReader(std::string_view text, std::string file_name, char delimiter = ',');

  // Advances to the next non-blank line; false at the end of the text.
  bool next();

  [[nodiscard]] std::size_t line_number() const { return line_number_; }  // 1-based
  [[nodiscard]] std::size_t size() const { return cells_.size(); }
  [[nodiscard]] std::string_view cell(std::size_t column) const { return cells_[column]; }
  [[nodiscard]] const std::vector<std::string_view>& cells() const { return cells_; }
  [[nodiscard]] const std::string& file_name() const { return file_name_; }

  // "file.csv:12" for the current line.
  [[nodiscard]] std::string where() const;
  // A kBadInput error located at the current line.
  [[nodiscard]] Error error(std::string message, std::string hint = {}) const;

  // Fails unless the current line has exactly `count` cells.
  [[nodiscard]] Result<void> expect_cells(std::size_t count) const;

  // Cell `column` (0-based; `name` is the header name) as a number, located errors.
  [[nodiscard]] Result<double> number(std::size_t column, std::string_view name,
                                      CsvMissing missing = CsvMissing::kReject) const;
  [[nodiscard]] Result<float> number_f(std::size_t column, std::string_view name,
                                       CsvMissing missing = CsvMissing::kReject) const;
  [[nodiscard]] Result<std::int64_t> integer(std::size_t column, std::string_view name) const;

 private:
  [[nodiscard]] Error cell_error(std::size_t column, std::string_view name,
                                 const Error& cause) const;

  std::string_view text_;
  std::string file_name_;
  char delimiter_ = ',';
  std::size_t pos_ = 0;
  std::size_t line_number_ = 0;
  std::size_t next_line_number_ = 1;
  std::vector<std::string_view> cells_;
};

}  // namespace openpt
