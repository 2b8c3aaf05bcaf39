// The shipped exercise library (data/exercises/*.toml): every file loads, the exercises the
// issue requires are there under their ids and aliases, and every rule is well formed —
// a known measure, a statistic that fits it, thresholds ordered with `worse`, text for the
// clinician and the patient, and views that match the plane the measure lives in.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "openpt/motion/exercise.h"
#include "openpt/motion/measures.h"

namespace openpt::motion {
namespace {

const ExerciseLibrary& library() {
  static const ExerciseLibrary lib = [] {
    auto loaded = ExerciseLibrary::load(OPENPT_SOURCE_DIR "/data/exercises");
    if (!loaded) {
      ADD_FAILURE() << loaded.error().to_string();
      return ExerciseLibrary{};
    }
    return *loaded;
  }();
  return lib;
}

constexpr std::string_view kRehabilitation[] = {"deep_squat",
                                                "mini_squat",
                                                "sit_to_stand",
                                                "forward_lunge",
                                                "inline_lunge",
                                                "side_lunge",
                                                "hurdle_step",
                                                "step_down",
                                                "glute_bridge",
                                                "standing_hip_abduction",
                                                "active_straight_leg_raise",
                                                "heel_raise",
                                                "shoulder_flexion",
                                                "shoulder_abduction",
                                                "shoulder_scaption",
                                                "shoulder_extension",
                                                "shoulder_rotation",
                                                "wall_slide",
                                                "elbow_flexion"};
constexpr std::string_view kFitness[] = {
    "squat",       "push_up",     "sit_up",           "pull_up",
    "front_raise", "bench_press", "triceps_pushdown", "jumping_jack"};

// Measures that only exist in one plane: a rule on them must not claim the other views.
bool frontal_only(std::string_view m) {
  return m == "knee_frontal_projection" || m == "trunk_lateral_lean" || m == "pelvic_obliquity" ||
         m == "pelvic_drop" || m == "hip_abduction" || m == "shoulder_abduction" ||
         m == "com_lateral" || m == "knee_separation";
}
bool sagittal_only(std::string_view m) {
  return m == "hip_flexion" || m == "shoulder_flexion" || m == "trunk_flexion" ||
         m == "ankle_dorsiflexion" || m == "com_forward";
}

bool has_view(const std::vector<CameraView>& views, CameraView v) {
  return std::find(views.begin(), views.end(), v) != views.end();
}

TEST(ExerciseLibrary, LoadsAtLeast27Exercises) {
  EXPECT_GE(library().exercises().size(), 27U);
}

TEST(ExerciseLibrary, RequiredExercisesArePresentWithTheirCategory) {
  for (auto id : kRehabilitation) {
    const ExerciseDefinition* e = library().find(id);
    ASSERT_NE(e, nullptr) << id;
    EXPECT_EQ(e->id, id);
    EXPECT_EQ(e->category, "rehabilitation") << id;
  }
  for (auto id : kFitness) {
    const ExerciseDefinition* e = library().find(id);
    ASSERT_NE(e, nullptr) << id;
    EXPECT_EQ(e->id, id);
    EXPECT_EQ(e->category, "fitness") << id;
  }
}

TEST(ExerciseLibrary, DatasetClassNamesResolveAsAliases) {
  // The class names of the Countix-Fitness labels.
  const std::pair<std::string_view, std::string_view> aliases[] = {
      {"lunge", "forward_lunge"},
      {"pull_ups", "pull_up"},
      {"front_raises", "front_raise"},
      {"bench_pressing", "bench_press"},
      {"rope_pushdown", "triceps_pushdown"},
      {"squat", "squat"},
      {"push_up", "push_up"},
      {"sit_up", "sit_up"}};
  for (const auto& [alias, id] : aliases) {
    const ExerciseDefinition* e = library().find(alias);
    ASSERT_NE(e, nullptr) << alias;
    EXPECT_EQ(e->id, id) << alias;
  }
}

TEST(ExerciseLibrary, EveryExerciseIsDescribedAndHasAConsistentMovement) {
  for (const ExerciseDefinition& e : library().exercises()) {
    SCOPED_TRACE(e.file);
    EXPECT_FALSE(e.name.empty());
    EXPECT_FALSE(e.description.empty());
    EXPECT_FALSE(e.views.empty());
    const MovementDefinition& m = e.movement;
    ASSERT_FALSE(m.signals.empty());
    for (const auto& s : m.signals) EXPECT_NE(find_frame_measure(s), nullptr) << s;
    EXPECT_GT(m.min_rom_deg, 0);
    EXPECT_LE(m.min_rom_deg, 0.5 * m.target_rom_deg) << "min_rom_deg must stay generous";
    EXPECT_GT(m.min_duration_s, 0);
    EXPECT_LT(m.min_duration_s, m.max_duration_s);
    // A sagittal driving signal alone cannot be measured from the front (and vice versa).
    const bool any_frontal = std::any_of(m.signals.begin(), m.signals.end(),
                                         [](const std::string& s) { return !sagittal_only(s); });
    const bool any_sagittal = std::any_of(m.signals.begin(), m.signals.end(),
                                          [](const std::string& s) { return !frontal_only(s); });
    if (has_view(e.views, CameraView::kFront) || has_view(e.views, CameraView::kBack)) {
      EXPECT_TRUE(any_frontal) << "front/back view listed but every signal is sagittal";
    }
    if (has_view(e.views, CameraView::kSide)) {
      EXPECT_TRUE(any_sagittal) << "side view listed but every signal is frontal";
    }
  }
}

TEST(ExerciseLibrary, RequiredExercisesHaveThreeToEightRules) {
  for (auto list : {std::span<const std::string_view>(kRehabilitation),
                    std::span<const std::string_view>(kFitness)}) {
    for (auto id : list) {
      const ExerciseDefinition* e = library().find(id);
      ASSERT_NE(e, nullptr) << id;
      EXPECT_GE(e->rules.size(), 3U) << id;
      EXPECT_LE(e->rules.size(), 8U) << id;
    }
  }
}

TEST(ExerciseLibrary, EveryRuleIsWellFormed) {
  for (const ExerciseDefinition& e : library().exercises()) {
    EXPECT_GE(e.rules.size(), 1U) << e.file;
    std::set<std::string> codes;
    for (const FormRule& r : e.rules) {
      SCOPED_TRACE(e.file + ": " + r.code);
      EXPECT_TRUE(codes.insert(r.code).second) << "duplicate code";
      EXPECT_FALSE(r.title.empty());
      const MeasureInfo* frame = find_frame_measure(r.measure);
      const RepMeasureInfo* per_rep = find_rep_measure(r.measure);
      ASSERT_TRUE(frame != nullptr || per_rep != nullptr) << "unknown measure " << r.measure;
      EXPECT_EQ(per_rep != nullptr, r.statistic == RuleStatistic::kValue);
      if (frame != nullptr && frame->bilateral) {
        EXPECT_NE(r.sides, RuleSides::kNone);
      }
      if (r.worse_above) {
        EXPECT_GT(r.significant, r.mild);
      } else {
        EXPECT_LT(r.significant, r.mild);
      }
      if (r.statistic == RuleStatistic::kFractionAbove ||
          r.statistic == RuleStatistic::kFractionBelow) {
        EXPECT_GT(r.mild, 0);
        EXPECT_LE(r.significant, 100);
      }
      if (r.statistic == RuleStatistic::kMaxAbs || r.statistic == RuleStatistic::kMeanAbs ||
          r.statistic == RuleStatistic::kRange) {
        EXPECT_TRUE(r.worse_above) << "a magnitude is worse when large";
        EXPECT_GT(r.mild, 0);
      }
      EXPECT_GT(r.weight, 0);
      EXPECT_LE(r.weight, 3);
      EXPECT_FALSE(r.finding.empty());
      EXPECT_FALSE(r.cue.empty());
      EXPECT_NE(r.finding.find("{value}"), std::string::npos) << "the finding shows the value";
      if (r.sides == RuleSides::kEach || r.sides == RuleSides::kWorking) {
        EXPECT_TRUE(r.finding.find("{Side}") != std::string::npos ||
                    r.finding.find("{side}") != std::string::npos)
            << "a per-side finding names the side";
      } else {
        EXPECT_EQ(r.finding.find("{Side}"), std::string::npos);
        EXPECT_EQ(r.finding.find("{side}"), std::string::npos);
        EXPECT_EQ(r.cue.find("{side}"), std::string::npos);
      }
      // Left–right comparisons need both limbs doing the same thing in the same rep.
      if (r.measure == "rom_asymmetry" || r.measure == "timing_asymmetry") {
        EXPECT_EQ(e.movement.sides, SideCombination::kMean)
            << "asymmetry rules need a bilateral movement";
      }
      // The views a rule is judged from must fit the plane of its measure.
      const std::vector<CameraView>& views = r.views.empty() ? e.views : r.views;
      if (frontal_only(r.measure)) {
        EXPECT_FALSE(has_view(views, CameraView::kSide)) << r.measure << " is frontal";
      }
      if (sagittal_only(r.measure)) {
        EXPECT_FALSE(has_view(views, CameraView::kFront)) << r.measure << " is sagittal";
        EXPECT_FALSE(has_view(views, CameraView::kBack)) << r.measure << " is sagittal";
      }
    }
  }
}

TEST(ExerciseLibrary, IdsAndAliasesAreUnique) {
  std::set<std::string> names;
  for (const ExerciseDefinition& e : library().exercises()) {
    EXPECT_TRUE(names.insert(e.id).second) << e.id;
    for (const auto& a : e.aliases) EXPECT_TRUE(names.insert(a).second) << a;
  }
}

}  // namespace
}  // namespace openpt::motion
