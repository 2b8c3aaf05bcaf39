// The interpreter (XNNPACK) against naive reference implementations of every operator,
// written here from TensorFlow's definitions, on random data with fixed seeds.
#include "openpt/vision/interpreter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "graph_maker.h"
#include "tflite_builder.h"

namespace openpt::vision {
namespace {

using testing::GraphMaker;
using testing::random_values;
using Shape = std::vector<int>;

// ---- naive references (NHWC) ----

std::size_t at(const Shape& s, int n, int h, int w, int c) {
  return ((static_cast<std::size_t>(n) * static_cast<std::size_t>(s[1]) +
           static_cast<std::size_t>(h)) *
              static_cast<std::size_t>(s[2]) +
          static_cast<std::size_t>(w)) *
             static_cast<std::size_t>(s[3]) +
         static_cast<std::size_t>(c);
}

float activate(float v, Activation a) {
  switch (a) {
    case Activation::kNone: return v;
    case Activation::kRelu: return std::max(v, 0.0f);
    case Activation::kReluN1To1: return std::clamp(v, -1.0f, 1.0f);
    case Activation::kRelu6: return std::clamp(v, 0.0f, 6.0f);
  }
  return v;
}

// Output size and leading padding of a window (TensorFlow SAME / VALID).
std::pair<int, int> window(int in, int k, int stride, int dilation, Padding p) {
  const int effective = (k - 1) * dilation + 1;
  if (p == Padding::kValid) return {(in - effective) / stride + 1, 0};
  const int out = (in + stride - 1) / stride;
  const int total = std::max((out - 1) * stride + effective - in, 0);
  return {out, total / 2};
}

// Convolution; depthwise when `depthwise` (filter [1, kh, kw, c * m]).
std::vector<float> conv_ref(const std::vector<float>& in, const Shape& is,
                            const std::vector<float>& f, const Shape& fs,
                            const std::vector<float>& bias, const OpOptions& o, bool depthwise) {
  const auto [oh, pad_top] = window(is[1], fs[1], o.stride_h, o.dilation_h, o.padding);
  const auto [ow, pad_left] = window(is[2], fs[2], o.stride_w, o.dilation_w, o.padding);
  const int oc_count = depthwise ? fs[3] : fs[0];
  const int multiplier = depthwise ? fs[3] / is[3] : 1;
  const Shape os{is[0], oh, ow, oc_count};
  std::vector<float> out(static_cast<std::size_t>(is[0] * oh * ow * oc_count));
  for (int n = 0; n < is[0]; ++n)
    for (int y = 0; y < oh; ++y)
      for (int x = 0; x < ow; ++x)
        for (int oc = 0; oc < oc_count; ++oc) {
          double sum = bias.empty() ? 0.0 : bias[static_cast<std::size_t>(oc)];
          for (int ky = 0; ky < fs[1]; ++ky)
            for (int kx = 0; kx < fs[2]; ++kx) {
              const int iy = y * o.stride_h - pad_top + ky * o.dilation_h;
              const int ix = x * o.stride_w - pad_left + kx * o.dilation_w;
              if (iy < 0 || iy >= is[1] || ix < 0 || ix >= is[2]) continue;
              if (depthwise) {
                sum += in[at(is, n, iy, ix, oc / multiplier)] * f[at(fs, 0, ky, kx, oc)];
              } else {
                for (int ic = 0; ic < is[3]; ++ic) {
                  sum += in[at(is, n, iy, ix, ic)] * f[at(fs, oc, ky, kx, ic)];
                }
              }
            }
          out[at(os, n, y, x, oc)] = activate(static_cast<float>(sum), o.activation);
        }
  return out;
}

std::vector<float> max_pool_ref(const std::vector<float>& in, const Shape& is, const OpOptions& o) {
  const auto [oh, pad_top] = window(is[1], o.filter_h, o.stride_h, 1, o.padding);
  const auto [ow, pad_left] = window(is[2], o.filter_w, o.stride_w, 1, o.padding);
  const Shape os{is[0], oh, ow, is[3]};
  std::vector<float> out(static_cast<std::size_t>(is[0] * oh * ow * is[3]));
  for (int n = 0; n < is[0]; ++n)
    for (int y = 0; y < oh; ++y)
      for (int x = 0; x < ow; ++x)
        for (int c = 0; c < is[3]; ++c) {
          float m = -std::numeric_limits<float>::infinity();
          for (int ky = 0; ky < o.filter_h; ++ky)
            for (int kx = 0; kx < o.filter_w; ++kx) {
              const int iy = y * o.stride_h - pad_top + ky;
              const int ix = x * o.stride_w - pad_left + kx;
              if (iy >= 0 && iy < is[1] && ix >= 0 && ix < is[2]) {
                m = std::max(m, in[at(is, n, iy, ix, c)]);
              }
            }
          out[at(os, n, y, x, c)] = activate(m, o.activation);
        }
  return out;
}

// TensorFlow's ResizeBilinear: half-pixel centres, aligned corners or the legacy mapping.
std::vector<float> resize_ref(const std::vector<float>& in, const Shape& is, int oh, int ow,
                              const OpOptions& o) {
  const auto source = [&](int out_index, int in_size, int out_size) {
    const float scale = o.align_corners && out_size > 1
                            ? static_cast<float>(in_size - 1) / static_cast<float>(out_size - 1)
                            : static_cast<float>(in_size) / static_cast<float>(out_size);
    const float s = o.half_pixel_centers ? (static_cast<float>(out_index) + 0.5f) * scale - 0.5f
                                         : static_cast<float>(out_index) * scale;
    const float lower_f = std::floor(s);
    const int lower = std::max(static_cast<int>(lower_f), 0);
    const int upper = std::min(static_cast<int>(std::ceil(s)), in_size - 1);
    return std::tuple<int, int, float>{lower, upper, s - lower_f};
  };
  const Shape os{is[0], oh, ow, is[3]};
  std::vector<float> out(static_cast<std::size_t>(is[0] * oh * ow * is[3]));
  for (int n = 0; n < is[0]; ++n)
    for (int y = 0; y < oh; ++y) {
      const auto [y0, y1, ly] = source(y, is[1], oh);
      for (int x = 0; x < ow; ++x) {
        const auto [x0, x1, lx] = source(x, is[2], ow);
        for (int c = 0; c < is[3]; ++c) {
          const float top =
              in[at(is, n, y0, x0, c)] + (in[at(is, n, y0, x1, c)] - in[at(is, n, y0, x0, c)]) * lx;
          const float bottom =
              in[at(is, n, y1, x0, c)] + (in[at(is, n, y1, x1, c)] - in[at(is, n, y1, x0, c)]) * lx;
          out[at(os, n, y, x, c)] = top + (bottom - top) * ly;
        }
      }
    }
  return out;
}

// ---- running graphs ----

std::vector<std::vector<float>> run(const ModelGraph& graph,
                                    const std::vector<std::vector<float>>& inputs,
                                    int threads = 1) {
  auto interpreter = Interpreter::create(graph, {.threads = threads});
  EXPECT_TRUE(interpreter) << interpreter.error().to_string();
  if (!interpreter) return {};
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    EXPECT_EQ(interpreter->input(i).size(), inputs[i].size());
    std::ranges::copy(inputs[i], interpreter->input(i).begin());
  }
  EXPECT_TRUE(interpreter->invoke());
  std::vector<std::vector<float>> outputs;
  for (std::size_t i = 0; i < interpreter->output_count(); ++i) {
    outputs.emplace_back(interpreter->output(i).begin(), interpreter->output(i).end());
  }
  return outputs;
}

void expect_close(const std::vector<float>& actual, const std::vector<float>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    ASSERT_NEAR(actual[i], expected[i], 2e-5 * (1.0 + std::abs(expected[i]))) << "element " << i;
  }
}

