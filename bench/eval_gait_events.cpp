// eval_gait_events: gait-event detection on ../shared/data/gait-ipol-dev (docs/evaluation.md).
//
// For every trial (S-T.json with S-T_lf.txt, S-T_rf.txt), detects initial and final contacts
// on each foot sensor and matches them one to one with the annotated footstep boundaries
// (each annotated footstep [start, end] is a final contact at `start` and an initial contact
// at `end`, in samples of the sensors' packet clock). Only the walk counts: annotated events
// inside TrialBoundaries, detected events inside it widened by the tolerance. Prints, per
// foot and event type, precision, recall and F1 and the timing error (detected − annotated:
// median, IQR, median of |error|), and the per-trial step-count error.
//
// Then the lower back (S-T_lb.txt, lower_back_events.h and turns.h): its initial and final
// contacts matched one to one with the annotated contacts of both feet (side-agnostic F1;
// the share of matches with the right side), the per-trial cadence and step-count errors,
// and the detected turns against UTurnBoundaries.
//
//   eval_gait_events [--data DIR] [--tolerance-ms 100] [--verbose]
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "eval_common.h"
#include "openpt/gait/foot_events.h"
#include "openpt/gait/gait_analysis.h"
#include "openpt/gait/imu_formats.h"
#include "openpt/gait/ipol_annotations.h"
#include "openpt/gait/lower_back_events.h"
#include "openpt/gait/turns.h"

namespace {

using openpt::gait::EventType;
using openpt::gait::GaitEvent;
using openpt::gait::IpolAnnotations;
using openpt::gait::Placement;
using openpt::gait::Side;

struct Tally {
  std::size_t tp = 0, fp = 0, fn = 0;
  std::vector<double> errors_ms;
  std::vector<double> missed_s, extra_s;  // annotated events not found, found events not annotated
};

double quantile(std::vector<double> v, double q) {
  if (v.empty()) return std::nan("");
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const auto hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (v[hi] - v[lo]) * (pos - static_cast<double>(lo));
}

struct MatchedPair {
  std::size_t truth, found;
};

// Greedy one-to-one matching by increasing |time difference| within the tolerance; returns
// the matched (truth, found) index pairs.
std::vector<MatchedPair> match(const std::vector<double>& truth, const std::vector<double>& found,
                               double tolerance_s, Tally& tally) {
  struct Pair {
    double distance;
    std::size_t t, f;
  };
  std::vector<Pair> pairs;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    for (std::size_t j = 0; j < found.size(); ++j) {
      const double d = std::abs(found[j] - truth[i]);
      if (d <= tolerance_s) pairs.push_back({d, i, j});
    }
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const Pair& a, const Pair& b) { return a.distance < b.distance; });
  std::vector<bool> used_t(truth.size()), used_f(found.size());
  std::vector<MatchedPair> matched_pairs;
  for (const auto& p : pairs) {
    if (used_t[p.t] || used_f[p.f]) continue;
    used_t[p.t] = used_f[p.f] = true;
    matched_pairs.push_back({p.t, p.f});
    tally.errors_ms.push_back((found[p.f] - truth[p.t]) * 1000.0);
  }
  const std::size_t matched = matched_pairs.size();
  for (std::size_t i = 0; i < truth.size(); ++i) {
    if (!used_t[i]) tally.missed_s.push_back(truth[i]);
  }
  for (std::size_t j = 0; j < found.size(); ++j) {
    if (!used_f[j]) tally.extra_s.push_back(found[j]);
  }
  tally.tp += matched;
  tally.fn += truth.size() - matched;
  tally.fp += found.size() - matched;
  return matched_pairs;
}

std::string row(const std::string& name, const Tally& t) {
  const double precision = t.tp + t.fp ? static_cast<double>(t.tp) / (t.tp + t.fp) : 0;
  const double recall = t.tp + t.fn ? static_cast<double>(t.tp) / (t.tp + t.fn) : 0;
  const double f1 = 2.0 * t.tp / std::max<double>(1, 2.0 * t.tp + t.fp + t.fn);
  std::vector<double> abs_errors;
  for (double e : t.errors_ms) abs_errors.push_back(std::abs(e));
  return fmt::format(
      "{:<22} {:>6} {:>5} {:>5} {:>7.3f} {:>7.3f} {:>7.3f} {:>9.1f} {:>7.1f} {:>7.1f} {:>9.1f}\n",
      name, t.tp, t.fp, t.fn, precision, recall, f1, quantile(t.errors_ms, 0.5),
      quantile(t.errors_ms, 0.25), quantile(t.errors_ms, 0.75), quantile(abs_errors, 0.5));
}

