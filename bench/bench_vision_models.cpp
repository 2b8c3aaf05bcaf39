// Speed of the BlazePose models in OpenPT's XNNPACK interpreter: milliseconds per invoke of
// the pose detector (224x224) and of each landmark model (256x256) at 1 and 2 threads.
// Loading is excluded. Needs the models (scripts/fetch-models, or OPENPT_MODEL_DIR); a
// missing model is reported as an error on its rows.
//
//   build/bench/bench_vision_models
//
// BM_Invoke/<model>/threads:N   one invoke on a fixed synthetic image, wall-clock time
#include <benchmark/benchmark.h>

#include <cmath>
#include <memory>
#include <string>

#include "openpt/vision/interpreter.h"
#include "openpt/vision/model_files.h"

namespace {

using namespace openpt::vision;

void fill_input(std::span<float> input) {
  for (std::size_t i = 0; i < input.size(); ++i) {
    input[i] = 0.5f + 0.4f * static_cast<float>(std::sin(static_cast<double>(i) * 0.001));
  }
}

void bm_invoke(benchmark::State& state, std::string_view model_file) {
  const int threads = static_cast<int>(state.range(0));
  auto model = Interpreter::load(default_model_dir() / model_file, {.threads = threads});
  if (!model) {
    state.SkipWithError(model.error().to_string().c_str());
    return;
  }
  fill_input(model->input(0));
  for (auto _ : state) {
    if (!model->invoke()) {
      state.SkipWithError("invoke failed");
      return;
    }
    benchmark::DoNotOptimize(model->output(0).data());
  }
}

void register_all() {
  for (std::string_view file : {kPoseDetectionModel, kPoseLandmarkLiteModel, kPoseLandmarkFullModel,
                                kPoseLandmarkHeavyModel}) {
    std::string name = "BM_Invoke/" + std::string(file.substr(0, file.find('.')));
    benchmark::RegisterBenchmark(name.c_str(), bm_invoke, file)
        ->ArgName("threads")
        ->Arg(1)
        ->Arg(2)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }
}

}  // namespace

int main(int argc, char** argv) {
  register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
