#include "openpt/core/csv.h"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <system_error>

namespace openpt {

namespace fs = std::filesystem;

Result<std::string> read_text_file(const fs::path& path, const std::string& display_name,
                                   std::uintmax_t max_bytes) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) {
    return not_found("file not found", display_name, "check the path");
  }
  if (fs::is_directory(status)) {
    return bad_input("is a directory, expected a file", display_name);
  }
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return bad_input("cannot read the file size: " + ec.message(), display_name);
  if (size > max_bytes) {
    return bad_input(
        fmt::format("file is too large ({} bytes, at most {} are read)", size, max_bytes),
        display_name);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return bad_input("cannot open the file for reading", display_name, "check permissions");
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return bad_input("read error", display_name);
  return text;
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool is_nan_word(std::string_view s) {
  return s == "nan" || s == "NaN" || s == "NAN" || s == "-nan";
}

template <class T>
Result<T> parse_floating(std::string_view cell, CsvMissing missing) {
  cell = trim(cell);
  if (cell.empty() || is_nan_word(cell)) {
    if (missing == CsvMissing::kAllowNaN) return static_cast<T>(NAN);
    return bad_input(cell.empty()
                         ? std::string("empty cell, expected a number")
                         : fmt::format("'{}' is not allowed here, expected a number", cell));
  }
  std::string_view digits = cell;
  if (digits.front() == '+') digits.remove_prefix(1);
  T value{};
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value,
                                         std::chars_format::general);
  if (ec == std::errc::result_out_of_range) {
    return bad_input(fmt::format("'{}' is out of range", cell));
  }
  if (ec != std::errc() || end != digits.data() + digits.size()) {
    return bad_input(fmt::format("'{}' is not a number", cell));
  }
  if (std::isinf(value)) {
    return bad_input(fmt::format("'{}' is infinite, expected a finite number", cell), {},
                     "write missing values as an empty cell or nan");
  }
  if (std::isnan(value)) {
    // from_chars also accepts forms like "nan(123)".
    if (missing == CsvMissing::kAllowNaN) return value;
    return bad_input(fmt::format("'{}' is not allowed here, expected a number", cell));
  }
  return value;
}

template <class T>
std::string format_floating(T value) {
  if (std::isnan(value)) return {};
  std::array<char, 64> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  if (ec != std::errc()) return fmt::format("{}", value);
  return std::string(buffer.data(), end);
}

}  // namespace

Result<double> parse_csv_double(std::string_view cell, CsvMissing missing) {
  return parse_floating<double>(cell, missing);
}

Result<float> parse_csv_float(std::string_view cell, CsvMissing missing) {
  return parse_floating<float>(cell, missing);
}

Result<std::int64_t> parse_csv_integer(std::string_view cell) {
  cell = trim(cell);
  if (cell.empty()) return bad_input("empty cell, expected an integer");
  std::string_view digits = cell;
  if (digits.front() == '+') digits.remove_prefix(1);
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec == std::errc::result_out_of_range) {
    return bad_input(fmt::format("'{}' is out of range", cell));
  }
  if (ec != std::errc() || end != digits.data() + digits.size()) {
    return bad_input(fmt::format("'{}' is not an integer", cell));
  }
  return value;
}

std::string format_csv_number(double value) {
  return format_floating(value);
}
std::string format_csv_number(float value) {
  return format_floating(value);
}

CsvReader::CsvReader(std::string_view text, std::string file_name, char delimiter)
    : text_(text), file_name_(std::move(file_name)), delimiter_(delimiter) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text_.substr(0, kBom.size()) == kBom) pos_ = kBom.size();
}

bool CsvReader::next() {
  while (pos_ < text_.size()) {
    std::size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    const std::string_view line = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    line_number_ = next_line_number_++;
    if (trim(line).empty()) continue;
    cells_.clear();
    std::size_t start = 0;
    while (true) {
      const std::size_t comma = line.find(delimiter_, start);
      if (comma == std::string_view::npos) {
        cells_.push_back(trim(line.substr(start)));
        break;
      }
      cells_.push_back(trim(line.substr(start, comma - start)));
      start = comma + 1;
    }
    return true;
  }
  cells_.clear();
  return false;
}

std::string CsvReader::where() const {
  return fmt::format("{}:{}", file_name_, line_number_);
}

Error CsvReader::error(std::string message, std::string hint) const {
  return Error{ErrorKind::kBadInput, std::move(message), where(), std::move(hint)};
}

Result<void> CsvReader::expect_cells(std::size_t count) const {
  if (cells_.size() == count) return {};
  return tl::unexpected(error(
      fmt::format("{} columns, expected {} as in the header", cells_.size(), count),
      "every line must have one value per header column (an empty cell for a missing value)"));
}

Error CsvReader::cell_error(std::size_t column, std::string_view name, const Error& cause) const {
  Error e = error(fmt::format("column {} ({}): {}", column + 1, name, cause.message), cause.hint);
  return e;
}

Result<double> CsvReader::number(std::size_t column, std::string_view name,
                                 CsvMissing missing) const {
  auto v = parse_csv_double(cells_[column], missing);
  if (!v) return tl::unexpected(cell_error(column, name, v.error()));
  return *v;
}

Result<float> CsvReader::number_f(std::size_t column, std::string_view name,
                                  CsvMissing missing) const {
  auto v = parse_csv_float(cells_[column], missing);
  if (!v) return tl::unexpected(cell_error(column, name, v.error()));
  return *v;
}

Result<std::int64_t> CsvReader::integer(std::size_t column, std::string_view name) const {
  auto v = parse_csv_integer(cells_[column]);
  if (!v) return tl::unexpected(cell_error(column, name, v.error()));
  return *v;
}

}  // namespace openpt
