// Gait events: initial contact (heel strike) and final contact (toe-off) of each foot.
//
// `GaitEvent` is what every detector produces and what the parameters, the reports and the
// evaluation consume: the side, the type, the time from the recording's origin and the
// sample index of the sensor that found it. `Stride` groups one foot's events into
// IC → FC → next IC. Events are sorted by time.
//
//   std::vector<GaitEvent> events = detect_foot_events(foot, {}).value().events;
//   for (const auto& e : events)
//     fmt::print("{} {} at {:.2f} s\n", side_name(e.side), event_type_name(e.type), e.t_s);
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "openpt/gait/imu.h"

namespace openpt::gait {

enum class EventType { kInitialContact, kFinalContact };

// "initial_contact", "final_contact".
[[nodiscard]] std::string_view event_type_name(EventType type);

struct GaitEvent {
  Side side = Side::kUnknown;
  EventType type = EventType::kInitialContact;
  double t_s = 0;          // seconds from the recording's origin
  std::size_t sample = 0;  // sample index in the sensor that detected it
  Placement source = Placement::kLowerBack;
};

// One foot's stride: initial contact, the final contact that ends its stance, the next
// initial contact. `mid_swing_t_s` is the swing's peak angular rate (foot sensors).
struct Stride {
  Side side = Side::kUnknown;
  double ic_t_s = 0;
  double fc_t_s = 0;
  double next_ic_t_s = 0;
  double mid_swing_t_s = 0;
  double length_m = -1;           // < 0 when not measured (no foot sensor / ZUPT failed)
  double clearance_m = -1;        // the sensor's peak height gain in the swing; < 0 unknown
  double heading_change_deg = 0;  // foot heading change over the stride (turns)
  bool in_turn = false;

  [[nodiscard]] double time_s() const { return next_ic_t_s - ic_t_s; }
  [[nodiscard]] double stance_s() const { return fc_t_s - ic_t_s; }
  [[nodiscard]] double swing_s() const { return next_ic_t_s - fc_t_s; }
};

// Sorts by time (then side, then type) in place.
void sort_events(std::vector<GaitEvent>& events);

// One foot's events paired into strides: each IC followed by an FC and the next IC of the
// same side within `max_stride_s`.
[[nodiscard]] std::vector<Stride> strides_from_events(std::span<const GaitEvent> events, Side side,
                                                      double max_stride_s = 2.5);

}  // namespace openpt::gait
