// Wide CSV of world coordinates, one row per frame (docs/formats.md): reader and writer.
// Header `frame,t_s,<joint>_x,<joint>_y,<joint>_z,...` with optional `<joint>_visibility`;
// the skeleton is identified from the joint names; metres, y up.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <vector>

#include "openpt/core/csv.h"
#include "openpt/motion/format_readers.h"

namespace openpt::motion::detail {

namespace {

constexpr std::array<std::string_view, 4> kSuffixes = {"_x", "_y", "_z", "_visibility"};

struct JointColumns {
  std::string name;
  std::array<std::optional<std::size_t>, 4> column;  // x, y, z, visibility
  std::array<std::string, 4> column_name;            // "left_knee_x", ... for messages
};

struct Header {
  std::optional<std::size_t> frame, time;
  std::vector<JointColumns> joints;  // in file order
};

// More joints than any skeleton has: the header is not a pose recording (and a huge one
// would make the joint lookup below slow).
constexpr std::size_t kMaxColumns = 2 + 64 * 4;

Result<Header> read_header(const CsvReader& csv) {
  Header h;
  if (csv.size() > kMaxColumns) {
    return tl::unexpected(
        csv.error(fmt::format("{} columns is more than any skeleton has (at most {})", csv.size(),
                              kMaxColumns),
                  "is this a pose recording? see docs/formats.md, wide-csv"));
  }
  for (std::size_t c = 0; c < csv.size(); ++c) {
    const std::string_view cell = csv.cell(c);
    if (cell == "frame" || cell == "t_s") {
      auto& slot = cell == "frame" ? h.frame : h.time;
      if (slot) return tl::unexpected(csv.error(fmt::format("column '{}' repeated", cell)));
      slot = c;
      continue;
    }
    std::size_t s = 0;
    while (s < kSuffixes.size() &&
           !(cell.size() > kSuffixes[s].size() && cell.ends_with(kSuffixes[s]))) {
      ++s;
    }
    if (s == kSuffixes.size()) {
      return tl::unexpected(csv.error(fmt::format(
          "column {} '{}' is not frame, t_s or <joint>_x/_y/_z/_visibility", c + 1, cell)));
    }
    const std::string joint(cell.substr(0, cell.size() - kSuffixes[s].size()));
    auto it = std::find_if(h.joints.begin(), h.joints.end(),
                           [&](const JointColumns& j) { return j.name == joint; });
    if (it == h.joints.end()) it = h.joints.insert(h.joints.end(), JointColumns{joint, {}, {}});
    if (it->column[s]) return tl::unexpected(csv.error(fmt::format("column '{}' repeated", cell)));
    it->column[s] = c;
    it->column_name[s] = std::string(cell);
  }
  for (const JointColumns& j : h.joints) {
    for (std::size_t s = 0; s < 3; ++s) {
      if (!j.column[s]) {
        return tl::unexpected(
            csv.error(fmt::format("joint '{}' has no '{}{}' column", j.name, j.name, kSuffixes[s]),
                      "every joint needs _x, _y and _z columns"));
      }
    }
  }
  if (h.joints.empty()) return tl::unexpected(csv.error("no <joint>_x columns in the header"));
  return h;
}

// The skeleton with exactly these joint names, or an error naming the closest one's
// differences and the known skeletons.
Result<const Skeleton*> identify_skeleton(const std::vector<JointColumns>& joints,
                                          const CsvReader& csv) {
  std::vector<std::string> names;
  for (const JointColumns& j : joints) names.push_back(j.name);
  if (const Skeleton* s = skeleton_with_names(names)) return s;
  const Skeleton* closest = nullptr;
  std::size_t best = 0;
  std::string known;
  for (const Skeleton* s : all_skeletons()) {
    known += (known.empty() ? "" : ", ") + std::string(s->name);
    const auto common = static_cast<std::size_t>(
        std::count_if(names.begin(), names.end(),
                      [&](const std::string& n) { return s->landmark_index(n) >= 0; }));
    if (!closest || common > best) closest = s, best = common;
  }
  std::string unmatched, missing;
  for (const std::string& n : names) {
    if (closest->landmark_index(n) < 0) unmatched += (unmatched.empty() ? "" : ", ") + n;
  }
  const std::set<std::string_view> given(names.begin(), names.end());
  for (std::string_view n : closest->landmark_names) {
    if (!given.contains(n)) missing += (missing.empty() ? "" : ", ") + std::string(n);
  }
  return tl::unexpected(csv.error(
      fmt::format("the joint names match no known skeleton; closest is {} (names not in it: "
                  "{}; its joints missing from the file: {})",
                  closest->name, unmatched.empty() ? "none" : unmatched,
                  missing.empty() ? "none" : missing),
      "known skeletons: " + known +
          " (docs/formats.md, section Skeletons, lists their landmark names)"));
}

// Rotates world coordinates so that `up` becomes +y (the wide CSV convention).
Vec3 rotate_to_y_up(const Vec3& v, const Vec3& up) {
  const Vec3 y{0, 1, 0};
  const double c = dot(up, y);
  if (c > 1 - 1e-12) return v;
  if (c < -1 + 1e-12) return {v.x, -v.y, -v.z};  // 180° about x (BlazePose world)
  const Vec3 axis = normalized(cross(up, y));
  const double s = std::sqrt(1 - c * c);
  return v * c + cross(axis, v) * s + axis * (dot(axis, v) * (1 - c));
}

}  // namespace

Result<PoseSequence> read_wide_csv(const SourceText& src, const PoseReadOptions& options) {
  CsvReader csv(src.text, src.name);
  if (!csv.next()) return bad_input("file is empty", src.name);
  auto header = read_header(csv);
  if (!header) return tl::unexpected(header.error());
  auto skeleton = identify_skeleton(header->joints, csv);
  if (!skeleton) return tl::unexpected(skeleton.error());
  const std::size_t width = csv.size();
  const std::size_t k = (*skeleton)->landmark_count();
  std::vector<std::size_t> landmark_of_joint;  // header joint → skeleton landmark
  for (const JointColumns& j : header->joints) {
    landmark_of_joint.push_back(static_cast<std::size_t>((*skeleton)->landmark_index(j.name)));
  }
  const double fps = fps_or_default(options);

  std::vector<double> t_s;
  std::vector<Vec3> world;
  std::vector<std::uint8_t> detected;
  while (csv.next()) {
    if (auto ok = csv.expect_cells(width); !ok) return tl::unexpected(ok.error());
    const std::size_t frame = t_s.size();
    if (header->frame) {
      if (auto f = csv.integer(*header->frame, "frame"); !f) return tl::unexpected(f.error());
    }
    double t = static_cast<double>(frame) / fps;
    if (header->time) {
      auto v = csv.number(*header->time, "t_s");
      if (!v) return tl::unexpected(v.error());
      t = *v;
    }
    if (auto ok = check_time(t, frame, frame ? t_s.back() : 0, csv.where()); !ok) {
      return tl::unexpected(ok.error());
    }
    t_s.push_back(t);
    world.resize(world.size() + k, Vec3{NAN, NAN, NAN});
    bool any = false;
    for (std::size_t jj = 0; jj < header->joints.size(); ++jj) {
      const JointColumns& joint = header->joints[jj];
      std::array<double, 3> xyz{};
      for (std::size_t a = 0; a < 3; ++a) {
        auto v = csv.number(*joint.column[a], joint.column_name[a], CsvMissing::kAllowNaN);
        if (!v) return tl::unexpected(v.error());
        xyz[a] = *v;
      }
      if (joint.column[3]) {
        const std::string& column_name = joint.column_name[3];
        auto vis = csv.number(*joint.column[3], column_name, CsvMissing::kAllowNaN);
        if (!vis) return tl::unexpected(vis.error());
        if (!std::isnan(*vis) && !(*vis >= 0 && *vis <= 1)) {
          return tl::unexpected(
              csv.error(fmt::format("column {} ({}): visibility {} is outside [0, 1]",
                                    *joint.column[3] + 1, column_name, *vis)));
        }
        if (*vis == 0) xyz = {NAN, NAN, NAN};  // not tracked: the landmark is missing
      }
      world[frame * k + landmark_of_joint[jj]] = {xyz[0], xyz[1], xyz[2]};
      any = any || (std::isfinite(xyz[0]) && std::isfinite(xyz[1]));
    }
    detected.push_back(any ? 1 : 0);
  }

  PoseSequence seq =
      make_pose_sequence(**skeleton, t_s.size(), {.has_image = false, .has_world = true});
  seq.t_s = std::move(t_s);
  seq.world = std::move(world);
  seq.detected = std::move(detected);
  seq.world_up = {0, 1, 0};
  if (!header->time) seq.metadata.fps = fps;
  return finish_read(std::move(seq), src.name, PoseFormat::kWideCsv, options);
}

Result<std::string> write_wide_csv(const PoseSequence& seq) {
  if (!seq.has_world) {
    return cannot_write(PoseFormat::kWideCsv,
                        "it holds world coordinates in metres, this recording has none",
                        "write mediapipe-csv or openpt-json instead");
  }
  const Vec3 up = normalized(seq.world_up);
  std::string out = "frame,t_s";
  for (std::string_view name : seq.skeleton->landmark_names) {
    out += fmt::format(",{0}_x,{0}_y,{0}_z", name);
  }
  out += '\n';
  for (std::size_t i = 0; i < seq.frame_count(); ++i) {
    out += fmt::format("{},{}", i, format_csv_number(seq.t_s[i]));
    for (std::size_t j = 0; j < seq.landmark_count(); ++j) {
      const Vec3 w = seq.detected[i] ? rotate_to_y_up(seq.world_at(i, j), up) : Vec3{NAN, NAN, NAN};
      out += fmt::format(",{},{},{}", format_csv_number(w.x), format_csv_number(w.y),
                         format_csv_number(w.z));
    }
    out += '\n';
  }
  return out;
}

}  // namespace openpt::motion::detail
