// Speed and memory of the BlazePose pipeline (vision/pose_landmarker.h, vision/pose_video.h):
// milliseconds per image or frame of the detector, crop, landmark model and decoding together,
// per landmark model at 1 and 2 threads; end-to-end frames per second of a video with
// decoding; and OpenPT's side of the comparison with MediaPipe Tasks Vision
// (bench/pose-vs-tasks-vision). Needs the models (scripts/fetch-models, or OPENPT_MODEL_DIR);
// without them it says so and exits 0 (skipped). Loading the models is never timed.
//
//   build/bench/bench_pose [--benchmark_repetitions=3 ...]       Google Benchmark rows below
//   build/bench/bench_pose --images A.jpg B.png [--repeat N] [--threads T] [--model M] [--json]
//   build/bench/bench_pose --video FILE [--repeat N] [--threads T] [--model M] [--json]
//
// BM_Detect/<model>/threads:N            PoseLandmarker::detect on one Debian sample photo
//                                        (opencv-doc messi5.jpg, or the next one installed),
//                                        decoded once: detector on the letterboxed image,
//                                        region, crop, landmark model, decoding
// BM_Track/<model>/<clip>/threads:N      PoseLandmarker::track, frame after frame, over one
//                                        pass of a clip of ../shared/data/videos (at most 150
//                                        frames) decoded into memory before timing: landmark
//                                        model on the region tracked from the previous frame,
//                                        the detector where the person is first found or lost,
//                                        smoothing. Decoding excluded.
//   counters: ms_per_frame and fps (wall clock); found = fraction of frames with a person;
//   detector_runs = frames of the pass where the detector ran.
//
// --images: IMAGE mode as tools/tasks-vision-reference/reference.mjs --repeat measures it:
//   each image decoded once, then PoseLandmarker::detect run N times (default 20); the
//   median of the N runs (the first included, as there) and the first run, in ms.
// --video: vision::estimate_poses on the file, decoding included (as `openpt pose` runs it),
//   N times (default 3); median fps and ms per frame, and the process's peak resident memory
//   (getrusage ru_maxrss: run one video and model per process to read it per model).
// Exit status: 0 done (or skipped: no models), 2 bad arguments or input, 1 a failed run.
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "openpt/vision/frame_source.h"
#include "openpt/vision/model_files.h"
#include "openpt/vision/pose_landmarker.h"
#include "openpt/vision/pose_video.h"

namespace {

namespace fs = std::filesystem;
using namespace openpt;
using namespace openpt::vision;
using Clock = std::chrono::steady_clock;

constexpr std::array kModels{PoseModel::kLite, PoseModel::kFull, PoseModel::kHeavy};
constexpr std::size_t kMaxClipFrames = 150;

// The six Debian sample photos the pose tests use (tests/vision/pose_landmarker_models_test.cpp).
constexpr std::array<std::string_view, 6> kDebianPhotos{
    "/usr/share/doc/opencv-doc/examples/data/messi5.jpg",
    "/usr/share/doc/opencv-doc/examples/data/basketball1.png",
    "/usr/share/doc/opencv-doc/examples/data/basketball2.png",
    "/usr/lib/python3/dist-packages/skimage/data/camera.png",
    "/usr/lib/python3/dist-packages/skimage/data/astronaut.png",
    "/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg",
};

struct ClipSpec {
  std::string_view name;  // in the benchmark's name
  std::string_view file;  // in <shared data>/videos
};
constexpr std::array<ClipSpec, 2> kClips{{
    {"squat_640x360", "squat_front_mediapipe_overlay.mp4"},
    {"balance_1080x1920", "balance_reach_4view_pose2sim_cam01.mp4"},
}};

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t m = v.size() / 2;
  return v.size() % 2 != 0 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
}

