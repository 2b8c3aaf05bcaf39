// The `openpt validate` report as JSON, schema "openpt.validation/1" (docs/formats.md).
// Undefined numbers (NaN, infinite thresholds) are written as null.
#include <cmath>

#include "openpt/core/version.h"
#include "validate_render.h"

namespace openpt::cli {

namespace {

using nlohmann::ordered_json;
using namespace openpt::stats;

ordered_json number(double v) {
  if (!std::isfinite(v)) return nullptr;
  return v;
}

ordered_json interval(const Interval& ci) {
  return ordered_json::array({number(ci.lower), number(ci.upper)});
}

ordered_json proportion(const Proportion& p) {
  return {{"estimate", number(p.estimate)},
          {"ci", interval(p.ci)},
          {"count", p.count},
          {"total", p.total}};
}

ordered_json bland_altman(const BlandAltman& ba) {
  ordered_json j = {
      {"n", ba.n},
      {"bias", ba.bias},
      {"bias_ci", interval(ba.bias_ci)},
      {"bias_p", number(ba.bias_p)},
      {"sd", ba.sd},
      {"z", ba.z},
      {"lower_loa", ba.lower_loa},
      {"lower_loa_ci", interval(ba.lower_loa_ci)},
      {"upper_loa", ba.upper_loa},
      {"upper_loa_ci", interval(ba.upper_loa_ci)},
      {"loa_ci_method", ba.loa_ci_method == LoaCiMethod::kExact ? "exact" : "approximate"},
      {"within_loa", ba.within_loa}};
  if (ba.proportional) {
    const LineFit& f = *ba.proportional;
    j["proportional_bias"] = {{"slope", f.slope},
                              {"slope_ci", interval(f.slope_ci)},
                              {"intercept", f.intercept},
                              {"p", number(f.p)},
                              {"r_squared", number(f.r_squared)}};
  } else {
    j["proportional_bias"] = nullptr;
  }
  return j;
}

ordered_json repeated(const RepeatedBlandAltman& r) {
  return {{"pairs", r.pairs},
          {"subjects", r.subjects},
          {"bias", r.bias},
          {"sd", r.sd},
          {"sd_within", r.sd_within},
          {"sd_between", r.sd_between},
          {"between_truncated", r.between_truncated},
          {"lower_loa", r.lower_loa},
          {"upper_loa", r.upper_loa},
          {"balanced", r.balanced},
          {"zou",
           {{"method", "MOVER (Zou 2013)"},
            {"confidence", r.zou.confidence},
            {"harmonic_pairs", number(r.zou.harmonic_pairs)},
            {"sd_subject_means", number(r.zou.sd_subject_means)},
            {"bias", number(r.zou.bias)},
            {"bias_ci", interval(r.zou.bias_ci)},
            {"sd", number(r.zou.sd)},
            {"sd_ci", interval(r.zou.sd_ci)},
            {"lower_loa", number(r.zou.lower_loa)},
            {"lower_loa_ci", interval(r.zou.lower_loa_ci)},
            {"upper_loa", number(r.zou.upper_loa)},
            {"upper_loa_ci", interval(r.zou.upper_loa_ci)}}}};
}

ordered_json icc_list(const IccResult& icc) {
  ordered_json list = ordered_json::array();
  for (IccForm form : {IccForm::kIcc2_1, IccForm::kIcc3_1, IccForm::kIcc2_k, IccForm::kIcc3_k}) {
    const IccEstimate& e = icc.at(form);
    const IccNames names = icc_names(form);
    list.push_back({{"form", names.shrout_fleiss},
                    {"mcgraw_wong", names.mcgraw_wong},
                    {"model", names.model},
                    {"value", number(e.value)},
                    {"ci", interval(e.ci)},
                    {"f", number(e.f)},
                    {"df1", e.df1},
                    {"df2", e.df2},
                    {"p", number(e.p)}});
  }
  return list;
}

ordered_json correlation(const Correlation& c) {
  return {{"r", c.r}, {"ci", interval(c.ci)}, {"p", number(c.p)}, {"n", c.n}};
}

ordered_json metric(const MetricReport& m, const ValidationOptions& o) {
  ordered_json j = {
      {"name", m.name},
      {"kind", metric_kind_name(m.kind)},
      {"pairs", m.pairs},
      {"complete", m.complete},
      {"missing",
       {{"reference", m.missing_reference}, {"test", m.missing_test}, {"both", m.missing_both}}}};
  if (m.bland_altman) j["bland_altman"] = bland_altman(*m.bland_altman);
  if (m.repeated) j["bland_altman_repeated"] = repeated(*m.repeated);
  if (m.icc) j["icc"] = icc_list(*m.icc);
  if (m.measurement_error) {
    const MeasurementError& me = *m.measurement_error;
    j["measurement_error"] = {{"sem_agreement", number(me.sem_agreement)},
                              {"sem_consistency", number(me.sem_consistency)},
                              {"mdc95_agreement", number(me.mdc_agreement)},
                              {"mdc95_consistency", number(me.mdc_consistency)}};
    if (o.mcid && m.mcid_verdict) {
      j["measurement_error"]["mcid"] = *o.mcid;
      j["measurement_error"]["mcid_detectable"] =
          m.mcid_verdict->verdict == ChangeVerdict::kRealAndImportant;
    }
  }
  if (m.ccc) {
    j["lin_ccc"] = {{"ccc", m.ccc->ccc},
                    {"ci", interval(m.ccc->ci)},
                    {"precision", m.ccc->precision},
                    {"accuracy", m.ccc->accuracy}};
  }
  if (m.pearson) j["pearson"] = correlation(*m.pearson);
  if (m.spearman) j["spearman"] = correlation(*m.spearman);
  if (m.errors) {
    j["error"] = {{"mean_error", m.errors->mean_error},
                  {"mae", m.errors->mae},
                  {"rmse", m.errors->rmse},
                  {"max_abs_error", m.errors->max_abs_error}};
  }
  if (m.sample_size) {
    j["sample_size"] = {
        {"acceptable_difference", m.sample_size->acceptable_difference},
        {"loa_within", m.sample_size->loa_within},
        {"loa_intervals",
         m.sample_size->repeated_limits ? "repeated measures (Zou 2013)" : "one pair per subject"},
        {"pairs_needed", m.sample_size->pairs_needed ? ordered_json(*m.sample_size->pairs_needed)
                                                     : ordered_json(nullptr)},
        {"power", o.target_power},
        {"method", "Lu et al. 2016"}};
  }
  if (m.auc) {
    ordered_json points = ordered_json::array();
    if (m.roc) {
      for (const RocPoint& p : m.roc->points) {
        points.push_back({number(p.threshold), p.fpr, p.tpr});
      }
    }
    j["roc"] = {{"auc", m.auc->auc},
                {"ci", interval(m.auc->ci)},
                {"se", m.auc->se},
                {"positives", m.auc->positives},
                {"negatives", m.auc->negatives},
                {"youden_threshold", m.youden ? number(m.youden->threshold) : nullptr},
                {"points", points}};
  }
  if (m.diagnostic) {
    const DiagnosticAccuracy& d = *m.diagnostic;
    auto lr = [](const LikelihoodRatio& l) {
      return ordered_json{
          {"estimate", number(l.estimate)}, {"ci", interval(l.ci)}, {"corrected", l.corrected}};
    };
    j["diagnostic_accuracy"] = {
        {"threshold", o.threshold && m.kind != MetricKind::kBinary ? ordered_json(*o.threshold)
                                                                   : ordered_json(nullptr)},
        {"tp", d.counts.tp},
        {"fp", d.counts.fp},
        {"fn", d.counts.fn},
        {"tn", d.counts.tn},
        {"sensitivity", proportion(d.sensitivity)},
        {"specificity", proportion(d.specificity)},
        {"ppv", proportion(d.ppv)},
        {"npv", proportion(d.npv)},
        {"prevalence", proportion(d.prevalence)},
        {"lr_positive", lr(d.lr_positive)},
        {"lr_negative", lr(d.lr_negative)}};
  }
  if (m.kappa) {
    j["kappa"] = {{"kappa", m.kappa->kappa},
                  {"ci", interval(m.kappa->ci)},
                  {"se", m.kappa->se},
                  {"p", number(m.kappa->p)}};
  }
  j["notes"] = m.notes;
  return j;
}

}  // namespace

nlohmann::ordered_json validation_json(const ValidationReport& r) {
  ordered_json j;
  j["schema"] = "openpt.validation/1";
  j["generator"] = std::string(kGenerator);
  j["reference"] = {{"file", r.input.reference_name}, {"rows", r.input.reference_rows}};
  j["test"] = {{"file", r.input.test_name}, {"rows", r.input.test_rows}};
  auto column = [](const std::string& c) {
    return c.empty() ? ordered_json(nullptr) : ordered_json(c);
  };
  j["pairing"] = {{"by", r.input.ids.empty() ? "row" : "id"},
                  {"id_column", column(r.input.id_column)},
                  {"subject_column", column(r.input.subject_column)},
                  {"subjects", r.input.subjects.empty() ? ordered_json(nullptr)
                                                        : ordered_json(r.input.subject_count)}};
  const ValidationOptions& o = r.options;
  auto optional = [](const std::optional<double>& v) {
    return v ? ordered_json(*v) : ordered_json(nullptr);
  };
  j["options"] = {{"confidence", o.confidence},
                  {"missing", o.missing_excluded ? "exclude" : "error"},
                  {"threshold", optional(o.threshold)},
                  {"mcid", optional(o.mcid)},
                  {"acceptable_difference", optional(o.acceptable_difference)}};
  j["methods"] = methods_lines(r);
  j["metrics"] = ordered_json::array();
  for (const MetricReport& m : r.metrics) j["metrics"].push_back(metric(m, o));
  j["limitations"] = r.limitations;
  return j;
}

}  // namespace openpt::cli
