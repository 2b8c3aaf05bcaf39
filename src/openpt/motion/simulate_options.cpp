#include "openpt/motion/simulate_options.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "openpt/core/csv.h"
#include "openpt/motion/skeleton.h"

namespace openpt::motion {

namespace {

Result<void> check_range(double value, double lo, double hi, std::string_view name,
                         std::string_view unit = "") {
  if (value >= lo && value <= hi) return {};
  return bad_input(fmt::format("simulation option {} = {} is out of range", name, value),
                   std::string(name), fmt::format("use a value from {} to {}{}", lo, hi, unit));
}

// 0 (off) or within [lo, hi].
Result<void> check_off_or_range(double value, double lo, double hi, std::string_view name) {
  if (value == 0 || (value >= lo && value <= hi)) return {};
  return bad_input(fmt::format("simulation option {} = {} is out of range", name, value),
                   std::string(name), fmt::format("use 0 (none) or {} to {} s", lo, hi));
}

Result<void> check_compensations(const Compensations& c, double rep_duration_s) {
  const double max_delay_s = std::min(5.0, 0.5 * rep_duration_s);
  const std::array<Result<void>, 15> checks = {
      check_range(c.left_knee_valgus_deg, -45, 45, "left_knee_valgus_deg", "°"),
      check_range(c.right_knee_valgus_deg, -45, 45, "right_knee_valgus_deg", "°"),
      check_range(c.trunk_flexion_deg, -30, 45, "trunk_flexion_deg", "°"),
      check_range(c.trunk_lateral_lean_deg, -45, 45, "trunk_lateral_lean_deg", "°"),
      check_range(c.pelvic_obliquity_deg, -30, 30, "pelvic_obliquity_deg", "°"),
      check_range(c.left_shoulder_hike_m, 0, 0.15, "left_shoulder_hike_m", " m"),
      check_range(c.right_shoulder_hike_m, 0, 0.15, "right_shoulder_hike_m", " m"),
      check_range(c.depth_scale, 0, 1.5, "depth_scale"),
      check_range(c.right_depth_scale, 0, 1.5, "right_depth_scale"),
      check_range(c.heel_lift_deg, 0, 45, "heel_lift_deg", "°"),
      check_range(c.outward_fraction, 0.1, 0.9, "outward_fraction"),
      check_range(c.hold_s, 0, 60, "hold_s", " s"),
      check_range(c.right_delay_s, -max_delay_s, max_delay_s, "right_delay_s",
                  " s (at most half the rep duration, 5 s)"),
      check_range(c.sway_m, 0, 0.3, "sway_m", " m"),
      check_range(c.sway_period_s, 0.3, 10, "sway_period_s", " s"),
  };
  for (const auto& r : checks) {
    if (!r) return r;
  }
  return {};
}

Result<void> check_per_rep(const SimulationOptions& o, double rep_duration_s) {
  const auto reps = static_cast<std::size_t>(o.reps);
  for (int r : o.compensated_reps) {
    if (r < 1 || r > o.reps) {
      return bad_input(fmt::format("simulation option compensated_reps names rep {}, but there "
                                   "are {} reps",
                                   r, o.reps),
                       "compensated_reps", fmt::format("use rep numbers from 1 to {}", o.reps));
    }
  }
  for (const auto* list : {&o.rep_depth_scale, &o.rep_duration_scale}) {
    const char* name = list == &o.rep_depth_scale ? "rep_depth_scale" : "rep_duration_scale";
    if (list->size() > reps) {
      return bad_input(
          fmt::format("simulation option {} has {} values for {} reps", name, list->size(), reps),
          name, "give at most one value per rep (missing values are 1)");
    }
  }
  for (std::size_t i = 0; i < o.rep_depth_scale.size(); ++i) {
    auto ok = check_range(o.rep_depth_scale[i], 0, 1.5, fmt::format("rep_depth_scale[{}]", i));
    if (!ok) return ok;
  }
  double shortest_s = rep_duration_s;
  for (std::size_t i = 0; i < o.rep_duration_scale.size(); ++i) {
    const double f = o.rep_duration_scale[i];
    auto ok = check_range(f, 0.1, 10, fmt::format("rep_duration_scale[{}]", i));
    if (!ok) return ok;
    ok = check_range(f * rep_duration_s, 0.5, 120, fmt::format("rep {} duration", i + 1),
                     " s (rep_duration_s × rep_duration_scale)");
    if (!ok) {
      Error e = ok.error();
      e.where = fmt::format("rep_duration_scale[{}]", i);
      return tl::unexpected(e);
    }
    shortest_s = std::min(shortest_s, f * rep_duration_s);
  }
  const double hold_s = o.compensations.hold_s;
  if (!(hold_s < 0.8 * shortest_s)) {
    return bad_input(
        fmt::format("simulation option hold_s = {} is out of range", hold_s), "hold_s",
        fmt::format("use at least 0 and less than 80 % of the shortest rep ({} s)", shortest_s));
  }
  return {};
}

Result<void> check_realism(const SimulationOptions& o) {
  const std::array<Result<void>, 4> checks = {
      check_off_or_range(o.setup_s, 2, 120, "setup_s"),
      check_off_or_range(o.walk_away_s, 2, 120, "walk_away_s"),
      check_range(o.baseline_drift_deg, -30, 30, "baseline_drift_deg", "°"),
      check_range(o.dropped_frames, 0, 0.9, "dropped_frames", " (a share of the frames)"),
  };
  for (const auto& r : checks) {
    if (!r) return r;
  }
  for (std::size_t i = 0; i < o.occlusions.size(); ++i) {
    const Occlusion& occ = o.occlusions[i];
    if (!(occ.start_s >= 0 && occ.end_s >= occ.start_s && occ.end_s < 1e6)) {
      return bad_input(fmt::format("simulation option occlusions[{}] has the time window {}–{} s",
                                   i, occ.start_s, occ.end_s),
                       fmt::format("occlusions[{}]", i),
                       "give a start of at least 0 s and an end not before it, under 1000000 s");
    }
    if (occ.landmarks.empty()) {
      return bad_input(fmt::format("simulation option occlusions[{}] names no landmarks", i),
                       fmt::format("occlusions[{}]", i),
                       "name a landmark group such as lower_body");
    }
    for (std::size_t j : occ.landmarks) {
      if (j >= blazepose33().landmark_count()) {
        return bad_input(
            fmt::format("simulation option occlusions[{}] names landmark {}", i, j),
            fmt::format("occlusions[{}]", i),
            fmt::format("BlazePose landmarks are 0 to {}", blazepose33().landmark_count() - 1));
      }
    }
  }
  return {};
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = text.find(sep, begin);
    parts.push_back(trim(text.substr(begin, end - begin)));
    if (end == std::string_view::npos) break;
    begin = end + 1;
  }
  return parts;
}

Result<int> parse_rep_number(std::string_view item, std::string_view whole) {
  auto n = parse_csv_integer(item);
  if (!n || *n < 1 || *n > 1000) {
    return bad_input(fmt::format("'{}' in '{}' is not a rep number from 1 to 1000", item, whole),
                     {}, "e.g. 3-5,7");
  }
  return static_cast<int>(*n);
}

constexpr std::array<std::size_t, 8> kLowerBody = {25, 26, 27, 28, 29, 30, 31, 32};

}  // namespace

