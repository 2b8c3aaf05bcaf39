// Foot-sensor IC/FC detection on hand-built signals with known events (synthetic_foot.h):
// exact to a sample without noise, for any mounting (axis direction and sign), within two
// samples with gyroscope noise, and nothing on a still or too short recording.
#include "openpt/gait/foot_events.h"

#include <gtest/gtest.h>

#include <cmath>

#include "synthetic_foot.h"

namespace openpt::gait {
namespace {

using testing::make_synthetic_foot;
using testing::SyntheticFootOptions;

std::vector<double> times(const FootEvents& found, EventType type) {
  std::vector<double> out;
  for (const auto& e : found.events) {
    if (e.type == type) out.push_back(e.t_s);
  }
  return out;
}

void expect_events(const FootEvents& found, const std::vector<double>& fc,
                   const std::vector<double>& ic, double tolerance_s) {
  const auto got_fc = times(found, EventType::kFinalContact);
  const auto got_ic = times(found, EventType::kInitialContact);
  ASSERT_EQ(got_fc.size(), fc.size());
  ASSERT_EQ(got_ic.size(), ic.size());
  for (std::size_t k = 0; k < fc.size(); ++k) {
    EXPECT_NEAR(got_fc[k], fc[k], tolerance_s) << "final contact " << k;
    EXPECT_NEAR(got_ic[k], ic[k], tolerance_s) << "initial contact " << k;
  }
}

TEST(FootEvents, FindsEveryContactToASample) {
  const auto foot = make_synthetic_foot({});
  auto found = detect_foot_events(foot.signal);
  ASSERT_TRUE(found) << found.error().to_string();
  EXPECT_EQ(found->side, Side::kLeft);
  expect_events(*found, foot.fc_s, foot.ic_s, 0.0101);
  EXPECT_EQ(found->rejected_swings, 0u);
  // Events alternate FC, IC and carry their sample index.
  for (std::size_t i = 0; i < found->events.size(); ++i) {
    const auto& e = found->events[i];
    EXPECT_EQ(e.type, i % 2 == 0 ? EventType::kFinalContact : EventType::kInitialContact);
    EXPECT_NEAR(e.t_s, static_cast<double>(e.sample) / 100.0, 1e-9);
  }
}

TEST(FootEvents, DoesNotDependOnTheSensorMounting) {
  for (const Vec3 axis : {Vec3{1, 0, 0}, Vec3{0, 0, -1}, Vec3{-0.5, 0.7, 0.5}}) {
    SyntheticFootOptions options;
    options.axis = axis;
    options.placement = Placement::kRightFoot;
    const auto foot = make_synthetic_foot(options);
    auto found = detect_foot_events(foot.signal);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->side, Side::kRight);
    expect_events(*found, foot.fc_s, foot.ic_s, 0.0101);
    // The axis found is the mounting axis, signed so that the swing is positive.
    const Vec3 expected = normalized(axis);
    EXPECT_NEAR(found->sagittal_axis.x * expected.x + found->sagittal_axis.y * expected.y +
                    found->sagittal_axis.z * expected.z,
                1.0, 1e-3);
  }
}

TEST(FootEvents, ToleratesGyroscopeNoise) {
  SyntheticFootOptions options;
  options.noise_rps = 0.1;  // ~6 °/s, several times a consumer MEMS gyroscope's noise at 100 Hz
  const auto foot = make_synthetic_foot(options);
  auto found = detect_foot_events(foot.signal);
  ASSERT_TRUE(found);
  expect_events(*found, foot.fc_s, foot.ic_s, 0.0201);
}

TEST(FootEvents, SlowAndFastWalking) {
  for (const double stride : {0.9, 1.6}) {
    SyntheticFootOptions options;
    options.stride_s = stride;
    const auto foot = make_synthetic_foot(options);
    auto found = detect_foot_events(foot.signal);
    ASSERT_TRUE(found);
    expect_events(*found, foot.fc_s, foot.ic_s, 0.0101);
  }
}

TEST(FootEvents, SlowEndOfSwingWobblingAroundZeroIsNoContact) {
  // The rate dips just below zero before the heel strikes: the first local minimum after
  // the zero crossing is that wobble, the contact is the strike dip 80 ms later.
  SyntheticFootOptions options;
  options.pre_strike_pause_s = 0.08;
  options.pre_strike_wobble = 0.3;
  const auto foot = make_synthetic_foot(options);
  auto found = detect_foot_events(foot.signal);
  ASSERT_TRUE(found);
  expect_events(*found, foot.fc_s, foot.ic_s, 0.0101);
  // Without the amplitude threshold the wobble is taken for the contact, 60 ms early.
  FootEventOptions any_minimum;
  any_minimum.min_contact_dip_rps = 0;
  auto early = detect_foot_events(foot.signal, any_minimum);
  ASSERT_TRUE(early);
  const auto early_ic = times(*early, EventType::kInitialContact);
  ASSERT_EQ(early_ic.size(), foot.ic_s.size());
  EXPECT_LT(early_ic[0], foot.ic_s[0] - 0.05);
}

TEST(FootEvents, SoftLandingStillGivesAContact) {
  // A strike dip shallower than min_contact_dip_rps: the first minimum is the contact.
  SyntheticFootOptions options;
  options.strike_amplitude = 0.5;
  const auto foot = make_synthetic_foot(options);
  auto found = detect_foot_events(foot.signal);
  ASSERT_TRUE(found);
  expect_events(*found, foot.fc_s, foot.ic_s, 0.0101);
}

TEST(FootEvents, SmallStepThatClosesTheWalkIsFound) {
  SyntheticFootOptions options;
  options.closing_step = true;
  const auto foot = make_synthetic_foot(options);
  ASSERT_EQ(foot.ic_s.size(), 11u);
  auto found = detect_foot_events(foot.signal);
  ASSERT_TRUE(found);
  expect_events(*found, foot.fc_s, foot.ic_s, 0.0101);
  // Without the second pass it is below the swing thresholds and missed.
  FootEventOptions main_pass_only;
  main_pass_only.min_small_step_peak_rps = 0;
  auto without = detect_foot_events(foot.signal, main_pass_only);
  ASSERT_TRUE(without);
  EXPECT_EQ(without->events.size(), 20u);
}

TEST(FootEvents, SmallFootMovementWhileStandingIsNoStep) {
  // The same small step with no walk before it (shifting the feet while standing).
  SyntheticFootOptions options;
  options.strides = 1;
  options.swing_amplitude = 1.2;  // the "stride" itself a fifth of a swing: all small
  options.push_amplitude = 0.8;
  options.strike_amplitude = 0.6;
  const auto foot = make_synthetic_foot(options);
  auto found = detect_foot_events(foot.signal);
  ASSERT_TRUE(found);
  EXPECT_TRUE(found->events.empty());
}

TEST(FootEvents, NothingWhenStandingStill) {
  SyntheticFootOptions options;
  options.strides = 0;
  options.noise_rps = 0.02;
  const auto foot = make_synthetic_foot(options);
  auto found = detect_foot_events(foot.signal);
  ASSERT_TRUE(found);
  EXPECT_TRUE(found->events.empty());
}

TEST(FootEvents, TooShortIsAnError) {
  SyntheticFootOptions options;
  options.strides = 0;
  options.lead_in_s = 0.5;
  const auto foot = make_synthetic_foot(options);
  auto found = detect_foot_events(foot.signal);
  ASSERT_FALSE(found);
  EXPECT_NE(found.error().message.find("too short"), std::string::npos);
}

TEST(PrincipalAxis, IsTheDirectionOfLargestVariance) {
  std::vector<Vec3> samples;
  for (int i = 0; i < 200; ++i) {
    const double a = std::sin(i * 0.1);
    samples.push_back(Vec3{0, 3 * a, 0.1 * std::cos(i * 0.37)});
  }
  const Vec3 axis = principal_axis(samples);
  EXPECT_NEAR(std::abs(axis.y), 1.0, 1e-6);
}

}  // namespace
}  // namespace openpt::gait
