#include "openpt/motion/driving_signal.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

#include "openpt/core/filters.h"
#include "openpt/core/time_series.h"
#include "openpt/motion/reps.h"

namespace openpt::motion {

namespace {

// Smallest typical swing of an automatically detected movement: a joint angle (degrees), the
// wrist's height above the shoulder (% trunk length), the pelvis's height (% leg length).
constexpr double kAutoMinRangeDeg = 15, kAutoMinWristRange = 15, kAutoMinPelvisRange = 10;

std::vector<double> combine(const std::vector<double>& l, const std::vector<double>& r,
                            bool use_max) {
  std::vector<double> out(l.size(), NAN);
  for (std::size_t i = 0; i < l.size(); ++i) {
    const bool a = std::isfinite(l[i]), b = std::isfinite(r[i]);
    if (a && b) {
      out[i] = use_max ? std::max(l[i], r[i]) : 0.5 * (l[i] + r[i]);
    } else if (a) {
      out[i] = l[i];
    } else if (b) {
      out[i] = r[i];
    }
  }
  return out;
}

// In 2D the sign of a flexion angle depends on which way the subject seems to face. A
// stretch of frames in which the two sides read in opposite directions, at some point both
// more than kMirroredDeg from straight (one flexed, the other "hyperextended" as far), is a
// mirror image — a front view, or footage cut between mirrored views — and the sides' mean
// would cancel the movement: that stretch takes the mean of their sizes instead.
constexpr double kMirroredDeg = 30;
void unmirror_mean(const std::vector<double>& l, const std::vector<double>& r,
                   std::vector<double>& mean) {
  const auto opposite = [&](std::size_t i) { return l[i] * r[i] < 0; };  // false for NaN
  for (std::size_t begin = 0; begin < mean.size();) {
    if (!opposite(begin)) {
      ++begin;
      continue;
    }
    std::size_t end = begin;
    double deepest = 0;
    for (; end < mean.size() && opposite(end); ++end) {
      deepest = std::max(deepest, std::min(std::abs(l[end]), std::abs(r[end])));
    }
    if (deepest > kMirroredDeg) {
      for (std::size_t i = begin; i < end; ++i) mean[i] = 0.5 * (std::abs(l[i]) + std::abs(r[i]));
    }
    begin = end;
  }
}

// Pearson correlation over the frames where both are finite; NaN with < 10 such frames.
double correlation(const std::vector<double>& a, const std::vector<double>& b) {
  double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!std::isfinite(a[i]) || !std::isfinite(b[i])) continue;
    sa += a[i];
    sb += b[i];
    saa += a[i] * a[i];
    sbb += b[i] * b[i];
    sab += a[i] * b[i];
    ++n;
  }
  if (n < 10) return NAN;
  const double dn = static_cast<double>(n);
  const double cov = sab - sa * sb / dn, va = saa - sa * sa / dn, vb = sbb - sb * sb / dn;
  return va > 0 && vb > 0 ? cov / std::sqrt(va * vb) : NAN;
}

// The largest hyperextension a joint reaches (degrees); beyond it a 2D flexion angle's sign
// is an artefact of the assumed facing direction, which per-frame normalised or cut
// footage can flip mid-recording.
double hyperextension_limit_deg(std::string_view measure) {
  if (measure == "knee_flexion" || measure == "elbow_flexion") return 30;
  if (measure == "hip_flexion") return 60;
  return INFINITY;
}

// Whether the angle's sign depends on the facing direction the view assumes: a flexion angle
// with a hyperextension limit, measured in 2D.
bool sign_follows_facing(std::string_view measure, bool is_3d) {
  return !is_3d && std::isfinite(hyperextension_limit_deg(measure));
}

// Angles are unwrapped so a joint passing the end of its reporting range stays continuous
// for counting. In 2D, a flexion angle that flexes and "hyperextends" far beyond what the
// joint can (more than 5 % of the frames past the limit) has an unreliable sign: its size
// is used.
std::vector<double> continuous(const std::string& measure, const std::vector<double>& v,
                               bool is_3d) {
  const MeasureInfo* info = find_frame_measure(measure);
  if (info == nullptr || info->unit != "°") return v;
  std::vector<double> out = unwrap_deg(v);
  if (!sign_follows_facing(measure, is_3d)) return out;
  const double limit = hyperextension_limit_deg(measure);
  std::size_t finite = 0, beyond = 0, flexed = 0;
  for (double x : v) {
    if (!std::isfinite(x)) continue;
    ++finite;
    beyond += x < -limit || x > 360 - limit ? 1 : 0;
    flexed += x > limit && x < 180 ? 1 : 0;
  }
  if (beyond * 20 > finite && flexed * 20 > finite) {
    for (std::size_t i = 0; i < v.size(); ++i) {
      out[i] = std::isfinite(v[i]) ? std::abs(wrap_deg(v[i])) : NAN;
    }
  }
  return out;
}

