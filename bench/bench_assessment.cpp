// Cost of counting and assessment on top of kinematics, on one long simulated recording
// (a squat repeated ~810 times, ~100 000 frames of BlazePose 33 at 30 fps, 3D), reported as
// frames per second (items_per_second). Simulation and loading the exercise library are
// excluded. Issue 3 target: kinematics + counting + assessment ≤ 1.2 × kinematics alone.
//
//   build/bench/bench_assessment --benchmark_counters_tabular=true
//
// BM_Kinematics         compute_kinematics, tracks not kept (the baseline)
// BM_KinematicsTracks   the same keeping the cleaned landmark tracks (what assess needs)
// BM_Assess             assess(deep_squat) alone on kinematics computed beforehand
// BM_KinematicsAssess   compute_kinematics with tracks + assess(deep_squat): the full job
// BM_Overhead           the three side by side in every iteration, timed separately; its
//                       counters are the ratios to kinematics alone: tracks_ratio and
//                       assess_ratio (1.20 = 20 % more), and each stage's frames/s
#include <benchmark/benchmark.h>
#include <time.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "openpt/motion/assessment.h"
#include "openpt/motion/exercise.h"
#include "openpt/motion/kinematics.h"
#include "openpt/motion/simulate.h"

namespace {

using namespace openpt;
using namespace openpt::motion;

constexpr std::size_t kTargetFrames = 100000;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "bench_assessment: %s\n", what.c_str());
  std::exit(1);
}

struct Recording {
  PoseSequence pose;
  std::size_t reps = 0;  // simulated (all complete)
};

// The recording, simulated once: reps chosen from a short run so the total is ~100k frames.
const Recording& recording() {
  static const Recording rec = [] {
    SimulationOptions options{.reps = 10, .fps = 30, .seed = 1};
    auto probe = simulate("squat", options);
    if (!probe) fail(probe.error().to_string());
    const double frames_per_rep =
        static_cast<double>(probe->pose.frame_count()) / static_cast<double>(options.reps);
    options.reps = std::clamp(static_cast<int>(kTargetFrames / frames_per_rep), 1, 1000);
    auto sim = simulate("squat", options);
    if (!sim) fail(sim.error().to_string());
    return Recording{std::move(sim->pose), sim->rep_start_s.size()};
  }();
  return rec;
}

const ExerciseDefinition& deep_squat() {
  static const ExerciseLibrary library = [] {
    auto l = ExerciseLibrary::load(default_exercise_dir());
    if (!l) fail(l.error().to_string());
    return std::move(*l);
  }();
  const ExerciseDefinition* e = library.find("deep_squat");
  if (e == nullptr) fail("the exercise library has no deep_squat");
  return *e;
}

Kinematics kinematics(const PoseSequence& seq, bool keep_tracks) {
  auto k = compute_kinematics(seq, {.keep_tracks = keep_tracks});
  if (!k) fail(k.error().to_string());
  return std::move(*k);
}

void set_frames(benchmark::State& state, const PoseSequence& seq) {
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(seq.frame_count()));
  state.counters["frames"] = static_cast<double>(seq.frame_count());
}

void BM_Kinematics(benchmark::State& state) {
  const PoseSequence& seq = recording().pose;
  for (auto _ : state) benchmark::DoNotOptimize(kinematics(seq, false));
  set_frames(state, seq);
}

void BM_KinematicsTracks(benchmark::State& state) {
  const PoseSequence& seq = recording().pose;
  for (auto _ : state) benchmark::DoNotOptimize(kinematics(seq, true));
  set_frames(state, seq);
}

void BM_Assess(benchmark::State& state) {
  const PoseSequence& seq = recording().pose;
  const ExerciseDefinition& exercise = deep_squat();
  const Kinematics k = kinematics(seq, true);
  int reps = 0;
  for (auto _ : state) {
    auto a = assess(k, exercise);
    if (!a) fail(a.error().to_string());
    reps = a->rep_count;
    benchmark::DoNotOptimize(a);
  }
  set_frames(state, seq);
  state.counters["reps"] = reps;
  state.counters["true_reps"] = static_cast<double>(recording().reps);
}

void BM_KinematicsAssess(benchmark::State& state) {
  const PoseSequence& seq = recording().pose;
  const ExerciseDefinition& exercise = deep_squat();
  for (auto _ : state) {
    const Kinematics k = kinematics(seq, true);
    auto a = assess(k, exercise);
    if (!a) fail(a.error().to_string());
    benchmark::DoNotOptimize(a);
  }
  set_frames(state, seq);
}

// CPU time of the calling thread, in seconds: unlike wall time, not inflated by other
// processes competing for the cores.
double thread_cpu_s() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// Side by side: each iteration times (thread CPU time) kinematics alone, kinematics with
// tracks, and assess on the latter, so the ratios compare runs under the same conditions.
void BM_Overhead(benchmark::State& state) {
  const PoseSequence& seq = recording().pose;
  const ExerciseDefinition& exercise = deep_squat();
  double plain_s = 0, tracks_s = 0, assess_s = 0;
  for (auto _ : state) {
    const double t0 = thread_cpu_s();
    benchmark::DoNotOptimize(kinematics(seq, false));
    const double t1 = thread_cpu_s();
    const Kinematics k = kinematics(seq, true);
    const double t2 = thread_cpu_s();
    auto a = assess(k, exercise);
    if (!a) fail(a.error().to_string());
    benchmark::DoNotOptimize(a);
    const double t3 = thread_cpu_s();
    plain_s += t1 - t0;
    tracks_s += t2 - t1;
    assess_s += t3 - t2;
  }
  const double frames = static_cast<double>(seq.frame_count()) * state.iterations();
  state.counters["kin_fps"] = frames / plain_s;
  state.counters["tracks_fps"] = frames / tracks_s;
  state.counters["full_fps"] = frames / (tracks_s + assess_s);
  state.counters["tracks_ratio"] = tracks_s / plain_s;
  state.counters["assess_ratio"] = (tracks_s + assess_s) / plain_s;
}

BENCHMARK(BM_Kinematics)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_KinematicsTracks)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Assess)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_KinematicsAssess)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Overhead)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
