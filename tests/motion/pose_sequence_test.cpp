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

TEST(CameraView, NamesRoundTrip) {
  for (auto view :
       {CameraView::kUnknown, CameraView::kFront, CameraView::kSide, CameraView::kBack}) {
    EXPECT_EQ(parse_camera_view(camera_view_name(view)), view);
  }
  EXPECT_FALSE(parse_camera_view("diagonal"));
}

}  // namespace
}  // namespace openpt::motion
