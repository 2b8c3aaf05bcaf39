// Gait parameters from hand-made event sequences with known answers: a symmetric walk
// (stride 1.0 s, stance 60 %, double support 20 %, step 0.5 s, cadence 120/min), a walk
// whose right step is longer (known symmetry index and ratio), one foot only, bouts split
// by a pause, and strides in a turn left out.
#include "openpt/gait/gait_parameters.h"

#include <gtest/gtest.h>

#include <cmath>

namespace openpt::gait {
namespace {

void add(std::vector<GaitEvent>& events, Side side, EventType type, double t) {
  events.push_back({side, type, t, static_cast<std::size_t>(std::lround(t * 100)),
                    side == Side::kLeft ? Placement::kLeftFoot : Placement::kRightFoot});
}

// Left IC at t0 + k·stride, FC 60 % later; right IC `right_offset` after each left IC, FC 60 %
// of a stride after its IC.
std::vector<GaitEvent> walk(int strides, double stride, double right_offset, double t0 = 0) {
  std::vector<GaitEvent> events;
  for (int k = 0; k <= strides; ++k) {
    const double l = t0 + k * stride;
    add(events, Side::kLeft, EventType::kInitialContact, l);
    if (k < strides) add(events, Side::kLeft, EventType::kFinalContact, l + 0.6 * stride);
    const double r = l + right_offset;
    if (k < strides) {
      add(events, Side::kRight, EventType::kInitialContact, r);
      add(events, Side::kRight, EventType::kFinalContact, r + 0.6 * stride);
    }
  }
  sort_events(events);
  return events;
}

std::vector<Stride> both_sides(const std::vector<GaitEvent>& events) {
  auto strides = strides_from_events(events, Side::kLeft);
  const auto right = strides_from_events(events, Side::kRight);
  strides.insert(strides.end(), right.begin(), right.end());
  return strides;
}

TEST(GaitParameters, SymmetricWalk) {
  const auto events = walk(8, 1.0, 0.5);
  const auto strides = both_sides(events);
  const GaitParameters p = compute_gait_parameters(events, strides);
  const WalkParameters& w = p.overall;
  EXPECT_NEAR(w.left.stride_time_s.mean, 1.0, 1e-9);
  EXPECT_EQ(w.left.stride_time_s.n, 8u);
  EXPECT_NEAR(w.left.stride_time_s.cv_pct, 0.0, 1e-6);
  EXPECT_NEAR(w.left.stance_pct.mean, 60.0, 1e-9);
  EXPECT_NEAR(w.right.swing_pct.mean, 40.0, 1e-9);
  EXPECT_NEAR(w.left.double_support_pct.mean, 20.0, 1e-9);
  EXPECT_NEAR(w.right.double_support_pct.mean, 20.0, 1e-9);
  EXPECT_NEAR(w.left.step_time_s.mean, 0.5, 1e-9);
  EXPECT_NEAR(w.right.step_time_s.mean, 0.5, 1e-9);
  EXPECT_NEAR(w.cadence_spm, 120.0, 1e-9);
  EXPECT_TRUE(std::isnan(w.gait_speed_mps));  // no stride lengths
  ASSERT_FALSE(w.symmetry.empty());
  EXPECT_EQ(w.symmetry[0].parameter, "stride_time_s");
  EXPECT_NEAR(w.symmetry[0].index_pct, 0.0, 1e-9);
  EXPECT_NEAR(w.symmetry[0].ratio, 1.0, 1e-12);
  ASSERT_EQ(p.bouts.size(), 1u);
}

TEST(GaitParameters, LongerRightStep) {
  // Right IC 0.55 s after the left: the right step (left IC → right IC) lasts 0.55 s, the
  // left step 0.45 s. SI = 100·0.10/0.50 = 20 %, ratio 0.55/0.45.
  const auto events = walk(8, 1.0, 0.55);
  const GaitParameters p = compute_gait_parameters(events, both_sides(events));
  EXPECT_NEAR(p.overall.right.step_time_s.mean, 0.55, 1e-9);
  EXPECT_NEAR(p.overall.left.step_time_s.mean, 0.45, 1e-9);
  EXPECT_NEAR(p.overall.symmetry[1].index_pct, 20.0, 1e-9);
  EXPECT_NEAR(p.overall.symmetry[1].ratio, 0.55 / 0.45, 1e-9);
  EXPECT_NEAR(p.overall.cadence_spm, 120.0, 1e-9);
}

TEST(GaitParameters, StrideLengthGivesSpeed) {
  const auto events = walk(6, 1.1, 0.55);
  auto strides = both_sides(events);
  for (auto& s : strides) s.length_m = 1.32;
  const GaitParameters p = compute_gait_parameters(events, strides);
  EXPECT_NEAR(p.overall.gait_speed_mps, 1.2, 1e-9);
  EXPECT_NEAR(p.overall.left.stride_speed_mps.mean, 1.2, 1e-9);
}

TEST(GaitParameters, OneFootOnly) {
  auto events = walk(6, 1.2, 0.6);
  std::erase_if(events, [](const GaitEvent& e) { return e.side == Side::kRight; });
  const GaitParameters p =
      compute_gait_parameters(events, strides_from_events(events, Side::kLeft));
  EXPECT_NEAR(p.overall.cadence_spm, 100.0, 1e-9);  // two steps per 1.2 s stride
  EXPECT_EQ(p.overall.left.double_support_pct.n, 0u);
  EXPECT_EQ(p.overall.right.stride_time_s.n, 0u);
  EXPECT_TRUE(std::isnan(p.overall.symmetry[0].index_pct));
}

TEST(GaitParameters, PauseSplitsBouts) {
  auto events = walk(5, 1.0, 0.5);
  const auto later = walk(5, 1.0, 0.5, 20.0);
  events.insert(events.end(), later.begin(), later.end());
  sort_events(events);
  const GaitParameters p = compute_gait_parameters(events, both_sides(events));
  ASSERT_EQ(p.bouts.size(), 2u);
  EXPECT_NEAR(p.bouts[0].start_s, 0.0, 1e-9);
  EXPECT_NEAR(p.bouts[1].start_s, 20.0, 1e-9);
  // The pause is not a stride.
  EXPECT_EQ(p.overall.left.stride_time_s.n, 10u);
  EXPECT_NEAR(p.overall.left.stride_time_s.mean, 1.0, 1e-9);
}

TEST(GaitParameters, TurnStridesAreLeftOut) {
  const auto events = walk(6, 1.0, 0.5);
  auto strides = both_sides(events);
  strides[2].in_turn = true;
  strides[2].next_ic_t_s += 0.5;  // a slow turning stride that must not count
  const GaitParameters p = compute_gait_parameters(events, strides);
  EXPECT_EQ(p.overall.left.stride_time_s.n, 5u);
  EXPECT_NEAR(p.overall.left.stride_time_s.mean, 1.0, 1e-9);
}

TEST(Summarize, MeanSdCv) {
  const std::vector<double> v{1.0, 1.2, 0.8, 1.0};
  const Summary s = summarize(v);
  EXPECT_NEAR(s.mean, 1.0, 1e-12);
  EXPECT_NEAR(s.sd, std::sqrt(0.08 / 3), 1e-12);
  EXPECT_NEAR(s.cv_pct, 100 * std::sqrt(0.08 / 3), 1e-9);
  EXPECT_TRUE(std::isnan(summarize(std::vector<double>{2.0}).sd));
  EXPECT_TRUE(std::isnan(summarize(std::vector<double>{}).mean));
}

}  // namespace
}  // namespace openpt::gait
