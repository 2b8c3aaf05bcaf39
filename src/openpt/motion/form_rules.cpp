#include "openpt/motion/form_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace openpt::motion {

namespace {

const std::vector<double>* driving_side(const DrivingSignal& s, Side side) {
  const auto& v = side == Side::kLeft ? s.left : s.right;
  return v.empty() ? nullptr : &v;
}

// Frame range [first, last] of a phase of the rep.
std::pair<std::size_t, std::size_t> phase_frames(RepPhase phase, const Repetition& r) {
  switch (phase) {
    case RepPhase::kOutward: return {r.start_frame, r.turn_frame};
    case RepPhase::kReturn: return {r.turn_frame, r.end_frame};
    case RepPhase::kTurn:
    case RepPhase::kEarly:
    case RepPhase::kRep: return {r.start_frame, r.end_frame};
  }
  return {r.start_frame, r.end_frame};
}

// The early phase: from the definition's start position until the driving signal has
// covered half of the way to the turning point. In a reversed recording the definition's
// outward half is the recording's return, starting at the recording's turning point.
std::pair<std::size_t, std::size_t> early_frames(const Repetition& r, const DrivingSignal& s) {
  const double sign = s.increases ? 1.0 : -1.0;
  const std::vector<double>& v = s.values;
  if (!s.reversed) {
    const double half = sign * r.start_value + 0.5 * r.rom;
    std::size_t last = r.start_frame;
    while (last < r.turn_frame && !(sign * v[last + 1] >= half)) ++last;
    return {r.start_frame, last};
  }
  const double half = sign * r.turn_value - 0.5 * r.return_rom;
  std::size_t last = r.turn_frame;
  while (last < r.end_frame && !(sign * v[last + 1] <= half)) ++last;
  return {r.turn_frame, last};
}

// Oriented range of one side of the driving measure within the rep, and the times it
// crosses half that range going out and coming back (well-defined even when the turn is
// flat, unlike the time of the extreme).
struct SideExcursion {
  double rom = NAN;
  double half_out_s = NAN, half_back_s = NAN;
};
SideExcursion side_excursion(const std::vector<double>& v, const DrivingSignal& s,
                             const Repetition& r, const std::vector<double>& t) {
  SideExcursion e;
  const double sign = s.increases ? 1.0 : -1.0;
  double start = NAN, best = NAN;
  std::size_t best_frame = r.start_frame;
  for (std::size_t f = r.start_frame; f <= r.end_frame; ++f) {
    const double x = sign * v[f];
    if (!std::isfinite(x)) continue;
    if (!std::isfinite(start)) start = x;
    if (!std::isfinite(best) || x > best) {
      best = x;
      best_frame = f;
    }
  }
  e.rom = best - start;
  const double half = start + 0.5 * e.rom;
  for (std::size_t f = r.start_frame; f <= best_frame; ++f) {
    if (sign * v[f] >= half) {
      e.half_out_s = t[f];
      break;
    }
  }
  for (std::size_t f = best_frame; f <= r.end_frame; ++f) {
    if (sign * v[f] <= half) {
      e.half_back_s = t[f];
      break;
    }
  }
  return e;
}

double rep_measure_value(const FormRule& rule, Side side, const RepResult& rep, RuleContext& ctx) {
  const std::string& m = rule.measure;
  if (m == "duration_s") return rep.timing.end_s - rep.timing.start_s;
  if (m == "outward_s") return ctx.signal.reversed ? rep.return_s : rep.outward_s;
  if (m == "return_s") return ctx.signal.reversed ? rep.outward_s : rep.return_s;
  if (m == "rom") {
    if (side == Side::kNone) return rep.rom_deg;
    const auto* v = driving_side(ctx.signal, side);
    return v ? side_excursion(*v, ctx.signal, rep.timing, ctx.kinematics.t_s).rom : NAN;
  }
  const auto* l = driving_side(ctx.signal, Side::kLeft);
  const auto* r = driving_side(ctx.signal, Side::kRight);
  if (l == nullptr || r == nullptr) return NAN;
  const SideExcursion el = side_excursion(*l, ctx.signal, rep.timing, ctx.kinematics.t_s);
  const SideExcursion er = side_excursion(*r, ctx.signal, rep.timing, ctx.kinematics.t_s);
  if (m == "rom_asymmetry") {
    const double big = std::max(el.rom, er.rom);
    return big > 0 ? 100.0 * std::abs(el.rom - er.rom) / big : NAN;
  }
  if (m == "timing_asymmetry") {
    const double duration = rep.timing.end_s - rep.timing.start_s;
    const double lag = std::max(std::abs(el.half_out_s - er.half_out_s),
                                std::abs(el.half_back_s - er.half_back_s));
    return duration > 0 ? 100.0 * lag / duration : NAN;
  }
  return NAN;
}

}  // namespace

