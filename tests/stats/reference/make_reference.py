#!/usr/bin/python3
"""Reference values for tests/stats/*_test.cpp from SciPy, statsmodels and scikit-learn.

Run with Debian's python3 (python3-scipy, python3-statsmodels, python3-sklearn, numpy):
    /usr/bin/python3 tests/stats/reference/make_reference.py
Each line is "section.name = value" with 17 significant digits; the C++ tests embed these
values with a comment naming the function. reference_r.R produces the R-side values (psych,
pROC, epiR). The DeLong variance has no SciPy/sklearn implementation: delong_naive() below is
an independent O(m·n) transcription of DeLong et al. 1988 (the C++ uses Sun & Xu's mid-rank
algorithm), cross-checked against pROC in reference_r.R.
"""
import math
import sys

import numpy as np
import pandas as pd
import sklearn.metrics as skm
import statsmodels.api as sm
import statsmodels.formula.api as smf
from scipy import special, stats
from statsmodels.stats.inter_rater import cohens_kappa
from statsmodels.stats.proportion import proportion_confint

sys.path.insert(0, __import__("os").path.dirname(__file__))
import datasets as d  # noqa: E402


def out(name, value):
    if np.ndim(value) == 0:
        print(f"{name} = {float(value)!r}")
    else:
        print(f"{name} = {[float(v) for v in value]!r}")


def distributions():
    out("dist.norm_ppf_0975", stats.norm.ppf(0.975))
    out("dist.norm_sf_5", stats.norm.sf(5))
    out("dist.t_ppf_0975_16", stats.t.ppf(0.975, 16))
    out("dist.t_two_sided_2p5_14", 2 * stats.t.sf(2.5, 14))
    out("dist.t_sf_40_10", stats.t.sf(40, 10))
    out("dist.f_sf_3p2_5_15", stats.f.sf(3.2, 5, 15))
    out("dist.f_ppf_0975_5_15", stats.f.ppf(0.975, 5, 15))
    out("dist.f_ppf_0975_2p7_5", stats.f.ppf(0.975, 2.7, 5))
    out("dist.chi2_ppf_0025_10", stats.chi2.ppf(0.025, 10))
    out("dist.nct_cdf_2p1_16_8p08", stats.nct.cdf(2.1, 16, 8.08))
    out("dist.nct_ppf_0025_16_8p0812", stats.nct.ppf(0.025, 16, 1.959963984540054 * math.sqrt(17)))
    out("dist.binom_cdf_7_20_0p3", stats.binom.cdf(7, 20, 0.3))
    out("dist.binom_sf_ge15_20_0p6", stats.binom.sf(14, 20, 0.6))


def bland_altman():
    ref = np.array(d.PEFR_WRIGHT, float)
    test = np.array(d.PEFR_MINI, float)
    diff, means = test - ref, (test + ref) / 2
    n = len(diff)
    bias, sd = diff.mean(), diff.std(ddof=1)
    z = stats.norm.ppf(0.975)
    t = stats.t.ppf(0.975, n - 1)
    out("ba.bias", bias)
    out("ba.sd", sd)
    lo, hi = stats.t.interval(0.95, n - 1, loc=bias, scale=sd / math.sqrt(n))
    out("ba.bias_ci", (lo, hi))
    tt = stats.ttest_1samp(diff, 0)
    out("ba.bias_t", tt.statistic)
    out("ba.bias_p", tt.pvalue)
    out("ba.loa", (bias - z * sd, bias + z * sd))
    # Exact (Carkeet 2015): non-central t with n - 1 df and non-centrality z*sqrt(n).
    q = stats.nct.ppf([0.025, 0.975], n - 1, z * math.sqrt(n))
    out("ba.upper_loa_ci_exact", bias + sd * q / math.sqrt(n))
    out("ba.lower_loa_ci_exact", (bias - sd * q[1] / math.sqrt(n), bias - sd * q[0] / math.sqrt(n)))
    se = sd * math.sqrt(1 / n + z * z / (2 * (n - 1)))
    out("ba.upper_loa_ci_approx", (bias + z * sd - t * se, bias + z * sd + t * se))
    out("ba.lower_loa_ci_approx", (bias - z * sd - t * se, bias - z * sd + t * se))
    fit = stats.linregress(means, diff)
    out("ba.prop_slope", fit.slope)
    out("ba.prop_intercept", fit.intercept)
    out("ba.prop_slope_se", fit.stderr)
    out("ba.prop_intercept_se", fit.intercept_stderr)
    out("ba.prop_p", fit.pvalue)
    out("ba.prop_r2", fit.rvalue ** 2)
    tq = stats.t.ppf(0.975, n - 2)
    out("ba.prop_slope_ci", (fit.slope - tq * fit.stderr, fit.slope + tq * fit.stderr))
    out("ba.within_loa", np.sum((diff >= bias - z * sd) & (diff <= bias + z * sd)))


