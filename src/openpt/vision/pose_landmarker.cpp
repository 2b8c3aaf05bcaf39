#include "openpt/vision/pose_landmarker.h"

#include <fmt/format.h>

#include <cassert>
#include <thread>
#include <vector>

#include "openpt/vision/detection_decoding.h"
#include "openpt/vision/interpreter.h"
#include "openpt/vision/landmark_smoothing.h"
#include "openpt/vision/model_files.h"
#include "openpt/vision/ssd_anchors.h"
#include "openpt/vision/thread_pool.h"
#include "openpt/vision/weighted_nms.h"

namespace openpt::vision {
namespace {

constexpr TensorCropOptions kDetectorInput{.width = 224,
                                           .height = 224,
                                           .range_min = -1,
                                           .range_max = 1,
                                           .keep_aspect_ratio = true,
                                           .border = TensorBorder::kZero};
constexpr TensorCropOptions kLandmarkInput{.width = 256,
                                           .height = 256,
                                           .range_min = 0,
                                           .range_max = 1,
                                           .keep_aspect_ratio = true,
                                           .border = TensorBorder::kReplicate};

std::string_view landmark_model_file(PoseModel model) {
  switch (model) {
    case PoseModel::kLite: return kPoseLandmarkLiteModel;
    case PoseModel::kFull: return kPoseLandmarkFullModel;
    case PoseModel::kHeavy: return kPoseLandmarkHeavyModel;
  }
  return kPoseLandmarkFullModel;
}

Result<Interpreter> load_model(std::string_view file_name, const std::filesystem::path& dir,
                               const std::shared_ptr<ThreadPool>& pool) {
  auto path = locate_model(file_name, dir);
  if (!path) return tl::unexpected(path.error());
  return Interpreter::load(*path, {.pool = pool});
}

// Output indices of the landmark model, found by name.
struct LandmarkOutputs {
  std::size_t landmarks = 0;  // 1 x 195
  std::size_t flag = 0;       // 1 x 1, already a probability
  std::size_t heatmap = 0;    // 1 x 64 x 64 x 39
  std::size_t world = 0;      // 1 x 117
  int heatmap_height = 0;
  int heatmap_width = 0;
};

Result<LandmarkOutputs> landmark_outputs(const Interpreter& model, std::string_view file) {
  LandmarkOutputs out;
  const auto find = [&](std::string_view name, std::size_t elements) -> Result<std::size_t> {
    const auto index = model.find_output(name);
    if (!index || model.output_info(*index).element_count() != elements) {
      return bad_input(fmt::format("output {} with {} values not found: not a BlazePose landmark "
                                   "model",
                                   name, elements),
                       std::string(file), "run scripts/fetch-models to reinstall it");
    }
    return *index;
  };
  constexpr std::size_t kHeatmapSide = 64;
  auto landmarks = find("Identity", kPoseModelLandmarkCount * 5);
  auto flag = find("Identity_1", 1);
  auto heatmap = find("Identity_3", kHeatmapSide * kHeatmapSide * kPoseModelLandmarkCount);
  auto world = find("Identity_4", kPoseModelLandmarkCount * 3);
  for (const auto* r : {&landmarks, &flag, &heatmap, &world}) {
    if (!*r) return tl::unexpected(r->error());
  }
  return LandmarkOutputs{*landmarks, *flag, *heatmap, *world, kHeatmapSide, kHeatmapSide};
}

}  // namespace

std::string_view pose_model_name(PoseModel model) {
  switch (model) {
    case PoseModel::kLite: return "lite";
    case PoseModel::kFull: return "full";
    case PoseModel::kHeavy: return "heavy";
  }
  return "full";
}

Result<PoseModel> parse_pose_model(std::string_view name) {
  for (PoseModel m : {PoseModel::kLite, PoseModel::kFull, PoseModel::kHeavy}) {
    if (name == pose_model_name(m)) return m;
  }
  return bad_input(fmt::format("unknown pose model '{}'", name), "--model",
                   "use lite, full or heavy");
}

struct PoseLandmarker::State {
  PoseLandmarkerOptions options;
  std::shared_ptr<ThreadPool> pool;
  Interpreter detector;
  Interpreter landmark_model;
  LandmarkOutputs outputs;
  std::vector<Anchor> anchors;
  PoseSmoother smoother;
  std::optional<NormalizedRect> next_region;  // tracking: from the previous frame

  Result<std::optional<Detection>> detect_person(const cv::Mat& rgb) {
    const LetterboxPadding padding =
        image_to_tensor(rgb, whole_image(), kDetectorInput, detector.input(0));
    if (auto ok = detector.invoke(); !ok) return tl::unexpected(ok.error());
    auto detections = decode_detections(detector.output(0), detector.output(1), anchors,
                                        {.min_score = options.min_detection_score});
    auto people = weighted_nms(std::move(detections), {.iou_threshold = 0.5f});
    if (people.empty()) return std::optional<Detection>();
    Detection best = people.front();
    for (Keypoint& k : best.keypoints) {
      const NormalizedPoint p = remove_letterbox({k.x, k.y}, padding);
      k = {p.x, p.y};
    }
    return std::optional<Detection>(best);
  }

