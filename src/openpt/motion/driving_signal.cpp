#include "openpt/motion/driving_signal.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "openpt/core/time_series.h"
#include "openpt/motion/reps.h"
#include "openpt/motion/signal_candidates.h"

namespace openpt::motion {

using namespace driving;

namespace {

// False for a 2D angle that lies outside the image plane (kinematics.h in_view_plane).
bool in_view_plane(MeasureSet& measures, const std::string& measure) {
  const MeasureInfo* info = find_frame_measure(measure);
  const std::string name = info != nullptr && info->bilateral ? "left_" + measure : measure;
  const auto key = parse_angle_name(name);
  if (!key) return true;
  const AngleSeries* series = measures.kinematics().find(*key);
  return series == nullptr || series->in_view_plane;
}

// A candidate of a named exercise as chosen: rebuilt once chosen (no copies kept).
struct Pick {
  const MovementSignal* candidate;
  SideCombination sides;
  std::optional<Periodicity> periodicity;  // when it was computed while choosing
  bool in_plane = true;
};

// The picked candidate's signal, with its minimum range and the period counting uses.
Result<DrivingSignal> built(ContinuousSeries& series, const Pick& pick,
                            const std::vector<double>& t) {
  auto s = build(series, pick.candidate->measure, pick.sides, pick.candidate->increases);
  if (!s) return s;
  s->min_range = pick.candidate->min_range;
  const Periodicity p = pick.periodicity ? *pick.periodicity : periodicity(s->values, t);
  s->period_s = counting_period(p, duration_of(t));
  return s;
}

// Jitter (landmark noise swinging an angle the body does not move: a squat filmed from the
// front in per-frame normalised coordinates, read as a side view) is not the movement: when
// `chosen` counts jitter, the next of the `moving` candidates that is not, those in the image
// plane first, with a note; when all are, an error naming them.
Result<DrivingSignal> without_jitter(DrivingSignal chosen, const Pick& pick,
                                     std::vector<Pick> moving, ContinuousSeries& series,
                                     const std::vector<double>& t) {
  if (!counts_jitter(chosen, t)) return chosen;
  std::vector<std::string> jittery{chosen.description()};
  std::stable_partition(moving.begin(), moving.end(), [](const Pick& m) { return m.in_plane; });
  for (const Pick& m : moving) {
    if (m.candidate == pick.candidate && m.sides == pick.sides) continue;
    auto s = built(series, m, t);
    if (!s) continue;
    if (!counts_jitter(*s, t)) {
      s->notes.push_back(fmt::format(
          "{} moves in \"repetitions\" mostly shorter than {:g} s, landmark noise; using {}",
          fmt::join(jittery, ", "), 1 / kFastestRepetitionHz, s->description()));
      return s;
    }
    jittery.push_back(s->description());
  }
  return bad_input(
      fmt::format("the exercise's movement signals that move ({}) do so in "
                  "\"repetitions\" mostly shorter than {:g} s: landmark noise, not "
                  "repetitions to count",
                  fmt::join(jittery, ", "), 1 / kFastestRepetitionHz));
}

// A recording that starts at the movement's turning point (and does not rest at the
// definition's start between repetitions) is taken from there and back: outward and return
// swap.
void orient_to_start(DrivingSignal& s) {
  // Multiplied by orient, an end reads as the definition's: -1 its start, +1 its turning point.
  const int orient = s.increases ? 1 : -1;
  const bool starts_at_turn = orient * starting_end(s.values) > 0;
  const bool rests_as_defined = orient * resting_end_between_reps(s.values) < 0;
  if (starts_at_turn && !rests_as_defined) {
    s.increases = !s.increases;
    s.reversed = true;
    s.notes.push_back(
        "the recording starts at the movement's turning point, so repetitions are taken from "
        "there and back (outward and return swap)");
  }
}

// The signal's repetitions as a named exercise's are counted, kept with it.
std::size_t counted(DrivingSignal& s, const std::vector<double>& t) {
  s.detection = detect_signal_reps(s, t, kFastestRepetitionHz);
  return s.detection->complete_count();
}

// A chosen signal that counts no complete repetition while the movement shows in others (one
// lap of a 2D angle slipped at a detection gap makes one "swing" of 390° that dwarfs every
// repetition; the lunges show in the knees): the other moving signals that count two or
// more and are not jitter vote, each for its count weighted by the size of its movement, as
// auto mode's signals do, and the largest movement with the weighted median count is used.
DrivingSignal counting_something(DrivingSignal chosen, const std::vector<Pick>& moving,
                                 ContinuousSeries& series, const std::vector<double>& t) {
  if (counted(chosen, t) > 0) return chosen;
  struct Voter {
    DrivingSignal signal;
    std::size_t count;
    double swing;  // in multiples of its minimum range
  };
  std::vector<Voter> voters;
  for (const Pick& m : moving) {
    auto s = built(series, m, t);
    if (!s || counts_jitter(*s, t)) continue;
    orient_to_start(*s);
    const std::size_t count = counted(*s, t);
    if (count < 2) continue;
    const double swing = typical_swing(s->values) / s->min_range;
    voters.push_back({std::move(*s), count, swing});
  }
  if (voters.empty()) return chosen;
  std::vector<std::pair<std::size_t, double>> votes;
  for (const Voter& v : voters) votes.emplace_back(v.count, v.swing);
  const std::size_t agreed = weighted_median(votes);
  const Voter* winner = nullptr;
  for (const Voter& v : voters) {
    if (v.count == agreed && (winner == nullptr || v.swing > winner->swing)) winner = &v;
  }
  DrivingSignal out = winner->signal;
  out.notes.push_back(fmt::format(
      "{} counts no complete repetition; counting {}: {} repetitions, the count the {} other "
      "signals with repetitions agree on (their votes weighted by the size of their movement)",
      chosen.description(), out.description(), agreed, voters.size()));
  return out;
}

}  // namespace

namespace {

// The larger of the two sides' ranges (max - min) within the repetition.
double larger_side_range(const Repetition& r, const DrivingSignal& s) {
  double larger = 0;
  for (const std::vector<double>* side : {&s.left, &s.right}) {
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t f = r.start_frame; f <= r.end_frame && f < side->size(); ++f) {
      const double v = (*side)[f];
      if (!std::isfinite(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    if (hi >= lo) larger = std::max(larger, hi - lo);
  }
  return larger;
}

// Sides that take turns are counted on their mean, a bump for every turn, in which one side
// moves its whole range. A movement both sides make at once reaches the same mean with each
// side only part of the way (setting up: both arms raised a little): a repetition whose
// larger side moves less than `partial_fraction` of what it typically moves in a turn is
// partial.
void keep_turns(RepDetection& d, const DrivingSignal& s, double partial_fraction) {
  std::vector<double> ranges;
  for (const Repetition& r : d.reps) {
    if (r.complete) ranges.push_back(larger_side_range(r, s));
  }
  if (ranges.empty()) return;
  const double typical = median(ranges);
  for (Repetition& r : d.reps) {
    const double range = larger_side_range(r, s);
    if (!r.complete || !(typical > 0) || range >= partial_fraction * typical) continue;
    r.complete = false;
    r.partial_reason = fmt::format(
        "not one side's turn: both sides moved at once, the further only {:.0f} % of a typical "
        "turn",
        100 * range / typical);
  }
}

}  // namespace

RepDetection detect_signal_reps(const DrivingSignal& s, std::span<const double> t_s,
                                double jitter_cutoff_hz) {
  const RepDetectionOptions options{.increases = s.increases,
                                    .min_rom = s.min_range,
                                    .period_s = s.period_s,
                                    .jitter_cutoff_hz = jitter_cutoff_hz};
  RepDetection d = detect_reps(s.values, t_s, options);
  if (s.sides_take_turns) keep_turns(d, s, options.partial_fraction);
  return d;
}

std::string DrivingSignal::description() const {
  switch (sides) {
    case SideCombination::kMean:
      return chosen_side == Side::kNone ? measure + " (mean of both sides)"
                                        : fmt::format("{} {}", side_name(chosen_side), measure);
    case SideCombination::kMax:
      return chosen_side == Side::kNone ? measure + " (whichever side is further out)"
                                        : fmt::format("{} {}", side_name(chosen_side), measure);
    case SideCombination::kNone: return measure;
    default: return fmt::format("{} {}", side_name(chosen_side), measure);
  }
}

Result<DrivingSignal> driving_signal(MeasureSet& measures, const MovementDefinition& movement) {
  // Candidates: each signal in preference order with the defined side combination, and for
  // mean also each side alone (one limb may be hidden or badly tracked). When the
  // movement repeats clearly, the most periodic candidate wins, with a small preference for
  // the definition's order; else the first measurable one, unless that is a 2D angle
  // outside the image plane (a squat's knees filmed from the front barely move in the
  // image) and a candidate in the image plane moves by its minimum range: the first such.
  constexpr double kOrderPreference = 0.1, kComboPreference = 0.05, kProjectionPenalty = 0.3;
  std::vector<std::string> reasons;
  // The first measurable candidate, the first moving one in the image plane and the best
  // one, rebuilt once chosen (no copies).
  std::optional<Pick> first, moving_in_plane, best;
  std::vector<Pick> moving;  // those that move by their minimum range, in preference order
  bool first_in_plane = true;
  double best_score = -1e9;
  const auto& t = measures.kinematics().t_s;
  const double rate_hz = measures.kinematics().sample_rate_hz;
  ContinuousSeries continuous_series(measures);
  for (std::size_t i = 0; i < movement.candidates.size(); ++i) {
    const MovementSignal& candidate = movement.candidates[i];
    const std::string& name = candidate.measure;
    const bool bilateral = find_frame_measure(name)->bilateral;
    std::vector<SideCombination> combos{bilateral ? movement.sides : SideCombination::kNone};
    // (Not for kMax: alternating movements need both sides, or half the reps are lost.)
    if (bilateral && movement.sides == SideCombination::kMean) {
      combos.push_back(SideCombination::kLeft);
      combos.push_back(SideCombination::kRight);
    }
    for (std::size_t c = 0; c < combos.size(); ++c) {
      // Periodicity is at most 1: a candidate that cannot beat the best one so far even then
      // is not evaluated (the first measurable one always is).
      const double preference = kOrderPreference * static_cast<double>(i > 0) +
                                kComboPreference * static_cast<double>(c > 0);
      if (best && best_score >= 1.0 - preference) continue;
      auto s = build(continuous_series, name, combos[c], candidate.increases);
      if (!s) {
        if (c == 0) reasons.push_back(s.error().message);
        continue;
      }
      const bool in_plane = in_view_plane(measures, name);
      if (!first) {
        first = Pick{&candidate, combos[c], std::nullopt, in_plane};
        first_in_plane = in_plane;
      }
      // A candidate that never moves by its minimum range cannot have repetitions.
      if (!moves(s->values, rate_hz, candidate.min_range)) continue;
      const Periodicity p = periodicity(s->values, t);
      if (first->candidate == &candidate && first->sides == combos[c]) first->periodicity = p;
      moving.push_back(Pick{&candidate, combos[c], p, in_plane});
      if (in_plane && !moving_in_plane) moving_in_plane = moving.back();
      if (p.strength < kClearlyPeriodic) continue;
      // A 2D projection of an angle outside the image plane is a poor witness.
      const double score =
          p.strength - preference - kProjectionPenalty * static_cast<double>(!in_plane);
      if (score > best_score) {
        best_score = score;
        best = Pick{&candidate, combos[c], p, in_plane};
      }
    }
  }
  const std::optional<Pick> pick =
      best ? best : (!first_in_plane && moving_in_plane ? moving_in_plane : first);
  if (!pick) {
    return bad_input(fmt::format("none of the exercise's movement signals is measurable: {}",
                                 fmt::join(reasons, "; ")),
                     {},
                     "a recording from another camera view, or with world coordinates, may help");
  }
  auto chosen = built(continuous_series, *pick, t);
  if (!chosen) return tl::unexpected(chosen.error());
  chosen = without_jitter(std::move(*chosen), *pick, moving, continuous_series, t);
  if (!chosen) return tl::unexpected(chosen.error());
  orient_to_start(*chosen);
  chosen = counting_something(std::move(*chosen), moving, continuous_series, t);
  if (chosen->measure != movement.candidates.front().measure && !reasons.empty()) {
    chosen->notes.insert(chosen->notes.begin(),
                         fmt::format("{}; using {}", fmt::join(reasons, "; "), chosen->measure));
  }
  return std::move(*chosen);
}

}  // namespace openpt::motion
