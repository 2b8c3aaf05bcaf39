// Checks a ModelGraph before it is run: every operator has the inputs it needs with the right
// element types and constant weights, every shape follows from the operator's inputs and
// options, and every tensor an operator reads is a model input, a constant or computed
// earlier. XNNPACK trusts the shapes it is given, so a file with inconsistent shapes is
// rejected here, with the operator and tensor named, instead of overrunning a buffer later.
//
//   if (auto ok = check_graph(graph); !ok) return tl::unexpected(ok.error());
#pragma once

#include <vector>

#include "openpt/core/error.h"
#include "openpt/vision/tflite_model.h"

namespace openpt::vision {

Result<void> check_graph(const ModelGraph& graph);

// The output shape the operator computes from its inputs and options (inputs must exist).
Result<std::vector<int>> infer_output_shape(const ModelGraph& graph, const GraphOp& op);

}  // namespace openpt::vision
