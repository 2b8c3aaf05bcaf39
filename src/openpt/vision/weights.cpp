#include "openpt/vision/weights.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <string>

namespace openpt::vision {

float half_to_float(std::uint16_t bits) {
  const std::uint32_t sign = static_cast<std::uint32_t>(bits & 0x8000u) << 16;
  const std::uint32_t exponent = (bits >> 10) & 0x1fu;
  const std::uint32_t mantissa = bits & 0x3ffu;
  if (exponent == 0) {
    // Zero or subnormal: mantissa * 2^-24, exact in float32.
    const float magnitude = std::ldexp(static_cast<float>(mantissa), -24);
    return sign != 0 ? -magnitude : magnitude;
  }
  if (exponent == 0x1f) return std::bit_cast<float>(sign | 0x7f800000u | (mantissa << 13));
  return std::bit_cast<float>(sign | ((exponent + 112u) << 23) | (mantissa << 13));
}

std::vector<float> halves_to_floats(std::span<const std::uint16_t> bits) {
  std::vector<float> out(bits.size());
  std::transform(bits.begin(), bits.end(), out.begin(), half_to_float);
  return out;
}

namespace {

class Densifier {
 public:
  Densifier(const SparseWeights& sparse, std::vector<float>& dense) : s_(sparse), dense_(dense) {
    strides_.assign(s_.shape.size(), 1);
    for (std::size_t d = s_.shape.size(); d-- > 1;) {
      strides_[d - 1] = strides_[d] * static_cast<std::size_t>(s_.shape[d]);
    }
  }

  // Visits traversal level `level`, reached through stored position `parent`, with the
  // dense offset accumulated so far.
  Result<void> visit(std::size_t level, std::size_t parent, std::size_t offset) {
    if (level == s_.dims.size()) {
      if (parent >= s_.values.size()) {
        return bad_input(fmt::format("sparse position {} is past the {} stored values", parent,
                                     s_.values.size()));
      }
      dense_[offset] = s_.values[parent];
      return {};
    }
    const SparseDimension& dim = s_.dims[level];
    const auto axis = static_cast<std::size_t>(s_.traversal_order[level]);
    const auto size = static_cast<std::size_t>(s_.shape[axis]);
    if (!dim.compressed) {
      for (std::size_t i = 0; i < size; ++i) {
        auto r = visit(level + 1, parent * size + i, offset + i * strides_[axis]);
        if (!r) return r;
      }
      return {};
    }
    if (parent + 1 >= dim.segments.size()) {
      return bad_input(fmt::format("level {} has {} segments, position {} needs more", level,
                                   dim.segments.size(), parent));
    }
    const int begin = dim.segments[parent];
    const int end = dim.segments[parent + 1];
    if (begin < 0 || end < begin || static_cast<std::size_t>(end) > dim.indices.size()) {
      return bad_input(
          fmt::format("level {} segment [{}, {}) is out of order or past its {} "
                      "indices",
                      level, begin, end, dim.indices.size()));
    }
    for (int j = begin; j < end; ++j) {
      const int index = dim.indices[static_cast<std::size_t>(j)];
      if (index < 0 || static_cast<std::size_t>(index) >= size) {
        return bad_input(fmt::format("level {} index {} is outside dimension {} of size {}", level,
                                     index, axis, size));
      }
      auto r = visit(level + 1, static_cast<std::size_t>(j),
                     offset + static_cast<std::size_t>(index) * strides_[axis]);
      if (!r) return r;
    }
    return {};
  }

 private:
  const SparseWeights& s_;
  std::vector<float>& dense_;
  std::vector<std::size_t> strides_;
};

Result<void> check_layout(const SparseWeights& s) {
  const std::size_t rank = s.shape.size();
  if (s.traversal_order.size() != rank || s.dims.size() != rank) {
    return bad_input(
        fmt::format("sparse tensor of rank {} has {} traversal entries and {} "
                    "dimension descriptions (blocked sparsity is not supported)",
                    rank, s.traversal_order.size(), s.dims.size()));
  }
  std::vector<bool> seen(rank, false);
  for (int axis : s.traversal_order) {
    if (axis < 0 || static_cast<std::size_t>(axis) >= rank ||
        seen[static_cast<std::size_t>(axis)]) {
      return bad_input("sparse traversal order is not a permutation of the dimensions");
    }
    seen[static_cast<std::size_t>(axis)] = true;
  }
  for (std::size_t level = 0; level < rank; ++level) {
    const int size = s.shape[static_cast<std::size_t>(s.traversal_order[level])];
    if (size < 0) return bad_input("sparse tensor has a negative dimension");
    if (!s.dims[level].compressed && s.dims[level].dense_size != size) {
      return bad_input(fmt::format("dense level {} has size {}, the tensor dimension is {}", level,
                                   s.dims[level].dense_size, size));
    }
  }
  return {};
}

}  // namespace

Result<std::vector<float>> densify(const SparseWeights& sparse) {
  if (auto ok = check_layout(sparse); !ok) return tl::unexpected(ok.error());
  std::size_t count = 1;
  for (int d : sparse.shape) count *= static_cast<std::size_t>(d);
  std::vector<float> dense(count, 0.0f);
  if (count == 0) return dense;
  Densifier densifier(sparse, dense);
  if (auto ok = densifier.visit(0, 0, 0); !ok) return tl::unexpected(ok.error());
  return dense;
}

}  // namespace openpt::vision
