// to_json: the movement report as "openpt.assessment/1" (docs/formats.md). Angles are
// rounded to 0.01°, times to 0.001 s, rates to 0.001 Hz; missing values (NaN) are null.
#include <cmath>

#include "openpt/motion/report.h"
#include "openpt/motion/report_detail.h"

namespace openpt::motion {

namespace {

using json = nlohmann::ordered_json;

// round(v·scale)/scale is the double nearest to the decimal, so it prints as "12.35".
json rounded(double value, double scale) {
  if (!std::isfinite(value)) return nullptr;
  const double r = std::round(value * scale) / scale;
  return r == 0 ? 0.0 : r;  // no "-0.0"
}
json deg(double value) {
  return rounded(value, 100);
}
json seconds(double value) {
  return rounded(value, 1000);
}
json hertz(double value) {
  return rounded(value, 1000);
}

std::string_view plane_name(AnglePlane plane) {
  switch (plane) {
    case AnglePlane::kSagittal: return "sagittal";
    case AnglePlane::kFrontal: return "frontal";
    case AnglePlane::kSegment: return "segment";
  }
  return "segment";
}

json recording(const AnalysisReport& r) {
  return {{"skeleton", r.skeleton},
          {"frames", r.frame_count},
          {"duration_s", seconds(r.duration_s)},
          {"fps", r.metadata.fps > 0 ? hertz(r.metadata.fps) : json(nullptr)},
          {"format", r.metadata.format}};
}

json analysis(const AnalysisReport& r) {
  const Kinematics& k = r.kinematics;
  json a = {{"mode", k.is_3d ? "3d" : "2d"},
            {"camera_view", camera_view_name(k.view)},
            {"view_inferred", k.view_inferred},
            {"view_assumed", k.view_assumed},
            {"sample_rate_hz", hertz(k.sample_rate_hz)},
            {"min_visibility", r.min_visibility},
            {"max_gap_fill_s", r.max_gap_fill_s}};
  if (r.lowpass_cutoff_hz > 0) a["lowpass_cutoff_hz"] = r.lowpass_cutoff_hz;
  return a;
}

json angles(const AnalysisReport& r) {
  json out = json::object();
  for (const AngleSummary& s : r.summary.angles) {
    const AngleInfo& info = angle_info(s.key);
    const AngleSeries* series = detail::find_series(r, s.key);
    out[std::string(info.name)] = {
        {"min_deg", deg(s.min_deg)},      {"max_deg", deg(s.max_deg)},
        {"rom_deg", deg(s.rom_deg)},      {"mean_deg", deg(s.mean_deg)},
        {"valid_frames", s.valid_frames}, {"plane", plane_name(info.plane)},
        {"positive", info.positive},      {"in_view_plane", series ? series->in_view_plane : true}};
  }
  return out;
}

json asymmetry(const AnalysisReport& r) {
  json out = json::array();
  for (const Asymmetry& a : r.summary.asymmetries) {
    out.push_back({{"angle", detail::angle_base_name(a.id)},
                   {"left_rom_deg", deg(a.left_rom_deg)},
                   {"right_rom_deg", deg(a.right_rom_deg)},
                   {"difference_deg", deg(a.difference_deg)},
                   {"index_pct", deg(a.index_pct)}});
  }
  return out;
}

json notes(const Kinematics& k) {
  json unavailable = json::array(), gaps = json::array();
  for (const UnavailableAngle& u : k.unavailable) {
    unavailable.push_back({{"angle", angle_info(u.key).name}, {"reason", u.reason}});
  }
  for (const Gap& g : k.gaps) {
    gaps.push_back({{"joint", joint_name(g.joint)},
                    {"start_s", seconds(g.start_s)},
                    {"end_s", seconds(g.end_s)},
                    {"first_frame", g.first_frame},
                    {"last_frame", g.last_frame},
                    {"filled", g.filled}});
  }
  return {{"unavailable", unavailable}, {"gaps", gaps}, {"warnings", k.warnings}};
}

json series(const Kinematics& k) {
  json out = json::object();
  json t = json::array();
  for (double v : k.t_s) t.push_back(seconds(v));
  out["t_s"] = std::move(t);
  for (const AngleSeries& s : k.angles) {
    json values = json::array();
    for (double v : s.deg) values.push_back(deg(v));
    out[std::string(angle_info(s.key).name)] = std::move(values);
  }
  return out;
}

json side_json(Side side) {
  return side == Side::kNone ? json(nullptr) : json(side_name(side));
}

json finding_json(const Finding& f) {
  return {{"code", f.code},
          {"title", f.title},
          {"severity", severity_name(f.severity)},
          {"side", side_json(f.side)},
          {"value", rounded(f.value, 100)},
          {"threshold", rounded(f.threshold, 100)},
          {"unit", f.unit},
          {"reps", f.reps},
          {"text", f.text},
          {"cue", f.cue.empty() ? json(nullptr) : json(f.cue)}};
}

// `checked`: form rules were evaluated (a named exercise); else reps are not classified.
json rep_json(const RepResult& r, bool checked) {
  json findings = json::array();
  for (const RepFinding& f : r.findings) {
    findings.push_back({{"code", f.code},
                        {"side", side_json(f.side)},
                        {"severity", severity_name(f.severity)},
                        {"value", rounded(f.value, 100)}});
  }
  const Repetition& t = r.timing;
  return {
      {"number", r.number > 0 ? json(r.number) : json(nullptr)},
      {"complete", t.complete},
      {"partial_reason", t.complete ? json(nullptr) : json(t.partial_reason)},
      {"outside_position", r.outside_position.empty() ? json(nullptr) : json(r.outside_position)},
      {"start_s", seconds(t.start_s)},
      {"turn_s", seconds(t.turn_s)},
      {"end_s", seconds(t.end_s)},
      {"rom_deg", deg(r.rom_deg)},
      {"outward_s", seconds(r.outward_s)},
      {"return_s", seconds(r.return_s)},
      {"eccentric_s", seconds(r.eccentric_s)},
      {"concentric_s", seconds(r.concentric_s)},
      {"peak_velocity_deg_s", deg(r.peak_velocity_deg_s)},
      {"classification",
       r.number == 0 ? json(is_partial(r) ? "partial" : "outside_position")
       : !checked    ? json("not_checked")
       : r.classification == Severity::kOk
           ? json("correct")
           : json(std::string(severity_name(r.classification)) + "_compensation")},
      {"score", r.number > 0 && checked ? rounded(r.score, 10) : json(nullptr)},
      {"findings", findings}};
}

// The assessment's keys, merged into the top level of the report.
json assessment_json(const AnalysisReport& report) {
  json out;
  if (!report.assessment) {
    out["rep_count"] = nullptr;
    out["score"] = nullptr;
    out["assessment_error"] =
        report.assessment_error.empty() ? json(nullptr) : json(report.assessment_error);
    return out;
  }
  const Assessment& a = *report.assessment;
  json reps = json::array(), findings = json::array(), reasons = json::array(),
       skipped = json::array();
  for (const RepResult& r : a.reps) reps.push_back(rep_json(r, !a.automatic));
  for (const Finding& f : a.findings) findings.push_back(finding_json(f));
  for (const ScoreReason& s : a.score_reasons) {
    reasons.push_back({{"code", s.code},
                       {"side", side_json(s.side)},
                       {"points", rounded(s.points, 10)},
                       {"text", s.text}});
  }
  for (const SkippedRule& s : a.skipped) {
    skipped.push_back({{"code", s.code}, {"reason", s.reason}});
  }
  out["exercise_name"] = a.exercise_name;
  out["rep_count"] = a.rep_count;
  out["score"] = a.score ? rounded(*a.score, 10) : json(nullptr);
  out["score_reasons"] = reasons;
  out["findings"] = findings;
  out["reps"] = reps;
  out["movement"] = {{"signal", a.signal},
                     {"unit", a.signal_unit},
                     {"automatic", a.automatic},
                     {"typical_rom", rounded(a.typical_rom, 100)},
                     {"partial_reps", partial_count(a)},
                     {"outside_position_reps", outside_position_count(a)},
                     {"skipped_rules", skipped},
                     {"notes", a.notes}};
  return out;
}

// Where the key frames are and what they show; the pictures are in the HTML report only.
json key_frames_json(const AnalysisReport& report) {
  json out = json::array();
  for (const KeyFrame& k : report.key_frames) {
    std::string caption = k.title;
    for (std::size_t i = 0; i < k.findings.size(); ++i) {
      caption += (i == 0 ? ": " : "; ") + k.findings[i];
    }
    out.push_back({{"frame", k.frame},
                   {"t_s", seconds(k.t_s)},
                   {"rep", k.rep > 0 ? json(k.rep) : json(nullptr)},
                   {"caption", caption}});
  }
  return out;
}

}  // namespace

json to_json(const AnalysisReport& report) {
  json j = {{"schema", kAssessmentSchema},
            {"generator", kGenerator},
            {"source", report.source},
            {"exercise", report.exercise.empty() ? json(nullptr) : json(report.exercise)}};
  j.update(assessment_json(report));
  if (!report.key_frames.empty()) j["key_frames"] = key_frames_json(report);
  j.update(json{{"recording", recording(report)},
                {"analysis", analysis(report)},
                {"angles", angles(report)},
                {"asymmetry", asymmetry(report)}});
  j.update(notes(report.kinematics));
  j["series"] = series(report.kinematics);
  return j;
}

}  // namespace openpt::motion
