// MediaPipe landmarks as long CSV, one row per landmark per frame (docs/formats.md): reader
// and writer. Header `frame,t_s,landmark,x,y,z,visibility[,presence]`.
#include <fmt/format.h>

#include <array>
#include <optional>
#include <vector>

#include "openpt/core/csv.h"
#include "openpt/motion/format_readers.h"

namespace openpt::motion::detail {

namespace {

constexpr std::size_t kLandmarks = 33;
enum Column { kFrame, kTime, kLandmarkColumn, kX, kY, kZ, kVisibility, kPresence, kColumnCount };
constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "frame", "t_s", "landmark", "x", "y", "z", "visibility", "presence"};

using ColumnIndex = std::array<std::optional<std::size_t>, kColumnCount>;

Result<ColumnIndex> read_header(const CsvReader& csv) {
  ColumnIndex index;
  for (std::size_t c = 0; c < csv.size(); ++c) {
    const auto it = std::find(kColumnNames.begin(), kColumnNames.end(), csv.cell(c));
    if (it == kColumnNames.end()) {
      return tl::unexpected(csv.error(fmt::format("unknown column '{}'", csv.cell(c)),
                                      "mediapipe-csv columns are frame, t_s, landmark, x, y, z, "
                                      "visibility, presence"));
    }
    auto& slot = index[static_cast<std::size_t>(it - kColumnNames.begin())];
    if (slot) return tl::unexpected(csv.error(fmt::format("column '{}' repeated", csv.cell(c))));
    slot = c;
  }
  for (Column required : {kFrame, kLandmarkColumn, kX, kY}) {
    if (!index[required]) {
      return tl::unexpected(csv.error(fmt::format("missing column '{}'", kColumnNames[required]),
                                      "the header is frame,t_s,landmark,x,y,z,visibility"));
    }
  }
  return index;
}

// Landmark cell: a BlazePose index 0–32 or name; nullopt for an empty cell.
Result<std::optional<std::size_t>> read_landmark_id(const CsvReader& csv, std::size_t column) {
  const std::string_view cell = csv.cell(column);
  if (cell.empty()) return std::optional<std::size_t>{};
  if (auto index = parse_csv_integer(cell)) {
    if (*index >= 0 && *index < static_cast<std::int64_t>(kLandmarks)) {
      return std::optional<std::size_t>(static_cast<std::size_t>(*index));
    }
    return tl::unexpected(csv.error(
        fmt::format("column {} (landmark): index {} is outside 0-32", column + 1, *index)));
  }
  const int by_name = blazepose33().landmark_index(cell);
  if (by_name < 0) {
    return tl::unexpected(csv.error(
        fmt::format("column {} (landmark): unknown BlazePose landmark '{}'", column + 1, cell),
        "use an index 0-32 or a name such as left_knee"));
  }
  return std::optional<std::size_t>(static_cast<std::size_t>(by_name));
}

}  // namespace

