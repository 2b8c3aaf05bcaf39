// OpenPose per-frame JSON (`*_keypoints.json`, BODY_25) as written by --write_json
// (docs/formats.md): reader only. A directory is one recording, one file per frame; a single
// file is a one-frame recording.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "openpt/core/csv.h"
#include "openpt/motion/format_readers.h"

namespace openpt::motion::detail {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSuffix = "_keypoints.json";
constexpr std::size_t kLandmarks = 25;
constexpr std::uintmax_t kMaxFrameFileBytes = std::uintmax_t{64} << 20;

struct FrameFile {
  fs::path path;
  std::string name;
  std::optional<std::uint64_t> number;  // last run of digits in the name
};

std::optional<std::uint64_t> number_in(std::string_view name) {
  name.remove_suffix(kSuffix.size());
  std::size_t end = name.size();
  while (end > 0 && (name[end - 1] < '0' || name[end - 1] > '9')) --end;
  std::size_t begin = end;
  while (begin > 0 && name[begin - 1] >= '0' && name[begin - 1] <= '9') --begin;
  if (begin == end || end - begin > 18) return std::nullopt;
  return std::stoull(std::string(name.substr(begin, end - begin)));
}

Result<std::vector<FrameFile>> list_frames(const fs::path& dir, const std::string& name) {
  std::vector<FrameFile> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string file = it->path().filename().string();
    if (!file.ends_with(kSuffix) || !it->is_regular_file(ec)) continue;
    files.push_back({it->path(), file, number_in(file)});
  }
  if (ec) return bad_input("cannot list the directory: " + ec.message(), name);
  if (files.empty()) {
    return bad_input("no *_keypoints.json files in the directory", name,
                     "point at the folder OpenPose wrote with --write_json");
  }
  const bool numbered = std::all_of(files.begin(), files.end(),
                                    [](const FrameFile& f) { return f.number.has_value(); });
  std::sort(files.begin(), files.end(), [numbered](const FrameFile& a, const FrameFile& b) {
    if (numbered && *a.number != *b.number) return *a.number < *b.number;
    return a.name < b.name;
  });
  return files;
}

// Reads one frame into `seq` (frame i). `where` names the file for messages.
Result<void> read_frame(std::string_view text, const std::string& where, std::size_t i,
                        PoseSequence& seq) {
  auto parsed = parse_json(text, where);
  if (!parsed) return tl::unexpected(parsed.error());
  const Json* people = json_member(*parsed, {"people"});
  if (!people) return bad_input("missing \"people\" (not an OpenPose keypoints file?)", where);
  if (!people->is_array()) return json_type_error(where, "people", "an array", *people);
  const Json* best = nullptr;
  double best_confidence = -1;
  for (std::size_t p = 0; p < people->size(); ++p) {
    const std::string field = fmt::format("people[{}].pose_keypoints_2d", p);
    const Json* keypoints = json_member((*people)[p], {"pose_keypoints_2d"});
    if (!keypoints) return bad_input("missing", fmt::format("{}: {}", where, field));
    if (!keypoints->is_array()) return json_type_error(where, field, "an array", *keypoints);
    if (keypoints->empty()) continue;
    if (keypoints->size() != 3 * kLandmarks) {
      return bad_input(fmt::format("{} values, expected {} (BODY_25: x, y, confidence for 25 "
                                   "keypoints)",
                                   keypoints->size(), 3 * kLandmarks),
                       fmt::format("{}: {}", where, field),
                       "run OpenPose with --model_pose BODY_25");
    }
    double total = 0;
    for (std::size_t v = 0; v < keypoints->size(); ++v) {
      float value = 0;
      if (!json_to_float((*keypoints)[v], false, value) ||
          (v % 3 == 2 && !(value >= 0 && value <= 1))) {
        return json_type_error(where, fmt::format("{}[{}]", field, v),
                               v % 3 == 2 ? "a confidence in [0, 1]" : "a finite number",
                               (*keypoints)[v]);
      }
      if (v % 3 == 2) total += value;
    }
    if (total > best_confidence) best = keypoints, best_confidence = total;
  }
  if (!best) {
    seq.detected[i] = 0;
    return {};
  }
  for (std::size_t j = 0; j < kLandmarks; ++j) {
    Landmark& l = seq.image_at(i, j);
    const float c = (*best)[3 * j + 2].get<float>();
    l.visibility = c;
    if (c > 0) {
      l.x = (*best)[3 * j].get<float>();
      l.y = (*best)[3 * j + 1].get<float>();
    }
  }
  return {};
}

}  // namespace

Result<PoseSequence> read_openpose(const fs::path& path, const PoseReadOptions& options) {
  const std::string name = file_name_only(path);
  std::error_code ec;
  std::vector<FrameFile> files;
  const bool is_dir = fs::is_directory(path, ec);
  if (is_dir) {
    auto listed = list_frames(path, name);
    if (!listed) return tl::unexpected(listed.error());
    files = std::move(*listed);
  } else {
    files.push_back({path, name, std::nullopt});
  }
  PoseSequence seq = make_pose_sequence(body25(), files.size());
  seq.image_space = {.units = ImageUnits::kPixels, .width_px = 0, .height_px = 0};
  const double fps = fps_or_default(options);
  seq.metadata.fps = fps;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string where = is_dir ? name + "/" + files[i].name : name;
    seq.t_s[i] = static_cast<double>(i) / fps;
    auto text = read_text_file(files[i].path, where, kMaxFrameFileBytes);
    if (!text) return tl::unexpected(text.error());
    if (text->find_first_not_of(" \t\r\n") == std::string::npos) {
      return bad_input(fmt::format("file is empty (frame {})", i), where);
    }
    if (auto ok = read_frame(*text, where, i, seq); !ok) return tl::unexpected(ok.error());
  }
  return finish_read(std::move(seq), name, PoseFormat::kOpenposeDir, options);
}

}  // namespace openpt::motion::detail
