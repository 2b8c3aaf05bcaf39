// The annotations of the IPOL gait data set (Voisard et al. 2023, "Gait data of healthy and
// pathological subjects", IPOL; the layout of ../shared/data/gait-ipol-dev): one JSON file
// per trial (`S-T.json`) beside its sensor files (`S-T_lf.txt`, `_rf.txt`, `_lb.txt`).
//
// Fields used: `TrialBoundaries` [start, end] (the walk, in samples of the sensors' packet
// clock), `UTurnBoundaries` [start, end] (the U-turn), and `LeftFootEvents` /
// `RightFootEvents`, one [start, end] per footstep: the foot leaves the ground at `start`
// (final contact, toe-off) and lands at `end` (initial contact). Python's json writes a
// missing value (e.g. an unknown weight) as `NaN`, which strict JSON rejects: bare `NaN`,
// `Infinity` and `-Infinity` tokens outside strings are read as null. Times are converted to
// seconds by the sample rate (every IPOL file is 100 Hz).
//
//   auto a = read_ipol_annotations(dir / "1-1.json");
//   if (!a) return tl::unexpected(a.error());
//   for (const IpolFootstep& s : a->left_steps) check(s.final_contact_s, s.initial_contact_s);
//   bool walking = a->in_trial(t_s);
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "openpt/core/error.h"

namespace openpt::gait {

struct IpolFootstep {
  double final_contact_s = 0;    // the footstep's start: toe-off
  double initial_contact_s = 0;  // its end: heel strike
};

struct IpolAnnotations {
  double trial_start_s = 0, trial_end_s = 0;         // TrialBoundaries
  std::optional<double> uturn_start_s, uturn_end_s;  // UTurnBoundaries (absent: no value)
  std::vector<IpolFootstep> left_steps, right_steps;

  // t within TrialBoundaries widened by `margin_s` on both sides.
  [[nodiscard]] bool in_trial(double t_s, double margin_s = 1e-9) const {
    return t_s >= trial_start_s - margin_s && t_s <= trial_end_s + margin_s;
  }
};

// The JSON text with bare NaN / Infinity / -Infinity tokens (outside strings) as null.
[[nodiscard]] std::string python_json_to_strict(std::string_view text);

// Reads one trial's annotations. kNotFound when the file is missing; kBadInput (naming the
// file and the field) when it is not JSON, a required field is missing, or a boundary or
// footstep is not a pair of finite numbers with start ≤ end.
[[nodiscard]] Result<IpolAnnotations> read_ipol_annotations(const std::filesystem::path& path,
                                                            double sample_rate_hz = 100);

}  // namespace openpt::gait