def bland_altman_repeated():
    frame = pd.DataFrame({
        "subject": d.REPEATED_SUBJECT,
        "d": np.array(d.REPEATED_TEST) - np.array(d.REPEATED_REFERENCE),
    })
    table = sm.stats.anova_lm(smf.ols("d ~ C(subject)", data=frame).fit())
    msb, msw = table["mean_sq"].iloc[0], table["mean_sq"].iloc[1]
    m = frame.groupby("subject").size().to_numpy(float)
    n, total = len(m), m.sum()
    lam = (total ** 2 - (m ** 2).sum()) / ((n - 1) * total)
    var_b = max(0.0, (msb - msw) / lam)
    sd = math.sqrt(var_b + msw)
    z = stats.norm.ppf(0.975)
    bias = frame["d"].mean()
    out("rep.ms_between", msb)
    out("rep.ms_within", msw)
    out("rep.lambda", lam)
    out("rep.bias", bias)
    out("rep.sd", sd)
    out("rep.loa", (bias - z * sd, bias + z * sd))


def zou_mover(subject, reference, test, confidence=0.95, coverage=0.95):
    """Zou 2013 (Stat Methods Med Res 22:630) MOVER limits of agreement, written from the
    paper's formulas with pandas/SciPy, independently of the C++ (which works from the ANOVA
    groups): subject means by pandas groupby, chi2/t/norm quantiles from scipy.stats."""
    frame = pd.DataFrame({"subject": subject,
                          "d": np.array(test, float) - np.array(reference, float)})
    groups = frame.groupby("subject", sort=False)["d"]
    means, sizes = groups.mean().to_numpy(), groups.size().to_numpy(float)
    n, big_n = len(means), sizes.sum()
    mh = n / (1 / sizes).sum()
    s2w = (groups.var(ddof=1).fillna(0).to_numpy() * (sizes - 1)).sum() / (big_n - n)
    s2m = means.var(ddof=1)
    alpha, z = 1 - confidence, stats.norm.ppf((1 + coverage) / 2)
    mu = means.mean()
    # t quantile through the inverse regularised beta function: SciPy 1.10's t.ppf (cephes
    # stdtrit) is off by ~2e-9 relative at small df (t.ppf(0.95, 4) = 2.13184678133629, R's
    # qt(0.95, 4) = 2.131846786326649, which this form reproduces).
    x = special.betaincinv((n - 1) / 2, 0.5, alpha)
    half = math.sqrt((n - 1) * (1 / x - 1)) * math.sqrt(s2m / n)
    l_mu, u_mu = mu - half, mu + half
    a, b = s2m, (1 - 1 / mh) * s2w
    chi = stats.chi2.ppf
    l_a, u_a = (n - 1) * a / chi(1 - alpha / 2, n - 1), (n - 1) * a / chi(alpha / 2, n - 1)
    l_b = (big_n - n) * b / chi(1 - alpha / 2, big_n - n)
    u_b = (big_n - n) * b / chi(alpha / 2, big_n - n)
    var = a + b
    lo_var = var - math.sqrt((a - l_a) ** 2 + (b - l_b) ** 2)
    up_var = var + math.sqrt((u_a - a) ** 2 + (u_b - b) ** 2)
    sd, l_sd, u_sd = math.sqrt(var), math.sqrt(lo_var), math.sqrt(up_var)
    upper, lower = mu + z * sd, mu - z * sd
    return {
        "mh": mh, "sd_means": math.sqrt(s2m), "bias": mu, "sd": sd,
        "bias_ci": (l_mu, u_mu), "sd_ci": (l_sd, u_sd), "loa": (lower, upper),
        "upper_ci": (upper - math.sqrt((mu - l_mu) ** 2 + z * z * (sd - l_sd) ** 2),
                     upper + math.sqrt((u_mu - mu) ** 2 + z * z * (u_sd - sd) ** 2)),
        "lower_ci": (lower - math.sqrt((mu - l_mu) ** 2 + z * z * (u_sd - sd) ** 2),
                     lower + math.sqrt((u_mu - mu) ** 2 + z * z * (sd - l_sd) ** 2)),
    }


