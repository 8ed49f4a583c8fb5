"""Scores of encodings, computed only within blocks, batched and threaded.

Pairs of records that share a blocking key are gathered in batches of `PAIR_BATCH` and scored
field by field (`score.py`): per-field Hamming distances with `np.bitwise_count` over the XOR of
packed 64-bit words, then the weights of the fields both records give. numpy releases the GIL
inside each operation, so batches run on all cores.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial

import numpy as np
import numpy.typing as npt

from .block import shared_blocks
from .encode import EncodedSet, Params, check_comparable
from .score import RareArray, log_odds_words, pair_log_odds, rarity, size_shift, to_score

__all__ = ["Candidates", "candidates", "similarity"]

PAIR_BATCH = 1 << 12
BIG_BLOCK = 1 << 14
GRID = 1 << 16

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
WordArray = npt.NDArray[np.uint64]


@dataclass(slots=True)
class Candidates:
    """Pairs of records (row in A, row in B) at or above the threshold, with their score."""

    a: IntArray
    b: IntArray
    score: FloatArray
    comparisons: int = 0
    #: the log-odds added to every pair by the run's prior (`score.size_shift`, then
    #: `score.overlap_shift`)
    shift: float = 0.0

    def __len__(self) -> int:
        return len(self.a)


def similarity(
    x: WordArray,
    y: WordArray,
    params: Params | None = None,
    shift: float = 0.0,
    rare_x: RareArray | None = None,
    rare_y: RareArray | None = None,
) -> FloatArray:
    """Scores of rows of x and y (same shape), encoded with `params` (the default ones), in a
    run whose files give the log-odds `shift` (none: files of the calibration sets' size) and
    whose records have the rarity `rare_x` and `rare_y` (`score.rarity`; none: no adjustment)."""
    xs, ys = np.atleast_2d(x), np.atleast_2d(y)
    out = to_score(pair_log_odds(xs, ys, params or Params(), shift, rare_x, rare_y))
    return out if x.ndim > 1 else out.reshape(())


class _Scorer:
    def __init__(
        self, fa: WordArray, fb: WordArray, params: Params, threshold: float, shift: float
    ) -> None:
        # word first: every operation then runs along long contiguous rows
        self.wa = np.ascontiguousarray(fa.T)
        self.wb = np.ascontiguousarray(fb.T)
        self.ra = rarity(fa, params)
        self.rb = rarity(fb, params)
        self.params = params
        self.threshold = threshold
        self.shift = shift

    def pairs(self, pa: IntArray, pb: IntArray) -> tuple[IntArray, IntArray, FloatArray]:
        sc = to_score(
            log_odds_words(
                self.wa[:, pa],
                self.wb[:, pb],
                self.params,
                self.shift,
                self.ra[:, pa],
                self.rb[:, pb],
            )
        )
        keep = sc >= self.threshold
        return pa[keep], pb[keep], sc[keep]

    def block(self, ia: IntArray, ib: IntArray) -> tuple[IntArray, IntArray, FloatArray]:
        """Every record of ia against every record of ib, without repeating their words."""
        xw = self.wa[:, ia][:, :, None]
        yw = self.wb[:, ib][:, None, :]
        rx = self.ra[:, ia][:, :, None]
        ry = self.rb[:, ib][:, None, :]
        sc = to_score(log_odds_words(xw, yw, self.params, self.shift, rx, ry))
        r, c = np.nonzero(sc >= self.threshold)
        return ia[r], ib[c], sc[r, c]


Job = Callable[[], tuple[IntArray, IntArray, FloatArray]]


def _jobs(scorer: _Scorer, blocks: Iterator[tuple[IntArray, IntArray]]) -> Iterator[Job]:
    """Big blocks as grids of about PAIR_BATCH pairs; small ones gathered into batches."""
    small_a: list[IntArray] = []
    small_b: list[IntArray] = []
    pending = 0
    for ia, ib in blocks:
        n = len(ia) * len(ib)
        if n >= BIG_BLOCK:
            rows = max(1, GRID // len(ib))
            for r0 in range(0, len(ia), rows):
                yield partial(scorer.block, ia[r0 : r0 + rows], ib)
            continue
        small_a.append(np.repeat(ia, len(ib)))
        small_b.append(np.tile(ib, len(ia)))
        pending += n
        if pending >= PAIR_BATCH:
            yield partial(scorer.pairs, np.concatenate(small_a), np.concatenate(small_b))
            small_a.clear()
            small_b.clear()
            pending = 0
    if small_a:
        yield partial(scorer.pairs, np.concatenate(small_a), np.concatenate(small_b))


def _run(jobs: Iterator[Job], workers: int) -> list[tuple[IntArray, IntArray, FloatArray]]:
    """Run the jobs on `workers` threads, never more than a few of them waiting at a time."""
    if workers <= 1:
        return [job() for job in jobs]
    results: list[tuple[IntArray, IntArray, FloatArray]] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        running: deque[Future[tuple[IntArray, IntArray, FloatArray]]] = deque()
        for job in jobs:
            running.append(pool.submit(job))
            if len(running) >= 2 * workers:
                results.append(running.popleft().result())
        results.extend(f.result() for f in running)
    return results


def candidates(
    a: EncodedSet,
    b: EncodedSet,
    threshold: float,
    *,
    threads: int | None = None,
    top_k: int = 10,
) -> Candidates:
    """All pairs sharing a block whose similarity reaches the threshold, best `top_k` per record."""
    check_comparable(a, b)
    comparisons, blocks = shared_blocks(a.blocks, b.blocks)
    shift = size_shift(min(len(a), len(b)), comparisons)
    scorer = _Scorer(a.filters, b.filters, a.params, threshold, shift)
    pairs = ((blk.a, blk.b) for blk in blocks)

    results = _run(_jobs(scorer, pairs), threads or os.cpu_count() or 1)

    if not results:
        empty = np.empty(0, dtype=np.int64)
        return Candidates(empty, empty, np.empty(0), comparisons, shift)
    pa = np.concatenate([r[0] for r in results])
    pb = np.concatenate([r[1] for r in results])
    sc = np.concatenate([r[2] for r in results])
    # the same pair may share several blocks
    _, first = np.unique(pa * len(b) + pb, return_index=True)
    pa, pb, sc = pa[first], pb[first], sc[first]
    # best top_k per record of A
    order = np.lexsort((pb, -sc, pa))
    pa, pb, sc = pa[order], pb[order], sc[order]
    starts = np.searchsorted(pa, pa, side="left")
    rank = np.arange(len(pa)) - starts
    keep = rank < top_k
    return Candidates(pa[keep], pb[keep], sc[keep], comparisons, shift)