// The continuous series of each measure and side, computed once however many side
// combinations and candidates use it.
class ContinuousSeries {
 public:
  explicit ContinuousSeries(MeasureSet& measures) : measures_(measures) {}
  [[nodiscard]] bool is_3d() const { return measures_.kinematics().is_3d; }
  [[nodiscard]] double sample_rate_hz() const { return measures_.kinematics().sample_rate_hz; }

  Result<const std::vector<double>*> get(const std::string& measure, Side side) {
    auto key = std::make_pair(measure, side);
    auto it = cache_.find(key);
    if (it == cache_.end()) {
      auto v = measures_.series(measure, side);
      Result<std::vector<double>> value =
          v ? Result<std::vector<double>>(continuous(measure, **v, measures_.kinematics().is_3d))
            : tl::unexpected(v.error());
      it = cache_.emplace(std::move(key), std::move(value)).first;
    }
    if (!it->second) return tl::unexpected(it->second.error());
    return &*it->second;
  }

 private:
  MeasureSet& measures_;
  std::map<std::pair<std::string, Side>, Result<std::vector<double>>> cache_;
};

// Whether two sides move at the same time: their speeds (the change over ~0.15 s, so at
// least a frame) correlate clearly, by 0.3 or more. Sides taking turns (alternating arm
// curls) do not.
bool move_together(const std::vector<double>& left, const std::vector<double>& right,
                   double rate_hz) {
  const auto lag = static_cast<std::size_t>(std::max(1.0, std::round(0.15 * rate_hz)));
  const auto speeds = [lag](const std::vector<double>& x) {
    std::vector<double> v(x.size(), NAN);
    for (std::size_t i = lag; i < x.size(); ++i) v[i] = std::abs(x[i] - x[i - lag]);
    return v;
  };
  return correlation(speeds(left), speeds(right)) >= 0.3;
}

// Two sides that move in opposite directions (correlation below -0.3): at the same time, a
// mirror image (the sides' signs differ), or one after the other, taking turns.
bool mirrored(const std::vector<double>& left, const std::vector<double>& right, double rate_hz) {
  return correlation(left, right) < -0.3 && move_together(left, right, rate_hz);
}
bool take_turns(const std::vector<double>& left, const std::vector<double>& right, double rate_hz) {
  return correlation(left, right) < -0.3 && !move_together(left, right, rate_hz);
}

// Combines the sides; kMax takes the larger *oriented* value (the side further out).
Result<DrivingSignal> build(ContinuousSeries& series, const std::string& measure,
                            SideCombination sides, bool increases) {
  DrivingSignal s;
  s.measure = measure;
  s.sides = sides;
  s.increases = increases;
  if (sides == SideCombination::kNone) {
    auto v = series.get(measure, Side::kNone);
    if (!v) return tl::unexpected(v.error());
    s.values = **v;
    return s;
  }
  auto left = series.get(measure, Side::kLeft);
  auto right = series.get(measure, Side::kRight);
  if (left) s.left = **left;
  if (right) s.right = **right;
  const auto one_side = [&](Side side) -> Result<DrivingSignal> {
    const auto& chosen = side == Side::kLeft ? left : right;
    if (!chosen) return tl::unexpected(chosen.error());
    s.values = side == Side::kLeft ? s.left : s.right;
    s.chosen_side = side;
    return s;
  };
  switch (sides) {
    case SideCombination::kLeft: return one_side(Side::kLeft);
    case SideCombination::kRight: return one_side(Side::kRight);
    case SideCombination::kEither: {
      if (!left || !right) return one_side(left ? Side::kLeft : Side::kRight);
      return one_side(typical_swing(s.left) >= typical_swing(s.right) ? Side::kLeft : Side::kRight);
    }
    case SideCombination::kMean:
    case SideCombination::kMax: {
      if (!left && !right) return tl::unexpected(left.error());
      if (!left || !right) {
        s.notes.push_back(fmt::format("only the {} side is measurable ({})",
                                      left ? "left" : "right",
                                      (left ? right : left).error().message));
        return one_side(left ? Side::kLeft : Side::kRight);
      }
      // Sides moving in opposite directions at the same time (mirrored 2D signs) cancel in
      // the mean; a 2D flexion angle's mirrored stretches are averaged by size
      // (unmirror_mean). Sides taking turns (alternating arm curls) also correlate
      // negatively, but their mean keeps half of each side's movement, one rep per turn.
      const bool unmirror =
          sides == SideCombination::kMean && sign_follows_facing(measure, series.is_3d());
      if (sides == SideCombination::kMean && !unmirror &&
          mirrored(s.left, s.right, series.sample_rate_hz())) {
        return bad_input(fmt::format("left and right {} move in opposite directions", measure));
      }
      if (sides == SideCombination::kMax && !increases) {
        std::vector<double> nl = s.left, nr = s.right;
        for (double& x : nl) x = -x;
        for (double& x : nr) x = -x;
        s.values = combine(nl, nr, true);
        for (double& x : s.values) x = -x;
      } else {
        s.values = combine(s.left, s.right, sides == SideCombination::kMax);
        if (unmirror) unmirror_mean(s.left, s.right, s.values);
      }
      return s;
    }
    case SideCombination::kNone: break;
  }
  return s;
}

