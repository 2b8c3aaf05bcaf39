#include "openpt/vision/tflite_model.h"

#include <flatbuffers/flatbuffers.h>
#include <fmt/format.h>

#include <cstring>
#include <fstream>
#include <limits>
#include <optional>

#include "openpt/vision/tflite_options.h"
#include "openpt/vision/tflite_subset_generated.h"
#include "openpt/vision/weights.h"

namespace openpt::vision {

namespace fb = openpt::vision::tflite;

namespace {

// TFLite builtin operator codes (the format's BuiltinOperator enum) that OpenPT meets.
enum BuiltinCode : int {
  kAddCode = 0,
  kAveragePool2dCode = 1,
  kConcatenationCode = 2,
  kConv2dCode = 3,
  kDepthwiseConv2dCode = 4,
  kDepthToSpaceCode = 5,
  kDequantizeCode = 6,
  kFullyConnectedCode = 9,
  kLogisticCode = 14,
  kMaxPool2dCode = 17,
  kMulCode = 18,
  kReluCode = 19,
  kRelu6Code = 21,
  kReshapeCode = 22,
  kResizeBilinearCode = 23,
  kSoftmaxCode = 25,
  kTanhCode = 28,
  kCustomCode = 32,
  kPadCode = 34,
  kTransposeCode = 39,
  kMeanCode = 40,
  kSubCode = 41,
  kStridedSliceCode = 45,
  kTransposeConvCode = 67,
  kQuantizeCode = 114,
  kHardSwishCode = 117,
  kDensifyCode = 124,
};

constexpr std::string_view kSupportedList =
    "CONV_2D, DEPTHWISE_CONV_2D, ADD, PAD, RESHAPE, RESIZE_BILINEAR, MAX_POOL_2D, LOGISTIC, "
    "DEPTH_TO_SPACE, CONCATENATION (at the outputs), DEQUANTIZE and DENSIFY (of weights)";

std::string builtin_name(int code) {
  switch (code) {
    case kAddCode: return "ADD";
    case kAveragePool2dCode: return "AVERAGE_POOL_2D";
    case kConcatenationCode: return "CONCATENATION";
    case kConv2dCode: return "CONV_2D";
    case kDepthwiseConv2dCode: return "DEPTHWISE_CONV_2D";
    case kDepthToSpaceCode: return "DEPTH_TO_SPACE";
    case kDequantizeCode: return "DEQUANTIZE";
    case kFullyConnectedCode: return "FULLY_CONNECTED";
    case kLogisticCode: return "LOGISTIC";
    case kMaxPool2dCode: return "MAX_POOL_2D";
    case kMulCode: return "MUL";
    case kReluCode: return "RELU";
    case kRelu6Code: return "RELU6";
    case kReshapeCode: return "RESHAPE";
    case kResizeBilinearCode: return "RESIZE_BILINEAR";
    case kSoftmaxCode: return "SOFTMAX";
    case kTanhCode: return "TANH";
    case kPadCode: return "PAD";
    case kTransposeCode: return "TRANSPOSE";
    case kMeanCode: return "MEAN";
    case kSubCode: return "SUB";
    case kStridedSliceCode: return "STRIDED_SLICE";
    case kTransposeConvCode: return "TRANSPOSE_CONV";
    case kQuantizeCode: return "QUANTIZE";
    case kHardSwishCode: return "HARD_SWISH";
    case kDensifyCode: return "DENSIFY";
    default: return fmt::format("builtin operator #{}", code);
  }
}

std::optional<OpType> supported_type(int code) {
  switch (code) {
    case kConv2dCode: return OpType::kConv2d;
    case kDepthwiseConv2dCode: return OpType::kDepthwiseConv2d;
    case kAddCode: return OpType::kAdd;
    case kPadCode: return OpType::kPad;
    case kReshapeCode: return OpType::kReshape;
    case kResizeBilinearCode: return OpType::kResizeBilinear;
    case kMaxPool2dCode: return OpType::kMaxPool2d;
    case kLogisticCode: return OpType::kLogistic;
    case kDepthToSpaceCode: return OpType::kDepthToSpace;
    case kConcatenationCode: return OpType::kConcatenation;
    default: return std::nullopt;
  }
}

std::vector<int> to_ints(const flatbuffers::Vector<std::int32_t>* v) {
  if (v == nullptr) return {};
  return {v->begin(), v->end()};
}

std::vector<int> sparse_index_vector(fb::SparseIndexVector type, const void* value) {
  if (value == nullptr) return {};
  switch (type) {
    case fb::SparseIndexVector::Int32Vector:
      return to_ints(static_cast<const fb::Int32Vector*>(value)->values());
    case fb::SparseIndexVector::Uint16Vector: {
      const auto* v = static_cast<const fb::Uint16Vector*>(value)->values();
      return v != nullptr ? std::vector<int>(v->begin(), v->end()) : std::vector<int>{};
    }
    case fb::SparseIndexVector::Uint8Vector: {
      const auto* v = static_cast<const fb::Uint8Vector*>(value)->values();
      return v != nullptr ? std::vector<int>(v->begin(), v->end()) : std::vector<int>{};
    }
    default: return {};
  }
}

class Reader {
 public:
  Reader(const fb::Model& model, std::string source) : model_(model) {
    graph_.source = std::move(source);
  }

