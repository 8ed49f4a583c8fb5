"""One-to-one matching: each record is matched at most once, best pairs first (greedy).

First, `estimate_overlap` finds the share of the smaller file's people that are in the other
file, as the expectation-maximisation of Fellegi–Sunter models estimates the share of matches:
start from the reference share, solve, take the share of records matched, and again, until it
holds still. The run's prior follows it (`score.overlap_shift`): two files that share few people
give every pair lower odds, which keeps namesakes of people in one file only from being taken
for them; files that share nearly everyone accept weaker pairs.

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
from .score import CUT, OVERLAP_REFERENCE, FloatArray, logit, overlap_shift, to_score

__all__ = [
    "AMBIGUITY_FLOOR",
    "discount_ambiguity",
    "estimate_overlap",
    "greedy_one_to_one",
    "shifted",
    "solve",
    "solve_run",
]

#: Candidates down to this score (at the reference overlap) are kept: as competitors, and as
#: pairs that a larger overlap than the reference can lift above the threshold.
AMBIGUITY_FLOOR = 0.05
#: How much a competitor's odds count against a pair (chosen with the cut of `score.py`, on
#: seeded cross-script sets other than the benchmark's and on FEBRL4).
COMPETITOR_WEIGHT = 3.0
#: The bounds of an estimated overlap, and when its estimate holds still.
OVERLAP_BOUNDS = (0.02, 0.98)
OVERLAP_ROUNDS = 10


def _log_odds(c: Candidates) -> FloatArray:
    """The log-odds that the candidates' scores stand for (`score.to_score` read back)."""
    s = np.clip(c.score, 1e-15, 1.0 - 1e-15)
    return np.asarray(np.log(s) - np.log1p(-s) + CUT, dtype=np.float64)


def discount_ambiguity(c: Candidates) -> Candidates:
    """The candidates with scores lowered by their competitors: a pair of log-odds L whose
    records have other candidates of odds o₁, o₂, … (either side) gets
    L − log(1 + w·Σoᵢ), a posterior in which the rivals share the belief."""
    if len(c) == 0:
        return c
    log_odds = _log_odds(c)
    odds = np.exp(np.minimum(log_odds, 50.0))
    rivals = np.bincount(c.a, weights=odds)[c.a] + np.bincount(c.b, weights=odds)[c.b] - 2.0 * odds
    adjusted = log_odds - np.log1p(COMPETITOR_WEIGHT * np.maximum(rivals, 0.0))
    return Candidates(c.a, c.b, to_score(adjusted), c.comparisons, c.shift)


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


def shifted(c: Candidates, log_odds: float) -> Candidates:
    """The candidates with `log_odds` added to every pair's."""
    if log_odds == 0.0 or len(c) == 0:
        return c
    return Candidates(
        c.a, c.b, to_score(_log_odds(c) + log_odds), c.comparisons, c.shift + log_odds
    )


def estimate_overlap(c: Candidates, people: int, threshold: float = 0.5) -> float:
    """The share of the smaller file's `people` who are in the other file: the share matched
    from `threshold` up when the run's prior assumes it (a fixed point, from the reference)."""
    low, high = OVERLAP_BOUNDS
    share = OVERLAP_REFERENCE
    if people <= 0:
        return low
    for _ in range(OVERLAP_ROUNDS):
        matched = len(solve(shifted(c, overlap_shift(share)), threshold))
        new = min(high, max(low, matched / people))
        if abs(logit(new) - logit(share)) < 0.01:
            return new
        share = new
    return share


def solve_run(c: Candidates, people: int, threshold: float, estimate_at: float) -> Candidates:
    """A run's pairs from `threshold` up, one-to-one, once its prior has the overlap estimated
    at `estimate_at` (the calibrated cut, so that a caller's threshold cannot move it)."""
    share = estimate_overlap(c, people, estimate_at)
    return solve(shifted(c, overlap_shift(share)), threshold)