std::vector<Side> rule_sides(const FormRule& rule, const DrivingSignal& signal) {
  switch (rule.sides) {
    case RuleSides::kWorking:
      if (signal.chosen_side != Side::kNone) return {signal.chosen_side};
      return {Side::kLeft, Side::kRight};
    case RuleSides::kNone: return {Side::kNone};
    case RuleSides::kEach: return {Side::kLeft, Side::kRight};
    case RuleSides::kLeft: return {Side::kLeft};
    case RuleSides::kRight: return {Side::kRight};
  }
  return {Side::kNone};
}

std::optional<std::string> rule_not_applicable(const FormRule& rule, RuleContext& ctx) {
  const Kinematics& k = ctx.kinematics;
  if (!k.is_3d && !rule.views.empty() &&
      std::find(rule.views.begin(), rule.views.end(), k.view) == rule.views.end()) {
    std::vector<std::string_view> names;
    for (CameraView v : rule.views) names.push_back(camera_view_name(v));
    return fmt::format("judged from {} views only; this 2D recording is a {} view",
                       fmt::join(names, "/"), camera_view_name(k.view));
  }
  if (find_rep_measure(rule.measure) != nullptr) {
    const bool range_based = rule.measure == "rom" || rule.measure == "rom_asymmetry" ||
                             rule.measure == "timing_asymmetry";
    if (range_based && ctx.signal.measure != ctx.primary_measure) {
      return fmt::format(
          "the repetitions were found on {} ({} was not usable), so the range of "
          "{} is not known",
          ctx.signal.measure, ctx.primary_measure, ctx.primary_measure);
    }
    const bool needs_sides = rule.measure == "rom_asymmetry" ||
                             rule.measure == "timing_asymmetry" ||
                             (rule.measure == "rom" && rule.sides != RuleSides::kNone);
    if (needs_sides && (ctx.signal.left.empty() || ctx.signal.right.empty())) {
      return fmt::format("needs both sides of {}, which this recording does not have",
                         ctx.signal.measure);
    }
    return std::nullopt;
  }
  for (Side side : rule_sides(rule, ctx.signal)) {
    auto s = ctx.measures.series(rule.measure, side);
    if (!s) return s.error().message;
  }
  return std::nullopt;
}

double rule_value(const FormRule& rule, Side side, const RepResult& rep, RuleContext& ctx) {
  if (rule.statistic == RuleStatistic::kValue) return rep_measure_value(rule, side, rep, ctx);
  auto series = ctx.measures.series(rule.measure, side);
  if (!series) return NAN;
  const std::vector<double>& v = **series;
  const Repetition& r = rep.timing;
  double base = 0;
  if (rule.relative) {
    base = NAN;
    for (std::size_t f = r.start_frame; f <= r.end_frame && !std::isfinite(base); ++f) base = v[f];
    if (!std::isfinite(base)) return NAN;
  }
  // A reversed recording runs return-then-outward in the definition's terms.
  RepPhase phase = rule.phase;
  if (ctx.signal.reversed && phase == RepPhase::kOutward)
    phase = RepPhase::kReturn;
  else if (ctx.signal.reversed && phase == RepPhase::kReturn)
    phase = RepPhase::kOutward;
  auto [first, last] =
      phase == RepPhase::kEarly ? early_frames(r, ctx.signal) : phase_frames(phase, r);
  // The turn: frames whose driving signal is within 10 % of the rep's range of the peak.
  const double sign = ctx.signal.increases ? 1.0 : -1.0;
  const double turn_band = sign * r.turn_value - 0.1 * rep.timing.rom;
  double lo = NAN, hi = NAN, sum = 0, sum_abs = 0, biggest = NAN;
  std::size_t n = 0, above = 0, below = 0;
  for (std::size_t f = first; f <= last; ++f) {
    if (rule.phase == RepPhase::kTurn && !(sign * ctx.signal.values[f] >= turn_band)) continue;
    const double x = v[f] - base;
    if (!std::isfinite(x)) continue;
    lo = n == 0 ? x : std::min(lo, x);
    hi = n == 0 ? x : std::max(hi, x);
    if (n == 0 || std::abs(x) > std::abs(biggest)) biggest = x;
    sum += x;
    sum_abs += std::abs(x);
    above += x > rule.level ? 1 : 0;
    below += x < rule.level ? 1 : 0;
    ++n;
  }
  if (n == 0) return NAN;
  switch (rule.statistic) {
    case RuleStatistic::kMax: return hi;
    case RuleStatistic::kMin: return lo;
    case RuleStatistic::kMean: return sum / static_cast<double>(n);
    case RuleStatistic::kMaxAbs: return std::abs(biggest);
    case RuleStatistic::kMeanAbs: return sum_abs / static_cast<double>(n);
    case RuleStatistic::kRange: return hi - lo;
    case RuleStatistic::kFractionAbove: return 100.0 * static_cast<double>(above) / n;
    case RuleStatistic::kFractionBelow: return 100.0 * static_cast<double>(below) / n;
    case RuleStatistic::kValue: break;
  }
  return NAN;
}

