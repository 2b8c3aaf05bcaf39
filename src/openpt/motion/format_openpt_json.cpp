// OpenPT's own pose JSON, schema "openpt.pose/1" (docs/formats.md): reader and writer.
// Lossless: floats are written as the shortest decimal that reads back to the same float.
#include <fmt/format.h>

#include "openpt/motion/format_readers.h"

namespace openpt::motion::detail {

namespace {

constexpr std::string_view kSchema = "openpt.pose/1";
constexpr std::string_view kSchemaPrefix = "openpt.pose/";

struct Header {
  const Skeleton* skeleton = &blazepose33();
  PoseMetadata metadata;
  ImageSpace image_space;
  Vec3 world_up{0, -1, 0};
};

Result<void> read_schema(const Json& root, const std::string& name) {
  const Json* schema = json_member(root, {"schema"});
  if (!schema) {
    return bad_input("missing \"schema\"", name,
                     fmt::format("an OpenPT pose file starts with \"schema\": \"{}\"", kSchema));
  }
  if (!schema->is_string()) return json_type_error(name, "schema", "a string", *schema);
  const std::string value = schema->get<std::string>();
  if (value == kSchema) return {};
  if (value.starts_with(kSchemaPrefix)) {
    return bad_input(fmt::format("unsupported schema version '{}'", value), name + ": schema",
                     fmt::format("this version of OpenPT reads {}; upgrade OpenPT", kSchema));
  }
  return bad_input(fmt::format("schema '{}' is not a pose recording", value), name + ": schema",
                   fmt::format("expected \"{}\"", kSchema));
}

Result<void> read_image_space(const Json& image, const std::string& name, ImageSpace& out) {
  if (!image.is_object()) return json_type_error(name, "image", "an object", image);
  if (const Json* units = json_member(image, {"units"})) {
    if (*units == "normalized") {
      out.units = ImageUnits::kNormalized;
    } else if (*units == "pixels") {
      out.units = ImageUnits::kPixels;
    } else {
      return json_type_error(name, "image.units", "\"normalized\" or \"pixels\"", *units);
    }
  }
  for (auto [key, target] :
       {std::pair{"width", &out.width_px}, std::pair{"height", &out.height_px}}) {
    if (const Json* v = json_member(image, {key})) {
      if (!v->is_number_integer() || v->get<std::int64_t>() < 0 ||
          v->get<std::int64_t>() > 1'000'000) {
        return json_type_error(name, fmt::format("image.{}", key),
                               "a whole number of pixels (0 = unknown)", *v);
      }
      *target = static_cast<int>(v->get<std::int64_t>());
    }
  }
  if (const Json* v = json_member(image, {"per_frame_normalized"})) {
    if (!v->is_boolean()) {
      return json_type_error(name, "image.per_frame_normalized", "true or false", *v);
    }
    out.per_frame_normalized = v->get<bool>();
  }
  return {};
}

Result<Header> read_header(const Json& root, const std::string& name) {
  Header h;
  if (const Json* v = json_member(root, {"skeleton"})) {
    if (!v->is_string()) return json_type_error(name, "skeleton", "a skeleton name", *v);
    auto skeleton = find_skeleton(v->get<std::string>());
    if (!skeleton) return tl::unexpected(skeleton.error().within(name + ": skeleton"));
    h.skeleton = *skeleton;
  }
  if (const Json* v = json_member(root, {"fps"})) {
    if (!json_to_double(*v, true, h.metadata.fps) || h.metadata.fps < 0) {
      return json_type_error(name, "fps", "a frame rate >= 0 (0 = unknown)", *v);
    }
    if (std::isnan(h.metadata.fps)) h.metadata.fps = 0;
  }
  if (const Json* v = json_member(root, {"camera_view"})) {
    if (!v->is_string()) return json_type_error(name, "camera_view", "a string", *v);
    auto view = parse_camera_view(v->get<std::string>());
    if (!view) return tl::unexpected(view.error().within(name + ": camera_view"));
    h.metadata.view = *view;
  }
  if (const Json* v = json_member(root, {"image"})) {
    if (auto ok = read_image_space(*v, name, h.image_space); !ok) return tl::unexpected(ok.error());
  }
  if (const Json* v = json_member(root, {"world_up"})) {
    double c[3] = {0, 0, 0};
    const bool ok = v->is_array() && v->size() == 3 && json_to_double((*v)[0], false, c[0]) &&
                    json_to_double((*v)[1], false, c[1]) && json_to_double((*v)[2], false, c[2]);
    const Vec3 up{c[0], c[1], c[2]};
    if (!ok || !(norm(up) > 0)) {
      return json_type_error(name, "world_up", "three numbers, not all zero", *v);
    }
    h.world_up = normalized(up);
  }
  return h;
}

// Reads `value` (null or an array of `count` landmark arrays) with `read_one` per landmark.
template <class ReadOne>
Result<void> read_landmarks(const Json& value, std::size_t count, const std::string& name,
                            std::size_t frame, const char* key, ReadOne read_one) {
  if (value.is_null()) return {};
  if (!value.is_array() || value.size() != count) {
    return json_type_error(name, fmt::format("frames[{}].{}", frame, key),
                           fmt::format("null or an array of {} landmarks", count), value);
  }
  for (std::size_t j = 0; j < count; ++j) {
    if (!read_one(value[j], j)) {
      return json_type_error(name, fmt::format("frames[{}].{}[{}]", frame, key, j),
                             std::string_view(key) == "image"
                                 ? "[x, y, z, visibility, presence] (2 to 5 numbers or nulls)"
                                 : "[x, y, z] (numbers or nulls)",
                             value[j]);
    }
  }
  return {};
}

}  // namespace

Result<PoseSequence> read_openpt_json(const SourceText& src, const PoseReadOptions& options) {
  const std::string& name = src.name;
  auto parsed = parse_json(src.text, name);
  if (!parsed) return tl::unexpected(parsed.error());
  const Json& root = *parsed;
  if (!root.is_object()) return json_type_error(name, "(top level)", "an object", root);
  if (auto ok = read_schema(root, name); !ok) return tl::unexpected(ok.error());
  auto header = read_header(root, name);
  if (!header) return tl::unexpected(header.error());

  const Json* frames = json_member(root, {"frames"});
  if (!frames) return bad_input("missing \"frames\"", name);
  if (!frames->is_array()) return json_type_error(name, "frames", "an array", *frames);
  PoseShape shape{.has_image = false, .has_world = false};
  for (const Json& f : *frames) {
    shape.has_image = shape.has_image || json_member(f, {"image"}) != nullptr;
    shape.has_world = shape.has_world || json_member(f, {"world"}) != nullptr;
  }
  PoseSequence seq = make_pose_sequence(*header->skeleton, frames->size(), shape);
  seq.metadata = header->metadata;
  seq.image_space = header->image_space;
  seq.world_up = header->world_up;
  const std::size_t k = seq.landmark_count();

  for (std::size_t i = 0; i < frames->size(); ++i) {
    const Json& f = (*frames)[i];
    if (!f.is_object()) return json_type_error(name, fmt::format("frames[{}]", i), "an object", f);
    const Json* t = json_member(f, {"t_s"});
    if (!t) return bad_input("missing \"t_s\"", fmt::format("{}: frames[{}]", name, i));
    const std::string t_where = fmt::format("{}: frames[{}].t_s", name, i);
    if (!json_to_double(*t, false, seq.t_s[i])) {
      return json_type_error(name, fmt::format("frames[{}].t_s", i), "a time in seconds", *t);
    }
    if (auto ok = check_time(seq.t_s[i], i, i ? seq.t_s[i - 1] : 0, t_where); !ok) {
      return tl::unexpected(ok.error());
    }
    if (const Json* d = json_member(f, {"detected"})) {
      if (!d->is_boolean()) {
        return json_type_error(name, fmt::format("frames[{}].detected", i), "true or false", *d);
      }
      seq.detected[i] = d->get<bool>() ? 1 : 0;
    }
    if (const Json* image = json_member(f, {"image"})) {
      auto ok = read_landmarks(*image, k, name, i, "image", [&](const Json& v, std::size_t j) {
        if (!v.is_array() || v.size() < 2 || v.size() > 5) return false;
        Landmark& l = seq.image_at(i, j);
        float* fields[5] = {&l.x, &l.y, &l.z, &l.visibility, &l.presence};
        for (std::size_t c = 0; c < v.size(); ++c) {
          if (!json_to_float(v[c], true, *fields[c])) return false;
        }
        return true;
      });
      if (!ok) return tl::unexpected(ok.error());
    }
    if (const Json* world = json_member(f, {"world"})) {
      auto ok = read_landmarks(*world, k, name, i, "world", [&](const Json& v, std::size_t j) {
        if (!v.is_array() || v.size() != 3) return false;
        Vec3& w = seq.world_at(i, j);
        return json_to_double(v[0], true, w.x) && json_to_double(v[1], true, w.y) &&
               json_to_double(v[2], true, w.z);
      });
      if (!ok) return tl::unexpected(ok.error());
    }
  }
  return finish_read(std::move(seq), name, PoseFormat::kOpenptJson, options);
}

Result<std::string> write_openpt_json(const PoseSequence& seq) {
  OrderedJson root;
  root["schema"] = kSchema;
  root["skeleton"] = seq.skeleton->name;
  root["source"] = seq.metadata.source;
  root["fps"] = seq.metadata.fps;
  root["camera_view"] = camera_view_name(seq.metadata.view);
  root["image"] = {
      {"units", seq.image_space.units == ImageUnits::kPixels ? "pixels" : "normalized"},
      {"width", seq.image_space.width_px},
      {"height", seq.image_space.height_px},
      {"per_frame_normalized", seq.image_space.per_frame_normalized}};
  root["world_up"] = {seq.world_up.x, seq.world_up.y, seq.world_up.z};
  OrderedJson frames = OrderedJson::array();
  const std::size_t k = seq.landmark_count();
  for (std::size_t i = 0; i < seq.frame_count(); ++i) {
    OrderedJson f;
    f["t_s"] = seq.t_s[i];
    f["detected"] = seq.detected[i] != 0;
    if (seq.has_image) {
      if (frame_has_no_image_landmarks(seq, i)) {
        f["image"] = nullptr;
      } else {
        OrderedJson image = OrderedJson::array();
        for (std::size_t j = 0; j < k; ++j) {
          const Landmark& l = seq.image_at(i, j);
          image.push_back({json_float(l.x), json_float(l.y), json_float(l.z),
                           json_float(l.visibility), json_float(l.presence)});
        }
        f["image"] = std::move(image);
      }
    }
    if (seq.has_world) {
      if (frame_has_no_world_landmarks(seq, i)) {
        f["world"] = nullptr;
      } else {
        OrderedJson world = OrderedJson::array();
        for (std::size_t j = 0; j < k; ++j) {
          const Vec3& w = seq.world_at(i, j);
          world.push_back({w.x, w.y, w.z});  // nlohmann writes NaN as null
        }
        f["world"] = std::move(world);
      }
    }
    frames.push_back(std::move(f));
  }
  root["frames"] = std::move(frames);
  return json_dump(root);
}

}  // namespace openpt::motion::detail
