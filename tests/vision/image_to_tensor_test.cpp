#include "openpt/vision/image_to_tensor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <opencv2/core.hpp>
#include <vector>

namespace openpt::vision {
namespace {

constexpr float kPi = std::numbers::pi_v<float>;

// Channel 0 encodes the column, channel 1 the row, channel 2 both (asymmetric in x and y):
// linear, so bilinear sampling at any point inside the image gives the linear value.
int gradient_value(int channel, double x, double y) {
  switch (channel) {
    case 0: return static_cast<int>(std::lround(20 * x + 5));
    case 1: return static_cast<int>(std::lround(20 * y + 5));
    default: return static_cast<int>(std::lround(200 - 10 * x - 6 * y));
  }
}

cv::Mat gradient_image(int width, int height) {
  cv::Mat image(height, width, CV_8UC3);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      auto& px = image.at<cv::Vec3b>(y, x);
      for (int c = 0; c < 3; ++c) px[c] = static_cast<unsigned char>(gradient_value(c, x, y));
    }
  }
  return image;
}

struct Tensor {
  int width = 0;
  int height = 0;
  std::vector<float> values;
  Tensor(int w, int h) : width(w), height(h), values(static_cast<std::size_t>(w) * h * 3, 123) {}
  [[nodiscard]] float at(int u, int v, int c) const {
    return values[static_cast<std::size_t>((v * width + u) * 3 + c)];
  }
};

// Expected tensor value of an 8-bit value under the range [lo, hi].
float scaled(int value, float lo, float hi) {
  return lo + (hi - lo) * static_cast<float>(value) / 255.0f;
}

TEST(ImageToTensor, WholeImageAtTheSameSizeReproducesPixelsInMinusOneToOne) {
  cv::Mat image(4, 6, CV_8UC3);
  for (int y = 0; y < 4; ++y) {
    for (int x = 0; x < 6; ++x) {
      for (int c = 0; c < 3; ++c) image.at<cv::Vec3b>(y, x)[c] = (x * 37 + y * 11 + c * 71) % 256;
    }
  }
  image.at<cv::Vec3b>(0, 0) = {0, 0, 0};
  image.at<cv::Vec3b>(3, 5) = {255, 255, 255};
  Tensor t(6, 4);
  const LetterboxPadding padding = image_to_tensor(
      image, whole_image(), {.width = 6, .height = 4, .range_min = -1, .range_max = 1}, t.values);
  EXPECT_FLOAT_EQ(padding.left, 0);
  EXPECT_FLOAT_EQ(padding.top, 0);
  EXPECT_FLOAT_EQ(padding.right, 0);
  EXPECT_FLOAT_EQ(padding.bottom, 0);
  for (int y = 0; y < 4; ++y) {
    for (int x = 0; x < 6; ++x) {
      for (int c = 0; c < 3; ++c) {
        const int v = image.at<cv::Vec3b>(y, x)[c];
        EXPECT_NEAR(t.at(x, y, c), 2.0f * static_cast<float>(v) / 255.0f - 1.0f, 1e-6)
            << x << "," << y << "," << c;
      }
    }
  }
  EXPECT_NEAR(t.at(0, 0, 0), -1.0f, 1e-6);  // black
  EXPECT_NEAR(t.at(5, 3, 2), 1.0f, 1e-6);   // white
}

TEST(ImageToTensor, WholeImageInZeroToOne) {
  const cv::Mat image = gradient_image(5, 7);
  Tensor t(5, 7);
  image_to_tensor(image, whole_image(), {.width = 5, .height = 7, .range_min = 0, .range_max = 1},
                  t.values);
  for (int y = 0; y < 7; ++y) {
    for (int x = 0; x < 5; ++x) {
      for (int c = 0; c < 3; ++c) {
        EXPECT_NEAR(t.at(x, y, c), static_cast<float>(gradient_value(c, x, y)) / 255.0f, 1e-6);
      }
    }
  }
}