// Events of one type from annotated footsteps inside the walk, with their side.
struct Annotated {
  std::vector<double> t_s;
  std::vector<Side> side;
};

Annotated annotated(const IpolAnnotations& a, EventType type, std::optional<Side> only = {}) {
  std::vector<std::pair<double, Side>> all;
  for (const auto& [steps, side] :
       {std::pair{&a.left_steps, Side::kLeft}, std::pair{&a.right_steps, Side::kRight}}) {
    if (only && *only != side) continue;
    for (const auto& step : *steps) {
      const double t =
          type == EventType::kInitialContact ? step.initial_contact_s : step.final_contact_s;
      if (a.in_trial(t)) all.emplace_back(t, side);
    }
  }
  std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  Annotated out;
  for (const auto& [t, side] : all) {
    out.t_s.push_back(t);
    out.side.push_back(side);
  }
  return out;
}

// Steps per minute from a sorted list of initial contacts: (n − 1) steps over their span.
double cadence_spm(const std::vector<double>& ic_s) {
  if (ic_s.size() < 2) return std::nan("");
  return 60.0 * static_cast<double>(ic_s.size() - 1) / (ic_s.back() - ic_s.front());
}

// 60 / mean step time of the annotated steps outside the U-turn (consecutive ICs of
// alternating feet): what the report's cadence, which leaves turning strides out, estimates.
double straight_cadence_spm(const Annotated& ics, const IpolAnnotations& a) {
  double sum = 0;
  std::size_t n = 0;
  for (std::size_t i = 1; i < ics.t_s.size(); ++i) {
    if (ics.side[i] == ics.side[i - 1]) continue;
    if (a.uturn_start_s && ics.t_s[i] > *a.uturn_start_s && ics.t_s[i - 1] < *a.uturn_end_s) {
      continue;
    }
    sum += ics.t_s[i] - ics.t_s[i - 1];
    ++n;
  }
  return n ? 60.0 * static_cast<double>(n) / sum : std::nan("");
}

// Lower-back results over all trials.
struct BackTally {
  Tally ic, fc;
  std::size_t ic_side_right = 0, fc_side_right = 0;
  std::size_t side_votes_overruled = 0, contacts = 0;
  std::vector<double> cadence_errors, cadence_relative_errors, step_errors;
  std::vector<double> reported_cadence_errors, reported_cadence_relative_errors;
  std::size_t trials = 0, unreadable = 0, uturns = 0, uturns_found = 0, extra_turns = 0;
  std::vector<double> turn_start_errors_ms, turn_end_errors_ms;
};

// "error median …, Q1 …, Q3 …, mean |error| …, max |error| …, mean relative |error| … %".
std::string error_summary(const std::vector<double>& errors, const std::vector<double>& relative) {
  std::vector<double> abs_errors;
  for (double e : errors) abs_errors.push_back(std::abs(e));
  return fmt::format(
      "error median {:+.2f}, Q1 {:+.2f}, Q3 {:+.2f}, mean |error| {:.2f}, max |error| {:.2f}, "
      "mean relative |error| {:.2f} %",
      quantile(errors, 0.5), quantile(errors, 0.25), quantile(errors, 0.75),
      openpt::eval::mean(abs_errors),
      abs_errors.empty() ? 0.0 : *std::max_element(abs_errors.begin(), abs_errors.end()),
      100 * openpt::eval::mean(relative));
}

