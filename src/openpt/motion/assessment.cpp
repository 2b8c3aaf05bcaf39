#include "openpt/motion/assessment.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "openpt/core/time_series.h"
#include "openpt/motion/driving_signal.h"
#include "openpt/motion/exercise_position.h"
#include "openpt/motion/form_rules.h"
#include "openpt/motion/measures.h"

namespace openpt::motion {

namespace {

constexpr double kPartialRepPoints = 5, kMaxPartialPoints = 15;
// Score reasons are listed from this many points (they are shown to one decimal).
constexpr double kMinReasonPoints = 0.05;

// outward_eccentric: nullopt when unknown (automatic detection): no eccentric/concentric.
// `position`: the exercise's position, when it has one; movements outside it, complete or
// not, are not numbered (exercise_position.h).
std::vector<RepResult> make_reps(const RepDetection& detection,
                                 std::optional<bool> outward_eccentric,
                                 const PositionCheck* position, MeasureSet& measures) {
  std::vector<RepResult> reps;
  int number = 0;
  for (const Repetition& r : detection.reps) {
    RepResult rep;
    rep.timing = r;
    if (position != nullptr) {
      rep.outside_position = outside_position(*position, measures, r).value_or("");
    }
    rep.number = r.complete && rep.outside_position.empty() ? ++number : 0;
    rep.rom_deg = r.rom;
    rep.outward_s = r.turn_s - r.start_s;
    rep.return_s = r.end_s - r.turn_s;
    if (outward_eccentric) {
      rep.eccentric_s = *outward_eccentric ? rep.outward_s : rep.return_s;
      rep.concentric_s = *outward_eccentric ? rep.return_s : rep.outward_s;
    }
    rep.peak_velocity_deg_s = r.peak_speed;
    reps.push_back(rep);
  }
  return reps;
}

struct RuleOutcome {
  const FormRule* rule;
  Side side;
  std::vector<std::pair<int, double>> values;  // rep number, value (complete reps)
};

Finding make_finding(const RuleOutcome& o, const MovementDefinition& movement) {
  const FormRule& rule = *o.rule;
  Finding f;
  f.code = rule.code;
  f.title = rule.title;
  f.side = o.side;
  f.unit = rule_unit(rule);
  std::vector<double> affected, all;
  int significant = 0, mild = 0;
  for (const auto& [number, value] : o.values) {
    if (!std::isfinite(value)) continue;
    all.push_back(value);
    const Severity s = rule_severity(rule, value);
    if (s == Severity::kOk) continue;
    (s == Severity::kSignificant ? significant : mild)++;
    affected.push_back(value);
    f.reps.push_back(number);
  }
  if (affected.empty()) {
    f.severity = Severity::kOk;
    f.value = all.empty() ? NAN : median(all);
    f.threshold = rule.mild;
    const std::string side = o.side == Side::kNone ? "" : fmt::format(" ({})", side_name(o.side));
    f.text = fmt::format("{}{}: within limits in all {} reps (median {}; mild from {})", rule.title,
                         side, all.size(), format_value(f.value, f.unit),
                         format_value(rule.mild, f.unit));
    return f;
  }
  f.severity = significant >= mild ? Severity::kSignificant : Severity::kMild;
  f.value = median(affected);
  f.threshold = f.severity == Severity::kSignificant ? rule.significant : rule.mild;
  const std::string phase = phase_words(rule, movement);
  f.text = fill_template(rule.finding, rule, o.side, f.value, f.threshold, phase) +
           fmt::format(" ({}{})", format_rep_list(f.reps),
                       f.reps.size() == all.size() ? ", every rep" : "");
  f.cue = fill_template(rule.cue, rule, o.side, f.value, f.threshold, phase);
  return f;
}

// Movements outside the exercise's position are not counted; a note says how many and when,
// or that the position could not be checked.
void note_outside_position(Assessment& a, const ExerciseDefinition& exercise,
                           MeasureSet& measures) {
  if (!exercise.movement.position) return;
  if (auto why = position_not_checked(*exercise.movement.position, measures)) {
    a.notes.push_back(fmt::format("the exercise's position ({}) was not checked: {}",
                                  exercise.movement.position->text, *why));
    return;
  }
  std::vector<std::string> times;
  for (const RepResult& r : a.reps) {
    if (!r.outside_position.empty()) times.push_back(fmt::format("{:.1f} s", r.timing.start_s));
  }
  if (times.empty()) return;
  a.notes.push_back(fmt::format(
      "{} movement{} of the {} outside the exercise's position ({}) {} not counted (starting "
      "at {})",
      times.size(), times.size() == 1 ? "" : "s", a.signal, exercise.movement.position->text,
      times.size() == 1 ? "was" : "were", fmt::join(times, ", ")));
}

void sort_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.severity != b.severity) return a.severity > b.severity;
    return a.reps.size() > b.reps.size();
  });
}

}  // namespace

