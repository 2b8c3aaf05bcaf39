#include "openpt/vision/graph_check.h"

#include <gtest/gtest.h>

#include "graph_maker.h"

namespace openpt::vision {
namespace {

using testing::GraphMaker;
using testing::random_values;

void expect_error(const ModelGraph& g, const std::string& fragment) {
  auto r = check_graph(g);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kBadInput);
  EXPECT_NE(r.error().to_string().find(fragment), std::string::npos) << r.error().to_string();
}

OpOptions strided(int stride, Padding padding) {
  OpOptions o;
  o.stride_h = o.stride_w = stride;
  o.padding = padding;
  return o;
}

TEST(GraphCheck, WindowShapesFollowTensorFlowRules) {
  GraphMaker m;
  const int x = m.input({1, 7, 8, 3});
  const int w = m.constant({5, 3, 3, 3}, random_values(135, 1));
  m.op(OpType::kConv2d, {x, w, -1}, {1, 4, 4, 5}, strided(2, Padding::kSame));
  m.op(OpType::kConv2d, {x, w, -1}, {1, 3, 3, 5}, strided(2, Padding::kValid));
  OpOptions dilated = strided(1, Padding::kValid);
  dilated.dilation_h = dilated.dilation_w = 2;
  m.op(OpType::kConv2d, {x, w, -1}, {1, 3, 4, 5}, dilated);
  ModelGraph g = m.graph;
  for (const GraphOp& op : g.ops) {
    auto shape = infer_output_shape(g, op);
    ASSERT_TRUE(shape) << shape.error().to_string();
    EXPECT_EQ(*shape, g.tensors[static_cast<std::size_t>(op.outputs[0])].shape);
  }
  m.output(g.ops.back().outputs[0]);
  EXPECT_TRUE(check_graph(m.graph));
}

TEST(GraphCheck, DeclaredShapeMustMatchTheInputs) {
  GraphMaker m;
  const int x = m.input({1, 8, 8, 3});
  const int w = m.constant({5, 3, 3, 3}, random_values(135, 1));
  m.output(m.op(OpType::kConv2d, {x, w, -1}, {1, 8, 8, 6}, strided(1, Padding::kSame)));
  expect_error(m.graph,
               "test graph: operator 0 (CONV_2D): output 't2' has shape [1, 8, 8, 6], the inputs "
               "give [1, 8, 8, 5]");
}

TEST(GraphCheck, FilterMustBeConstantAndFitTheInput) {
  GraphMaker m;
  const int x = m.input({1, 8, 8, 3});
  const int w = m.input({5, 3, 3, 3});
  m.output(m.op(OpType::kConv2d, {x, w, -1}, {1, 8, 8, 5}, strided(1, Padding::kSame)));
  expect_error(m.graph, "the filter 't1' is not constant");

  GraphMaker n;
  const int y = n.input({1, 8, 8, 4});
  const int v = n.constant({5, 3, 3, 3}, random_values(135, 1));
  n.output(n.op(OpType::kConv2d, {y, v, -1}, {1, 8, 8, 5}, strided(1, Padding::kSame)));
  expect_error(n.graph, "expects 3 input channels, the data has 4");
}

TEST(GraphCheck, BiasMustMatchOutputChannels) {
  GraphMaker m;
  const int x = m.input({1, 4, 4, 2});
  const int w = m.constant({3, 1, 1, 2}, random_values(6, 1));
  const int b = m.constant({2}, {0, 0});
  m.output(m.op(OpType::kConv2d, {x, w, b}, {1, 4, 4, 3}));
  expect_error(m.graph, "the bias has 2 values for 3 output channels");
}

TEST(GraphCheck, TensorsMustBeComputedBeforeUse) {
  GraphMaker m;
  const int x = m.input({1, 4});
  const int later = m.tensor({1, 4});
  m.output(m.op(OpType::kAdd, {x, later}, {1, 4}));
  expect_error(m.graph, "input 't1' is read before any operator computes it");

  GraphMaker n;
  n.input({1, 4});
  n.output(n.tensor({1, 4}));
  expect_error(n.graph, "model output 't1' is never computed");
}

TEST(GraphCheck, OperatorSpecificRules) {
  {
    GraphMaker m;
    const int x = m.input({1, 4, 4, 3});
    const int y = m.input({1, 4, 2, 3});
    m.output(m.op(OpType::kAdd, {x, y}, {1, 4, 4, 3}));
    expect_error(m.graph, "shapes [1, 4, 4, 3] and [1, 4, 2, 3] do not broadcast");
  }
  {
    GraphMaker m;
    const int x = m.input({1, 4, 4, 3});
    const int p = m.ints({4, 2}, {0, 0, -1, 0, 0, 0, 0, 0});
    m.output(m.op(OpType::kPad, {x, p}, {1, 3, 4, 3}));
    expect_error(m.graph, "negative paddings are not supported");
  }
  {
    GraphMaker m;
    const int x = m.input({1, 4, 4, 6});
    OpOptions o;
    o.block_size = 2;
    m.output(m.op(OpType::kDepthToSpace, {x}, {1, 8, 8, 1}, o));
    expect_error(m.graph, "block size 2 does not divide 6 channels");
  }
  {
    GraphMaker m;
    const int x = m.input({1, 4, 2});
    const int y = m.input({1, 3, 3});
    OpOptions o;
    o.axis = 1;
    m.output(m.op(OpType::kConcatenation, {x, y}, {1, 7, 2}, o));
    expect_error(m.graph, "input 't1' has shape [1, 3, 3], unlike the first input [1, 4, 2]");
  }
  {
    GraphMaker m;
    const int x = m.input({1, 4, 4, 3});
    m.output(m.op(OpType::kReshape, {x}, {1, 47}));
    expect_error(m.graph, "cannot reshape [1, 4, 4, 3] to [1, 47]");
  }
  {
    GraphMaker m;
    const int x = m.input({1, 2, 2, 1});
    OpOptions o = strided(1, Padding::kValid);
    o.filter_h = o.filter_w = 3;
    m.output(m.op(OpType::kMaxPool2d, {x}, {1, 1, 1, 1}, o));
    expect_error(m.graph, "a 3-wide window does not fit in 2 values");
  }
}

}  // namespace
}  // namespace openpt::vision