void print_back(const BackTally& b, double tolerance_ms) {
  fmt::print(
      "\nLower back (McCamley 2012) against the contacts of both feet: {} trials, tolerance "
      "±{:.0f} ms, side-agnostic matching ({} unreadable lower-back file(s) left out)\n\n",
      b.trials, tolerance_ms, b.unreadable);
  fmt::print("{:<22} {:>6} {:>5} {:>5} {:>7} {:>7} {:>7} {:>9} {:>7} {:>7} {:>9} {:>7}\n", "event",
             "TP", "FP", "FN", "prec", "recall", "F1", "median", "Q1", "Q3", "med |e|", "side ok");
  for (const auto& [name, t, right] : {std::tuple{"lower back IC", &b.ic, b.ic_side_right},
                                       std::tuple{"lower back FC", &b.fc, b.fc_side_right}}) {
    std::string line = row(name, *t);
    line.pop_back();
    fmt::print("{} {:>7.3f}\n", line, t->tp ? static_cast<double>(right) / t->tp : 0.0);
  }
  std::vector<double> abs_steps;
  int exact = 0;
  for (double e : b.step_errors) {
    abs_steps.push_back(std::abs(e));
    exact += e == 0;
  }
  fmt::print(
      "\nSide: the yaw vote of {} of {} detected initial contacts was overruled by the "
      "alternation\n",
      b.side_votes_overruled, b.contacts);
  fmt::print("Cadence per trial ((n − 1) / span of the ICs in the walk, steps/min): {}\n",
             error_summary(b.cadence_errors, b.cadence_relative_errors));
  fmt::print(
      "Reported cadence per trial (openpt gait --sensor lower_back=: 60 / mean step time, "
      "turning strides left out) vs 60 / mean annotated step time outside the U-turn: {}\n",
      error_summary(b.reported_cadence_errors, b.reported_cadence_relative_errors));
  fmt::print(
      "Step count per trial (ICs in the walk): exact in {}/{} trials, mean |error| {:.2f} "
      "steps, max |error| {:.0f}\n",
      exact, b.step_errors.size(), openpt::eval::mean(abs_steps),
      abs_steps.empty() ? 0.0 : *std::max_element(abs_steps.begin(), abs_steps.end()));
  fmt::print(
      "U-turn (El-Gohary 2014): a detected turn overlaps the annotated one in {}/{} trials; "
      "start error median {:+.0f} ms (Q1 {:+.0f}, Q3 {:+.0f}), end error median {:+.0f} ms "
      "(Q1 {:+.0f}, Q3 {:+.0f}); {} other turn(s) detected inside the walks\n",
      b.uturns_found, b.uturns, quantile(b.turn_start_errors_ms, 0.5),
      quantile(b.turn_start_errors_ms, 0.25), quantile(b.turn_start_errors_ms, 0.75),
      quantile(b.turn_end_errors_ms, 0.5), quantile(b.turn_end_errors_ms, 0.25),
      quantile(b.turn_end_errors_ms, 0.75), b.extra_turns);
}

