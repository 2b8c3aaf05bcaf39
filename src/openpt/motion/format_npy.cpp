// NumPy .npy arrays of BlazePose landmarks (docs/formats.md): reader and writer.
// Shape (T, 33·k) or (T, 33, k), k = 2..5 values per landmark (x, y, z, visibility,
// presence), float32 or float64, little-endian, C order. Sizes are checked against the file
// before anything is allocated.
#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "openpt/motion/format_readers.h"

namespace openpt::motion::detail {

namespace {

constexpr std::string_view kMagic = "\x93NUMPY";
constexpr std::size_t kLandmarks = 33;
constexpr std::size_t kMaxHeaderBytes = 1 << 20;
constexpr double kNormalizedTolerance = 1e-6;

static_assert(std::endian::native == std::endian::little, "npy I/O assumes a little-endian host");

struct NpyHeader {
  std::size_t item_bytes = 4;  // 4 = '<f4', 8 = '<f8'
  std::vector<std::uint64_t> shape;
  std::size_t data_offset = 0;
};

std::uint32_t read_le(std::string_view bytes, std::size_t offset, std::size_t count) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < count; ++i) {
    v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[offset + i])) << (8 * i);
  }
  return v;
}

// The text after `'key':` in the header dictionary, or empty.
std::string_view dict_value(std::string_view dict, std::string_view key) {
  for (const char quote : {'\'', '"'}) {
    const std::string quoted = std::string(1, quote) + std::string(key) + std::string(1, quote);
    std::size_t pos = dict.find(quoted);
    if (pos == std::string_view::npos) continue;
    pos = dict.find(':', pos + quoted.size());
    if (pos == std::string_view::npos) return {};
    std::string_view rest = dict.substr(pos + 1);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    return rest;
  }
  return {};
}

Result<std::vector<std::uint64_t>> parse_shape(std::string_view value, const std::string& where) {
  std::vector<std::uint64_t> shape;
  if (value.empty() || value.front() != '(') {
    return bad_input("header has no 'shape' tuple", where);
  }
  std::size_t i = 1;
  while (i < value.size() && value[i] != ')') {
    if (value[i] == ' ' || value[i] == ',' || value[i] == 'L') {
      ++i;
      continue;
    }
    if (value[i] < '0' || value[i] > '9' || shape.size() >= 8) {
      return bad_input("header 'shape' is not a tuple of sizes", where);
    }
    std::uint64_t dim = 0;
    while (i < value.size() && value[i] >= '0' && value[i] <= '9') {
      if (dim > (std::numeric_limits<std::uint64_t>::max() - 9) / 10) {
        return bad_input("header 'shape' has an absurdly large size", where);
      }
      dim = dim * 10 + static_cast<std::uint64_t>(value[i] - '0');
      ++i;
    }
    shape.push_back(dim);
  }
  if (i >= value.size()) return bad_input("header 'shape' tuple is not closed", where);
  return shape;
}

Result<NpyHeader> parse_header(std::string_view bytes, const std::string& name) {
  if (bytes.size() < 10 || !bytes.starts_with(kMagic)) {
    return bad_input("not a NumPy .npy file (missing \\x93NUMPY magic)", name);
  }
  const int major = static_cast<unsigned char>(bytes[6]);
  if (major < 1 || major > 3) {
    return bad_input(fmt::format("unsupported .npy version {}", major), name,
                     "save with numpy.save (versions 1-3)");
  }
  const std::size_t len_bytes = major == 1 ? 2 : 4;
  const std::size_t prefix = 8 + len_bytes;
  if (bytes.size() < prefix) return bad_input("truncated .npy header", name);
  const std::size_t header_len = read_le(bytes, 8, len_bytes);
  if (header_len > kMaxHeaderBytes || prefix + header_len > bytes.size()) {
    return bad_input(fmt::format("truncated .npy header (declares {} bytes, file has {})",
                                 header_len, bytes.size() - prefix),
                     name);
  }
  const std::string_view dict = bytes.substr(prefix, header_len);
  const std::string where = name + ": header";
  NpyHeader h;
  h.data_offset = prefix + header_len;

  const std::string_view descr = dict_value(dict, "descr");
  if (descr.starts_with("'<f4'") || descr.starts_with("\"<f4\"")) {
    h.item_bytes = 4;
  } else if (descr.starts_with("'<f8'") || descr.starts_with("\"<f8\"")) {
    h.item_bytes = 8;
  } else {
    const std::string shown(descr.substr(0, descr.find(',')));
    return bad_input(fmt::format("dtype {} is not supported", shown.empty() ? "?" : shown), where,
                     "save a little-endian float32 or float64 array: a.astype('<f4')");
  }
  const std::string_view fortran = dict_value(dict, "fortran_order");
  if (fortran.starts_with("True")) {
    return bad_input("the array is in Fortran order", where,
                     "save a C-ordered array: numpy.save(path, numpy.ascontiguousarray(a))");
  }
  if (!fortran.starts_with("False")) return bad_input("header has no 'fortran_order'", where);
  auto shape = parse_shape(dict_value(dict, "shape"), where);
  if (!shape) return tl::unexpected(shape.error());
  h.shape = std::move(*shape);
  return h;
}