// False for a 2D angle that lies outside the image plane (kinematics.h in_view_plane).
bool in_view_plane(MeasureSet& measures, const std::string& measure) {
  const MeasureInfo* info = find_frame_measure(measure);
  const std::string name = info != nullptr && info->bilateral ? "left_" + measure : measure;
  const auto key = parse_angle_name(name);
  if (!key) return true;
  const AngleSeries* series = measures.kinematics().find(*key);
  return series == nullptr || series->in_view_plane;
}

// Where the recording starts: -1 clearly at the low end of the signal, +1 clearly at the
// high end (first valid samples within 30 % of the range of it), 0 in between.
int starting_end(const std::vector<double>& x) {
  std::vector<double> v;
  for (double a : x) {
    if (std::isfinite(a)) v.push_back(a);
  }
  if (v.size() < 3) return 0;
  // The first samples (5 % of the recording, 5 to 30 of them) against the 5th and 95th
  // percentiles.
  const std::size_t head =
      std::min<std::size_t>({v.size(), std::max<std::size_t>(5, v.size() / 20), 30});
  std::vector<double> start(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(head));
  const double first = median(start);
  const auto at = [&](std::size_t i) {
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(i), v.end());
    return v[i];
  };
  const double lo = at(v.size() / 20), hi = at(v.size() - 1 - v.size() / 20);
  const double range = hi - lo;
  if (!(range > 0)) return 0;
  if (first <= lo + 0.3 * range) return -1;
  if (first >= hi - 0.3 * range) return 1;
  return 0;
}

// Whether the subject starts (and rests) at the low end of the signal: where the
// recording starts, else where the subject dwells longer.
bool rests_low(const std::vector<double>& x) {
  if (const int end = starting_end(x); end != 0) return end < 0;
  std::vector<double> v;
  for (double a : x) {
    if (std::isfinite(a)) v.push_back(a);
  }
  if (v.size() < 3) return true;
  const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  const double mid = 0.5 * (*lo + *hi);
  const auto below = std::count_if(v.begin(), v.end(), [&](double a) { return a < mid; });
  return 2 * below >= static_cast<std::ptrdiff_t>(v.size());
}

// Autocorrelation less its sampling uncertainty (~1/sqrt of the cycles the recording holds).
double periodicity_evidence(const Periodicity& p, double duration_s) {
  if (!(p.period_s > 0) || !(duration_s > 0)) return 0;
  const double cycles = std::max(1.0, duration_s / p.period_s);
  return p.strength - 1.0 / std::sqrt(cycles);
}

// The period counting smooths with: only one the recording proves (clearly periodic, and
// more so than the few cycles it holds could be by chance). A long "period" fitted to a
// handful of stretches of a broken recording would low-pass its repetitions away.
double counting_period(const Periodicity& p, double duration_s) {
  const bool proven = p.strength >= kClearlyPeriodic && periodicity_evidence(p, duration_s) > 0;
  return proven ? p.period_s : 0;
}

double duration_of(const std::vector<double>& t) {
  return t.empty() ? 0 : t.back() - t.front();
}

// The weighted median of (value, weight) pairs: the smallest value at which the weights of
// the values up to it reach half the total.
std::size_t weighted_median(std::vector<std::pair<std::size_t, double>> votes) {
  std::sort(votes.begin(), votes.end());
  double total = 0;
  for (const auto& v : votes) total += v.second;
  double reached = 0;
  for (const auto& [value, weight] : votes) {
    reached += weight;
    if (reached >= 0.5 * total) return value;
  }
  return votes.back().first;
}

