#!/usr/bin/python3
"""Monte Carlo check of the Zou 2013 MOVER intervals (make_reference.zou_mover): simulate
d_ij = mu + b_i + e_ij, count how often each 95 % interval holds the true value. Not a test
input; a sanity check of the formulas (Zou reports coverage close to 95 % for these designs).
    /usr/bin/python3 tests/stats/reference/zou_coverage.py
"""
import math
import os
import sys

import numpy as np
from scipy import stats

sys.path.insert(0, os.path.dirname(__file__))
from make_reference import zou_mover  # noqa: E402


def coverage(sizes, mu=1.0, sd_b=1.5, sd_w=1.0, reps=2000, seed=1):
    rng = np.random.default_rng(seed)
    z = stats.norm.ppf(0.975)
    sigma = math.hypot(sd_b, sd_w)
    truth = {"bias_ci": mu, "sd_ci": sigma, "lower_ci": mu - z * sigma, "upper_ci": mu + z * sigma}
    hits = dict.fromkeys(truth, 0)
    subject = [f"s{i}" for i, m in enumerate(sizes) for _ in range(m)]
    for _ in range(reps):
        d = np.concatenate([mu + rng.normal(0, sd_b) + rng.normal(0, sd_w, m) for m in sizes])
        r = zou_mover(subject, np.zeros(len(d)), d)
        for key, value in truth.items():
            hits[key] += r[key][0] <= value <= r[key][1]
    return {key: h / reps for key, h in hits.items()}


if __name__ == "__main__":
    for sizes in ([3] * 10, [5] * 30, [1, 2, 3, 4, 5, 6, 2, 3, 8, 1] * 2, [2, 10] * 15):
        print(f"m_i = {sizes[:10]}{'...' if len(sizes) > 10 else ''} (n = {len(sizes)}):",
              {k: round(v, 3) for k, v in coverage(sizes).items()})
