"""Blocking: keyed keys that decide which pairs of records are compared at all.

Every record carries up to `BLOCK_COLUMNS` keys, each a keyed 64-bit hash (BLAKE2b with a key
derived from the secret) of one of:

- sex × birth year × the first letter of the given name's consonant skeleton, or the first two
  of the father's or family name's, for the years Y−1 and Y (so records a year apart that share
  the beginning of a name share a key);
- sex × the first three letters of the skeleton of the given, father's or family name, whatever
  the birth year says (an estimated year may be far off, a date mistyped) and in whichever field
  the name was written;
- the place and the first letters of the given and of a father's or family name (for a record
  that gives only a given name, or only a father's or family name, the place and its first
  letter);
- the exact birth date, and the date without its day, its month or its year (one part
  mistyped).

An unknown sex gives the keys of both. Two records are compared when they share a key.

What these keys leak (BLOCKING_LEAK): someone holding an encodings file but not the secret sees
which records share a key and how large each block is. Block sizes follow the distribution of
birth years and of name beginnings, so an attacker with a public name list can guess which block
is "Moh-"; that narrows a record to a large group of people, never to one identity, and says
nothing about the rest of its name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .normalise import lineage_key, name_key, place_key
from .records import Person

__all__ = ["BLOCKING_LEAK", "BLOCK_COLUMNS", "BlockKeyer", "Blocks", "shared_blocks"]

#: The most keys a record can have: 12 year keys, 6 name keys, 2 place keys and 4 date keys
#: when its sex is unknown (then it is blocked as either).
BLOCK_COLUMNS = 24
#: birth years around the own one that a record is blocked with
YEARS = (-1, 0)
#: letters of a father's or family name's skeleton that go with sex and birth year into a key
#: (of a given name's, one): two halve the pairs that one gives, and lose fewer true pairs
#: than two of the given name's would
LINEAGE_LETTERS = 2
BLOCKING_LEAK = "block membership and block sizes (sex × birth year; name beginnings)"


class BlockKeyer:
    """The blocking keys of records under one key. Each part is cached apart (the year keys by
    sex, year and name initials; the name keys by sex and name beginnings; the place and date
    keys by place and date), since records share each part far more often than all of them;
    and each part's keys are made of keys cached one by one (one sex, year and initial), which
    records share more often still."""

    def __init__(self, key: bytes) -> None:
        self._hasher = hashlib.blake2b(key=key, digest_size=8)
        self._given: dict[str, tuple[str, ...]] = {}
        self._lineage: dict[tuple[str, str], tuple[str, ...]] = {}
        self._beginnings: dict[tuple[tuple[str, ...], tuple[str, ...]], _Beginnings] = {}
        self._year_keys: dict[tuple[str, int, tuple[str, ...]], list[int]] = {}
        self._year_atoms: dict[tuple[str, int, str], list[int]] = {}
        self._name_keys: dict[tuple[str, tuple[str, ...]], list[int]] = {}
        self._name_atoms: dict[tuple[str, str], int] = {}
        self._places: dict[str, str | None] = {}
        self._place_keys: dict[tuple[str, tuple[str, ...]], list[int]] = {}
        self._dates: dict[str, list[int]] = {}
        self._date_parts: dict[str, int] = {}

    def _hash(self, text: str) -> int:
        h = self._hasher.copy()
        h.update(text.encode())
        return int.from_bytes(h.digest(), "little") or 1

    def _skeletons(self, p: Person) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The skeleton of the given name; those of the father's and family name."""
        given = self._given.get(p.given_name)
        if given is None:
            given = name_key(p.given_name).skeletons[:1] if p.given_name else ()
            self._given[p.given_name] = given
        ck = (p.father_name, p.family_name)
        lineage = self._lineage.get(ck)
        if lineage is None:
            lineage = lineage_key(*ck).skeletons[:2] if p.father_name or p.family_name else ()
            self._lineage[ck] = lineage
        return given, lineage

    def _beginnings_of(self, given: tuple[str, ...], lineage: tuple[str, ...]) -> _Beginnings:
        ck = (given, lineage)
        hit = self._beginnings.get(ck)
        if hit is None:
            names = (*given, *lineage)
            hit = self._beginnings[ck] = _Beginnings(
                initials=tuple(
                    sorted({sk[:1] for sk in given} | {sk[:LINEAGE_LETTERS] for sk in lineage})
                ),
                prefixes=tuple(dict.fromkeys([sk[:3] for sk in names])),
                # a record that gives one kind of name only: its initials alone
                pairs=tuple(sorted({g[0] + n[0] for g in given for n in lineage}))
                or tuple(sorted({sk[0] for sk in names})),
            )
        return hit

    def _year_keys_of(self, sex: str, year: int, initials: tuple[str, ...]) -> list[int]:
        """Sex × the years Y−1 and Y × each name's beginning."""
        out: list[int] = []
        atoms = self._year_atoms
        for s in _SEXES.get(sex, _SEXES_EITHER):
            for c in initials:
                ck = (s, year, c)
                hit = atoms.get(ck)
                if hit is None:
                    hit = atoms[ck] = [self._hash(f"y:{s}:{year + d}:{c}") for d in YEARS]
                out += hit
        return out

    def _name_keys_of(self, sex: str, prefixes: tuple[str, ...]) -> list[int]:
        """Sex × each name beginning."""
        out: list[int] = []
        atoms = self._name_atoms
        for s in _SEXES.get(sex, _SEXES_EITHER):
            for b in prefixes:
                ck = (s, b)
                hit = atoms.get(ck)
                if hit is None:
                    hit = atoms[ck] = self._hash(f"n:{s}:{b}")
                out.append(hit)
        return out

    def _date_keys(self, d: str) -> list[int]:
        """The exact date, and the date with one part mistyped."""
        hit = self._dates.get(d)
        if hit is None:
            parts = self._date_parts
            hit = self._dates[d] = [self._hash("d:" + d)]
            for text in ("ym:" + d[:7], "yd:" + d[:4] + d[7:], "md:" + d[4:]):
                part = parts.get(text)
                if part is None:
                    part = parts[text] = self._hash(text)
                hit.append(part)
        return hit

    def keys(self, p: Person) -> list[int]:
        given, lineage = self._skeletons(p)
        names = self._beginnings_of(given, lineage)
        sex = p.sex if p.sex in _SEXES else ""
        year = p.year
        keys: list[int] = []
        if year:
            ck = (sex, year, names.initials)
            year_keys = self._year_keys.get(ck)
            if year_keys is None:
                year_keys = self._year_keys[ck] = self._year_keys_of(*ck)
            keys += year_keys
        # whatever the birth year says, and with given and family names in either field
        nk = (sex, names.prefixes)
        name_keys = self._name_keys.get(nk)
        if name_keys is None:
            name_keys = self._name_keys[nk] = self._name_keys_of(*nk)
        keys += name_keys
        if p.place:
            keys += self._place_keys_of(p.place, names.pairs)
        if p.known_date:
            keys += self._date_keys(p.known_date)
        return keys[:BLOCK_COLUMNS]

    def _place_keys_of(self, place: str, pairs: tuple[str, ...]) -> list[int]:
        """The place with the first letters of the given and of a father's or family name (or
        with single initials), for when the birth date and the names' beginnings are
        mistyped."""
        if place in self._places:
            beginning = self._places[place]
        else:
            skeletons = place_key(place).skeletons
            beginning = self._places[place] = skeletons[0][:3] if skeletons else None
        if beginning is None or not pairs:
            return []
        ck = (beginning, pairs)
        hit = self._place_keys.get(ck)
        if hit is None:
            hit = self._place_keys[ck] = [self._hash(f"p:{beginning}:{c}") for c in pairs]
        return hit