std::string shape_text(const std::vector<std::uint64_t>& shape) {
  std::string out = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    out += (i ? ", " : "") + std::to_string(shape[i]);
  }
  return out + (shape.size() == 1 ? ",)" : ")");
}

// Values per landmark k from the shape (T, 33·k) or (T, 33, k).
Result<std::size_t> values_per_landmark(const std::vector<std::uint64_t>& shape,
                                        const std::string& name) {
  std::uint64_t k = 0;
  if (shape.size() == 2 && shape[1] % kLandmarks == 0) k = shape[1] / kLandmarks;
  if (shape.size() == 3 && shape[1] == kLandmarks) k = shape[2];
  if (k < 2 || k > 5) {
    return bad_input(fmt::format("array shape {} is not (frames, 33·k) or (frames, 33, k) "
                                 "with k = 2..5",
                                 shape_text(shape)),
                     name + ": header",
                     "expected BlazePose landmarks: x, y[, z[, visibility[, presence]]]");
  }
  return static_cast<std::size_t>(k);
}

double value_at(std::string_view data, std::size_t index, std::size_t item_bytes) {
  if (item_bytes == 4) {
    float f = 0;
    std::memcpy(&f, data.data() + index * 4, 4);
    return f;
  }
  double d = 0;
  std::memcpy(&d, data.data() + index * 8, 8);
  return d;
}

// Countix-style data: x and y min–max normalised within every detected frame.
bool looks_per_frame_normalized(const PoseSequence& seq) {
  bool any = false;
  for (std::size_t i = 0; i < seq.frame_count(); ++i) {
    if (!seq.detected[i]) continue;
    float min_x = INFINITY, max_x = -INFINITY, min_y = INFINITY, max_y = -INFINITY;
    for (std::size_t j = 0; j < kLandmarks; ++j) {
      const Landmark& l = seq.image_at(i, j);
      if (!l.present()) continue;
      min_x = std::min(min_x, l.x), max_x = std::max(max_x, l.x);
      min_y = std::min(min_y, l.y), max_y = std::max(max_y, l.y);
    }
    const auto near = [](float v, float target) {
      return std::abs(v - target) <= kNormalizedTolerance;
    };
    if (!near(min_x, 0) || !near(max_x, 1) || !near(min_y, 0) || !near(max_y, 1)) return false;
    any = true;
  }
  return any;
}

void append_header(std::string& out, std::size_t frames) {
  std::string dict = fmt::format(
      "{{'descr': '<f4', 'fortran_order': False, 'shape': ({}, {}, 5), }}", frames, kLandmarks);
  // Version 1.0: magic, version, 2-byte length, dict padded with spaces to a multiple of 64
  // bytes in total, ending in a newline.
  const std::size_t unpadded = 10 + dict.size() + 1;
  dict.append((64 - unpadded % 64) % 64, ' ');
  dict += '\n';
  out.append(kMagic);
  out += '\x01';
  out += '\x00';
  out += static_cast<char>(dict.size() & 0xff);
  out += static_cast<char>((dict.size() >> 8) & 0xff);
  out += dict;
}

}  // namespace

