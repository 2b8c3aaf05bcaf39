// The statistics module: how well a measurement agrees with a reference, how reliable it is,
// how accurate its flags are, and how many cases a validation study needs.
//
// Agreement: bland_altman.h (bias, limits of agreement with CIs, proportional bias),
// bland_altman_repeated.h (several pairs per subject, Zou's MOVER CIs), correlation.h (Pearson,
// Spearman, Lin's CCC), error_metrics.h (MAE, RMSE). Reliability: icc.h (six Shrout–Fleiss forms),
// measurement_error.h (SEM, MDC, MCID). Categories: kappa.h (Cohen's, weighted),
// diagnostic.h (sensitivity, specificity, PPV, NPV, likelihood ratios, Wilson intervals),
// roc.h (ROC, AUC, DeLong). Planning: power.h. Distribution functions: distributions.h
// (Boost.Math). Missing values are NaN: excluded, counted and reported (descriptive.h).
// Each function documents its formula and reference; docs/stats.md collects them.
//
//   #include "openpt/stats/stats.h"
//   using namespace openpt::stats;
//   auto ba = bland_altman(reference_deg, test_deg);           // Result<BlandAltman>
//   if (!ba) return report(ba.error());                        // e.g. fewer than 3 pairs
//   fmt::print("bias {:.1f}° (LoA {:.1f} to {:.1f})\n", ba->bias, ba->lower_loa, ba->upper_loa);
#pragma once

#include "openpt/stats/bland_altman.h"
#include "openpt/stats/bland_altman_repeated.h"
#include "openpt/stats/correlation.h"
#include "openpt/stats/descriptive.h"
#include "openpt/stats/diagnostic.h"
#include "openpt/stats/distributions.h"
#include "openpt/stats/error_metrics.h"
#include "openpt/stats/icc.h"
#include "openpt/stats/kappa.h"
#include "openpt/stats/measurement_error.h"
#include "openpt/stats/power.h"
#include "openpt/stats/regression.h"
#include "openpt/stats/roc.h"