std::size_t count(const Shape& s) {
  std::size_t n = 1;
  for (int d : s) n *= static_cast<std::size_t>(d);
  return n;
}

struct ConvCase {
  Shape input;
  Shape filter;
  int stride;
  int dilation;
  Padding padding;
  Activation activation;
  bool bias;
  bool depthwise;
};

class Convolution : public ::testing::TestWithParam<ConvCase> {};

TEST_P(Convolution, MatchesNaiveReference) {
  const ConvCase& c = GetParam();
  OpOptions o;
  o.stride_h = o.stride_w = c.stride;
  o.dilation_h = o.dilation_w = c.dilation;
  o.padding = c.padding;
  o.activation = c.activation;
  const auto x = random_values(count(c.input), 1, -3.0f, 3.0f);
  const auto f = random_values(count(c.filter), 2);
  const int channels = c.depthwise ? c.filter[3] : c.filter[0];
  const auto b =
      c.bias ? random_values(static_cast<std::size_t>(channels), 3) : std::vector<float>{};
  const auto expected = conv_ref(x, c.input, f, c.filter, b, o, c.depthwise);
  const auto [oh, unused_top] = window(c.input[1], c.filter[1], c.stride, c.dilation, c.padding);
  const auto [ow, unused_left] = window(c.input[2], c.filter[2], c.stride, c.dilation, c.padding);
  GraphMaker m;
  const int in = m.input(c.input);
  const int w = m.constant(c.filter, f);
  const int bias = c.bias ? m.constant({channels}, b) : -1;
  m.output(m.op(c.depthwise ? OpType::kDepthwiseConv2d : OpType::kConv2d, {in, w, bias},
                {c.input[0], oh, ow, channels}, o));
  for (int threads : {1, 2}) expect_close(run(m.graph, {x}, threads).at(0), expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, Convolution,
    ::testing::Values(
        ConvCase{{1, 7, 6, 3}, {4, 3, 3, 3}, 1, 1, Padding::kSame, Activation::kNone, true, false},
        ConvCase{{1, 7, 6, 3}, {4, 3, 3, 3}, 2, 1, Padding::kSame, Activation::kRelu6, true, false},
        ConvCase{
            {1, 8, 9, 3}, {5, 3, 3, 3}, 2, 1, Padding::kValid, Activation::kRelu, false, false},
        ConvCase{
            {1, 9, 9, 2}, {3, 3, 3, 2}, 1, 2, Padding::kSame, Activation::kReluN1To1, true, false},
        ConvCase{{2, 5, 5, 8}, {6, 1, 1, 8}, 1, 1, Padding::kValid, Activation::kNone, true, false},
        ConvCase{{1, 7, 6, 4}, {1, 3, 3, 4}, 1, 1, Padding::kSame, Activation::kRelu6, true, true},
        ConvCase{{1, 8, 8, 4}, {1, 3, 3, 4}, 2, 1, Padding::kValid, Activation::kNone, true, true},
        ConvCase{{1, 9, 8, 4}, {1, 5, 5, 4}, 2, 1, Padding::kSame, Activation::kNone, false, true},
        ConvCase{{1, 6, 6, 3},
                 {1, 3, 3, 6},
                 1,
                 1,
                 Padding::kSame,
                 Activation::kNone,
                 true,
                 true}));  // depth multiplier 2

TEST(Interpreter, MaxPool) {
  for (Padding padding : {Padding::kValid, Padding::kSame}) {
    OpOptions o;
    o.filter_h = o.filter_w = 2;
    o.stride_h = o.stride_w = 2;
    o.padding = padding;
    const Shape is{1, 7, 6, 3};
    const auto x = random_values(count(is), 4, -3.0f, 3.0f);
    GraphMaker m;
    const int in = m.input(is);
    m.output(m.op(OpType::kMaxPool2d, {in}, {1, padding == Padding::kSame ? 4 : 3, 3, 3}, o));
    expect_close(run(m.graph, {x}).at(0), max_pool_ref(x, is, o));
  }
}

TEST(Interpreter, AddWithBroadcastAndActivation) {
  const auto a = random_values(48, 5, -8.0f, 8.0f);
  const auto b = random_values(3, 6, -8.0f, 8.0f);
  GraphMaker m;
  const int x = m.input({1, 4, 4, 3});
  const int y = m.input({1, 4, 4, 3});
  const int bias = m.constant({1, 1, 1, 3}, b);
  OpOptions relu6;
  relu6.activation = Activation::kRelu6;
  m.output(m.op(OpType::kAdd, {x, y}, {1, 4, 4, 3}, relu6));
  m.output(m.op(OpType::kAdd, {x, bias}, {1, 4, 4, 3}));
  const auto a2 = random_values(48, 7, -8.0f, 8.0f);
  const auto out = run(m.graph, {a, a2});
  std::vector<float> sum(48), broadcast(48);
  for (std::size_t i = 0; i < 48; ++i) {
    sum[i] = std::clamp(a[i] + a2[i], 0.0f, 6.0f);
    broadcast[i] = a[i] + b[i % 3];
  }
  expect_close(out.at(0), sum);
  expect_close(out.at(1), broadcast);
}

TEST(Interpreter, PadReshapeLogistic) {
  const Shape is{1, 2, 3, 2};
  const auto x = random_values(count(is), 8, -4.0f, 4.0f);
  GraphMaker m;
  const int in = m.input(is);
  const int pads = m.ints({4, 2}, {0, 0, 1, 2, 2, 1, 0, 0});
  const int padded = m.op(OpType::kPad, {in, pads}, {1, 5, 6, 2});
  const int flat = m.op(OpType::kReshape, {padded}, {1, 60});
  m.output(m.op(OpType::kLogistic, {flat}, {1, 60}));
  std::vector<float> expected(60);
  const Shape ps{1, 5, 6, 2};
  for (int y = 0; y < 5; ++y)
    for (int xx = 0; xx < 6; ++xx)
      for (int c = 0; c < 2; ++c) {
        const bool inside = y >= 1 && y < 3 && xx >= 2 && xx < 5;
        const float v = inside ? x[at(is, 0, y - 1, xx - 2, c)] : 0.0f;
        expected[at(ps, 0, y, xx, c)] = 1.0f / (1.0f + std::exp(-v));
      }
  expect_close(run(m.graph, {x}).at(0), expected);
}

TEST(Interpreter, ResizeBilinearModes) {
  const Shape is{1, 4, 5, 2};
  const auto x = random_values(count(is), 9, -2.0f, 2.0f);
  for (int mode = 0; mode < 3; ++mode) {
    OpOptions o;
    o.half_pixel_centers = mode == 0;  // BlazePose's mode
    o.align_corners = mode == 1;
    for (const auto& [oh, ow] : {std::pair{8, 10}, std::pair{7, 3}}) {
      GraphMaker m;
      const int in = m.input(is);
      m.output(m.op(OpType::kResizeBilinear, {in}, {1, oh, ow, 2}, o));
      SCOPED_TRACE(::testing::Message() << "mode " << mode << " size " << oh << "x" << ow);
      expect_close(run(m.graph, {x}).at(0), resize_ref(x, is, oh, ow, o));
    }
  }
}

TEST(Interpreter, DepthToSpace) {
  const Shape is{1, 3, 2, 8};
  const auto x = random_values(count(is), 10);
  OpOptions o;
  o.block_size = 2;
  GraphMaker m;
  const int in = m.input(is);
  m.output(m.op(OpType::kDepthToSpace, {in}, {1, 6, 4, 2}, o));
  const Shape os{1, 6, 4, 2};
  std::vector<float> expected(count(os));
  for (int y = 0; y < 3; ++y)
    for (int xx = 0; xx < 2; ++xx)
      for (int by = 0; by < 2; ++by)
        for (int bx = 0; bx < 2; ++bx)
          for (int c = 0; c < 2; ++c) {
            expected[at(os, 0, y * 2 + by, xx * 2 + bx, c)] =
                x[at(is, 0, y, xx, (by * 2 + bx) * 2 + c)];
          }
  expect_close(run(m.graph, {x}).at(0), expected);
}

// The detector's outputs: parts computed by XNNPACK, concatenated along axis 1 afterwards.
TEST(Interpreter, ConcatenationAtTheOutputs) {
  const auto x = random_values(24, 11);
  GraphMaker m;
  const int in = m.input({1, 2, 2, 6});
  const int a = m.op(OpType::kReshape, {in}, {1, 8, 3});
  const int b = m.op(OpType::kLogistic, {a}, {1, 8, 3});
  const int c = m.op(OpType::kReshape, {in}, {1, 4, 6});
  OpOptions axis1;
  axis1.axis = 1;
  m.output(m.op(OpType::kConcatenation, {a, b}, {1, 16, 3}, axis1));
  OpOptions last;
  last.axis = -1;
  m.output(m.op(OpType::kConcatenation, {c, c}, {1, 4, 12}, last));
  const auto out = run(m.graph, {x});
  std::vector<float> first(x.begin(), x.end());
  for (float v : x) first.push_back(1.0f / (1.0f + std::exp(-v)));
  expect_close(out.at(0), first);
  std::vector<float> second;
  for (std::ptrdiff_t row = 0; row < 4; ++row) {
    for (int copy = 0; copy < 2; ++copy) {
      second.insert(second.end(), x.begin() + row * 6, x.begin() + row * 6 + 6);
    }
  }
  expect_close(out.at(1), second);
}

TEST(Interpreter, ConcatenationInsideTheGraphIsRejected) {
  GraphMaker m;
  const int in = m.input({1, 4});
  OpOptions axis1;
  axis1.axis = 1;
  const int joined = m.op(OpType::kConcatenation, {in, in}, {1, 8}, axis1);
  m.output(m.op(OpType::kLogistic, {joined}, {1, 8}));
  auto r = Interpreter::create(m.graph);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().to_string().find(
                "operator 0 (CONCATENATION): CONCATENATION is supported only where it makes a "
                "model output"),
            std::string::npos)
      << r.error().to_string();
}

