// The plain-text `openpt validate` report.
#include <fmt/format.h>

#include <iterator>
#include <string_view>

#include "validate_render.h"

namespace openpt::cli {

namespace {

using Out = std::back_insert_iterator<std::string>;
using namespace openpt::stats;

constexpr std::size_t kWidth = 100;  // wrap long lines here
constexpr std::size_t kLabel = 26;   // label column of a row

// Display width of UTF-8 text (code points; the report has no wide characters).
std::size_t width(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// `first` then `text` word-wrapped at kWidth, continuation lines indented by `hang`.
void wrapped(Out out, const std::string& first, std::string_view text, std::size_t hang) {
  std::string line = first;
  std::size_t used = width(first), start = used;
  while (!text.empty()) {
    const std::size_t space = text.find(' ');
    const std::string_view word = text.substr(0, space);
    if (used > start && used + 1 + width(word) > kWidth) {
      fmt::format_to(out, "{}\n", line);
      line.assign(hang, ' ');
      used = start = hang;
    } else if (used > start) {
      line += ' ';
      ++used;
    }
    line += word;
    used += width(word);
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
  }
  fmt::format_to(out, "{}\n", line);
}

void row(Out out, std::string_view label, const std::string& value, std::size_t indent = 4) {
  std::string first(indent, ' ');
  first += label;
  first.append(kLabel > width(label) ? kLabel - width(label) : 1, ' ');
  wrapped(out, first, value, indent + kLabel);
}

std::string estimate(double value, const Interval& ci, double confidence) {
  return fmt::format("{} ({} CI {})", format_number(value), confidence_label(confidence),
                     format_interval(ci));
}

void bland_altman_section(Out out, const MetricReport& m) {
  const BlandAltman& ba = *m.bland_altman;
  fmt::format_to(out, "  Agreement: Bland–Altman [24]\n");
  row(out, "bias (test − ref)",
      estimate(ba.bias, ba.bias_ci, ba.confidence) + ", t test " + format_p(ba.bias_p));
  row(out, "SD of differences", format_number(ba.sd));
  row(out, "lower limit (−1.96 SD)", estimate(ba.lower_loa, ba.lower_loa_ci, ba.confidence));
  row(out, "upper limit (+1.96 SD)", estimate(ba.upper_loa, ba.upper_loa_ci, ba.confidence));
  row(out, "within the limits",
      fmt::format("{} of {} pairs ({})", ba.within_loa, ba.n,
                  format_percent(static_cast<double>(ba.within_loa) / ba.n)));
  if (ba.proportional) {
    const LineFit& f = *ba.proportional;
    row(out, "proportional bias",
        fmt::format("slope {} ({} CI {}), {}", format_number(f.slope),
                    confidence_label(ba.confidence), format_interval(f.slope_ci), format_p(f.p)));
  } else {
    row(out, "proportional bias", "not estimated: " + ba.proportional_note);
  }
  if (m.repeated) {
    const RepeatedBlandAltman& r = *m.repeated;
    row(out, "repeated measures",
        fmt::format("{} pairs from {} subjects: SD {} (within {}, between {}{})", r.pairs,
                    r.subjects, format_number(r.sd), format_number(r.sd_within),
                    format_number(r.sd_between), r.between_truncated ? ", set to 0" : ""));
    row(out, "",
        fmt::format("limits of agreement {} to {} (Bland & Altman 2007)",
                    format_number(r.lower_loa), format_number(r.upper_loa)));
    const ZouLoaIntervals& z = r.zou;
    row(out, "repeated: intervals", zou_basis(r));
    row(out, "repeated: bias", estimate(z.bias, z.bias_ci, z.confidence));
    row(out, "repeated: lower limit", estimate(z.lower_loa, z.lower_loa_ci, z.confidence));
    row(out, "repeated: upper limit", estimate(z.upper_loa, z.upper_loa_ci, z.confidence));
  }
  if (m.sample_size) {
    const SampleSizeAdvice& s = *m.sample_size;
    row(out, "acceptable difference",
        fmt::format("±{}: both {}limits' CIs {} it", format_number(s.acceptable_difference),
                    s.repeated_limits ? "repeated-measures " : "",
                    s.loa_within ? "lie within" : "do not lie within"));
    row(out, "pairs for 80 % power",
        s.pairs_needed ? fmt::format("{} (Lu et al. 2016, with this bias and SD)", *s.pairs_needed)
                       : s.note);
  }
}

void reliability_section(Out out, const MetricReport& m, const ValidationOptions& o) {
  fmt::format_to(out, "  Reliability (the two methods as raters) [24]\n");
  if (m.icc) {
    for (IccForm form : {IccForm::kIcc2_1, IccForm::kIcc3_1}) {
      const IccEstimate& e = m.icc->at(form);
      const IccNames names = icc_names(form);
      row(out, fmt::format("{} = {}", names.shrout_fleiss, names.mcgraw_wong),
          fmt::format("{}, F({:g}, {:g}) = {}, {}", estimate(e.value, e.ci, m.icc->confidence),
                      e.df1, e.df2, format_number(e.f), format_p(e.p)));
      row(out, "", std::string(names.model));
    }
  }
  if (m.measurement_error) {
    const MeasurementError& me = *m.measurement_error;
    row(out, "SEM (agreement)",
        fmt::format("{}, MDC95 {}", format_number(me.sem_agreement),
                    format_number(me.mdc_agreement)));
    row(out, "SEM (consistency)",
        fmt::format("{}, MDC95 {}", format_number(me.sem_consistency),
                    format_number(me.mdc_consistency)));
  }
  if (o.mcid && m.mcid_verdict) row(out, "MCID", mcid_line(m, *o.mcid));
}

void correlation_section(Out out, const MetricReport& m) {
  fmt::format_to(out, "  Correlation and error [24]\n");
  if (m.ccc) {
    row(out, "Lin's CCC",
        fmt::format("{}; precision r {}, accuracy C_b {}",
                    estimate(m.ccc->ccc, m.ccc->ci, m.ccc->confidence),
                    format_number(m.ccc->precision), format_number(m.ccc->accuracy)));
  }
  for (const auto& [name, c] :
       {std::pair{"Pearson r", &m.pearson}, std::pair{"Spearman rho", &m.spearman}}) {
    if (*c) {
      row(out, name, estimate((*c)->r, (*c)->ci, (*c)->confidence) + ", " + format_p((*c)->p));
    }
  }
  if (m.errors) {
    row(out, "MAE, RMSE",
        fmt::format("{}, {} (largest |error| {})", format_number(m.errors->mae),
                    format_number(m.errors->rmse), format_number(m.errors->max_abs_error)));
  }
}

void proportion_row(Out out, std::string_view label, const Proportion& p, double confidence) {
  row(out, label,
      fmt::format("{} ({} CI {}), {}/{}", format_number(p.estimate), confidence_label(confidence),
                  format_interval(p.ci), p.count, p.total));
}

void diagnostic_section(Out out, const MetricReport& m) {
  const DiagnosticAccuracy& d = *m.diagnostic;
  const ConfusionCounts& c = d.counts;
  fmt::format_to(out, "  Diagnostic accuracy [23, 24]\n");
  // Not wrapped: the counts are aligned with spaces.
  fmt::format_to(out, "    {:<{}}reference +  reference −\n", "", kLabel);
  fmt::format_to(out, "    {:<{}}{:>11}  {:>11}\n", "test +", kLabel, c.tp, c.fp);
  fmt::format_to(out, "    {:<{}}{:>11}  {:>11}\n", "test −", kLabel, c.fn, c.tn);
  proportion_row(out, "sensitivity", d.sensitivity, d.confidence);
  proportion_row(out, "specificity", d.specificity, d.confidence);
  proportion_row(out, "PPV", d.ppv, d.confidence);
  proportion_row(out, "NPV", d.npv, d.confidence);
  proportion_row(out, "prevalence", d.prevalence, d.confidence);
  for (const auto& [name, lr] :
       {std::pair{"LR+", &d.lr_positive}, std::pair{"LR−", &d.lr_negative}}) {
    row(out, name,
        estimate(lr->estimate, lr->ci, d.confidence) +
            (lr->corrected ? " (0.5 added to each cell)" : ""));
  }
  if (m.kappa) {
    row(out, "Cohen's kappa",
        estimate(m.kappa->kappa, m.kappa->ci, m.kappa->confidence) + ", " + format_p(m.kappa->p));
  }
}

void roc_section(Out out, const MetricReport& m) {
  fmt::format_to(out, "  ROC analysis (test as a score for the reference flag) [24]\n");
  if (m.auc) {
    row(out, "AUC",
        fmt::format("{} (DeLong SE {}); {} positive, {} negative",
                    estimate(m.auc->auc, m.auc->ci, m.auc->confidence), format_number(m.auc->se),
                    m.auc->positives, m.auc->negatives));
  }
  if (m.youden) {
    row(out, "best threshold (Youden)",
        fmt::format(">= {}: sensitivity {}, specificity {}", format_number(m.youden->threshold),
                    format_number(m.youden->tpr), format_number(1 - m.youden->fpr)));
  }
}

void metric_section(Out out, const MetricReport& m, const ValidationReport& r) {
  fmt::format_to(out, "\n{} ({})\n", m.name, metric_kind_name(m.kind));
  row(out, "pairs [19]",
      fmt::format("{}, {} complete; missing in reference {}, in test {}, in both {}", m.pairs,
                  m.complete, m.missing_reference, m.missing_test, m.missing_both),
      2);
  if (m.bland_altman) bland_altman_section(out, m);
  if (m.icc || m.measurement_error) reliability_section(out, m, r.options);
  if (m.ccc || m.pearson || m.errors) correlation_section(out, m);
  if (m.auc) roc_section(out, m);
  if (m.diagnostic) diagnostic_section(out, m);
  for (const auto& note : m.notes) wrapped(out, "  Note: ", note, 8);
}

}  // namespace

std::string render_validation_text(const ValidationReport& r) {
  std::string s;
  auto out = std::back_inserter(s);
  fmt::format_to(out, "OpenPT validation report (STARD 2015 items in brackets)\n\n");
  row(out, "reference standard [10b]",
      fmt::format("{} ({} rows)", r.input.reference_name, r.input.reference_rows), 0);
  row(out, "index test [10a]", fmt::format("{} ({} rows)", r.input.test_name, r.input.test_rows),
      0);
  std::string pairing = "by " + r.input.pairing;
  if (!r.input.subjects.empty()) {
    pairing += fmt::format("; {} subjects (repeated measures)", r.input.subject_count);
  }
  row(out, "pairing", pairing, 0);
  fmt::format_to(out, "\nMethods [14-16]\n");
  for (const auto& line : methods_lines(r)) wrapped(out, "  ", line, 4);
  for (const MetricReport& m : r.metrics) metric_section(out, m, r);
  fmt::format_to(out, "\nLimitations [26]\n");
  for (const auto& line : r.limitations) wrapped(out, "  - ", line, 4);
  return s;
}

}  // namespace openpt::cli
