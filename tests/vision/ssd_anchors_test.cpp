#include "openpt/vision/ssd_anchors.h"

#include <gtest/gtest.h>

#include <cmath>

namespace openpt::vision {
namespace {

// BlazePose's detector: 28x28 cells x 2 (stride 8), 14x14 x 2 (stride 16) and 7x7 x 6 (three
// layers of stride 32 sharing one map) = 1568 + 392 + 294 = 2254, the detector's box count.
TEST(SsdAnchors, PoseDetectorLayout) {
  const auto anchors = ssd_anchors(pose_detection_anchor_options());
  ASSERT_EQ(anchors.size(), 2254u);
  EXPECT_FLOAT_EQ(anchors[0].x_center, 0.5f / 28);
  EXPECT_FLOAT_EQ(anchors[0].y_center, 0.5f / 28);
  EXPECT_FLOAT_EQ(anchors[0].width, 1.0f);
  EXPECT_FLOAT_EQ(anchors[0].height, 1.0f);
  EXPECT_FLOAT_EQ(anchors[1].x_center, anchors[0].x_center);  // two anchors per cell
  EXPECT_FLOAT_EQ(anchors[2].x_center, 1.5f / 28);
  EXPECT_FLOAT_EQ(anchors[56].y_center, 1.5f / 28);             // next row
  EXPECT_FLOAT_EQ(anchors[1568].x_center, 0.5f / 14);           // stride 16 map
  EXPECT_FLOAT_EQ(anchors[1568 + 392].x_center, 0.5f / 7);      // stride 32 map
  EXPECT_FLOAT_EQ(anchors[1568 + 392 + 5].x_center, 0.5f / 7);  // six per cell
  EXPECT_FLOAT_EQ(anchors[1568 + 392 + 6].x_center, 1.5f / 7);
  EXPECT_FLOAT_EQ(anchors.back().x_center, 6.5f / 7);
  EXPECT_FLOAT_EQ(anchors.back().y_center, 6.5f / 7);
}

// Sizes worked by hand: layer scales 0.2 and 0.6; aspect ratio 4 gives width 2s, height s/2;
// the interpolated anchor is sqrt(s * next) square (next = 1 after the last layer).
TEST(SsdAnchors, SizedAnchorsWithAspectRatios) {
  SsdAnchorOptions o;
  o.input_width = o.input_height = 64;
  o.num_layers = 2;
  o.strides = {16, 32};
  o.min_scale = 0.2f;
  o.max_scale = 0.6f;
  o.aspect_ratios = {1.0f, 4.0f};
  o.fixed_anchor_size = false;
  const auto anchors = ssd_anchors(o);
  ASSERT_EQ(anchors.size(), 4u * 4 * 3 + 2 * 2 * 3);
  EXPECT_FLOAT_EQ(anchors[0].width, 0.2f);
  EXPECT_FLOAT_EQ(anchors[0].height, 0.2f);
  const Anchor& wide = anchors[3 * 5 + 1];  // cell (1, 1) of the 4x4 map, ratio 4
  EXPECT_FLOAT_EQ(wide.x_center, 0.375f);
  EXPECT_FLOAT_EQ(wide.y_center, 0.375f);
  EXPECT_FLOAT_EQ(wide.width, 0.4f);
  EXPECT_FLOAT_EQ(wide.height, 0.1f);
  EXPECT_FLOAT_EQ(anchors[2].width, std::sqrt(0.2f * 0.6f));
  const Anchor& last = anchors.back();  // cell (1, 1) of the 2x2 map, interpolated
  EXPECT_FLOAT_EQ(last.x_center, 0.75f);
  EXPECT_FLOAT_EQ(last.width, std::sqrt(0.6f));
  EXPECT_FLOAT_EQ(anchors[48 + 1].width, 1.2f);
  EXPECT_FLOAT_EQ(anchors[48 + 1].height, 0.3f);
}

TEST(SsdAnchors, SingleLayerUsesTheMeanScale) {
  SsdAnchorOptions o;
  o.input_width = o.input_height = 8;
  o.num_layers = 1;
  o.strides = {8};
  o.min_scale = 0.2f;
  o.max_scale = 0.4f;
  o.interpolated_scale_aspect_ratio = 0;
  o.fixed_anchor_size = false;
  const auto anchors = ssd_anchors(o);
  ASSERT_EQ(anchors.size(), 1u);
  EXPECT_FLOAT_EQ(anchors[0].width, 0.3f);
  EXPECT_FLOAT_EQ(anchors[0].x_center, 0.5f);
}

}  // namespace
}  // namespace openpt::vision
