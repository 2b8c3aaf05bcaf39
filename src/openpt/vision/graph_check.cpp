#include "openpt/vision/graph_check.h"

#include <fmt/format.h>

#include <cstddef>
#include <string>

namespace openpt::vision {

namespace {

using Shape = std::vector<int>;

std::string shape_text(const Shape& s) {
  return fmt::format("[{}]", fmt::join(s, ", "));
}

// The tensor feeding input `i`, or an error when the operator has no such input.
Result<const GraphTensor*> input(const ModelGraph& g, const GraphOp& op, std::size_t i,
                                 const char* role) {
  if (i >= op.inputs.size() || op.inputs[i] < 0) {
    return bad_input(fmt::format("the {} input is missing", role));
  }
  return &g.tensors[static_cast<std::size_t>(op.inputs[i])];
}

Result<const GraphTensor*> float_input(const ModelGraph& g, const GraphOp& op, std::size_t i,
                                       const char* role, std::size_t rank) {
  auto t = input(g, op, i, role);
  if (!t) return t;
  if ((*t)->type != ElementType::kFloat32) {
    return bad_input(
        fmt::format("the {} input '{}' is {}, not FLOAT32", role, (*t)->name, (*t)->type_name));
  }
  if (rank != 0 && (*t)->shape.size() != rank) {
    return bad_input(fmt::format("the {} input '{}' has shape {}, expected {} dimensions", role,
                                 (*t)->name, shape_text((*t)->shape), rank));
  }
  return t;
}

Result<const GraphTensor*> weights(const ModelGraph& g, const GraphOp& op, std::size_t i,
                                   const char* role, std::size_t rank) {
  auto t = float_input(g, op, i, role, rank);
  if (t && (*t)->data.empty()) {
    return bad_input(fmt::format("the {} '{}' is not constant", role, (*t)->name));
  }
  return t;
}

// Output size of a window sliding over `in` values (TensorFlow's SAME and VALID rules).
Result<int> window_output(int in, int kernel, int stride, int dilation, Padding padding) {
  if (kernel < 1 || stride < 1 || dilation < 1) {
    return bad_input(fmt::format("kernel {}, stride {} and dilation {} must be positive", kernel,
                                 stride, dilation));
  }
  if (padding == Padding::kSame) return (in + stride - 1) / stride;
  const int effective = (kernel - 1) * dilation + 1;
  if (in < effective) {
    return bad_input(fmt::format("a {}-wide window does not fit in {} values", effective, in));
  }
  return (in - effective) / stride + 1;
}

Result<Shape> windowed(const Shape& in, int kernel_h, int kernel_w, int channels,
                       const OpOptions& o) {
  auto h = window_output(in[1], kernel_h, o.stride_h, o.dilation_h, o.padding);
  if (!h) return tl::unexpected(h.error());
  auto w = window_output(in[2], kernel_w, o.stride_w, o.dilation_w, o.padding);
  if (!w) return tl::unexpected(w.error());
  return Shape{in[0], *h, *w, channels};
}

Result<void> check_bias(const ModelGraph& g, const GraphOp& op, int channels) {
  if (op.inputs.size() < 3 || op.inputs[2] < 0) return {};
  auto bias = weights(g, op, 2, "bias", 1);
  if (!bias) return tl::unexpected(bias.error());
  if ((*bias)->shape[0] != channels) {
    return bad_input(
        fmt::format("the bias has {} values for {} output channels", (*bias)->shape[0], channels));
  }
  return {};
}

Result<Shape> conv_shape(const ModelGraph& g, const GraphOp& op) {
  auto in = float_input(g, op, 0, "data", 4);
  if (!in) return tl::unexpected(in.error());
  auto filter = weights(g, op, 1, "filter", 4);
  if (!filter) return tl::unexpected(filter.error());
  const Shape& f = (*filter)->shape;  // [out, kh, kw, in]
  if (f[3] != (*in)->shape[3]) {
    return bad_input(fmt::format("the filter {} expects {} input channels, the data has {}",
                                 shape_text(f), f[3], (*in)->shape[3]));
  }
  if (auto ok = check_bias(g, op, f[0]); !ok) return tl::unexpected(ok.error());
  return windowed((*in)->shape, f[1], f[2], f[0], op.options);
}

Result<Shape> depthwise_shape(const ModelGraph& g, const GraphOp& op) {
  auto in = float_input(g, op, 0, "data", 4);
  if (!in) return tl::unexpected(in.error());
  auto filter = weights(g, op, 1, "filter", 4);
  if (!filter) return tl::unexpected(filter.error());
  const Shape& f = (*filter)->shape;  // [1, kh, kw, in * multiplier]
  const int channels = (*in)->shape[3];
  if (f[0] != 1 || channels <= 0 || f[3] % channels != 0) {
    return bad_input(fmt::format("the depthwise filter {} does not fit {} input channels",
                                 shape_text(f), channels));
  }
  if (auto ok = check_bias(g, op, f[3]); !ok) return tl::unexpected(ok.error());
  return windowed((*in)->shape, f[1], f[2], f[3], op.options);
}

Result<Shape> pool_shape(const ModelGraph& g, const GraphOp& op) {
  auto in = float_input(g, op, 0, "data", 4);
  if (!in) return tl::unexpected(in.error());
  OpOptions o = op.options;
  o.dilation_h = o.dilation_w = 1;
  return windowed((*in)->shape, o.filter_h, o.filter_w, (*in)->shape[3], o);
}

// NumPy broadcasting of two shapes.
Result<Shape> add_shape(const ModelGraph& g, const GraphOp& op) {
  auto a = float_input(g, op, 0, "first", 0);
  if (!a) return tl::unexpected(a.error());
  auto b = float_input(g, op, 1, "second", 0);
  if (!b) return tl::unexpected(b.error());
  const Shape& x = (*a)->shape;
  const Shape& y = (*b)->shape;
  Shape out(std::max(x.size(), y.size()), 1);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int dx = i < out.size() - x.size() ? 1 : x[i - (out.size() - x.size())];
    const int dy = i < out.size() - y.size() ? 1 : y[i - (out.size() - y.size())];
    if (dx != dy && dx != 1 && dy != 1) {
      return bad_input(
          fmt::format("shapes {} and {} do not broadcast", shape_text(x), shape_text(y)));
    }
    out[i] = dx == 1 ? dy : dx;
  }
  return out;
}

Result<Shape> pad_shape(const ModelGraph& g, const GraphOp& op) {
  auto in = float_input(g, op, 0, "data", 0);
  if (!in) return tl::unexpected(in.error());
  auto pads = input(g, op, 1, "paddings");
  if (!pads) return tl::unexpected(pads.error());
  const Shape& s = (*in)->shape;
  if ((*pads)->ints.size() != 2 * s.size()) {
    return bad_input(fmt::format("the paddings must be {} constant INT32 values", 2 * s.size()));
  }
  Shape out = s;
  for (std::size_t d = 0; d < s.size(); ++d) {
    const int before = (*pads)->ints[2 * d];
    const int after = (*pads)->ints[2 * d + 1];
    if (before < 0 || after < 0) return bad_input("negative paddings are not supported");
    out[d] += before + after;
  }
  return out;
}

Result<Shape> reshape_shape(const ModelGraph& g, const GraphOp& op, const Shape& declared) {
  auto in = float_input(g, op, 0, "data", 0);
  if (!in) return tl::unexpected(in.error());
  std::size_t count = 1;
  for (int d : declared) count *= static_cast<std::size_t>(d);
  if (count != (*in)->element_count()) {
    return bad_input(
        fmt::format("cannot reshape {} to {}", shape_text((*in)->shape), shape_text(declared)));
  }
  return declared;
}

Result<Shape> resize_shape(const ModelGraph& g, const GraphOp& op, const Shape& declared) {
  auto in = float_input(g, op, 0, "data", 4);
  if (!in) return tl::unexpected(in.error());
  if (declared.size() != 4) return bad_input("the output must have 4 dimensions");
  if (op.inputs.size() > 1 && op.inputs[1] >= 0) {
    const auto& size = g.tensors[static_cast<std::size_t>(op.inputs[1])].ints;
    if (size.size() != 2 || size[0] != declared[1] || size[1] != declared[2]) {
      return bad_input("the size input does not match the output's height and width");
    }
  }
  if (op.options.align_corners && op.options.half_pixel_centers) {
    return bad_input("align_corners and half_pixel_centers cannot both be set");
  }
  const Shape& s = (*in)->shape;
  return Shape{s[0], declared[1], declared[2], s[3]};
}

Result<Shape> depth_to_space_shape(const ModelGraph& g, const GraphOp& op) {
  auto in = float_input(g, op, 0, "data", 4);
  if (!in) return tl::unexpected(in.error());
  const Shape& s = (*in)->shape;
  const int b = op.options.block_size;
  if (b < 2 || s[3] % (b * b) != 0) {
    return bad_input(fmt::format("block size {} does not divide {} channels", b, s[3]));
  }
  return Shape{s[0], s[1] * b, s[2] * b, s[3] / (b * b)};
}

Result<Shape> concatenation_shape(const ModelGraph& g, const GraphOp& op) {
  auto first = float_input(g, op, 0, "first", 0);
  if (!first) return tl::unexpected(first.error());
  Shape out = (*first)->shape;
  const int rank = static_cast<int>(out.size());
  const int axis = op.options.axis < 0 ? op.options.axis + rank : op.options.axis;
  if (axis < 0 || axis >= rank) {
    return bad_input(fmt::format("axis {} is outside {} dimensions", op.options.axis, rank));
  }
  out[static_cast<std::size_t>(axis)] = 0;
  for (std::size_t i = 0; i < op.inputs.size(); ++i) {
    auto t = float_input(g, op, i, "concatenated", out.size());
    if (!t) return tl::unexpected(t.error());
    for (int d = 0; d < rank; ++d) {
      const int size = (*t)->shape[static_cast<std::size_t>(d)];
      if (d == axis) {
        out[static_cast<std::size_t>(d)] += size;
      } else if (size != out[static_cast<std::size_t>(d)]) {
        return bad_input(fmt::format("input '{}' has shape {}, unlike the first input {}",
                                     (*t)->name, shape_text((*t)->shape),
                                     shape_text((*first)->shape)));
      }
    }
  }
  return out;
}

std::string op_where(const ModelGraph& g, const GraphOp& op) {
  return fmt::format("{}: operator {} ({})", g.source, op.source_index, op_type_name(op.type));
}

}  // namespace

