"""How far the cross-script set can be linked at all: a classifier that reads the plaintext.

    .venv-bench/bin/python bench/linkage_ceiling.py [--seed 2026]

The benchmark's own cross-script set (5 000 shared people, 2 500 in each file only; 7 500
records a side) is linked by the engine from its encodings. This script asks what a linker that
saw the names themselves would reach on the same set, so that the engine's F1 can be read
against what the data allows. Everything it reads is synthetic.

- Pairs: the pairs that the engine's blocking compares and that score from 0.01 (the same
  candidates the engine solves; they hold 99 % of the true pairs).
- Features: the engine's score of the pair, and, from the plaintext: Jaro–Winkler similarity of
  the normalised given names, of the fathers' names and of the best father's or family name
  pair; the exact difference of the birth years; whether the birth dates, sexes and places
  agree; whether the Afghan year is a multiple of five (estimated ages heap there); how many
  records of both files give the same given name; how many lineage names each record gives.
- Classifier: scikit-learn's gradient-boosted trees, trained on two other seeded sets of the
  same shape (seeds 11 and 12), never on the set it is scored on.
- The classifier's probabilities go through the engine's own belief propagation on the
  one-to-one constraint (`solve.discount_ambiguity`), and pairs are taken greedily one to one,
  best first, from the threshold of a sweep that gives the best F1 (which favours the
  classifier).

Needs the benchmark's environment (`bench/requirements-bench.txt`: scikit-learn, jellyfish).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from linkage_bench import f1, fmt_f1  # noqa: E402

from panj.linkage.engine import Secret, encode_people, link  # noqa: E402
from panj.linkage.engine.compare import Candidates, Comparison  # noqa: E402
from panj.linkage.engine.generate import CrossScriptSet, cross_script_set  # noqa: E402
from panj.linkage.engine.normalise import father_key, lineage_key, name_key, place_key  # noqa: E402
from panj.linkage.engine.solve import discount_ambiguity, greedy_one_to_one  # noqa: E402

SHARED = 5_000
TRAIN_SEEDS = (11, 12)
THRESHOLDS = (0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
FEATURES = (
    "engine score",
    "given names (Jaro-Winkler)",
    "best father's or family names",
    "fathers' names",
    "birth year difference",
    "same birth date",
    "same sex",
    "places",
    "Afghan year a multiple of 5",
    "given name's frequency, file A",
    "given name's frequency, file B",
    "lineage names, file A",
    "lineage names, file B",
)


def _first(forms: tuple[str, ...]) -> str:
    return forms[0] if forms else ""


def _similar(a: str, b: str) -> float:
    import jellyfish

    return -1.0 if not a or not b else float(jellyfish.jaro_winkler_similarity(a, b))


def pairs(seed: int, secret: Secret) -> tuple[CrossScriptSet, Candidates, np.ndarray, np.ndarray]:
    """A seeded set, its candidate pairs, their features and whether each is a true pair."""
    cs = cross_script_set(SHARED, SHARED // 2, SHARED // 2, seed=seed)
    a, b = encode_people(cs.a, secret), encode_people(cs.b, secret)
    c = Comparison(a, b).scored(0.01)
    given_a = [_first(name_key(p.given_name).forms) for p in cs.a]
    given_b = [_first(name_key(p.given_name).forms) for p in cs.b]
    lineage_a = [lineage_key(p.father_name, p.family_name).forms for p in cs.a]
    lineage_b = [lineage_key(p.father_name, p.family_name).forms for p in cs.b]
    father_a = [_first(father_key(p.father_name).forms) for p in cs.a]
    father_b = [_first(father_key(p.father_name).forms) for p in cs.b]
    frequency = Counter(given_a + given_b)
    rows: list[list[float]] = []
    for i, j, score in zip(c.a.tolist(), c.b.tolist(), c.score.tolist(), strict=True):
        p, q = cs.a[i], cs.b[j]
        lineage = [_similar(x, y) for x in lineage_a[i] for y in lineage_b[j]]
        place = -1.0
        if p.place and q.place:
            place = _similar(_first(place_key(p.place).forms), _first(place_key(q.place).forms))
        rows.append(
            [
                score,
                _similar(given_a[i], given_b[j]),
                max(lineage, default=-1.0),
                _similar(father_a[i], father_b[j]),
                -1.0 if p.year is None or q.year is None else abs(p.year - q.year),
                -1.0 if not p.birth_date or not q.birth_date else p.birth_date == q.birth_date,
                -1.0 if not p.sex or not q.sex else p.sex == q.sex,
                place,
                -1.0 if p.birth_year is None else p.birth_year % 5 == 0,
                frequency[given_a[i]],
                frequency[given_b[j]],
                len(lineage_a[i]),
                len(lineage_b[j]),
            ]
        )
    truth = np.array(
        [
            (cs.a[i].id, cs.b[j].id) in cs.links
            for i, j in zip(c.a.tolist(), c.b.tolist(), strict=True)
        ]
    )
    return cs, c, np.array(rows, dtype=np.float64), truth


def best_f1(cs: CrossScriptSet, c: Candidates, prob: np.ndarray) -> tuple[float, ...]:
    """(F1, precision, recall, threshold) at the threshold of the sweep with the best F1."""
    best: tuple[float, ...] = (0.0,)
    prob = discount_ambiguity(Candidates(c.a, c.b, prob, 0, 0.0)).score
    for t in THRESHOLDS:
        keep = prob >= t
        g = greedy_one_to_one(Candidates(c.a[keep], c.b[keep], prob[keep], 0, 0.0))
        found = {(cs.a[i].id, cs.b[j].id) for i, j in zip(g.a.tolist(), g.b.tolist(), strict=True)}
        p, r, f = f1(found, set(cs.links))
        best = max(best, (f, p, r, t))
    return best


def main(argv: list[str] | None = None) -> int:
    from sklearn.ensemble import HistGradientBoostingClassifier

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    secret = Secret.generate()
    train = [pairs(seed, secret) for seed in TRAIN_SEEDS]
    x_train = np.vstack([t[2] for t in train])
    y_train = np.concatenate([t[3] for t in train])
    cs, c, x, _truth = pairs(args.seed, secret)
    a, b = encode_people(cs.a, secret), encode_people(cs.b, secret)
    engine = f1({(m.a_id, m.b_id) for m in link(a, b)}, set(cs.links))
    print(f"cross-script set, seed {args.seed}: {len(cs.a):,} × {len(cs.b):,}")
    print(f"engine, from encodings, default threshold: F1 {fmt_f1(engine)}")

    def fitted(columns: list[int]) -> Any:
        model = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.1, random_state=0)
        return model.fit(x_train[:, columns], y_train).predict_proba(x[:, columns])[:, 1]

    every = list(range(len(FEATURES)))
    for label, columns in (
        ("classifier on the engine score alone", [0]),
        ("classifier on the score and the plaintext", every),
    ):
        f, p, r, t = best_f1(cs, c, fitted(columns))
        print(f"{label}: F1 {f:.4f} (P {p:.3f}, R {r:.3f}) at its best threshold {t}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
