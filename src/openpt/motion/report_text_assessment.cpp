// The assessment part of the plain-text report, which leads it: exercise, repetitions and
// score with the reasons that lowered it, the findings worst first with their cues, what
// went well, the per-repetition table, rules that were not checked and movement notes.
// Text from exercise files is passed through printable() (no terminal control codes).
#include <fmt/format.h>

#include <iterator>
#include <string>
#include <vector>

#include "openpt/core/printable.h"
#include "openpt/motion/report_detail.h"

namespace openpt::motion::detail {

namespace {

using Out = std::back_insert_iterator<std::string>;

constexpr std::size_t kFactWidth = 14;

void summary(std::string& text, const Assessment& a) {
  auto out = std::back_inserter(text);
  fmt::format_to(out, "  {:<{}}{}\n", "Exercise", kFactWidth, printable(exercise_text(a)));
  fmt::format_to(out, "  {:<{}}{}\n", "Repetitions", kFactWidth, rep_count_text(a));
  fmt::format_to(out, "  {:<{}}{}\n", "Score", kFactWidth, score_text(a));
  if (!a.score) return;
  // The reason's text names the rule and side: "Knee valgus (left)".
  for (const ScoreReason& s : a.score_reasons) {
    fmt::format_to(out, "  {:<{}}{:>7} points  {}\n", "", kFactWidth,
                   fmt::format("−{:.1f}", s.points), printable(s.text));
  }
}

void findings(std::string& text, const Assessment& a) {
  auto out = std::back_inserter(text);
  fmt::format_to(out, "\nFindings, worst first\n");
  if (a.automatic) {
    append_wrapped(text, "  ",
                   "Form was not checked: no exercise was named. Give --exercise NAME to check "
                   "the form rules of an exercise.");
    return;
  }
  bool any = false;
  for (const Finding& f : a.findings) {
    if (f.severity == Severity::kOk) continue;
    any = true;
    const std::string_view tag = f.severity == Severity::kSignificant ? "[SIGNIFICANT]" : "[MILD]";
    append_wrapped(
        text, "  ",
        fmt::format("{} {}: {}", tag, printable(finding_heading(f)), finding_measure_text(f)));
    append_wrapped(text, "    ", printable(f.text));
    if (!f.cue.empty()) append_wrapped(text, "    Patient cue: ", printable(f.cue));
  }
  if (!any) {
    fmt::format_to(out, "  {}\n",
                   a.rep_count > 0 ? std::string("No compensation found in any repetition.")
                                   : fmt::format("None: {} to check.", nothing_counted_text(a)));
  }
  std::vector<const Finding*> ok;
  for (const Finding& f : a.findings) {
    if (f.severity == Severity::kOk) ok.push_back(&f);
  }
  if (ok.empty()) return;
  fmt::format_to(out, "\nWhat went well\n");
  for (const Finding* f : ok) append_wrapped(text, "  + ", printable(f->text));
}

void rep_table(std::string& text, const Assessment& a) {
  auto out = std::back_inserter(text);
  fmt::format_to(out, "\nRepetitions ({}, {})\n", printable(a.signal), printable(a.signal_unit));
  if (a.reps.empty()) {
    fmt::format_to(out, "  No repetition was found.\n");
    return;
  }
  const bool ecc = has_eccentric_times(a);
  fmt::format_to(out, "  {:>4}{:>9}{:>9}{:>9}{:>8}{:>8}{:>8}{:>10}  {:<26}{}\n", "Rep", "Start s",
                 "Turn s", "End s", "ROM", ecc ? "Ecc s" : "Out s", ecc ? "Con s" : "Ret s",
                 "Peak /s", "Result", "Findings");
  for (const RepResult& r : a.reps) {
    const std::string findings =
        r.number == 0 ? printable(not_counted_reason(r)) : printable(rep_findings_text(r, a));
    fmt::format_to(out, "  {:>4}{:>9}{:>9}{:>9}{:>8}{:>8}{:>8}{:>10}  {:<26}{}\n",
                   r.number > 0 ? fmt::format("{}", r.number) : std::string(kMissing),
                   format_seconds(r.timing.start_s), format_seconds(r.timing.turn_s),
                   format_seconds(r.timing.end_s), format_deg(r.rom_deg),
                   format_seconds(first_phase_s(r, ecc)), format_seconds(second_phase_s(r, ecc)),
                   format_deg(r.peak_velocity_deg_s), classification_text(r, a.automatic),
                   findings);
  }
  fmt::format_to(
      out, "  ROM and peak velocity in {} of the driving signal{}.\n", printable(a.signal_unit),
      ecc ? "; Ecc/Con: eccentric and concentric phase" : "; Out/Ret: outward and return phase");
}

void skipped_and_notes(std::string& text, const Assessment& a) {
  auto out = std::back_inserter(text);
  if (!a.skipped.empty()) {
    fmt::format_to(out, "\nNot checked\n");
    for (const SkippedRule& s : a.skipped) {
      append_wrapped(text, "  - ", printable(fmt::format("{}: {}", s.code, s.reason)));
    }
  }
  fmt::format_to(out, "\nMovement\n");
  append_wrapped(text, "  - ",
                 printable(fmt::format("Driving signal: {}; typical range of a repetition {}",
                                       a.signal, format_in_unit(a.typical_rom, a.signal_unit))));
  for (const std::string& note : a.notes) append_wrapped(text, "  - ", printable(note));
}

}  // namespace

void append_text_assessment(std::string& text, const AnalysisReport& report) {
  if (!report.assessment) {
    if (report.assessment_error.empty()) return;
    text += "Assessment\n";
    append_wrapped(text, "  Not available: ", printable(report.assessment_error));
    text += "\n";
    return;
  }
  const Assessment& a = *report.assessment;
  text += "Assessment\n";
  summary(text, a);
  findings(text, a);
  rep_table(text, a);
  skipped_and_notes(text, a);
  text += "\n";
}

}  // namespace openpt::motion::detail
