#include "openpt/gait/gait_events.h"

#include <algorithm>
#include <tuple>

namespace openpt::gait {

std::string_view event_type_name(EventType type) {
  return type == EventType::kInitialContact ? "initial_contact" : "final_contact";
}

void sort_events(std::vector<GaitEvent>& events) {
  std::stable_sort(events.begin(), events.end(), [](const GaitEvent& a, const GaitEvent& b) {
    return std::tie(a.t_s, a.side, a.type) < std::tie(b.t_s, b.side, b.type);
  });
}

std::vector<Stride> strides_from_events(std::span<const GaitEvent> events, Side side,
                                        double max_stride_s) {
  std::vector<const GaitEvent*> own;
  for (const auto& e : events) {
    if (e.side == side) own.push_back(&e);
  }
  std::vector<Stride> strides;
  for (std::size_t i = 0; i < own.size(); ++i) {
    if (own[i]->type != EventType::kInitialContact) continue;
    // The next two events of this side must be FC then IC.
    if (i + 2 >= own.size()) break;
    const GaitEvent& fc = *own[i + 1];
    const GaitEvent& next = *own[i + 2];
    if (fc.type != EventType::kFinalContact || next.type != EventType::kInitialContact) continue;
    if (next.t_s - own[i]->t_s > max_stride_s) continue;
    Stride stride;
    stride.side = side;
    stride.ic_t_s = own[i]->t_s;
    stride.fc_t_s = fc.t_s;
    stride.next_ic_t_s = next.t_s;
    stride.mid_swing_t_s = (fc.t_s + next.t_s) / 2;
    strides.push_back(stride);
  }
  return strides;
}

}  // namespace openpt::gait
