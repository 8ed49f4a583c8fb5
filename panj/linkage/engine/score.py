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
- the two fathers' names count once more on their own, so that two fathers' names that
  disagree count against the pair whatever the family names say;
- a field missing on either side counts neither for nor against the pair.

Each field adds a weight that rises with its agreement: a piecewise linear function whose
slopes are log-likelihood ratios. Some agreements count for more together than apart (`JOINT`):
the same given name and the same father's name are far rarer between two people than either
alone. To the fields a run adds its prior: how many pairs blocking compares for each person who
could be in both files (`size_shift`), and how many people the files share (`overlap_shift`,
estimated per run by `solve.estimate_overlap`).

An agreement on a rare value counts for more than one on a common value (`RARITY`, the
frequency adjustment of Fellegi–Sunter models): how rare a record's given name, father's or
family name and place are is read from its own file, as the share of records whose filter for
that field is exactly the same. Two people who share a suburb that one record in a thousand
gives are likelier the same person than two who share one that every tenth record gives. And a
value that nobody else in its file holds is often a common one mistyped, so that a partial
agreement with it counts for more (`TYPO`).

The weights were estimated once, by logistic regression on the pairs that blocking compares in
FEBRL4 and in seven seeded cross-script sets of 3 000 to 7 500 records a side that share from
10 % to 90 % of their people (none of them a set the benchmark reports), each set weighing the
same, with each set's true share as a fixed offset; they are rounded and the same for every
data set (`bench/linkage_fit.py` does the fit again and prints them). The sum is a log-odds,
and the score its logistic, shifted so that the calibrated cut `CUT` sits at 0.5 (the default
threshold); `CUT` was chosen on seven other seeded sets (of 10 %, 67 % and 93 % overlap, and
large files sharing half) and FEBRL4 (`bench/linkage_cut.py`).

Everything is computed on encodings laid out word first (`log_odds_words`), by whole arrays:
per pair a few dozen XORs and popcounts of 64-bit words and table look-ups. A pair is read
first from a sample of its words (`preview_layout`), and in full only when that reading comes
near the threshold.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
from numpy.lib.stride_tricks import sliding_window_view

from .encode import FIELDS, FILL, NAMES, Params

__all__ = ["CUT", "FEATURES", "KNOTS", "WEIGHTS", "overlap_shift", "pair_log_odds", "size_shift"]

