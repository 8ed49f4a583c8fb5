"""One-to-one matching: each record is matched at most once, best pairs first (greedy).

Before the pairs are solved, `discount_ambiguity` lowers the score of a pair by its
competitors: the other candidates of either record. Two files drawn from the same names hold
namesakes (the same given and father's names, a close birth year); a pair that has close
rivals is less likely to be the person than one that stands alone, in the way a match on a
common name says less than a match on a rare one. It reads only the scores of candidate pairs,
never the encodings.
"""

from __future__ import annotations

import numpy as np

from .compare import Candidates
from .score import CUT, FloatArray

__all__ = ["AMBIGUITY_FLOOR", "discount_ambiguity", "greedy_one_to_one", "solve"]

#: Candidates down to this score are read as competitors. Reading lower (0.1) changed F1 by
#: less than 0.003 on the calibration sets and would slow the comparison of large files.
AMBIGUITY_FLOOR = 0.25
#: How much a competitor's odds count against a pair.
COMPETITOR_WEIGHT = 8.0
#: Log-odds added to every pair once competitors are counted (a pair without competitors gains
#: 1.0, about a factor 2.7 of odds). Both constants were chosen with the cut of `score.py`, on
#: seeded cross-script sets other than the benchmark's and on FEBRL4.
ALONE_BONUS = 1.0


def discount_ambiguity(c: Candidates) -> Candidates:
    """The candidates with scores lowered by their competitors: a pair of log-odds L whose
    records have other candidates of odds o₁, o₂, … (either side) gets
    L − log(1 + w·Σoᵢ) + bonus, a posterior in which the rivals share the belief."""
    if len(c) == 0:
        return c
    s = np.clip(c.score, 1e-15, 1.0 - 1e-15)
    log_odds: FloatArray = np.log(s) - np.log1p(-s) + CUT
    odds = np.exp(np.minimum(log_odds, 50.0))
    rivals = np.bincount(c.a, weights=odds)[c.a] + np.bincount(c.b, weights=odds)[c.b] - 2.0 * odds
    adjusted = log_odds - np.log1p(COMPETITOR_WEIGHT * np.maximum(rivals, 0.0)) + ALONE_BONUS
    score = np.asarray(1.0 / (1.0 + np.exp(-(adjusted - CUT))), dtype=np.float64)
    return Candidates(c.a, c.b, score, c.comparisons, c.shift)


def greedy_one_to_one(c: Candidates) -> Candidates:
    """Pairs taken in order of score (ties by row), skipping records already matched."""
    order = np.lexsort((c.b, c.a, -c.score))
    used_a: set[int] = set()
    used_b: set[int] = set()
    keep: list[int] = []
    for idx, i, j in zip(order.tolist(), c.a[order].tolist(), c.b[order].tolist(), strict=True):
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        keep.append(idx)
    sel = np.asarray(keep, dtype=np.int64)
    return Candidates(c.a[sel], c.b[sel], c.score[sel], c.comparisons, c.shift)


def solve(c: Candidates, threshold: float) -> Candidates:
    """The pairs kept on their discounted score from the threshold up, one-to-one."""
    found = discount_ambiguity(c)
    keep = found.score >= threshold
    return greedy_one_to_one(
        Candidates(found.a[keep], found.b[keep], found.score[keep], found.comparisons, found.shift)
    )
