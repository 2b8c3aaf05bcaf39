// Per-frame min–max normalisation of a recording's image landmarks: the form in which some
// published landmark sets come (Countix-Fitness, docs/evaluation.md), where every frame's x,
// y and depth are rescaled on their own to span [0, 1] over the landmarks detected in that
// frame. Aspect ratio, position, size and camera view are lost. The simulated-counting
// evaluation and the tests apply it to simulated recordings to check that counting survives
// such data; `openpt simulate --per-frame-normalised` writes it.
//
//   normalise_per_frame(pose);  // world landmarks and the camera view are dropped too
#pragma once

#include "openpt/motion/pose_sequence.h"

namespace openpt::motion {

// Rescales each frame's present image landmarks per axis to [0, 1] (an axis on which they
// all coincide becomes 0; a missing depth stays missing), marks the image space as
// per-frame normalised, removes the world landmarks and forgets the camera view.
void normalise_per_frame(PoseSequence& pose);

}  // namespace openpt::motion