// The lower-back sensor of one trial against its annotations; appends to `line`.
bool evaluate_back(const std::filesystem::path& file, const IpolAnnotations& truth,
                   double tolerance_s, BackTally& tally, std::string& line) {
  auto signal = openpt::gait::read_ipol_imu(file, Placement::kLowerBack);
  if (!signal) {  // a data problem, not the detector's: the trial is left out and counted
    fmt::print(stderr, "lower back left out: {}\n", signal.error().to_string());
    ++tally.unreadable;
    return true;
  }
  auto back = openpt::gait::detect_lower_back_events(*signal);
  if (!back) {
    fmt::print(stderr, "{}\n", back.error().to_string());
    return false;
  }
  ++tally.trials;
  tally.side_votes_overruled += back->side_disagreements;
  for (const auto& [type, t, right] :
       {std::tuple{EventType::kInitialContact, &tally.ic, &tally.ic_side_right},
        std::tuple{EventType::kFinalContact, &tally.fc, &tally.fc_side_right}}) {
    const Annotated expected = annotated(truth, type);
    std::vector<double> found;
    std::vector<Side> found_side;
    for (const GaitEvent& e : back->events) {
      if (e.type != type || !truth.in_trial(e.t_s, tolerance_s)) continue;
      found.push_back(e.t_s);
      found_side.push_back(e.side);
    }
    Tally trial;
    std::string sides;
    for (const auto& p : match(expected.t_s, found, tolerance_s, trial)) {
      *right += expected.side[p.truth] == found_side[p.found];
      sides += expected.side[p.truth] == found_side[p.found] ? '+' : '-';
    }
    const char* kind = type == EventType::kInitialContact ? "IC" : "FC";
    if (type == EventType::kInitialContact) line += " sides " + sides;
    for (double m : trial.missed_s) line += fmt::format(" [back missed {} {:.2f}]", kind, m);
    for (double m : trial.extra_s) line += fmt::format(" [back extra {} {:.2f}]", kind, m);
    match(expected.t_s, found, tolerance_s, *t);
    if (type == EventType::kInitialContact) {
      tally.contacts += found.size();
      const double c_truth = cadence_spm(expected.t_s);
      const double c_found = cadence_spm(found);
      tally.cadence_errors.push_back(c_found - c_truth);
      tally.cadence_relative_errors.push_back(std::abs(c_found - c_truth) / c_truth);
      tally.step_errors.push_back(static_cast<double>(found.size()) -
                                  static_cast<double>(expected.t_s.size()));
      line += fmt::format("  back IC {}/{} cadence {:.1f}/{:.1f}", found.size(),
                          expected.t_s.size(), c_found, c_truth);
    }
  }
  openpt::gait::ImuRecording recording;
  recording.sensors.push_back(*signal);
  auto analysis = openpt::gait::analyze_gait(recording);
  if (!analysis) {
    fmt::print(stderr, "{}\n", analysis.error().to_string());
    return false;
  }
  const double reported = analysis->parameters.overall.cadence_spm;
  const double expected = straight_cadence_spm(annotated(truth, EventType::kInitialContact), truth);
  tally.reported_cadence_errors.push_back(reported - expected);
  tally.reported_cadence_relative_errors.push_back(std::abs(reported - expected) / expected);
  line += fmt::format(" reported cadence {:.1f}/{:.1f}", reported, expected);
  const auto turns =
      openpt::gait::detect_turns(back->yaw_rate_rps, signal->sample_rate_hz, signal->t0_s);
  if (truth.uturn_start_s) {
    ++tally.uturns;
    const openpt::gait::Turn* best = nullptr;
    double best_overlap = 0;
    for (const auto& turn : turns) {
      const double overlap =
          std::min(turn.end_s, *truth.uturn_end_s) - std::max(turn.start_s, *truth.uturn_start_s);
      if (overlap > best_overlap) {
        best_overlap = overlap;
        best = &turn;
      }
    }
    for (const auto& turn : turns) {
      if (&turn != best && turn.end_s > truth.trial_start_s && turn.start_s < truth.trial_end_s)
        ++tally.extra_turns;
    }
    if (best) {
      ++tally.uturns_found;
      tally.turn_start_errors_ms.push_back((best->start_s - *truth.uturn_start_s) * 1000);
      tally.turn_end_errors_ms.push_back((best->end_s - *truth.uturn_end_s) * 1000);
      line += fmt::format(" turn {:.2f}–{:.2f} s ({:+.0f}°) vs {:.2f}–{:.2f}", best->start_s,
                          best->end_s, best->angle_deg, *truth.uturn_start_s, *truth.uturn_end_s);
    } else {
      line += " [turn missed]";
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  double tolerance_ms = 100;
  bool verbose = false;
  openpt::gait::FootEventOptions detector;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--tolerance-ms") == 0 && i + 1 < argc) {
      tolerance_ms = std::atof(argv[++i]);
    } else if (std::strcmp(argv[i], "--min-peak") == 0 && i + 1 < argc) {
      detector.min_swing_peak_rps = std::atof(argv[++i]);
    } else if (std::strcmp(argv[i], "--relative-peak") == 0 && i + 1 < argc) {
      detector.relative_swing_peak = std::atof(argv[++i]);
    } else if (std::strcmp(argv[i], "--verbose") == 0) {
      verbose = true;
    } else if (std::strcmp(argv[i], "--data") == 0 && i + 1 < argc) {
      ++i;
    } else {
      fmt::print(stderr, "usage: eval_gait_events [--data DIR] [--tolerance-ms MS] [--verbose]\n");
      return 2;
    }
  }
  const auto dir = openpt::eval::dataset_dir(argc, argv, "gait-ipol-dev");
  std::vector<std::filesystem::path> trials;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") trials.push_back(entry.path());
  }
  std::sort(trials.begin(), trials.end());
  if (trials.empty()) {
    fmt::print(stderr, "eval_gait_events: no trial (*.json) in {}\n", dir.string());
    return 1;
  }
  const double tolerance_s = tolerance_ms / 1000.0;
  std::map<std::string, Tally> tallies;
  BackTally back;
  std::vector<double> step_errors;
  std::vector<double> step_relative_errors;
  int failures = 0;
  for (const auto& json_path : trials) {
    const auto truth = openpt::gait::read_ipol_annotations(json_path);
    if (!truth) {
      fmt::print(stderr, "{}\n", truth.error().to_string());
      ++failures;
      continue;
    }
    const std::string stem = json_path.stem().string();
    int truth_steps = 0, found_steps = 0;
    std::string line = stem;
    for (const auto& [suffix, placement, side, name] :
         {std::tuple{"_lf.txt", Placement::kLeftFoot, Side::kLeft, "left"},
          std::tuple{"_rf.txt", Placement::kRightFoot, Side::kRight, "right"}}) {
      auto signal = openpt::gait::read_ipol_imu(dir / (stem + suffix), placement);
      if (!signal) {
        fmt::print(stderr, "{}\n", signal.error().to_string());
        ++failures;
        continue;
      }
      auto found = openpt::gait::detect_foot_events(*signal, detector);
      if (!found) {
        fmt::print(stderr, "{}\n", found.error().to_string());
        ++failures;
        continue;
      }
      const auto truth_ic = annotated(*truth, EventType::kInitialContact, side).t_s;
      const auto truth_fc = annotated(*truth, EventType::kFinalContact, side).t_s;
      std::vector<double> found_ic, found_fc;
      for (const GaitEvent& e : found->events) {
        if (!truth->in_trial(e.t_s, tolerance_s)) continue;
        (e.type == EventType::kInitialContact ? found_ic : found_fc).push_back(e.t_s);
      }
      Tally trial_ic, trial_fc;
      match(truth_ic, found_ic, tolerance_s, trial_ic);
      match(truth_fc, found_fc, tolerance_s, trial_fc);
      for (const auto& [kind, t] : {std::pair{"IC", &trial_ic}, std::pair{"FC", &trial_fc}}) {
        for (double m : t->missed_s) line += fmt::format(" [missed {} {:.2f}]", kind, m);
        for (double m : t->extra_s) line += fmt::format(" [extra {} {:.2f}]", kind, m);
      }
      match(truth_ic, found_ic, tolerance_s, tallies[std::string(name) + " initial contact"]);
      match(truth_fc, found_fc, tolerance_s, tallies[std::string(name) + " final contact"]);
      match(truth_ic, found_ic, tolerance_s, tallies["all initial contact"]);
      match(truth_fc, found_fc, tolerance_s, tallies["all final contact"]);
      truth_steps += static_cast<int>(truth_ic.size());
      found_steps += static_cast<int>(found_ic.size());
      line += fmt::format("  {} IC {}/{} FC {}/{}", name, found_ic.size(), truth_ic.size(),
                          found_fc.size(), truth_fc.size());
    }
    step_errors.push_back(found_steps - truth_steps);
    step_relative_errors.push_back(
        truth_steps ? std::abs(found_steps - truth_steps) / static_cast<double>(truth_steps) : 0.0);
    if (!evaluate_back(dir / (stem + "_lb.txt"), *truth, tolerance_s, back, line)) ++failures;
    if (verbose) fmt::print("{}\n", line);
  }

  fmt::print(
      "Gait events on gait-ipol-dev: {} trials, tolerance ±{:.0f} ms, errors detected − "
      "annotated (ms)\n\n",
      trials.size(), tolerance_ms);
  fmt::print("{:<22} {:>6} {:>5} {:>5} {:>7} {:>7} {:>7} {:>9} {:>7} {:>7} {:>9}\n", "event", "TP",
             "FP", "FN", "prec", "recall", "F1", "median", "Q1", "Q3", "med |e|");
  for (const char* name : {"left initial contact", "right initial contact", "left final contact",
                           "right final contact", "all initial contact", "all final contact"}) {
    fmt::print("{}", row(name, tallies[name]));
  }
  std::vector<double> abs_steps;
  int exact = 0;
  for (double e : step_errors) {
    abs_steps.push_back(std::abs(e));
    exact += e == 0;
  }
  fmt::print(
      "\nStep count per trial (initial contacts of both feet): exact in {}/{} trials, "
      "mean |error| {:.2f} steps, max |error| {:.0f}, mean relative error {:.3f}\n",
      exact, step_errors.size(), openpt::eval::mean(abs_steps),
      abs_steps.empty() ? 0.0 : *std::max_element(abs_steps.begin(), abs_steps.end()),
      openpt::eval::mean(step_relative_errors));
  fmt::print(
      "Targets (issue 5): F1 >= 0.98 and median |timing error| <= 20 ms for both contacts\n");
  print_back(back, tolerance_ms);
  return failures ? 1 : 0;
}
