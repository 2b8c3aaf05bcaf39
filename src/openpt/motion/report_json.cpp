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
  json a = {{"mode", k.is_3d ? "3d" : "2d"},      {"camera_view", camera_view_name(k.view)},
            {"view_inferred", k.view_inferred},   {"sample_rate_hz", hertz(k.sample_rate_hz)},
            {"min_visibility", r.min_visibility}, {"max_gap_fill_s", r.max_gap_fill_s}};
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

}  // namespace

json to_json(const AnalysisReport& report) {
  json j = {{"schema", kAssessmentSchema},
            {"generator", kGenerator},
            {"source", report.source},
            {"exercise", report.exercise.empty() ? json(nullptr) : json(report.exercise)},
            {"recording", recording(report)},
            {"analysis", analysis(report)},
            {"angles", angles(report)},
            {"asymmetry", asymmetry(report)}};
  j.update(notes(report.kinematics));
  j["series"] = series(report.kinematics);
  return j;
}

}  // namespace openpt::motion
