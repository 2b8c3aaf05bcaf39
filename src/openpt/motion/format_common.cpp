// Helpers shared by the keypoint format readers and writers (declared in format_readers.h).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <vector>

#include "openpt/core/time_series.h"
#include "openpt/motion/format_readers.h"

namespace openpt::motion::detail {

double fps_or_default(const PoseReadOptions& options) {
  return options.fps > 0 ? options.fps : kDefaultFps;
}

Result<void> check_time(double t_s, std::size_t frame, double previous_t_s,
                        const std::string& where) {
  if (!std::isfinite(t_s)) {
    return bad_input(fmt::format("frame {}: time is not a finite number", frame), where);
  }
  if (frame > 0 && !(t_s > previous_t_s)) {
    return bad_input(fmt::format("frame {}: time {} s is not after the previous frame's {} s",
                                 frame, t_s, previous_t_s),
                     where, "timestamps must increase strictly from frame to frame");
  }
  return {};
}

Result<PoseSequence> finish_read(PoseSequence seq, const std::string& name, PoseFormat format,
                                 const PoseReadOptions& options) {
  seq.metadata.source = name;
  seq.metadata.format = std::string(pose_format_name(format));
  if (!(seq.metadata.fps > 0)) {
    const double interval_s = median_frame_interval_s(seq.t_s);
    seq.metadata.fps = interval_s > 0 ? 1.0 / interval_s : 0;
  }
  if (options.view) seq.metadata.view = *options.view;
  if (auto ok = validate(seq, name); !ok) return tl::unexpected(ok.error());
  return seq;
}

bool frame_has_no_image_landmarks(const PoseSequence& seq, std::size_t frame) {
  if (!seq.has_image) return true;
  for (std::size_t j = 0; j < seq.landmark_count(); ++j) {
    const Landmark& l = seq.image_at(frame, j);
    if (!std::isnan(l.x) || !std::isnan(l.y) || !std::isnan(l.z) || !std::isnan(l.visibility) ||
        !std::isnan(l.presence)) {
      return false;
    }
  }
  return true;
}

bool frame_has_no_world_landmarks(const PoseSequence& seq, std::size_t frame) {
  if (!seq.has_world) return true;
  for (std::size_t j = 0; j < seq.landmark_count(); ++j) {
    const Vec3& w = seq.world_at(frame, j);
    if (!std::isnan(w.x) || !std::isnan(w.y) || !std::isnan(w.z)) return false;
  }
  return true;
}

Result<Vec3> normalizing_scale(const PoseSequence& seq, PoseFormat format) {
  if (seq.image_space.units == ImageUnits::kNormalized) return Vec3{1, 1, 1};
  if (seq.image_space.width_px <= 0 || seq.image_space.height_px <= 0) {
    return cannot_write(format,
                        "it holds normalised image coordinates, but this recording is "
                        "in pixels of an unknown image size",
                        "write openpt-json instead");
  }
  const double w = seq.image_space.width_px, h = seq.image_space.height_px;
  return Vec3{1 / w, 1 / h, 1 / w};
}

Result<Vec3> blazepose_image_scale(const PoseSequence& seq, PoseFormat format) {
  if (seq.skeleton != &blazepose33()) {
    return cannot_write(format,
                        fmt::format("it holds BlazePose landmarks, this recording has skeleton {}",
                                    seq.skeleton->name),
                        "write openpt-json instead");
  }
  if (!seq.has_image) {
    return cannot_write(format, "it needs image landmarks, this recording has none",
                        "write openpt-json or wide-csv instead");
  }
  return normalizing_scale(seq, format);
}

tl::unexpected<Error> cannot_write(PoseFormat format, const std::string& why,
                                   const std::string& hint) {
  return bad_input(fmt::format("cannot write {}: {}", pose_format_name(format), why), {}, hint);
}

// ---- JSON ----------------------------------------------------------------------------------

Result<Json> parse_json(std::string_view text, const std::string& name) {
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    // Locate the byte offset (1-based in nlohmann) as line:column.
    const std::size_t offset = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string detail = e.what();
    if (auto pos = detail.find(": ", detail.find("column")); pos != std::string::npos) {
      detail = detail.substr(pos + 2);
    }
    const bool at_end = offset >= text.size();
    return bad_input(fmt::format("invalid JSON at byte {}: {}", offset, detail),
                     fmt::format("{}:{}:{}", name, line, column),
                     at_end ? "the file looks truncated" : "");
  } catch (const Json::exception& e) {
    return bad_input(fmt::format("invalid JSON: {}", e.what()), name);
  }
}

