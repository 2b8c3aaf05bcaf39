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

TEST(Trajectory, OutAndBack) {
  EXPECT_DOUBLE_EQ(out_and_back(0), 0);
  EXPECT_DOUBLE_EQ(out_and_back(0.5), 1);
  EXPECT_DOUBLE_EQ(out_and_back(1), 0);
  EXPECT_DOUBLE_EQ(out_and_back(0.25), 0.5);
  EXPECT_DOUBLE_EQ(out_and_back(0.2, 0.2), 1);
  EXPECT_DOUBLE_EQ(out_and_back(0.6, 0.2), 0.5);
  EXPECT_DOUBLE_EQ(out_and_back(-1), 0);
}

TEST(Trajectory, PerRepTimingLeadInAndLeadOut) {
  const std::vector<RepTiming> reps = {
      {.duration_s = 2},
      {.duration_s = 4, .outward_fraction = 0.25, .hold_s = 2},
      {.duration_s = 1},
  };
  const RepSchedule s = make_rep_schedule(reps, {.pause_s = 1, .lead_in_s = 3, .lead_out_s = 5});
  ASSERT_EQ(s.rep_start_s.size(), 3u);
  EXPECT_DOUBLE_EQ(s.rep_start_s[0], 4);
  EXPECT_DOUBLE_EQ(s.rep_end_s[0], 6);
  EXPECT_DOUBLE_EQ(s.rep_start_s[1], 7);
  EXPECT_DOUBLE_EQ(s.rep_end_s[1], 11);
  EXPECT_DOUBLE_EQ(s.rep_start_s[2], 12);
  EXPECT_DOUBLE_EQ(s.reps_end_s, 14);
  EXPECT_DOUBLE_EQ(s.total_s, 19);
  // Turning points: the middle of the hold (rep 2: 0.5 s out, 2 s hold, 1.5 s back).
  EXPECT_DOUBLE_EQ(s.rep_turn_s[0], 5);
  EXPECT_DOUBLE_EQ(s.rep_turn_s[1], 7 + 0.5 + 1);
  EXPECT_DOUBLE_EQ(s.rep_turn_s[2], 12.5);
  EXPECT_DOUBLE_EQ(s.progress(3.5), 0);  // lead-in
  EXPECT_DOUBLE_EQ(s.progress(5), 1);
  EXPECT_DOUBLE_EQ(s.progress(7.25), 0.5);
  EXPECT_DOUBLE_EQ(s.progress(9.4), 1);
  EXPECT_DOUBLE_EQ(s.progress(16), 0);  // lead-out
  EXPECT_EQ(s.rep_at(3.5), -1);
  EXPECT_EQ(s.rep_at(11.5), -1);
  EXPECT_EQ(s.rep_at(12.2), 2);
  EXPECT_EQ(s.phase(7.2), Phase::kOutward);
  EXPECT_EQ(s.phase(8.0), Phase::kHold);
  EXPECT_EQ(s.phase(10.0), Phase::kReturn);
  EXPECT_EQ(s.phase(11.5), Phase::kStill);
}

TEST(Trajectory, RightDelayShiftsTheRightSideAndLengthensTheRep) {
  const std::vector<RepTiming> reps = {{.duration_s = 2, .right_delay_s = 0.5},
                                       {.duration_s = 2, .right_delay_s = -0.25}};
  const RepSchedule s = make_rep_schedule(reps, {.pause_s = 1});
  EXPECT_DOUBLE_EQ(s.rep_end_s[0], 3.5);
  EXPECT_DOUBLE_EQ(s.rep_start_s[1], 4.5);
  EXPECT_DOUBLE_EQ(s.rep_end_s[1], 6.75);
  EXPECT_DOUBLE_EQ(s.side_progress(2.0, false), 1);  // left at its turning point
  EXPECT_DOUBLE_EQ(s.side_progress(2.5, true), 1);   // right half a second later
  EXPECT_DOUBLE_EQ(s.side_progress(3.2, false), 0);  // left done, right still moving
  EXPECT_GT(s.side_progress(3.2, true), 0);
  EXPECT_EQ(s.phase(3.2), Phase::kReturn);
  EXPECT_DOUBLE_EQ(s.side_progress(5.5, true), 1);  // negative: the left lags
  EXPECT_DOUBLE_EQ(s.side_progress(5.75, false), 1);
  EXPECT_DOUBLE_EQ(s.rep_turn_s[1], 5.5);
}

}  // namespace
}  // namespace openpt::motion
