#include "openpt/vision/detection_decoding.h"

#include <gtest/gtest.h>

#include <cmath>

namespace openpt::vision {
namespace {

// Two anchors; raw values in input pixels (224) relative to the anchor centre.
TEST(DetectionDecoding, ScalesAndOffsetsByTheAnchor) {
  const std::vector<Anchor> anchors{{0.5f, 0.5f, 1, 1}, {0.25f, 0.75f, 1, 1}};
  std::vector<float> boxes(24, 0.0f);
  // anchor 0: centre +0.1, -0.05; size 0.2 x 0.1; keypoints at +-0.1
  const float b0[12] = {22.4f, -11.2f, 44.8f, 22.4f, 22.4f, 0, -22.4f, 0, 0, 22.4f, 0, -22.4f};
  std::copy(std::begin(b0), std::end(b0), boxes.begin());
  // anchor 1: box 0.5 x 0.5 at the anchor, keypoints at the anchor
  boxes[12 + 2] = 112.0f;
  boxes[12 + 3] = 112.0f;
  const std::vector<float> scores{0.0f, 2.0f};
  const auto d = decode_detections(boxes, scores, anchors);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_FLOAT_EQ(d[0].score, 0.5f);  // logit 0: kept, threshold is inclusive
  EXPECT_NEAR(d[0].box.xmin, 0.5f, 1e-6);
  EXPECT_NEAR(d[0].box.xmax, 0.7f, 1e-6);
  EXPECT_NEAR(d[0].box.ymin, 0.4f, 1e-6);
  EXPECT_NEAR(d[0].box.ymax, 0.5f, 1e-6);
  EXPECT_NEAR(d[0].keypoints[0].x, 0.6f, 1e-6);
  EXPECT_NEAR(d[0].keypoints[1].x, 0.4f, 1e-6);
  EXPECT_NEAR(d[0].keypoints[2].y, 0.6f, 1e-6);
  EXPECT_NEAR(d[0].keypoints[3].y, 0.4f, 1e-6);
  EXPECT_NEAR(d[1].score, 1.0f / (1.0f + std::exp(-2.0f)), 1e-7);
  EXPECT_NEAR(d[1].box.xmin, 0.0f, 1e-6);
  EXPECT_NEAR(d[1].box.ymax, 1.0f, 1e-6);
  EXPECT_NEAR(d[1].keypoints[3].x, 0.25f, 1e-6);
}

TEST(DetectionDecoding, DropsLowScoresAndClipsLogits) {
  const std::vector<Anchor> anchors(3, Anchor{0.5f, 0.5f, 1, 1});
  const std::vector<float> boxes(36, 0.0f);
  const std::vector<float> scores{-1.0f, 1e30f, -1e30f};
  const auto d = decode_detections(boxes, scores, anchors);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_FLOAT_EQ(d[0].score, 1.0f / (1.0f + std::exp(-100.0f)));
  EXPECT_TRUE(decode_detections(boxes, scores, anchors, {.min_score = 1.1f}).empty());
}

TEST(DetectionDecoding, AnchorSizeScalesTheRegression) {
  const std::vector<Anchor> anchors{{0.5f, 0.5f, 0.5f, 0.25f}};
  std::vector<float> boxes(12, 0.0f);
  boxes[0] = 224.0f;  // one input width, times the anchor width
  boxes[2] = 224.0f;
  boxes[3] = 224.0f;
  const auto d = decode_detections(boxes, std::vector<float>{5.0f}, anchors);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NEAR(d[0].box.xmin, 0.75f, 1e-6);  // centre 1.0, width 0.5
  EXPECT_NEAR(d[0].box.xmax, 1.25f, 1e-6);
  EXPECT_NEAR(d[0].box.ymin, 0.375f, 1e-6);  // centre 0.5, height 0.25
}

}  // namespace
}  // namespace openpt::vision
