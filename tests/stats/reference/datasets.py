"""The input data sets of the stats reference values, shared by make_reference.py.

The C++ tests (tests/stats/*_test.cpp) embed the same numbers; reference_r.R repeats them in R.
"""

# Bland & Altman 1986 (Lancet i:307), Table 1: peak expiratory flow rate (l/min) of 17
# subjects, first measurement with the large Wright meter (reference) and the mini Wright
# meter (test).
PEFR_WRIGHT = [494, 395, 516, 434, 476, 557, 413, 442, 650, 433, 417, 656, 267, 478, 178, 423, 427]
PEFR_MINI = [512, 430, 520, 428, 500, 600, 364, 380, 658, 445, 432, 626, 260, 477, 259, 350, 451]

# Shrout & Fleiss 1979 (Psychol Bull 86:420), Table 2: 6 targets rated by 4 judges.
SHROUT_FLEISS = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
]

# 10 targets × 3 raters with two incomplete targets (None): listwise deletion leaves 8.
ICC_MISSING = [
    [7.1, 6.8, 7.4],
    [5.2, 5.9, None],
    [8.8, 8.1, 9.0],
    [4.4, 4.9, 4.1],
    [6.6, 7.2, 6.9],
    [None, 3.3, 3.8],
    [9.5, 9.1, 9.9],
    [5.8, 5.1, 6.2],
    [7.7, 8.3, 7.5],
    [3.9, 4.6, 4.2],
]

# Repeated measures: 5 subjects, unbalanced (3, 2, 4, 1, 3 pairs), knee angles in degrees.
REPEATED_SUBJECT = ["s1", "s1", "s1", "s2", "s2", "s3", "s3", "s3", "s3", "s4", "s5", "s5", "s5"]
REPEATED_REFERENCE = [92.1, 95.4, 90.2, 110.3, 108.8, 85.0, 88.7, 86.1, 87.9, 120.4, 101.2, 99.5,
                      103.3]
REPEATED_TEST = [94.0, 96.1, 93.5, 109.0, 109.9, 89.2, 90.1, 88.8, 92.0, 118.2, 104.9, 101.0,
                 106.1]

# Repeated measures, balanced: 4 subjects × 3 pairs (knee angles in degrees).
BALANCED_SUBJECT = ["a", "a", "a", "b", "b", "b", "c", "c", "c", "d", "d", "d"]
BALANCED_REFERENCE = [60.2, 75.8, 68.1, 88.4, 92.0, 79.5, 101.3, 97.6, 104.9, 70.0, 66.4, 73.3]
BALANCED_TEST = [62.9, 77.1, 71.4, 87.6, 94.5, 78.9, 106.0, 101.2, 107.3, 71.8, 69.9, 73.0]

# Paired values with ties (for Spearman's average ranks).
TIES_X = [1, 2, 2, 3, 4, 4, 4, 5, 6, 7]
TIES_Y = [2, 1, 3, 3, 5, 4, 6, 6, 8, 7]

# Two raters, 30 cases, ordinal categories 1..4.
KAPPA_R1 = [1, 2, 3, 4, 2, 2, 3, 1, 4, 3, 2, 1, 1, 3, 4, 4, 2, 3, 3, 2, 1, 4, 3, 2, 2, 1, 3, 4, 2, 3]
KAPPA_R2 = [1, 2, 3, 3, 2, 1, 3, 1, 4, 4, 2, 2, 1, 3, 4, 3, 2, 2, 3, 2, 1, 4, 4, 3, 2, 1, 3, 4, 1, 3]

# Altman & Bland 1994 (BMJ 308:1552), liver scan against pathology.
LIVER_TP, LIVER_FP, LIVER_FN, LIVER_TN = 231, 32, 27, 54

# Hanley & McNeil 1982 (Radiology 143:29), Table 1: CT ratings 1..5 (definitely normal ..
# definitely abnormal) of 58 normal and 51 abnormal patients.
HANLEY_NORMAL_COUNTS = [33, 6, 6, 11, 2]
HANLEY_ABNORMAL_COUNTS = [3, 2, 2, 11, 33]


def hanley_mcneil():
    truth, rating = [], []
    for r, (n0, n1) in enumerate(zip(HANLEY_NORMAL_COUNTS, HANLEY_ABNORMAL_COUNTS), start=1):
        truth += [0] * n0 + [1] * n1
        rating += [r] * (n0 + n1)
    return truth, rating


def roc_two_scores():
    """60 cases from integer formulas (no random generator): reference flag, two scores.

    Case i = 0..59: positive when (7i mod 5) < 2; score1 = (37i mod 23)/2 + 6·flag,
    score2 = (53i mod 17)/2 + 4·flag. Halves are exact in binary; both scores have ties.
    """
    truth = [1 if (7 * i) % 5 < 2 else 0 for i in range(60)]
    s1 = [((37 * i) % 23) / 2 + 6 * t for i, t in enumerate(truth)]
    s2 = [((53 * i) % 17) / 2 + 4 * t for i, t in enumerate(truth)]
    return truth, s1, s2
