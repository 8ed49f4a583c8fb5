"""Scores of encodings, computed only within blocks, batched and threaded.

Pairs of records that share a blocking key are gathered in batches of `PAIR_BATCH` and scored
field by field (`score.py`): per-field Hamming distances with `np.bitwise_count` over the XOR of
packed 64-bit words, then the weights of the fields both records give. numpy releases the GIL
inside each operation, so batches run on all cores.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial

import numpy as np
import numpy.typing as npt

from .block import shared_blocks
from .encode import EncodedSet, Params, check_comparable
from .score import pair_scores

__all__ = ["Candidates", "candidates", "similarity"]

PAIR_BATCH = 1 << 18

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

    def __len__(self) -> int:
        return len(self.a)


def similarity(x: WordArray, y: WordArray, params: Params | None = None) -> FloatArray:
    """Scores of rows of x and y (same shape), encoded with `params` (the default ones)."""
    xs, ys = np.atleast_2d(x), np.atleast_2d(y)
    out = pair_scores(xs, ys, params or Params())
    return out if x.ndim > 1 else out.reshape(())


class _Scorer:
    def __init__(self, fa: WordArray, fb: WordArray, params: Params, threshold: float) -> None:
        self.fa, self.fb, self.params = fa, fb, params
        self.threshold = threshold

    def pairs(self, pa: IntArray, pb: IntArray) -> tuple[IntArray, IntArray, FloatArray]:
        sc = pair_scores(self.fa[pa], self.fb[pb], self.params)
        keep = sc >= self.threshold
        return pa[keep], pb[keep], sc[keep]


def _batches(blocks: Iterator[tuple[IntArray, IntArray]]) -> Iterator[tuple[IntArray, IntArray]]:
    """All pairs of the blocks, in batches of about PAIR_BATCH."""
    small_a: list[IntArray] = []
    small_b: list[IntArray] = []
    pending = 0
    for ia, ib in blocks:
        rows = max(1, PAIR_BATCH // max(1, len(ib)))
        for r0 in range(0, len(ia), rows):
            part = ia[r0 : r0 + rows]
            small_a.append(np.repeat(part, len(ib)))
            small_b.append(np.tile(ib, len(part)))
            pending += len(part) * len(ib)
            if pending >= PAIR_BATCH:
                yield np.concatenate(small_a), np.concatenate(small_b)
                small_a.clear()
                small_b.clear()
                pending = 0
    if small_a:
        yield np.concatenate(small_a), np.concatenate(small_b)


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
    scorer = _Scorer(a.filters, b.filters, a.params, threshold)
    comparisons = 0

    def blocks() -> Iterator[tuple[IntArray, IntArray]]:
        nonlocal comparisons
        for blk in shared_blocks(a.blocks, b.blocks):
            comparisons += blk.pairs
            yield blk.a, blk.b

    jobs: list[Callable[[], tuple[IntArray, IntArray, FloatArray]]] = [
        partial(scorer.pairs, pa, pb) for pa, pb in _batches(blocks())
    ]

    workers = threads or os.cpu_count() or 1
    if workers > 1 and len(jobs) > 1:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(lambda job: job(), jobs))
    else:
        results = [job() for job in jobs]

    if not results:
        empty = np.empty(0, dtype=np.int64)
        return Candidates(empty, empty, np.empty(0), comparisons)
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
    return Candidates(pa[keep], pb[keep], sc[keep], comparisons)
