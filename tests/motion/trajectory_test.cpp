// Minimum-jerk profile and repetition schedule of the simulator.
#include "openpt/motion/trajectory.h"

#include <gtest/gtest.h>

namespace openpt::motion {
namespace {

TEST(Trajectory, MinimumJerkProfile) {
  EXPECT_DOUBLE_EQ(min_jerk(0), 0);
  EXPECT_DOUBLE_EQ(min_jerk(1), 1);
  EXPECT_DOUBLE_EQ(min_jerk(0.5), 0.5);
  EXPECT_DOUBLE_EQ(min_jerk(-1), 0);
  EXPECT_DOUBLE_EQ(min_jerk(2), 1);
  for (double u = 0.05; u < 1; u += 0.05) {
    EXPECT_NEAR(min_jerk(u) + min_jerk(1 - u), 1, 1e-12);  // point-symmetric
    EXPECT_GT(min_jerk(u), min_jerk(u - 0.05));            // monotonic
  }
  // Zero velocity at the ends, peak velocity 1.875 at the middle.
  const double h = 1e-6;
  EXPECT_NEAR(min_jerk(h) / h, 0, 1e-6);
  EXPECT_NEAR((min_jerk(0.5 + h) - min_jerk(0.5 - h)) / (2 * h), 1.875, 1e-6);
}

TEST(Trajectory, RepScheduleBoundsAndProgress) {
  const RepSchedule s = make_rep_schedule({.reps = 3, .rep_duration_s = 2, .pause_s = 0.5});
  EXPECT_DOUBLE_EQ(s.total_s, 3 * 2 + 4 * 0.5);
  ASSERT_EQ(s.rep_start_s.size(), 3u);
  EXPECT_DOUBLE_EQ(s.rep_start_s[1], 3.0);
  EXPECT_DOUBLE_EQ(s.rep_end_s[2], 7.5);
  EXPECT_EQ(s.rep_at(0.2), -1);
  EXPECT_EQ(s.rep_at(3.1), 1);
  EXPECT_DOUBLE_EQ(s.progress(0.2), 0);
  EXPECT_DOUBLE_EQ(s.progress(0.5 + 1.0), 1);    // turning point mid-rep
  EXPECT_DOUBLE_EQ(s.progress(0.5 + 0.5), 0.5);  // half-way down
  EXPECT_NEAR(s.progress(2.5 - 1e-9), 0, 1e-6);  // back at the end
  EXPECT_DOUBLE_EQ(s.progress(7.9), 0);
}

TEST(Trajectory, HoldAndAsymmetricTempo) {
  const RepSchedule s = make_rep_schedule(
      {.reps = 1, .rep_duration_s = 4, .pause_s = 0, .outward_fraction = 0.25, .hold_s = 2});
  // Moving time 2 s: 0.5 s out, 2 s hold, 1.5 s back.
  EXPECT_DOUBLE_EQ(s.progress(0.25), 0.5);
  EXPECT_DOUBLE_EQ(s.progress(1.0), 1.0);
  EXPECT_DOUBLE_EQ(s.progress(2.4), 1.0);
  EXPECT_DOUBLE_EQ(s.progress(2.5 + 0.75), 0.5);
}

}  // namespace
}  // namespace openpt::motion