def bland_altman_repeated_zou():
    for name, data in (("unbalanced", (d.REPEATED_SUBJECT, d.REPEATED_REFERENCE,
                                       d.REPEATED_TEST)),
                       ("balanced", (d.BALANCED_SUBJECT, d.BALANCED_REFERENCE,
                                     d.BALANCED_TEST))):
        for key, value in zou_mover(*data).items():
            out(f"zou.{name}.{key}", value)
    # 90 % intervals, 80 % limits: the levels are passed through.
    for key, value in zou_mover(d.REPEATED_SUBJECT, d.REPEATED_REFERENCE, d.REPEATED_TEST,
                                confidence=0.90, coverage=0.80).items():
        out(f"zou.unbalanced_90_80.{key}", value)


def anova_two_way(rows):
    """MSR, MSC, MSE of a complete n x k table by statsmodels' two-way ANOVA."""
    table = np.array(rows, float)
    n, k = table.shape
    frame = pd.DataFrame({
        "y": table.ravel(),
        "target": np.repeat(np.arange(n), k).astype(str),
        "rater": np.tile(np.arange(k), n).astype(str),
    })
    a = sm.stats.anova_lm(smf.ols("y ~ C(target) + C(rater)", data=frame).fit())
    return a["mean_sq"].iloc[0], a["mean_sq"].iloc[1], a["mean_sq"].iloc[2], n


def icc_anova_and_sem():
    msr, msc, mse, n = anova_two_way(d.SHROUT_FLEISS)
    out("icc.sf_msr", msr)
    out("icc.sf_msc", msc)
    out("icc.sf_mse", mse)
    sem_a = math.sqrt(max(0.0, (msc - mse) / n) + mse)
    sem_c = math.sqrt(mse)
    z = stats.norm.ppf(0.975)
    out("sem.sf_agreement", sem_a)
    out("sem.sf_consistency", sem_c)
    out("sem.sf_mdc_agreement", z * math.sqrt(2) * sem_a)
    out("sem.sf_mdc_consistency", z * math.sqrt(2) * sem_c)
    sd_all = np.array(d.SHROUT_FLEISS, float).std(ddof=1)
    out("sem.sf_sd_all", sd_all)


def ci_fisher(r, n, factor=1.0):
    half = stats.norm.ppf(0.975) * math.sqrt(factor / (n - 3))
    return math.tanh(math.atanh(r) - half), math.tanh(math.atanh(r) + half)


def correlation():
    for tag, x, y in (("pefr", d.PEFR_WRIGHT, d.PEFR_MINI), ("ties", d.TIES_X, d.TIES_Y)):
        x, y = np.array(x, float), np.array(y, float)
        res = stats.pearsonr(x, y)
        ci = res.confidence_interval(0.95)
        out(f"corr.{tag}_pearson_r", res.statistic)
        out(f"corr.{tag}_pearson_p", res.pvalue)
        out(f"corr.{tag}_pearson_ci", (ci.low, ci.high))
        sp = stats.spearmanr(x, y)
        out(f"corr.{tag}_spearman_r", sp.correlation)
        out(f"corr.{tag}_spearman_p", sp.pvalue)
        # Bonett & Wright 2000 variance (1 + r^2/2)/(n - 3) on Fisher's z.
        out(f"corr.{tag}_spearman_ci_bw", ci_fisher(sp.correlation, len(x), 1 + sp.correlation ** 2 / 2))
    # Lin's CCC, z-transform CI, transcribing Lin 1989 (epiR::epi.ccc is checked in R).
    x, y = np.array(d.PEFR_WRIGHT, float), np.array(d.PEFR_MINI, float)
    n = len(x)
    sx2, sy2 = x.var(), y.var()
    sxy = ((x - x.mean()) * (y - y.mean())).mean()
    r = sxy / math.sqrt(sx2 * sy2)
    p = 2 * sxy / (sx2 + sy2 + (x.mean() - y.mean()) ** 2)
    u = (y.mean() - x.mean()) / (sx2 * sy2) ** 0.25
    var = ((1 - r * r) * p * p * (1 - p * p) / (r * r) + 2 * p ** 3 * (1 - p) * u * u / r
           - p ** 4 * u ** 4 / (2 * r * r)) / (n - 2)
    se_z = math.sqrt(var) / (1 - p * p)
    zq = stats.norm.ppf(0.975)
    out("ccc.pefr_ccc", p)
    out("ccc.pefr_ci", (math.tanh(math.atanh(p) - zq * se_z), math.tanh(math.atanh(p) + zq * se_z)))
    out("ccc.pefr_accuracy", p / r)
    out("ccc.pefr_u", u)


