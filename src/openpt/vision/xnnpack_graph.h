// A checked ModelGraph's operators compiled into an XNNPACK runtime (Debian's libxnnpack,
// 2022 subgraph API): one XNNPACK value per tensor, the model's weights passed as static data
// (XNNPACK packs them once), and the tensors exchanged with the caller marked external.
// interpreter.h is the class to use; this is the piece that speaks XNNPACK.
//
//   auto runtime = XnnpackRuntime::create(graph, ops, {input}, {output}, pool);
//   runtime->bind({{input, in_buffer}, {output, out_buffer}});  // buffers padded, see below
//   runtime->invoke();
#pragma once

#include <cstddef>
#include <span>
#include <utility>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/vision/tflite_model.h"
#include "openpt/vision/thread_pool.h"

struct xnn_runtime;

namespace openpt::vision {

class XnnpackRuntime {
 public:
  // Bytes XNNPACK may read (never write) past the end of an external buffer.
  static constexpr std::size_t kReadPaddingBytes = 16;

  // Compiles `ops` (all of them supported and checked by check_graph). `inputs` and
  // `outputs` are the tensor indices bound to caller buffers. `graph` and `pool` must outlive
  // the runtime: XNNPACK keeps pointers to the weights and the threads.
  static Result<XnnpackRuntime> create(const ModelGraph& graph, std::span<const GraphOp> ops,
                                       std::span<const int> inputs, std::span<const int> outputs,
                                       const ThreadPool& pool);
  ~XnnpackRuntime();
  XnnpackRuntime(XnnpackRuntime&& other) noexcept;
  XnnpackRuntime& operator=(XnnpackRuntime&& other) noexcept;
  XnnpackRuntime(const XnnpackRuntime&) = delete;
  XnnpackRuntime& operator=(const XnnpackRuntime&) = delete;

  // Points every external tensor at its buffer (tensor index, data); each buffer holds the
  // tensor's elements plus kReadPaddingBytes. Call once before invoke(); buffers stay put.
  Result<void> bind(std::span<const std::pair<int, float*>> buffers);
  Result<void> invoke();

 private:
  explicit XnnpackRuntime(xnn_runtime* runtime) : runtime_(runtime) {}
  xnn_runtime* runtime_ = nullptr;
};

}  // namespace openpt::vision