// A chain like BlazePose's blocks: conv, depthwise, residual add, upsampling, depth to space;
// two interpreters share one pool.
TEST(Interpreter, ChainOnASharedPool) {
  const Shape is{1, 8, 8, 4};
  const auto x = random_values(count(is), 12);
  const auto w1 = random_values(32, 13);
  const auto w2 = random_values(72, 14);
  OpOptions same;
  same.padding = Padding::kSame;
  same.activation = Activation::kRelu6;
  OpOptions up;
  up.half_pixel_centers = true;
  OpOptions d2s;
  d2s.block_size = 2;
  GraphMaker m;
  const int in = m.input(is);
  const int a = m.op(OpType::kConv2d, {in, m.constant({8, 1, 1, 4}, w1), -1}, {1, 8, 8, 8}, same);
  const int b =
      m.op(OpType::kDepthwiseConv2d, {a, m.constant({1, 3, 3, 8}, w2), -1}, {1, 8, 8, 8}, same);
  const int c = m.op(OpType::kAdd, {a, b}, {1, 8, 8, 8});
  const int d = m.op(OpType::kResizeBilinear, {c}, {1, 16, 16, 8}, up);
  m.output(m.op(OpType::kDepthToSpace, {d}, {1, 32, 32, 2}, d2s));

  const auto ra = conv_ref(x, is, w1, {8, 1, 1, 4}, {}, same, false);
  const auto rb = conv_ref(ra, {1, 8, 8, 8}, w2, {1, 3, 3, 8}, {}, same, true);
  std::vector<float> rc(ra.size());
  for (std::size_t i = 0; i < rc.size(); ++i) rc[i] = ra[i] + rb[i];
  const auto rd = resize_ref(rc, {1, 8, 8, 8}, 16, 16, up);
  const Shape ds{1, 16, 16, 8}, os{1, 32, 32, 2};
  std::vector<float> expected(count(os));
  for (int y = 0; y < 16; ++y)
    for (int xx = 0; xx < 16; ++xx)
      for (int k = 0; k < 8; ++k) {
        expected[at(os, 0, y * 2 + k / 4, xx * 2 + (k / 2) % 2, k % 2)] = rd[at(ds, 0, y, xx, k)];
      }

  auto pool = std::make_shared<ThreadPool>(2);
  auto first = Interpreter::create(m.graph, {.pool = pool});
  auto second = Interpreter::create(m.graph, {.pool = pool});
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->threads(), 2);
  std::ranges::copy(x, first->input(0).begin());
  std::ranges::copy(x, second->input(0).begin());
  ASSERT_TRUE(first->invoke());
  ASSERT_TRUE(second->invoke());
  const std::vector<float> a_out(first->output(0).begin(), first->output(0).end());
  expect_close(a_out, expected);
  EXPECT_TRUE(std::ranges::equal(first->output(0), second->output(0)));
}