const Json* json_member(const Json& object, std::initializer_list<std::string_view> keys) {
  if (!object.is_object()) return nullptr;
  for (std::string_view key : keys) {
    auto it = object.find(key);
    if (it != object.end()) return &*it;
  }
  return nullptr;
}

std::string json_describe(const Json& value) {
  if (value.is_string()) {
    std::string s = value.get<std::string>();
    if (s.size() > 40) s = s.substr(0, 40) + "...";
    return fmt::format("string \"{}\"", s);
  }
  if (value.is_number() || value.is_boolean()) {
    return fmt::format("{} {}", value.type_name(), value.dump());
  }
  return value.type_name();
}

tl::unexpected<Error> json_type_error(const std::string& name, const std::string& field,
                                      std::string_view expected, const Json& got) {
  return bad_input(fmt::format("expected {}, got {}", expected, json_describe(got)),
                   fmt::format("{}: {}", name, field));
}

bool json_to_double(const Json& value, bool null_is_nan, double& out) {
  if (value.is_null() && null_is_nan) {
    out = NAN;
    return true;
  }
  if (!value.is_number()) return false;
  out = value.get<double>();
  return std::isfinite(out);
}

bool json_to_float(const Json& value, bool null_is_nan, float& out) {
  double d = 0;
  if (!json_to_double(value, null_is_nan, d)) return false;
  if (std::isnan(d)) {
    out = NAN;
    return true;
  }
  if (std::abs(d) > std::numeric_limits<float>::max()) return false;
  out = static_cast<float>(d);
  return true;
}

OrderedJson json_float(float value) {
  if (std::isnan(value)) return nullptr;
  // The shortest float text, as a double, is what nlohmann prints back as that text; keep it
  // only when it converts back to exactly the same float (almost always).
  std::array<char, 32> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  double d = value;
  if (ec == std::errc()) {
    double shortest = 0;
    const auto parsed = std::from_chars(buffer.data(), end, shortest);
    if (parsed.ec == std::errc() && static_cast<float>(shortest) == value) d = shortest;
  }
  return d;
}

namespace {
void dump_value(const OrderedJson& value, int depth, std::string& out) {
  // Objects at the top two levels and arrays of objects/arrays go one member per line; the
  // rest (landmark arrays) stay on one line so files remain compact and diffable.
  const std::string indent(static_cast<std::size_t>(2 * (depth + 1)), ' ');
  const std::string close_indent(static_cast<std::size_t>(2 * depth), ' ');
  if (value.is_object() && depth == 0 && !value.empty()) {
    out += "{\n";
    bool first = true;
    for (const auto& [key, member] : value.items()) {
      if (!first) out += ",\n";
      first = false;
      out += indent + OrderedJson(key).dump() + ": ";
      dump_value(member, depth + 1, out);
    }
    out += "\n" + close_indent + "}";
  } else if (value.is_array() && depth == 1 && !value.empty() && value.front().is_object()) {
    out += "[\n";
    bool first = true;
    for (const auto& element : value) {
      if (!first) out += ",\n";
      first = false;
      out += indent + element.dump();
    }
    out += "\n" + close_indent + "]";
  } else {
    out += value.dump();
  }
}
}  // namespace

std::string json_dump(const OrderedJson& document) {
  std::string out;
  dump_value(document, 0, out);
  out += "\n";
  return out;
}

}  // namespace openpt::motion::detail