// 8 x 4 into 8 x 8: the region becomes 8 x 8 px centred on the image, so a quarter of the
// tensor's height is padding above and below; tensor row v shows image row v - 2.
TEST(ImageToTensor, WideImageIsLetterboxedTopAndBottomWithZeroBorder) {
  const cv::Mat image = gradient_image(8, 4);
  Tensor t(8, 8);
  const LetterboxPadding padding = image_to_tensor(
      image, whole_image(),
      {.width = 8, .height = 8, .range_min = -1, .range_max = 1, .border = TensorBorder::kZero},
      t.values);
  EXPECT_NEAR(padding.top, 0.25, 1e-6);
  EXPECT_NEAR(padding.bottom, 0.25, 1e-6);
  EXPECT_FLOAT_EQ(padding.left, 0);
  EXPECT_FLOAT_EQ(padding.right, 0);
  for (int v = 0; v < 8; ++v) {
    for (int u = 0; u < 8; ++u) {
      for (int c = 0; c < 3; ++c) {
        const int y = v - 2;
        const float expected =
            y < 0 || y > 3 ? -1.0f : scaled(gradient_value(c, u, y), -1.0f, 1.0f);
        EXPECT_NEAR(t.at(u, v, c), expected, 1e-6) << u << "," << v << "," << c;
      }
    }
  }
}

TEST(ImageToTensor, WideImagePaddingCopiesTheEdgeRowsWithReplicate) {
  const cv::Mat image = gradient_image(8, 4);
  Tensor t(8, 8);
  image_to_tensor(image, whole_image(),
                  {.width = 8, .height = 8, .border = TensorBorder::kReplicate}, t.values);
  for (int v = 0; v < 8; ++v) {
    const int y = std::clamp(v - 2, 0, 3);  // rows 0, 1 copy image row 0; rows 6, 7 row 3
    for (int u = 0; u < 8; ++u) {
      for (int c = 0; c < 3; ++c) {
        EXPECT_NEAR(t.at(u, v, c), scaled(gradient_value(c, u, y), 0, 1), 1e-6)
            << u << "," << v << "," << c;
      }
    }
  }
}

TEST(ImageToTensor, TallImageIsLetterboxedLeftAndRight) {
  const cv::Mat image = gradient_image(4, 8);
  Tensor t(8, 8);
  const LetterboxPadding padding = image_to_tensor(
      image, whole_image(), {.width = 8, .height = 8, .border = TensorBorder::kZero}, t.values);
  EXPECT_NEAR(padding.left, 0.25, 1e-6);
  EXPECT_NEAR(padding.right, 0.25, 1e-6);
  EXPECT_FLOAT_EQ(padding.top, 0);
  EXPECT_FLOAT_EQ(padding.bottom, 0);
  for (int v = 0; v < 8; ++v) {
    for (int u = 0; u < 8; ++u) {
      const int x = u - 2;
      for (int c = 0; c < 3; ++c) {
        const float expected = x < 0 || x > 3 ? 0.0f : scaled(gradient_value(c, x, v), 0, 1);
        EXPECT_NEAR(t.at(u, v, c), expected, 1e-6) << u << "," << v << "," << c;
      }
    }
  }
}

// Without keep_aspect_ratio the 8 x 4 image is stretched to 8 x 8: tensor row v samples image
// row v / 2 (corner (0,0) -> (0,0), (8,4) -> (8,8)), halfway rows interpolated.
TEST(ImageToTensor, WithoutKeepAspectRatioStretchesAndReportsNoPadding) {
  const cv::Mat image = gradient_image(8, 4);
  Tensor t(8, 8);
  const LetterboxPadding padding = image_to_tensor(
      image, whole_image(), {.width = 8, .height = 8, .keep_aspect_ratio = false}, t.values);
  EXPECT_FLOAT_EQ(padding.top + padding.bottom + padding.left + padding.right, 0);
  for (int v = 0; v < 7; ++v) {  // row 7 samples y = 3.5, half outside the image
    for (int u = 0; u < 8; ++u) {
      for (int c = 0; c < 3; ++c) {
        EXPECT_NEAR(t.at(u, v, c), scaled(gradient_value(c, u, v / 2.0), 0, 1), 1e-6)
            << u << "," << v << "," << c;
      }
    }
  }
}

