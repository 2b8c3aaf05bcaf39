#include "openpt/vision/xnnpack_graph.h"

#include <fmt/format.h>
#include <xnnpack.h>

#include <memory>
#include <string>

namespace openpt::vision {

static_assert(XnnpackRuntime::kReadPaddingBytes == XNN_EXTRA_BYTES);

namespace {

const char* status_name(xnn_status status) {
  switch (status) {
    case xnn_status_success: return "success";
    case xnn_status_uninitialized: return "uninitialized";
    case xnn_status_invalid_parameter: return "invalid parameter";
    case xnn_status_invalid_state: return "invalid state";
    case xnn_status_unsupported_parameter: return "unsupported parameter";
    case xnn_status_unsupported_hardware: return "unsupported hardware";
    case xnn_status_out_of_memory: return "out of memory";
  }
  return "unknown status";
}

Result<void> initialize_xnnpack() {
  static const xnn_status status = xnn_initialize(nullptr);
  if (status != xnn_status_success) {
    return internal_error(fmt::format("XNNPACK could not start ({})", status_name(status)));
  }
  return {};
}

struct SubgraphDeleter {
  void operator()(xnn_subgraph* s) const { xnn_delete_subgraph(s); }
};
using Subgraph = std::unique_ptr<xnn_subgraph, SubgraphDeleter>;

// The tensors of `op` that are XNNPACK values (int32 parameters such as pad amounts are not).
std::vector<int> value_tensors(const GraphOp& op) {
  std::vector<int> out;
  switch (op.type) {
    case OpType::kConv2d:
    case OpType::kDepthwiseConv2d:
    case OpType::kAdd:
    case OpType::kConcatenation:
      for (int t : op.inputs) {
        if (t >= 0) out.push_back(t);
      }
      break;
    default: out.push_back(op.inputs[0]); break;
  }
  out.push_back(op.outputs[0]);
  return out;
}

class Builder {
 public:
  Builder(const ModelGraph& graph, xnn_subgraph* subgraph) : g_(graph), sg_(subgraph) {}

  Result<void> define_values(std::span<const GraphOp> ops, std::span<const int> inputs,
                             std::span<const int> outputs) {
    std::vector<std::uint32_t> flags(g_.tensors.size(), 0);
    for (int t : inputs) flags[static_cast<std::size_t>(t)] |= XNN_VALUE_FLAG_EXTERNAL_INPUT;
    for (int t : outputs) flags[static_cast<std::size_t>(t)] |= XNN_VALUE_FLAG_EXTERNAL_OUTPUT;
    std::vector<bool> defined(g_.tensors.size(), false);
    for (const GraphOp& op : ops) {
      for (int t : value_tensors(op)) {
        const auto index = static_cast<std::size_t>(t);
        if (defined[index]) continue;
        defined[index] = true;
        const GraphTensor& tensor = g_.tensors[index];
        std::vector<std::size_t> dims(tensor.shape.begin(), tensor.shape.end());
        std::uint32_t id = 0;
        const auto status =
            xnn_define_tensor_value(sg_, xnn_datatype_fp32, dims.size(), dims.data(),
                                    tensor.data.empty() ? nullptr : tensor.data.data(),
                                    static_cast<std::uint32_t>(t), flags[index], &id);
        if (status != xnn_status_success) {
          return bad_input(
              fmt::format("XNNPACK rejected tensor '{}' ({})", tensor.name, status_name(status)),
              g_.source);
        }
      }
    }
    return {};
  }

  Result<void> define(const GraphOp& op) {
    const xnn_status status = define_node(op);
    if (status != xnn_status_success) {
      return bad_input(
          fmt::format("XNNPACK rejected the operator ({})", status_name(status)),
          fmt::format("{}: operator {} ({})", g_.source, op.source_index, op_type_name(op.type)));
    }
    return {};
  }

 private:
  const GraphTensor& tensor(int index) const { return g_.tensors[static_cast<std::size_t>(index)]; }

  static std::uint32_t id(int index) {
    return index < 0 ? XNN_INVALID_VALUE_ID : static_cast<std::uint32_t>(index);
  }

  static std::uint32_t same_padding_flag(const OpOptions& o) {
    return o.padding == Padding::kSame ? XNN_FLAG_TENSORFLOW_SAME_PADDING : 0;
  }

