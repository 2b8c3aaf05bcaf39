// Helpers for the vision tests: the deterministic synthetic image the model references were
// computed on (the same integers as tools/model-reference/reference.js), the stored reference
// outputs, and skipping `model` tests when the downloaded models are absent.
//
//   fs::path model = model_path_or_skip("pose_landmark_full.tflite");  // exits 77 if absent
//   ModelReference ref = load_model_reference("pose_landmark_full.reference.json");
//   SyntheticImage image = synthetic_image(256, 256, ref.seed);
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "openpt/vision/model_files.h"

namespace openpt::vision::testing {

// openpt.synthetic-image/1: three discs on a gradient plus hashed noise, RGB, values k/255.
struct SyntheticImage {
  std::vector<float> rgb;  // height x width x 3
  std::int64_t u8_sum = 0;
};

inline std::uint32_t hash32(std::uint32_t x) {
  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  x *= 0x846ca68bu;
  return x ^ (x >> 16);
}

inline SyntheticImage synthetic_image(int height, int width, std::uint32_t seed) {
  struct Disc {
    int cx, cy, r;
    int rgb[3];
  };
  const Disc discs[] = {
      {width * 3 / 8, height / 4, width / 8, {200, 160, 140}},
      {width / 2, height * 9 / 16, width / 5, {40, 80, 160}},
      {width * 3 / 4, height * 13 / 16, width / 10, {30, 30, 30}},
  };
  SyntheticImage image;
  image.rgb.resize(static_cast<std::size_t>(height) * static_cast<std::size_t>(width) * 3);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      for (int c = 0; c < 3; ++c) {
        int v = x * 150 / width + y * 70 / height + c * 20;
        for (const Disc& d : discs) {
          const int dx = x - d.cx;
          const int dy = y - d.cy;
          if (dx * dx + dy * dy <= d.r * d.r) v = d.rgb[c];
        }
        const auto index = static_cast<std::uint32_t>((y * width + x) * 3 + c);
        const std::uint32_t h = hash32(index + seed * 0x9e3779b9u);
        v = std::clamp(v + static_cast<int>((h >> 24) & 15u) - 8, 0, 255);
        image.u8_sum += v;
        image.rgb[index] = static_cast<float>(v / 255.0);
      }
    }
  }
  return image;
}

// tests/vision/data/<model>.reference.json, written by tools/model-reference.
struct OutputReference {
  std::string name;
  std::vector<int> shape;
  std::size_t stride = 1;  // values[k] is element k * stride of the flattened output
  std::vector<float> values;
  double sum = 0;  // of all elements
  double sum_abs = 0;
  float min = 0;
  float max = 0;
  double simd_vs_scalar_max_abs = 0;  // spread between two builds of the reference runtime
};

struct ModelReference {
  std::string model;
  std::string model_sha256;
  std::uint32_t seed = 0;
  std::vector<int> input_shape;
  std::int64_t input_u8_sum = 0;
  std::vector<OutputReference> outputs;
};

inline ModelReference load_model_reference(const std::string& file_name) {
  const std::filesystem::path path =
      std::filesystem::path(OPENPT_SOURCE_DIR) / "tests" / "vision" / "data" / file_name;
  std::ifstream in(path);
  const nlohmann::json j = nlohmann::json::parse(in);
  ModelReference ref;
  ref.model = j.at("model");
  ref.model_sha256 = j.at("model_sha256");
  ref.seed = j.at("input").at("seed");
  ref.input_shape = j.at("input").at("shape").get<std::vector<int>>();
  ref.input_u8_sum = j.at("input").at("u8_sum");
  for (const auto& o : j.at("outputs")) {
    OutputReference out;
    out.name = o.at("name");
    out.shape = o.at("shape").get<std::vector<int>>();
    out.stride = o.at("stride");
    out.values = o.at("values").get<std::vector<float>>();
    out.sum = o.at("sum");
    out.sum_abs = o.at("sum_abs");
    out.min = o.at("min");
    out.max = o.at("max");
    out.simd_vs_scalar_max_abs = o.at("simd_vs_scalar_max_abs");
    ref.outputs.push_back(std::move(out));
  }
  return ref;
}

// The installed model file, or a SKIPPED message and exit code 77 (ctest: skipped).
inline std::filesystem::path model_path_or_skip(std::string_view file_name) {
  const std::filesystem::path path = default_model_dir() / file_name;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    std::cout << "SKIPPED: " << path.string()
              << " not found (run scripts/fetch-models, or set OPENPT_MODEL_DIR)\n";
    std::exit(77);
  }
  return path;
}

}  // namespace openpt::vision::testing