@dataclass(frozen=True, slots=True)
class _Beginnings:
    """What the blocking keys take of a record's names: the beginnings of their skeletons that
    go with the birth year (the given name's initial, the first `LINEAGE_LETTERS` letters of
    the others), sorted; their distinct first three letters; and each given initial with each
    other initial (the initials alone when the record gives one kind of name only)."""

    initials: tuple[str, ...]
    prefixes: tuple[str, ...]
    pairs: tuple[str, ...]


_SEXES = {"M": ("M",), "F": ("F",)}
#: an unknown sex is blocked as either
_SEXES_EITHER = ("M", "F")


@dataclass(frozen=True, slots=True)
class Blocks:
    """The records of each side that share one blocking key."""

    a: npt.NDArray[np.int64]
    b: npt.NDArray[np.int64]

    @property
    def pairs(self) -> int:
        return len(self.a) * len(self.b)


def _grouped(
    keys: npt.NDArray[np.uint64],
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    n, k = keys.shape
    flat = keys.reshape(-1)
    rows = np.repeat(np.arange(n, dtype=np.int64), k)
    keep = flat != 0
    flat, rows = flat[keep], rows[keep]
    order = np.argsort(flat, kind="stable")
    flat, rows = flat[order], rows[order]
    uniq, starts = np.unique(flat, return_index=True)
    return uniq, starts, rows


def shared_blocks(
    a_keys: npt.NDArray[np.uint64], b_keys: npt.NDArray[np.uint64]
) -> tuple[int, Iterator[Blocks]]:
    """How many pairs the blocks that both sides have records in hold together (a pair that
    shares several keys counted in each), and the blocks themselves, largest first."""
    ua, sa, ra = _grouped(a_keys)
    ub, sb, rb = _grouped(b_keys)
    ea = np.append(sa[1:], len(ra))
    eb = np.append(sb[1:], len(rb))
    _common, ia, ib = np.intersect1d(ua, ub, assume_unique=True, return_indices=True)
    sizes = (ea[ia] - sa[ia]) * (eb[ib] - sb[ib])

    def blocks() -> Iterator[Blocks]:
        for t in np.argsort(-sizes, kind="stable"):
            i, j = ia[t], ib[t]
            yield Blocks(ra[sa[i] : ea[i]], rb[sb[j] : eb[j]])

    return int(sizes.sum()), blocks()
