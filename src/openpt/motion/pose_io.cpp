// Format names, detection from content, and dispatch to the per-format readers and writers
// (files are written through core's write_file_atomically).
#include "openpt/motion/pose_io.h"

#include <fmt/format.h>

#include "openpt/core/csv.h"
#include "openpt/core/file_output.h"
#include "openpt/motion/format_readers.h"

namespace openpt::motion {

namespace fs = std::filesystem;

namespace {

constexpr PoseFormat kAllFormats[] = {PoseFormat::kOpenptJson,   PoseFormat::kMediapipeJson,
                                      PoseFormat::kMediapipeCsv, PoseFormat::kNpy,
                                      PoseFormat::kOpenposeDir,  PoseFormat::kWideCsv};

std::string format_list() {
  std::string out;
  for (PoseFormat f : kAllFormats)
    out += (out.empty() ? "" : ", ") + std::string(pose_format_name(f));
  return out;
}

std::string format_hint() {
  return "supported formats: " + format_list() +
         "; name one with --input-format if detection fails (see docs/formats.md)";
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Position just after `"key"` and the following colon, or npos.
std::size_t find_json_key(std::string_view text, std::string_view key, std::size_t from = 0) {
  const std::string quoted = "\"" + std::string(key) + "\"";
  for (std::size_t pos = text.find(quoted, from); pos != std::string_view::npos;
       pos = text.find(quoted, pos + 1)) {
    std::size_t i = pos + quoted.size();
    while (i < text.size() && is_space(text[i])) ++i;
    if (i < text.size() && text[i] == ':') return i + 1;
  }
  return std::string_view::npos;
}

Result<PoseFormat> detect_json(std::string_view text, const std::string& name) {
  if (std::size_t pos = find_json_key(text, "schema"); pos != std::string_view::npos) {
    while (pos < text.size() && is_space(text[pos])) ++pos;
    const std::string_view value = text.substr(pos, 64);
    if (value.starts_with("\"openpt.pose/")) return PoseFormat::kOpenptJson;
    const std::string shown(value.substr(0, value.find_first_of(",}\n")));
    return bad_input(fmt::format("JSON with schema {} is not a pose recording", shown), name,
                     "pose files have \"schema\": \"openpt.pose/1\"; " + format_hint());
  }
  if (find_json_key(text, "people") != std::string_view::npos) return PoseFormat::kOpenposeDir;
  return PoseFormat::kMediapipeJson;
}

Result<PoseFormat> detect_csv(std::string_view text, const std::string& name) {
  CsvReader csv(text, name);
  if (!csv.next()) return bad_input("file is empty", name);
  bool has_landmark = false, has_x_suffix = false;
  for (std::string_view cell : csv.cells()) {
    if (cell == "landmark") has_landmark = true;
    if (cell.size() > 2 && cell.ends_with("_x")) has_x_suffix = true;
  }
  if (has_landmark) return PoseFormat::kMediapipeCsv;
  if (has_x_suffix) return PoseFormat::kWideCsv;
  return bad_input(
      "cannot tell the pose format: not JSON or NumPy, and the first line is not a "
      "CSV header with a 'landmark' column or '<joint>_x' columns",
      csv.where(), format_hint());
}

Result<PoseFormat> detect_from_content(std::string_view text, const std::string& name) {
  if (text.starts_with("\x93NUMPY")) return PoseFormat::kNpy;
  std::size_t first = 0;
  if (text.starts_with("\xEF\xBB\xBF")) first = 3;
  while (first < text.size() && is_space(text[first])) ++first;
  if (first == text.size()) return bad_input("file is empty", name, "expected a pose recording");
  if (text[first] == '{' || text[first] == '[') return detect_json(text.substr(first), name);
  return detect_csv(text, name);
}

Result<PoseSequence> read_content(PoseFormat format, const detail::SourceText& src,
                                  const PoseReadOptions& options) {
  switch (format) {
    case PoseFormat::kOpenptJson: return detail::read_openpt_json(src, options);
    case PoseFormat::kMediapipeJson: return detail::read_mediapipe_json(src, options);
    case PoseFormat::kMediapipeCsv: return detail::read_mediapipe_csv(src, options);
    case PoseFormat::kNpy: return detail::read_npy(src, options);
    case PoseFormat::kWideCsv: return detail::read_wide_csv(src, options);
    case PoseFormat::kOpenposeDir:
    case PoseFormat::kAuto: break;
  }
  return internal_error("read_content: unexpected format", src.name);
}

// Format for writing when the caller passes kAuto: from the extension.
Result<PoseFormat> format_for_extension(const PoseSequence& seq, const fs::path& path) {
  const std::string ext = lower_extension(path);
  if (ext == ".json") return PoseFormat::kOpenptJson;
  if (ext == ".npy") return PoseFormat::kNpy;
  if (ext == ".csv") return seq.has_image ? PoseFormat::kMediapipeCsv : PoseFormat::kWideCsv;
  return bad_input("cannot choose an output format from the file extension", file_name_only(path),
                   "use .json, .npy or .csv, or name a format");
}

}  // namespace

std::string_view pose_format_name(PoseFormat format) {
  switch (format) {
    case PoseFormat::kAuto: return "auto";
    case PoseFormat::kOpenptJson: return "openpt-json";
    case PoseFormat::kMediapipeJson: return "mediapipe-json";
    case PoseFormat::kMediapipeCsv: return "mediapipe-csv";
    case PoseFormat::kNpy: return "npy";
    case PoseFormat::kOpenposeDir: return "openpose";
    case PoseFormat::kWideCsv: return "wide-csv";
  }
  return "auto";
}

Result<PoseFormat> parse_pose_format(std::string_view name) {
  if (name == "auto") return PoseFormat::kAuto;
  for (PoseFormat f : kAllFormats) {
    if (pose_format_name(f) == name) return f;
  }
  return bad_input(fmt::format("unknown pose format '{}'", name), {}, "use auto, " + format_list());
}

Result<PoseFormat> detect_pose_format(const fs::path& path) {
  const std::string name = file_name_only(path);
  std::error_code ec;
  if (fs::is_directory(path, ec)) return PoseFormat::kOpenposeDir;
  auto text = read_text_file(path, name);
  if (!text) return tl::unexpected(text.error());
  return detect_from_content(*text, name);
}

Result<PoseSequence> read_pose_file(const fs::path& path, const PoseReadOptions& options) {
  const std::string name = file_name_only(path);
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    if (options.format != PoseFormat::kAuto && options.format != PoseFormat::kOpenposeDir) {
      return bad_input(fmt::format("is a directory; only the openpose format reads directories "
                                   "(asked for {})",
                                   pose_format_name(options.format)),
                       name);
    }
    return detail::read_openpose(path, options);
  }
  auto text = read_text_file(path, name);
  if (!text) return tl::unexpected(text.error());
  PoseFormat format = options.format;
  if (format == PoseFormat::kAuto) {
    auto detected = detect_from_content(*text, name);
    if (!detected) return tl::unexpected(detected.error());
    format = *detected;
  } else if (text->find_first_not_of(" \t\r\n") == std::string::npos) {
    return bad_input("file is empty", name, "expected a pose recording");
  }
  if (format == PoseFormat::kOpenposeDir) return detail::read_openpose(path, options);
  return read_content(format, detail::SourceText{name, *text}, options);
}

Result<std::string> encode_pose(const PoseSequence& sequence, PoseFormat format) {
  if (auto ok = validate(sequence, ""); !ok) return tl::unexpected(ok.error());
  switch (format) {
    case PoseFormat::kOpenptJson: return detail::write_openpt_json(sequence);
    case PoseFormat::kMediapipeJson: return detail::write_mediapipe_json(sequence);
    case PoseFormat::kMediapipeCsv: return detail::write_mediapipe_csv(sequence);
    case PoseFormat::kNpy: return detail::write_npy(sequence);
    case PoseFormat::kWideCsv: return detail::write_wide_csv(sequence);
    case PoseFormat::kOpenposeDir:
      return bad_input("the openpose format is read-only", {},
                       "write openpt-json, mediapipe-json, mediapipe-csv, npy or wide-csv");
    case PoseFormat::kAuto: break;
  }
  return bad_input("name an output format", {}, "use " + format_list());
}

Result<void> write_pose_file(const PoseSequence& sequence, const fs::path& path,
                             PoseFormat format) {
  const std::string name = file_name_only(path);
  if (format == PoseFormat::kAuto) {
    auto chosen = format_for_extension(sequence, path);
    if (!chosen) return tl::unexpected(chosen.error());
    format = *chosen;
  }
  auto content = encode_pose(sequence, format);
  if (!content) return tl::unexpected(content.error().within(name));
  return write_file_atomically(path, *content);
}

}  // namespace openpt::motion