// Rotation pi/2 of the whole 8 x 8 image. cv::RotatedRect's corners at 90 degrees are
// bottom-left (0,0), top-left (8,0), top-right (8,8), bottom-right (0,8) of the image; they
// go to the tensor's (0,8), (0,0), (8,0), (8,8). So tensor (u, v) samples image
// (x = 8 - v, y = u): the tensor's top row is the image's right column (top to bottom), i.e.
// the tensor's "up" is the image's up turned a quarter clockwise — image right.
TEST(ImageToTensor, QuarterTurnClockwiseShowsTheImagesRightSideAtTheTop) {
  const cv::Mat image = gradient_image(8, 8);
  Tensor t(8, 8);
  NormalizedRect region = whole_image();
  region.rotation_rad = kPi / 2;
  const LetterboxPadding padding = image_to_tensor(
      image, region, {.width = 8, .height = 8, .border = TensorBorder::kReplicate}, t.values);
  EXPECT_FLOAT_EQ(padding.top + padding.bottom + padding.left + padding.right, 0);
  for (int v = 0; v < 8; ++v) {
    for (int u = 0; u < 8; ++u) {
      const int x = std::min(8 - v, 7);  // x = 8 is just outside: the edge is copied
      const int y = u;
      for (int c = 0; c < 3; ++c) {
        EXPECT_NEAR(t.at(u, v, c), scaled(gradient_value(c, x, y), 0, 1), 1e-6)
            << u << "," << v << "," << c;
      }
    }
  }
  // Read as directions: along the tensor's rows the image's y grows (channel 1), and going
  // up the tensor the image's x grows (channel 0).
  EXPECT_GT(t.at(7, 4, 1), t.at(0, 4, 1));
  EXPECT_GT(t.at(4, 1, 0), t.at(4, 7, 0));
}

TEST(ImageToTensor, QuarterTurnAnticlockwiseShowsTheImagesLeftSideAtTheTop) {
  // -90 degrees: corners bottom-left (8,8), top-left (0,8), top-right (0,0), bottom-right
  // (8,0) -> tensor (u, v) samples image (x = v, y = 8 - u).
  const cv::Mat image = gradient_image(8, 8);
  Tensor t(8, 8);
  NormalizedRect region = whole_image();
  region.rotation_rad = -kPi / 2;
  image_to_tensor(image, region, {.width = 8, .height = 8}, t.values);
  for (int v = 0; v < 8; ++v) {
    for (int u = 0; u < 8; ++u) {
      for (int c = 0; c < 3; ++c) {
        EXPECT_NEAR(t.at(u, v, c), scaled(gradient_value(c, v, std::min(8 - u, 7)), 0, 1), 1e-6)
            << u << "," << v << "," << c;
      }
    }
  }
}

// The same through pose_region: a body lying with its head to the right of the hips. A
// bright block at the head must end up in the top half of the crop, centred left-right.
TEST(ImageToTensor, PoseRegionOfABodyWithItsHeadToTheRightPutsTheHeadAtTheTop) {
  constexpr int kW = 64;
  constexpr int kH = 48;
  struct Case {
    int head_dx_px, head_dy_px;
  };
  for (const Case head : {Case{12, 0}, Case{-12, 0}, Case{0, -12}, Case{0, 12}}) {
    cv::Mat image(kH, kW, CV_8UC3, cv::Scalar(0, 0, 0));
    const int hx = 32 + head.head_dx_px / 2;  // block halfway between hips and scale point
    const int hy = 24 + head.head_dy_px / 2;
    image(cv::Rect(hx - 1, hy - 1, 3, 3)).setTo(cv::Scalar(255, 255, 255));
    const NormalizedRect region = pose_region({32.0f / kW, 24.0f / kH},
                                              {(32.0f + static_cast<float>(head.head_dx_px)) / kW,
                                               (24.0f + static_cast<float>(head.head_dy_px)) / kH},
                                              kW, kH);
    Tensor t(15, 15);
    image_to_tensor(image, region, {.width = 15, .height = 15, .border = TensorBorder::kZero},
                    t.values);
    int best_u = -1;
    int best_v = -1;
    float best = -1;
    for (int v = 0; v < 15; ++v) {
      for (int u = 0; u < 15; ++u) {
        if (t.at(u, v, 0) > best) {
          best = t.at(u, v, 0);
          best_u = u;
          best_v = v;
        }
      }
    }
    // 6 px from the centre in a 30 px region: 0.2 of the side above the centre, tensor row
    // 7.5 - 3 = 4.5, column 7.5 (give or take the corner convention's half pixel).
    EXPECT_GT(best, 0.9f) << head.head_dx_px << "," << head.head_dy_px;
    EXPECT_NEAR(best_v, 4.5, 1.5) << head.head_dx_px << "," << head.head_dy_px;
    EXPECT_NEAR(best_u, 7.5, 1.5) << head.head_dx_px << "," << head.head_dy_px;
  }
}