  // Landmarks in `region`; nullopt when the pose flag is below `min_flag`.
  Result<std::optional<PoseEstimate>> landmarks_in(const cv::Mat& rgb, const NormalizedRect& region,
                                                   float min_flag) {
    const LetterboxPadding padding =
        image_to_tensor(rgb, region, kLandmarkInput, landmark_model.input(0));
    if (auto ok = landmark_model.invoke(); !ok) return tl::unexpected(ok.error());
    const float flag = landmark_model.output(outputs.flag)[0];
    if (!(flag >= min_flag)) return std::optional<PoseEstimate>();
    PoseLandmarks crop = decode_pose_landmarks(landmark_model.output(outputs.landmarks),
                                               kLandmarkInput.width, kLandmarkInput.height);
    refine_with_heatmap(crop, landmark_model.output(outputs.heatmap), outputs.heatmap_height,
                        outputs.heatmap_width);
    PoseEstimate pose;
    pose.landmarks = project_to_image(crop, padding, region);
    pose.world = decode_world_landmarks(landmark_model.output(outputs.world), region);
    pose.region = region;
    pose.presence_score = flag;
    return std::optional<PoseEstimate>(pose);
  }

  Result<std::optional<PoseEstimate>> detect_then_landmarks(const cv::Mat& rgb) {
    auto person = detect_person(rgb);
    if (!person) return tl::unexpected(person.error());
    if (!*person) return std::optional<PoseEstimate>();
    const auto& k = (*person)->keypoints;
    const NormalizedRect region =
        pose_region({k[0].x, k[0].y}, {k[1].x, k[1].y}, rgb.cols, rgb.rows);
    auto pose = landmarks_in(rgb, region, options.min_presence_score);
    if (pose && *pose) (*pose)->detection_score = (*person)->score;
    return pose;
  }
};

Result<PoseLandmarker> PoseLandmarker::create(const PoseLandmarkerOptions& requested) {
  PoseLandmarkerOptions options = requested;
  if (options.threads <= 0) {
    options.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }
  if (options.model_dir.empty()) options.model_dir = default_model_dir();
  auto pool = std::make_shared<ThreadPool>(options.threads);
  auto detector = load_model(kPoseDetectionModel, options.model_dir, pool);
  if (!detector) return tl::unexpected(detector.error());
  const std::string_view landmark_file = landmark_model_file(options.model);
  auto landmark_model = load_model(landmark_file, options.model_dir, pool);
  if (!landmark_model) return tl::unexpected(landmark_model.error());
  auto outputs = landmark_outputs(*landmark_model, landmark_file);
  if (!outputs) return tl::unexpected(outputs.error());
  return PoseLandmarker(std::make_unique<State>(State{
      .options = options,
      .pool = std::move(pool),
      .detector = std::move(*detector),
      .landmark_model = std::move(*landmark_model),
      .outputs = *outputs,
      .anchors = ssd_anchors(pose_detection_anchor_options()),
      .smoother = PoseSmoother(),
      .next_region = std::nullopt,
  }));
}

PoseLandmarker::PoseLandmarker(std::unique_ptr<State> state) : state_(std::move(state)) {}
PoseLandmarker::PoseLandmarker(PoseLandmarker&&) noexcept = default;
PoseLandmarker& PoseLandmarker::operator=(PoseLandmarker&&) noexcept = default;
PoseLandmarker::~PoseLandmarker() = default;

const PoseLandmarkerOptions& PoseLandmarker::options() const {
  return state_->options;
}
int PoseLandmarker::threads() const {
  return state_->pool->threads();
}

Result<std::optional<PoseEstimate>> PoseLandmarker::detect(const cv::Mat& rgb) {
  assert(rgb.type() == CV_8UC3);
  return state_->detect_then_landmarks(rgb);
}

void PoseLandmarker::reset() {
  state_->next_region.reset();
  state_->smoother.reset();
}

Result<std::optional<PoseEstimate>> PoseLandmarker::track(const cv::Mat& rgb, double t_s) {
  assert(rgb.type() == CV_8UC3);
  State& s = *state_;
  Result<std::optional<PoseEstimate>> pose = std::optional<PoseEstimate>();
  if (s.next_region) {
    pose = s.landmarks_in(rgb, *s.next_region, s.options.min_tracking_score);
    if (!pose) return pose;
    if (*pose) (*pose)->tracked = true;
  }
  if (!*pose) pose = s.detect_then_landmarks(rgb);
  if (!pose) return pose;
  if (!*pose) {
    reset();
    return pose;
  }
  PoseEstimate& p = **pose;
  if (s.options.smoothing) s.smoother.apply(p.landmarks, p.world, t_s, rgb.cols, rgb.rows);
  const PosePoint& hip = p.landmarks[kPoseHipCentreLandmark];
  const PosePoint& top = p.landmarks[kPoseScalePointLandmark];
  s.next_region = pose_region({hip.x, hip.y}, {top.x, top.y}, rgb.cols, rgb.rows);
  return pose;
}

}  // namespace openpt::vision
