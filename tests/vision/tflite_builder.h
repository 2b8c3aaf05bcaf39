// Builds small .tflite files in memory for the vision tests, with the same FlatBuffer
// schema subset the reader uses: tensors (float32, float16, int32, sparse), operators by
// TFLite builtin code with their options, custom operators.
//
//   TfliteBuilder b;
//   int in = b.tensor("in", {1, 4, 4, 2});
//   int w = b.floats("w", {3, 1, 1, 2}, weights);
//   int out = b.tensor("out", {1, 4, 4, 3});
//   b.op(kConv2dCode, {in, w, -1}, {out}, conv_options(1, 1, Padding::VALID));
//   std::vector<std::uint8_t> file = b.finish({in}, {out});
#pragma once

#include <flatbuffers/flatbuffers.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "openpt/vision/tflite_subset_generated.h"
#include "openpt/vision/weights.h"

namespace openpt::vision::testing {

namespace fb = openpt::vision::tflite;

// TFLite builtin operator codes used by the tests.
inline constexpr int kAddCode = 0;
inline constexpr int kConcatenationCode = 2;
inline constexpr int kConv2dCode = 3;
inline constexpr int kDepthwiseConv2dCode = 4;
inline constexpr int kDequantizeCode = 6;
inline constexpr int kSoftmaxCode = 25;
inline constexpr int kCustomCode = 32;
inline constexpr int kDensifyCode = 124;

using OptionsFn = std::function<flatbuffers::Offset<void>(flatbuffers::FlatBufferBuilder&)>;

struct Options {
  fb::BuiltinOptions type = fb::BuiltinOptions::NONE;
  OptionsFn make;
};

inline Options conv_options(
    int stride, fb::Padding padding,
    fb::ActivationFunctionType activation = fb::ActivationFunctionType::NONE) {
  return {fb::BuiltinOptions::Conv2DOptions, [=](flatbuffers::FlatBufferBuilder& b) {
            return fb::CreateConv2DOptions(b, padding, stride, stride, activation).Union();
          }};
}

inline Options concat_options(int axis) {
  return {fb::BuiltinOptions::ConcatenationOptions, [=](flatbuffers::FlatBufferBuilder& b) {
            return fb::CreateConcatenationOptions(b, axis).Union();
          }};
}

class TfliteBuilder {
 public:
  // A tensor without data (an activation).
  int tensor(std::string name, std::vector<int> shape,
             fb::TensorType type = fb::TensorType::FLOAT32) {
    tensors_.push_back({std::move(name), std::move(shape), type, {}, nullptr});
    return static_cast<int>(tensors_.size()) - 1;
  }
  int floats(std::string name, std::vector<int> shape, const std::vector<float>& values) {
    return with_data(std::move(name), std::move(shape), fb::TensorType::FLOAT32, values);
  }
  int halves(std::string name, std::vector<int> shape, const std::vector<std::uint16_t>& bits) {
    return with_data(std::move(name), std::move(shape), fb::TensorType::FLOAT16, bits);
  }
  int ints(std::string name, std::vector<int> shape, const std::vector<std::int32_t>& values) {
    return with_data(std::move(name), std::move(shape), fb::TensorType::INT32, values);
  }
  // A float16 tensor in TFLite's sparse layout (no blocks), for DENSIFY.
  int sparse_halves(std::string name, std::vector<int> shape, std::vector<int> order,
                    std::vector<SparseDimension> dims, const std::vector<std::uint16_t>& bits) {
    const int t = halves(std::move(name), std::move(shape), bits);
    tensors_.back().sparsity = [order, dims](flatbuffers::FlatBufferBuilder& b) {
      std::vector<flatbuffers::Offset<fb::DimensionMetadata>> meta;
      for (const SparseDimension& d : dims) {
        if (!d.compressed) {
          meta.push_back(fb::CreateDimensionMetadata(b, fb::DimensionType::DENSE, d.dense_size));
          continue;
        }
        const std::vector<std::uint8_t> segments(d.segments.begin(), d.segments.end());
        const std::vector<std::uint8_t> indices(d.indices.begin(), d.indices.end());
        auto s = fb::CreateUint8VectorDirect(b, &segments).Union();
        auto i = fb::CreateUint8VectorDirect(b, &indices).Union();
        meta.push_back(fb::CreateDimensionMetadata(b, fb::DimensionType::SPARSE_CSR, 0,
                                                   fb::SparseIndexVector::Uint8Vector, s,
                                                   fb::SparseIndexVector::Uint8Vector, i));
      }
      return fb::CreateSparsityParametersDirect(b, &order, nullptr, &meta);
    };
    return t;
  }

  void op(int builtin, std::vector<int> inputs, std::vector<int> outputs, Options options = {},
          std::string custom_code = {}) {
    ops_.push_back({builtin, std::move(inputs), std::move(outputs), std::move(options),
                    std::move(custom_code)});
  }

