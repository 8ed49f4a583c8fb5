"""One-to-one matching: each record is matched at most once, best pairs first (greedy).

A pair's score says how likely its two records are the same person when the pair is read on its
own. Within a run, the pairs are not on their own: a record is one person at most, so a pair
whose records have other likely partners is less likely than its score, and a pair whose rival
is itself well explained by another partner loses little to it. `discount_ambiguity` reads the
candidates as a whole in this way: belief propagation on the one-to-one constraint (the sum-
product algorithm for bipartite matching; exact when the candidates form a tree, and close to
it on the sparse graphs that blocking leaves), which gives each pair the odds that it is one of
the run's matches. Two files drawn from the same names hold namesakes (the same given and
father's names, a close birth year); a pair that has close rivals is then less likely than one
that stands alone, in the way a match on a common name says less than a match on a rare one.
It reads only the scores of candidate pairs, never the encodings.

First, `estimate_overlap` finds the share of the smaller file's people that are in the other
file, as the expectation-maximisation of Fellegi–Sunter models estimates the share of matches:
start from the reference share, take the expected number of matches (the sum of the pairs'
odds read as probabilities), and again, until it holds still; that leans towards a half, by a
measured line that the estimate reads back (`OVERLAP_SLOPE`). The run's prior follows it
(`score.overlap_shift`): two files that share few people give every pair lower odds, which
keeps namesakes of people in one file only from being taken for them; files that share nearly
everyone accept weaker pairs.

Last, `complete` looks among the records left unmatched on both sides, when the files share
nearly everyone, for pairs that stand out from what chance gives (see there).
"""

from __future__ import annotations

import math

import numpy as np

from .compare import Candidates, Comparison, best_of_each
from .score import (
    OVERLAP_REFERENCE,
    FloatArray,
    from_score,
    logit,
    overlap_shift,
    score_odds,
    to_score,
)

