// Whether a repetition was done in the exercise's position (exercise.h, PositionCheck).
//
// A push-up is done with the hands on the floor, below the shoulders; arms moved while
// standing between sets, or in a different shot of a video, move the elbows just as much but
// are not push-ups. The position's measure is taken over the repetition's frames (the mean of
// the two sides where both are seen, either side where only one is) and its median compared
// with the limit. A repetition in which the measure is seen in fewer than half the frames is
// given the benefit of the doubt (counted), and so is every repetition of a recording in
// which the measure cannot be taken at all (position_not_checked says why). assessment.cpp
// reports the others, with the reason, and does not count them.
//
//   if (auto why = outside_position(*exercise.movement.position, measures, rep)) ...
#pragma once

#include <optional>
#include <string>

#include "openpt/motion/exercise.h"
#include "openpt/motion/measures.h"
#include "openpt/motion/reps.h"

namespace openpt::motion {

// Why `rep` was not in the position, e.g. "not in the exercise's position (the hands on the
// floor, below the shoulders): the median wrist height above the shoulder was 12.5 % trunk
// (it should stay below 0.0 % trunk)", or nullopt.
std::optional<std::string> outside_position(const PositionCheck& position, MeasureSet& measures,
                                            const Repetition& rep);

// Why the position cannot be checked in this recording (its measure is not available on
// any side, e.g. "wrist_height is not available: ..."), or nullopt when it can.
std::optional<std::string> position_not_checked(const PositionCheck& position,
                                                MeasureSet& measures);

}  // namespace openpt::motion
