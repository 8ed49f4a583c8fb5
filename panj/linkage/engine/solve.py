"""One-to-one matching: each record is matched at most once, best pairs first (greedy)."""

from __future__ import annotations

import numpy as np

from .compare import Candidates

__all__ = ["greedy_one_to_one"]


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
    return Candidates(c.a[sel], c.b[sel], c.score[sel], c.comparisons)