Severity rule_severity(const FormRule& rule, double value) {
  if (!std::isfinite(value)) return Severity::kOk;
  const double s = rule.worse_above ? 1.0 : -1.0;
  if (s * value > s * rule.significant) return Severity::kSignificant;
  if (s * value > s * rule.mild) return Severity::kMild;
  return Severity::kOk;
}

double penalty_points(const FormRule& rule, double value) {
  if (!std::isfinite(value)) return 0;
  const double span = rule.significant - rule.mild;  // signed: the way values get worse
  const double t = (value - rule.mild) / span;       // 0 at mild, 1 at significant
  if (t > 0) return 10 + 15 * std::min(t, 1.0) + 15 * std::clamp(t - 1.0, 0.0, 1.0);
  // Within limits: a margin of one span short of mild (never reaching past zero), over
  // which the penalty grows quadratically from 0 to the 10 points of the mild threshold.
  const double margin = std::min(std::abs(span), std::abs(rule.mild));
  if (!(margin > 0)) return 0;
  const double u = 1 + (value - rule.mild) / std::copysign(margin, span);  // 0 … 1 at mild
  return u > 0 ? 10 * u * u : 0;
}

std::string rule_unit(const FormRule& rule) {
  if (rule.statistic == RuleStatistic::kFractionAbove ||
      rule.statistic == RuleStatistic::kFractionBelow) {
    return "%";
  }
  if (const MeasureInfo* m = find_frame_measure(rule.measure)) return std::string(m->unit);
  if (const RepMeasureInfo* m = find_rep_measure(rule.measure)) return std::string(m->unit);
  return {};
}

std::string format_value(double value, const std::string& unit) {
  if (!std::isfinite(value)) return "not measured";
  if (unit == "°") return fmt::format("{:.0f}°", value);
  if (unit == "s") return fmt::format("{:.1f} s", value);
  if (unit == "%") return fmt::format("{:.0f} %", value);
  return fmt::format("{:.1f} {}", value, unit);
}

std::string phase_words(const FormRule& rule, const MovementDefinition& movement) {
  const bool lowering = movement.outward_eccentric;  // outward eccentric: lowering/descending
  switch (rule.phase) {
    case RepPhase::kOutward: return lowering ? "the descent" : "the lift";
    case RepPhase::kReturn: return lowering ? "the rise" : "the lowering";
    case RepPhase::kTurn: return "the turning point";
    case RepPhase::kEarly: return lowering ? "the start of the descent" : "the start of the lift";
    case RepPhase::kRep: return "the repetition";
  }
  return "the repetition";
}

std::string fill_template(const std::string& text, const FormRule& rule, Side side, double value,
                          double threshold, const std::string& phase) {
  const std::string unit = rule_unit(rule);
  const std::string lower(side_name(side));
  std::string upper = lower;
  if (!upper.empty()) upper[0] = static_cast<char>(upper[0] - 'a' + 'A');
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t close = text[i] == '{' ? text.find('}', i) : std::string::npos;
    if (close == std::string::npos) {
      out += text[i];
      continue;
    }
    const std::string_view name(text.data() + i + 1, close - i - 1);
    if (name == "Side")
      out += upper;
    else if (name == "side")
      out += lower;
    else if (name == "value")
      out += format_value(value, unit);
    else if (name == "threshold")
      out += format_value(threshold, unit);
    else if (name == "level")
      out += fmt::format("{:g}", rule.level);
    else if (name == "unit")
      out += unit;
    else if (name == "phase")
      out += phase;
    else
      out.append(text, i, close - i + 1);
    i = close;
  }
  // A side-less rule leaves "  " or a leading space where {Side} was.
  std::string tidy;
  for (char c : out) {
    if (c == ' ' && (tidy.empty() || tidy.back() == ' ')) continue;
    tidy += c;
  }
  if (!tidy.empty() && tidy[0] >= 'a' && tidy[0] <= 'z') tidy[0] = static_cast<char>(tidy[0] - 32);
  return tidy;
}

}  // namespace openpt::motion
