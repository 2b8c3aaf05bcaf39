#include <fmt/format.h>

#include <cmath>

#include "validate_render.h"

namespace openpt::cli {

std::string format_number(double v) {
  if (std::isnan(v)) return "n/a";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  if (v == 0) return "0";
  std::string s = fmt::format("{:.4g}", v);
  return s == "-0" ? "0" : s;
}

std::string format_interval(const stats::Interval& ci) {
  if (std::isnan(ci.lower) || std::isnan(ci.upper)) return "n/a";
  return format_number(ci.lower) + " to " + format_number(ci.upper);
}

std::string format_p(double p) {
  if (std::isnan(p)) return "p n/a";
  if (p < 0.001) return "p < 0.001";
  return fmt::format("p = {:.3g}", p);
}

std::string format_percent(double share) {
  if (std::isnan(share)) return "n/a";
  return fmt::format("{:.1f} %", 100 * share);
}

std::string confidence_label(double confidence) {
  return fmt::format("{:g} %", 100 * confidence);
}

std::vector<std::string> methods_lines(const ValidationReport& r) {
  bool continuous = false, classified = false, scored = false;
  for (const MetricReport& m : r.metrics) {
    continuous = continuous || m.bland_altman.has_value();
    classified = classified || m.diagnostic.has_value() || m.kappa.has_value();
    scored = scored || m.auc.has_value();
  }
  std::vector<std::string> out;
  out.push_back(fmt::format("Intervals are {} confidence intervals; p-values are two-sided.",
                            confidence_label(r.options.confidence)));
  if (continuous) {
    out.push_back(
        "Bland–Altman: differences are test − reference; bias with a t interval; limits of "
        "agreement bias ± 1.96 SD (normal quantile) with exact intervals (Carkeet 2015, "
        "non-central t); proportional bias by regressing differences on pair means (Bland & "
        "Altman 1999).");
    if (!r.input.subjects.empty()) {
      out.push_back(
          "Repeated measures: limits of agreement from the within- and between-subject variance "
          "of the differences (one-way ANOVA; Bland & Altman 2007, true value varying); "
          "confidence intervals of the bias and both limits by the MOVER method of Zou 2013.");
    }
    out.push_back(
        "Reliability: ICC(2,1) and ICC(3,1) of Shrout & Fleiss 1979 (McGraw & Wong ICC(A,1) "
        "and ICC(C,1)) with the two methods as raters, F tests and confidence intervals as "
        "psych::ICC; SEM from the ANOVA (de Vet 2006), MDC95 = 1.96·√2·SEM.");
    out.push_back(
        "Correlation: Lin's concordance correlation (z-transform interval), Pearson (Fisher z), "
        "Spearman (Fisher z with the Bonett–Wright variance).");
  }
  if (classified) {
    out.push_back(
        "Binary results: sensitivity, specificity, predictive values with Wilson intervals; "
        "likelihood ratios with log-method intervals (0.5 added to every cell when one is 0); "
        "Cohen's kappa with the Fleiss–Cohen–Everitt standard error.");
  }
  if (scored) {
    out.push_back(
        "ROC: AUC (Mann–Whitney) with DeLong's variance and a Wald interval cut to "
        "[0, 1]; the Youden threshold maximises sensitivity + specificity − 1.");
  }
  if (r.options.threshold) {
    out.push_back(fmt::format("Values >= {:g} count as positive.", *r.options.threshold));
  }
  out.push_back(r.options.missing_excluded
                    ? "Missing values: pairs with a missing value are excluded and counted "
                      "(--missing exclude)."
                    : "Missing values: refused (none were present).");
  return out;
}

std::string zou_basis(const stats::RepeatedBlandAltman& r) {
  if (r.balanced && !r.between_truncated) {
    return fmt::format("Zou 2013; balanced design ({} pairs per subject): the same estimates",
                       r.pairs / r.subjects);
  }
  return fmt::format(
      "Zou 2013; estimates from the {} subject means, {:.3g} pairs per subject (harmonic "
      "mean), so they differ from the Bland & Altman 2007 ones",
      r.subjects, r.zou.harmonic_pairs);
}

std::string mcid_line(const MetricReport& m, double mcid) {
  if (!m.measurement_error || !m.mcid_verdict) return {};
  const double mdc = m.measurement_error->mdc_agreement;
  if (m.mcid_verdict->verdict == stats::ChangeVerdict::kRealAndImportant) {
    return fmt::format(
        "MDC95 {} <= MCID {}: a change as large as the MCID exceeds measurement "
        "error, so the method can detect clinically important change",
        format_number(mdc), format_number(mcid));
  }
  return fmt::format(
      "MDC95 {} > MCID {}: a change as large as the MCID cannot be told apart "
      "from measurement error",
      format_number(mdc), format_number(mcid));
}

}  // namespace openpt::cli