// OPENPT_SHARED_DATA, else ../shared/data from the working directory, else from the source
// tree (as the eval tools find it, bench/eval_common.h).
fs::path shared_data_dir() {
  if (const char* env = std::getenv("OPENPT_SHARED_DATA"); env != nullptr && *env != '\0') {
    return env;
  }
  if (fs::is_directory("../shared/data")) return "../shared/data";
  return fs::path(OPENPT_SOURCE_DIR) / ".." / "shared" / "data";
}

// The first frame of an image file (upright RGB).
Result<cv::Mat> read_image(const fs::path& path) {
  auto source = FrameSource::open(path);
  if (!source) return tl::unexpected(source.error());
  auto frame = source->next();
  if (!frame) return tl::unexpected(frame.error());
  if (!*frame) return bad_input("no image in the file", path.filename().string(), {});
  return (*frame)->rgb;
}

struct Clip {
  std::vector<cv::Mat> frames;
  double fps = 30;
  std::string error;  // non-empty when it could not be decoded
};

// A clip decoded once per process (at most kMaxClipFrames frames), kept for every row.
const Clip& decoded_clip(const fs::path& path) {
  static std::map<fs::path, Clip> cache;
  if (auto it = cache.find(path); it != cache.end()) return it->second;
  Clip clip;
  if (auto source = FrameSource::open(path); !source) {
    clip.error = source.error().to_string();
  } else {
    if (source->fps() > 0) clip.fps = source->fps();
    while (clip.frames.size() < kMaxClipFrames) {
      auto frame = source->next();
      if (!frame) {
        clip.error = frame.error().to_string();
        break;
      }
      if (!*frame) break;
      clip.frames.push_back(std::move((*frame)->rgb));
    }
    if (clip.error.empty() && clip.frames.empty()) clip.error = "no frames";
  }
  return cache.emplace(path, std::move(clip)).first->second;
}

void set_frame_counters(benchmark::State& state, double total_ms) {
  const auto frames = static_cast<double>(state.iterations());
  if (frames <= 0 || total_ms <= 0) return;
  state.counters["ms_per_frame"] = total_ms / frames;
  state.counters["fps"] = 1000.0 * frames / total_ms;
}

Result<PoseLandmarker> make_landmarker(PoseModel model, int threads) {
  return PoseLandmarker::create({.model = model, .threads = threads});
}

void bm_detect(benchmark::State& state, PoseModel model, const cv::Mat* image,
               const std::string* label) {
  auto landmarker = make_landmarker(model, static_cast<int>(state.range(0)));
  if (!landmarker) {
    state.SkipWithError(landmarker.error().to_string().c_str());
    return;
  }
  if (auto warm = landmarker->detect(*image); !warm) {  // first run: caches, pool threads
    state.SkipWithError(warm.error().to_string().c_str());
    return;
  }
  bool found = false;
  const auto start = Clock::now();
  for (auto _ : state) {
    auto pose = landmarker->detect(*image);
    if (!pose) {
      state.SkipWithError(pose.error().to_string().c_str());
      break;
    }
    found = pose->has_value();
    benchmark::DoNotOptimize(pose);
  }
  set_frame_counters(state, ms_since(start));
  state.counters["found"] = found ? 1 : 0;
  state.SetLabel(*label);
}

void bm_track(benchmark::State& state, PoseModel model, const fs::path& video) {
  const Clip& clip = decoded_clip(video);  // before timing
  if (!clip.error.empty()) {
    state.SkipWithError(clip.error.c_str());
    return;
  }
  auto landmarker = make_landmarker(model, static_cast<int>(state.range(0)));
  if (!landmarker) {
    state.SkipWithError(landmarker.error().to_string().c_str());
    return;
  }
  if (auto warm = landmarker->detect(clip.frames.front()); !warm) {
    state.SkipWithError(warm.error().to_string().c_str());
    return;
  }
  landmarker->reset();
  std::size_t i = 0;
  std::size_t found = 0;
  std::size_t detector_runs = 0;
  const double interval_s = 1.0 / clip.fps;
  const auto start = Clock::now();
  for (auto _ : state) {
    const std::size_t k = i % clip.frames.size();
    if (k == 0 && i > 0) landmarker->reset();  // the clip again: as a new video
    auto pose = landmarker->track(clip.frames[k], static_cast<double>(i) * interval_s);
    if (!pose) {
      state.SkipWithError(pose.error().to_string().c_str());
      break;
    }
    if (*pose) {
      ++found;
      if (!(*pose)->tracked) ++detector_runs;
    }
    benchmark::DoNotOptimize(pose);
    ++i;
  }
  set_frame_counters(state, ms_since(start));
  if (i > 0) state.counters["found"] = static_cast<double>(found) / static_cast<double>(i);
  state.counters["detector_runs"] = static_cast<double>(detector_runs);
  state.SetLabel(fmt::format("{} frames {}x{}", clip.frames.size(), clip.frames.front().cols,
                             clip.frames.front().rows));
}

