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
from .score import (
    PREVIEW_MARGIN,
    RareArray,
    from_score,
    log_odds_words,
    pair_log_odds,
    preview_layout,
    rarity,
    size_shift,
    to_score,
)

__all__ = ["Candidates", "Comparison", "candidates", "similarity"]

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


class Comparison:
    """Two encoded files made ready to be scored, once: their words laid out word first (every
    operation then runs along long contiguous rows) and their records' rarity in their own
    file."""

    def __init__(self, a: EncodedSet, b: EncodedSet, threads: int | None = None) -> None:
        check_comparable(a, b)
        self.a, self.b = a, b
        self.wa = np.ascontiguousarray(a.filters.T)
        self.wb = np.ascontiguousarray(b.filters.T)
        self.ra = rarity(a.filters, a.params)
        self.rb = rarity(b.filters, b.params)
        # the words of the first reading, apart, so that it gathers no more than it reads
        self.first, rows = preview_layout(a.params)
        self.fa = np.ascontiguousarray(self.wa[rows])
        self.fb = np.ascontiguousarray(self.wb[rows])
        self.threads = threads or os.cpu_count() or 1

    def scored(
        self,
        threshold: float,
        shift: float | None = None,
        rows_a: IntArray | None = None,
        rows_b: IntArray | None = None,
    ) -> Candidates:
        """Every pair of records (of `rows_a` and `rows_b`; none: all) that shares a block and
        scores from `threshold` up, each once, with the prior `shift` (none: the size of the
        run, `score.size_shift`)."""
        keys_a = self.a.blocks if rows_a is None else self.a.blocks[rows_a]
        keys_b = self.b.blocks if rows_b is None else self.b.blocks[rows_b]
        comparisons, blocks = shared_blocks(keys_a, keys_b)
        if shift is None:
            shift = size_shift(min(len(keys_a), len(keys_b)), comparisons)
        pairs = (
            (
                blk.a if rows_a is None else rows_a[blk.a],
                blk.b if rows_b is None else rows_b[blk.b],
            )
            for blk in blocks
        )
        results = _run(_jobs(_Scorer(self, threshold, shift), pairs), self.threads)
        if not results:
            empty = np.empty(0, dtype=np.int64)
            return Candidates(empty, empty, np.empty(0), comparisons, shift)
        pa = np.concatenate([r[0] for r in results])
        pb = np.concatenate([r[1] for r in results])
        sc = np.concatenate([r[2] for r in results])
        # the same pair may share several blocks
        _, first = np.unique(pa * len(self.b) + pb, return_index=True)
        return Candidates(pa[first], pb[first], sc[first], comparisons, shift)


class _Scorer:
    """Scores pairs in two readings: a first one from a few words of each name
    (`score.PREVIEW_WORDS`), and the full one for the pairs whose first reading comes within
    `score.PREVIEW_MARGIN` of the threshold's log-odds."""

    def __init__(self, c: Comparison, threshold: float, shift: float) -> None:
        self.c = c
        self.params = c.a.params
        self.threshold = threshold
        self.shift = shift
        self.near = float(from_score(np.asarray(threshold))) - PREVIEW_MARGIN

    def pairs(self, pa: IntArray, pb: IntArray) -> tuple[IntArray, IntArray, FloatArray]:
        c = self.c
        first = log_odds_words(
            c.fa[:, pa], c.fb[:, pb], c.first, self.shift, c.ra[:, pa], c.rb[:, pb], preview=True
        )
        near = first >= self.near
        return self._full(pa[near], pb[near])

    def block(self, ia: IntArray, ib: IntArray) -> tuple[IntArray, IntArray, FloatArray]:
        """Every record of ia against every record of ib, without repeating their words in the
        first reading."""
        c = self.c
        xw = c.fa[:, ia][:, :, None]
        yw = c.fb[:, ib][:, None, :]
        rx = c.ra[:, ia][:, :, None]
        ry = c.rb[:, ib][:, None, :]
        first = log_odds_words(xw, yw, c.first, self.shift, rx, ry, preview=True)
        r, col = np.nonzero(first >= self.near)
        return self._full(ia[r], ib[col])

    def _full(self, pa: IntArray, pb: IntArray) -> tuple[IntArray, IntArray, FloatArray]:
        c = self.c
        sc = to_score(
            log_odds_words(
                c.wa[:, pa], c.wb[:, pb], self.params, self.shift, c.ra[:, pa], c.rb[:, pb]
            )
        )
        keep = sc >= self.threshold
        return pa[keep], pb[keep], sc[keep]


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
    comparison: Comparison | None = None,
) -> Candidates:
    """All pairs sharing a block whose similarity reaches the threshold, best `top_k` per record
    of A (`comparison`: the files made ready already)."""
    return best_of_each((comparison or Comparison(a, b, threads)).scored(threshold), top_k)


def best_of_each(c: Candidates, top_k: int) -> Candidates:
    """The best `top_k` pairs of each record of A, ordered by record, then best first."""
    pa, pb, sc = c.a, c.b, c.score
    order = np.lexsort((pb, -sc, pa))
    pa, pb, sc = pa[order], pb[order], sc[order]
    starts = np.searchsorted(pa, pa, side="left")
    rank = np.arange(len(pa)) - starts
    keep = rank < top_k
    return Candidates(pa[keep], pb[keep], sc[keep], c.comparisons, c.shift)
