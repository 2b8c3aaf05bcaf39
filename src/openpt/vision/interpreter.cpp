#include "openpt/vision/interpreter.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cstring>
#include <map>

#include "openpt/vision/graph_check.h"
#include "openpt/vision/xnnpack_graph.h"

namespace openpt::vision {

namespace {

constexpr std::size_t kPaddingFloats = XnnpackRuntime::kReadPaddingBytes / sizeof(float);

std::size_t product(std::span<const int> dims) {
  std::size_t p = 1;
  for (int d : dims) p *= static_cast<std::size_t>(d);
  return p;
}

// A CONCATENATION at a model output, done by copying its parts after XNNPACK has run.
struct OutputConcat {
  std::size_t output = 0;               // buffer index
  std::vector<std::size_t> parts;       // buffer indices
  std::vector<std::size_t> part_inner;  // floats per outer index, per part
  std::size_t outer = 1;
  float min = 0;
  float max = 0;
  bool clamp = false;
};

}  // namespace

struct Interpreter::State {
  ModelGraph graph;  // owns the weights XNNPACK reads
  std::shared_ptr<ThreadPool> pool;
  std::vector<TensorInfo> inputs;
  std::vector<TensorInfo> outputs;
  std::vector<std::vector<float>> buffers;  // one per external tensor, padded for XNNPACK
  std::vector<std::size_t> input_buffer;    // buffer index of each model input and output
  std::vector<std::size_t> output_buffer;
  std::vector<OutputConcat> concats;
  std::optional<XnnpackRuntime> runtime;
};

std::size_t TensorInfo::element_count() const {
  return product(shape);
}

namespace {

class Planner {
 public:
  Planner(const ModelGraph& graph, std::vector<std::vector<float>>& buffers,
          std::vector<OutputConcat>& concats)
      : g_(graph), buffers_(buffers), concats_(concats) {}

  std::size_t buffer_for(int tensor) {
    auto [it, added] = index_.try_emplace(tensor, buffers_.size());
    if (added) {
      const std::size_t count = g_.tensors[static_cast<std::size_t>(tensor)].element_count();
      buffers_.emplace_back(count + kPaddingFloats, 0.0f);
    }
    return it->second;
  }

  // Splits the graph: XNNPACK runs everything but the output concatenations.
  Result<std::vector<GraphOp>> plan() {
    const ModelGraph& g = g_;
    std::vector<bool> is_output(g.tensors.size(), false);
    for (int t : g.outputs) is_output[static_cast<std::size_t>(t)] = true;
    std::vector<bool> consumed(g.tensors.size(), false);
    for (const GraphOp& op : g.ops) {
      for (int t : op.inputs) {
        if (t >= 0) consumed[static_cast<std::size_t>(t)] = true;
      }
    }
    std::vector<bool> computed(g.tensors.size(), false);
    std::vector<GraphOp> xnn_ops;
    for (const GraphOp& op : g.ops) {
      if (op.type != OpType::kConcatenation) {
        xnn_ops.push_back(op);
        computed[static_cast<std::size_t>(op.outputs[0])] = true;
        continue;
      }
      const auto out = static_cast<std::size_t>(op.outputs[0]);
      const std::string where =
          fmt::format("{}: operator {} (CONCATENATION)", g.source, op.source_index);
      if (!is_output[out] || consumed[out]) {
        return bad_input("CONCATENATION is supported only where it makes a model output", where);
      }
      for (int part : op.inputs) {
        if (!computed[static_cast<std::size_t>(part)]) {
          return bad_input(fmt::format("part '{}' is not computed by an earlier operator",
                                       g.tensors[static_cast<std::size_t>(part)].name),
                           where);
        }
      }
      add_concat(op);
      computed[out] = true;
    }
    for (int t : g.outputs) {
      if (!computed[static_cast<std::size_t>(t)]) {
        return bad_input(fmt::format("model output '{}' is not computed by any operator",
                                     g.tensors[static_cast<std::size_t>(t)].name),
                         g.source);
      }
    }
    return xnn_ops;
  }

  // Model outputs computed by XNNPACK plus the parts of the output concatenations.
  std::vector<int> xnnpack_outputs() const {
    std::vector<int> out;
    for (int t : g_.outputs) {
      if (!concat_outputs_.contains(t)) out.push_back(t);
    }
    for (int t : concat_parts_) {
      if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    }
    return out;
  }

  const std::map<int, std::size_t>& buffer_index() const { return index_; }

 private:
  void add_concat(const GraphOp& op) {
    const ModelGraph& g = g_;
    const auto& out_shape = g.tensors[static_cast<std::size_t>(op.outputs[0])].shape;
    const int rank = static_cast<int>(out_shape.size());
    const auto axis =
        static_cast<std::size_t>(op.options.axis < 0 ? op.options.axis + rank : op.options.axis);
    OutputConcat c;
    c.output = buffer_for(op.outputs[0]);
    c.outer = product(std::span(out_shape).first(axis));
    for (int part : op.inputs) {
      const auto& shape = g.tensors[static_cast<std::size_t>(part)].shape;
      c.parts.push_back(buffer_for(part));
      c.part_inner.push_back(product(std::span(shape).subspan(axis)));
      concat_parts_.push_back(part);
    }
    if (op.options.activation != Activation::kNone) {
      c.clamp = true;
      const ActivationRange range = activation_range(op.options.activation);
      c.min = range.min;
      c.max = range.max;
    }
    concat_outputs_.insert({op.outputs[0], concats_.size()});
    concats_.push_back(std::move(c));
  }

