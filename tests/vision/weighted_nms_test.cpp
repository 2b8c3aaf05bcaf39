#include "openpt/vision/weighted_nms.h"

#include <gtest/gtest.h>

namespace openpt::vision {
namespace {

Detection det(float score, NormalizedBox box, float keypoint_x = 0) {
  Detection d;
  d.score = score;
  d.box = box;
  for (Keypoint& k : d.keypoints) k = {keypoint_x, keypoint_x + 0.5f};
  return d;
}

TEST(IntersectionOverUnion, KnownOverlaps) {
  EXPECT_FLOAT_EQ(intersection_over_union({0, 0, 1, 1}, {0, 0, 1, 1}), 1.0f);
  EXPECT_FLOAT_EQ(intersection_over_union({0, 0, 1, 1}, {0.5f, 0, 1.5f, 1}), 1.0f / 3);
  EXPECT_FLOAT_EQ(intersection_over_union({0, 0, 1, 1}, {0.5f, 0.5f, 1.5f, 1.5f}), 0.25f / 1.75f);
  EXPECT_FLOAT_EQ(intersection_over_union({0, 0, 1, 1}, {1, 0, 2, 1}), 0.0f);  // touching
  EXPECT_FLOAT_EQ(intersection_over_union({0, 0, 0, 1}, {0, 0, 1, 1}), 0.0f);  // empty
}

// Two overlapping boxes (IoU 0.81) merge into their score-weighted mean with the top score;
// a box elsewhere stays alone.
TEST(WeightedNms, MergesOverlapsByScore) {
  const std::vector<Detection> input{det(0.6f, {0.1f, 0.1f, 0.5f, 0.5f}, 0.3f),
                                     det(0.7f, {0.6f, 0.6f, 0.9f, 0.9f}, 0.8f),
                                     det(0.9f, {0.1f, 0.1f, 0.46f, 0.46f}, 0.2f)};
  const auto out = weighted_nms(input);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_FLOAT_EQ(out[0].score, 0.9f);
  EXPECT_FLOAT_EQ(out[0].box.xmin, 0.1f);
  EXPECT_FLOAT_EQ(out[0].box.xmax, (0.9f * 0.46f + 0.6f * 0.5f) / 1.5f);
  EXPECT_FLOAT_EQ(out[0].keypoints[0].x, (0.9f * 0.2f + 0.6f * 0.3f) / 1.5f);
  EXPECT_FLOAT_EQ(out[0].keypoints[3].y, (0.9f * 0.7f + 0.6f * 0.8f) / 1.5f);
  EXPECT_FLOAT_EQ(out[1].score, 0.7f);
  EXPECT_FLOAT_EQ(out[1].box.xmin, 0.6f);
  EXPECT_FLOAT_EQ(out[1].keypoints[0].x, 0.8f);
}

// IoU 1/3 stays apart at threshold 0.5 and merges at 0.3 (the legacy graph's value).
TEST(WeightedNms, ThresholdDecidesWhatMerges) {
  const std::vector<Detection> input{det(0.8f, {0, 0, 1, 1}, 0), det(0.8f, {0.5f, 0, 1.5f, 1}, 1)};
  EXPECT_EQ(weighted_nms(input).size(), 2u);
  const auto merged = weighted_nms(input, {.iou_threshold = 0.3f});
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_FLOAT_EQ(merged[0].box.xmin, 0.25f);
  EXPECT_FLOAT_EQ(merged[0].keypoints[0].x, 0.5f);
}

TEST(WeightedNms, LimitsAndEdgeCases) {
  EXPECT_TRUE(weighted_nms({}).empty());
  const std::vector<Detection> three{det(0.5f, {0, 0, 0.1f, 0.1f}),
                                     det(0.9f, {0.5f, 0.5f, 0.6f, 0.6f}),
                                     det(0.7f, {0.8f, 0.8f, 0.9f, 0.9f})};
  const auto top = weighted_nms(three, {.max_detections = 1});
  ASSERT_EQ(top.size(), 1u);
  EXPECT_FLOAT_EQ(top[0].score, 0.9f);
  const auto all = weighted_nms(three);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_FLOAT_EQ(all[2].score, 0.5f);
  // An empty box overlaps nothing, not even itself, and still comes out once.
  const auto empty = weighted_nms({det(0.9f, {0.2f, 0.2f, 0.2f, 0.4f}), det(0.8f, {0, 0, 1, 1})});
  ASSERT_EQ(empty.size(), 2u);
  EXPECT_FLOAT_EQ(empty[0].box.xmin, 0.2f);
  EXPECT_FLOAT_EQ(empty[1].score, 0.8f);
}

}  // namespace
}  // namespace openpt::vision