bool is_partial(const RepResult& rep) {
  return !rep.timing.complete && rep.outside_position.empty();
}

int partial_count(const Assessment& a) {
  return static_cast<int>(std::count_if(a.reps.begin(), a.reps.end(), is_partial));
}

int outside_position_count(const Assessment& a) {
  return static_cast<int>(std::count_if(a.reps.begin(), a.reps.end(), [](const RepResult& r) {
    return !r.outside_position.empty();
  }));
}

const std::string& not_counted_reason(const RepResult& rep) {
  return is_partial(rep) ? rep.timing.partial_reason : rep.outside_position;
}

std::string format_rep_list(const std::vector<int>& reps) {
  if (reps.empty()) return "no reps";
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < reps.size();) {
    std::size_t j = i;
    while (j + 1 < reps.size() && reps[j + 1] == reps[j] + 1) ++j;
    if (j == i)
      parts.push_back(fmt::format("{}", reps[i]));
    else if (j == i + 1) {
      parts.push_back(fmt::format("{}", reps[i]));
      parts.push_back(fmt::format("{}", reps[j]));
    } else {
      parts.push_back(fmt::format("{}–{}", reps[i], reps[j]));
    }
    i = j + 1;
  }
  const bool single = reps.size() == 1;
  std::string list;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) list += i + 1 == parts.size() ? " and " : ", ";
    list += parts[i];
  }
  return (single ? "rep " : "reps ") + list;
}

