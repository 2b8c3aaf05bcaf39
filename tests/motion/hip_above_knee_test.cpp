// The hip_above_knee measure (the thigh's height, % of the trunk's length) follows the
// simulated thigh's inclination in 3D and in a 2D side view, and lets the library's squats
// and sit-to-stands be counted when the feet are out of the picture (filmed from the front,
// where neither the knee angle, the hip angle nor the pelvis's height above the ankles is
// available).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "assessment_test_helpers.h"
#include "openpt/motion/assessment.h"
#include "openpt/motion/exercise.h"
#include "openpt/motion/kinematics.h"
#include "openpt/motion/measures.h"
#include "openpt/motion/simulate.h"

namespace openpt::motion {
namespace {

using testing::assess_pose;
using testing::shipped_library;

constexpr double kThighOverTrunk = 0.245 / 0.288;  // the body model's segment lengths

// In the simulated squat the thigh stays in the sagittal plane: its inclination from
// vertical is the hip's flexion from the trunk line less the trunk's forward lean, and the
// hip stands cos(inclination) of a thigh's length above the knee. In the 2D side view each
// leg is 5 % nearer to or further from the camera than the trunk (half the hip width at
// 3 m), so the image shows one thigh larger and the other smaller: their mean is compared.
TEST(HipAboveKnee, IsTheThighsHeightInTrunkLengths) {
  auto sim = simulate(
      "squat",
      {.reps = 2, .seed = 1, .view = CameraView::kSide, .image_noise_px = 0, .world_noise_m = 0});
  ASSERT_TRUE(sim.has_value()) << sim.error().to_string();
  const std::vector<double>& hip = sim->truth_deg.at("left_hip_flexion");
  const std::vector<double>& trunk = sim->truth_deg.at("trunk_flexion");
  for (const bool use_world : {true, false}) {
    auto k = compute_kinematics(sim->pose, {.use_world = use_world, .keep_tracks = true});
    ASSERT_TRUE(k.has_value()) << k.error().to_string();
    MeasureSet measures(*k);
    auto left = measures.series("hip_above_knee", Side::kLeft);
    auto right = measures.series("hip_above_knee", Side::kRight);
    ASSERT_TRUE(left.has_value()) << left.error().to_string();
    ASSERT_TRUE(right.has_value()) << right.error().to_string();
    ASSERT_EQ((*left)->size(), hip.size());
    double lowest = 1e9;
    for (std::size_t f = 0; f < hip.size(); ++f) {
      const double inclination = (hip[f] - trunk[f]) * std::numbers::pi / 180;
      const double expected = 100 * kThighOverTrunk * std::cos(inclination);
      const double measured = 0.5 * ((**left)[f] + (**right)[f]);
      EXPECT_NEAR(measured, expected, 1.0) << (use_world ? "3D" : "2D") << ", frame " << f;
      if (use_world) {
        EXPECT_NEAR((**left)[f], expected, 1.0) << "3D, left, frame " << f;
      }
      lowest = std::min(lowest, measured);
    }
    // The squat's thighs come near level (knees to 100°): most of the height is lost.
    EXPECT_LT(lowest, 0.5 * 100 * kThighOverTrunk) << (use_world ? "3D" : "2D");
  }
}

// Filmed from the front with the feet out of view (a phone on a shelf, a bench in the way),
// the library's squats and sit-to-stand were an error: the knee angle and the pelvis's
// height need the ankles, the hip angle is not measurable from the front. The thighs'
// height counts them.
TEST(HipAboveKnee, CountsSquatsAndSitToStandsFilmedFromTheFrontWithoutTheFeet) {
  struct Case {
    const char* simulated;
    const char* exercise;
    double depth;  // a mini squat's knees go to 50°, half the simulated squat's
  };
  for (const Case& c :
       {Case{"squat", "squat", 1}, Case{"squat", "deep_squat", 1}, Case{"squat", "mini_squat", 0.5},
        Case{"sit_to_stand", "sit_to_stand", 1}}) {
    const ExerciseDefinition* exercise = shipped_library().find(c.exercise);
    ASSERT_NE(exercise, nullptr) << c.exercise;
    for (int reps : {2, 3, 6}) {
      SimulationOptions o{.reps = reps, .seed = 2, .view = CameraView::kFront, .image_noise_px = 3};
      o.compensations.depth_scale = c.depth;
      Occlusion feet{.start_s = 0, .end_s = 1e5};
      for (const char* name : {"left_ankle", "right_ankle", "left_heel", "right_heel",
                               "left_foot_index", "right_foot_index"}) {
        auto group = landmark_group(name);
        ASSERT_TRUE(group.has_value()) << name;
        feet.landmarks.insert(feet.landmarks.end(), group->begin(), group->end());
      }
      o.occlusions.push_back(feet);
      auto sim = simulate(c.simulated, o);
      ASSERT_TRUE(sim.has_value()) << sim.error().to_string();
      const Assessment a = assess_pose(sim->pose, *exercise, false);
      EXPECT_EQ(a.rep_count, reps) << c.exercise << ", " << reps << " reps: " << a.signal;
      EXPECT_NE(a.signal.find("hip_above_knee"), std::string::npos)
          << c.exercise << ": " << a.signal;
    }
  }
}

}  // namespace
}  // namespace openpt::motion