def error_metrics():
    x, y = np.array(d.PEFR_WRIGHT, float), np.array(d.PEFR_MINI, float)
    out("err.mae", skm.mean_absolute_error(x, y))
    out("err.rmse", skm.mean_squared_error(x, y, squared=False))
    out("err.mean_error", (y - x).mean())
    out("err.max_abs", np.abs(y - x).max())


def kappa():
    r1, r2 = d.KAPPA_R1, d.KAPPA_R2
    cats = sorted(set(r1) | set(r2))
    table = np.zeros((len(cats), len(cats)))
    for a, b in zip(r1, r2):
        table[cats.index(a), cats.index(b)] += 1
    for wt, sk in ((None, None), ("linear", "linear"), ("quadratic", "quadratic")):
        tag = wt or "none"
        out(f"kappa.{tag}_sklearn", skm.cohen_kappa_score(r1, r2, weights=sk))
        res = cohens_kappa(table, wt=wt)
        out(f"kappa.{tag}_kappa", res.kappa)
        out(f"kappa.{tag}_se", res.std_kappa)
        out(f"kappa.{tag}_se0", res.std_kappa0)
        out(f"kappa.{tag}_ci", (res.kappa_low, res.kappa_upp))
        out(f"kappa.{tag}_p", res.pvalue_two_sided)


def diagnostic():
    tp, fp, fn, tn = d.LIVER_TP, d.LIVER_FP, d.LIVER_FN, d.LIVER_TN
    for name, k, n in (("sens", tp, tp + fn), ("spec", tn, tn + fp), ("ppv", tp, tp + fp),
                       ("npv", tn, tn + fn), ("acc", tp + tn, tp + fp + fn + tn),
                       ("prev", tp + fn, tp + fp + fn + tn)):
        out(f"diag.{name}", k / n)
        out(f"diag.{name}_ci", proportion_confint(k, n, alpha=0.05, method="wilson"))
    z = stats.norm.ppf(0.975)
    sens, spec = tp / (tp + fn), tn / (tn + fp)
    lrp, lrn = sens / (1 - spec), (1 - sens) / spec
    se_p = math.sqrt(1 / tp - 1 / (tp + fn) + 1 / fp - 1 / (fp + tn))
    se_n = math.sqrt(1 / fn - 1 / (tp + fn) + 1 / tn - 1 / (fp + tn))
    out("diag.lr_pos", lrp)
    out("diag.lr_pos_ci", (lrp * math.exp(-z * se_p), lrp * math.exp(z * se_p)))
    out("diag.lr_neg", lrn)
    out("diag.lr_neg_ci", (lrn * math.exp(-z * se_n), lrn * math.exp(z * se_n)))
    for k, n in ((81, 263), (15, 148), (0, 20), (1, 29), (10, 10)):
        out(f"wilson.{k}_{n}", proportion_confint(k, n, alpha=0.05, method="wilson"))


def delong_naive(truth, score):
    """DeLong 1988 structural components by the O(m n) definition."""
    x = [s for s, t in zip(score, truth) if t == 1]
    y = [s for s, t in zip(score, truth) if t == 0]
    psi = np.array([[1.0 if a > b else 0.5 if a == b else 0.0 for b in y] for a in x])
    v10, v01 = psi.mean(axis=1), psi.mean(axis=0)
    return psi.mean(), v10, v01


