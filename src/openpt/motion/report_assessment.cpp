// The words the text and HTML reports use for the assessment (report_detail.h): severity
// and classification labels, the exercise, rep count and score lines, a finding's measured
// value against its threshold, a rep's own findings, and which measure drove the reps.
#include <fmt/format.h>

#include <cmath>
#include <string>
#include <vector>

#include "openpt/motion/form_rules.h"
#include "openpt/motion/measures.h"
#include "openpt/motion/report_detail.h"

namespace openpt::motion::detail {

std::string_view severity_label(Severity s) {
  switch (s) {
    case Severity::kSignificant: return "Significant";
    case Severity::kMild: return "Mild";
    case Severity::kOk: return "OK";
  }
  return "OK";
}

std::string_view classification_key(const RepResult& rep, bool automatic) {
  if (rep.number == 0) return is_partial(rep) ? "partial" : "outside_position";
  if (automatic) return "unchecked";
  switch (rep.classification) {
    case Severity::kSignificant: return "significant";
    case Severity::kMild: return "mild";
    case Severity::kOk: return "correct";
  }
  return "correct";
}

std::string classification_text(const RepResult& rep, bool automatic) {
  const std::string_view key = classification_key(rep, automatic);
  if (key == "unchecked") return "not checked";
  if (key == "outside_position") return "not counted";
  if (key == "mild" || key == "significant") return std::string(key) + " compensation";
  return std::string(key);
}

std::string exercise_text(const Assessment& a) {
  if (a.automatic) return fmt::format("detected automatically: {}", a.signal);
  if (a.exercise_name.empty() || a.exercise_name == a.exercise_id) return a.exercise_id;
  return fmt::format("{} ({})", a.exercise_name, a.exercise_id);
}

std::string rep_count_text(const Assessment& a) {
  const int partial = partial_count(a), outside = outside_position_count(a);
  std::vector<std::string> parts;
  if (partial > 0) {
    parts.push_back(fmt::format("{} partial repetition{}", partial, partial == 1 ? "" : "s"));
  }
  if (outside > 0) {
    parts.push_back(fmt::format("{} movement{} outside the exercise's position", outside,
                                outside == 1 ? "" : "s"));
  }
  if (parts.empty()) return fmt::format("{}", a.rep_count);
  return fmt::format("{} ({} not counted)", a.rep_count, fmt::join(parts, " and "));
}

std::string nothing_counted_text(const Assessment& a) {
  const int outside = outside_position_count(a);
  if (outside == 0) return "no complete repetition";
  return fmt::format("no repetition in the exercise's position ({} movement{} outside it)", outside,
                     outside == 1 ? "" : "s");
}

std::string score_text(const Assessment& a) {
  if (a.score) return fmt::format("{:.0f} / 100", *a.score);
  if (a.automatic) return "not scored: no exercise was named, so form was not checked";
  if (a.rep_count == 0) return "not scored: " + nothing_counted_text(a);
  return "not scored";
}

std::string finding_heading(const Finding& f) {
  if (f.side == Side::kNone) return f.title;
  return fmt::format("{} ({})", f.title, side_name(f.side));
}

std::string finding_measure_text(const Finding& f) {
  if (f.code == "partial_reps") return fmt::format("{:.0f} partial", f.value);
  std::string text = fmt::format("measured {}", format_value(f.value, f.unit));
  if (std::isfinite(f.threshold)) {
    const std::string_view which = f.severity == Severity::kSignificant ? "significant" : "mild";
    text += fmt::format("; {} threshold {}", which, format_value(f.threshold, f.unit));
  }
  return text;
}

std::string rep_finding_text(const RepFinding& rf, const Assessment& a) {
  std::string title = rf.code, unit;
  for (const Finding& f : a.findings) {
    if (f.code == rf.code) {
      title = f.title;
      unit = f.unit;
      break;
    }
  }
  const std::string side = rf.side == Side::kNone ? "" : fmt::format(" ({})", side_name(rf.side));
  return fmt::format("{}{} {}, {}", title, side, format_value(rf.value, unit),
                     severity_name(rf.severity));
}

std::string rep_findings_text(const RepResult& rep, const Assessment& a) {
  std::vector<std::string> parts;
  for (const RepFinding& rf : rep.findings) parts.push_back(rep_finding_text(rf, a));
  if (parts.empty()) return std::string(kMissing);
  return fmt::format("{}", fmt::join(parts, "; "));
}

bool has_eccentric_times(const Assessment& a) {
  for (const RepResult& r : a.reps) {
    if (std::isfinite(r.eccentric_s)) return true;
  }
  return false;
}

double first_phase_s(const RepResult& rep, bool eccentric) {
  return eccentric ? rep.eccentric_s : rep.outward_s;
}

double second_phase_s(const RepResult& rep, bool eccentric) {
  return eccentric ? rep.concentric_s : rep.return_s;
}

std::string format_seconds(double value) {
  if (!std::isfinite(value)) return std::string(kMissing);
  return fmt::format("{:.2f}", value);
}

std::string format_in_unit(double value, std::string_view unit) {
  if (!std::isfinite(value)) return std::string(kMissing);
  return format_deg(value) + (unit == "°" || unit.empty() ? "" : " ") + std::string(unit);
}

DrivingMeasure driving_measure(const Assessment& assessment) {
  DrivingMeasure d;
  d.measure = assessment.signal_measure;
  d.driving_side = assessment.signal_side;
  const MeasureInfo* info = find_frame_measure(d.measure);
  d.bilateral = info != nullptr && info->bilateral;
  return d;
}

}  // namespace openpt::motion::detail
