"""The score of a pair of encodings: field by field, only on the fields both records give.

An encoding holds one balanced filter per field and a word that says which fields were given
(see `encode.py`). For a pair of records the comparison works, as Fellegi and Sunter's does, on
how much each field agrees:

- a field's agreement is the Dice similarity of its two filters, read from their Hamming
  distance (a balanced filter holds a fixed number of ones);
- names are compared as a set: the given names with each other, and the father's and family
  names of one record with those of the other, the best pair counting (Karimov, a family name
  made from the father's name, meets a father called Karim; an Afghan record with no family
  name meets a Tajik one whose surname comes from the grandfather, through the father's name);
  the names are also read swapped (given name in the other record's father's or family field,
  and back) at a small cost, and the better reading counts;
- two fathers' names that disagree count against the pair whatever the family names say;
- a field missing on either side counts neither for nor against the pair.

Each field adds a weight that rises with its agreement: a piecewise linear function whose
slopes are log-likelihood ratios. The weights were estimated once (logistic regression on
FEBRL4, on one seeded cross-script set and on relatives drawn from it: same father, family
name and place, another given name, as non-matches) and rounded; they are the same for every
data set. The sum is a log-odds, and the score its logistic, shifted so that the calibrated cut
`CUT` sits at 0.5 (the default threshold). The same given name and birth year thus count for
more than a shared common surname.

Everything is computed on encodings laid out word first (`log_odds_words`), by whole arrays:
per pair a few dozen XORs and popcounts of 64-bit words and table look-ups.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .encode import FIELDS, FILL, Params

__all__ = ["CUT", "FEATURES", "KNOTS", "WEIGHTS", "pair_scores"]

#: Agreement levels at which a field's weight changes slope.
KNOTS = (0.45, 0.6, 0.75, 0.9)
#: The fields as the score sees them; `lineage` is the best of the father's and family names
#: against each other.
FEATURES = ("given", "lineage", "year", "date", "sex", "place")
#: Per feature: the weight of being present on both sides, then the slopes above each knot.
WEIGHTS: dict[str, tuple[float, float, float, float, float]] = {
    "given": (-3.2, 8.1, 5.4, 2.8, 0.6),
    "lineage": (-2.4, 7.5, 5.1, 2.6, 0.6),
    "year": (-2.6, 5.6, 3.9, 2.2, 0.8),
    "date": (-0.9, 7.0, 5.3, 3.3, 1.3),
    "sex": (-0.8, -0.2, -0.2, -0.1, 0.0),
    "place": (-3.1, 7.2, 4.9, 2.7, 0.9),
}
INTERCEPT = -5.4
#: Added when both records give a father's name and the two disagree (agreement below the
#: first knot), on top of the names' own weight.
FATHER_CONFLICT = -3.0
#: Added to the names' weight when they are read swapped (given name in the other record's
#: father's or family field, and back).
SWAP = -3.1
#: The log-odds that the default threshold (0.5) stands for.
CUT = -3.5

FloatArray = npt.NDArray[np.float64]
WordArray = npt.NDArray[np.uint64]


def _weight(name: str, agreement: FloatArray) -> FloatArray:
    """A feature's weight; `agreement` is −1 where the feature is missing on either side."""
    w = WEIGHTS[name]
    present = agreement >= 0
    d = np.clip(agreement, 0.0, 1.0)
    out = np.full(d.shape, w[0])
    for k, slope in zip(KNOTS, w[1:], strict=True):
        out += slope * np.maximum(0.0, d - k)
    return np.where(present, out, 0.0)


class _Tables:
    """Per feature, the weight of every possible Hamming distance, and a last entry (0) for a
    feature missing on either side; built once per set of parameters."""

    def __init__(self, params: Params) -> None:
        self.params = params
        segments = params.segments()
        self.starts = np.array([w for _f, w, _n in segments], dtype=np.intp)
        self.name_words = segments[0][2]
        per_bit = 2.0 if params.balanced else 1.0
        self.tables: dict[str, npt.NDArray[np.float32]] = {}
        self.missing: dict[str, int] = {}
        for feature in FEATURES:
            fld = feature if feature in FIELDS else "given"
            stored = params.stored(fld)
            ones = int(getattr(params, fld)) * (1.0 - np.exp(-FILL[fld]))
            dice = 1.0 - np.arange(stored + 1) / (per_bit * 2.0 * ones)
            table = np.append(_weight(feature, np.clip(dice, 0.0, 1.0)), 0.0)
            self.tables[feature] = table.astype(np.float32)
            self.missing[feature] = stored + 1
        names = self.tables["lineage"]
        self.conflict = np.where(names < WEIGHTS["lineage"][0] + 1e-6, FATHER_CONFLICT, 0.0)
        self.conflict[-1] = 0.0
        self.conflict = self.conflict.astype(np.float32)


