// Runs a .tflite model on the CPU with XNNPACK: load once, then fill the input, invoke and
// read the outputs as often as needed. The vision module's main entry to model execution.
//
// Loading reads and checks the model (tflite_model.h, graph_check.h), converts its weights and
// compiles it for XNNPACK; the model's CONCATENATION operators at its outputs (the pose
// detector's) are done after XNNPACK has run. Input and output buffers belong to the
// Interpreter and stay at the same address for its lifetime. Not thread-safe: one invoke at
// a time per Interpreter; Interpreters sharing a ThreadPool must take turns.
//
//   auto model = Interpreter::load(model_dir / "pose_landmark_full.tflite", {.threads = 2});
//   if (!model) { std::cerr << model.error().to_string() << "\n"; return 2; }
//   std::ranges::copy(image, model->input(0).begin());  // 1x256x256x3 RGB in [0, 1]
//   if (auto ok = model->invoke(); !ok) return 1;
//   std::span<const float> landmarks = model->output(*model->find_output("Identity"));
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/vision/tflite_model.h"
#include "openpt/vision/thread_pool.h"

namespace openpt::vision {

struct TensorInfo {
  std::string name;
  std::vector<int> shape;
  [[nodiscard]] std::size_t element_count() const;
};

struct InterpreterOptions {
  int threads = 1;  // used when `pool` is null: a pool of its own with this many threads
  std::shared_ptr<ThreadPool> pool = nullptr;  // shared by the models of one pipeline
};

class Interpreter {
 public:
  static Result<Interpreter> load(const std::filesystem::path& model_path,
                                  const InterpreterOptions& options = {});
  static Result<Interpreter> create(ModelGraph graph, const InterpreterOptions& options = {});

  ~Interpreter();
  Interpreter(Interpreter&&) noexcept;
  Interpreter& operator=(Interpreter&&) noexcept;
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  [[nodiscard]] std::size_t input_count() const;
  [[nodiscard]] std::size_t output_count() const;
  [[nodiscard]] const TensorInfo& input_info(std::size_t i) const;
  [[nodiscard]] const TensorInfo& output_info(std::size_t i) const;
  [[nodiscard]] std::optional<std::size_t> find_output(std::string_view name) const;
  [[nodiscard]] int threads() const;

  [[nodiscard]] std::span<float> input(std::size_t i);
  [[nodiscard]] std::span<const float> output(std::size_t i) const;

  Result<void> invoke();

 private:
  struct State;
  explicit Interpreter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace openpt::vision
