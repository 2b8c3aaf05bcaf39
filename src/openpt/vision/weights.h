// Weight conversions a .tflite model needs at load time: IEEE half-precision values to
// float32 (BlazePose stores every weight as float16 behind a DEQUANTIZE operator) and sparse
// weights in TFLite's compressed-sparse-row layout to dense arrays (the DENSIFY operator,
// used by the pose detector's 1x1 convolutions). Both run once per model load.
//
//   float w = half_to_float(0x3c00);  // 1.0f
//   SparseWeights s{.shape = {2, 3}, .traversal_order = {0, 1}, .dims = {...}, .values = {...}};
//   Result<std::vector<float>> dense = densify(s);  // 6 values, row-major
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "openpt/core/error.h"

namespace openpt::vision {

// The float32 with the same value as the IEEE 754 binary16 `bits` (exact for every input,
// subnormals, infinities and NaNs included).
float half_to_float(std::uint16_t bits);
std::vector<float> halves_to_floats(std::span<const std::uint16_t> bits);

// One level of a sparse tensor's traversal: dense (every index 0..dense_size-1) or
// compressed (for the parent position p, the indices indices[segments[p]..segments[p+1])).
struct SparseDimension {
  bool compressed = false;
  int dense_size = 0;
  std::vector<int> segments;
  std::vector<int> indices;
};

// A tensor in TFLite's sparse layout without blocks: `dims[k]` describes the tensor
// dimension `traversal_order[k]`; `values` are the stored (non-zero) values in traversal order.
struct SparseWeights {
  std::vector<int> shape;
  std::vector<int> traversal_order;
  std::vector<SparseDimension> dims;
  std::vector<float> values;
};

// The dense row-major array (zeros where nothing is stored). Bad input (an index out of its
// dimension, segments out of order or past the end, a wrong dense size, a traversal order
// that is no permutation) is an error naming the problem, never an out-of-bounds access.
Result<std::vector<float>> densify(const SparseWeights& sparse);

}  // namespace openpt::vision
