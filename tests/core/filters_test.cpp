#include "openpt/core/filters.h"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <numbers>

namespace openpt {
namespace {

constexpr double kPi = std::numbers::pi;

std::vector<double> sine(double freq_hz, double rate_hz, std::size_t n, double amplitude = 1) {
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i) x[i] = amplitude * std::sin(2 * kPi * freq_hz * i / rate_hz);
  return x;
}

// Amplitude of a sinusoid from its RMS over a whole number of periods.
double amplitude_in(const std::vector<double>& x, std::size_t from, std::size_t to) {
  double sum = 0;
  for (std::size_t i = from; i < to; ++i) sum += x[i] * x[i];
  return std::sqrt(2 * sum / static_cast<double>(to - from));
}

TEST(Butterworth, UnitDcGainAndMinus3dBAtCutoff) {
  const Biquad s = butterworth_lowpass(100, 10);
  EXPECT_NEAR((s.b0 + s.b1 + s.b2) / (1 + s.a1 + s.a2), 1.0, 1e-12);
  // |H(e^jw)| at the cut-off frequency is 1/sqrt(2) for a Butterworth design.
  const double w = 2 * kPi * 10 / 100;
  const std::complex<double> z = std::polar(1.0, -w);
  const auto h = (s.b0 + s.b1 * z + s.b2 * z * z) / (1.0 + s.a1 * z + s.a2 * z * z);
  EXPECT_NEAR(std::abs(h), 1 / std::sqrt(2.0), 1e-12);
}

TEST(Butterworth, ZeroPhaseHalvesAmplitudeAtCutoffWithoutLag) {
  const double rate = 100, cutoff = 10;
  const auto x = sine(cutoff, rate, 2000);
  const auto y = lowpass_zero_phase(x, rate, cutoff);
  // Forward-backward filtering squares the magnitude response: 0.5 at the cut-off.
  EXPECT_NEAR(amplitude_in(y, 500, 1500), 0.5, 0.005);
  // A slow sine passes unchanged and in phase (no lag).
  const auto slow = sine(0.5, rate, 2000, 30);
  const auto slow_y = lowpass_zero_phase(slow, rate, cutoff);
  for (std::size_t i = 200; i < 1800; ++i) EXPECT_NEAR(slow_y[i], slow[i], 0.02) << i;
}

TEST(Butterworth, ConstantAndRampArePreservedEndToEnd) {
  std::vector<double> ramp(50);
  for (std::size_t i = 0; i < ramp.size(); ++i) ramp[i] = 3.0 + 0.5 * i;
  const auto y = lowpass_zero_phase(ramp, 30, 6);
  for (std::size_t i = 0; i < ramp.size(); ++i) EXPECT_NEAR(y[i], ramp[i], 1e-6) << i;
}

TEST(Butterworth, NaNsSplitSegmentsAndStayNaN) {
  std::vector<double> x(40, 10.0);
  x[20] = NAN;
  x[1] = NAN;  // leaves a 1-sample run that is copied unchanged
  const auto y = lowpass_zero_phase(x, 30, 6);
  EXPECT_TRUE(std::isnan(y[20]));
  EXPECT_TRUE(std::isnan(y[1]));
  EXPECT_DOUBLE_EQ(y[0], 10.0);
  for (std::size_t i = 2; i < 40; ++i) {
    if (i != 20) {
      EXPECT_NEAR(y[i], 10.0, 1e-9);
    }
  }
}

TEST(Butterworth, CutoffAboveNyquistReturnsInput) {
  const auto x = sine(3, 10, 30);
  EXPECT_EQ(lowpass_zero_phase(x, 10, 6), x);
}

TEST(Derivative, CentralDifferencesOnNonUniformTime) {
  const std::vector<double> t = {0, 0.1, 0.3, 0.4, 0.7};
  std::vector<double> x;
  for (double ti : t) x.push_back(5 * ti + 2);  // exact for a line
  const auto d = derivative(x, t);
  for (double v : d) EXPECT_NEAR(v, 5.0, 1e-12);
}

TEST(Derivative, NaNNeighboursFallBackToOneSided) {
  const std::vector<double> t = {0, 1, 2, 3, 4};
  const std::vector<double> x = {0, 1, NAN, 9, 12};
  const auto d = derivative(x, t);
  EXPECT_DOUBLE_EQ(d[0], 1.0);
  EXPECT_DOUBLE_EQ(d[1], 1.0);  // backward only
  EXPECT_TRUE(std::isnan(d[2]));
  EXPECT_DOUBLE_EQ(d[3], 3.0);  // forward only
  EXPECT_DOUBLE_EQ(d[4], 3.0);
}

TEST(OneEuro, ConstantInputPassesAndNoiseIsReduced) {
  OneEuroFilter f({.min_cutoff_hz = 1.0, .beta = 0.0});
  for (int i = 0; i < 10; ++i) EXPECT_DOUBLE_EQ(f.filter(4.0, i / 30.0), 4.0);
  // Alternating ±1 noise around 0 at 30 Hz: smoothing factor a = r/(r+1), r = 2π/30.
  OneEuroFilter g({.min_cutoff_hz = 1.0, .beta = 0.0});
  double y = 0;
  for (int i = 0; i < 300; ++i) y = g.filter(i % 2 ? 1.0 : -1.0, i / 30.0);
  const double r = 2 * kPi / 30;
  const double a = r / (r + 1);
  // Steady state of y_n = a x_n + (1 - a) y_{n-1} for alternating input: a / (2 - a).
  EXPECT_NEAR(std::abs(y), a / (2 - a), 1e-6);
}

TEST(OneEuro, FollowsFastMovementWithHighBeta) {
  OneEuroFilter slow({.min_cutoff_hz = 1.0, .beta = 0.0});
  OneEuroFilter fast({.min_cutoff_hz = 1.0, .beta = 1.0});
  double ys = 0, yf = 0;
  for (int i = 0; i <= 15; ++i) {
    const double x = 100.0 * i / 15;  // a ramp of 200 units per second
    ys = slow.filter(x, i / 30.0);
    yf = fast.filter(x, i / 30.0);
  }
  EXPECT_LT(100 - yf, 100 - ys);
  EXPECT_LT(100 - yf, 5.0);
}

TEST(OneEuro, NaNIsSkippedAndLongGapResets) {
  OneEuroFilter f;
  f.filter(1.0, 0.0);
  EXPECT_TRUE(std::isnan(f.filter(NAN, 0.1)));
  EXPECT_DOUBLE_EQ(f.filter(50.0, 5.0), 50.0);  // gap of 5 s > 1 s: restarts at the sample
}

}  // namespace
}  // namespace openpt
