// Small statistics over time series shared by readers and analyses.
//
//   double m = median({3.0, 1.0, 2.0});               // 2
//   double dt = median_frame_interval_s(t_s);         // 1/30 for a 30 fps recording
#pragma once

#include <span>
#include <vector>

namespace openpt {

// Median of the finite values (mean of the two middle ones for an even count); NaN if none.
double median(std::vector<double> values);

// Median interval between consecutive timestamps; 0 for fewer than two frames.
double median_frame_interval_s(std::span<const double> t_s);

}  // namespace openpt