  xnn_status define_node(const GraphOp& op) const {
    const OpOptions& o = op.options;
    const ActivationRange r = activation_range(o.activation);
    const std::uint32_t in = id(op.inputs[0]);
    const std::uint32_t out = id(op.outputs[0]);
    const int bias = op.inputs.size() > 2 ? op.inputs[2] : -1;
    const auto u = [](int v) { return static_cast<std::uint32_t>(v); };
    switch (op.type) {
      case OpType::kConv2d: {
        const auto& f = tensor(op.inputs[1]).shape;  // [out, kh, kw, in]
        return xnn_define_convolution_2d(
            sg_, 0, 0, 0, 0, u(f[1]), u(f[2]), u(o.stride_h), u(o.stride_w), u(o.dilation_h),
            u(o.dilation_w), 1, static_cast<std::size_t>(f[3]), static_cast<std::size_t>(f[0]),
            r.min, r.max, in, id(op.inputs[1]), id(bias), out, same_padding_flag(o));
      }
      case OpType::kDepthwiseConv2d: {
        const auto& f = tensor(op.inputs[1]).shape;  // [1, kh, kw, channels * multiplier]
        const int channels = tensor(op.inputs[0]).shape[3];
        return xnn_define_depthwise_convolution_2d(
            sg_, 0, 0, 0, 0, u(f[1]), u(f[2]), u(o.stride_h), u(o.stride_w), u(o.dilation_h),
            u(o.dilation_w), u(f[3] / channels), static_cast<std::size_t>(channels), r.min, r.max,
            in, id(op.inputs[1]), id(bias), out, same_padding_flag(o));
      }
      case OpType::kMaxPool2d:
        return xnn_define_max_pooling_2d(sg_, 0, 0, 0, 0, u(o.filter_h), u(o.filter_w),
                                         u(o.stride_h), u(o.stride_w), 1, 1, r.min, r.max, in, out,
                                         same_padding_flag(o));
      case OpType::kAdd: return xnn_define_add2(sg_, r.min, r.max, in, id(op.inputs[1]), out, 0);
      case OpType::kPad: {
        const auto& pads = tensor(op.inputs[1]).ints;
        std::vector<std::size_t> before, after;
        for (std::size_t d = 0; d + 1 < pads.size(); d += 2) {
          before.push_back(static_cast<std::size_t>(pads[d]));
          after.push_back(static_cast<std::size_t>(pads[d + 1]));
        }
        return xnn_define_static_constant_pad(sg_, before.data(), after.data(), 0.0f, in, out, 0);
      }
      case OpType::kReshape: {
        const auto& s = tensor(op.outputs[0]).shape;
        std::vector<std::size_t> shape(s.begin(), s.end());
        return xnn_define_static_reshape(sg_, shape.size(), shape.data(), in, out, 0);
      }
      case OpType::kResizeBilinear: {
        const auto& s = tensor(op.outputs[0]).shape;
        std::uint32_t flags = 0;
        if (o.align_corners) {
          flags = XNN_FLAG_ALIGN_CORNERS;
        } else if (!o.half_pixel_centers) {
          flags = XNN_FLAG_TENSORFLOW_LEGACY_MODE;
        }
        return xnn_define_static_resize_bilinear_2d(sg_, static_cast<std::size_t>(s[1]),
                                                    static_cast<std::size_t>(s[2]), in, out, flags);
      }
      case OpType::kLogistic: return xnn_define_sigmoid(sg_, in, out, 0);
      case OpType::kDepthToSpace:
        return xnn_define_depth_to_space(sg_, in, out, u(o.block_size), 0);
      case OpType::kConcatenation: return xnn_status_unsupported_parameter;  // see interpreter
    }
    return xnn_status_unsupported_parameter;
  }

  const ModelGraph& g_;
  xnn_subgraph* sg_;
};

}  // namespace

Result<XnnpackRuntime> XnnpackRuntime::create(const ModelGraph& graph, std::span<const GraphOp> ops,
                                              std::span<const int> inputs,
                                              std::span<const int> outputs,
                                              const ThreadPool& pool) {
  if (auto ok = initialize_xnnpack(); !ok) return tl::unexpected(ok.error());
  xnn_subgraph* raw = nullptr;
  auto status = xnn_create_subgraph(static_cast<std::uint32_t>(graph.tensors.size()), 0, &raw);
  if (status != xnn_status_success) {
    return internal_error(fmt::format("XNNPACK could not create a graph ({})", status_name(status)),
                          graph.source);
  }
  Subgraph subgraph(raw);
  Builder builder(graph, subgraph.get());
  if (auto ok = builder.define_values(ops, inputs, outputs); !ok) {
    return tl::unexpected(ok.error());
  }
  for (const GraphOp& op : ops) {
    if (auto ok = builder.define(op); !ok) return tl::unexpected(ok.error());
  }
  xnn_runtime* runtime = nullptr;
  status = xnn_create_runtime_v2(subgraph.get(), pool.handle(), 0, &runtime);
  if (status != xnn_status_success) {
    return bad_input(fmt::format("XNNPACK could not compile the model ({})", status_name(status)),
                     graph.source);
  }
  return XnnpackRuntime(runtime);
}

XnnpackRuntime::~XnnpackRuntime() {
  if (runtime_ != nullptr) xnn_delete_runtime(runtime_);
}

XnnpackRuntime::XnnpackRuntime(XnnpackRuntime&& other) noexcept
    : runtime_(std::exchange(other.runtime_, nullptr)) {}

XnnpackRuntime& XnnpackRuntime::operator=(XnnpackRuntime&& other) noexcept {
  if (this != &other) {
    if (runtime_ != nullptr) xnn_delete_runtime(runtime_);
    runtime_ = std::exchange(other.runtime_, nullptr);
  }
  return *this;
}

Result<void> XnnpackRuntime::bind(std::span<const std::pair<int, float*>> buffers) {
  std::vector<xnn_external_value> values;
  values.reserve(buffers.size());
  for (const auto& [tensor, data] : buffers) {
    values.push_back(xnn_external_value{static_cast<std::uint32_t>(tensor), data});
  }
  const auto status = xnn_setup_runtime(runtime_, values.size(), values.data());
  if (status != xnn_status_success) {
    return internal_error(
        fmt::format("XNNPACK could not bind the model's buffers ({})", status_name(status)));
  }
  return {};
}

Result<void> XnnpackRuntime::invoke() {
  const auto status = xnn_invoke_runtime(runtime_);
  if (status != xnn_status_success) {
    return internal_error(fmt::format("XNNPACK failed to run the model ({})", status_name(status)));
  }
  return {};
}

}  // namespace openpt::vision
