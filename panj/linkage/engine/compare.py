"""Similarity of encodings, computed only within blocks, tiled and threaded.

With balanced filters every encoding has the same number of ones, so the Dice coefficient of two
encodings is 1 − h / bits, h being their Hamming distance: `np.bitwise_count` over the XOR of
their packed 64-bit words.

Two stages keep it fast. The permutation makes every 64-bit word a random sample of the filter,
so the first `PREFILTER_WORDS` words estimate the similarity of a pair at a quarter of the cost;
only pairs whose estimate is within `PREFILTER_MARGIN` of the threshold (about three and a half
standard deviations of the estimate) are scored on all words. Blocks are compared as tiles of
`TILE_ROWS` × `TILE_COLS` records so that the working set stays in cache; numpy releases the GIL
inside each operation, so tiles run on all cores.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial

import numpy as np
import numpy.typing as npt

from .block import shared_blocks
from .encode import EncodedSet, check_comparable

__all__ = ["Candidates", "candidates", "similarity"]

PREFILTER_WORDS = 6
PREFILTER_MARGIN = 0.08
TILE_ROWS = 256
TILE_COLS = 4096
BIG_BLOCK = 1 << 11
PAIR_BATCH = 1 << 21

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


def similarity(x: WordArray, y: WordArray) -> FloatArray:
    """Dice similarity of rows of x and y (same shape), for balanced encodings."""
    bits = x.shape[-1] * 64
    ham = np.bitwise_count(np.bitwise_xor(x, y)).sum(axis=-1, dtype=np.int64)
    return np.asarray(1.0 - ham / bits, dtype=np.float64)


class _Scorer:
    def __init__(self, fa: WordArray, fb: WordArray, threshold: float) -> None:
        self.fa, self.fb = fa, fb
        self.bits = fa.shape[1] * 64
        self.s = min(PREFILTER_WORDS, fa.shape[1])
        # keep pairs whose sampled Hamming distance is at most this
        self.pre_max = int((1.0 - threshold + PREFILTER_MARGIN) * self.s * 64)
        self.full_max = int(np.floor((1.0 - threshold) * self.bits + 1e-9))
        self.survivors = 0

    def _finish(self, pa: IntArray, pb: IntArray) -> tuple[IntArray, IntArray, FloatArray]:
        self.survivors += len(pa)
        ham = np.bitwise_count(self.fa[pa] ^ self.fb[pb]).sum(axis=1, dtype=np.int64)
        keep = ham <= self.full_max
        return pa[keep], pb[keep], 1.0 - ham[keep] / self.bits

    def pairs(self, pa: IntArray, pb: IntArray) -> tuple[IntArray, IntArray, FloatArray]:
        s = self.s
        ham = np.bitwise_count(self.fa[pa, :s] ^ self.fb[pb, :s]).sum(axis=1, dtype=np.int64)
        keep = ham <= self.pre_max
        return self._finish(pa[keep], pb[keep])

    def block(self, ia: IntArray, ib: IntArray) -> tuple[IntArray, IntArray, FloatArray]:
        s = self.s
        a_words = np.ascontiguousarray(self.fa[ia, :s])
        b_words = np.ascontiguousarray(self.fb[ib, :s].T)
        out_a: list[IntArray] = []
        out_b: list[IntArray] = []
        for c0 in range(0, len(ib), TILE_COLS):
            bw = b_words[:, c0 : c0 + TILE_COLS]
            cols = bw.shape[1]
            tmp = np.empty((TILE_ROWS, cols), dtype=np.uint64)
            cnt = np.empty((TILE_ROWS, cols), dtype=np.uint8)
            acc = np.empty((TILE_ROWS, cols), dtype=np.uint16)
            for r0 in range(0, len(ia), TILE_ROWS):
                aw = a_words[r0 : r0 + TILE_ROWS]
                rows = aw.shape[0]
                t, c, a = tmp[:rows], cnt[:rows], acc[:rows]
                a.fill(0)
                for w in range(s):
                    np.bitwise_xor(aw[:, w, None], bw[w][None, :], out=t)
                    np.bitwise_count(t, out=c)
                    np.add(a, c, out=a)
                r, cc = np.nonzero(a <= self.pre_max)
                if len(r):
                    out_a.append(ia[r + r0])
                    out_b.append(ib[cc + c0])
        if not out_a:
            empty = np.empty(0, dtype=np.int64)
            return empty, empty, np.empty(0)
        return self._finish(np.concatenate(out_a), np.concatenate(out_b))


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
    scorer = _Scorer(a.filters, b.filters, threshold)
    jobs: list[Callable[[], tuple[IntArray, IntArray, FloatArray]]] = []
    comparisons = 0
    small_a: list[IntArray] = []
    small_b: list[IntArray] = []
    pending = 0

    def flush() -> None:
        nonlocal pending
        if small_a:
            pa, pb = np.concatenate(small_a), np.concatenate(small_b)
            jobs.append(partial(scorer.pairs, pa, pb))
            small_a.clear()
            small_b.clear()
            pending = 0

    for blk in shared_blocks(a.blocks, b.blocks):
        n = blk.pairs
        comparisons += n
        if n >= BIG_BLOCK:
            jobs.append(partial(scorer.block, blk.a, blk.b))
        else:
            small_a.append(np.repeat(blk.a, len(blk.b)))
            small_b.append(np.tile(blk.b, len(blk.a)))
            pending += n
            if pending >= PAIR_BATCH:
                flush()
    flush()

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