def roc():
    truth, rating = d.hanley_mcneil()
    out("roc.hm_auc_sklearn", skm.roc_auc_score(truth, rating))
    auc, v10, v01 = delong_naive(truth, rating)
    var = v10.var(ddof=1) / len(v10) + v01.var(ddof=1) / len(v01)
    out("roc.hm_auc", auc)
    out("roc.hm_se", math.sqrt(var))
    fpr, tpr, thr = skm.roc_curve(truth, rating, drop_intermediate=False)
    out("roc.hm_fpr", fpr)
    out("roc.hm_tpr", tpr)
    out("roc.hm_thresholds_from_second", thr[1:])
    truth, s1, s2 = d.roc_two_scores()
    a1, p1, q1 = delong_naive(truth, s1)
    a2, p2, q2 = delong_naive(truth, s2)
    m, n = len(p1), len(q1)
    var1 = np.var(p1, ddof=1) / m + np.var(q1, ddof=1) / n
    var2 = np.var(p2, ddof=1) / m + np.var(q2, ddof=1) / n
    cov = np.cov(p1, p2)[0, 1] / m + np.cov(q1, q2)[0, 1] / n
    zstat = (a1 - a2) / math.sqrt(var1 + var2 - 2 * cov)
    out("roc.two_auc1", a1)
    out("roc.two_auc1_sklearn", skm.roc_auc_score(truth, s1))
    out("roc.two_auc2", a2)
    out("roc.two_auc2_sklearn", skm.roc_auc_score(truth, s2))
    out("roc.two_se1", math.sqrt(var1))
    out("roc.two_se2", math.sqrt(var2))
    out("roc.two_z", zstat)
    out("roc.two_p", 2 * stats.norm.sf(abs(zstat)))
    zq = stats.norm.ppf(0.975)
    se1 = math.sqrt(var1)
    lg = math.log(a1 / (1 - a1))
    h = zq * se1 / (a1 * (1 - a1))
    out("roc.two_auc1_ci_logit", (1 / (1 + math.exp(-(lg - h))), 1 / (1 + math.exp(-(lg + h)))))


def power():
    z = stats.norm.ppf(0.975)

    def lu(mu, sd, delta, n):
        se = sd * math.sqrt(1 / n + z * z / (2 * (n - 1)))
        tc = stats.t.ppf(0.975, n - 1)
        return 1 - stats.nct.cdf(tc, n - 1, (delta - mu - z * sd) / se) - \
            stats.nct.cdf(tc, n - 1, (delta + mu - z * sd) / se)

    def exact(mu, sd, delta, n):
        c = stats.nct.ppf(0.975, n - 1, z * math.sqrt(n))
        return 1 - stats.nct.cdf(c, n - 1, math.sqrt(n) * (delta - mu) / sd) - \
            stats.nct.cdf(c, n - 1, math.sqrt(n) * (delta + mu) / sd)

    for name, f in (("lu", lu), ("exact", exact)):
        out(f"power.{name}_power_n50", f(0.5, 2.0, 6.0, 50))
        n = 3
        while f(0.5, 2.0, 6.0, n) < 0.8:
            n += 1
        out(f"power.{name}_n_for_0p8", n)
        out(f"power.{name}_power_at_n", f(0.5, 2.0, 6.0, n))
        out(f"power.{name}_power_at_n_minus_1", f(0.5, 2.0, 6.0, n - 1))

    def exact_binomial(n, p0, p1, alpha):
        c = next(c for c in range(n + 2) if stats.binom.sf(c - 1, n, p0) <= alpha)
        return stats.binom.sf(c - 1, n, p1)

    out("power.binom_n50_p0_0p8_p1_0p9", exact_binomial(50, 0.8, 0.9, 0.05))
    n = 1
    while exact_binomial(n, 0.8, 0.9, 0.05) < 0.8:
        n += 1
    out("power.binom_n_for_0p8", n)


if __name__ == "__main__":
    for section in (distributions, bland_altman, bland_altman_repeated,
                    bland_altman_repeated_zou, icc_anova_and_sem,
                    correlation, error_metrics, kappa, diagnostic, roc, power):
        with np.errstate(all="ignore"):  # the power scans start at n = 3, where nct underflows
            section()