  Result<ModelGraph> read() {
    const auto* subgraphs = model_.subgraphs();
    if (subgraphs == nullptr || subgraphs->size() != 1) {
      return fail(fmt::format("the model has {} subgraphs; OpenPT runs single-graph models",
                              subgraphs == nullptr ? 0 : subgraphs->size()));
    }
    const fb::SubGraph& sg = *subgraphs->Get(0);
    if (sg.tensors() == nullptr) return fail("the model has no tensors");
    for (flatbuffers::uoffset_t i = 0; i < sg.tensors()->size(); ++i) {
      auto t = read_tensor(*sg.tensors()->Get(i));
      if (!t)
        return tl::unexpected(t.error().within(fmt::format("tensor {}", i)).within(graph_.source));
      graph_.tensors.push_back(std::move(*t));
    }
    graph_.inputs = to_ints(sg.inputs());
    graph_.outputs = to_ints(sg.outputs());
    for (int index : graph_.inputs) {
      if (!valid_tensor(index)) return fail(fmt::format("model input {} is no tensor", index));
    }
    for (int index : graph_.outputs) {
      if (!valid_tensor(index)) return fail(fmt::format("model output {} is no tensor", index));
    }
    if (sg.operators() != nullptr) {
      for (flatbuffers::uoffset_t i = 0; i < sg.operators()->size(); ++i) {
        if (auto ok = read_operator(*sg.operators()->Get(i), static_cast<int>(i)); !ok) {
          return tl::unexpected(ok.error());
        }
      }
    }
    drop_unused_constants();
    return std::move(graph_);
  }

 private:
  tl::unexpected<Error> fail(std::string message) const {
    return bad_input(std::move(message), graph_.source);
  }

  bool valid_tensor(int index) const {
    return index >= 0 && static_cast<std::size_t>(index) < graph_.tensors.size();
  }

  // The constant bytes of buffer `index`, empty when it holds none.
  Result<std::span<const std::uint8_t>> buffer_bytes(std::uint32_t index) const {
    const auto* buffers = model_.buffers();
    if (buffers == nullptr || index >= buffers->size()) {
      if (index == 0) return std::span<const std::uint8_t>{};
      return bad_input(fmt::format("buffer {} does not exist", index));
    }
    const auto* data = buffers->Get(index)->data();
    if (data == nullptr) return std::span<const std::uint8_t>{};
    return std::span<const std::uint8_t>(data->data(), data->size());
  }

  Result<GraphTensor> read_tensor(const fb::Tensor& t) {
    GraphTensor out;
    if (t.name() != nullptr) out.name = t.name()->str();
    out.shape = to_ints(t.shape());
    std::size_t count = 1;
    for (int d : out.shape) {
      if (d < 0) return bad_input(fmt::format("'{}' has a negative dimension", out.name));
      count *= static_cast<std::size_t>(d);
      if (count > kMaxTensorElements) {
        return bad_input(
            fmt::format("'{}' has more than {} elements", out.name, kMaxTensorElements));
      }
    }
    out.type_name = fb::EnumNameTensorType(t.type());
    auto bytes = buffer_bytes(t.buffer());
    if (!bytes) return tl::unexpected(bytes.error().within(fmt::format("'{}'", out.name)));
    switch (t.type()) {
      case fb::TensorType::FLOAT32:
      case fb::TensorType::FLOAT16: out.type = ElementType::kFloat32; break;  // once converted
      case fb::TensorType::INT32: out.type = ElementType::kInt32; break;
      default: out.type = ElementType::kOther; return out;
    }
    if (bytes->empty()) {
      if (t.type() == fb::TensorType::FLOAT16) out.type = ElementType::kOther;  // fp16 activations
      return out;
    }
    if (t.type() == fb::TensorType::INT32) {
      if (bytes->size() != count * 4) return size_mismatch(out, bytes->size(), count * 4);
      out.ints.resize(count);
      std::memcpy(out.ints.data(), bytes->data(), bytes->size());
      return out;
    }
    const std::size_t element_size = t.type() == fb::TensorType::FLOAT16 ? 2 : 4;
    std::vector<float> values;
    if (bytes->size() % element_size != 0) return size_mismatch(out, bytes->size(), count * 4);
    if (element_size == 2) {
      std::vector<std::uint16_t> halves(bytes->size() / 2);
      std::memcpy(halves.data(), bytes->data(), bytes->size());
      values = halves_to_floats(halves);
    } else {
      values.resize(bytes->size() / 4);
      std::memcpy(values.data(), bytes->data(), bytes->size());
    }
    if (t.sparsity() != nullptr) {
      auto dense = densify_tensor(*t.sparsity(), out.shape, std::move(values));
      if (!dense) return tl::unexpected(dense.error().within(fmt::format("'{}'", out.name)));
      out.data = std::move(*dense);
      return out;
    }
    if (values.size() != count) return size_mismatch(out, bytes->size(), count * element_size);
    out.data = std::move(values);
    return out;
  }

