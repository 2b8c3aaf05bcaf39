#include "openpt/motion/exercise_position.h"

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "openpt/core/time_series.h"
#include "openpt/motion/form_rules.h"

namespace openpt::motion {

namespace {

// The measure's series per side available in this recording (one for a side-less measure).
std::vector<const std::vector<double>*> position_series(const PositionCheck& position,
                                                        MeasureSet& measures) {
  const MeasureInfo* info = find_frame_measure(position.measure);
  std::vector<const std::vector<double>*> out;
  if (info == nullptr) return out;
  const std::vector<Side> sides = info->bilateral ? std::vector<Side>{Side::kLeft, Side::kRight}
                                                  : std::vector<Side>{Side::kNone};
  for (Side side : sides) {
    if (auto s = measures.series(position.measure, side)) out.push_back(*s);
  }
  return out;
}

}  // namespace

std::optional<std::string> outside_position(const PositionCheck& position, MeasureSet& measures,
                                            const Repetition& rep) {
  const std::vector<const std::vector<double>*> series = position_series(position, measures);
  std::vector<double> values;
  for (std::size_t f = rep.start_frame; f <= rep.end_frame; ++f) {
    double sum = 0;
    int seen = 0;
    for (const std::vector<double>* s : series) {
      if (f < s->size() && std::isfinite((*s)[f])) {
        sum += (*s)[f];
        ++seen;
      }
    }
    if (seen > 0) values.push_back(sum / seen);
  }
  if (values.empty()) return std::nullopt;
  const double typical = median(values);
  if (position.below ? typical < position.limit : typical > position.limit) return std::nullopt;
  const MeasureInfo* info = find_frame_measure(position.measure);
  const std::string unit(info->unit);
  return fmt::format(
      "not in the exercise's position ({}): the median {} was {} (it should stay {} {})",
      position.text, info->description, format_value(typical, unit),
      position.below ? "below" : "above", format_value(position.limit, unit));
}

}  // namespace openpt::motion
