#include "openpt/vision/weights.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace openpt::vision {
namespace {

TEST(HalfToFloat, KnownBitPatterns) {
  EXPECT_EQ(half_to_float(0x0000), 0.0f);
  EXPECT_TRUE(std::signbit(half_to_float(0x8000)));
  EXPECT_EQ(half_to_float(0x8000), 0.0f);
  EXPECT_EQ(half_to_float(0x3c00), 1.0f);
  EXPECT_EQ(half_to_float(0xc000), -2.0f);
  EXPECT_EQ(half_to_float(0x3800), 0.5f);
  EXPECT_EQ(half_to_float(0x3555), 0.333251953125f);          // nearest half to 1/3
  EXPECT_EQ(half_to_float(0x7bff), 65504.0f);                 // largest finite
  EXPECT_EQ(half_to_float(0x0400), 6.103515625e-05f);         // smallest normal, 2^-14
  EXPECT_EQ(half_to_float(0x0001), 5.9604644775390625e-08f);  // smallest subnormal, 2^-24
  EXPECT_EQ(half_to_float(0x03ff), 6.0975551605224609e-05f);  // largest subnormal
  EXPECT_EQ(half_to_float(0x7c00), std::numeric_limits<float>::infinity());
  EXPECT_EQ(half_to_float(0xfc00), -std::numeric_limits<float>::infinity());
  EXPECT_TRUE(std::isnan(half_to_float(0x7e00)));
  EXPECT_TRUE(std::isnan(half_to_float(0xfc01)));
}

// Every finite pattern against the definition (-1)^s * 2^(e-15) * (1 + m/1024), or
// 2^-14 * m/1024 for e = 0, evaluated in double.
TEST(HalfToFloat, EveryFinitePatternMatchesTheDefinition) {
  for (std::uint32_t bits = 0; bits < 0x10000; ++bits) {
    const std::uint32_t e = (bits >> 10) & 0x1f;
    if (e == 0x1f) continue;
    const double m = bits & 0x3ff;
    const double magnitude = e == 0 ? std::ldexp(m / 1024.0, -14)
                                    : std::ldexp(1.0 + m / 1024.0, static_cast<int>(e) - 15);
    const double expected = (bits & 0x8000) != 0 ? -magnitude : magnitude;
    ASSERT_EQ(static_cast<double>(half_to_float(static_cast<std::uint16_t>(bits))), expected)
        << std::hex << bits;
  }
}

TEST(HalfToFloat, ConvertsArrays) {
  const std::vector<std::uint16_t> bits{0x3c00, 0xc000, 0x0000};
  EXPECT_EQ(halves_to_floats(bits), (std::vector<float>{1.0f, -2.0f, 0.0f}));
}

SparseDimension dense(int size) {
  SparseDimension d;
  d.dense_size = size;
  return d;
}
SparseDimension csr(std::vector<int> segments, std::vector<int> indices) {
  return {.compressed = true, .segments = std::move(segments), .indices = std::move(indices)};
}

// [[0 2 0]
//  [0 0 0]
//  [3 0 4]] in compressed sparse rows.
SparseWeights matrix_csr() {
  return {.shape = {3, 3},
          .traversal_order = {0, 1},
          .dims = {dense(3), csr({0, 1, 1, 3}, {1, 0, 2})},
          .values = {2, 3, 4}};
}

TEST(Densify, CompressedRows) {
  auto dense_values = densify(matrix_csr());
  ASSERT_TRUE(dense_values) << dense_values.error().to_string();
  EXPECT_EQ(*dense_values, (std::vector<float>{0, 2, 0, 0, 0, 0, 3, 0, 4}));
}

// The same matrix stored column by column: traversal order (1, 0).
TEST(Densify, CompressedColumns) {
  SparseWeights s{.shape = {3, 3},
                  .traversal_order = {1, 0},
                  .dims = {dense(3), csr({0, 1, 2, 3}, {2, 0, 2})},
                  .values = {3, 2, 4}};
  auto dense_values = densify(s);
  ASSERT_TRUE(dense_values) << dense_values.error().to_string();
  EXPECT_EQ(*dense_values, (std::vector<float>{0, 2, 0, 0, 0, 0, 3, 0, 4}));
}

// The pose detector's layout: 1x1 convolution weights [out, 1, 1, in], the input channels
// compressed.
TEST(Densify, DetectorConvolutionLayout) {
  SparseWeights s{.shape = {2, 1, 1, 4},
                  .traversal_order = {0, 1, 2, 3},
                  .dims = {dense(2), dense(1), dense(1), csr({0, 2, 3}, {0, 3, 1})},
                  .values = {1.5f, -2, 7}};
  auto dense_values = densify(s);
  ASSERT_TRUE(dense_values) << dense_values.error().to_string();
  EXPECT_EQ(*dense_values, (std::vector<float>{1.5f, 0, 0, -2, 0, 7, 0, 0}));
}

TEST(Densify, FullyDenseLayoutCopiesValues) {
  SparseWeights s{.shape = {2, 2},
                  .traversal_order = {0, 1},
                  .dims = {dense(2), dense(2)},
                  .values = {1, 2, 3, 4}};
  EXPECT_EQ(*densify(s), (std::vector<float>{1, 2, 3, 4}));
}

void expect_error(const SparseWeights& s, const std::string& fragment) {
  auto r = densify(s);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find(fragment), std::string::npos) << r.error().message;
}

TEST(Densify, RejectsBadLayouts) {
  auto s = matrix_csr();
  s.dims[1].indices[2] = 3;
  expect_error(s, "outside dimension 1 of size 3");

  s = matrix_csr();
  s.dims[1].segments = {0, 2, 1, 3};
  expect_error(s, "out of order");

  s = matrix_csr();
  s.dims[1].segments = {0, 1, 1, 4};
  expect_error(s, "past its 3 indices");

  s = matrix_csr();
  s.dims[1].segments = {0, 1};
  expect_error(s, "needs more");

  s = matrix_csr();
  s.values.pop_back();
  expect_error(s, "past the 2 stored values");

  s = matrix_csr();
  s.traversal_order = {0, 0};
  expect_error(s, "not a permutation");

  s = matrix_csr();
  s.dims[0].dense_size = 4;
  expect_error(s, "dense level 0 has size 4");

  s = matrix_csr();
  s.dims.pop_back();
  expect_error(s, "blocked sparsity is not supported");
}

}  // namespace
}  // namespace openpt::vision
