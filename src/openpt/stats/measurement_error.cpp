#include "openpt/stats/measurement_error.h"

#include <fmt/format.h>

#include <cmath>

#include "openpt/stats/distributions.h"

namespace openpt::stats {

Result<double> sem_from_icc(double sd, double icc) {
  if (!(sd >= 0) || !std::isfinite(sd)) {
    return bad_input(fmt::format("SD must be a finite number of 0 or more, got {}", sd));
  }
  if (!(icc >= 0 && icc <= 1)) {
    return bad_input(
        fmt::format("the reliability coefficient must be between 0 and 1, got {}", icc), {},
        "with a negative ICC the measurement error exceeds the spread of scores");
  }
  return sd * std::sqrt(1 - icc);
}

double minimal_detectable_change(double sem, double level) {
  if (!(sem >= 0)) return kNaN;
  return z_for_confidence(level) * std::sqrt(2.0) * sem;
}

MeasurementError measurement_error(const IccResult& icc, double level) {
  const IccAnova& a = icc.anova;
  MeasurementError m;
  m.level = level;
  const double rater_variance = std::max(0.0, (a.ms_columns - a.ms_error) / icc.targets);
  m.sem_agreement = std::sqrt(rater_variance + a.ms_error);
  m.sem_consistency = std::sqrt(a.ms_error);
  m.mdc_agreement = minimal_detectable_change(m.sem_agreement, level);
  m.mdc_consistency = minimal_detectable_change(m.sem_consistency, level);
  return m;
}

Result<ChangeInterpretation> interpret_change(double change, double mdc, double mcid) {
  if (!std::isfinite(change)) return bad_input("the change must be a finite number");
  if (!(mdc > 0) || !std::isfinite(mdc)) {
    return bad_input(fmt::format("the MDC must be a positive number, got {}", mdc));
  }
  if (!(mcid > 0) || !std::isfinite(mcid)) {
    return bad_input(fmt::format("the MCID must be a positive number, got {}", mcid));
  }
  const bool real = std::abs(change) >= mdc, important = std::abs(change) >= mcid;
  ChangeInterpretation r;
  const char* verdict = "";
  if (real && important) {
    r.verdict = ChangeVerdict::kRealAndImportant;
    verdict = "exceeds the MDC and reaches the MCID: real and clinically important";
  } else if (real) {
    r.verdict = ChangeVerdict::kRealNotImportant;
    verdict = "exceeds the MDC but not the MCID: real but smaller than clinically important";
  } else if (important) {
    r.verdict = ChangeVerdict::kImportantButUncertain;
    verdict = "reaches the MCID but not the MDC: it cannot be told apart from measurement error";
  } else {
    r.verdict = ChangeVerdict::kWithinError;
    verdict = "is below the MDC and the MCID: within measurement error";
  }
  r.text = fmt::format("a change of {:g} (MDC {:.3g}, MCID {:g}) {}", change, mdc, mcid, verdict);
  return r;
}

}  // namespace openpt::stats