  static tl::unexpected<Error> size_mismatch(const GraphTensor& t, std::size_t have,
                                             std::size_t want) {
    return bad_input(fmt::format("'{}' ({}, shape [{}]) has {} bytes of data, expected {}", t.name,
                                 t.type_name, fmt::join(t.shape, ", "), have, want));
  }

  static Result<std::vector<float>> densify_tensor(const fb::SparsityParameters& sp,
                                                   const std::vector<int>& shape,
                                                   std::vector<float> values) {
    if (sp.block_map() != nullptr && sp.block_map()->size() != 0) {
      return bad_input("block-sparse weights are not supported");
    }
    SparseWeights sparse;
    sparse.shape = shape;
    sparse.traversal_order = to_ints(sp.traversal_order());
    sparse.values = std::move(values);
    if (sp.dim_metadata() != nullptr) {
      for (const fb::DimensionMetadata* d : *sp.dim_metadata()) {
        SparseDimension dim;
        dim.compressed = d->format() == fb::DimensionType::SPARSE_CSR;
        dim.dense_size = d->dense_size();
        dim.segments = sparse_index_vector(d->array_segments_type(), d->array_segments());
        dim.indices = sparse_index_vector(d->array_indices_type(), d->array_indices());
        sparse.dims.push_back(std::move(dim));
      }
    }
    return densify(sparse);
  }

  Result<void> read_operator(const fb::Operator& op, int index) {
    const auto where = [&](const std::string& name) {
      return fmt::format("{}: operator {} ({})", graph_.source, index, name);
    };
    const auto* codes = model_.operator_codes();
    if (codes == nullptr || op.opcode_index() >= codes->size()) {
      return bad_input(fmt::format("operator code {} does not exist", op.opcode_index()),
                       where("?"));
    }
    const fb::OperatorCode& code = *codes->Get(op.opcode_index());
    const int builtin = std::max<int>(code.deprecated_builtin_code(), code.builtin_code());
    const std::string name = builtin == kCustomCode && code.custom_code() != nullptr
                                 ? fmt::format("custom operator '{}'", code.custom_code()->str())
                                 : builtin_name(builtin);
    GraphOp out;
    out.source_index = index;
    out.inputs = to_ints(op.inputs());
    out.outputs = to_ints(op.outputs());
    for (int t : out.inputs) {
      if (t != -1 && !valid_tensor(t)) {
        return bad_input(fmt::format("input tensor {} does not exist", t), where(name));
      }
    }
    for (int t : out.outputs) {
      if (!valid_tensor(t)) {
        return bad_input(fmt::format("output tensor {} does not exist", t), where(name));
      }
    }
    if (builtin == kDequantizeCode || builtin == kDensifyCode) {
      return fold_constant(out, where(name));
    }
    const auto type = supported_type(builtin);
    if (!type) {
      return bad_input(fmt::format("{} is not supported", name), where(name),
                       fmt::format("OpenPT runs float models made of {}", kSupportedList));
    }
    out.type = *type;
    auto options = read_op_options(op, out.type);
    if (!options) {
      return tl::unexpected(Error{options.error().kind, options.error().message, where(name), {}});
    }
    out.options = *options;
    graph_.ops.push_back(std::move(out));
    return {};
  }

