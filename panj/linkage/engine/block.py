"""Blocking: keyed keys that decide which pairs of records are compared at all.

Every record carries up to `BLOCK_COLUMNS` keys, each a keyed 64-bit hash (BLAKE2b with a key
derived from the secret) of one of:

- sex × birth year × the first letter of a name's consonant skeleton, for the years Y−1, Y and
  Y+1 and for the given name and the father's and family names (so records at most two years
  apart that share the first consonant of a name share a key);
- sex × the first three letters of the skeleton of the given, father's or family name, whatever
  the birth year says (an estimated year may be far off, a date mistyped) and in whichever field
  the name was written;
- the place and the first letters of the given and of a father's or family name;
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
BLOCKING_LEAK = "block membership and block sizes (sex × birth year; name beginnings)"


class BlockKeyer:
    def __init__(self, key: bytes) -> None:
        self._key = key
        self._cache: dict[str, int] = {}
        self._keys: dict[tuple[object, ...], list[int]] = {}
        self._place_keys: dict[tuple[object, ...], list[int]] = {}
        self._names: dict[tuple[str, str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._dates: dict[str, list[int]] = {}

    def _hash(self, text: str) -> int:
        hit = self._cache.get(text)
        if hit is None:
            d = hashlib.blake2b(text.encode(), key=self._key, digest_size=8).digest()
            hit = int.from_bytes(d, "little") or 1
            self._cache[text] = hit
        return hit

    def _skeletons(self, p: Person) -> tuple[tuple[str, ...], tuple[str, ...]]:
        ck = (p.given_name, p.father_name, p.family_name)
        hit = self._names.get(ck)
        if hit is None:
            given = name_key(p.given_name).skeletons[:1] if p.given_name else ()
            lineage = (
                lineage_key(p.father_name, p.family_name).skeletons[:2]
                if p.father_name or p.family_name
                else ()
            )
            hit = self._names[ck] = (given, lineage)
        return hit

    def _date_keys(self, d: str) -> list[int]:
        """The exact date, and the date with one part mistyped."""
        hit = self._dates.get(d)
        if hit is None:
            texts = ("d:" + d, "ym:" + d[:7], "yd:" + d[:4] + d[7:], "md:" + d[4:])
            hit = self._dates[d] = [self._hash(t) for t in texts]
        return hit

    def keys(self, p: Person) -> list[int]:
        given, lineage = self._skeletons(p)
        ck = (p.sex, p.year, given, lineage)
        keys = self._keys.get(ck)
        if keys is None:
            keys = [self._hash(t) for t in self._texts(p.sex, p.year, given, lineage)]
            self._keys[ck] = keys
        if p.place:
            pk = (p.place, given, lineage)
            more = self._place_keys.get(pk)
            if more is None:
                more = [self._hash(t) for t in self._place_texts(p.place, given, lineage)]
                self._place_keys[pk] = more
            keys = keys + more
        if p.birth_date:
            keys = keys + self._date_keys(p.birth_date)
        return keys[:BLOCK_COLUMNS]

    @staticmethod
    def _texts(
        sex: str,
        year: int | None,
        given: tuple[str, ...],
        lineage: tuple[str, ...],
    ) -> list[str]:
        initials = sorted({sk[0] for sk in (*given, *lineage)})
        sexes = [sex] if sex in ("M", "F") else ["M", "F"]
        out: list[str] = []
        if year:
            out.extend(f"y:{s}:{year + d}:{c}" for s in sexes for d in YEARS for c in initials)
        # whatever the birth year says, and with given and family names in either field
        out.extend(f"n:{s}:{sk[:3]}" for s in sexes for sk in (*given, *lineage))
        return list(dict.fromkeys(out))

    @staticmethod
    def _place_texts(place: str, given: tuple[str, ...], lineage: tuple[str, ...]) -> list[str]:
        """The place with the first letters of the given and of a father's or family name, for
        when the birth date and the names' beginnings are mistyped."""
        pairs = sorted({g[0] + n[0] for g in given for n in lineage})
        return [f"p:{pl[:3]}:{c}" for pl in place_key(place).skeletons[:1] for c in pairs]


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
