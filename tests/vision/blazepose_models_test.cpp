// The four BlazePose models run by OpenPT's interpreter against reference outputs from
// TensorFlow Lite's own runtime (tools/model-reference), on the same synthetic input.
//
// Tolerance: the largest difference may be 1e-3 of the output's largest magnitude. Two
// builds of the reference runtime itself (WebAssembly SIMD and scalar kernels, which only
// sum in a different order) differ by up to 8e-5 of it (segmentation logits; 2e-6 to 1e-5
// elsewhere), stored per output as simd_vs_scalar_max_abs; a wrong weight, padding or
// operator option moves outputs by far more than 1e-3 of their range.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>

#include "openpt/vision/interpreter.h"
#include "openpt/vision/weighted_nms.h"
#include "support/test_support.h"
#include "vision_test_support.h"

namespace openpt::vision {
namespace {

namespace fs = std::filesystem;
using testing::load_model_reference;
using testing::model_path_or_skip;
using testing::synthetic_image;

constexpr double kRelativeTolerance = 1e-3;

struct Comparison {
  double max_abs_error = 0;
  double scale = 0;  // largest magnitude in the reference output
};

Comparison compare(std::span<const float> actual, const testing::OutputReference& ref) {
  Comparison c;
  c.scale = std::max(std::abs(ref.min), std::abs(ref.max));
  for (std::size_t k = 0; k < ref.values.size(); ++k) {
    const double diff = std::abs(static_cast<double>(actual[k * ref.stride]) - ref.values[k]);
    c.max_abs_error = std::max(c.max_abs_error, diff);
  }
  return c;
}

class PoseModel : public ::testing::TestWithParam<const char*> {};

TEST_P(PoseModel, RawOutputsMatchTfliteReference) {
  const fs::path path = model_path_or_skip(GetParam());
  const auto ref = load_model_reference(fs::path(GetParam()).stem().string() + ".reference.json");
  for (int threads : {1, 2}) {
    SCOPED_TRACE("threads " + std::to_string(threads));
    auto model = Interpreter::load(path, {.threads = threads});
    ASSERT_TRUE(model) << model.error().to_string();
    ASSERT_EQ(model->input_count(), 1u);
    ASSERT_EQ(model->input_info(0).shape, ref.input_shape);
    const auto image = synthetic_image(ref.input_shape[1], ref.input_shape[2], ref.seed);
    ASSERT_EQ(image.u8_sum, ref.input_u8_sum) << "the synthetic image differs from the tool's";
    std::ranges::copy(image.rgb, model->input(0).begin());
    ASSERT_TRUE(model->invoke());
    ASSERT_EQ(model->output_count(), ref.outputs.size());
    for (const auto& out_ref : ref.outputs) {
      const auto index = model->find_output(out_ref.name);
      ASSERT_TRUE(index) << out_ref.name;
      EXPECT_EQ(model->output_info(*index).shape, out_ref.shape) << out_ref.name;
      const auto actual = model->output(*index);
      const Comparison c = compare(actual, out_ref);
      const double tolerance = kRelativeTolerance * c.scale;
      EXPECT_LE(c.max_abs_error, tolerance) << out_ref.name;
      // Every element, summarised: the mean and extremes of the whole tensor.
      double sum = 0;
      for (float v : actual) sum += v;
      EXPECT_NEAR(sum / static_cast<double>(actual.size()),
                  out_ref.sum / static_cast<double>(actual.size()), tolerance)
          << out_ref.name;
      EXPECT_NEAR(*std::ranges::min_element(actual), out_ref.min, tolerance) << out_ref.name;
      EXPECT_NEAR(*std::ranges::max_element(actual), out_ref.max, tolerance) << out_ref.name;
      std::cout << GetParam() << " threads " << threads << " " << out_ref.name << ": max abs error "
                << c.max_abs_error << " (scale " << c.scale << ", reference builds differ by "
                << out_ref.simd_vs_scalar_max_abs << ")\n";
    }
  }
}

TEST_P(PoseModel, RepeatedInvokesGiveTheSameOutputs) {
  const fs::path path = model_path_or_skip(GetParam());
  auto model = Interpreter::load(path, {.threads = 2});
  ASSERT_TRUE(model) << model.error().to_string();
  const auto& shape = model->input_info(0).shape;
  const auto image = synthetic_image(shape[1], shape[2], 7);
  std::ranges::copy(image.rgb, model->input(0).begin());
  ASSERT_TRUE(model->invoke());
  const std::vector<float> first(model->output(0).begin(), model->output(0).end());
  ASSERT_TRUE(model->invoke());
  EXPECT_TRUE(std::ranges::equal(first, model->output(0)));
}

TEST_P(PoseModel, TruncatedFileIsAClearError) {
  const fs::path path = model_path_or_skip(GetParam());
  openpt::testing::TempDir tmp;
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (std::size_t keep : {bytes.size() / 2, bytes.size() - 1, std::size_t{64}}) {
    const fs::path cut = tmp.write("cut.tflite", bytes.substr(0, keep));
    auto model = Interpreter::load(cut);
    ASSERT_FALSE(model) << keep;
    EXPECT_EQ(model.error().kind, ErrorKind::kBadInput);
    EXPECT_NE(model.error().to_string().find("truncated or corrupt"), std::string::npos)
        << model.error().to_string();
    EXPECT_NE(model.error().where.find("cut.tflite"), std::string::npos);
  }
}

// The detector's raw outputs through decoding and weighted NMS: the synthetic image holds
// no person (best score logit -1.93 in the reference), so nothing passes the 0.5 threshold;
// without a threshold every anchor decodes and NMS merges overlapping ones (1444 regions).
TEST(PoseDetector, FindsNobodyInTheSyntheticImage) {
  const fs::path path = model_path_or_skip("pose_detection.tflite");
  auto model = Interpreter::load(path);
  ASSERT_TRUE(model) << model.error().to_string();
  const auto image = synthetic_image(224, 224, 1);
  std::ranges::copy(image.rgb, model->input(0).begin());
  ASSERT_TRUE(model->invoke());
  const auto boxes = model->output(*model->find_output("Identity"));
  const auto scores = model->output(*model->find_output("Identity_1"));
  const auto anchors = ssd_anchors(pose_detection_anchor_options());
  ASSERT_EQ(scores.size(), anchors.size());
  EXPECT_TRUE(decode_detections(boxes, scores, anchors).empty());
  const auto all = decode_detections(boxes, scores, anchors, {.min_score = 0});
  ASSERT_EQ(all.size(), anchors.size());
  const auto merged = weighted_nms(all);
  ASSERT_FALSE(merged.empty());
  EXPECT_LT(merged.size(), all.size());
  EXPECT_NEAR(merged.front().score, 1 / (1 + std::exp(1.9311672)), 1e-4);
  EXPECT_TRUE(std::ranges::is_sorted(merged, std::greater<>{}, &Detection::score));
}

INSTANTIATE_TEST_SUITE_P(BlazePose, PoseModel,
                         ::testing::Values("pose_detection.tflite", "pose_landmark_lite.tflite",
                                           "pose_landmark_full.tflite",
                                           "pose_landmark_heavy.tflite"),
                         [](const auto& info) {
                           std::string name = fs::path(info.param).stem().string();
                           std::erase(name, '_');
                           return name;
                         });

}  // namespace
}  // namespace openpt::vision
