// Measurement error in the units of the measurement: the standard error of measurement
// (SEM), the minimal detectable change (MDC) and how an observed change compares with the
// MDC and a minimal clinically important difference (MCID).
//
//   SEM from a reliability coefficient: SEM = SD·√(1 − ICC) (Weir 2005, J Strength Cond Res
//     19:231, eq. 5), SD the SD of all scores. A negative ICC is an error (SEM would exceed SD).
//   SEM from the ANOVA of an ICC table (de Vet et al. 2006, J Clin Epidemiol 59:1033):
//     agreement   SEM_A = √(σ²_raters + σ²_error) = √((MSC − MSE)/n + MSE)  (σ²_raters ≥ 0)
//     consistency SEM_C = √MSE (for 2 methods = SD of the differences / √2)
//   MDC = z·√2·SEM, z = Φ⁻¹((1 + level)/2); MDC95 = 1.96·√2·SEM = 2.77·SEM (Weir 2005, eq. 7):
//     the smallest change between two measurements that exceeds measurement error with 95 %
//     confidence.
//   interpret_change: |change| against the MDC and the MCID (both positive):
//     below both               → within measurement error
//     ≥ MDC, < MCID            → real change, smaller than clinically important
//     ≥ MDC, ≥ MCID            → real and clinically important change
//     < MDC, ≥ MCID            → as large as the MCID but not distinguishable from error
//
//   double sem = sem_from_icc(sd_deg, 0.91);          // Result<double>
//   double mdc95 = minimal_detectable_change(*sem);   // 2.77 × SEM
//   auto verdict = interpret_change(12.0, mdc95, 10.0);  // verdict.text
#pragma once

#include <string>

#include "openpt/core/error.h"
#include "openpt/stats/descriptive.h"
#include "openpt/stats/icc.h"

namespace openpt::stats {

// Errors: SD negative or not finite, ICC not in [0, 1].
Result<double> sem_from_icc(double sd, double icc);

struct MeasurementError {
  double sem_agreement = kNaN;    // includes systematic differences between raters/methods
  double sem_consistency = kNaN;  // excludes them
  double mdc_agreement = kNaN;
  double mdc_consistency = kNaN;
  double level = 0.95;  // of the MDC
};

// From the two-way ANOVA that `icc()` computed.
MeasurementError measurement_error(const IccResult& icc, double level = 0.95);

// z·√2·SEM for the given level (0.95: MDC95). NaN for a negative SEM or a level outside (0, 1).
double minimal_detectable_change(double sem, double level = 0.95);

enum class ChangeVerdict {
  kWithinError,            // |change| < MDC and < MCID
  kRealNotImportant,       // MDC <= |change| < MCID
  kRealAndImportant,       // |change| >= MDC and >= MCID
  kImportantButUncertain,  // MCID <= |change| < MDC
};

struct ChangeInterpretation {
  ChangeVerdict verdict = ChangeVerdict::kWithinError;
  std::string text;  // one sentence for a report
};

// Errors: a non-finite change, MDC or MCID not positive.
Result<ChangeInterpretation> interpret_change(double change, double mdc, double mcid);

}  // namespace openpt::stats
