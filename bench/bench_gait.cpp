// Cost of the gait pipeline on one hour of three 100 Hz IMUs (left foot, right foot, lower
// back), simulated once (simulate_gait.h): 60 walking bouts of 45 s, each with a 180° turn,
// separated by 15 s of standing, with sensor noise and random mountings. Issue 5 target:
// the hour processed in ≤ 1 s on one core. Run it pinned to one core:
//
//   taskset -c 0 build/bench/bench_gait --benchmark_counters_tabular=true
//
// BM_AnalyzeGait       analyze_gait on the three sensors: checks, foot events, ZUPT stride
//                      lengths, parameters (and the lower back when the pipeline uses it) —
//                      what `openpt gait` computes; `hours_per_s` = recording hours per second
// BM_FootEvents        detect_foot_events on one foot sensor (the hour of one foot)
// BM_ReadIpolFiles     reading the three sensors from IPOL tab-separated text files (written
//                      once to a temporary directory), with resampling onto the packet clock
// BM_ReadAndAnalyze    both: the hour from files to parameters
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "openpt/gait/foot_events.h"
#include "openpt/gait/gait_analysis.h"
#include "openpt/gait/imu_formats.h"
#include "openpt/gait/simulate_gait.h"

namespace {

using namespace openpt;
using namespace openpt::gait;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "bench_gait: %s\n", what.c_str());
  std::exit(1);
}

const SimulatedGait& hour() {
  static const SimulatedGait sim = [] {
    GaitSimOptions o;
    o.bouts = 60;
    o.walk_s = 45;
    o.pause_between_bouts_s = 15;
    o.still_before_s = 0;
    o.turn = true;
    o.random_mounting = true;
    o.gyr_noise_rps = 0.02;
    o.acc_noise_mps2 = 0.05;
    auto s = simulate_gait(o);
    if (!s) fail(s.error().to_string());
    return std::move(*s);
  }();
  return sim;
}

double recording_hours() {
  const ImuSignal& s = hour().recording.sensors.front();
  return static_cast<double>(s.size()) / s.sample_rate_hz / 3600.0;
}

void set_counters(benchmark::State& state, double sensors) {
  const double samples = static_cast<double>(hour().recording.sensors.front().size()) * sensors;
  state.counters["samples_per_s"] =
      benchmark::Counter(samples, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["hours_per_s"] =
      benchmark::Counter(recording_hours(), benchmark::Counter::kIsIterationInvariantRate);
}

// The three sensors as IPOL text files (header line, column names, packet counter from 1).
struct IpolFiles {
  std::filesystem::path dir;
  std::vector<std::pair<std::filesystem::path, Placement>> files;
  IpolFiles() {
    dir = std::filesystem::temp_directory_path() / fmt::format("openpt-bench-gait-{}", getpid());
    std::filesystem::create_directories(dir);
    for (const ImuSignal& s : hour().recording.sensors) {
      const auto path = dir / fmt::format("{}.txt", placement_name(s.placement));
      std::ofstream out(path);
      out << fmt::format("Acquisition frequency: {:.0f} Hz\n", s.sample_rate_hz);
      out << "PacketCounter\tAcc_X\tAcc_Y\tAcc_Z\tGyr_X\tGyr_Y\tGyr_Z\tMag_X\tMag_Y\tMag_Z\n";
      for (std::size_t i = 0; i < s.size(); ++i) {
        const Vec3& a = s.acc_mps2[i];
        const Vec3& g = s.gyr_rps[i];
        out << fmt::format("{}\t{:.6f}\t{:.6f}\t{:.6f}\t{:.6f}\t{:.6f}\t{:.6f}\t0\t0\t0\n",
                           (i + 1) % 65536, a.x, a.y, a.z, g.x, g.y, g.z);
      }
      if (!out) fail("cannot write " + path.string());
      files.emplace_back(path, s.placement);
    }
  }
  ~IpolFiles() { std::filesystem::remove_all(dir); }
};

const IpolFiles& ipol_files() {
  static const IpolFiles files;
  return files;
}

ImuRecording read_all() {
  ImuRecording rec;
  for (const auto& [path, placement] : ipol_files().files) {
    auto s = read_ipol_imu(path, placement);
    if (!s) fail(s.error().to_string());
    rec.sensors.push_back(std::move(*s));
  }
  return rec;
}

void BM_AnalyzeGait(benchmark::State& state) {
  const ImuRecording& rec = hour().recording;
  for (auto _ : state) {
    auto gait = analyze_gait(rec);
    if (!gait) fail(gait.error().to_string());
    benchmark::DoNotOptimize(gait->parameters);
  }
  set_counters(state, 3);
}
BENCHMARK(BM_AnalyzeGait)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_FootEvents(benchmark::State& state) {
  const ImuSignal& foot = *hour().recording.find(Placement::kLeftFoot);
  for (auto _ : state) {
    auto events = detect_foot_events(foot);
    if (!events) fail(events.error().to_string());
    benchmark::DoNotOptimize(events->events);
  }
  set_counters(state, 1);
}
BENCHMARK(BM_FootEvents)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_ReadIpolFiles(benchmark::State& state) {
  ipol_files();
  for (auto _ : state) benchmark::DoNotOptimize(read_all());
  set_counters(state, 3);
}
BENCHMARK(BM_ReadIpolFiles)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_ReadAndAnalyze(benchmark::State& state) {
  ipol_files();
  for (auto _ : state) {
    auto gait = analyze_gait(read_all());
    if (!gait) fail(gait.error().to_string());
    benchmark::DoNotOptimize(gait->parameters);
  }
  set_counters(state, 3);
}
BENCHMARK(BM_ReadAndAnalyze)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
