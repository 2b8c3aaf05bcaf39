// MediaPipe Tasks PoseLandmarker results as JSON, one result per frame (docs/formats.md):
// reader and writer. BlazePose 33 landmarks, normalised image coordinates, world landmarks
// in metres with y down.
#include <fmt/format.h>

#include <tuple>
#include <type_traits>

#include "openpt/motion/format_readers.h"

namespace openpt::motion::detail {

namespace {

constexpr std::size_t kLandmarks = 33;

const Json* image_key(const Json& frame) {
  return json_member(frame, {"landmarks", "pose_landmarks", "poseLandmarks"});
}
const Json* world_key(const Json& frame) {
  return json_member(
      frame, {"world_landmarks", "worldLandmarks", "pose_world_landmarks", "poseWorldLandmarks"});
}

struct Pose {
  const Json* landmarks = nullptr;  // array of 33 objects; nullptr = no person
  std::string field;                // "frames[3].landmarks[0]" for messages
};

// `value` is absent, null, [] (no person), a list of 33 landmark objects, or a list of poses
// (the first is used).
Result<Pose> pose_of(const Json* value, const std::string& name, const std::string& field) {
  if (!value || value->is_null() || (value->is_array() && value->empty())) return Pose{};
  if (!value->is_array()) {
    return json_type_error(name, field, "a list of landmarks or a list of poses", *value);
  }
  const Json& first = value->front();
  if (first.is_array()) {
    if (first.empty()) return Pose{};
    return pose_of(&first, name, field + "[0]");
  }
  if (value->size() != kLandmarks) {
    return bad_input(
        fmt::format("{} landmarks, expected {} (BlazePose)", value->size(), kLandmarks),
        fmt::format("{}: {}", name, field));
  }
  return Pose{value, field};
}

// Reads member `key` of landmark object `object` into `out`; NaN when absent or null.
template <class T>
Result<void> read_field(const Json& object, const char* key, bool required, T& out,
                        const std::string& name, const std::string& field) {
  const Json* v = json_member(object, {key});
  if (!v) {
    if (!required) return {};
    return bad_input(fmt::format("missing \"{}\"", key), fmt::format("{}: {}", name, field));
  }
  bool ok = false;
  if constexpr (std::is_same_v<T, float>) {
    ok = json_to_float(*v, true, out);
  } else {
    ok = json_to_double(*v, true, out);
  }
  if (!ok) return json_type_error(name, fmt::format("{}.{}", field, key), "a number or null", *v);
  return {};
}

Result<void> read_landmark(const Json& object, Landmark& out, const std::string& name,
                           const std::string& field) {
  if (!object.is_object()) return json_type_error(name, field, "a landmark object", object);
  for (auto [key, target, required] :
       {std::tuple{"x", &out.x, true}, std::tuple{"y", &out.y, true},
        std::tuple{"z", &out.z, false}, std::tuple{"visibility", &out.visibility, false},
        std::tuple{"presence", &out.presence, false}}) {
    if (auto ok = read_field(object, key, required, *target, name, field); !ok) return ok;
  }
  return {};
}

Result<void> read_world_landmark(const Json& object, Vec3& out, const std::string& name,
                                 const std::string& field) {
  if (!object.is_object()) return json_type_error(name, field, "a landmark object", object);
  for (auto [key, target] :
       {std::pair{"x", &out.x}, std::pair{"y", &out.y}, std::pair{"z", &out.z}}) {
    if (auto ok = read_field(object, key, true, *target, name, field); !ok) return ok;
  }
  return {};
}

Result<double> frame_time(const Json& frame, std::size_t i, bool use_timestamps, double fps,
                          const std::string& name) {
  if (!use_timestamps) return static_cast<double>(i) / fps;
  const Json* ms = json_member(frame, {"timestamp_ms", "timestampMs"});
  if (!ms) {
    return bad_input("missing \"timestamp_ms\" (frame 0 has one, so every frame needs one)",
                     fmt::format("{}: frames[{}]", name, i));
  }
  double value = 0;
  if (!json_to_double(*ms, false, value)) {
    return json_type_error(name, fmt::format("frames[{}].timestamp_ms", i), "a time in ms", *ms);
  }
  return value / 1000.0;
}

}  // namespace

Result<PoseSequence> read_mediapipe_json(const SourceText& src, const PoseReadOptions& options) {
  const std::string& name = src.name;
  auto parsed = parse_json(src.text, name);
  if (!parsed) return tl::unexpected(parsed.error());
  const Json* frames = &*parsed;
  if (frames->is_object()) frames = json_member(*frames, {"frames"});
  if (!frames || !frames->is_array()) {
    return bad_input("expected a list of frames or an object with \"frames\": [...]", name);
  }
  const std::size_t n = frames->size();
  // First pass: check the frames are objects and whether any has world landmarks.
  bool has_world = false;
  for (std::size_t i = 0; i < n; ++i) {
    const Json& f = (*frames)[i];
    if (!f.is_object()) return json_type_error(name, fmt::format("frames[{}]", i), "an object", f);
    auto world = pose_of(world_key(f), name, fmt::format("frames[{}].world_landmarks", i));
    if (!world) return tl::unexpected(world.error());
    has_world = has_world || world->landmarks != nullptr;
  }
  PoseSequence seq =
      make_pose_sequence(blazepose33(), n, {.has_image = true, .has_world = has_world});
  const bool use_timestamps = n > 0 && json_member((*frames)[0], {"timestamp_ms", "timestampMs"});
  if (!use_timestamps) seq.metadata.fps = fps_or_default(options);

  for (std::size_t i = 0; i < n; ++i) {
    const Json& f = (*frames)[i];
    auto t = frame_time(f, i, use_timestamps, fps_or_default(options), name);
    if (!t) return tl::unexpected(t.error());
    seq.t_s[i] = *t;
    if (auto ok = check_time(*t, i, i ? seq.t_s[i - 1] : 0,
                             fmt::format("{}: frames[{}].timestamp_ms", name, i));
        !ok) {
      return tl::unexpected(ok.error());
    }
    auto pose = pose_of(image_key(f), name, fmt::format("frames[{}].landmarks", i));
    if (!pose) return tl::unexpected(pose.error());
    seq.detected[i] = pose->landmarks ? 1 : 0;
    if (pose->landmarks) {
      for (std::size_t j = 0; j < kLandmarks; ++j) {
        auto ok = read_landmark((*pose->landmarks)[j], seq.image_at(i, j), name,
                                fmt::format("{}[{}]", pose->field, j));
        if (!ok) return tl::unexpected(ok.error());
      }
    }
    if (!has_world) continue;
    auto world = pose_of(world_key(f), name, fmt::format("frames[{}].world_landmarks", i));
    if (!world) return tl::unexpected(world.error());
    if (!world->landmarks) continue;
    for (std::size_t j = 0; j < kLandmarks; ++j) {
      auto ok = read_world_landmark((*world->landmarks)[j], seq.world_at(i, j), name,
                                    fmt::format("{}[{}]", world->field, j));
      if (!ok) return tl::unexpected(ok.error());
    }
  }
  return finish_read(std::move(seq), name, PoseFormat::kMediapipeJson, options);
}

Result<std::string> write_mediapipe_json(const PoseSequence& seq) {
  constexpr PoseFormat kFormat = PoseFormat::kMediapipeJson;
  auto scale = blazepose_image_scale(seq, kFormat);
  if (!scale) return tl::unexpected(scale.error());
  OrderedJson frames = OrderedJson::array();
  for (std::size_t i = 0; i < seq.frame_count(); ++i) {
    OrderedJson f;
    f["timestamp_ms"] = seq.t_s[i] * 1000.0;
    OrderedJson pose = OrderedJson::array();
    OrderedJson world = OrderedJson::array();
    if (seq.detected[i]) {
      for (std::size_t j = 0; j < kLandmarks; ++j) {
        const Landmark& l = seq.image_at(i, j);
        pose.push_back({{"x", json_float(static_cast<float>(l.x * scale->x))},
                        {"y", json_float(static_cast<float>(l.y * scale->y))},
                        {"z", json_float(static_cast<float>(l.z * scale->z))},
                        {"visibility", json_float(l.visibility)},
                        {"presence", json_float(l.presence)}});
        if (seq.has_world) {
          const Vec3& w = seq.world_at(i, j);
          world.push_back({{"x", w.x}, {"y", w.y}, {"z", w.z}});
        }
      }
    }
    f["landmarks"] = pose.empty() ? OrderedJson::array() : OrderedJson::array({pose});
    if (seq.has_world) {
      f["world_landmarks"] = world.empty() ? OrderedJson::array() : OrderedJson::array({world});
    }
    frames.push_back(std::move(f));
  }
  OrderedJson root;
  root["frames"] = std::move(frames);
  return json_dump(root);
}

}  // namespace openpt::motion::detail