  // DEQUANTIZE and DENSIFY of weights: the output becomes a constant (already float32 and
  // dense, converted when its input tensor was read).
  Result<void> fold_constant(const GraphOp& op, const std::string& where) {
    if (op.inputs.size() != 1 || op.outputs.size() != 1 || op.inputs[0] < 0) {
      return bad_input("expected one input and one output", where);
    }
    GraphTensor& in = graph_.tensors[static_cast<std::size_t>(op.inputs[0])];
    GraphTensor& out = graph_.tensors[static_cast<std::size_t>(op.outputs[0])];
    if (in.data.empty()) {
      return bad_input(
          fmt::format("input '{}' is not constant; only weights are converted", in.name), where);
    }
    if (in.data.size() != out.element_count()) {
      return bad_input(fmt::format("'{}' has {} values, its output '{}' needs {}", in.name,
                                   in.data.size(), out.name, out.element_count()),
                       where);
    }
    out.data = in.data;
    out.type = ElementType::kFloat32;
    return {};
  }

  // Weights consumed only by DEQUANTIZE/DENSIFY are no longer needed once converted.
  void drop_unused_constants() {
    std::vector<bool> used(graph_.tensors.size(), false);
    for (const GraphOp& op : graph_.ops) {
      for (int t : op.inputs) {
        if (t >= 0) used[static_cast<std::size_t>(t)] = true;
      }
    }
    for (int t : graph_.outputs) used[static_cast<std::size_t>(t)] = true;
    for (std::size_t i = 0; i < graph_.tensors.size(); ++i) {
      if (!used[i]) {
        // Move-assigned, not `= {}`: that keeps the capacity (the float16 weights' float32
        // copies, 23-74 MB per model).
        graph_.tensors[i].data = std::vector<float>();
        graph_.tensors[i].ints = std::vector<std::int32_t>();
      }
    }
  }

  const fb::Model& model_;
  ModelGraph graph_;
};

}  // namespace

std::string_view op_type_name(OpType type) {
  switch (type) {
    case OpType::kConv2d: return "CONV_2D";
    case OpType::kDepthwiseConv2d: return "DEPTHWISE_CONV_2D";
    case OpType::kAdd: return "ADD";
    case OpType::kPad: return "PAD";
    case OpType::kReshape: return "RESHAPE";
    case OpType::kResizeBilinear: return "RESIZE_BILINEAR";
    case OpType::kMaxPool2d: return "MAX_POOL_2D";
    case OpType::kLogistic: return "LOGISTIC";
    case OpType::kDepthToSpace: return "DEPTH_TO_SPACE";
    case OpType::kConcatenation: return "CONCATENATION";
  }
  return "?";
}

ActivationRange activation_range(Activation activation) {
  constexpr float kInf = std::numeric_limits<float>::infinity();
  switch (activation) {
    case Activation::kNone: return {-kInf, kInf};
    case Activation::kRelu: return {0.0f, kInf};
    case Activation::kReluN1To1: return {-1.0f, 1.0f};
    case Activation::kRelu6: return {0.0f, 6.0f};
  }
  return {-kInf, kInf};
}

std::size_t GraphTensor::element_count() const {
  std::size_t count = 1;
  for (int d : shape) count *= static_cast<std::size_t>(d);
  return count;
}

Result<ModelGraph> parse_tflite_model(std::span<const std::uint8_t> bytes,
                                      const std::string& source) {
  const std::string hint = "scripts/fetch-models installs the BlazePose models";
  if (bytes.size() < 8 || !fb::ModelBufferHasIdentifier(bytes.data())) {
    return bad_input("not a TensorFlow Lite model (no 'TFL3' identifier at byte 4)", source,
                     "pass a .tflite file; " + hint);
  }
  flatbuffers::Verifier verifier(bytes.data(), bytes.size(), /*max_depth=*/64,
                                 /*max_tables=*/10'000'000);
  if (!fb::VerifyModelBuffer(verifier)) {
    return bad_input("the model file is truncated or corrupt (FlatBuffer verification failed)",
                     source, "download it again; " + hint);
  }
  return Reader(*fb::GetModel(bytes.data()), source).read();
}

Result<ModelGraph> load_tflite_model(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return not_found("model file not found", path.string(),
                     "scripts/fetch-models installs the BlazePose models in "
                     "~/.cache/openpt/models (or $OPENPT_MODEL_DIR)");
  }
  if (std::filesystem::is_directory(path, ec)) {
    return bad_input("is a directory, not a model file", path.string());
  }
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return bad_input("cannot open the model file", path.string(), "check its permissions");
  const auto size = static_cast<std::size_t>(in.tellg());
  std::vector<std::uint8_t> bytes(size);
  in.seekg(0);
  if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size))) {
    return bad_input("cannot read the model file", path.string());
  }
  return parse_tflite_model(bytes, path.string());
}

}  // namespace openpt::vision
