// Speed of kinematics over a long 33-landmark recording, reported as frames per second
// (items_per_second). Reading files is excluded: the sequence is built in memory.
//
//   build/bench/bench_kinematics --benchmark_counters_tabular=true
//
// BM_FrameAngles        all 17 angles of one frame from prepared points (the inner loop)
// BM_Kinematics3D       compute_kinematics on world landmarks: masking, gap filling,
//                       angles, zero-phase low-pass and velocity for every angle
// BM_Kinematics2D       the same on image landmarks (view inference included)
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

#include "openpt/motion/kinematics.h"

namespace {

using namespace openpt;
using namespace openpt::motion;

// A person swaying and squatting: every landmark moves, with small noise.
PoseSequence long_sequence(std::size_t frames, bool world) {
  PoseSequence seq =
      make_pose_sequence(blazepose33(), frames, {.has_image = true, .has_world = world});
  seq.image_space = {ImageUnits::kNormalized, 1280, 720, false};
  std::mt19937 rng(1);
  std::normal_distribution<float> noise(0, 0.002f);
  const auto& names = blazepose33().landmark_names;
  for (std::size_t f = 0; f < frames; ++f) {
    const double t = f / 30.0;
    seq.t_s[f] = t;
    const double squat = 0.5 - 0.5 * std::cos(t * 2.0);
    for (std::size_t l = 0; l < names.size(); ++l) {
      const bool left = names[l].starts_with("left");
      const double x = (left ? 0.1 : -0.1) + 0.01 * static_cast<double>(l % 5);
      const double y = -0.9 + 0.06 * static_cast<double>(l) * (1 - 0.2 * squat);
      const double z = 0.05 * std::sin(t + static_cast<double>(l)) + 0.2 * squat * (l > 24);
      seq.image_at(f, l) = {static_cast<float>(0.5 + x * 0.3) + noise(rng),
                            static_cast<float>(0.5 - y * 0.3) + noise(rng), NAN, 0.95f, 0.99f};
      if (world) seq.world_at(f, l) = {x, y, z};
    }
  }
  return seq;
}

void BM_FrameAngles(benchmark::State& state) {
  const PoseSequence seq = long_sequence(1024, true);
  std::vector<BodyPoints> points(seq.frame_count());
  for (std::size_t f = 0; f < seq.frame_count(); ++f) {
    points[f].up = seq.world_up;
    for (std::size_t j = 0; j < kJointCount; ++j) {
      const int l = blazepose33().landmark_of(static_cast<Joint>(j));
      points[f].at[j] = l < 0 ? Vec3{NAN, NAN, NAN} : seq.world_at(f, static_cast<std::size_t>(l));
    }
  }
  std::size_t f = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(frame_angles(points[f]));
    f = (f + 1) & 1023;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FrameAngles);

void run_kinematics(benchmark::State& state, bool world) {
  const PoseSequence seq = long_sequence(static_cast<std::size_t>(state.range(0)), world);
  for (auto _ : state) {
    auto k = compute_kinematics(seq);
    if (!k) state.SkipWithError(k.error().to_string().c_str());
    benchmark::DoNotOptimize(k);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_Kinematics3D(benchmark::State& state) {
  run_kinematics(state, true);
}
void BM_Kinematics2D(benchmark::State& state) {
  run_kinematics(state, false);
}
BENCHMARK(BM_Kinematics3D)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Kinematics2D)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