// Registers the rows whose inputs are there; says what is skipped and why. False when the
// models are missing (nothing to run).
bool register_all() {
  if (auto detector = locate_model(kPoseDetectionModel); !detector) {
    fmt::print(stderr, "bench_pose: skipped: {}\n", detector.error().to_string());
    return false;
  }
  std::vector<PoseModel> models;
  for (PoseModel model : kModels) {
    const std::string file = fmt::format("pose_landmark_{}.tflite", pose_model_name(model));
    if (auto ok = locate_model(file); !ok) {
      fmt::print(stderr, "bench_pose: {} rows skipped: {}\n", pose_model_name(model),
                 ok.error().to_string());
    } else {
      models.push_back(model);
    }
  }
  if (models.empty()) return false;

  // BM_Detect: the first Debian photo installed.
  static cv::Mat photo;
  static std::string photo_label;
  for (std::string_view path : kDebianPhotos) {
    if (!fs::exists(path)) continue;
    if (auto image = read_image(path)) {
      photo = *image;
      photo_label =
          fmt::format("{} {}x{}", fs::path(path).filename().string(), photo.cols, photo.rows);
      break;
    }
  }
  if (photo.empty()) {
    fmt::print(stderr,
               "bench_pose: BM_Detect skipped: none of the Debian sample photos is installed "
               "(apt-get install opencv-doc python3-skimage python-matplotlib-data)\n");
  }
  for (PoseModel model : models) {
    if (photo.empty()) break;
    const std::string name = fmt::format("BM_Detect/{}", pose_model_name(model));
    benchmark::RegisterBenchmark(name.c_str(), bm_detect, model, &photo, &photo_label)
        ->ArgName("threads")
        ->Arg(1)
        ->Arg(2)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->MinTime(1.0);
  }

  // BM_Track: the clips of ../shared/data/videos, one pass each (at most kMaxClipFrames).
  const fs::path videos = shared_data_dir() / "videos";
  for (const ClipSpec& clip : kClips) {
    const fs::path path = videos / clip.file;
    if (!fs::is_regular_file(path)) {
      fmt::print(stderr,
                 "bench_pose: BM_Track on {} skipped: {} not found (set OPENPT_SHARED_DATA to "
                 "the shared data folder)\n",
                 clip.name, path.string());
      continue;
    }
    std::size_t frames = kMaxClipFrames;
    if (auto source = FrameSource::open(path); source && source->frame_count_hint() > 0) {
      frames = std::min(frames, source->frame_count_hint());
    }
    for (PoseModel model : models) {
      const std::string name = fmt::format("BM_Track/{}/{}", pose_model_name(model), clip.name);
      benchmark::RegisterBenchmark(name.c_str(), bm_track, model, path)
          ->ArgName("threads")
          ->Arg(1)
          ->Arg(2)
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime()
          ->Iterations(static_cast<benchmark::IterationCount>(frames));
    }
  }
  return true;
}

// ---- --images and --video ----------------------------------------------------------------

struct ModeArgs {
  std::vector<fs::path> images;
  fs::path video;
  int repeat = 0;  // 0: the mode's default
  int threads = 1;
  PoseModel model = PoseModel::kFull;
  bool json = false;
};

