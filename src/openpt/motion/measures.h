// Measures: every per-frame signal an exercise definition can name, by name and side.
//
// The joint angles of kinematics.h under their side-less names ("knee_flexion",
// "trunk_flexion"), plus measures derived from the cleaned landmark tracks that form rules
// need: shoulder rotation, shoulder elevation (hike), heel height (heel lift), pelvic drop,
// wrist height, pelvis height and the centre of mass over the base of support (sway).
// Distances are normalised by the subject's own body (leg or trunk length), so they mean
// the same in metres and in pixels. Derived measures are computed on first use and cached;
// they need kinematics computed with `keep_tracks`. Every measure is listed with its unit
// and definition in docs/exercises.md.
//
//   MeasureSet m(kinematics);
//   auto knee = m.series("knee_flexion", Side::kLeft);     // Result<const std::vector<double>*>
#pragma once

#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/motion/kinematics.h"

namespace openpt::motion {

struct MeasureInfo {
  std::string_view name;
  std::string_view unit;  // "°", "% leg", "% trunk"
  bool bilateral;
  std::string_view description;
};

// Per-frame measures (not the per-repetition ones: rom, duration_s, ...).
std::span<const MeasureInfo> frame_measures();
const MeasureInfo* find_frame_measure(std::string_view name);

// Per-repetition measures a rule can name with statistic "value".
struct RepMeasureInfo {
  std::string_view name;
  std::string_view unit;
  bool bilateral;  // evaluated per side of the driving measure
  std::string_view description;
};
std::span<const RepMeasureInfo> rep_measures();
const RepMeasureInfo* find_rep_measure(std::string_view name);

class MeasureSet {
 public:
  explicit MeasureSet(const Kinematics& kinematics);

  // The per-frame series of `name` for `side` (Side::kNone for side-less measures), or an
  // error saying why it is not available (angle not measurable in this view, skeleton
  // lacks a joint, kinematics computed without tracks, unknown name).
  Result<const std::vector<double>*> series(std::string_view name, Side side);

  [[nodiscard]] const Kinematics& kinematics() const { return kinematics_; }

 private:
  const Kinematics& kinematics_;
  std::map<std::string, std::vector<double>, std::less<>> cache_;
  double leg_length_ = NAN, trunk_length_ = NAN;  // medians, computed on first use
  std::map<std::string, Error, std::less<>> failures_;
};

}  // namespace openpt::motion
