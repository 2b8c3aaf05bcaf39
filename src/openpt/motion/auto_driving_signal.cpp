#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "openpt/core/filters.h"
#include "openpt/motion/driving_signal.h"
#include "openpt/motion/reps.h"
#include "openpt/motion/signal_candidates.h"

namespace openpt::motion {

using namespace driving;

namespace {

// Smallest typical swing of an automatically detected movement: a joint angle (degrees), the
// wrist's height above the shoulder (% trunk length), the pelvis's height (% leg length).
constexpr double kAutoMinRangeDeg = 15, kAutoMinWristRange = 15, kAutoMinPelvisRange = 10;

// Least share of the recording a candidate's complete repetitions must fill to show that
// its rhythm is the recording's repeated movement: a few steps of walking in and out repeat
// clearly, but only for a moment.
constexpr double kMinCoverage = 0.25;

// A candidate signal of `--exercise auto`.
struct AutoCandidate {
  DrivingSignal signal;
  Periodicity periodicity;
  double swing = 0;  // typical swing in units of the measure's smallest one
  double score = 0;
  std::vector<Repetition> complete_reps;
  bool jitter = false;  // its repetitions are too quick to be movement (jitter_reps)
};

// The candidates' signals, named and joined by commas.
std::string candidate_names(const std::vector<AutoCandidate>& candidates) {
  std::vector<std::string> names;
  for (const AutoCandidate& c : candidates) names.push_back(c.signal.description());
  return fmt::format("{}", fmt::join(names, ", "));
}

// How many of `reps` turn within [start_s, end_s].
std::size_t turning_within(const std::vector<Repetition>& reps, double start_s, double end_s) {
  return static_cast<std::size_t>(std::count_if(reps.begin(), reps.end(), [&](const Repetition& r) {
    return r.turn_s >= start_s && r.turn_s <= end_s;
  }));
}

// How far beyond its start and end a repetition's window reaches, as a share of its
// duration.
constexpr double kCycleReach = 0.4;

// Whether each of the `slow` signal's complete repetitions (two or more) holds exactly
// `multiple` of the `quick` one's turning points, each held once, and the quick one turns
// nowhere else from the first to the last of them: its cycles are the slow one's, cut in
// parts. A repetition's window reaches kCycleReach of its duration beyond its start and
// end: a part can turn just outside the slow signal's repetition — the arm's angle turns
// with the forward lean before seat-off, while the hips are still at their seated angle —
// and one frame of timing must not decide. A turning point within reach of two
// repetitions is held twice and fails the count: the slow signal's repetitions then abut
// where the quick one turns, out of phase with its cycles.
bool holds_cycles(const std::vector<Repetition>& slow, const std::vector<Repetition>& quick,
                  double multiple) {
  if (slow.empty()) return false;
  const auto window = [&](const Repetition& r) {
    const double margin = kCycleReach * (r.end_s - r.start_s);
    return std::pair{r.start_s - margin, r.end_s + margin};
  };
  for (const Repetition& r : slow) {
    const auto [from, to] = window(r);
    if (static_cast<double>(turning_within(quick, from, to)) != multiple) return false;
  }
  const double held = static_cast<double>(
      turning_within(quick, window(slow.front()).first, window(slow.back()).second));
  return held == multiple * static_cast<double>(slow.size());
}

struct Fundamental {
  const AutoCandidate* candidate = nullptr;
  double multiple = 0;  // the chosen signal's cycles per repetition of the candidate
};

// How many of the chosen signal's cycles each repetition of `c` holds: 2 or 3, else 0. A `c`
// whose period the recording proves (counting_period) must also have 2 or 3 times the
// chosen's period (within 10 %). One whose period it does not prove (two sit-to-stands
// between walking in and out) proves its rhythm by holding the chosen's cycles alone, and
// then they must be most of the chosen's: at least half its complete repetitions, so two
// incidental swings cannot stand in for a long, clearly repeating set.
double cycles_held(const AutoCandidate& c, const AutoCandidate& chosen, double duration_s) {
  if (counting_period(c.periodicity, duration_s) > 0) {
    const double ratio = c.periodicity.period_s / chosen.periodicity.period_s;
    const double multiple = std::round(ratio);
    if (multiple < 2 || multiple > 3 || std::abs(ratio - multiple) > 0.1 * multiple) return 0;
    return holds_cycles(c.complete_reps, chosen.complete_reps, multiple) ? multiple : 0;
  }
  for (const double multiple : {2.0, 3.0}) {
    const double held = multiple * static_cast<double>(c.complete_reps.size());
    if (2 * held >= static_cast<double>(chosen.complete_reps.size()) &&
        holds_cycles(c.complete_reps, chosen.complete_reps, multiple)) {
      return multiple;
    }
  }
  return 0;
}

// A movement can show in some signals at a multiple of its rate: the arm's angle to the
// trunk changes with the forward lean of standing up and again with that of sitting down,
// two cycles per sit-to-stand, and more cycles prove a rhythm better. The body repeats only
// at the slower rate, and one repetition is that cycle. So a candidate that moves at least
// as much as the chosen one and whose complete repetitions (two or more) each hold 2 or 3
// of the chosen's cycles (cycles_held) is the movement: the best scoring such one, else
// none (ties: the larger movement). Holding the chosen's cycles proves its rhythm however
// few cycles the recording has.
// A left or right signal qualifies only when its two sides move in step (positive
// correlation): lunges led by the left leg, then the right, swing each hip once per two
// lunges, but every lunge is a repetition.
Fundamental fundamental(const std::vector<AutoCandidate>& candidates, const AutoCandidate& chosen,
                        double duration_s) {
  Fundamental best;
  for (const AutoCandidate& c : candidates) {
    if (&c == &chosen || c.swing < chosen.swing || c.complete_reps.size() < 2) continue;
    const double multiple = cycles_held(c, chosen, duration_s);
    if (multiple == 0) continue;
    const bool one_of_two_sides =
        (c.signal.sides == SideCombination::kLeft || c.signal.sides == SideCombination::kRight) &&
        !c.signal.left.empty() && !c.signal.right.empty();
    if (one_of_two_sides && !(correlation(c.signal.left, c.signal.right) > 0)) continue;
    if (best.candidate == nullptr ||
        std::pair{c.score, c.swing} > std::pair{best.candidate->score, best.candidate->swing}) {
      best = {&c, multiple};
    }
  }
  return best;
}

// The candidate of `measure` with `sides`, or null.
const AutoCandidate* candidate_of(const std::vector<AutoCandidate>& candidates,
                                  const std::string& measure, SideCombination sides) {
  for (const AutoCandidate& c : candidates) {
    if (c.signal.measure == measure && c.signal.sides == sides) return &c;
  }
  return nullptr;
}

// Whether the two sides' complete repetitions, in time order, alternate: left, right, left,
// ... (or right first), each turning outside the other side's repetitions.
bool alternate(const std::vector<Repetition>& left, const std::vector<Repetition>& right) {
  std::vector<std::pair<const Repetition*, bool>> turns;  // (rep, is left)
  for (const Repetition& r : left) turns.emplace_back(&r, true);
  for (const Repetition& r : right) turns.emplace_back(&r, false);
  std::sort(turns.begin(), turns.end(),
            [](const auto& a, const auto& b) { return a.first->turn_s < b.first->turn_s; });
  for (std::size_t i = 1; i < turns.size(); ++i) {
    const auto& [previous, previous_left] = turns[i - 1];
    const auto& [rep, is_left] = turns[i];
    if (is_left == previous_left) return false;
    if (rep->turn_s <= previous->end_s || previous->turn_s >= rep->start_s) return false;
  }
  return true;
}

// Whether the left and right `measure` take turns: their values move in opposite directions
// (take_turns), or they do not move at the same time and their complete repetitions
// alternate, one side's after the other's. The second holds where the first can fail: with
// few repetitions (left, right, left) and a drifting start posture, the sides' values barely
// anti-correlate (-0.24 for three alternating curls with uneven depths and 10° of drift).
// Strict alternation keeps out a one-sided set whose resting arm moves once in between.
bool sides_take_turns(const std::vector<AutoCandidate>& candidates, const DrivingSignal& s,
                      double rate_hz) {
  if (take_turns(s.left, s.right, rate_hz)) return true;
  const AutoCandidate* left = candidate_of(candidates, s.measure, SideCombination::kLeft);
  const AutoCandidate* right = candidate_of(candidates, s.measure, SideCombination::kRight);
  if (left == nullptr || right == nullptr || left->complete_reps.empty() ||
      right->complete_reps.empty() || move_together(s.left, s.right, rate_hz)) {
    return false;
  }
  return alternate(left->complete_reps, right->complete_reps);
}

// Sides that take turns (alternating curls) each hold half the repetitions: when the
// chosen signal is one side of such a pair, their mean (a bump for every turn) is the
// movement, if it is a candidate; else none.
const AutoCandidate* both_sides_taking_turns(const std::vector<AutoCandidate>& candidates,
                                             const AutoCandidate& chosen, double rate_hz) {
  const SideCombination sides = chosen.signal.sides;
  if ((sides != SideCombination::kLeft && sides != SideCombination::kRight) ||
      chosen.signal.left.empty() || chosen.signal.right.empty() ||
      !sides_take_turns(candidates, chosen.signal, rate_hz) ||
      !moves(chosen.signal.left, rate_hz, chosen.signal.min_range) ||
      !moves(chosen.signal.right, rate_hz, chosen.signal.min_range)) {
    return nullptr;
  }
  const AutoCandidate* mean =
      candidate_of(candidates, chosen.signal.measure, SideCombination::kMean);
  return mean != nullptr && !mean->jitter ? mean : nullptr;
}

}  // namespace

Result<DrivingSignal> auto_driving_signal(MeasureSet& measures) {
  std::vector<AutoCandidate> candidates;
  const Kinematics& k = measures.kinematics();
  ContinuousSeries continuous_series(measures);
  // Each side and, for a bilateral measure, the mean of both.
  const auto add_candidates = [&](const std::string& name, bool bilateral, double min_range) {
    for (SideCombination c :
         bilateral
             ? std::vector{SideCombination::kLeft, SideCombination::kRight, SideCombination::kMean}
             : std::vector{SideCombination::kNone}) {
      auto s = build(continuous_series, name, c, true);
      if (!s || (c == SideCombination::kMean && s->chosen_side != Side::kNone)) continue;
      AutoCandidate cand{std::move(*s), {}, 0, 0, {}};
      if (!moves(cand.signal.values, k.sample_rate_hz, min_range)) continue;
      cand.swing = typical_swing(cand.signal.values) / min_range;
      cand.signal.min_range = min_range;
      cand.periodicity = periodicity(cand.signal.values, k.t_s);
      candidates.push_back(std::move(cand));
    }
  };
  for (const AngleInfo& info : all_angles()) {
    const AngleSeries* series = k.find(info.key);
    if (series == nullptr || !series->in_view_plane) continue;
    if (info.key.side == Side::kRight) continue;  // handled with the left: sides and mean
    std::string name(info.name);
    if (info.key.side != Side::kNone) name = name.substr(name.find('_') + 1);
    add_candidates(name, info.key.side != Side::kNone, kAutoMinRangeDeg);
  }
  // Positions carry movements no angle in the image plane does: an arm raised forward and
  // filmed from the front, a 2D shoulder angle that wraps past overhead, a squat filmed from
  // the front.
  add_candidates("wrist_height", true, kAutoMinWristRange);
  add_candidates("pelvis_height", false, kAutoMinPelvisRange);
  // The thigh swinging out sideways (standing hip abduction) moves no joint angle above: hip
  // flexion is sagittal. Measurable in 3D and in 2D front or back views.
  add_candidates("hip_abduction", true, kAutoMinRangeDeg);
  if (candidates.empty()) {
    return bad_input(
        fmt::format("no joint angle moves by {:g}° or more, no wrist by {:g} % of the trunk's "
                    "length and the pelvis not by {:g} % of the leg's: there is no repeated "
                    "movement to count",
                    kAutoMinRangeDeg, kAutoMinWristRange, kAutoMinPelvisRange));
  }
  // The dominant repeated movement: the candidate whose complete repetitions are most
  // periodic and fill most of the recording (periodicity evidence × share of the time inside
  // complete reps); near-ties (within 5 %) go to the larger movement (in multiples of each
  // measure's smallest swing). The evidence is the autocorrelation less its sampling
  // uncertainty, about 1/sqrt(cycles): a slow wander that fits three times into the recording
  // can correlate with itself as well as twelve quick repetitions, but proves much less. A
  // repetition fills at most one period: one slow swing lasting the whole recording (sitting
  // down and staying there) is not the repeated movement, however periodic its tremor. And
  // repetitions filling less than a quarter of the recording (kMinCoverage) score nothing.
  const double duration = duration_of(k.t_s);
  for (auto& c : candidates) {
    c.signal.increases = rests_low(c.signal.values);
    const double period_s = counting_period(c.periodicity, duration);
    const RepDetection d = detect_reps(
        c.signal.values, k.t_s,
        {.increases = c.signal.increases, .min_rom = c.signal.min_range, .period_s = period_s});
    double covered = 0;
    for (const Repetition& r : d.reps) {
      if (!r.complete) continue;
      c.complete_reps.push_back(r);
      covered += std::min(r.end_s - r.start_s, c.periodicity.period_s);
    }
    if (!(period_s > 0) && jitter_reps(c.complete_reps)) {
      c.jitter = true;
      c.complete_reps.clear();
      covered = 0;
    }
    const double coverage = duration > 0 ? covered / duration : 0;
    c.score = coverage >= kMinCoverage
                  ? std::max(0.0, periodicity_evidence(c.periodicity, duration)) * coverage
                  : 0;
  }
  if (std::all_of(candidates.begin(), candidates.end(),
                  [](const AutoCandidate& c) { return c.jitter; })) {
    return bad_input(fmt::format(
        "every signal that moves by its minimum range ({}) does so in \"repetitions\" mostly "
        "shorter than {:g} s: landmark noise, not a repeated movement to count",
        candidate_names(candidates), 1 / kFastestRepetitionHz));
  }
  double best = -1;
  for (const auto& c : candidates) best = std::max(best, c.score);
  // When nothing repeats clearly (every score 0), no one signal has shown that it carries
  // the movement, and the largest swing may be a landmark jumping between body parts as
  // well as the exercise: the signals vote. Each candidate with at least two complete
  // repetitions (a single one or none is no repeated movement) votes for its count with the
  // weight of its movement's size, and the weighted median wins: large movements weigh
  // most, but one cannot outvote all the others. Of the candidates with that count, the
  // largest movement.
  const bool repeats_clearly = best > 0;
  std::vector<std::pair<std::size_t, double>> votes;  // (complete reps, swing)
  for (const auto& c : candidates) {
    if (c.complete_reps.size() >= 2) votes.emplace_back(c.complete_reps.size(), c.swing);
  }
  const bool any_repeats = !votes.empty();
  const std::size_t voted_count = any_repeats ? weighted_median(votes) : 0;
  const AutoCandidate* chosen = nullptr;
  for (const auto& c : candidates) {
    const bool eligible = repeats_clearly ? c.score >= 0.95 * best
                          : any_repeats   ? c.complete_reps.size() == voted_count
                                          : !c.jitter;
    if (eligible && (chosen == nullptr || c.swing > chosen->swing)) chosen = &c;
  }
  const AutoCandidate* harmonic_of = nullptr;
  Fundamental found;
  if (repeats_clearly) {
    found = fundamental(candidates, *chosen, duration);
    if (found.candidate != nullptr) {
      harmonic_of = chosen;
      chosen = found.candidate;
    }
  }
  const AutoCandidate* one_side_of = nullptr;
  if (const AutoCandidate* m = both_sides_taking_turns(candidates, *chosen, k.sample_rate_hz)) {
    one_side_of = chosen;
    chosen = m;
  }
  DrivingSignal s = chosen->signal;
  s.sides_take_turns = one_side_of != nullptr ||
                       (s.sides == SideCombination::kMean && !s.left.empty() && !s.right.empty() &&
                        sides_take_turns(candidates, s, k.sample_rate_hz));
  const Periodicity& p = chosen->periodicity;
  s.period_s = counting_period(p, duration);
  if (harmonic_of != nullptr && chosen == found.candidate && !(s.period_s > 0)) {
    s.notes.push_back(fmt::format(
        "exercise detected automatically: {}, whose {} repetitions each hold {:g} cycles of the "
        "most clearly repeating signal",
        s.description(), chosen->complete_reps.size(), found.multiple));
  } else if (repeats_clearly) {
    s.notes.push_back(fmt::format(
        "exercise detected automatically: {} repeats every {:.1f} s (autocorrelation {:.2f})",
        s.description(), p.period_s, p.strength));
  } else if (any_repeats) {
    const auto [fewest, most] = std::minmax_element(votes.begin(), votes.end());
    s.notes.push_back(fmt::format(
        "no movement repeats clearly; counting {}, whose {} complete repetitions are the count "
        "the {} signals with repetitions agree on (their votes weighted by the size of their "
        "movement; they count from {} to {}): the count is uncertain",
        s.description(), chosen->complete_reps.size(), votes.size(), fewest->first, most->first));
  } else {
    s.notes.push_back(fmt::format(
        "no movement repeats clearly; counting {}, the largest movement (no signal has two "
        "complete repetitions): the count is uncertain",
        s.description()));
  }
  if (one_side_of != nullptr) {
    s.notes.push_back(
        fmt::format("the left and right {} take turns, each side holding half of the repetitions: "
                    "counting both ({} alone repeats more clearly)",
                    s.measure, one_side_of->signal.description()));
  }
  if (harmonic_of != nullptr) {
    s.notes.push_back(fmt::format(
        "{} repeats {:g} times within each of these repetitions (every {:.1f} s): part of the "
        "same movement, not a repetition of its own",
        harmonic_of->signal.description(), found.multiple, harmonic_of->periodicity.period_s));
  }
  return s;
}

}  // namespace openpt::motion
