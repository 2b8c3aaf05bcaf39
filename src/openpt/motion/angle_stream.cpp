#include "openpt/motion/angle_stream.h"

namespace openpt::motion {

AngleStream::AngleStream(OneEuroOptions options) {
  filters_.fill(OneEuroFilter(options));
  latest_.fill(NAN);
}

const std::array<double, 17>& AngleStream::push(const BodyPoints& points, double t_s) {
  const std::array<double, 17> raw = frame_angles(points);
  for (std::size_t i = 0; i < raw.size(); ++i) latest_[i] = filters_[i].filter(raw[i], t_s);
  return latest_;
}

void AngleStream::reset() {
  for (auto& f : filters_) f.reset();
  latest_.fill(NAN);
}

}  // namespace openpt::motion
