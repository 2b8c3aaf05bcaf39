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
//   eval_gait_events [--data DIR] [--tolerance-ms 100] [--verbose]
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "eval_common.h"
#include "openpt/gait/foot_events.h"
#include "openpt/gait/imu_formats.h"

namespace {

using openpt::gait::EventType;
using openpt::gait::GaitEvent;
using openpt::gait::Placement;

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

// Greedy one-to-one matching by increasing |time difference| within the tolerance.
void match(const std::vector<double>& truth, const std::vector<double>& found, double tolerance_s,
           Tally& tally) {
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
  std::size_t matched = 0;
  for (const auto& p : pairs) {
    if (used_t[p.t] || used_f[p.f]) continue;
    used_t[p.t] = used_f[p.f] = true;
    ++matched;
    tally.errors_ms.push_back((found[p.f] - truth[p.t]) * 1000.0);
  }
  for (std::size_t i = 0; i < truth.size(); ++i) {
    if (!used_t[i]) tally.missed_s.push_back(truth[i]);
  }
  for (std::size_t j = 0; j < found.size(); ++j) {
    if (!used_f[j]) tally.extra_s.push_back(found[j]);
  }
  tally.tp += matched;
  tally.fn += truth.size() - matched;
  tally.fp += found.size() - matched;
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
  std::vector<double> step_errors;
  std::vector<double> step_relative_errors;
  int failures = 0;
  for (const auto& json_path : trials) {
    // The data set's JSON writes a missing weight as NaN (Python's json), which strict JSON
    // parsers reject; it becomes null here.
    std::ifstream in(json_path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (std::size_t at = text.find(": NaN"); at != std::string::npos; at = text.find(": NaN")) {
      text.replace(at, 5, ": null");
    }
    const auto meta = nlohmann::json::parse(text, nullptr, false);
    if (meta.is_discarded()) {
      fmt::print(stderr, "{}: not valid JSON\n", json_path.filename().string());
      ++failures;
      continue;
    }
    const std::string stem = json_path.stem().string();
    const double fs = 100.0;  // IPOL: every file says "Acquisition frequency: 100 Hz"
    const double begin = meta["TrialBoundaries"][0].get<double>() / fs;
    const double end = meta["TrialBoundaries"][1].get<double>() / fs;
    int truth_steps = 0, found_steps = 0;
    std::string line = stem;
    for (const auto& [suffix, key, placement, side] :
         {std::tuple{"_lf.txt", "LeftFootEvents", Placement::kLeftFoot, "left"},
          std::tuple{"_rf.txt", "RightFootEvents", Placement::kRightFoot, "right"}}) {
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
      std::vector<double> truth_ic, truth_fc, found_ic, found_fc;
      for (const auto& step : meta[key]) {
        const double fc = step[0].get<double>() / fs;
        const double ic = step[1].get<double>() / fs;
        if (fc >= begin - 1e-9 && fc <= end + 1e-9) truth_fc.push_back(fc);
        if (ic >= begin - 1e-9 && ic <= end + 1e-9) truth_ic.push_back(ic);
      }
      for (const GaitEvent& e : found->events) {
        if (e.t_s < begin - tolerance_s || e.t_s > end + tolerance_s) continue;
        (e.type == EventType::kInitialContact ? found_ic : found_fc).push_back(e.t_s);
      }
      Tally trial_ic, trial_fc;
      match(truth_ic, found_ic, tolerance_s, trial_ic);
      match(truth_fc, found_fc, tolerance_s, trial_fc);
      for (const auto& [name, t] : {std::pair{"IC", &trial_ic}, std::pair{"FC", &trial_fc}}) {
        for (double m : t->missed_s) line += fmt::format(" [missed {} {:.2f}]", name, m);
        for (double m : t->extra_s) line += fmt::format(" [extra {} {:.2f}]", name, m);
      }
      match(truth_ic, found_ic, tolerance_s, tallies[std::string(side) + " initial contact"]);
      match(truth_fc, found_fc, tolerance_s, tallies[std::string(side) + " final contact"]);
      match(truth_ic, found_ic, tolerance_s, tallies["all initial contact"]);
      match(truth_fc, found_fc, tolerance_s, tallies["all final contact"]);
      truth_steps += static_cast<int>(truth_ic.size());
      found_steps += static_cast<int>(found_ic.size());
      line += fmt::format("  {} IC {}/{} FC {}/{}", side, found_ic.size(), truth_ic.size(),
                          found_fc.size(), truth_fc.size());
    }
    step_errors.push_back(found_steps - truth_steps);
    step_relative_errors.push_back(
        truth_steps ? std::abs(found_steps - truth_steps) / static_cast<double>(truth_steps) : 0.0);
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
  return failures ? 1 : 0;
}
