// Lower-back contacts and turns on the real recordings of ../shared/data/gait-ipol-dev
// (skipped without the data), every trial whose lower-back file can be read: the annotated
// initial contacts of both feet inside the walk are matched side-agnostically to the
// nearest detected one within 100 ms. The thresholds sit a little below what this test and
// `eval_gait_events` measure (docs/gait.md, "Evaluation"; measured in parentheses), so a
// regression shows: recall ≥ 0.80 (0.83), at most 15 % of detections unmatched (11.5 %),
// median |error| ≤ 50 ms (40), the right side in ≥ 85 % of matches (87.8 %), the U-turn
// found in ≥ 95 % of trials (100 %), cadence over the contacts' span within 5 % on average
// (3.3 %).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "openpt/gait/imu_formats.h"
#include "openpt/gait/ipol_annotations.h"
#include "openpt/gait/lower_back_events.h"
#include "openpt/gait/turns.h"
#include "support/test_support.h"

namespace openpt::gait {
namespace {

struct Truth {
  double t_s;
  Side side;
};

TEST(LowerBackIpolDataset, ContactsAndTurnsMatchTheAnnotations) {
  const auto dir = openpt::testing::require_shared_data_or_skip() / "gait-ipol-dev";
  std::vector<std::filesystem::path> trials;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") trials.push_back(entry.path());
  }
  std::sort(trials.begin(), trials.end());
  std::size_t annotated = 0, matched = 0, right_side = 0, detected = 0, unmatched = 0;
  std::size_t uturns = 0, uturns_found = 0, evaluated = 0;
  std::vector<double> abs_errors, cadence_errors;
  for (const auto& json : trials) {
    auto meta = read_ipol_annotations(json);
    ASSERT_TRUE(meta) << meta.error().to_string();
    const auto lb = dir / (json.stem().string() + "_lb.txt");
    auto signal = read_ipol_imu(lb, Placement::kLowerBack);
    if (!signal) continue;  // a lost stretch longer than --max-gap (one file of the set)
    ++evaluated;
    auto back = detect_lower_back_events(*signal);
    ASSERT_TRUE(back) << back.error().to_string();
    std::vector<Truth> truth;
    for (const auto& [steps, side] :
         {std::pair{&meta->left_steps, Side::kLeft}, std::pair{&meta->right_steps, Side::kRight}}) {
      for (const auto& s : *steps) {
        if (meta->in_trial(s.initial_contact_s)) truth.push_back({s.initial_contact_s, side});
      }
    }
    std::vector<const GaitEvent*> ics;
    for (const auto& e : back->events) {
      if (e.type == EventType::kInitialContact && meta->in_trial(e.t_s, 0.1)) ics.push_back(&e);
    }
    detected += ics.size();
    for (const GaitEvent* e : ics) {
      bool near = false;
      for (const auto& t : truth) near = near || std::abs(t.t_s - e->t_s) <= 0.1;
      unmatched += !near;
    }
    double first = 1e9, last = -1e9;
    for (const auto& t : truth) {
      ++annotated;
      first = std::min(first, t.t_s);
      last = std::max(last, t.t_s);
      const GaitEvent* best = nullptr;
      for (const GaitEvent* e : ics) {
        if (!best || std::abs(e->t_s - t.t_s) < std::abs(best->t_s - t.t_s)) best = e;
      }
      if (!best || std::abs(best->t_s - t.t_s) > 0.1) continue;
      ++matched;
      right_side += best->side == t.side;
      abs_errors.push_back(std::abs(best->t_s - t.t_s));
    }
    if (ics.size() >= 2 && truth.size() >= 2) {
      const double truth_cadence = 60.0 * static_cast<double>(truth.size() - 1) / (last - first);
      const double found_cadence =
          60.0 * static_cast<double>(ics.size() - 1) / (ics.back()->t_s - ics.front()->t_s);
      cadence_errors.push_back(std::abs(found_cadence - truth_cadence) / truth_cadence);
    }
    if (meta->uturn_start_s) {
      ++uturns;
      for (const Turn& turn :
           detect_turns(back->yaw_rate_rps, signal->sample_rate_hz, signal->t0_s)) {
        if (turn.start_s < *meta->uturn_end_s && turn.end_s > *meta->uturn_start_s) {
          ++uturns_found;
          break;
        }
      }
    }
  }
  ASSERT_FALSE(abs_errors.empty());
  std::nth_element(abs_errors.begin(), abs_errors.begin() + abs_errors.size() / 2,
                   abs_errors.end());
  double mean_cadence_error = 0;
  for (double e : cadence_errors) {
    mean_cadence_error += e / static_cast<double>(cadence_errors.size());
  }
  std::printf(
      "measured: %zu trials, recall %.3f, unmatched %.3f, side %.3f, median |e| %.0f ms, "
      "cadence %.2f %%, U-turns %zu/%zu\n",
      evaluated, static_cast<double>(matched) / static_cast<double>(annotated),
      static_cast<double>(unmatched) / static_cast<double>(detected),
      static_cast<double>(right_side) / static_cast<double>(matched),
      1000 * abs_errors[abs_errors.size() / 2], 100 * mean_cadence_error, uturns_found, uturns);
  ASSERT_GE(evaluated, 40u);
  ASSERT_GT(annotated, 1000u);
  EXPECT_GE(static_cast<double>(matched), 0.80 * static_cast<double>(annotated));
  EXPECT_LE(static_cast<double>(unmatched), 0.15 * static_cast<double>(detected));
  EXPECT_GE(static_cast<double>(right_side), 0.85 * static_cast<double>(matched));
  EXPECT_LE(abs_errors[abs_errors.size() / 2], 0.0501);
  EXPECT_LE(mean_cadence_error, 0.05);
  EXPECT_GE(static_cast<double>(uturns_found), 0.95 * static_cast<double>(uturns));
}

}  // namespace
}  // namespace openpt::gait
