// The `openpt validate` report as one self-contained HTML page (no scripts, no network):
// STARD-ordered sections, tables with confidence intervals, and inline SVG plots.
#include <fmt/format.h>

#include <iterator>

#include "openpt/core/version.h"
#include "openpt/motion/html_page.h"
#include "openpt/motion/svg_plot.h"
#include "validate_plot.h"
#include "validate_render.h"

namespace openpt::cli {

namespace {

using Out = std::back_insert_iterator<std::string>;
using motion::escape_xml;
using namespace openpt::stats;

// Beyond the base stylesheet of every report page (motion/html_page.h).
constexpr std::string_view kStyle = R"css(
body { max-width: 880px; }
table.stats { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
table.stats th, table.stats td { padding: 3px 8px; border-bottom: 1px solid #eee;
                                 text-align: left; vertical-align: top; }
table.stats th { border-bottom: 1px solid #aaa; }
.muted { color: #666; font-size: 12px; }
.plots { display: flex; flex-wrap: wrap; gap: 12px; }
.plots svg { max-width: 100%; height: auto; }
.note { color: #8a5300; }
@media print { h2 { break-before: auto; } .plots { break-inside: avoid; } }
)css";

struct Row {
  std::string label, value, ci, extra;
};

void table(Out out, const std::vector<Row>& rows, const std::string& level) {
  fmt::format_to(out,
                 "<table class=\"stats\"><tr><th>statistic</th><th>estimate</th><th>{} CI</th>"
                 "<th></th></tr>\n",
                 escape_xml(level));
  for (const Row& r : rows) {
    fmt::format_to(out, "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                   escape_xml(r.label), escape_xml(r.value), escape_xml(r.ci), escape_xml(r.extra));
  }
  fmt::format_to(out, "</table>\n");
}

void agreement(Out out, const MetricReport& m, const std::string& level) {
  const BlandAltman& ba = *m.bland_altman;
  std::vector<Row> rows = {{"bias (test − reference)", format_number(ba.bias),
                            format_interval(ba.bias_ci), "t test " + format_p(ba.bias_p)},
                           {"SD of differences", format_number(ba.sd), "", ""},
                           {"lower limit of agreement", format_number(ba.lower_loa),
                            format_interval(ba.lower_loa_ci), "exact (Carkeet 2015)"},
                           {"upper limit of agreement", format_number(ba.upper_loa),
                            format_interval(ba.upper_loa_ci), "exact (Carkeet 2015)"},
                           {"pairs within the limits", fmt::format("{} of {}", ba.within_loa, ba.n),
                            "", format_percent(static_cast<double>(ba.within_loa) / ba.n)}};
  if (ba.proportional) {
    rows.push_back({"proportional bias (slope)", format_number(ba.proportional->slope),
                    format_interval(ba.proportional->slope_ci), format_p(ba.proportional->p)});
  }
  if (m.repeated) {
    const RepeatedBlandAltman& r = *m.repeated;
    rows.push_back({"repeated measures: limits",
                    format_number(r.lower_loa) + " to " + format_number(r.upper_loa), "",
                    fmt::format("SD {} ({} subjects, {} pairs; Bland & Altman 2007)",
                                format_number(r.sd), r.subjects, r.pairs)});
    const ZouLoaIntervals& z = r.zou;
    const std::string basis = zou_basis(r);
    rows.push_back(
        {"repeated measures: bias", format_number(z.bias), format_interval(z.bias_ci), basis});
    rows.push_back({"repeated measures: lower limit", format_number(z.lower_loa),
                    format_interval(z.lower_loa_ci), "MOVER (Zou 2013)"});
    rows.push_back({"repeated measures: upper limit", format_number(z.upper_loa),
                    format_interval(z.upper_loa_ci), "MOVER (Zou 2013)"});
  }
  if (m.sample_size) {
    const SampleSizeAdvice& s = *m.sample_size;
    rows.push_back(
        {fmt::format("{}limits' CIs within ±{}", s.repeated_limits ? "repeated-measures " : "",
                     format_number(s.acceptable_difference)),
         s.loa_within ? "yes" : "no", "",
         s.pairs_needed ? fmt::format("{} pairs for 80 % power (Lu et al. 2016)", *s.pairs_needed)
                        : s.note});
  }
  fmt::format_to(out, "<h3>Agreement: Bland–Altman [24]</h3>\n");
  table(out, rows, level);
}

void reliability(Out out, const MetricReport& m, const ValidationOptions& o,
                 const std::string& level) {
  std::vector<Row> rows;
  if (m.icc) {
    for (IccForm form : {IccForm::kIcc2_1, IccForm::kIcc3_1}) {
      const IccEstimate& e = m.icc->at(form);
      const IccNames n = icc_names(form);
      rows.push_back(
          {fmt::format("{} = {}, {}", n.shrout_fleiss, n.mcgraw_wong, n.model),
           format_number(e.value), format_interval(e.ci),
           fmt::format("F({:g}, {:g}) = {}, {}", e.df1, e.df2, format_number(e.f), format_p(e.p))});
    }
  }
  if (m.measurement_error) {
    const MeasurementError& me = *m.measurement_error;
    rows.push_back({"SEM, agreement", format_number(me.sem_agreement), "",
                    "MDC95 " + format_number(me.mdc_agreement)});
    rows.push_back({"SEM, consistency", format_number(me.sem_consistency), "",
                    "MDC95 " + format_number(me.mdc_consistency)});
  }
  if (o.mcid && m.mcid_verdict)
    rows.push_back({"MCID", format_number(*o.mcid), "", mcid_line(m, *o.mcid)});
  if (m.ccc) {
    rows.push_back({"Lin's concordance correlation", format_number(m.ccc->ccc),
                    format_interval(m.ccc->ci),
                    fmt::format("precision r {}, accuracy C_b {}", format_number(m.ccc->precision),
                                format_number(m.ccc->accuracy))});
  }
  if (m.pearson) {
    rows.push_back({"Pearson r", format_number(m.pearson->r), format_interval(m.pearson->ci),
                    format_p(m.pearson->p)});
  }
  if (m.spearman) {
    rows.push_back({"Spearman rho", format_number(m.spearman->r), format_interval(m.spearman->ci),
                    format_p(m.spearman->p)});
  }
  if (m.errors) {
    rows.push_back({"MAE", format_number(m.errors->mae), "", ""});
    rows.push_back({"RMSE", format_number(m.errors->rmse), "",
                    "largest |error| " + format_number(m.errors->max_abs_error)});
  }
  if (rows.empty()) return;
  fmt::format_to(out, "<h3>Reliability, correlation and error [24]</h3>\n");
  table(out, rows, level);
}

void diagnostic(Out out, const MetricReport& m, const std::string& level) {
  const DiagnosticAccuracy& d = *m.diagnostic;
  const ConfusionCounts& c = d.counts;
  fmt::format_to(out,
                 "<h3>Diagnostic accuracy [23, 24]</h3>\n<table class=\"stats\" "
                 "style=\"width:auto\"><tr><th></th><th>reference +</th><th>reference −</th></tr>"
                 "<tr><th>test +</th><td>{}</td><td>{}</td></tr>"
                 "<tr><th>test −</th><td>{}</td><td>{}</td></tr></table>\n",
                 c.tp, c.fp, c.fn, c.tn);
  auto prop = [](const std::string& name, const Proportion& p) {
    return Row{name, format_number(p.estimate), format_interval(p.ci),
               fmt::format("{}/{}", p.count, p.total)};
  };
  std::vector<Row> rows = {prop("sensitivity", d.sensitivity), prop("specificity", d.specificity),
                           prop("positive predictive value", d.ppv),
                           prop("negative predictive value", d.npv),
                           prop("prevalence", d.prevalence)};
  for (const auto& [name, lr] : {std::pair{"likelihood ratio +", &d.lr_positive},
                                 std::pair{"likelihood ratio −", &d.lr_negative}}) {
    rows.push_back({name, format_number(lr->estimate), format_interval(lr->ci),
                    lr->corrected ? "0.5 added to each cell" : ""});
  }
  if (m.kappa) {
    rows.push_back({"Cohen's kappa", format_number(m.kappa->kappa), format_interval(m.kappa->ci),
                    format_p(m.kappa->p)});
  }
  table(out, rows, level);
}

void roc(Out out, const MetricReport& m, const std::string& level) {
  std::vector<Row> rows;
  if (m.auc) {
    rows.push_back({"area under the ROC curve", format_number(m.auc->auc),
                    format_interval(m.auc->ci),
                    fmt::format("DeLong SE {}; {} positive, {} negative", format_number(m.auc->se),
                                m.auc->positives, m.auc->negatives)});
  }
  if (m.youden) {
    rows.push_back({"best threshold (Youden)", ">= " + format_number(m.youden->threshold), "",
                    fmt::format("sensitivity {}, specificity {}", format_number(m.youden->tpr),
                                format_number(1 - m.youden->fpr))});
  }
  fmt::format_to(out, "<h3>ROC analysis [24]</h3>\n");
  table(out, rows, level);
}

void metric_section(Out out, const MetricReport& m, const ValidationReport& r) {
  const std::string level = confidence_label(r.options.confidence);
  fmt::format_to(out, "<h2>{} <span class=\"muted\">({})</span></h2>\n", escape_xml(m.name),
                 metric_kind_name(m.kind));
  fmt::format_to(out,
                 "<p>Pairs [19]: {}, complete {}; missing in the reference {}, in the test {}, "
                 "in both {}.</p>\n",
                 m.pairs, m.complete, m.missing_reference, m.missing_test, m.missing_both);
  const std::string ba_plot = bland_altman_svg(m);
  if (m.bland_altman) agreement(out, m, level);
  if (!ba_plot.empty()) {
    fmt::format_to(out, "<div class=\"plots\">{}{}</div>\n", ba_plot, identity_svg(m));
    fmt::format_to(out,
                   "<p class=\"muted\">Lines: bias and limits of agreement{}; shaded: their {} "
                   "confidence intervals. Right: the dashed line is identity (test = "
                   "reference).</p>\n",
                   m.repeated ? " for repeated measures (Zou 2013)" : "", escape_xml(level));
  }
  reliability(out, m, r.options, level);
  if (m.auc) {
    roc(out, m, level);
    fmt::format_to(out, "<div class=\"plots\">{}</div>\n", roc_svg(m));
  }
  if (m.diagnostic) diagnostic(out, m, level);
  for (const auto& note : m.notes) {
    fmt::format_to(out, "<p class=\"note\">Note: {}</p>\n", escape_xml(note));
  }
}

}  // namespace

std::string render_validation_html(const ValidationReport& r) {
  std::string s;
  auto out = std::back_inserter(s);
  s += motion::html_page_start(
      fmt::format("Validation: {} vs {}", r.input.test_name, r.input.reference_name), kStyle);
  fmt::format_to(out,
                 "<h1>Validation report</h1>\n<p class=\"muted\">STARD 2015 items in "
                 "brackets</p>\n<table class=\"stats\" style=\"width:auto\">\n"
                 "<tr><th>reference standard [10b]</th><td>{} ({} rows)</td></tr>\n"
                 "<tr><th>index test [10a]</th><td>{} ({} rows)</td></tr>\n"
                 "<tr><th>pairing</th><td>by {}{}</td></tr>\n</table>\n",
                 escape_xml(r.input.reference_name), r.input.reference_rows,
                 escape_xml(r.input.test_name), r.input.test_rows, escape_xml(r.input.pairing),
                 r.input.subjects.empty()
                     ? std::string()
                     : fmt::format("; {} subjects (repeated measures)", r.input.subject_count));
  fmt::format_to(out, "<h2>Methods [14–16]</h2>\n<ul>\n");
  for (const auto& line : methods_lines(r)) fmt::format_to(out, "<li>{}</li>\n", escape_xml(line));
  fmt::format_to(out, "</ul>\n");
  for (const MetricReport& m : r.metrics) metric_section(out, m, r);
  fmt::format_to(out, "<h2>Limitations [26]</h2>\n<ul>\n");
  for (const auto& line : r.limitations) fmt::format_to(out, "<li>{}</li>\n", escape_xml(line));
  fmt::format_to(out, "</ul>\n<p class=\"muted\">{}</p>\n</body>\n</html>\n",
                 escape_xml(std::string(kGenerator)));
  return s;
}

}  // namespace openpt::cli
