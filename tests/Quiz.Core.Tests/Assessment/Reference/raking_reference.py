#!/usr/bin/env python3
"""Reference figures for RakingReferenceTests, computed here, outside the project's code, in plain Python.

Run: python3 tests/Quiz.Core.Tests/Assessment/Reference/raking_reference.py
Its output is pasted into RakingReferenceTests.cs as constants; rerun it after changing the data below and paste again.

It rakes one synthetic district (volunteers who are young and educated, against census-like margins) by iterative
proportional fitting to a relative tolerance of 1e-9 on every margin, then trims weights at 5 times the mean weight by
alternating cut and rake sweeps, and reports the weights per cell, Kish's effective n before and after trimming, the
weighted share at the line and its 95% Wilson interval on the effective n.
"""
import math

AGES = ["18-29", "30-39", "40-49", "50-59", "60-69"]
SEXES = ["male", "female"]
EDUS = ["primary", "junior", "senior", "college"]

# The district's people aged 18-69 (thousands), one-way.
MARGINS = {
    "age": [180, 220, 200, 220, 180],
    "sex": [510, 490],
    "education": [150, 350, 250, 250],
}

# Respondents per age band, the share of men, and the education mix by age band (volunteers: young, schooled).
BY_AGE = [60, 70, 50, 25, 8]
MEN = 0.45
EDU_MIX = [
    [0.02, 0.10, 0.28, 0.60],
    [0.03, 0.12, 0.30, 0.55],
    [0.06, 0.24, 0.30, 0.40],
    [0.12, 0.36, 0.28, 0.24],
    [0.38, 0.38, 0.12, 0.12],
]
# Share at the line (70+) by education.
AT_LINE = [0.10, 0.20, 0.35, 0.55]


def cells():
    """(age, sex, edu, respondents, at the line): every cell at least 1 respondent, so every pair of codes meets."""
    out = []
    for a, total in enumerate(BY_AGE):
        for s in range(2):
            share = MEN if s == 0 else 1 - MEN
            for e in range(4):
                n = max(1, round(total * share * EDU_MIX[a][e]))
                out.append((a, s, e, n, round(n * AT_LINE[e])))
    return out


def rake(cells, weights, cap=None, tol=1e-9, max_sweeps=1000):
    population = sum(MARGINS["sex"])
    dims = [("age", 0), ("sex", 1), ("education", 2)]
    targets = {d: [p / sum(MARGINS[d]) * population for p in MARGINS[d]] for d, _ in dims}
    for sweep in range(1, max_sweeps + 1):
        if cap is not None:
            weights = [min(w, cap) for w in weights]
        for d, k in dims:
            sums = [0.0] * len(targets[d])
            for cell, w in zip(cells, weights):
                sums[cell[k]] += w * cell[3]
            weights = [w * targets[d][cell[k]] / sums[cell[k]] for cell, w in zip(cells, weights)]
        worst = 0.0
        for d, k in dims:
            sums = [0.0] * len(targets[d])
            for cell, w in zip(cells, weights):
                sums[cell[k]] += w * cell[3]
            worst = max(worst, max(abs(s / t - 1) for s, t in zip(sums, targets[d])))
        if cap is not None:
            worst = max(worst, max(weights) / cap - 1)
        if worst < tol:
            return weights, sweep
    raise SystemExit("did not converge")


def kish(cells, weights):
    total = sum(w * c[3] for c, w in zip(cells, weights))
    squares = sum(w * w * c[3] for c, w in zip(cells, weights))
    return total * total / squares


def wilson(p, n, z=1.959964):
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def share(cells, weights):
    return sum(w * c[4] for c, w in zip(cells, weights)) / sum(w * c[3] for c, w in zip(cells, weights))


def main():
    data = cells()
    n = sum(c[3] for c in data)
    population = sum(MARGINS["sex"])
    untrimmed, _ = rake(data, [population / n] * len(data))
    cap = 5 * population / n
    trimmed, _ = rake(data, list(untrimmed), cap)
    print("// cells: (age, sex, education, respondents, at the line)")
    print("(int, int, int, int, int)[] cells = [" + ", ".join(f"({a}, {s}, {e}, {k}, {x})" for a, s, e, k, x in data) + "];")
    print(f"// respondents {n}, at the line {sum(c[4] for c in data)}, population {population}")
    print(f"const double Cap = {cap!r};")
    print(f"const double MaxUntrimmed = {max(untrimmed)!r};")
    print(f"const double EffectiveNUntrimmed = {kish(data, untrimmed)!r};")
    print(f"const double EffectiveN = {kish(data, trimmed)!r};")
    print(f"const int AtCap = {sum(c[3] for c, w in zip(data, trimmed) if w >= cap * (1 - 1e-6))};")
    p = share(data, trimmed)
    low, high = wilson(p, kish(data, trimmed))
    print(f"const double Share = {p!r}, Low = {low!r}, High = {high!r};")
    pu = share(data, untrimmed)
    print(f"const double ShareUntrimmed = {pu!r};")
    print("double[] weights = [" + ", ".join(repr(w) for w in trimmed) + "];")
    raw = sum(c[4] for c in data) / n
    rl, rh = wilson(raw, n)
    print(f"const double Raw = {raw!r}, RawLow = {rl!r}, RawHigh = {rh!r};")


main()