__all__ = [
    "AMBIGUITY_FLOOR",
    "REST_FDR",
    "complete",
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
#: Rounds of belief propagation, and how much of its last value each message keeps (damping,
#: which keeps the messages from swinging on the cycles of the graph); after 20 rounds the
#: matches of the calibration sets no longer change.
BP_ROUNDS = 20
BP_DAMPING = 0.5
#: Odds above this (in log) are taken as this: such a pair is its records' partner whatever it
#: meets, and larger values would only lose the rivals' odds in rounding.
BP_CAP = 30.0
#: The bounds of an estimated overlap, and when its estimate holds still.
OVERLAP_BOUNDS = (0.02, 0.98)
OVERLAP_ROUNDS = 10
#: The expected number of matches leans towards a half: pairs of namesakes add to it in files
#: that share few people, and shared people whom no pair shows take from it in files that share
#: many. On the training sets of the weights (`bench/linkage_fit.py`, two secrets),
#: logit(expected share) = OVERLAP_SLOPE · logit(true share) + OVERLAP_OFFSET, closely (0.12
#: for 0.1, 0.62 to 0.65 for 2/3, 0.85 for 0.9); the estimate is that line read back.
OVERLAP_SLOPE = 0.86
OVERLAP_OFFSET = -0.07
#: The false discovery rate at which `complete` takes pairs of the records left unmatched, at
#: the default threshold (a caller's threshold t stands for REST_FDR · (1 − t) / t). Chosen for
#: F1 on seeded cross-script files that share everyone (not the benchmark's) and on FEBRL4: at
#: 0.1 it takes three quarters of FEBRL4's pairs and almost none of the others, above 0.3 F1
#: barely moves. The rate is an average over the pairs taken; the last pair taken is likelier
#: wrong than that.
REST_FDR = 0.3
#: The log-odds (with no prior) under which `complete` neither takes a pair nor counts it.
REST_FLOOR = -12.0
#: `complete` looks for more pairs once this share of the smaller file is matched: it is for
#: files that share nearly everyone. Below it the records left are mostly people in one file
#: only, and the search would cost up to as much as the first comparison for nothing (on every
#: seeded cross-script set matched below 0.8, it took no pair).
REST_FROM = 0.8
#: The best pairs of each record left that `complete` reads.
REST_TOP = 10
#: At most this many matched records of each file are read for what chance gives (evenly
#: spaced; a file's order says nothing of its people).
NULL_RECORDS = 5_000


def _log_odds(c: Candidates) -> FloatArray:
    """The log-odds that the candidates' scores stand for."""
    return from_score(c.score)


def discount_ambiguity(c: Candidates) -> Candidates:
    """The candidates with each score replaced by the probability that the pair is one of the
    run's matches once every record is matched at most once (belief propagation).

    A score s stands for odds o = s / (1 − s) (the default threshold for odds of 1). For a pair
    (i, j), the message r(i→j) is the probability that record i, leaving j aside, is free:
    1 / (1 + Σₖ o(i,k) · r(k→i)), over i's other candidates k, and r(j→i) alike. On a tree the
    pair's odds of being matched are then exactly o(i,j) · r(i→j) · r(j→i): a rival k lowers
    (i, j) by as much as k itself is free, so a rival that has a better partner of its own
    costs little, and a pair with nobody else keeps its score."""
    if len(c) == 0:
        return c
    log_odds = score_odds(c.score)
    odds = np.exp(np.minimum(log_odds, BP_CAP))
    size_a, size_b = int(c.a.max()) + 1, int(c.b.max()) + 1
    # log r(i→j) and log r(j→i), per pair
    free_a = np.zeros(len(c))
    free_b = np.zeros(len(c))
    for _ in range(BP_ROUNDS):
        # what each record's other candidates claim of it, through the other side's messages
        via_b = odds * np.exp(free_b)
        rivals_a = np.bincount(c.a, weights=via_b, minlength=size_a)[c.a] - via_b
        via_a = odds * np.exp(free_a)
        rivals_b = np.bincount(c.b, weights=via_a, minlength=size_b)[c.b] - via_a
        free_a = BP_DAMPING * free_a - (1.0 - BP_DAMPING) * np.log1p(np.maximum(rivals_a, 0.0))
        free_b = BP_DAMPING * free_b - (1.0 - BP_DAMPING) * np.log1p(np.maximum(rivals_b, 0.0))
    adjusted = log_odds + free_a + free_b
    return Candidates(c.a, c.b, 1.0 / (1.0 + np.exp(-adjusted)), c.comparisons, c.shift)


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


def estimate_overlap(c: Candidates, people: int) -> float:
    """The share of the smaller file's `people` who are in the other file: the expected number
    of matches (the sum of the pairs' probabilities, `discount_ambiguity`) when the run's prior
    assumes that share (a fixed point, from the reference), read back through that number's
    measured lean towards a half (`OVERLAP_SLOPE`, `OVERLAP_OFFSET`)."""
    low, high = OVERLAP_BOUNDS
    share = OVERLAP_REFERENCE
    if people <= 0 or len(c) == 0:
        return low
    for _ in range(OVERLAP_ROUNDS):
        expected = float(discount_ambiguity(shifted(c, overlap_shift(share))).score.sum())
        new = min(high, max(low, expected / people))
        held, share = abs(logit(new) - logit(share)) < 0.01, new
        if held:
            break
    read_back = 1.0 / (1.0 + math.exp(-(logit(share) - OVERLAP_OFFSET) / OVERLAP_SLOPE))
    return min(high, max(low, read_back))


def solve_run(c: Candidates, people: int, threshold: float) -> Candidates:
    """A run's pairs from `threshold` up, one-to-one, once its prior has the overlap estimated
    (which no threshold moves)."""
    share = estimate_overlap(c, people)
    return solve(shifted(c, overlap_shift(share)), threshold)


def complete(c: Comparison, taken: Candidates, threshold: float) -> Candidates:
    """Pairs of the records that `taken` leaves unmatched on both sides, one-to-one, which stand
    out from what chance gives, at a false discovery rate (Benjamini and Hochberg's procedure).

    What chance gives is read from the files themselves: the pairs of an unmatched record with
    records that are matched to someone else, which are not its partner. Among the unmatched,
    the k-th best pair of log-odds x is expected to be joined by n_A · n_B · q(x) pairs of
    strangers, q(x) the share of such null pairs that reach x; it is taken when that is at most
    REST_FDR · k for it or a pair below it. Files that share nearly everyone leave records whose
    partner was typed so differently that no single pair looks like one person (another given
    name, another birth date, the same family name and suburb), yet the two stand out from every
    other pair among what is left; in files drawn from the same names, namesakes of people in
    one file reach the same scores with the matched records and nothing is taken. The score of
    a pair taken is REST_FDR / (REST_FDR + its q-value): 0.5 at REST_FDR."""
    empty = Candidates(np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0), 0, 0.0)
    if len(taken) == 0 or len(taken) < REST_FROM * min(len(c.a), len(c.b)):
        return empty
    matched_a = np.zeros(len(c.a), dtype=np.bool_)
    matched_b = np.zeros(len(c.b), dtype=np.bool_)
    matched_a[taken.a] = True
    matched_b[taken.b] = True
    rest_a, rest_b = np.flatnonzero(~matched_a), np.flatnonzero(~matched_b)
    if len(rest_a) == 0 or len(rest_b) == 0:
        return empty
    held_a, held_b = (
        held[:: -(-len(held) // NULL_RECORDS)]
        for held in (np.flatnonzero(matched_a), np.flatnonzero(matched_b))
    )
    floor = float(to_score(np.asarray(REST_FLOOR)))
    best = greedy_one_to_one(best_of_each(c.scored(floor, 0.0, rest_a, rest_b), REST_TOP))
    if len(best) == 0:
        return empty
    null = np.sort(
        np.concatenate(
            [
                _log_odds(c.scored(floor, 0.0, rest_a, held_b)),
                _log_odds(c.scored(floor, 0.0, held_a, rest_b)),
            ]
        )
    )
    null_pairs = len(rest_a) * len(held_b) + len(held_a) * len(rest_b)
    reached = len(null) - np.searchsorted(null, _log_odds(best), side="left")
    expected = len(rest_a) * len(rest_b) * (reached + 1) / (null_pairs + 1)
    fdr = expected / np.arange(1, len(best) + 1)
    q_value = np.minimum.accumulate(fdr[::-1])[::-1]
    score = REST_FDR / (REST_FDR + q_value)
    keep = score >= threshold
    return Candidates(best.a[keep], best.b[keep], score[keep], best.comparisons, 0.0)