Result<PoseSequence> read_mediapipe_csv(const SourceText& src, const PoseReadOptions& options) {
  CsvReader csv(src.text, src.name);
  if (!csv.next()) return bad_input("file is empty", src.name);
  auto columns = read_header(csv);
  if (!columns) return tl::unexpected(columns.error());
  const ColumnIndex& col = *columns;
  const std::size_t width = csv.size();
  const double fps = fps_or_default(options);

  std::vector<double> t_s;
  std::vector<Landmark> image;
  std::vector<std::array<bool, kLandmarks>> seen;
  std::int64_t current_frame = -1;
  while (csv.next()) {
    if (auto ok = csv.expect_cells(width); !ok) return tl::unexpected(ok.error());
    auto frame = csv.integer(*col[kFrame], "frame");
    if (!frame) return tl::unexpected(frame.error());
    if (*frame < 0) return tl::unexpected(csv.error("column frame: negative frame number"));
    double t = static_cast<double>(*frame) / fps;
    if (col[kTime]) {
      auto v = csv.number(*col[kTime], "t_s");
      if (!v) return tl::unexpected(v.error());
      t = *v;
    }
    if (*frame != current_frame) {
      if (*frame < current_frame) {
        return tl::unexpected(csv.error(fmt::format(
            "frame {} comes after frame {}: rows must be grouped by frame in increasing order",
            *frame, current_frame)));
      }
      if (auto ok = check_time(t, t_s.size(), t_s.empty() ? 0 : t_s.back(), csv.where()); !ok) {
        return tl::unexpected(ok.error());
      }
      current_frame = *frame;
      t_s.push_back(t);
      image.resize(image.size() + kLandmarks);
      seen.push_back({});
    } else if (t != t_s.back()) {
      return tl::unexpected(csv.error(fmt::format(
          "frame {}: t_s {} differs from {} on the frame's first row", *frame, t, t_s.back())));
    }
    auto id = read_landmark_id(csv, *col[kLandmarkColumn]);
    if (!id) return tl::unexpected(id.error());
    std::array<float, 5> values{NAN, NAN, NAN, NAN, NAN};
    for (Column c : {kX, kY, kZ, kVisibility, kPresence}) {
      if (!col[c]) continue;
      auto v = csv.number_f(*col[c], kColumnNames[c], CsvMissing::kAllowNaN);
      if (!v) return tl::unexpected(v.error());
      values[c - kX] = *v;
    }
    if (!*id) {  // a row without a landmark marks a frame with no person
      if (!std::isnan(values[0]) || !std::isnan(values[1])) {
        return tl::unexpected(csv.error("a row with an empty landmark must have empty x and y"));
      }
      continue;
    }
    const std::size_t j = **id;
    if (seen.back()[j]) {
      return tl::unexpected(csv.error(fmt::format("frame {}: landmark {} appears twice", *frame,
                                                  blazepose33().landmark_names[j])));
    }
    seen.back()[j] = true;
    image[image.size() - kLandmarks + j] =
        Landmark{values[0], values[1], values[2], values[3], values[4]};
  }

  PoseSequence seq = make_pose_sequence(blazepose33(), t_s.size());
  seq.t_s = std::move(t_s);
  seq.image = std::move(image);
  for (std::size_t i = 0; i < seq.frame_count(); ++i) {
    bool any = false;
    for (std::size_t j = 0; j < kLandmarks && !any; ++j) any = seq.image_at(i, j).present();
    seq.detected[i] = any ? 1 : 0;
  }
  if (!col[kTime]) seq.metadata.fps = fps;
  return finish_read(std::move(seq), src.name, PoseFormat::kMediapipeCsv, options);
}

Result<std::string> write_mediapipe_csv(const PoseSequence& seq) {
  constexpr PoseFormat kFormat = PoseFormat::kMediapipeCsv;
  auto scale = blazepose_image_scale(seq, kFormat);
  if (!scale) return tl::unexpected(scale.error());
  std::string out = "frame,t_s,landmark,x,y,z,visibility,presence\n";
  for (std::size_t i = 0; i < seq.frame_count(); ++i) {
    const std::string prefix = fmt::format("{},{},", i, format_csv_number(seq.t_s[i]));
    if (!seq.detected[i]) {
      out += prefix + ",,,,,\n";
      continue;
    }
    for (std::size_t j = 0; j < kLandmarks; ++j) {
      const Landmark& l = seq.image_at(i, j);
      out += fmt::format("{}{},{},{},{},{},{}\n", prefix, blazepose33().landmark_names[j],
                         format_csv_number(static_cast<float>(l.x * scale->x)),
                         format_csv_number(static_cast<float>(l.y * scale->y)),
                         format_csv_number(static_cast<float>(l.z * scale->z)),
                         format_csv_number(l.visibility), format_csv_number(l.presence));
    }
  }
  return out;
}

}  // namespace openpt::motion::detail
