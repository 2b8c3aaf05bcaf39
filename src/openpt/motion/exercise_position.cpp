#include "openpt/motion/exercise_position.h"

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "openpt/core/time_series.h"
#include "openpt/motion/form_rules.h"

namespace openpt::motion {

namespace {

// The measure's series on each side (one for a side-less measure), those available in this
// recording, and the error of the last one that is not.
struct PositionSeries {
  std::vector<const std::vector<double>*> available;
  std::optional<Error> missing;
};

PositionSeries position_series(const PositionCheck& position, const MeasureInfo& info,
                               MeasureSet& measures) {
  PositionSeries out;
  const std::vector<Side> sides = info.bilateral ? std::vector<Side>{Side::kLeft, Side::kRight}
                                                 : std::vector<Side>{Side::kNone};
  for (Side side : sides) {
    if (auto s = measures.series(position.measure, side)) {
      out.available.push_back(*s);
    } else {
      out.missing = s.error();
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> outside_position(const PositionCheck& position, MeasureSet& measures,
                                            const Repetition& rep) {
  const MeasureInfo* info = find_frame_measure(position.measure);
  if (info == nullptr) return std::nullopt;
  const PositionSeries series = position_series(position, *info, measures);
  std::vector<double> values;
  for (std::size_t f = rep.start_frame; f <= rep.end_frame; ++f) {
    double sum = 0;
    int seen = 0;
    for (const std::vector<double>* s : series.available) {
      if (f < s->size() && std::isfinite((*s)[f])) {
        sum += (*s)[f];
        ++seen;
      }
    }
    if (seen > 0) values.push_back(sum / seen);
  }
  const std::size_t frames = rep.end_frame - rep.start_frame + 1;
  if (values.empty() || 2 * values.size() < frames) return std::nullopt;
  const double typical = median(values);
  if (position.below ? typical < position.limit : typical > position.limit) return std::nullopt;
  const std::string unit(info->unit);
  return fmt::format(
      "not in the exercise's position ({}): the median {} was {} (it should stay {} {})",
      position.text, info->description, format_value(typical, unit),
      position.below ? "below" : "above", format_value(position.limit, unit));
}

std::optional<std::string> position_not_checked(const PositionCheck& position,
                                                MeasureSet& measures) {
  const MeasureInfo* info = find_frame_measure(position.measure);
  if (info == nullptr) return fmt::format("'{}' is not a measure", position.measure);
  const PositionSeries series = position_series(position, *info, measures);
  if (!series.available.empty() || !series.missing) return std::nullopt;
  return series.missing->message;
}

}  // namespace openpt::motion
