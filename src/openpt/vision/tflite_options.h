// The options of a .tflite operator (padding, strides, dilation, pooling window, fused
// activation, axis, block size, resize mode) read from the FlatBuffer into OpOptions.
// Used by tflite_model.cpp; fused activations other than NONE, RELU, RELU_N1_TO_1 and RELU6
// are errors, as are missing options of an operator that needs them.
//
//   Result<OpOptions> options = read_op_options(op, OpType::kConv2d);
#pragma once

#include "openpt/core/error.h"
#include "openpt/vision/tflite_model.h"
#include "openpt/vision/tflite_subset_generated.h"

namespace openpt::vision {

Result<OpOptions> read_op_options(const tflite::Operator& op, OpType type);

}  // namespace openpt::vision
