// eval_form_quality: how well form assessment separates correct from incorrect repetitions
// on ui-prmd-dev (docs/evaluation.md).
//
// Every file of manifest.csv is one repetition (Kinect v2, 22 joints, 3D, 30 fps), done
// correctly or deliberately incorrectly. Each goes through kinematics (tracks kept) and
// `assess` with the library exercise of its movement (m01 → deep_squat, ...). The file's
// score is the score of its repetition when exactly one complete rep is found, the session
// score when several are, and 0 when none is (counted under "no rep"); its prediction is
// "correct" when every complete rep is classified correct (no rep: incorrect). Prints per
// movement: AUC of the score for correct (positive) vs incorrect, accuracy of the
// prediction, mean scores and the findings that fired most on incorrect files; then, per
// rule, how often it fired on each label and the AUC of its value on its own.
//
//   build/bench/eval_form_quality [--data DIR] [--movement m01] [--verbose]
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "eval_common.h"
#include "openpt/core/csv.h"
#include "openpt/motion/exercise.h"

namespace {

using namespace openpt;

struct Movement {
  const char* id;        // UI-PRMD movement id
  const char* exercise;  // library exercise it is assessed as
};
constexpr std::array<Movement, 10> kMovements{{
    {"m01", "deep_squat"},
    {"m02", "hurdle_step"},
    {"m03", "inline_lunge"},
    {"m04", "side_lunge"},
    {"m05", "sit_to_stand"},
    {"m06", "active_straight_leg_raise"},
    {"m07", "shoulder_abduction"},
    {"m08", "shoulder_extension"},
    {"m09", "shoulder_rotation_90_90"},
    {"m10", "shoulder_scaption"},
}};

struct FileResult {
  std::string file;
  bool correct = false;  // the label
  bool failed = false;   // reading or assessment failed (counted as score 0, incorrect)
  int complete_reps = 0, partial_reps = 0;
  double rom = NAN;  // of the first complete rep
  double score = 0;
  bool predicted_correct = false;
  std::set<std::string> fired;                 // codes of non-ok session findings
  std::map<std::string, double> rule_value;    // code → worst value over sides (NaN: none)
  std::map<std::string, std::string> skipped;  // code → reason
};

struct MovementResult {
  const Movement* movement = nullptr;
  const motion::ExerciseDefinition* exercise = nullptr;
  std::vector<FileResult> files;
};

// Worse of two values of a rule (either may be NaN).
double worse_of(const motion::FormRule& rule, double a, double b) {
  if (!std::isfinite(a)) return b;
  if (!std::isfinite(b)) return a;
  return rule.worse_above ? std::max(a, b) : std::min(a, b);
}

FileResult evaluate(const std::filesystem::path& path, const std::string& name, bool correct,
                    const motion::ExerciseDefinition& exercise, bool verbose) {
  FileResult r;
  r.file = name;
  r.correct = correct;
  auto a = eval::analyse_file(path, {}, &exercise);
  if (!a) {
    r.failed = true;
    fmt::print(stderr, "eval: {}: {}\n", name, a.error().to_string());
    return r;
  }
  r.complete_reps = a->rep_count;
  r.partial_reps = motion::partial_count(*a);
  motion::Severity worst = motion::Severity::kOk;
  for (const motion::RepResult& rep : a->reps) {
    if (rep.number == 0) continue;
    if (rep.number == 1) {
      r.rom = rep.rom_deg;
      if (a->rep_count == 1) r.score = rep.score;
    }
    worst = std::max(worst, rep.classification);
  }
  if (a->rep_count > 1) r.score = a->score.value_or(0);
  r.predicted_correct = a->rep_count > 0 && worst == motion::Severity::kOk;
  for (const motion::Finding& f : a->findings) {
    if (f.severity != motion::Severity::kOk) r.fired.insert(f.code);
    const motion::FormRule* rule = nullptr;
    for (const auto& x : exercise.rules) rule = x.code == f.code ? &x : rule;
    if (rule == nullptr) continue;  // partial_reps
    auto [it, inserted] = r.rule_value.try_emplace(f.code, f.value);
    if (!inserted) it->second = worse_of(*rule, it->second, f.value);
  }
  for (const motion::SkippedRule& s : a->skipped) r.skipped[s.code] = s.reason;
  if (verbose) {
    std::string findings;
    for (const motion::Finding& f : a->findings) {
      if (f.severity == motion::Severity::kOk) continue;
      findings += fmt::format(" {}{}={:.3g}", f.code,
                              f.side == motion::Side::kNone
                                  ? ""
                                  : fmt::format("({})", motion::side_name(f.side).substr(0, 1)),
                              f.value);
    }
    fmt::print("{:<26} {:<9} reps {}+{}p  rom {:>6.1f}  score {:>5.1f}  {:<8}{}\n", name,
               correct ? "correct" : "incorrect", r.complete_reps, r.partial_reps, r.rom, r.score,
               r.complete_reps == 0 ? "no rep" : (r.predicted_correct ? "ok" : "flagged"),
               findings);
  }
  return r;
}

std::string fmt_or_dash(double v, const char* spec) {
  return std::isfinite(v) ? fmt::format(fmt::runtime(spec), v) : "-";
}

void print_movement_table(const std::vector<MovementResult>& results) {
  fmt::print("{:<30}{:>5}{:>5}{:>7}{:>7}{:>7}{:>7}{:>7}{:>7}{:>8}{:>8}   {}\n",
             "movement (exercise)", "corr", "inc", "no rep", ">1 rep", "AUC", "acc", "sens", "spec",
             "score+", "score-", "top findings on incorrect files (count)");
  std::vector<double> aucs, accs;
  std::size_t all = 0, right = 0;
  for (const MovementResult& m : results) {
    std::vector<double> scores, score_c, score_i;
    std::vector<bool> labels;
    int n_c = 0, n_i = 0, no_rep = 0, multi = 0, ok_c = 0, ok_i = 0;
    std::map<std::string, int> fired_on_incorrect;
    for (const FileResult& f : m.files) {
      scores.push_back(f.score);
      labels.push_back(f.correct);
      (f.correct ? score_c : score_i).push_back(f.score);
      (f.correct ? n_c : n_i)++;
      no_rep += f.complete_reps == 0 ? 1 : 0;
      multi += f.complete_reps > 1 ? 1 : 0;
      if (f.correct)
        ok_c += f.predicted_correct ? 1 : 0;
      else
        ok_i += f.predicted_correct ? 0 : 1;
      if (!f.correct) {
        for (const std::string& code : f.fired) fired_on_incorrect[code]++;
      }
    }
    std::vector<std::pair<int, std::string>> top;
    for (const auto& [code, n] : fired_on_incorrect) top.emplace_back(-n, code);
    std::sort(top.begin(), top.end());
    std::string top_text;
    for (std::size_t i = 0; i < top.size() && i < 3; ++i) {
      top_text += fmt::format("{}{} ({})", i ? ", " : "", top[i].second, -top[i].first);
    }
    const double auc = eval::auc(scores, labels);
    const double acc = static_cast<double>(ok_c + ok_i) / static_cast<double>(m.files.size());
    aucs.push_back(auc);
    accs.push_back(acc);
    all += m.files.size();
    right += static_cast<std::size_t>(ok_c + ok_i);
    fmt::print("{:<30}{:>5}{:>5}{:>7}{:>7}{:>7.3f}{:>7.2f}{:>7.2f}{:>7.2f}{:>8.1f}{:>8.1f}   {}\n",
               fmt::format("{} {}", m.movement->id, m.exercise->id), n_c, n_i, no_rep, multi, auc,
               acc, n_c ? static_cast<double>(ok_c) / n_c : NAN,
               n_i ? static_cast<double>(ok_i) / n_i : NAN, eval::mean(score_c),
               eval::mean(score_i), top_text.empty() ? "-" : top_text);
  }
  fmt::print("{:<30}{:>5}{:>5}{:>7}{:>7}{:>7.3f}{:>7.2f}\n", "mean over movements", "", "", "", "",
             eval::mean(aucs), eval::mean(accs));
  fmt::print("{:<30}{:>5}{:>5}{:>7}{:>7}{:>7}{:>7.2f}\n", "all files", "", "", "", "", "",
             all ? static_cast<double>(right) / static_cast<double>(all) : NAN);
}

// Per rule: share of files of each label it fired in (non-ok on any side), and the AUC of
// its worst value alone (oriented so that 1 = always worse on incorrect files; files where
// it was not measured are left out).
void print_rule_table(const std::vector<MovementResult>& results) {
  fmt::print("{:<30}{:<26}{:>9}{:>9}{:>7}{:>8}{:>14}{:>14}\n", "movement (exercise)", "rule",
             "fired+%", "fired-%", "AUC", "judged", "median+", "median-");
  for (const MovementResult& m : results) {
    bool first = true;
    for (const motion::FormRule& rule : m.exercise->rules) {
      std::vector<double> values, v_c, v_i;
      std::vector<bool> labels;
      int n_c = 0, n_i = 0, fired_c = 0, fired_i = 0, skipped = 0;
      std::string skip_reason;
      for (const FileResult& f : m.files) {
        (f.correct ? n_c : n_i)++;
        if (f.fired.count(rule.code) != 0) (f.correct ? fired_c : fired_i)++;
        if (auto s = f.skipped.find(rule.code); s != f.skipped.end()) {
          ++skipped;
          skip_reason = s->second;
        }
        auto it = f.rule_value.find(rule.code);
        if (it == f.rule_value.end() || !std::isfinite(it->second)) continue;
        values.push_back(rule.worse_above ? -it->second : it->second);
        labels.push_back(f.correct);
        (f.correct ? v_c : v_i).push_back(it->second);
      }
      auto median = [](std::vector<double> v) -> double {
        if (v.empty()) return NAN;
        std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
        return v[v.size() / 2];
      };
      const std::string label = first ? fmt::format("{} {}", m.movement->id, m.exercise->id) : "";
      first = false;
      fmt::print("{:<30}{:<26}{:>9.0f}{:>9.0f}{:>7}{:>8}{:>14}{:>14}{}\n", label, rule.code,
                 n_c ? 100.0 * fired_c / n_c : NAN, n_i ? 100.0 * fired_i / n_i : NAN,
                 fmt_or_dash(eval::auc(values, labels), "{:.3f}"), values.size(),
                 fmt_or_dash(median(v_c), "{:.3g}"), fmt_or_dash(median(v_i), "{:.3g}"),
                 skipped ? fmt::format("   skipped in {}: {}", skipped, skip_reason) : "");
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  const auto dir = eval::dataset_dir(argc, argv, "ui-prmd-dev");
  bool verbose = false;
  std::string only;
  for (int i = 1; i < argc; ++i) {
    verbose = verbose || std::strcmp(argv[i], "--verbose") == 0;
    if (std::strcmp(argv[i], "--movement") == 0 && i + 1 < argc) only = argv[i + 1];
  }
  const motion::ExerciseLibrary library = eval::shipped_library_or_exit();
  std::vector<MovementResult> results;
  for (const Movement& m : kMovements) {
    if (!only.empty() && only != m.id) continue;
    const motion::ExerciseDefinition* exercise = library.find(m.exercise);
    if (exercise == nullptr) {
      fmt::print(stderr, "eval: the library has no exercise '{}' (for {})\n", m.exercise, m.id);
      return 2;
    }
    results.push_back({&m, exercise, {}});
  }
  if (results.empty()) {
    fmt::print(stderr, "eval: unknown movement '{}' (m01 … m10)\n", only);
    return 2;
  }

  auto manifest = read_text_file(dir / "manifest.csv", "manifest.csv");
  if (!manifest) {
    fmt::print(stderr, "eval: {}\n", manifest.error().to_string());
    return 2;
  }
  CsvReader csv(*manifest, "manifest.csv");
  int failures = 0;
  bool header = true;
  while (csv.next()) {
    if (header) {  // file,label,movement_id,movement,subject,episode,n_frames,duration_s
      header = false;
      if (csv.size() < 3 || csv.cell(0) != "file" || csv.cell(1) != "label" ||
          csv.cell(2) != "movement_id") {
        fmt::print(stderr, "eval: {}: expected the header file,label,movement_id,...\n",
                   csv.where());
        return 2;
      }
      continue;
    }
    if (csv.size() < 3 || (csv.cell(1) != "correct" && csv.cell(1) != "incorrect")) {
      fmt::print(stderr, "eval: {}: expected file,correct|incorrect,mXX,...\n", csv.where());
      return 2;
    }
    auto m = std::find_if(results.begin(), results.end(),
                          [&](const MovementResult& r) { return csv.cell(2) == r.movement->id; });
    if (m == results.end()) continue;
    const std::string file(csv.cell(0));
    FileResult r = evaluate(dir / file, file, csv.cell(1) == "correct", *m->exercise, verbose);
    failures += r.failed ? 1 : 0;
    m->files.push_back(std::move(r));
  }

  std::size_t n = 0;
  for (const MovementResult& m : results) n += m.files.size();
  if (verbose) fmt::print("\n");
  fmt::print(
      "Form quality on ui-prmd-dev ({} single-repetition files, Kinect v2 3D, 30 fps)\n"
      "AUC: score separating correct (positive) from incorrect; acc: rep classified correct\n"
      "(no compensation) vs the label; sens: correct files classified correct; spec: incorrect\n"
      "files flagged; score+/score-: mean score of correct/incorrect files.\n\n",
      n);
  print_movement_table(results);
  fmt::print(
      "\nPer rule: fired+/fired-: share of correct/incorrect files it fired in (any side);\n"
      "AUC: its worst value alone (1 = always worse on incorrect files); judged: files\n"
      "with a value; median+/median-: median worst value on correct/incorrect files.\n\n");
  print_rule_table(results);
  fmt::print("\nTarget: mean AUC >= 0.90.\n");
  if (failures > 0) {
    fmt::print(stderr, "eval: {} file(s) could not be assessed (see above)\n", failures);
    return 1;
  }
  return 0;
}