#: Agreement levels at which a field's weight changes slope.
KNOTS = (0.3, 0.45, 0.6, 0.75, 0.9)
#: The fields as the score sees them; `lineage` is the best of the father's and family names
#: against each other, `father` the two fathers' names alone.
FEATURES = ("given", "lineage", "father", "year", "date", "sex", "place")
#: Per feature: the weight of being present on both sides, then the change of slope at each knot.
WEIGHTS: dict[str, tuple[float, float, float, float, float, float]] = {
    "given": (-4.4, 5.3, 14.4, 4.2, -8.3, -17.3),
    "lineage": (-1.0, -2.8, 8.6, 7.8, 0.6, -9.3),
    "father": (-5.0, 12.1, 4.5, -7.2, -8.0, -8.4),
    "year": (-5.5, 15.7, 5.3, -10.9, -5.8, -2.7),
    "date": (-4.6, 4.4, 8.0, 8.1, 5.4, 2.2),
    # set, not estimated: no training pair of the same person gives two sexes, so the fit
    # makes a conflict all but a veto; a clerk's slip explains one about once in fifty
    # (log 0.02/0.5 ≈ −3)
    "sex": (-3.0, 4.3, 0.0, 0.0, 0.0, 0.0),
    "place": (-5.6, 7.7, 9.3, 5.1, -3.8, -7.6),
}
#: Agreements that count together for more than apart: (feature, feature, weight) on the
#: product of how far each is above `JOINT_KNOT`. A given name together with the father's name
#: is far rarer between two people than either alone.
JOINT_KNOT = 0.6
JOINT: tuple[tuple[str, str, float], ...] = (
    ("given", "lineage", 6.7),
    ("given", "year", 2.8),
    ("lineage", "year", -0.1),
)
#: Added per unit of given-name agreement above `JOINT_KNOT` when the pair shares no father's
#: or family name to go with it (one side gives none).
GIVEN_ALONE = 0.9
#: The log-odds of a pair before any field, in a run of the reference size and overlap below.
INTERCEPT = -10.3
#: The prior of a run has two parts, both added to every pair of the run.
#: Its size: the more pairs blocking compares for each person who could be in both files, the
#: less likely any one of them is the same person (namesakes grow with the files). A run adds
#: SIZE_WEIGHT · (log(people / pairs compared) − SIZE_REFERENCE); SIZE_REFERENCE is that log
#: for the 3 000 × 3 000 calibration sets.
SIZE_WEIGHT = 1.38
SIZE_REFERENCE = -4.9
#: Its overlap: the share of the smaller file's people who are in the other file. The weights
#: were fitted with each training set's true share as a fixed offset (logit(share)); a run
#: estimates its own (`solve.estimate_overlap`) and adds logit(share) − logit(OVERLAP_REFERENCE).
OVERLAP_REFERENCE = 2 / 3
#: Added to the names' weight when they are read swapped (given name in the other record's
#: father's or family field, and back).
SWAP = -3.0
#: The log-odds that the default threshold (0.5) stands for.
CUT = -2.5
#: Rarity, Fellegi and Sunter's frequency adjustment: the same name or place says more when few
#: people hold it. A record's rarity for a feature is −log of the share of its own file that
#: holds exactly the same value (the same filter; for `lineage` the commoner of its father's and
#: family names), shrunk towards `RARITY_REFERENCE` by `RARITY_PRIOR` records so that a small
#: file says little, less log(1 / RARITY_REFERENCE) and at most `RARITY_CAP`. A pair takes the
#: commoner of its two values (a mistyped name must not make a match on it look rare); per unit
#: of that, a feature adds its weight below at full agreement, falling to nothing at
#: `RARITY_KNOT`.
RARITY: tuple[tuple[str, float], ...] = (("given", 1.1), ("lineage", 0.8), ("place", 1.9))
RARITY_KNOT = 0.75
RARITY_REFERENCE = 0.01
RARITY_PRIOR = 100
RARITY_CAP = math.log(RARITY_REFERENCE * 10_000)
#: A misspelling, read from rarity: a value that next to nobody else in its file holds is often
#: a common one mistyped (Rusvam for Rustam), so a pair whose value is rare on either side and
#: agrees only in part is likelier the same person than a pair of two common values that agree
#: as little (two names, each held by many). Per unit of the rarer value's rarity (from 0 up), a
#: feature adds the weight of the window of agreement its pair falls in (`TYPO_WINDOWS`, each
#: bound to the next; nothing below the first nor from the last, where names are two names or
#: one). Fitted with the other weights.
TYPO_WINDOWS = (0.45, 0.6, 0.75, 0.9)
TYPO: tuple[tuple[str, tuple[float, float, float]], ...] = (
    ("given", (1.5, 1.5, 0.4)),
    ("lineage", (0.6, 1.0, 0.4)),
    ("place", (0.6, 0.7, 0.3)),
)

FloatArray = npt.NDArray[np.float64]
WordArray = npt.NDArray[np.uint64]
#: Records' `rarity`: one row per `RARITY` feature.
RareArray = npt.NDArray[np.float32]


def _weight(name: str, agreement: FloatArray) -> FloatArray:
    """A feature's weight; `agreement` is −1 where the feature is missing on either side."""
    w = WEIGHTS[name]
    present = agreement >= 0
    d = np.clip(agreement, 0.0, 1.0)
    out = np.full(d.shape, w[0])
    for k, slope in zip(KNOTS, w[1:], strict=True):
        out += slope * np.maximum(0.0, d - k)
    return np.where(present, out, 0.0)


def _field(feature: str) -> str:
    return feature if feature in FIELDS else "given"


#: The pairs of name fields read for the names' agreement, in their fields and swapped (given
#: name against the other record's father's or family name, and back).
LINEAGE = (("father", "father"), ("father", "family"), ("family", "father"), ("family", "family"))
GIVEN_SWAPPED = (("given", "father"), ("given", "family"))
LINEAGE_SWAPPED = (("father", "given"), ("family", "given"))
#: The first reading of a pair (`preview_layout`) reads this many words of each name segment
#: (a third of a name's 768 stored bits) and half the birth year's, and the full reading
#: follows only for pairs whose first reading comes within `PREVIEW_MARGIN` of log-odds of the
#: threshold. Most pairs that blocking compares are strangers far below it.
PREVIEW_WORDS = 4
PREVIEW_MARGIN = 4.0
#: How far (in agreement) the first reading of a name may stray from the full one, for the
#: misspelling's windows (`TYPO`), whose edges would otherwise make a small stray a large one.
PREVIEW_SPREAD = 0.12