// Whether a signal moves by `min_range`: its typical swing once low-passed at 2 Hz.
// Repetitions last half a second or more; faster jitter is landmark noise, and in a 2D
// image with a few pixels of it every angle swings by 15° at times, so often that the noise
// is the typical swing and the one joint that moves slowly and far no longer stands out.
bool moves(const std::vector<double>& values, double sample_rate_hz, double min_range) {
  const bool can_filter = kFastestRepetitionHz < 0.45 * sample_rate_hz;
  return typical_swing(can_filter ? lowpass_zero_phase(values, sample_rate_hz, kFastestRepetitionHz)
                                  : values) >= min_range;
}

// A candidate signal of `--exercise auto`.
struct AutoCandidate {
  DrivingSignal signal;
  Periodicity periodicity;
  double swing = 0;  // typical swing in units of the measure's smallest one
  double score = 0;
  std::vector<Repetition> complete_reps;
};

// How many of `reps` turn within [start_s, end_s].
std::size_t turning_within(const std::vector<Repetition>& reps, double start_s, double end_s) {
  return static_cast<std::size_t>(std::count_if(reps.begin(), reps.end(), [&](const Repetition& r) {
    return r.turn_s >= start_s && r.turn_s <= end_s;
  }));
}

// A movement can show in some signals at a multiple of its rate: the arm's angle to the
// trunk changes with the forward lean of standing up and again with that of sitting down,
// two cycles per sit-to-stand, and more cycles prove a rhythm better. The body repeats only
// at the slower rate, and one repetition is that cycle. So a clearly periodic candidate that
// moves at least as much as the chosen one, whose period is 2 or 3 times the chosen's
// (within 10 %), and each of whose complete repetitions (two or more) holds exactly that many
// of the chosen's turning points is the movement: the best scoring such one, else none.
// Holding the chosen's cycles proves its rhythm however few cycles the recording has. A
// left or right signal qualifies only when its two sides move in step (positive
// correlation): lunges led by the left leg, then the right, swing each hip once per two
// lunges, but every lunge is a repetition.
const AutoCandidate* fundamental(const std::vector<AutoCandidate>& candidates,
                                 const AutoCandidate& chosen) {
  const AutoCandidate* best = nullptr;
  for (const AutoCandidate& c : candidates) {
    if (&c == &chosen || c.swing < chosen.swing || c.complete_reps.size() < 2 ||
        c.periodicity.strength < kClearlyPeriodic) {
      continue;
    }
    const double ratio = c.periodicity.period_s / chosen.periodicity.period_s;
    const double multiple = std::round(ratio);
    if (multiple < 2 || multiple > 3 || std::abs(ratio - multiple) > 0.1 * multiple) continue;
    const bool holds_multiple =
        std::all_of(c.complete_reps.begin(), c.complete_reps.end(), [&](const Repetition& r) {
          return static_cast<double>(turning_within(chosen.complete_reps, r.start_s, r.end_s)) ==
                 multiple;
        });
    if (!holds_multiple) continue;
    const bool one_of_two_sides =
        (c.signal.sides == SideCombination::kLeft || c.signal.sides == SideCombination::kRight) &&
        !c.signal.left.empty() && !c.signal.right.empty();
    if (one_of_two_sides && !(correlation(c.signal.left, c.signal.right) > 0)) continue;
    if (best == nullptr || c.score > best->score) best = &c;
  }
  return best;
}

