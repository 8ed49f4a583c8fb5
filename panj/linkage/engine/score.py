"""The score of a pair of encodings: field by field, only on the fields both records give.

An encoding holds one balanced filter per field and a word that says which fields were given
(see `encode.py`). For a pair of records the comparison works, as Fellegi and Sunter's does, on
how much each field agrees:

- a field's agreement is the Dice similarity of its two filters, read from their Hamming
  distance (balanced filters hold a fixed number of ones);
- names are compared as a set, in any order: the given names with each other; the father's and
  family names of one record with those of the other, the best pair counting (Karimov, a family
  name made from the father's name, meets a father called Karim; an Afghan record with no family
  name meets a Tajik one whose surname comes from the grandfather through the father's name);
  and a given name found in the other record's father or family field (names swapped) counts
  a little;
- a field missing on either side counts neither for nor against the pair.

Each field adds a weight that rises with its agreement: a piecewise linear function whose
slopes are log-likelihood ratios. The weights were estimated once (logistic regression on
FEBRL4 and on one seeded cross-script set, then rounded) and are the same for every data set;
the sum is a log-odds, and the score is its logistic, shifted so that `CUT` (the calibrated
default) sits at 0.5. The same given name and birth year thus count for more than a shared
common surname, and a disagreeing father's name counts against the pair.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .encode import FIELDS, FILL, NAMES, Params

__all__ = ["CUT", "FEATURES", "KNOTS", "WEIGHTS", "pair_scores"]

#: Agreement levels at which a field's weight changes slope.
KNOTS = (0.45, 0.6, 0.75, 0.9)
#: The fields as the score sees them; `lineage` is the best of the father's and family names
#: against each other, `cross` a given name met in the other record's father or family field.
FEATURES = ("given", "lineage", "cross", "year", "date", "sex", "place")
#: Per feature: the weight of being present on both sides, then the slopes above each knot.
WEIGHTS: dict[str, tuple[float, float, float, float, float]] = {
    "given": (-2.2, 7.5, 5.2, 3.0, 0.9),
    "lineage": (-2.1, 7.0, 4.9, 2.8, 0.9),
    "cross": (-3.2, -0.4, 0.1, 0.2, 0.1),
    "year": (-2.3, 5.7, 4.1, 2.5, 1.0),
    "date": (-0.8, 7.2, 5.4, 3.4, 1.4),
    "sex": (-1.2, 0.4, 0.3, 0.2, 0.1),
    "place": (-2.8, 6.7, 4.8, 2.8, 1.0),
}
INTERCEPT = -3.4
#: The log-odds that the default threshold (0.5) stands for.
CUT = -3.0

IntArray = npt.NDArray[np.int64]
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


class _Pairs:
    def __init__(self, x: WordArray, y: WordArray, params: Params) -> None:
        self.x, self.y, self.params = x, y, params
        self.seg = {f: (w, n) for f, w, n in params.segments()}
        pw = params.presence_word
        self.px, self.py = x[:, pw], y[:, pw]

    def _has(self, words: WordArray, fld: str) -> npt.NDArray[np.bool_]:
        return ((words >> np.uint64(FIELDS.index(fld))) & np.uint64(1)).astype(np.bool_)

    def agreement(self, fa: str, fb: str) -> FloatArray:
        """Dice similarity of field fa of x and field fb of y; −1 where either is missing."""
        (wa, n), (wb, _n) = self.seg[fa], self.seg[fb]
        ham = np.bitwise_count(self.x[:, wa : wa + n] ^ self.y[:, wb : wb + n]).sum(
            axis=1, dtype=np.int64
        )
        size = int(getattr(self.params, fa))
        ones = size * (1.0 - np.exp(-FILL[fa]))  # expected ones of one filter
        per_bit = 2.0 if self.params.balanced else 1.0
        dice = 1.0 - ham / (per_bit * 2.0 * ones)
        both = self._has(self.px, fa) & self._has(self.py, fb)
        return np.where(both, np.clip(dice, 0.0, 1.0), -1.0)


def pair_log_odds(x: WordArray, y: WordArray, params: Params) -> FloatArray:
    """The log-odds of rows of x and y (same shape) being the same person."""
    p = _Pairs(x, y, params)
    total = np.full(len(x), INTERCEPT)
    total += _weight("given", p.agreement("given", "given"))
    lineage = np.max(
        [p.agreement(a, b) for a in NAMES[1:] for b in NAMES[1:]],
        axis=0,
    )
    total += _weight("lineage", lineage)
    cross = np.max(
        [p.agreement("given", b) for b in NAMES[1:]] + [p.agreement(a, "given") for a in NAMES[1:]],
        axis=0,
    )
    total += _weight("cross", cross)
    for f in ("year", "date", "sex", "place"):
        total += _weight(f, p.agreement(f, f))
    return total


def pair_scores(x: WordArray, y: WordArray, params: Params) -> FloatArray:
    """Scores in (0, 1) of rows of x and y; 0.5 is the calibrated default threshold."""
    return np.asarray(1.0 / (1.0 + np.exp(-(pair_log_odds(x, y, params) - CUT))))