std::string_view moving_side_name(MovingSide side) {
  switch (side) {
    case MovingSide::kBoth: return "both";
    case MovingSide::kLeft: return "left";
    case MovingSide::kRight: return "right";
    case MovingSide::kAlternating: return "alternating";
    default: return "auto";
  }
}

Result<MovingSide> parse_moving_side(std::string_view name) {
  for (MovingSide s : {MovingSide::kAuto, MovingSide::kBoth, MovingSide::kLeft, MovingSide::kRight,
                       MovingSide::kAlternating}) {
    if (moving_side_name(s) == name) return s;
  }
  return bad_input(fmt::format("unknown side '{}'", name), {},
                   "use auto, both, left, right or alternating");
}

Result<void> check_simulation_options(const SimulationOptions& o, double rep_duration_s) {
  const std::array<Result<void>, 12> checks = {
      check_range(o.reps, 1, 1000, "reps"),
      check_range(o.fps, 1, 1000, "fps", " frames per second"),
      check_range(o.stature_m, 0.5, 2.5, "stature_m", " m"),
      check_range(rep_duration_s, 0.5, 120, "rep_duration_s", " s (0 = the exercise's tempo)"),
      check_range(o.pause_s, 0, 60, "pause_s", " s"),
      check_range(o.image_width_px, 16, 16384, "image_width_px", " pixels"),
      check_range(o.image_height_px, 16, 16384, "image_height_px", " pixels"),
      check_range(o.image_noise_px, 0, 100, "image_noise_px", " pixels"),
      check_range(o.world_noise_m, 0, 0.5, "world_noise_m", " m"),
      check_range(o.camera_distance_m, 1, 20, "camera_distance_m", " m"),
      check_range(o.camera_height_m, 0, 3, "camera_height_m", " m (0 = default)"),
      check_range(o.vertical_fov_deg, 10, 150, "vertical_fov_deg", "°"),
  };
  for (const auto& r : checks) {
    if (!r) return r;
  }
  if (auto ok = check_compensations(o.compensations, rep_duration_s); !ok) return ok;
  if (auto ok = check_per_rep(o, rep_duration_s); !ok) return ok;
  return check_realism(o);
}

