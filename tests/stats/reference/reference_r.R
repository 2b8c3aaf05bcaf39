#!/usr/bin/Rscript
# Reference values for tests/stats/*_test.cpp from R packages in Debian:
#   r-cran-psych (psych::ICC), r-cran-proc (pROC: AUC, DeLong variance, CI, roc.test),
#   r-cran-epir (epiR: epi.ccc, epi.tests, epi.ssdxsesp), and base R's non-central t and
#   binomial (an implementation independent of Boost, which SciPy's nct and binom use).
# Run: Rscript tests/stats/reference/reference_r.R
# The data are those of datasets.py.
suppressMessages({
  library(psych)
  library(pROC)
  library(epiR)
})
options(digits = 17)
out <- function(name, value) cat(name, "=", paste(format(value, digits = 17), collapse = ", "), "\n")

# --- ICC: psych::ICC with lmer = FALSE (classical ANOVA estimates) ---------------------------
sf <- matrix(c(9, 2, 5, 8,  6, 1, 3, 2,  8, 4, 6, 8,  7, 1, 2, 6,  10, 5, 6, 9,  6, 2, 4, 7),
             ncol = 4, byrow = TRUE)
r <- psych::ICC(sf, lmer = FALSE)$results
for (i in 1:6) {
  tag <- r$type[i]
  out(paste0("psych.sf.", tag, ".icc"), r$ICC[i])
  out(paste0("psych.sf.", tag, ".F"), r$F[i])
  out(paste0("psych.sf.", tag, ".df"), c(r$df1[i], r$df2[i]))
  out(paste0("psych.sf.", tag, ".p"), r$p[i])
  out(paste0("psych.sf.", tag, ".ci"), c(r$`lower bound`[i], r$`upper bound`[i]))
}
miss <- matrix(c(7.1, 6.8, 7.4,  5.2, 5.9, NA,  8.8, 8.1, 9.0,  4.4, 4.9, 4.1,  6.6, 7.2, 6.9,
                 NA, 3.3, 3.8,  9.5, 9.1, 9.9,  5.8, 5.1, 6.2,  7.7, 8.3, 7.5,  3.9, 4.6, 4.2),
               ncol = 3, byrow = TRUE)
r <- psych::ICC(na.omit(miss), lmer = FALSE)$results
for (i in 1:6) {
  tag <- r$type[i]
  out(paste0("psych.miss.", tag, ".icc"), r$ICC[i])
  out(paste0("psych.miss.", tag, ".p"), r$p[i])
  out(paste0("psych.miss.", tag, ".ci"), c(r$`lower bound`[i], r$`upper bound`[i]))
}
# Perfect consistency: rater 2 = rater 1 + 2 (MSE = 0), 5 targets.
shift <- cbind(c(1, 3, 4, 7, 9), c(3, 5, 6, 9, 11))
r <- suppressWarnings(psych::ICC(shift, lmer = FALSE)$results)
out("psych.shift.ICC2.icc", r$ICC[2])
out("psych.shift.ICC2.ci", c(r$`lower bound`[2], r$`upper bound`[2]))
out("psych.shift.ICC3.icc", r$ICC[3])

# --- Bland-Altman and Lin's CCC: epiR::epi.ccc ------------------------------------------------
wright <- c(494, 395, 516, 434, 476, 557, 413, 442, 650, 433, 417, 656, 267, 478, 178, 423, 427)
mini <- c(512, 430, 520, 428, 500, 600, 364, 380, 658, 445, 432, 626, 260, 477, 259, 350, 451)
# epi.ccc(x, y) takes delta = x - y: pass (test, reference) for test - reference.
e <- epi.ccc(mini, wright, ci = "z-transform")
out("epir.ba.bias", e$sblalt$est)
out("epir.ba.sd", e$sblalt$delta.sd)
out("epir.ba.loa", c(e$sblalt$lower, e$sblalt$upper))
e <- epi.ccc(wright, mini, ci = "z-transform")
out("epir.ccc", e$rho.c$est)
out("epir.ccc.ci", c(e$rho.c$lower, e$rho.c$upper))
out("epir.ccc.C.b", e$C.b)
# Exact LoA CI (Carkeet 2015) with R's non-central t.
n <- length(wright); d <- mini - wright; z <- qnorm(0.975)
q <- qt(c(0.025, 0.975), n - 1, ncp = z * sqrt(n))
out("rbase.ba.upper_loa_ci_exact", mean(d) + sd(d) * q / sqrt(n))
out("rbase.ba.lower_loa_ci_exact", c(mean(d) - sd(d) * q[2] / sqrt(n), mean(d) - sd(d) * q[1] / sqrt(n)))

