// A TensorFlow Lite model (.tflite) read into a plain graph description that OpenPT's
// runtime (interpreter.h) executes: tensors with shapes and float32 constant data, and
// operators in execution order with their inputs, outputs and options.
//
// Reading verifies the FlatBuffer, converts float16 weights to float32 and densifies sparse
// weights, so the DEQUANTIZE and DENSIFY operators disappear from the graph: what remains is
// the operators listed in `OpType`. Anything else (another operator, a quantized tensor, a
// second subgraph) is an error naming the file, the operator index and the operator.
//
//   Result<ModelGraph> graph = load_tflite_model("pose_landmark_full.tflite");
//   if (!graph) { std::cerr << graph.error().to_string() << "\n"; return 2; }
//   for (int i : graph->inputs) std::cout << graph->tensors[i].name << "\n";  // "input_1"
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "openpt/core/error.h"

namespace openpt::vision {

enum class OpType {
  kConv2d,
  kDepthwiseConv2d,
  kAdd,
  kPad,
  kReshape,
  kResizeBilinear,
  kMaxPool2d,
  kLogistic,
  kDepthToSpace,
  kConcatenation,
};

std::string_view op_type_name(OpType type);  // TFLite's name: "CONV_2D", ...

enum class Padding { kSame, kValid };
enum class Activation { kNone, kRelu, kReluN1To1, kRelu6 };

// The interval a fused activation clamps to (infinite bounds for kNone).
struct ActivationRange {
  float min;
  float max;
};
ActivationRange activation_range(Activation activation);

// The options of every supported operator; each operator reads the fields it needs.
struct OpOptions {
  Padding padding = Padding::kValid;
  int stride_h = 1;
  int stride_w = 1;
  int dilation_h = 1;
  int dilation_w = 1;
  int filter_h = 1;  // pooling window
  int filter_w = 1;
  int depth_multiplier = 1;
  Activation activation = Activation::kNone;
  int axis = 0;        // CONCATENATION (negative counts from the end)
  int block_size = 1;  // DEPTH_TO_SPACE
  bool align_corners = false;
  bool half_pixel_centers = false;
};

struct GraphOp {
  OpType type = OpType::kAdd;
  std::vector<int> inputs;  // tensor indices; -1 marks an absent optional input (bias)
  std::vector<int> outputs;
  OpOptions options;
  int source_index = 0;  // the operator's index in the .tflite file, for messages
};

enum class ElementType { kFloat32, kInt32, kOther };

struct GraphTensor {
  std::string name;
  std::vector<int> shape;
  ElementType type = ElementType::kFloat32;
  std::vector<float> data;            // constant float values (weights), else empty
  std::vector<std::int32_t> ints;     // constant int32 values (pad amounts, shapes), else empty
  std::string type_name = "FLOAT32";  // the file's element type, for messages

  [[nodiscard]] bool is_constant() const { return !data.empty() || !ints.empty(); }
  [[nodiscard]] std::size_t element_count() const;
};

struct ModelGraph {
  std::string source;  // the file it was read from, for messages
  std::vector<GraphTensor> tensors;
  std::vector<GraphOp> ops;  // execution order
  std::vector<int> inputs;   // tensor indices of the model's inputs and outputs
  std::vector<int> outputs;
};

// Largest tensor OpenPT accepts, in elements (1 GiB of float32): a guard against files
// whose shapes would make it allocate without bound.
inline constexpr std::size_t kMaxTensorElements = std::size_t{1} << 28;

Result<ModelGraph> load_tflite_model(const std::filesystem::path& path);

// Reads a model from memory; `source` names it in messages.
Result<ModelGraph> parse_tflite_model(std::span<const std::uint8_t> bytes,
                                      const std::string& source);

}  // namespace openpt::vision
