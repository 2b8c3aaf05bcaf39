// plan_key_frames (report.h): which frames the report shows and what it says about them —
// each repetition's turning point with its findings and the joints they concern, or evenly
// spaced frames when there are no repetitions.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "openpt/motion/report.h"
#include "openpt/motion/report_detail.h"

namespace openpt::motion {

namespace {

// `count` of `n` items spread evenly, each at the centre of its share: 0-based indices,
// ascending and distinct (all of them when count >= n).
std::vector<std::size_t> evenly_spaced(std::size_t n, std::size_t count) {
  std::vector<std::size_t> out;
  if (count >= n) {
    for (std::size_t i = 0; i < n; ++i) out.push_back(i);
    return out;
  }
  for (std::size_t i = 0; i < count; ++i) out.push_back((2 * i + 1) * n / (2 * count));
  return out;
}

// The repetitions to show: all, or at most `max` — those with findings first (evenly
// spaced among them if they alone are too many), the rest evenly spaced; in time order.
std::vector<std::size_t> chosen_reps(const std::vector<RepResult>& reps, std::size_t max) {
  std::vector<std::size_t> with, without;
  for (std::size_t i = 0; i < reps.size(); ++i) {
    (reps[i].findings.empty() ? without : with).push_back(i);
  }
  std::vector<std::size_t> out;
  for (std::size_t k : evenly_spaced(with.size(), max)) out.push_back(with[k]);
  for (std::size_t k : evenly_spaced(without.size(), max - out.size())) out.push_back(without[k]);
  std::sort(out.begin(), out.end());
  return out;
}

// The joints a form rule is about, recognised from its code ("knee_valgus": the knee).
// Rules about speed, range or balance name no joint.
struct CodeJoints {
  std::string_view word;
  std::array<std::pair<Joint, Joint>, 3> joints;  // (left, right); kCount ends the list
};

constexpr std::pair<Joint, Joint> kNoJoint{Joint::kCount, Joint::kCount};
constexpr std::pair<Joint, Joint> kKnees{Joint::kLeftKnee, Joint::kRightKnee};
constexpr std::pair<Joint, Joint> kHips{Joint::kLeftHip, Joint::kRightHip};
constexpr std::pair<Joint, Joint> kShoulders{Joint::kLeftShoulder, Joint::kRightShoulder};
constexpr std::pair<Joint, Joint> kAnkles{Joint::kLeftAnkle, Joint::kRightAnkle};

constexpr std::array<CodeJoints, 13> kCodeJoints{{
    {"knee", {kKnees, kNoJoint, kNoJoint}},
    {"heel", {std::pair{Joint::kLeftHeel, Joint::kRightHeel}, kNoJoint, kNoJoint}},
    {"ankle", {kAnkles, kNoJoint, kNoJoint}},
    {"elbow", {std::pair{Joint::kLeftElbow, Joint::kRightElbow}, kNoJoint, kNoJoint}},
    {"arm", {std::pair{Joint::kLeftElbow, Joint::kRightElbow}, kNoJoint, kNoJoint}},
    {"wrist", {std::pair{Joint::kLeftWrist, Joint::kRightWrist}, kNoJoint, kNoJoint}},
    {"shoulder", {kShoulders, kNoJoint, kNoJoint}},
    {"hip", {kHips, kNoJoint, kNoJoint}},
    {"pelvi", {kHips, kNoJoint, kNoJoint}},
    {"trunk", {kShoulders, kHips, kNoJoint}},
    {"lumbar", {kHips, kNoJoint, kNoJoint}},
    {"leg", {kHips, kKnees, kAnkles}},
    {"depth", {kHips, kKnees, kNoJoint}},
}};

// Marks the landmarks of the joints `code` names on `side` (both when kNone), keeping the
// worse severity where two findings meet.
void mark_focus(std::vector<KeyFramePoint>& points, const Skeleton& skeleton, std::string_view code,
                Side side, Severity severity) {
  for (const CodeJoints& c : kCodeJoints) {
    if (code.find(c.word) == std::string_view::npos) continue;
    for (const auto& [left, right] : c.joints) {
      if (left == Joint::kCount) break;
      for (Joint joint : {left, right}) {
        if ((side == Side::kLeft && joint == right) || (side == Side::kRight && joint == left)) {
          continue;
        }
        const int index = skeleton.landmark_of(joint);
        if (index < 0 || static_cast<std::size_t>(index) >= points.size()) continue;
        std::optional<Severity>& focus = points[static_cast<std::size_t>(index)].focus;
        if (!focus || *focus < severity) focus = severity;
      }
    }
  }
}

Side landmark_side(std::string_view name) {
  if (name.starts_with("left_")) return Side::kLeft;
  if (name.starts_with("right_")) return Side::kRight;
  return Side::kNone;
}

// The frame's landmarks as fractions of the frame, or none when no person was found.
std::vector<KeyFramePoint> frame_points(const PoseSequence& sequence, std::size_t frame,
                                        double min_visibility) {
  std::vector<KeyFramePoint> points;
  if (!sequence.has_image || frame >= sequence.frame_count()) return points;
  if (!sequence.detected.empty() && sequence.detected[frame] == 0) return points;
  const ImageSpace& space = sequence.image_space;
  const bool pixels = space.units == ImageUnits::kPixels;
  if (pixels && (space.width_px <= 0 || space.height_px <= 0)) return points;
  const std::size_t n = sequence.landmark_count();
  bool any = false;
  for (std::size_t i = 0; i < n; ++i) {
    const Landmark& l = sequence.image[frame * n + i];
    KeyFramePoint p;
    if (l.present()) {
      p.x = pixels ? l.x / space.width_px : l.x;
      p.y = pixels ? l.y / space.height_px : l.y;
      any = true;
    }
    p.side = landmark_side(sequence.skeleton->landmark_names[i]);
    p.faint = std::isfinite(l.visibility) && l.visibility < min_visibility;
    points.push_back(p);
  }
  if (!any) points.clear();
  return points;
}

KeyFrame base_frame(const AnalysisReport& report, const PoseSequence& sequence, std::size_t frame) {
  KeyFrame k;
  k.frame = frame;
  k.t_s = frame < sequence.t_s.size() ? sequence.t_s[frame] : 0;
  k.landmarks = frame_points(sequence, frame, report.min_visibility);
  if (!k.landmarks.empty()) k.bones = sequence.skeleton->bones;
  k.width_px = sequence.image_space.width_px;
  k.height_px = sequence.image_space.height_px;
  return k;
}

}  // namespace

std::vector<KeyFrame> plan_key_frames(const AnalysisReport& report, const PoseSequence& sequence,
                                      const KeyFrameOptions& options) {
  std::vector<KeyFrame> out;
  const std::size_t n = sequence.frame_count();
  if (n == 0) return out;
  const Assessment* a = report.assessment ? &*report.assessment : nullptr;
  if (a == nullptr || a->reps.empty()) {
    for (std::size_t frame : evenly_spaced(n, options.frames_without_reps)) {
      KeyFrame k = base_frame(report, sequence, frame);
      k.title = n == 1 ? std::string("The image") : fmt::format("{:.2f} s", k.t_s);
      out.push_back(std::move(k));
    }
    return out;
  }
  for (std::size_t index : chosen_reps(a->reps, options.max_frames)) {
    const RepResult& rep = a->reps[index];
    KeyFrame k = base_frame(report, sequence, std::min(rep.timing.turn_frame, n - 1));
    k.rep = rep.number;
    k.not_counted = rep.number == 0;
    k.title = !k.not_counted     ? fmt::format("Rep {} · {:.2f} s", rep.number, k.t_s)
              : !is_partial(rep) ? fmt::format("Not counted · {:.2f} s", k.t_s)
                                 : fmt::format("Partial repetition · {:.2f} s", k.t_s);
    k.status = detail::classification_text(rep, a->automatic);
    k.status_key = std::string(detail::classification_key(rep, a->automatic));
    if (!rep.outside_position.empty()) {
      // The title says "Not counted"; the reason follows as a sentence.
      std::string why = rep.outside_position;
      why.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(why.front())));
      k.findings.push_back(why);
    } else if (k.not_counted && !rep.timing.partial_reason.empty()) {
      k.findings.push_back(fmt::format("Not counted ({})", rep.timing.partial_reason));
    }
    for (const RepFinding& f : rep.findings) {
      k.findings.push_back(detail::rep_finding_text(f, *a));
      mark_focus(k.landmarks, *sequence.skeleton, f.code, f.side, f.severity);
    }
    out.push_back(std::move(k));
  }
  return out;
}

}  // namespace openpt::motion