  const ModelGraph& g_;
  std::vector<std::vector<float>>& buffers_;
  std::vector<OutputConcat>& concats_;
  std::map<int, std::size_t> index_;
  std::map<int, std::size_t> concat_outputs_;
  std::vector<int> concat_parts_;
};

void run_concat(const OutputConcat& c, std::vector<std::vector<float>>& buffers) {
  float* out = buffers[c.output].data();
  for (std::size_t o = 0; o < c.outer; ++o) {
    for (std::size_t p = 0; p < c.parts.size(); ++p) {
      const float* part = buffers[c.parts[p]].data() + o * c.part_inner[p];
      out = std::copy_n(part, c.part_inner[p], out);
    }
  }
  if (c.clamp) {
    float* begin = buffers[c.output].data();
    std::for_each(begin, out, [&](float& v) { v = std::clamp(v, c.min, c.max); });
  }
}

}  // namespace

Result<Interpreter> Interpreter::load(const std::filesystem::path& model_path,
                                      const InterpreterOptions& options) {
  auto graph = load_tflite_model(model_path);
  if (!graph) return tl::unexpected(graph.error());
  return create(std::move(*graph), options);
}

Result<Interpreter> Interpreter::create(ModelGraph graph, const InterpreterOptions& options) {
  if (auto ok = check_graph(graph); !ok) return tl::unexpected(ok.error());
  auto state = std::make_unique<State>();
  state->graph = std::move(graph);
  state->pool = options.pool ? options.pool : std::make_shared<ThreadPool>(options.threads);
  Planner planner(state->graph, state->buffers, state->concats);
  auto xnn_ops = planner.plan();
  if (!xnn_ops) return tl::unexpected(xnn_ops.error());
  const ModelGraph& g = state->graph;
  for (int t : g.inputs) {
    state->input_buffer.push_back(planner.buffer_for(t));
    const GraphTensor& tensor = g.tensors[static_cast<std::size_t>(t)];
    state->inputs.push_back({tensor.name, tensor.shape});
  }
  const std::vector<int> xnn_outputs = planner.xnnpack_outputs();
  for (int t : xnn_outputs) planner.buffer_for(t);
  for (int t : g.outputs) {
    state->output_buffer.push_back(planner.buffer_for(t));
    const GraphTensor& tensor = g.tensors[static_cast<std::size_t>(t)];
    state->outputs.push_back({tensor.name, tensor.shape});
  }
  auto runtime = XnnpackRuntime::create(g, *xnn_ops, g.inputs, xnn_outputs, *state->pool);
  if (!runtime) return tl::unexpected(runtime.error());
  std::vector<std::pair<int, float*>> bindings;
  for (const auto& [tensor, buffer] : planner.buffer_index()) {
    const bool external =
        std::find(g.inputs.begin(), g.inputs.end(), tensor) != g.inputs.end() ||
        std::find(xnn_outputs.begin(), xnn_outputs.end(), tensor) != xnn_outputs.end();
    if (external) bindings.emplace_back(tensor, state->buffers[buffer].data());
  }
  if (auto ok = runtime->bind(bindings); !ok) return tl::unexpected(ok.error());
  state->runtime = std::move(*runtime);
  return Interpreter(std::move(state));
}

Interpreter::Interpreter(std::unique_ptr<State> state) : state_(std::move(state)) {}
Interpreter::~Interpreter() = default;
Interpreter::Interpreter(Interpreter&&) noexcept = default;
Interpreter& Interpreter::operator=(Interpreter&&) noexcept = default;

std::size_t Interpreter::input_count() const {
  return state_->inputs.size();
}
std::size_t Interpreter::output_count() const {
  return state_->outputs.size();
}

const TensorInfo& Interpreter::input_info(std::size_t i) const {
  assert(i < state_->inputs.size());
  return state_->inputs[i];
}

const TensorInfo& Interpreter::output_info(std::size_t i) const {
  assert(i < state_->outputs.size());
  return state_->outputs[i];
}

std::optional<std::size_t> Interpreter::find_output(std::string_view name) const {
  for (std::size_t i = 0; i < state_->outputs.size(); ++i) {
    if (state_->outputs[i].name == name) return i;
  }
  return std::nullopt;
}

int Interpreter::threads() const {
  return state_->pool->threads();
}

std::span<float> Interpreter::input(std::size_t i) {
  assert(i < state_->inputs.size());
  return {state_->buffers[state_->input_buffer[i]].data(), state_->inputs[i].element_count()};
}

std::span<const float> Interpreter::output(std::size_t i) const {
  assert(i < state_->outputs.size());
  return {state_->buffers[state_->output_buffer[i]].data(), state_->outputs[i].element_count()};
}

Result<void> Interpreter::invoke() {
  if (auto ok = state_->runtime->invoke(); !ok) return ok;
  for (const OutputConcat& c : state_->concats) run_concat(c, state_->buffers);
  return {};
}

}  // namespace openpt::vision
