// Whether a repetition was done in the exercise's position (exercise.h, PositionCheck).
//
// A push-up is done with the hands on the floor, below the shoulders; arms moved while
// standing between sets, or in a different shot of a video, move the elbows just as much but
// are not push-ups. The position's measure is taken over the repetition's frames (the mean of
// the two sides where both are seen, either side where only one is) and its median compared
// with the limit. A repetition in which the measure is never seen is given the benefit of the
// doubt (counted). assessment.cpp reports the others, with the reason, and does not count
// them.
//
//   if (auto why = outside_position(*exercise.movement.position, measures, rep)) ...
#pragma once

#include <optional>
#include <string>

#include "openpt/motion/exercise.h"
#include "openpt/motion/measures.h"
#include "openpt/motion/reps.h"

namespace openpt::motion {

// Why `rep` was not in the position ("not in the push-up position (the hands on the floor,
// below the shoulders): wrist height above the shoulder +42 % trunk (median)"), or nullopt.
std::optional<std::string> outside_position(const PositionCheck& position, MeasureSet& measures,
                                            const Repetition& rep);

}  // namespace openpt::motion
