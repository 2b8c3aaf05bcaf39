// SEM, MDC and change interpretation. Expected values: make_reference.py "sem.*" (the de Vet
// 2006 formulas on statsmodels' two-way ANOVA mean squares of the Shrout & Fleiss table).
#include "openpt/stats/measurement_error.h"

#include <gtest/gtest.h>

#include <cmath>

#include "stats/reference_data.h"

namespace openpt::stats {
namespace {

using testing::close;

TEST(MeasurementError, FromTheShroutFleissAnova) {
  auto r = icc(testing::kShroutFleiss, 4);
  ASSERT_TRUE(r);
  const MeasurementError m = measurement_error(*r);
  EXPECT_TRUE(close(m.sem_agreement, 2.5027762362802));
  EXPECT_TRUE(close(m.sem_consistency, 1.0096754153907306));
  EXPECT_TRUE(close(m.mdc_agreement, 6.937214314704446));
  EXPECT_TRUE(close(m.mdc_consistency, 2.7986260390837265));
}

TEST(MeasurementError, TwoMethodsConsistencySemIsSdOfDifferencesOverRootTwo) {
  // For k = 2, MSE = var(d)/2, so SEM_C = SD(d)/√2 (PEFR: SD 38.765…).
  std::vector<double> table;
  for (std::size_t i = 0; i < testing::kPefrWright.size(); ++i) {
    table.push_back(testing::kPefrWright[i]);
    table.push_back(testing::kPefrMini[i]);
  }
  auto r = icc(table, 2);
  ASSERT_TRUE(r);
  EXPECT_TRUE(close(measurement_error(*r).sem_consistency, 38.76512987360738 / std::sqrt(2.0)));
}

TEST(SemFromIcc, WeirFormula) {
  auto sem = sem_from_icc(10, 0.91);
  ASSERT_TRUE(sem);
  EXPECT_TRUE(close(*sem, 3));  // 10·√0.09
  EXPECT_TRUE(close(minimal_detectable_change(3), 3 * 1.959963984540054 * std::sqrt(2.0)));
  EXPECT_TRUE(close(minimal_detectable_change(3, 0.90), 3 * 1.6448536269514722 * std::sqrt(2.0)));
  EXPECT_EQ(*sem_from_icc(4, 1), 0);
  EXPECT_FALSE(sem_from_icc(10, -0.1));
  EXPECT_FALSE(sem_from_icc(10, 1.2));
  EXPECT_FALSE(sem_from_icc(-1, 0.5));
  EXPECT_FALSE(sem_from_icc(kNaN, 0.5));
  EXPECT_TRUE(std::isnan(minimal_detectable_change(-1)));
}

TEST(InterpretChange, FourVerdicts) {
  auto v = interpret_change(12, 5, 10);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->verdict, ChangeVerdict::kRealAndImportant);
  EXPECT_NE(v->text.find("real and clinically important"), std::string::npos) << v->text;
  EXPECT_EQ(interpret_change(-7, 5, 10)->verdict, ChangeVerdict::kRealNotImportant);
  EXPECT_EQ(interpret_change(3, 5, 10)->verdict, ChangeVerdict::kWithinError);
  EXPECT_EQ(interpret_change(11, 12, 10)->verdict, ChangeVerdict::kImportantButUncertain);
  EXPECT_EQ(interpret_change(5, 5, 10)->verdict, ChangeVerdict::kRealNotImportant);  // at MDC
  EXPECT_FALSE(interpret_change(kNaN, 5, 10));
  EXPECT_FALSE(interpret_change(1, 0, 10));
  EXPECT_FALSE(interpret_change(1, 5, -2));
}

}  // namespace
}  // namespace openpt::stats
