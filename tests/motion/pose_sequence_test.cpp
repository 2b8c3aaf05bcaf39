#include "openpt/motion/pose_sequence.h"

#include <gtest/gtest.h>

namespace openpt::motion {
namespace {

PoseSequence steady(std::size_t n, double interval_s) {
  PoseSequence s = make_pose_sequence(coco17(), n);
  for (std::size_t i = 0; i < n; ++i) s.t_s[i] = static_cast<double>(i) * interval_s;
  return s;
}

TEST(Validate, AcceptsAPlainRecordingAndAnEmptyOne) {
  EXPECT_TRUE(validate(steady(10, 1 / 30.0), "a.json"));
  EXPECT_TRUE(validate(make_pose_sequence(coco17(), 0), "empty.npy"));
}

TEST(Validate, NonMonotonicTimeNamesTheFrame) {
  PoseSequence s = steady(10, 0.1);
  s.t_s[6] = s.t_s[5];
  auto r = validate(s, "a.json");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().where, "a.json");
  EXPECT_NE(r.error().message.find("frame 6"), std::string::npos);
}

TEST(Validate, ImplausibleFrameIntervalsSuggestTheUnit) {
  auto ms = validate(steady(10, 33.3), "ms.csv");  // timestamps written in milliseconds
  ASSERT_FALSE(ms);
  EXPECT_NE(ms.error().hint.find("seconds"), std::string::npos);
  EXPECT_FALSE(validate(steady(10, 1e-9), "ns.csv"));
  EXPECT_TRUE(validate(steady(10, 1 / 240.0), "fast.csv"));
}

TEST(Validate, InfiniteCoordinateAndBadVisibilityNameFrameAndLandmark) {
  PoseSequence s = steady(3, 0.1);
  s.image_at(2, 5).x = INFINITY;
  auto r = validate(s, "a.json");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("frame 2, landmark left_shoulder"), std::string::npos);
  PoseSequence v = steady(3, 0.1);
  v.image_at(1, 0).visibility = 1.5f;
  EXPECT_FALSE(validate(v, "a.json"));
}

// Frames 2..4 of a 6-frame recording: times, detection and both coordinate sets move along;
// the ends are clamped.
TEST(SliceFrames, KeepsTheFramesAndTheirLandmarks) {
  PoseSequence seq = make_pose_sequence(blazepose33(), 6, {.has_image = true, .has_world = true});
  for (std::size_t f = 0; f < 6; ++f) {
    seq.t_s[f] = 0.1 * static_cast<double>(f);
    seq.detected[f] = f == 3 ? 0 : 1;
    seq.image_at(f, 5).x = static_cast<float>(f);
    seq.world_at(f, 7).y = static_cast<double>(f);
  }
  const PoseSequence part = slice_frames(seq, 2, 5);
  ASSERT_EQ(part.frame_count(), 3U);
  EXPECT_DOUBLE_EQ(part.t_s[0], 0.2);
  EXPECT_EQ(part.detected[1], 0);
  EXPECT_FLOAT_EQ(part.image_at(2, 5).x, 4.0F);
  EXPECT_DOUBLE_EQ(part.world_at(0, 7).y, 2.0);
  EXPECT_EQ(part.image.size(), 3 * part.landmark_count());
  EXPECT_EQ(slice_frames(seq, 4, 100).frame_count(), 2U);
  EXPECT_EQ(slice_frames(seq, 9, 3).frame_count(), 0U);
  EXPECT_TRUE(validate(slice_frames(seq, 0, 0), "empty").has_value());
}

TEST(CameraView, NamesRoundTrip) {
  for (auto view :
       {CameraView::kUnknown, CameraView::kFront, CameraView::kSide, CameraView::kBack}) {
    EXPECT_EQ(parse_camera_view(camera_view_name(view)), view);
  }
  EXPECT_FALSE(parse_camera_view("diagonal"));
}

}  // namespace
}  // namespace openpt::motion
