// Form rules, one repetition at a time: the value a rule measures in a rep, its severity,
// the score points it costs, and the finding text with its placeholders filled in.
// Used by assessment.cpp; semantics in docs/exercises.md.
//
//   RuleContext ctx{kinematics, measures, signal};
//   double v = rule_value(rule, Side::kLeft, rep, ctx);
//   Severity s = rule_severity(rule, v);
#pragma once

#include <optional>
#include <string>

#include "openpt/motion/assessment.h"
#include "openpt/motion/driving_signal.h"
#include "openpt/motion/measures.h"

namespace openpt::motion {

struct RuleContext {
  const Kinematics& kinematics;
  MeasureSet& measures;
  const DrivingSignal& signal;
  std::string primary_measure;  // the exercise's own driving measure
};

// Why the rule cannot be judged from this recording (view, skeleton, signal), or nullopt.
std::optional<std::string> rule_not_applicable(const FormRule& rule, RuleContext& ctx);

// The sides a rule is evaluated on: {kNone}, {kLeft, kRight}, {kLeft} or {kRight}; for
// "working", the driving signal's chosen side, or both when it combines the sides.
std::vector<Side> rule_sides(const FormRule& rule, const DrivingSignal& signal);

// The rule's statistic for one rep and side; NaN when the measure is missing in the phase.
double rule_value(const FormRule& rule, Side side, const RepResult& rep, RuleContext& ctx);

Severity rule_severity(const FormRule& rule, double value);

// Points a value costs (before the rule's weight), continuous in the value: 10 at the mild
// threshold, 25 at the significant one, rising to 40 one mild–significant span beyond it;
// short of mild, a quadratic margin from 0 one span before mild (never past zero) to 10.
double penalty_points(const FormRule& rule, double value);

// The unit of the rule's value: "%" for fractions, else the measure's unit.
std::string rule_unit(const FormRule& rule);

// "18°", "40 %", "1.2 s", "4.5 % leg".
std::string format_value(double value, const std::string& unit);

// Fills {Side} {side} {value} {threshold} {level} {unit} {phase}.
std::string fill_template(const std::string& text, const FormRule& rule, Side side, double value,
                          double threshold, const std::string& phase_words);

// "the descent", "the rise", "the return", ... for the rule's phase.
std::string phase_words(const FormRule& rule, const MovementDefinition& movement);

}  // namespace openpt::motion