_TABLES: dict[Params, _Tables] = {}


def _tables(params: Params) -> _Tables:
    hit = _TABLES.get(params)
    if hit is None:
        hit = _TABLES[params] = _Tables(params)
    return hit


def log_odds_words(xw: WordArray, yw: WordArray, params: Params) -> FloatArray:
    """The log-odds of records being the same person, from their encodings laid out word first:
    xw[w] and yw[w] hold word w of the records and broadcast against each other (pairs: both
    of shape (words, n); a grid: (words, ra, 1) and (words, 1, rb)). Word first keeps every
    operation on long contiguous rows."""
    t = _tables(params)
    seg = {f: (w, n) for f, w, n in params.segments()}
    shape = np.broadcast_shapes(xw.shape[1:], yw.shape[1:])
    tmp = np.empty(shape, dtype=np.uint64)
    cnt = np.empty(shape, dtype=np.uint8)
    pw = params.presence_word
    px, py = xw[pw], yw[pw]

    def has(words: WordArray, i: int) -> npt.NDArray[np.bool_]:
        return ((words >> np.uint64(i)) & np.uint64(1)).astype(np.bool_)

    present_x = [has(px, i) for i in range(len(FIELDS))]
    present_y = [has(py, i) for i in range(len(FIELDS))]

    def distance(fa: str, fb: str, missing: int) -> npt.NDArray[np.uint16]:
        """Hamming distance of field fa of x to field fb of y; `missing` where either lacks it."""
        (wa, n), (wb, _n) = seg[fa], seg[fb]
        acc = np.zeros(shape, dtype=np.uint16)
        for k in range(n):
            np.bitwise_xor(xw[wa + k], yw[wb + k], out=tmp)
            np.bitwise_count(tmp, out=cnt)
            np.add(acc, cnt, out=acc)
        both = present_x[FIELDS.index(fa)] & present_y[FIELDS.index(fb)]
        return np.where(both, acc, np.uint16(missing))

    fathers = distance("father", "father", t.missing["lineage"])

    def best(feature: str, pairs: list[tuple[str, str]]) -> npt.NDArray[np.float32]:
        missing = t.missing[feature]
        out = fathers.copy() if pairs[0] == ("father", "father") else distance(*pairs[0], missing)
        for fa, fb in pairs[1:]:
            np.minimum(out, distance(fa, fb, missing), out=out)
        return t.tables[feature][out]

    # names in their fields, or given and father's/family names swapped: the better reading
    lineage = [
        ("father", "father"),
        ("father", "family"),
        ("family", "father"),
        ("family", "family"),
    ]
    straight = best("given", [("given", "given")]) + best("lineage", lineage)
    swapped = best("given", [("given", "father"), ("given", "family")]) + best(
        "lineage", [("father", "given"), ("family", "given")]
    )
    total = np.maximum(straight, swapped + np.float32(SWAP))
    # two fathers' names that disagree: two people, whatever a family name says
    total += t.conflict[fathers]
    total += np.float32(INTERCEPT)
    for f in ("year", "date", "sex", "place"):
        total += t.tables[f][distance(f, f, t.missing[f])]
    return np.asarray(total, dtype=np.float64)


def pair_log_odds(x: WordArray, y: WordArray, params: Params) -> FloatArray:
    """The log-odds of rows of x and y (records, one per row; broadcasting) being the same
    person."""
    return log_odds_words(np.moveaxis(x, -1, 0), np.moveaxis(y, -1, 0), params)


def to_score(log_odds: FloatArray) -> FloatArray:
    """Scores in (0, 1); 0.5 is the calibrated default threshold."""
    return np.asarray(1.0 / (1.0 + np.exp(-(log_odds - CUT))))


def pair_scores(x: WordArray, y: WordArray, params: Params) -> FloatArray:
    """Scores in (0, 1) of rows of x and y; 0.5 is the calibrated default threshold."""
    return to_score(pair_log_odds(x, y, params))