subject <- c("s1", "s1", "s1", "s2", "s2", "s3", "s3", "s3", "s3", "s4", "s5", "s5", "s5")
ref <- c(92.1, 95.4, 90.2, 110.3, 108.8, 85.0, 88.7, 86.1, 87.9, 120.4, 101.2, 99.5, 103.3)
tst <- c(94.0, 96.1, 93.5, 109.0, 109.9, 89.2, 90.1, 88.8, 92.0, 118.2, 104.9, 101.0, 106.1)
e <- epi.ccc(tst, ref, rep.measure = TRUE, subjectid = subject)
out("epir.rep.bias", e$sblalt$est)
out("epir.rep.sd", e$sblalt$delta.sd)
out("epir.rep.loa", c(e$sblalt$lower, e$sblalt$upper))

# Zou 2013 MOVER intervals for the repeated-measures limits, transcribed a second time in base
# R (qt, qchisq: independent of SciPy and Boost) from the paper's formulas, with aov() for
# MS_within.
zou <- function(subject, ref, tst, conf = 0.95, cover = 0.95) {
  d <- tst - ref; f <- factor(subject, levels = unique(subject))
  means <- tapply(d, f, mean); m <- as.vector(table(f)); n <- length(m); N <- sum(m)
  msw <- summary(aov(d ~ f))[[1]][["Mean Sq"]][2]
  mh <- n / sum(1 / m); a <- var(as.vector(means)); b <- (1 - 1 / mh) * msw
  al <- 1 - conf; z <- qnorm((1 + cover) / 2); mu <- mean(means)
  h <- qt(1 - al / 2, n - 1) * sqrt(a / n); lmu <- mu - h; umu <- mu + h
  la <- (n - 1) * a / qchisq(1 - al / 2, n - 1); ua <- (n - 1) * a / qchisq(al / 2, n - 1)
  lb <- (N - n) * b / qchisq(1 - al / 2, N - n); ub <- (N - n) * b / qchisq(al / 2, N - n)
  s <- sqrt(a + b); ls <- sqrt(a + b - sqrt((a - la)^2 + (b - lb)^2))
  us <- sqrt(a + b + sqrt((ua - a)^2 + (ub - b)^2))
  up <- mu + z * s; lo <- mu - z * s
  list(bias = mu, sd = s, bias_ci = c(lmu, umu), sd_ci = c(ls, us),
       lower_ci = c(lo - sqrt((mu - lmu)^2 + z^2 * (us - s)^2), lo + sqrt((umu - mu)^2 + z^2 * (s - ls)^2)),
       upper_ci = c(up - sqrt((mu - lmu)^2 + z^2 * (s - ls)^2), up + sqrt((umu - mu)^2 + z^2 * (us - s)^2)))
}
bal_subject <- rep(c("a", "b", "c", "d"), each = 3)
bal_ref <- c(60.2, 75.8, 68.1, 88.4, 92.0, 79.5, 101.3, 97.6, 104.9, 70.0, 66.4, 73.3)
bal_tst <- c(62.9, 77.1, 71.4, 87.6, 94.5, 78.9, 106.0, 101.2, 107.3, 71.8, 69.9, 73.0)
for (case in list(list("unbalanced", zou(subject, ref, tst)),
                  list("balanced", zou(bal_subject, bal_ref, bal_tst)),
                  list("unbalanced_90_80", zou(subject, ref, tst, 0.90, 0.80)))) {
  for (k in names(case[[2]])) out(paste0("rbase.zou.", case[[1]], ".", k), case[[2]][[k]])
}