Result<PoseSequence> read_npy(const SourceText& src, const PoseReadOptions& options) {
  const std::string& name = src.name;
  auto header = parse_header(src.text, name);
  if (!header) return tl::unexpected(header.error());
  if (!header->shape.empty() && header->shape[0] == 0) {
    // np.save of an empty list, or a clip in which the pose extractor produced nothing:
    // a valid recording without frames, reported as such by the analysis.
    PoseSequence empty = make_pose_sequence(blazepose33(), 0);
    empty.metadata.fps = fps_or_default(options);
    return finish_read(std::move(empty), name, PoseFormat::kNpy, options);
  }
  if (std::find(header->shape.begin(), header->shape.end(), 0) != header->shape.end()) {
    return bad_input(fmt::format("the array is empty (shape {}): the recording has no frames",
                                 shape_text(header->shape)),
                     name);
  }
  auto k = values_per_landmark(header->shape, name);
  if (!k) return tl::unexpected(k.error());
  const std::uint64_t frames = header->shape[0];
  const std::uint64_t available = src.text.size() - header->data_offset;
  // Check the declared size against the file before allocating anything (no overflow: the
  // per-frame size is small, so compare frames against available / per_frame).
  const std::uint64_t frame_bytes = kLandmarks * *k * header->item_bytes;
  if (frames > available / frame_bytes) {
    return bad_input(fmt::format("truncated .npy file: shape {} declares {} frames of {} bytes, "
                                 "but the file holds {} bytes of data ({} frames)",
                                 shape_text(header->shape), frames, frame_bytes, available,
                                 available / frame_bytes),
                     name, "the file was cut short; export it again");
  }
  if (frames * frame_bytes != available) {
    return bad_input(fmt::format("{} unexpected bytes after the array of shape {}",
                                 available - frames * frame_bytes, shape_text(header->shape)),
                     name, "the header does not match the data; export it again");
  }
  const std::string_view data = src.text.substr(header->data_offset);
  PoseSequence seq = make_pose_sequence(blazepose33(), static_cast<std::size_t>(frames));
  const double fps = fps_or_default(options);
  seq.metadata.fps = fps;
  for (std::size_t i = 0; i < seq.frame_count(); ++i) {
    seq.t_s[i] = static_cast<double>(i) / fps;
    const std::size_t base = i * kLandmarks * *k;
    bool all_zero = true;
    for (std::size_t v = 0; v < kLandmarks * *k; ++v) {
      const double value = value_at(data, base + v, header->item_bytes);
      if (std::isinf(value) || std::abs(value) > std::numeric_limits<float>::max()) {
        return bad_input(
            fmt::format("value {} is infinite or too large", value),
            fmt::format("{}: frame {}, landmark {}, value {}", name, i, v / *k, v % *k));
      }
      all_zero = all_zero && value == 0;
    }
    if (all_zero) {
      seq.detected[i] = 0;
      continue;
    }
    for (std::size_t j = 0; j < kLandmarks; ++j) {
      Landmark& l = seq.image_at(i, j);
      float* fields[5] = {&l.x, &l.y, &l.z, &l.visibility, &l.presence};
      for (std::size_t c = 0; c < *k; ++c) {
        *fields[c] = static_cast<float>(value_at(data, base + j * *k + c, header->item_bytes));
      }
    }
  }
  seq.image_space.per_frame_normalized = looks_per_frame_normalized(seq);
  return finish_read(std::move(seq), name, PoseFormat::kNpy, options);
}

Result<std::string> write_npy(const PoseSequence& seq) {
  constexpr PoseFormat kFormat = PoseFormat::kNpy;
  auto scale = blazepose_image_scale(seq, kFormat);
  if (!scale) return tl::unexpected(scale.error());
  std::string out;
  append_header(out, seq.frame_count());
  std::vector<float> values(seq.frame_count() * kLandmarks * 5, 0.0f);
  for (std::size_t i = 0; i < seq.frame_count(); ++i) {
    if (!seq.detected[i]) continue;  // all zeros = no person
    for (std::size_t j = 0; j < kLandmarks; ++j) {
      const Landmark& l = seq.image_at(i, j);
      float* row = &values[(i * kLandmarks + j) * 5];
      row[0] = static_cast<float>(l.x * scale->x);
      row[1] = static_cast<float>(l.y * scale->y);
      row[2] = static_cast<float>(l.z * scale->z);
      row[3] = l.visibility;
      row[4] = l.presence;
    }
  }
  out.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(float));
  return out;
}

}  // namespace openpt::motion::detail
