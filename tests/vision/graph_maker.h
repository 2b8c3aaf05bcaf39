// Builds ModelGraphs by hand for the vision tests: inputs, constants with values, operators
// whose output tensors take the shape given, model outputs.
//
//   GraphMaker m;
//   int x = m.input({1, 4, 4, 2});
//   int w = m.constant({3, 1, 1, 2}, weights);
//   int y = m.op(OpType::kConv2d, {x, w, -1}, {1, 4, 4, 3});
//   m.output(y);
//   auto interpreter = Interpreter::create(m.graph);
#pragma once

#include <random>
#include <string>
#include <vector>

#include "openpt/vision/tflite_model.h"

namespace openpt::vision::testing {

struct GraphMaker {
  ModelGraph graph;

  GraphMaker() { graph.source = "test graph"; }

  int tensor(std::vector<int> shape) {
    GraphTensor t;
    t.name = "t" + std::to_string(graph.tensors.size());
    t.shape = std::move(shape);
    graph.tensors.push_back(std::move(t));
    return static_cast<int>(graph.tensors.size()) - 1;
  }
  int input(std::vector<int> shape) {
    const int t = tensor(std::move(shape));
    graph.inputs.push_back(t);
    return t;
  }
  int constant(std::vector<int> shape, std::vector<float> values) {
    const int t = tensor(std::move(shape));
    graph.tensors.back().data = std::move(values);
    return t;
  }
  int ints(std::vector<int> shape, std::vector<std::int32_t> values) {
    const int t = tensor(std::move(shape));
    graph.tensors.back().type = ElementType::kInt32;
    graph.tensors.back().type_name = "INT32";
    graph.tensors.back().ints = std::move(values);
    return t;
  }
  int op(OpType type, std::vector<int> inputs, std::vector<int> out_shape, OpOptions options = {}) {
    const int out = tensor(std::move(out_shape));
    graph.ops.push_back(
        {type, std::move(inputs), {out}, options, static_cast<int>(graph.ops.size())});
    return out;
  }
  void output(int t) { graph.outputs.push_back(t); }
};

inline std::vector<float> random_values(std::size_t count, unsigned seed, float low = -1.0f,
                                        float high = 1.0f) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> dist(low, high);
  std::vector<float> v(count);
  for (float& x : v) x = dist(rng);
  return v;
}

}  // namespace openpt::vision::testing