Result<std::vector<int>> parse_rep_list(std::string_view text) {
  std::vector<int> reps;
  if (trim(text).empty()) {
    return bad_input("the rep list is empty", {}, "e.g. 3-5,7");
  }
  for (std::string_view item : split(text, ',')) {
    const std::size_t dash = item.find('-');
    auto first = parse_rep_number(trim(item.substr(0, dash)), text);
    if (!first) return tl::unexpected(first.error());
    int last = *first;
    if (dash != std::string_view::npos) {
      auto l = parse_rep_number(trim(item.substr(dash + 1)), text);
      if (!l) return tl::unexpected(l.error());
      last = *l;
      if (last < *first) {
        return bad_input(fmt::format("the range '{}' in '{}' runs backwards", item, text), {},
                         "write ranges as FIRST-LAST, e.g. 3-5");
      }
    }
    for (int r = *first; r <= last; ++r) reps.push_back(r);
  }
  std::sort(reps.begin(), reps.end());
  reps.erase(std::unique(reps.begin(), reps.end()), reps.end());
  return reps;
}

Result<std::vector<double>> parse_number_list(std::string_view text) {
  if (trim(text).empty()) {
    return bad_input("the list of numbers is empty", {}, "e.g. 1,1,0.3,1");
  }
  std::vector<double> values;
  for (std::string_view item : split(text, ',')) {
    auto v = parse_csv_double(item);
    if (!v) {
      return bad_input(fmt::format("'{}' in '{}' is not a number", item, text), {},
                       "e.g. 1,1,0.3,1");
    }
    values.push_back(*v);
  }
  return values;
}

std::span<const std::string_view> landmark_group_names() {
  static constexpr std::array<std::string_view, 10> kNames = {
      "lower_body", "upper_body", "face",      "hips",      "left_arm",
      "right_arm",  "left_leg",   "right_leg", "left_side", "right_side"};
  return kNames;
}

Result<std::vector<std::size_t>> landmark_group(std::string_view name) {
  const Skeleton& s = blazepose33();
  std::vector<std::size_t> out;
  auto naming = [&](std::string_view side) {  // "mouth_left" too
    for (std::size_t j = 0; j < s.landmark_count(); ++j) {
      if (s.landmark_names[j].find(side) != std::string_view::npos) out.push_back(j);
    }
  };
  if (name == "lower_body") {
    out.assign(kLowerBody.begin(), kLowerBody.end());
  } else if (name == "upper_body") {
    for (std::size_t j = 0; j <= 22; ++j) out.push_back(j);
  } else if (name == "face") {
    for (std::size_t j = 0; j <= 10; ++j) out.push_back(j);
  } else if (name == "hips") {
    out = {23, 24};
  } else if (name == "left_arm" || name == "right_arm") {
    const std::size_t side = name == "left_arm" ? 0 : 1;
    for (std::size_t j = 11; j <= 21; j += 2) out.push_back(j + side);
  } else if (name == "left_leg" || name == "right_leg") {
    const std::size_t side = name == "left_leg" ? 0 : 1;
    for (std::size_t j = 25; j <= 31; j += 2) out.push_back(j + side);
  } else if (name == "left_side") {
    naming("left");
  } else if (name == "right_side") {
    naming("right");
  } else if (const int j = s.landmark_index(name); j >= 0) {
    out.push_back(static_cast<std::size_t>(j));
  } else {
    return bad_input(fmt::format("unknown landmark group '{}'", name), {},
                     fmt::format("use {} or a BlazePose landmark name such as left_knee",
                                 fmt::join(landmark_group_names(), ", ")));
  }
  return out;
}

Result<Occlusion> parse_occlusion(std::string_view text) {
  const std::string_view hint = "write GROUP:START-END in seconds, e.g. lower_body:2-3.5";
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) {
    return bad_input(fmt::format("'{}' has no time window", text), {}, std::string(hint));
  }
  Occlusion occ;
  for (std::string_view group : split(text.substr(0, colon), '+')) {
    auto landmarks = landmark_group(group);
    if (!landmarks) return tl::unexpected(landmarks.error());
    occ.landmarks.insert(occ.landmarks.end(), landmarks->begin(), landmarks->end());
  }
  std::sort(occ.landmarks.begin(), occ.landmarks.end());
  occ.landmarks.erase(std::unique(occ.landmarks.begin(), occ.landmarks.end()), occ.landmarks.end());
  const std::string_view window = trim(text.substr(colon + 1));
  const std::size_t dash = window.find('-', 1);  // a leading '-' would be a sign
  if (dash == std::string_view::npos) {
    return bad_input(fmt::format("'{}' is not a time window START-END", window), {},
                     std::string(hint));
  }
  auto start = parse_csv_double(window.substr(0, dash));
  auto end = parse_csv_double(window.substr(dash + 1));
  if (!start || !end || *start < 0 || *end < *start) {
    return bad_input(
        fmt::format("'{}' is not a time window START-END with 0 ≤ START ≤ END", window), {},
        std::string(hint));
  }
  occ.start_s = *start;
  occ.end_s = *end;
  return occ;
}

}  // namespace openpt::motion