int usage(std::string_view message) {
  if (!message.empty()) fmt::print(stderr, "bench_pose: {}\n", message);
  fmt::print(stderr,
             "usage: bench_pose [google benchmark flags]\n"
             "       bench_pose --images IMAGE... [--repeat N] [--threads T] [--model M] "
             "[--json]\n"
             "       bench_pose --video FILE [--repeat N] [--threads T] [--model M] [--json]\n"
             "M: lite, full (default), heavy; T: threads (default 1)\n"
             "Google Benchmark flags: --benchmark_filter=REGEX, --benchmark_repetitions=N, "
             "--benchmark_report_aggregates_only=true, --benchmark_format=json, ...\n");
  return 2;
}

std::optional<int> parse_positive(const char* text) {
  char* end = nullptr;
  const long value = std::strtol(text, &end, 10);
  if (end == text || *end != '\0' || value < 1 || value > 100000) return std::nullopt;
  return static_cast<int>(value);
}

// Parses --images/--video arguments; nullopt (after printing the usage) on a bad one.
std::optional<ModeArgs> parse_mode_args(int argc, char** argv) {
  const auto fail = [](std::string_view message) -> std::optional<ModeArgs> {
    usage(message);
    return std::nullopt;
  };
  ModeArgs args;
  bool in_images = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (arg == "--images") {
      in_images = true;
      continue;
    }
    if (arg.starts_with("--")) in_images = false;
    if (arg == "--video") {
      const char* v = value();
      if (v == nullptr) return fail("--video needs a file");
      args.video = v;
    } else if (arg == "--repeat" || arg == "--threads") {
      const char* v = value();
      const auto n = v != nullptr ? parse_positive(v) : std::nullopt;
      if (!n) return fail(fmt::format("{} needs a number >= 1", arg));
      (arg == "--repeat" ? args.repeat : args.threads) = *n;
    } else if (arg == "--model") {
      const char* v = value();
      if (v == nullptr) return fail("--model needs lite, full or heavy");
      auto model = parse_pose_model(v);
      if (!model) return fail(model.error().to_string());
      args.model = *model;
    } else if (arg == "--json") {
      args.json = true;
    } else if (in_images) {
      args.images.emplace_back(arg);
    } else {
      return fail(fmt::format("unexpected argument {}", arg));
    }
  }
  if (args.images.empty() == args.video.empty()) {
    return fail("give either --images IMAGE... or --video FILE");
  }
  return args;
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<int>(c));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

int run_images(const ModeArgs& args) {
  const int repeat = args.repeat > 0 ? args.repeat : 20;
  std::vector<cv::Mat> images;
  for (const fs::path& path : args.images) {
    auto image = read_image(path);
    if (!image) {
      fmt::print(stderr, "bench_pose: {}: {}\n", path.string(), image.error().to_string());
      return 2;
    }
    images.push_back(std::move(*image));
  }
  auto landmarker = make_landmarker(args.model, args.threads);
  if (!landmarker) {
    fmt::print(stderr, "bench_pose: {}\n", landmarker.error().to_string());
    return 2;
  }
  std::vector<std::string> rows;
  if (!args.json) {
    fmt::print("OpenPT PoseLandmarker::detect, model {}, {} thread(s), {} runs per image\n",
               pose_model_name(args.model), args.threads, repeat);
    fmt::print("{:<28} {:>10} {:>6} {:>10} {:>10}\n", "image", "size", "pose", "first ms",
               "median ms");
  }
  for (std::size_t i = 0; i < images.size(); ++i) {
    std::vector<double> times;
    bool found = false;
    for (int r = 0; r < repeat; ++r) {
      const auto start = Clock::now();
      auto pose = landmarker->detect(images[i]);
      times.push_back(ms_since(start));
      if (!pose) {
        fmt::print(stderr, "bench_pose: {}: {}\n", args.images[i].string(),
                   pose.error().to_string());
        return 1;
      }
      found = pose->has_value();
    }
    const std::string file = args.images[i].filename().string();
    if (args.json) {
      rows.push_back(
          fmt::format("  {{\"file\": {}, \"width\": {}, \"height\": {}, \"poses\": {}, "
                      "\"ms\": {{\"median\": {:.3f}, \"runs\": {}, \"first\": {:.3f}}}}}",
                      json_string(file), images[i].cols, images[i].rows, found ? 1 : 0,
                      median(times), times.size(), times.front()));
    } else {
      fmt::print("{:<28} {:>10} {:>6} {:>10.2f} {:>10.2f}\n", file,
                 fmt::format("{}x{}", images[i].cols, images[i].rows), found ? "yes" : "no",
                 times.front(), median(times));
    }
  }
  if (args.json) {
    fmt::print(
        "{{\"schema\": \"openpt.bench_pose_images/1\", \"model\": \"{}\", \"threads\": {}, "
        "\"repeat\": {}, \"peak_rss_mib\": {:.1f},\n \"images\": [\n{}\n ]}}\n",
        pose_model_name(args.model), args.threads, repeat, peak_rss_mib(), fmt::join(rows, ",\n"));
  }
  return 0;
}