def agreement_table(params: Params, fld: str) -> FloatArray:
    """A field's agreement (Dice similarity) for every Hamming distance of two of its filters:
    a balanced filter holds a fixed number of ones, about size · (1 − e^−fill)."""
    ones = int(getattr(params, fld)) * (1.0 - np.exp(-FILL[fld]))
    per_bit = 2.0 if params.balanced else 1.0
    distances = np.arange(params.stored(fld) + 1)
    return np.asarray(np.clip(1.0 - distances / (per_bit * 2.0 * ones), 0.0, 1.0), np.float64)


class _Tables:
    """Per feature, indexed by the Hamming distance of two filters (a last entry for a feature
    missing on either side): its weight, how far its agreement is above `JOINT_KNOT`, and the
    weight of a unit of rarity (both 0 when missing), and that of a unit of the rarer value's
    rarity (`TYPO`; for the first reading, the most it takes near each agreement). Built once
    per set of parameters."""

    def __init__(self, params: Params) -> None:
        self.tables: dict[str, npt.NDArray[np.float32]] = {}
        self.above: dict[str, npt.NDArray[np.float32]] = {}
        self.rare: dict[str, npt.NDArray[np.float32]] = {}
        self.typo: dict[str, npt.NDArray[np.float32]] = {}
        self.typo_preview: dict[str, npt.NDArray[np.float32]] = {}
        self.missing: dict[str, int] = {}
        rarity, typo = dict(RARITY), dict(TYPO)
        for feature in FEATURES:
            dice = agreement_table(params, _field(feature))
            self.tables[feature] = np.append(_weight(feature, dice), 0.0).astype(np.float32)
            self.above[feature] = np.append(np.maximum(0.0, dice - JOINT_KNOT), 0.0).astype(
                np.float32
            )
            high = np.maximum(0.0, dice - RARITY_KNOT) / (1.0 - RARITY_KNOT)
            self.rare[feature] = np.append(rarity.get(feature, 0.0) * high, 0.0).astype(np.float32)
            window = np.searchsorted(TYPO_WINDOWS, dice, side="right") - 1
            inside = (window >= 0) & (window < len(TYPO_WINDOWS) - 1)
            weights = np.asarray(typo.get(feature, (0.0,) * (len(TYPO_WINDOWS) - 1)))
            per_unit = np.where(inside, weights[np.clip(window, 0, len(weights) - 1)], 0.0)
            self.typo[feature] = np.append(per_unit, 0.0).astype(np.float32)
            # the first reading's agreement is an estimate: it takes the most that a unit of
            # rarity could add within PREVIEW_SPREAD of it, so that a window's edge never
            # makes it fall short of the full reading by a whole window's weight
            reach = int(np.ceil(PREVIEW_SPREAD / max(float(dice[0] - dice[1]), 1e-9)))
            padded = np.pad(per_unit, reach)
            envelope = sliding_window_view(padded, 2 * reach + 1).max(axis=1)
            self.typo_preview[feature] = np.append(envelope, 0.0).astype(np.float32)
            self.missing[feature] = len(dice)


_TABLES: dict[Params, _Tables] = {}


def _tables(params: Params) -> _Tables:
    hit = _TABLES.get(params)
    if hit is None:
        hit = _TABLES[params] = _Tables(params)
    return hit