Result<Assessment> assess(const Kinematics& kinematics, const ExerciseDefinition& exercise) {
  Assessment a;
  a.exercise_id = exercise.id;
  a.exercise_name = exercise.name;
  MeasureSet measures(kinematics);
  auto signal = driving_signal(measures, exercise.movement);
  if (!signal) return tl::unexpected(signal.error());
  a.signal = signal->description();
  a.signal_measure = signal->measure;
  a.signal_side = signal->chosen_side;
  a.signal_unit = std::string(find_frame_measure(signal->measure)->unit);
  a.notes = signal->notes;
  if (!kinematics.is_3d && std::find(exercise.views.begin(), exercise.views.end(),
                                     kinematics.view) == exercise.views.end()) {
    std::vector<std::string_view> names;
    for (CameraView v : exercise.views) names.push_back(camera_view_name(v));
    a.notes.push_back(
        fmt::format("{} is assessed from {} views; this recording is a {} view, so "
                    "some findings may be missed",
                    exercise.name, fmt::join(names, "/"), camera_view_name(kinematics.view)));
  }
  // The exercise's own signal may be one jitter outnumbers (reps.h).
  const RepDetection detection =
      signal->detection ? *signal->detection
                        : detect_signal_reps(*signal, kinematics.t_s, kFastestRepetitionHz);
  a.typical_rom = detection.typical_rom;
  a.reps = make_reps(detection, exercise.movement.outward_eccentric != signal->reversed,
                     exercise.movement.position ? &*exercise.movement.position : nullptr, measures);
  a.rep_count = static_cast<int>(
      std::count_if(a.reps.begin(), a.reps.end(), [](const RepResult& r) { return r.number > 0; }));
  note_outside_position(a, exercise, measures);

  RuleContext ctx{kinematics, measures, *signal, exercise.movement.candidates.front().measure};
  std::vector<RuleOutcome> outcomes;
  for (const FormRule& rule : exercise.rules) {
    if (auto why = rule_not_applicable(rule, ctx)) {
      a.skipped.push_back({rule.code, *why});
      continue;
    }
    for (Side side : rule_sides(rule, *signal)) outcomes.push_back({&rule, side, {}});
  }
  std::map<std::pair<std::string, Side>, double> points;
  for (RepResult& rep : a.reps) {
    if (rep.number == 0) continue;
    double deducted = 0;
    for (RuleOutcome& o : outcomes) {
      const double v = rule_value(*o.rule, o.side, rep, ctx);
      o.values.emplace_back(rep.number, v);
      const Severity s = rule_severity(*o.rule, v);
      const double p = o.rule->weight * penalty_points(*o.rule, v);
      if (p > 0) {
        deducted += p;
        points[{o.rule->code, o.side}] += p;
      }
      if (s == Severity::kOk) continue;
      rep.findings.push_back({o.rule->code, o.side, s, v});
      rep.classification = std::max(rep.classification, s);
    }
    rep.score = std::max(0.0, 100.0 - deducted);
  }
  for (const RuleOutcome& o : outcomes) {
    if (a.rep_count == 0) break;
    // A rule measured in no repetition (its landmarks hidden throughout) was not checked: it
    // is not "within limits".
    const bool measured = std::any_of(o.values.begin(), o.values.end(),
                                      [](const auto& v) { return std::isfinite(v.second); });
    if (!measured) {
      a.skipped.push_back(
          {o.rule->code,
           fmt::format("{}not measurable in any repetition: the landmarks it needs were "
                       "missing or out of view",
                       o.side == Side::kNone ? "" : fmt::format("{} side ", side_name(o.side)))});
      continue;
    }
    a.findings.push_back(make_finding(o, exercise.movement));
  }
  sort_findings(a.findings);

  const int partials = partial_count(a);
  if (partials > 0) {
    std::vector<std::string> times;
    for (const RepResult& r : a.reps) {
      if (is_partial(r)) times.push_back(fmt::format("{:.1f} s", r.timing.start_s));
    }
    Finding f;
    f.code = "partial_reps";
    f.title = "Partial repetitions";
    f.severity = Severity::kMild;
    f.value = partials;
    f.unit = "reps";
    f.text = fmt::format("{} partial repetition{} not counted (starting at {})", partials,
                         partials == 1 ? " was" : "s were", fmt::join(times, ", "));
    f.cue = "Finish each repetition through the full range before starting the next.";
    a.findings.insert(std::find_if(a.findings.begin(), a.findings.end(),
                                   [](const Finding& x) { return x.severity == Severity::kOk; }),
                      f);
  }
  if (a.rep_count > 0) {
    double total = 0;
    for (const RepResult& r : a.reps) total += r.number > 0 ? r.score : 0;
    double score = total / a.rep_count;
    for (const auto& [key, p] : points) {
      const double mean_points = p / a.rep_count;
      if (mean_points < kMinReasonPoints) continue;  // would show as "−0.0"
      const FormRule* rule = nullptr;
      for (const auto& r : exercise.rules) {
        if (r.code == key.first) rule = &r;
      }
      // Points from values still within limits (the margin below mild) say so.
      const bool flagged = std::any_of(a.findings.begin(), a.findings.end(), [&](const Finding& f) {
        return f.code == key.first && f.side == key.second && f.severity != Severity::kOk;
      });
      a.score_reasons.push_back(
          {key.first, key.second, mean_points,
           fmt::format("{}{}{}", rule ? rule->title : key.first,
                       key.second == Side::kNone ? "" : fmt::format(" ({})", side_name(key.second)),
                       flagged ? "" : ", close to its limit")});
    }
    if (partials > 0) {
      const double p = std::min(kMaxPartialPoints, kPartialRepPoints * partials);
      score -= p;
      a.score_reasons.push_back({"partial_reps", Side::kNone, p, "Partial repetitions"});
    }
    std::sort(a.score_reasons.begin(), a.score_reasons.end(),
              [](const ScoreReason& x, const ScoreReason& y) { return x.points > y.points; });
    a.score = std::clamp(score, 0.0, 100.0);
  }
  return a;
}

Result<Assessment> assess_auto(const Kinematics& kinematics) {
  Assessment a;
  a.exercise_id = "auto";
  a.exercise_name = "Detected automatically";
  a.automatic = true;
  MeasureSet measures(kinematics);
  auto signal = auto_driving_signal(measures);
  if (!signal) return tl::unexpected(signal.error());
  a.signal = signal->description();
  a.signal_measure = signal->measure;
  a.signal_side = signal->chosen_side;
  a.signal_unit = std::string(find_frame_measure(signal->measure)->unit);
  a.notes = signal->notes;
  a.notes.emplace_back("no exercise was named, so form rules were not checked");
  // Auto mode chose the signal by how its unsmoothed repetitions look (jittery candidates
  // were left out: auto_driving_signal.cpp); they are counted the same way.
  const RepDetection detection = detect_signal_reps(*signal, kinematics.t_s, 0);
  a.typical_rom = detection.typical_rom;
  a.reps = make_reps(detection, std::nullopt, nullptr, measures);
  a.rep_count = static_cast<int>(detection.complete_count());
  return a;
}

}  // namespace openpt::motion