// Region centred on the right edge, as large as the image: its right half is outside. Tensor
// (u, v) samples image (x = u + 4, y = v).
TEST(ImageToTensor, RegionHalfOutsideTheImageIsRangeMinWithZeroBorder) {
  const cv::Mat image = gradient_image(8, 8);
  Tensor t(8, 8);
  const NormalizedRect region{.x_center = 1.0f, .y_center = 0.5f, .width = 1, .height = 1};
  image_to_tensor(
      image, region,
      {.width = 8, .height = 8, .range_min = -1, .range_max = 1, .border = TensorBorder::kZero},
      t.values);
  for (int v = 0; v < 8; ++v) {
    for (int u = 0; u < 8; ++u) {
      for (int c = 0; c < 3; ++c) {
        const float expected = u < 4 ? scaled(gradient_value(c, u + 4, v), -1, 1) : -1.0f;
        EXPECT_NEAR(t.at(u, v, c), expected, 1e-6) << u << "," << v << "," << c;
      }
    }
  }
}

TEST(ImageToTensor, RegionHalfOutsideTheImageCopiesTheEdgeWithReplicate) {
  const cv::Mat image = gradient_image(8, 8);
  Tensor t(8, 8);
  const NormalizedRect region{.x_center = 1.0f, .y_center = 0.5f, .width = 1, .height = 1};
  image_to_tensor(image, region, {.width = 8, .height = 8, .border = TensorBorder::kReplicate},
                  t.values);
  for (int v = 0; v < 8; ++v) {
    for (int u = 0; u < 8; ++u) {
      for (int c = 0; c < 3; ++c) {
        EXPECT_NEAR(t.at(u, v, c), scaled(gradient_value(c, std::min(u + 4, 7), v), 0, 1), 1e-6);
      }
    }
  }
}

TEST(RemoveLetterbox, PaddingEdgesMapToZeroAndOne) {
  const LetterboxPadding vertical{.top = 0.25f, .bottom = 0.25f};
  EXPECT_NEAR(remove_letterbox({0.3f, 0.25f}, vertical).y, 0.0, 1e-6);
  EXPECT_NEAR(remove_letterbox({0.3f, 0.75f}, vertical).y, 1.0, 1e-6);
  EXPECT_NEAR(remove_letterbox({0.3f, 0.5f}, vertical).y, 0.5, 1e-6);
  EXPECT_NEAR(remove_letterbox({0.3f, 0.375f}, vertical).y, 0.25, 1e-6);
  EXPECT_NEAR(remove_letterbox({0.3f, 0.0f}, vertical).y, -0.5, 1e-6);  // in the padding
  EXPECT_NEAR(remove_letterbox({0.3f, 0.25f}, vertical).x, 0.3, 1e-6);
  const LetterboxPadding horizontal{.left = 0.1f, .right = 0.3f};
  EXPECT_NEAR(remove_letterbox({0.1f, 0.4f}, horizontal).x, 0.0, 1e-6);
  EXPECT_NEAR(remove_letterbox({0.7f, 0.4f}, horizontal).x, 1.0, 1e-6);
  EXPECT_NEAR(remove_letterbox({0.4f, 0.4f}, horizontal).x, 0.5, 1e-6);
  EXPECT_NEAR(remove_letterbox({0.4f, 0.4f}, horizontal).y, 0.4, 1e-6);
}

// Consistency with the warp: in the letterboxed 8 x 4 -> 8 x 8 case tensor row v shows image
// row v - 2, so the normalised tensor point (u/8, v/8) is the image point (u/8, (v - 2)/4).
TEST(RemoveLetterbox, InvertsTheLetterboxOfImageToTensor) {
  const cv::Mat image = gradient_image(8, 4);
  Tensor t(8, 8);
  const LetterboxPadding padding =
      image_to_tensor(image, whole_image(), {.width = 8, .height = 8}, t.values);
  for (int v = 0; v <= 8; ++v) {
    const NormalizedPoint p = remove_letterbox({0.375f, static_cast<float>(v) / 8}, padding);
    EXPECT_NEAR(p.x, 0.375, 1e-6);
    EXPECT_NEAR(p.y, (v - 2) / 4.0, 1e-6) << v;
  }
}

}  // namespace
}  // namespace openpt::vision
