// Initial and final contacts, their side, and walking bouts from one lower-back (L5) IMU.
//
// Contacts follow McCamley et al. 2012 (Gait Posture 36:316–318), as used by Del Din et al.
// 2016 (IEEE JBHI 20:838): the vertical acceleration a_up (earth frame, + up, gravity
// removed; the vertical comes from the complementary filter of orientation.h, so the sensor
// may be mounted in any orientation) is detrended, integrated (trapezoidal rule) and
// differentiated with a Gaussian continuous wavelet. We implement the 'gaus1' CWT as
// correlation with the first derivative of a Gaussian of standard deviation σ =
// `gaussian_sigma_s` (64 ms: the gaus1 wavelet e^(−t²) at scale s has σ = s / √2 samples, so
// this is scale 9 at 100 Hz; its pass band peaks at 1 / (2πσ) = 2.5 Hz, just above the step
// frequency). Integrating, then differentiating that way, is Gaussian smoothing:
//   s1 = −(G_σ ∗ a_up)       initial contact (IC) = local minima of s1 (peaks of a_up),
//   s2 =  d/dt (G_σ ∗ s1)    final contact (FC) = the first local maximum of s2 after an IC.
// Minima count when s1 ≤ −`min_ic_acc_mps2` and ≤ `relative_ic_acc` × a typical step's
// minimum, at least `min_step_s` apart (the deeper wins). ICs are steps only inside a
// walking bout: ≥ `min_bout_steps` ICs in a row, each within `max_step_gap_s` of the last.
//
// Side: the pelvis rotates about the vertical with the stride (Perry 1992): at a left IC
// the left hip is forward (yaw most clockwise), at a right IC most counter-clockwise. The
// earth-frame yaw rate is integrated and band-passed (`side_band_hz`, zero-phase
// Butterworth) and its sign at each IC votes (− left, + right) — McCamley's use of the
// vertical-axis angular velocity, read as an angle so that the vote is taken at an extreme
// rather than at a zero crossing. Sides then alternate within each run of steps (a gap over
// 1.5 typical steps, i.e. a missed step, starts a new run), starting on the side most votes
// agree with; `side_disagreements` counts the votes the alternation overrules. The FC after
// a left IC is the right foot's (the trailing foot's toe-off) and vice versa.
//
//   auto back = detect_lower_back_events(*recording.find(Placement::kLowerBack));
//   if (!back) return tl::unexpected(back.error());
//   for (const GaitEvent& e : back->events) ...;        // IC, FC, IC, FC, ... with sides
//   for (const WalkingBout& b : back->bouts) ...;       // start_s, end_s, steps
#pragma once

#include <cstddef>
#include <vector>

#include "openpt/core/error.h"
#include "openpt/gait/gait_events.h"
#include "openpt/gait/imu.h"
#include "openpt/gait/orientation.h"

namespace openpt::gait {

// The lower back's signals in the earth frame (z up, from estimate_orientation).
struct EarthFrameSignals {
  std::vector<double> vertical_acc_mps2;  // specific force along +z minus gravity
  std::vector<double> yaw_rate_rps;       // angular rate about +z, + counter-clockwise
};
[[nodiscard]] Result<EarthFrameSignals> earth_frame_signals(const ImuSignal& signal,
                                                            const OrientationOptions& options = {});

struct LowerBackEventOptions {
  OrientationOptions orientation;
  double gaussian_sigma_s = 0.064;  // σ of the Gaussian wavelet (gaus1 scale 9 at 100 Hz)
  double min_ic_acc_mps2 = 0.5;     // an IC's smoothed upward acceleration peak at least this
  double relative_ic_acc = 0.3;     // and this share of a typical step's peak
  double min_step_s = 0.25;         // two ICs at least this far apart (240 steps/min)
  double max_step_gap_s = 2.5;      // a longer gap between ICs ends a walking bout
  std::size_t min_bout_steps = 3;   // ICs in a row that make a walking bout
  double side_band_low_hz = 0.5;    // band of the yaw angle used for the side
  double side_band_high_hz = 3.0;
};

struct WalkingBout {
  double start_s = 0;  // first IC
  double end_s = 0;    // last IC
  std::size_t steps = 0;
};

struct LowerBackEvents {
  std::vector<GaitEvent> events;  // IC and FC with sides, sorted by time
  std::vector<WalkingBout> bouts;
  std::size_t rejected_contacts = 0;   // IC candidates outside any walking bout
  std::size_t side_disagreements = 0;  // ICs whose own yaw vote the alternation overrules
  std::vector<double> ic_signal_mps2;  // s1, the signal the ICs are minima of (for plots)
  std::vector<double> fc_signal;       // s2 (m/s³)
  std::vector<double> yaw_rate_rps;    // earth-frame yaw rate (turns: turns.h)
};

// kBadInput when the signal is shorter than 2 s or its orientation cannot be estimated.
[[nodiscard]] Result<LowerBackEvents> detect_lower_back_events(
    const ImuSignal& back, const LowerBackEventOptions& options = {});

// The Gaussian-smoothed derivative dx/dt: x convolved with the derivative of a unit-area
// Gaussian of standard deviation `sigma_s` (for x = c·t the result is c). Ends are extended
// with the end values. Exposed for tests.
[[nodiscard]] std::vector<double> gaussian_derivative(const std::vector<double>& x,
                                                      double sample_rate_hz, double sigma_s);

}  // namespace openpt::gait
