// The data sets behind the stats reference values (tests/stats/reference/datasets.py holds the
// same numbers; make_reference.py and reference_r.R compute the expected values from them),
// and a relative-tolerance check.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>
#include <string>
#include <vector>

#include "openpt/stats/descriptive.h"

namespace openpt::stats::testing {

// Bland & Altman 1986 (Lancet i:307) Table 1: peak expiratory flow rate (l/min), first
// measurement by the large Wright meter (reference) and the mini Wright meter (test).
inline const std::vector<double> kPefrWright = {494, 395, 516, 434, 476, 557, 413, 442, 650,
                                                433, 417, 656, 267, 478, 178, 423, 427};
inline const std::vector<double> kPefrMini = {512, 430, 520, 428, 500, 600, 364, 380, 658,
                                              445, 432, 626, 260, 477, 259, 350, 451};

// Shrout & Fleiss 1979 (Psychol Bull 86:420) Table 2: 6 targets × 4 judges, row by row.
inline const std::vector<double> kShroutFleiss = {9, 2, 5, 8, 6,  1, 3, 2, 8, 4, 6, 8,
                                                  7, 1, 2, 6, 10, 5, 6, 9, 6, 2, 4, 7};

// 10 targets × 3 raters; targets 2 and 6 each miss a rating (listwise deletion leaves 8).
inline const std::vector<double> kIccMissing = {7.1, 6.8, 7.4, 5.2, 5.9, kNaN, 8.8, 8.1, 9.0, 4.4,
                                                4.9, 4.1, 6.6, 7.2, 6.9, kNaN, 3.3, 3.8, 9.5, 9.1,
                                                9.9, 5.8, 5.1, 6.2, 7.7, 8.3,  7.5, 3.9, 4.6, 4.2};

// Repeated measures: 5 subjects with 3, 2, 4, 1 and 3 pairs (degrees).
inline const std::vector<std::string> kRepeatedSubject = {"s1", "s1", "s1", "s2", "s2", "s3", "s3",
                                                          "s3", "s3", "s4", "s5", "s5", "s5"};
inline const std::vector<double> kRepeatedReference = {92.1, 95.4, 90.2,  110.3, 108.8, 85.0, 88.7,
                                                       86.1, 87.9, 120.4, 101.2, 99.5,  103.3};
inline const std::vector<double> kRepeatedTest = {94.0, 96.1, 93.5,  109.0, 109.9, 89.2, 90.1,
                                                  88.8, 92.0, 118.2, 104.9, 101.0, 106.1};

// Repeated measures, balanced: 4 subjects × 3 pairs (degrees).
inline const std::vector<std::string> kBalancedSubject = {"a", "a", "a", "b", "b", "b",
                                                          "c", "c", "c", "d", "d", "d"};
inline const std::vector<double> kBalancedReference = {60.2,  75.8, 68.1,  88.4, 92.0, 79.5,
                                                       101.3, 97.6, 104.9, 70.0, 66.4, 73.3};
inline const std::vector<double> kBalancedTest = {62.9,  77.1,  71.4,  87.6, 94.5, 78.9,
                                                  106.0, 101.2, 107.3, 71.8, 69.9, 73.0};

// Paired values with ties.
inline const std::vector<double> kTiesX = {1, 2, 2, 3, 4, 4, 4, 5, 6, 7};
inline const std::vector<double> kTiesY = {2, 1, 3, 3, 5, 4, 6, 6, 8, 7};

// Two raters, 30 cases, ordinal categories 1..4.
inline const std::vector<double> kKappaRater1 = {1, 2, 3, 4, 2, 2, 3, 1, 4, 3, 2, 1, 1, 3, 4,
                                                 4, 2, 3, 3, 2, 1, 4, 3, 2, 2, 1, 3, 4, 2, 3};
inline const std::vector<double> kKappaRater2 = {1, 2, 3, 3, 2, 1, 3, 1, 4, 4, 2, 2, 1, 3, 4,
                                                 3, 2, 2, 3, 2, 1, 4, 4, 3, 2, 1, 3, 4, 1, 3};

// Hanley & McNeil 1982 (Radiology 143:29) Table 1: CT ratings 1..5 of 58 normal and 51
// abnormal patients; `truth` 1 = abnormal.
struct RatedCases {
  std::vector<double> truth, rating;
};
inline RatedCases hanley_mcneil() {
  const int normal[5] = {33, 6, 6, 11, 2};
  const int abnormal[5] = {3, 2, 2, 11, 33};
  RatedCases c;
  for (int r = 0; r < 5; ++r) {
    for (int k = 0; k < normal[r]; ++k) c.truth.push_back(0), c.rating.push_back(r + 1);
    for (int k = 0; k < abnormal[r]; ++k) c.truth.push_back(1), c.rating.push_back(r + 1);
  }
  return c;
}

// 60 cases from integer formulas (datasets.roc_two_scores): case i positive when
// (7i mod 5) < 2; score1 = (37i mod 23)/2 + 6·flag, score2 = (53i mod 17)/2 + 4·flag.
struct TwoScores {
  std::vector<double> truth, score1, score2;
};
inline TwoScores two_scores() {
  TwoScores c;
  for (int i = 0; i < 60; ++i) {
    const double flag = (7 * i) % 5 < 2 ? 1 : 0;
    c.truth.push_back(flag);
    c.score1.push_back(((37 * i) % 23) / 2.0 + 6 * flag);
    c.score2.push_back(((53 * i) % 17) / 2.0 + 4 * flag);
  }
  return c;
}

// |actual − expected| <= rel·|expected| (rel itself when expected is 0). The default 1e-9
// is for closed-form statistics; results of iterative quantiles use looser tolerances.
inline ::testing::AssertionResult close(double actual, double expected, double rel = 1e-9) {
  const double tolerance = expected == 0 ? rel : rel * std::abs(expected);
  if (std::abs(actual - expected) <= tolerance) return ::testing::AssertionSuccess();
  std::ostringstream s;
  s << std::setprecision(17) << "actual " << actual << " vs expected " << expected << " (tolerance "
    << tolerance << ")";
  return ::testing::AssertionFailure() << s.str();
}

}  // namespace openpt::stats::testing
