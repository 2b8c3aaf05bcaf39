#include "openpt/gait/imu.h"

#include <array>
#include <utility>

namespace openpt::gait {
namespace {

constexpr std::array<std::pair<Placement, std::string_view>, 6> kPlacementNames{{
    {Placement::kLeftFoot, "left_foot"},
    {Placement::kRightFoot, "right_foot"},
    {Placement::kLeftShank, "left_shank"},
    {Placement::kRightShank, "right_shank"},
    {Placement::kLowerBack, "lower_back"},
    {Placement::kWrist, "wrist"},
}};

}  // namespace

std::string_view placement_name(Placement placement) {
  for (const auto& [value, name] : kPlacementNames) {
    if (value == placement) return name;
  }
  return "unknown";
}

Result<Placement> parse_placement(std::string_view name) {
  for (const auto& [value, known] : kPlacementNames) {
    if (known == name) return value;
  }
  return bad_input("unknown sensor placement '" + std::string(name) + "'", {},
                   "use left_foot, right_foot, left_shank, right_shank, lower_back or wrist");
}

Side placement_side(Placement placement) {
  switch (placement) {
    case Placement::kLeftFoot:
    case Placement::kLeftShank: return Side::kLeft;
    case Placement::kRightFoot:
    case Placement::kRightShank: return Side::kRight;
    default: return Side::kUnknown;
  }
}

std::string_view side_name(Side side) {
  switch (side) {
    case Side::kLeft: return "left";
    case Side::kRight: return "right";
    default: return "unknown";
  }
}

bool is_foot(Placement placement) {
  return placement == Placement::kLeftFoot || placement == Placement::kRightFoot;
}

const ImuSignal* ImuRecording::find(Placement placement) const {
  for (const auto& sensor : sensors) {
    if (sensor.placement == placement) return &sensor;
  }
  return nullptr;
}

}  // namespace openpt::gait