int run_video(const ModeArgs& args) {
  const int repeat = args.repeat > 0 ? args.repeat : 3;
  auto landmarker = make_landmarker(args.model, args.threads);
  if (!landmarker) {
    fmt::print(stderr, "bench_pose: {}\n", landmarker.error().to_string());
    return 2;
  }
  std::vector<double> fps;
  PoseEstimationStats stats;
  for (int r = 0; r < repeat; ++r) {
    auto sequence = estimate_poses(args.video, *landmarker, {.show_progress = false}, &stats);
    if (!sequence) {
      fmt::print(stderr, "bench_pose: {}\n", sequence.error().to_string());
      return exit_code(sequence.error()) == 1 ? 1 : 2;
    }
    if (stats.frames == 0 || stats.seconds <= 0) {
      fmt::print(stderr, "bench_pose: {}: no frames\n", args.video.string());
      return 2;
    }
    fps.push_back(static_cast<double>(stats.frames) / stats.seconds);
  }
  const double median_fps = median(fps);
  const std::string file = args.video.filename().string();
  if (args.json) {
    fmt::print(
        "{{\"schema\": \"openpt.bench_pose_video/1\", \"file\": {}, \"width\": {}, "
        "\"height\": {}, \"frames\": {}, \"frames_with_person\": {}, \"detector_runs\": {}, "
        "\"model\": \"{}\", \"threads\": {}, \"runs\": {}, \"fps\": {:.2f}, "
        "\"ms_per_frame\": {:.2f}, \"peak_rss_mib\": {:.1f}}}\n",
        json_string(file), stats.width, stats.height, stats.frames, stats.frames_with_person,
        stats.detector_runs, pose_model_name(args.model), args.threads, repeat, median_fps,
        1000.0 / median_fps, peak_rss_mib());
  } else {
    fmt::print(
        "{} {}x{}, {} frames (person in {}, detector on {}), model {}, {} thread(s): "
        "{:.1f} fps = {:.2f} ms per frame (decoding included; median of {}), peak RSS "
        "{:.0f} MiB\n",
        file, stats.width, stats.height, stats.frames, stats.frames_with_person,
        stats.detector_runs, pose_model_name(args.model), args.threads, median_fps,
        1000.0 / median_fps, repeat, peak_rss_mib());
  }
  return 0;
}

bool has_mode_flag(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--images") == 0 || std::strcmp(argv[i], "--video") == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      usage("");
      return 0;
    }
  }
  if (has_mode_flag(argc, argv)) {
    const auto args = parse_mode_args(argc, argv);
    if (!args) return 2;
    return args->images.empty() ? run_video(*args) : run_images(*args);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  if (!register_all()) return 0;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