// A .tflite file end to end: float16 weights, sparse bias, CONV_2D with RELU6.
TEST(Interpreter, RunsAModelFile) {
  auto graph = parse_tflite_model(testing::small_conv_model(), "m.tflite");
  ASSERT_TRUE(graph) << graph.error().to_string();
  const auto x = random_values(32, 15, -3.0f, 3.0f);
  std::vector<float> expected(48);
  for (std::size_t p = 0; p < 16; ++p) {
    expected[3 * p] = std::clamp(x[2 * p] - 2 * x[2 * p + 1], 0.0f, 6.0f);
    expected[3 * p + 1] = std::clamp(0.5f * x[2 * p] + 0.25f * x[2 * p + 1], 0.0f, 6.0f);
    expected[3 * p + 2] = std::clamp(65504 * x[2 * p] + 3, 0.0f, 6.0f);
  }
  expect_close(run(*graph, {x}).at(0), expected);
}

TEST(Interpreter, DescribesInputsAndOutputs) {
  GraphMaker m;
  const int in = m.input({1, 2, 2, 3});
  m.output(m.op(OpType::kLogistic, {in}, {1, 2, 2, 3}));
  m.graph.tensors[static_cast<std::size_t>(m.graph.outputs[0])].name = "scores";
  auto r = Interpreter::create(m.graph, {.threads = 1});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->input_count(), 1u);
  EXPECT_EQ(r->input_info(0).shape, (Shape{1, 2, 2, 3}));
  EXPECT_EQ(r->input_info(0).element_count(), 12u);
  EXPECT_EQ(r->output_info(0).name, "scores");
  EXPECT_EQ(r->find_output("scores"), std::optional<std::size_t>(0));
  EXPECT_FALSE(r->find_output("missing"));
  EXPECT_EQ(r->input(0).size(), 12u);
  EXPECT_EQ(r->output(0).size(), 12u);
  EXPECT_EQ(r->threads(), 1);
}

}  // namespace
}  // namespace openpt::vision
