#include "openpt/core/time_series.h"

#include <algorithm>
#include <cmath>

namespace openpt {

double median(std::vector<double> values) {
  std::erase_if(values, [](double v) { return !std::isfinite(v); });
  if (values.empty()) return NAN;
  const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), mid, values.end());
  if (values.size() % 2 == 1) return *mid;
  return (*mid + *std::max_element(values.begin(), mid)) / 2;
}

double median_frame_interval_s(std::span<const double> t_s) {
  if (t_s.size() < 2) return 0;
  std::vector<double> intervals(t_s.size() - 1);
  for (std::size_t i = 1; i < t_s.size(); ++i) intervals[i - 1] = t_s[i] - t_s[i - 1];
  const double m = median(std::move(intervals));
  return std::isfinite(m) ? m : 0.0;
}

}  // namespace openpt
