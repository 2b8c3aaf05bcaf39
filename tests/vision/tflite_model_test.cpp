#include "openpt/vision/tflite_model.h"

#include <gtest/gtest.h>

#include <string>

#include "support/test_support.h"
#include "tflite_builder.h"

namespace openpt::vision {
namespace {

using namespace openpt::vision::testing;

TEST(TfliteModel, ReadsOperatorsAndConvertsWeights) {
  auto graph = parse_tflite_model(small_conv_model(), "small.tflite");
  ASSERT_TRUE(graph) << graph.error().to_string();
  ASSERT_EQ(graph->ops.size(), 1u);  // DEQUANTIZE and DENSIFY folded into constants
  const GraphOp& conv = graph->ops[0];
  EXPECT_EQ(conv.type, OpType::kConv2d);
  EXPECT_EQ(conv.source_index, 3);
  EXPECT_EQ(conv.options.padding, Padding::kSame);
  EXPECT_EQ(conv.options.stride_h, 1);
  EXPECT_EQ(conv.options.activation, Activation::kRelu6);
  const GraphTensor& w = graph->tensors[static_cast<std::size_t>(conv.inputs[1])];
  EXPECT_EQ(w.name, "w");
  EXPECT_EQ(w.data, (std::vector<float>{1, -2, 0.5f, 0.25f, 65504, -0.0f}));
  const GraphTensor& bias = graph->tensors[static_cast<std::size_t>(conv.inputs[2])];
  EXPECT_EQ(bias.data, (std::vector<float>{0, 0, 3}));
  // The float16 originals are dropped once converted.
  EXPECT_TRUE(graph->tensors[1].data.empty());
  EXPECT_EQ(graph->tensors[static_cast<std::size_t>(graph->inputs[0])].name, "input");
  EXPECT_EQ(graph->tensors[static_cast<std::size_t>(graph->outputs[0])].shape,
            (std::vector<int>{1, 4, 4, 3}));
}

void expect_error(const Result<ModelGraph>& r, ErrorKind kind, const std::string& fragment) {
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, kind);
  EXPECT_NE(r.error().to_string().find(fragment), std::string::npos) << r.error().to_string();
}

TEST(TfliteModel, UnsupportedOperatorIsNamedWithItsIndex) {
  auto r = parse_tflite_model(small_conv_model(kSoftmaxCode), "small.tflite");
  expect_error(r, ErrorKind::kBadInput,
               "small.tflite: operator 4 (SOFTMAX): SOFTMAX is not supported");
  EXPECT_NE(r.error().hint.find("CONV_2D"), std::string::npos);
}

TEST(TfliteModel, CustomOperatorIsNamed) {
  expect_error(parse_tflite_model(small_conv_model(kCustomCode), "small.tflite"),
               ErrorKind::kBadInput, "custom operator 'MyFancyOp' is not supported");
}

TEST(TfliteModel, UnknownBuiltinIsNamedByNumber) {
  expect_error(parse_tflite_model(small_conv_model(99), "small.tflite"), ErrorKind::kBadInput,
               "operator 4 (builtin operator #99)");
}

TEST(TfliteModel, WrongMagicIsNotAModel) {
  const std::string text = "this is a text file, not a model";
  expect_error(parse_tflite_model({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()},
                                  "notes.txt"),
               ErrorKind::kBadInput, "notes.txt: not a TensorFlow Lite model");
  expect_error(parse_tflite_model({}, "empty.tflite"), ErrorKind::kBadInput,
               "not a TensorFlow Lite model");
}

TEST(TfliteModel, TruncatedOrCorruptFileIsAClearError) {
  const auto bytes = small_conv_model();
  for (std::size_t keep : {std::size_t{12}, bytes.size() / 2, bytes.size() - 8}) {
    expect_error(parse_tflite_model(std::span(bytes).first(keep), "cut.tflite"),
                 ErrorKind::kBadInput, "cut.tflite: the model file is truncated or corrupt");
  }
  auto corrupt = bytes;
  corrupt[0] = 0xff;  // root table offset far past the end
  corrupt[1] = 0xff;
  expect_error(parse_tflite_model(corrupt, "bad.tflite"), ErrorKind::kBadInput,
               "truncated or corrupt");
}

TEST(TfliteModel, MissingFileSaysHowToInstallModels) {
  auto r = load_tflite_model("/nonexistent/pose_detection.tflite");
  expect_error(r, ErrorKind::kNotFound, "/nonexistent/pose_detection.tflite: model file not found");
  EXPECT_NE(r.error().hint.find("scripts/fetch-models"), std::string::npos);
}

TEST(TfliteModel, DirectoryIsNotAModel) {
  openpt::testing::TempDir tmp;
  expect_error(load_tflite_model(tmp.path()), ErrorKind::kBadInput, "is a directory");
}

TEST(TfliteModel, LoadsFromFile) {
  openpt::testing::TempDir tmp;
  const auto bytes = small_conv_model();
  const auto path = tmp.write("m.tflite", std::string(bytes.begin(), bytes.end()));
  auto graph = load_tflite_model(path);
  ASSERT_TRUE(graph) << graph.error().to_string();
  EXPECT_EQ(graph->source, path.string());
  EXPECT_EQ(graph->ops.size(), 1u);
}

TEST(TfliteModel, WeightDataOfTheWrongSizeIsRejected) {
  TfliteBuilder b;
  const int in = b.tensor("input", {1, 2, 2, 1});
  const int w = b.floats("w", {1, 1, 1, 1}, {1.0f, 2.0f});  // two values for one element
  const int out = b.tensor("output", {1, 2, 2, 1});
  b.op(kConv2dCode, {in, w, -1}, {out}, conv_options(1, fb::Padding::VALID));
  expect_error(parse_tflite_model(b.finish({in}, {out}), "m.tflite"), ErrorKind::kBadInput,
               "'w' (FLOAT32, shape [1, 1, 1, 1]) has 8 bytes of data, expected 4");
}

TEST(TfliteModel, UnsupportedActivationIsRejected) {
  TfliteBuilder b;
  const int in = b.tensor("input", {1, 2, 2, 1});
  const int w = b.floats("w", {1, 1, 1, 1}, {1.0f});
  const int out = b.tensor("output", {1, 2, 2, 1});
  b.op(kConv2dCode, {in, w, -1}, {out},
       conv_options(1, fb::Padding::VALID, fb::ActivationFunctionType::TANH));
  expect_error(parse_tflite_model(b.finish({in}, {out}), "m.tflite"), ErrorKind::kBadInput,
               "operator 0 (CONV_2D): fused activation TANH is not supported");
}

TEST(TfliteModel, DequantizeOfAnActivationIsRejected) {
  TfliteBuilder b;
  const int in = b.tensor("input", {1, 2}, fb::TensorType::FLOAT16);
  const int out = b.tensor("output", {1, 2});
  b.op(kDequantizeCode, {in}, {out});
  expect_error(parse_tflite_model(b.finish({in}, {out}), "m.tflite"), ErrorKind::kBadInput,
               "operator 0 (DEQUANTIZE): input 'input' is not constant");
}

TEST(TfliteModel, OutOfRangeTensorIndexIsRejected) {
  TfliteBuilder b;
  const int in = b.tensor("input", {1, 2, 2, 1});
  const int out = b.tensor("output", {1, 2, 2, 1});
  b.op(kAddCode, {in, 17}, {out});
  expect_error(parse_tflite_model(b.finish({in}, {out}), "m.tflite"), ErrorKind::kBadInput,
               "operator 0 (ADD): input tensor 17 does not exist");
}

}  // namespace
}  // namespace openpt::vision