# --- Diagnostic accuracy: epiR::epi.tests (Wilson intervals) ---------------------------------
tab <- as.table(matrix(c(231, 27, 32, 54), nrow = 2, dimnames = list(Test = c("+", "-"), Ref = c("+", "-"))))
tab <- as.table(matrix(c(231, 32, 27, 54), nrow = 2, byrow = TRUE))
t <- epi.tests(tab, method = "wilson", conf.level = 0.95)$detail
for (s in c("se", "sp", "pv.pos", "pv.neg", "lr.pos", "lr.neg")) {
  row <- t[t$statistic == s, ]
  out(paste0("epir.tests.", s), c(row$est, row$lower, row$upper))
}

# --- ROC: pROC (DeLong) -----------------------------------------------------------------------
truth <- c(rep(0, 33), rep(1, 3), rep(0, 6), rep(1, 2), rep(0, 6), rep(1, 2), rep(0, 11), rep(1, 11),
           rep(0, 2), rep(1, 33))
rating <- c(rep(1, 36), rep(2, 8), rep(3, 8), rep(4, 22), rep(5, 35))
roc1 <- roc(truth, rating, levels = c(0, 1), direction = "<", quiet = TRUE)
out("proc.hm.auc", as.numeric(auc(roc1)))
out("proc.hm.var", var(roc1, method = "delong"))
out("proc.hm.ci", as.numeric(ci.auc(roc1, method = "delong"))[c(1, 3)])
i <- 0:59
flag <- ifelse((7 * i) %% 5 < 2, 1, 0)
s1 <- ((37 * i) %% 23) / 2 + 6 * flag
s2 <- ((53 * i) %% 17) / 2 + 4 * flag
ra <- roc(flag, s1, levels = c(0, 1), direction = "<", quiet = TRUE)
rb <- roc(flag, s2, levels = c(0, 1), direction = "<", quiet = TRUE)
out("proc.two.auc", c(as.numeric(auc(ra)), as.numeric(auc(rb))))
out("proc.two.var", c(var(ra, method = "delong"), var(rb, method = "delong")))
out("proc.two.cov", cov(ra, rb, method = "delong"))
out("proc.two.ci1", as.numeric(ci.auc(ra, method = "delong"))[c(1, 3)])
tt <- roc.test(ra, rb, method = "delong", paired = TRUE)
out("proc.two.z", tt$statistic)
out("proc.two.p", tt$p.value)

# --- Power and sample size --------------------------------------------------------------------
out("epir.buderer.se", epi.ssdxsesp(test = 0.9, type = "se", Py = 0.2, epsilon = 0.05, error = "absolute"))
out("epir.buderer.sp", epi.ssdxsesp(test = 0.85, type = "sp", Py = 0.2, epsilon = 0.05, error = "absolute"))
lu <- function(mu, s, delta, n) {
  se <- s * sqrt(1 / n + z^2 / (2 * (n - 1))); tc <- qt(0.975, n - 1)
  1 - pt(tc, n - 1, ncp = (delta - mu - z * s) / se) - pt(tc, n - 1, ncp = (delta + mu - z * s) / se)
}
exact <- function(mu, s, delta, n) {
  c <- qt(0.975, n - 1, ncp = z * sqrt(n))
  1 - pt(c, n - 1, ncp = sqrt(n) * (delta - mu) / s) - pt(c, n - 1, ncp = sqrt(n) * (delta + mu) / s)
}
out("rbase.power.lu_n50", lu(0.5, 2, 6, 50))
out("rbase.power.exact_n50", exact(0.5, 2, 6, 50))
binom_power <- function(n, p0, p1, alpha) {
  c <- min(which(pbinom(0:(n + 1) - 1, n, p0, lower.tail = FALSE) <= alpha)) - 1
  pbinom(c - 1, n, p1, lower.tail = FALSE)
}
out("rbase.power.binom_n50", binom_power(50, 0.8, 0.9, 0.05))
