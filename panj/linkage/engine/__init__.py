"""Privacy-preserving record linkage across scripts: normalise, encode, block, compare, solve.

Pure Python and numpy; no Django. The public API:

    secret = Secret.generate()
    a = encode_people(people_a, secret)          # EncodedSet: ids and encodings only
    b = encode_people(people_b, secret)
    for match in link(a, b):                    # one-to-one, best first
        match.a_id, match.b_id, match.score
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .compare import Candidates, Comparison, candidates
from .encode import EncodedSet, Encoder, EncodingError, Params, encode_people
from .keys import KeyError_, Secret
from .records import COLUMNS, Person, RecordError, parse_people, read_people
from .solve import AMBIGUITY_FLOOR, complete, solve_run

__all__ = [
    "COLUMNS",
    "DEFAULT_THRESHOLD",
    "Candidates",
    "EncodedSet",
    "Encoder",
    "EncodingError",
    "KeyError_",
    "Match",
    "Params",
    "Person",
    "RecordError",
    "Secret",
    "encode_people",
    "link",
    "parse_people",
    "read_people",
]

#: Score from which two encodings are taken for the same person. A score is the logistic of the
#: pair's log-odds (`score.py`), shifted so that the calibrated cut sits at 0.5: unrelated
#: people score near 0, identical records near 1. Calibrated once, not per data set (the
#: weights on FEBRL4 and seven seeded cross-script sets; the cut on seven other seeded sets and
#: FEBRL4); what each run adapts by itself is its prior, from the size of the files and the
#: share of people they hold in common (estimated from the pairs' probabilities, which no
#: threshold moves). A pair's reported score is its probability once every record is matched
#: at most once (`solve.discount_ambiguity`): a pair with close rivals scores less than its
#: fields alone say. A pair found among the records left unmatched (`solve.complete`) scores
#: 0.5 at the false discovery rate `solve.REST_FDR`.
#: Lower it to find more pairs for review at the price of more namesakes; raise it to report
#: fewer.
DEFAULT_THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class Match:
    a_id: str
    b_id: str
    score: float


def link(
    a: EncodedSet,
    b: EncodedSet,
    threshold: float = DEFAULT_THRESHOLD,
    *,
    threads: int | None = None,
) -> list[Match]:
    """Probable shared people of two encoded files, one-to-one, best first."""
    comparison = Comparison(a, b, threads)
    # competitors, and pairs that a larger overlap lifts, are read below the threshold
    found = candidates(a, b, min(threshold, AMBIGUITY_FLOOR), comparison=comparison)
    pairs = solve_run(found, min(len(a), len(b)), threshold)
    rest = complete(comparison, pairs, threshold)
    ia = np.concatenate([pairs.a, rest.a])
    ib = np.concatenate([pairs.b, rest.b])
    score = np.concatenate([pairs.score, rest.score])
    order = np.argsort(-score, kind="stable")
    return [
        Match(a.ids[i], b.ids[j], float(s))
        for i, j, s in zip(
            ia[order].tolist(), ib[order].tolist(), score[order].tolist(), strict=True
        )
    ]