Result<std::vector<int>> infer_output_shape(const ModelGraph& g, const GraphOp& op) {
  const Shape declared =
      op.outputs.empty() ? Shape{} : g.tensors[static_cast<std::size_t>(op.outputs[0])].shape;
  switch (op.type) {
    case OpType::kConv2d: return conv_shape(g, op);
    case OpType::kDepthwiseConv2d: return depthwise_shape(g, op);
    case OpType::kMaxPool2d: return pool_shape(g, op);
    case OpType::kAdd: return add_shape(g, op);
    case OpType::kPad: return pad_shape(g, op);
    case OpType::kReshape: return reshape_shape(g, op, declared);
    case OpType::kResizeBilinear: return resize_shape(g, op, declared);
    case OpType::kDepthToSpace: return depth_to_space_shape(g, op);
    case OpType::kConcatenation: return concatenation_shape(g, op);
    case OpType::kLogistic: {
      auto in = float_input(g, op, 0, "data", 0);
      if (!in) return tl::unexpected(in.error());
      return (*in)->shape;
    }
  }
  return bad_input("unknown operator");
}

Result<void> check_graph(const ModelGraph& g) {
  std::vector<bool> ready(g.tensors.size(), false);
  for (std::size_t i = 0; i < g.tensors.size(); ++i) ready[i] = g.tensors[i].is_constant();
  for (int t : g.inputs) {
    const GraphTensor& tensor = g.tensors[static_cast<std::size_t>(t)];
    if (tensor.type != ElementType::kFloat32 || tensor.is_constant()) {
      return bad_input(fmt::format("model input '{}' must be a FLOAT32 tensor, not {}", tensor.name,
                                   tensor.type_name),
                       g.source);
    }
    ready[static_cast<std::size_t>(t)] = true;
  }
  for (const GraphOp& op : g.ops) {
    const std::string where = op_where(g, op);
    if (op.outputs.size() != 1) return bad_input("expected exactly one output", where);
    for (int t : op.inputs) {
      if (t >= 0 && !ready[static_cast<std::size_t>(t)]) {
        return bad_input(fmt::format("input '{}' is read before any operator computes it",
                                     g.tensors[static_cast<std::size_t>(t)].name),
                         where);
      }
    }
    auto shape = infer_output_shape(g, op);
    if (!shape) return tl::unexpected(Error{shape.error().kind, shape.error().message, where, {}});
    const GraphTensor& out = g.tensors[static_cast<std::size_t>(op.outputs[0])];
    if (out.type != ElementType::kFloat32 || out.is_constant()) {
      return bad_input(fmt::format("output '{}' must be a computed FLOAT32 tensor", out.name),
                       where);
    }
    if (*shape != out.shape) {
      return bad_input(fmt::format("output '{}' has shape {}, the inputs give {}", out.name,
                                   shape_text(out.shape), shape_text(*shape)),
                       where);
    }
    ready[static_cast<std::size_t>(op.outputs[0])] = true;
  }
  for (int t : g.outputs) {
    if (!ready[static_cast<std::size_t>(t)]) {
      return bad_input(fmt::format("model output '{}' is never computed",
                                   g.tensors[static_cast<std::size_t>(t)].name),
                       g.source);
    }
  }
  return {};
}

}  // namespace openpt::vision