// Sides that take turns (alternating curls) each hold half the repetitions: when the
// chosen signal is one side of such a pair, their mean (a bump for every turn) is the
// movement, if it is a candidate; else none.
const AutoCandidate* both_sides_taking_turns(const std::vector<AutoCandidate>& candidates,
                                             const AutoCandidate& chosen, double rate_hz) {
  const SideCombination sides = chosen.signal.sides;
  if ((sides != SideCombination::kLeft && sides != SideCombination::kRight) ||
      chosen.signal.left.empty() || chosen.signal.right.empty() ||
      !take_turns(chosen.signal.left, chosen.signal.right, rate_hz) ||
      !moves(chosen.signal.left, rate_hz, chosen.signal.min_range) ||
      !moves(chosen.signal.right, rate_hz, chosen.signal.min_range)) {
    return nullptr;
  }
  for (const AutoCandidate& c : candidates) {
    if (c.signal.measure == chosen.signal.measure && c.signal.sides == SideCombination::kMean) {
      return &c;
    }
  }
  return nullptr;
}

}  // namespace

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
  struct Pick {
    const MovementSignal* candidate;
    SideCombination sides;
    std::optional<Periodicity> periodicity;  // when it was computed while choosing
  };
  std::optional<Pick> first, moving_in_plane, best;
  bool first_in_plane = true;
  double best_score = -1e9;
  const auto& t = measures.kinematics().t_s;
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
        first = Pick{&candidate, combos[c], std::nullopt};
        first_in_plane = in_plane;
      }
      // A candidate that never moves by its minimum range cannot have repetitions.
      if (typical_swing(s->values) < candidate.min_range) continue;
      const Periodicity p = periodicity(s->values, t);
      if (first->candidate == &candidate && first->sides == combos[c]) first->periodicity = p;
      if (in_plane && !moving_in_plane) moving_in_plane = Pick{&candidate, combos[c], p};
      if (p.strength < kClearlyPeriodic) continue;
      // A 2D projection of an angle outside the image plane is a poor witness.
      const double score =
          p.strength - preference - kProjectionPenalty * static_cast<double>(!in_plane);
      if (score > best_score) {
        best_score = score;
        best = Pick{&candidate, combos[c], p};
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
  auto chosen =
      build(continuous_series, pick->candidate->measure, pick->sides, pick->candidate->increases);
  if (!chosen) return tl::unexpected(chosen.error());
  chosen->min_range = pick->candidate->min_range;
  const Periodicity p = pick->periodicity ? *pick->periodicity : periodicity(chosen->values, t);
  chosen->period_s = counting_period(p, duration_of(t));
  const int end = starting_end(chosen->values);
  if ((chosen->increases && end > 0) || (!chosen->increases && end < 0)) {
    chosen->increases = !chosen->increases;
    chosen->reversed = true;
    chosen->notes.push_back(
        "the recording starts at the movement's turning point, so repetitions are taken from "
        "there and back (outward and return swap)");
  }
  if (chosen->measure != movement.candidates.front().measure && !reasons.empty()) {
    chosen->notes.insert(chosen->notes.begin(),
                         fmt::format("{}; using {}", fmt::join(reasons, "; "), chosen->measure));
  }
  return std::move(*chosen);
}

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
  // down and staying there) is not the repeated movement, however periodic its tremor.
  const double duration = duration_of(k.t_s);
  for (auto& c : candidates) {
    c.signal.increases = rests_low(c.signal.values);
    const RepDetection d = detect_reps(c.signal.values, k.t_s,
                                       {.increases = c.signal.increases,
                                        .min_rom = c.signal.min_range,
                                        .period_s = counting_period(c.periodicity, duration)});
    double covered = 0;
    for (const Repetition& r : d.reps) {
      if (!r.complete) continue;
      c.complete_reps.push_back(r);
      covered += std::min(r.end_s - r.start_s, c.periodicity.period_s);
    }
    c.score = std::max(0.0, periodicity_evidence(c.periodicity, duration)) *
              (duration > 0 ? covered / duration : 0);
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
                                          : !any_repeats || c.complete_reps.size() == voted_count;
    if (eligible && (chosen == nullptr || c.swing > chosen->swing)) chosen = &c;
  }
  const AutoCandidate* harmonic_of = nullptr;
  if (repeats_clearly) {
    if (const AutoCandidate* f = fundamental(candidates, *chosen)) {
      harmonic_of = chosen;
      chosen = f;
    }
  }
  const AutoCandidate* one_side_of = nullptr;
  if (const AutoCandidate* m = both_sides_taking_turns(candidates, *chosen, k.sample_rate_hz)) {
    one_side_of = chosen;
    chosen = m;
  }
  DrivingSignal s = chosen->signal;
  const Periodicity& p = chosen->periodicity;
  s.period_s = counting_period(p, duration);
  if (repeats_clearly) {
    s.notes.push_back(fmt::format(
        "exercise detected automatically: {} repeats every {:.1f} s (autocorrelation {:.2f})",
        s.description(), p.period_s, p.strength));
  } else if (any_repeats) {
    const auto [fewest, most] = std::minmax_element(votes.begin(), votes.end());
    s.notes.push_back(fmt::format(
        "no movement repeats clearly; counting {}: {} complete repetitions, the count the {} "
        "signals with repetitions agree on (their votes weighted by the size of their "
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
        harmonic_of->signal.description(),
        std::round(p.period_s / harmonic_of->periodicity.period_s),
        harmonic_of->periodicity.period_s));
  }
  return s;
}

}  // namespace openpt::motion