def preview_layout(params: Params) -> tuple[Params, npt.NDArray[np.intp]]:
    """The first reading's parameters, and which words of an encoding (`params`) it reads: the
    first `PREVIEW_WORDS` words of each name's segment, the first half of the birth year's, all
    of the others'. A segment is permuted with its complement, so its first words are a fair
    sample of its bits, and the smaller filter that the sample stands for gives the same
    agreement for the same share of differing bits."""
    sizes = {f: int(getattr(params, f)) for f in FIELDS}
    for f in NAMES:
        sizes[f] = min(sizes[f], PREVIEW_WORDS * 64 // (2 if params.balanced else 1))
    half = sizes["year"] // 2 // 32 * 32
    if half and (2 * half if params.balanced else half) % 64 == 0:
        sizes["year"] = half
    first = Params(**sizes, balanced=params.balanced)
    kept = {f: n for f, _w, n in first.segments()}
    rows = [w + i for f, w, _n in params.segments() for i in range(kept[f])]
    return first, np.asarray([*rows, params.presence_word], dtype=np.intp)


def size_shift(people: int, comparisons: int) -> float:
    """The log-odds a run adds to every pair: `people` records in the smaller file, and
    `comparisons` pairs compared in blocks."""
    if people <= 0 or comparisons <= 0:
        return 0.0
    return SIZE_WEIGHT * (math.log(people / comparisons) - SIZE_REFERENCE)


def rarity(filters: WordArray, params: Params) -> RareArray:
    """Per `RARITY` feature (rows) and record (columns), the rarity of the record's value in its
    own file (`filters`, one record per row); 0 where the record gives none."""
    n = len(filters)
    seg = {f: (w, k) for f, w, k in params.segments()}
    given = filters[:, params.presence_word]

    def one(fld: str) -> FloatArray:
        w, k = seg[fld]
        values = np.ascontiguousarray(filters[:, w : w + k]).view(np.dtype((np.void, 8 * k)))
        _, inverse, counts = np.unique(values.ravel(), return_inverse=True, return_counts=True)
        share = (counts[inverse] + RARITY_PRIOR * RARITY_REFERENCE) / (n + RARITY_PRIOR)
        out = np.minimum(-np.log(share) + math.log(RARITY_REFERENCE), RARITY_CAP)
        present = (given >> np.uint64(FIELDS.index(fld))) & np.uint64(1)
        return np.where(present.astype(np.bool_), out, np.nan)

    out = np.zeros((len(RARITY), n), dtype=np.float32)
    if n == 0:
        return out
    for row, (feature, _w) in enumerate(RARITY):
        value = np.fmin(one("father"), one("family")) if feature == "lineage" else one(feature)
        out[row] = np.nan_to_num(value, nan=0.0)
    return out


def logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def overlap_shift(share: float) -> float:
    """The log-odds a run adds to every pair when a `share` of the smaller file's people are
    thought to be in the other file."""
    return logit(share) - logit(OVERLAP_REFERENCE)


def log_odds_words(
    xw: WordArray,
    yw: WordArray,
    params: Params,
    shift: float = 0.0,
    rare_x: RareArray | None = None,
    rare_y: RareArray | None = None,
    *,
    preview: bool = False,
) -> FloatArray:
    """The log-odds of records being the same person, from their encodings laid out word first:
    xw[w] and yw[w] hold word w of the records and broadcast against each other (pairs: both
    of shape (words, n); a grid: (words, ra, 1) and (words, 1, rb)). Word first keeps every
    operation on long contiguous rows. `shift` is the run's prior; `rare_x` and `rare_y` hold
    the records' `rarity`, laid out alike (none: every value of the reference share).
    `preview`: the words are the first reading's (`preview_layout`), which reads the first
    words of each name's and of the birth year's segment only."""
    t = _tables(params)
    seg = {f: (w, n) for f, w, n in params.segments()}
    shape = np.broadcast_shapes(xw.shape[1:], yw.shape[1:])
    # scratch for the XOR and popcount of k words at once, by k
    scratch: dict[int, tuple[WordArray, npt.NDArray[np.uint8]]] = {}
    pw = params.presence_word
    px, py = xw[pw], yw[pw]

    def has(words: WordArray, i: int) -> npt.NDArray[np.bool_]:
        return ((words >> np.uint64(i)) & np.uint64(1)).astype(np.bool_)

    present_x = [has(px, i) for i in range(len(FIELDS))]
    present_y = [has(py, i) for i in range(len(FIELDS))]

    def distance(fa: str, fb: str, missing: int, sample: bool = False) -> npt.NDArray[np.uint16]:
        """Hamming distance of field fa of x to field fb of y; `missing` where either lacks it.
        `sample`: read from the first half of the words only, scaled up (a segment is permuted
        with its complement, so any of its words is a fair sample of its bits)."""
        (wa, n), (wb, _n) = seg[fa], seg[fb]
        k = max(1, n // 2) if sample else n
        if k not in scratch:
            scratch[k] = (np.empty((k, *shape), np.uint64), np.empty((k, *shape), np.uint8))
        xor, cnt = scratch[k]
        np.bitwise_xor(xw[wa : wa + k], yw[wb : wb + k], out=xor)
        np.bitwise_count(xor, out=cnt)
        acc = cnt.sum(axis=0, dtype=np.uint16)
        if k != n:
            acc *= np.uint16(n // k)
        both = present_x[FIELDS.index(fa)] & present_y[FIELDS.index(fb)]
        return np.where(both, acc, np.uint16(missing))

    missing = t.missing["given"]  # the name fields share one size
    fathers = distance("father", "father", missing)

    def best(pairs: tuple[tuple[str, str], ...], sample: bool = False) -> npt.NDArray[np.uint16]:
        if pairs[0] == ("father", "father"):
            out = fathers.copy()
        else:
            out = distance(*pairs[0], missing, sample)
        for fa, fb in pairs[1:]:
            np.minimum(out, distance(fa, fb, missing, sample), out=out)
        return out

    years = distance("year", "year", t.missing["year"])
    year_above = t.above["year"][years]

    def names(
        given: npt.NDArray[np.uint16], lineage: npt.NDArray[np.uint16]
    ) -> npt.NDArray[np.float32]:
        """The weight of a reading of the names, with the agreements that count together."""
        g, ln = t.above["given"][given], t.above["lineage"][lineage]
        out = t.tables["given"][given] + t.tables["lineage"][lineage]
        joint = {"given": g, "lineage": ln, "year": year_above}
        for fa, fb, w in JOINT:
            out += np.float32(w) * joint[fa] * joint[fb]
        out += np.float32(GIVEN_ALONE) * g * (lineage == missing)
        return np.asarray(out, dtype=np.float32)

    rare: dict[str, npt.NDArray[np.float32]] = {}
    rarest: dict[str, npt.NDArray[np.float32]] = {}
    if rare_x is not None and rare_y is not None:
        rare = {f: np.minimum(rare_x[i], rare_y[i]) for i, (f, _w) in enumerate(RARITY)}
        rarest = {
            f: np.maximum(np.maximum(rare_x[i], rare_y[i]), np.float32(0.0))
            for i, (f, _w) in enumerate(RARITY)
        }

    typo = t.typo_preview if preview else t.typo

    def rarer(feature: str, dist: npt.NDArray[np.uint16]) -> npt.NDArray[np.float32]:
        out = t.rare[feature][dist] * rare[feature]
        out += typo[feature][dist] * rarest[feature]
        return np.asarray(out, dtype=np.float32)

    # names in their fields, or given and father's/family names swapped: the better reading;
    # rarity counts for names read in their own fields
    given, lineage = distance("given", "given", missing), best(LINEAGE)
    straight = names(given, lineage)
    if rare:
        straight += rarer("given", given) + rarer("lineage", lineage)
    swapped = names(best(GIVEN_SWAPPED, sample=True), best(LINEAGE_SWAPPED, sample=True))
    total = np.maximum(straight, swapped + np.float32(SWAP))
    total += t.tables["father"][fathers]
    total += np.float32(INTERCEPT + shift)
    total += t.tables["year"][years]
    for f in ("date", "sex", "place"):
        dist = distance(f, f, t.missing[f])
        total += t.tables[f][dist]
        if rare and f in rare:
            total += rarer(f, dist)
    return np.asarray(total, dtype=np.float64)


def pair_log_odds(
    x: WordArray,
    y: WordArray,
    params: Params,
    shift: float = 0.0,
    rare_x: RareArray | None = None,
    rare_y: RareArray | None = None,
) -> FloatArray:
    """The log-odds of rows of x and y (records, one per row; broadcasting) being the same
    person; `rare_x` and `rare_y` hold their `rarity` (features as rows, records as columns)."""
    return log_odds_words(
        np.moveaxis(x, -1, 0), np.moveaxis(y, -1, 0), params, shift, rare_x, rare_y
    )


def to_score(log_odds: FloatArray) -> FloatArray:
    """Scores in (0, 1); 0.5 is the calibrated default threshold."""
    return np.asarray(1.0 / (1.0 + np.exp(-(log_odds - CUT))))


def score_odds(score: FloatArray) -> FloatArray:
    """The log of the odds s / (1 − s) of scores s: 0 at the default threshold."""
    s = np.clip(score, 1e-15, 1.0 - 1e-15)
    return np.asarray(np.log(s) - np.log1p(-s), dtype=np.float64)


def from_score(score: FloatArray) -> FloatArray:
    """The log-odds that scores stand for (`to_score` read back)."""
    return score_odds(score) + CUT
