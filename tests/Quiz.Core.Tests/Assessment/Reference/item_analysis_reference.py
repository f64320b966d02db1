#!/usr/bin/env python3
"""Reference figures for ItemAnalysisReferenceTests, computed here, outside the project's code, in plain Python.

Run: python3 tests/Quiz.Core.Tests/Assessment/Reference/item_analysis_reference.py
Its output is pasted into ItemAnalysisReferenceTests.cs as constants; rerun it after changing the data below and paste again.

Twelve respondents each draw four of five single-choice items (A-D). For every item: p (the share who got it right,
an unanswered item counting as wrong, over those who drew it), the point-biserial discrimination (Pearson's r between
the item's 0/1 score and the rest score: the respondent's right answers on the other items of their paper), and how
often each option was chosen, with how many left it blank. Item 4 is made to discriminate badly (the strong miss it,
the weak get it) and item 1 hardly at all: both must be flagged (below 0.2).
"""
import math

KEYS = [0, 1, 2, 3, 0]  # item i's right option (A=0)

# One row per respondent: the option chosen on each item (-1 blank), None when the item was not on their paper.
RESPONSES = [
    [0, 1, 2, 3, None],
    [0, 1, 2, None, 3],
    [0, 1, None, 3, 1],
    [0, None, 2, 3, 0],
    [None, 1, 2, 3, 1],
    [0, 2, 2, 3, None],
    [1, 1, 0, None, 0],
    [0, 3, None, 1, 0],
    [2, None, 1, 0, 0],
    [None, 0, 3, 3, 3],
    [3, 1, 2, -1, None],
    [1, -1, None, 2, 0],
]


def pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return None if sxx == 0 or syy == 0 else sxy / math.sqrt(sxx * syy)


def main():
    print("int[] keys = [" + ", ".join(map(str, KEYS)) + "];")
    print("int?[][] responses =")
    print("[")
    for row in RESPONSES:
        print("    [" + ", ".join("null" if r is None else str(r) for r in row) + "],")
    print("];")
    for i, key in enumerate(KEYS):
        drew = [row for row in RESPONSES if row[i] is not None]
        x = [1 if row[i] == key else 0 for row in drew]
        rest = [sum(1 for j, k in enumerate(KEYS) if j != i and row[j] is not None and row[j] == k) for row in drew]
        p = sum(x) / len(x)
        r = pearson(x, rest)
        counts = [sum(1 for row in drew if row[i] == o) for o in range(4)]
        blank = sum(1 for row in drew if row[i] == -1)
        print(f"// item {i}: drawn {len(drew)}, right {sum(x)}")
        print(f"({len(drew)}, {p!r}, {'null' if r is None else repr(r)}, new[] {{ {', '.join(map(str, counts))} }}, {blank}),")


main()