  std::vector<std::uint8_t> finish(std::vector<int> inputs, std::vector<int> outputs) {
    flatbuffers::FlatBufferBuilder b;
    std::vector<flatbuffers::Offset<fb::Buffer>> buffers{fb::CreateBuffer(b)};
    std::vector<flatbuffers::Offset<fb::Tensor>> tensors;
    for (const auto& t : tensors_) {
      std::uint32_t buffer = 0;
      if (!t.data.empty()) {
        buffer = static_cast<std::uint32_t>(buffers.size());
        buffers.push_back(fb::CreateBufferDirect(b, &t.data));
      }
      auto sparsity = t.sparsity ? t.sparsity(b) : 0;
      tensors.push_back(
          fb::CreateTensorDirect(b, &t.shape, t.type, buffer, t.name.c_str(), false, sparsity));
    }
    std::vector<flatbuffers::Offset<fb::OperatorCode>> codes;
    std::vector<flatbuffers::Offset<fb::Operator>> ops;
    for (const auto& o : ops_) {
      const auto code_index = static_cast<std::uint32_t>(codes.size());
      codes.push_back(fb::CreateOperatorCodeDirect(
          b, static_cast<std::int8_t>(std::min(o.builtin, 127)),
          o.custom_code.empty() ? nullptr : o.custom_code.c_str(), 1, o.builtin));
      auto options = o.options.make ? o.options.make(b) : 0;
      ops.push_back(
          fb::CreateOperatorDirect(b, code_index, &o.inputs, &o.outputs, o.options.type, options));
    }
    auto subgraph = fb::CreateSubGraphDirect(b, &tensors, &inputs, &outputs, &ops, "main");
    std::vector<flatbuffers::Offset<fb::SubGraph>> subgraphs{subgraph};
    auto model = fb::CreateModelDirect(b, 3, &codes, &subgraphs, "test", &buffers);
    fb::FinishModelBuffer(b, model);
    return {b.GetBufferPointer(), b.GetBufferPointer() + b.GetSize()};
  }

 private:
  template <class T>
  int with_data(std::string name, std::vector<int> shape, fb::TensorType type,
                const std::vector<T>& values) {
    const int t = tensor(std::move(name), std::move(shape), type);
    tensors_.back().data.resize(values.size() * sizeof(T));
    std::memcpy(tensors_.back().data.data(), values.data(), tensors_.back().data.size());
    return t;
  }

  struct TensorSpec {
    std::string name;
    std::vector<int> shape;
    fb::TensorType type;
    std::vector<std::uint8_t> data;
    std::function<flatbuffers::Offset<fb::SparsityParameters>(flatbuffers::FlatBufferBuilder&)>
        sparsity;
  };
  struct OpSpec {
    int builtin;
    std::vector<int> inputs;
    std::vector<int> outputs;
    Options options;
    std::string custom_code;
  };
  std::vector<TensorSpec> tensors_;
  std::vector<OpSpec> ops_;
};

// input [1,4,4,2] -> CONV_2D 1x1 with RELU6 -> [1,4,4,3]. Weights [[1, -2], [0.5, 0.25],
// [65504, -0]] in float16 behind DEQUANTIZE; bias [0, 0, 3] sparse float16 behind DENSIFY and
// DEQUANTIZE. With `extra_code` >= 0 one more operator of that builtin code (a custom
// operator 'MyFancyOp' for kCustomCode) follows and makes the output.
inline std::vector<std::uint8_t> small_conv_model(int extra_code = -1) {
  TfliteBuilder b;
  const int in = b.tensor("input", {1, 4, 4, 2});
  const int w16 = b.halves("w16", {3, 1, 1, 2}, {0x3c00, 0xc000, 0x3800, 0x3400, 0x7bff, 0x8000});
  const int w = b.tensor("w", {3, 1, 1, 2});
  const int bias16 = b.sparse_halves(
      "bias16", {3}, {0}, {{.compressed = true, .segments = {0, 1}, .indices = {2}}}, {0x4200});
  const int bias_dense16 = b.tensor("bias_dense16", {3}, fb::TensorType::FLOAT16);
  const int bias = b.tensor("bias", {3});
  const int out = b.tensor("output", {1, 4, 4, 3});
  b.op(kDequantizeCode, {w16}, {w});
  b.op(kDensifyCode, {bias16}, {bias_dense16});
  b.op(kDequantizeCode, {bias_dense16}, {bias});
  b.op(kConv2dCode, {in, w, bias}, {out},
       conv_options(1, fb::Padding::SAME, fb::ActivationFunctionType::RELU6));
  if (extra_code < 0) return b.finish({in}, {out});
  const int extra = b.tensor("extra", {1, 4, 4, 3});
  b.op(extra_code, {out}, {extra}, {}, extra_code == kCustomCode ? "MyFancyOp" : "");
  return b.finish({in}, {extra});
}

}  // namespace openpt::vision::testing
