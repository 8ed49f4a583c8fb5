"""Record-level Bloom filter encodings (CLKs), keyed and hardened, and the `.enc` file format.

Each person becomes one record-level Bloom filter of `length` bits. Every field has a budget of
bit positions (its weight), spread over its tokens: a field with many tokens sets few positions
per token, so every record sets about the same number of bits and a long name does not drown a
birth date. A token's positions come from one keyed BLAKE2b digest (the field's key, derived
from the shared secret with HKDF) by double hashing, so nobody without the secret can compute
the encoding of a guessed name (dictionary attack).

A missing field gets its budget of random positions, so that records that say little are not
similar to each other just because they are sparse.

Hardening, by default: balanced Bloom filters (Schnell, Borgs and Encarnação; Ranbaduge and
Schnell). The filter is followed by its complement and the 2·length bits are permuted with a
permutation drawn from the secret. Every encoding then has exactly `length` ones, which removes
the Hamming weight that pattern-mining and frequency attacks use to tell which filters encode
few or common tokens (Christen et al.), and the secret permutation stops an attacker from
telling filter bits from complement bits; the similarity between two encodings is a function of
their Hamming distance only. Graph-matching attacks (Vidanage et al.) align the similarity graph
of the encodings with one computed on a public name list; against them the keyed hash does the
work: the attacker cannot encode the public list, and the random filling of missing fields and
the weight budgets blur the similarity graph. What the encodings still leak is documented in
`BLOCKING_LEAK` in `block.py`.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from .block import BLOCK_COLUMNS, BlockKeyer
from .keys import Secret
from .normalise import NameKey, form_tokens, lineage_key, name_key, place_key
from .records import Person

__all__ = ["EncodedSet", "Encoder", "EncodingError", "Params", "encode_people"]

FORMAT = "panj-linkage-encodings"
FORMAT_VERSION = 1


class EncodingError(ValueError):
    """An encodings file that cannot be used, or two that cannot be compared."""


@dataclass(frozen=True, slots=True)
class Params:
    """Everything both sides must agree on for their encodings to be comparable."""

    length: int = 512
    given: int = 110
    lineage: int = 100
    year: int = 55
    date: int = 40
    sex: int = 20
    place: int = 25
    balanced: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}

    def fingerprint(self) -> str:
        text = json.dumps({"version": FORMAT_VERSION, **self.as_dict()}, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    @property
    def bits(self) -> int:
        return 2 * self.length if self.balanced else self.length

    @property
    def words(self) -> int:
        return self.bits // 64


FIELDS = ("given", "lineage", "year", "date", "sex", "place")
#: Share of a name's budget that goes to its consonant skeleton, which is what Arabic script,
#: writing no short vowels, has in common with the Cyrillic and Latin spellings.
SKELETON_SHARE = 0.6
#: A missing field sets this share of its budget at random positions. A field missing on one
#: side then costs a little more than half a disagreement, and a field missing on both sides half
#: a disagreement: two records that say little are not alike just because they say little.
MISSING_FILL = 0.5
#: Birth year tokens: an estimated year two years off still shares three of five tokens.
YEAR_WINDOW = (-2, -1, 0, 1, 2)


@dataclass(slots=True)
class EncodedSet:
    """Ids and encodings of one people file; what leaves an organisation."""

    ids: list[str]
    filters: npt.NDArray[np.uint64]
    blocks: npt.NDArray[np.uint64]
    params: Params
    key_check: str
    meta: dict[str, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    def save(self, path: str | Path) -> None:
        header = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "params": self.params.as_dict(),
            "params_id": self.params.fingerprint(),
            "key_check": self.key_check,
            "count": len(self.ids),
        }
        buf = io.BytesIO()
        np.savez(
            buf,
            header=np.frombuffer(json.dumps(header).encode(), dtype=np.uint8),
            ids=np.frombuffer("\n".join(self.ids).encode(), dtype=np.uint8),
            filters=self.filters,
            blocks=self.blocks,
        )
        Path(path).write_bytes(buf.getvalue())

    @classmethod
    def load(cls, path: str | Path) -> EncodedSet:
        try:
            with np.load(path, allow_pickle=False) as data:
                header = json.loads(bytes(data["header"]).decode())
                ids_blob = bytes(data["ids"]).decode()
                filters = np.ascontiguousarray(data["filters"], dtype=np.uint64)
                blocks = np.ascontiguousarray(data["blocks"], dtype=np.uint64)
        except FileNotFoundError as exc:
            raise EncodingError(f"no encodings file at {path}") from exc
        except (OSError, ValueError, KeyError) as exc:
            raise EncodingError(f"{path} is not a Panj encodings file") from exc
        if header.get("format") != FORMAT:
            raise EncodingError(f"{path} is not a Panj encodings file")
        if header.get("version") != FORMAT_VERSION:
            raise EncodingError(
                f"{path} uses encoding format version {header.get('version')}, "
                f"this Panj reads version {FORMAT_VERSION}"
            )
        try:
            params = Params(**header["params"])
        except TypeError as exc:
            raise EncodingError(f"{path} has unknown encoding parameters") from exc
        ids = ids_blob.split("\n") if ids_blob else []
        count = header.get("count")
        if len(ids) != count or filters.shape != (count, params.words) or len(blocks) != count:
            raise EncodingError(f"{path} is damaged (its parts do not agree in size)")
        return cls(ids, filters, blocks, params, str(header["key_check"]))


def check_comparable(a: EncodedSet, b: EncodedSet) -> None:
    if a.params != b.params:
        diff = [
            f"{k}: {v} vs {b.params.as_dict()[k]}"
            for k, v in a.params.as_dict().items()
            if b.params.as_dict()[k] != v
        ]
        raise EncodingError(
            "the two files were encoded with different parameters (" + "; ".join(diff) + ")"
        )
    if a.key_check != b.key_check:
        raise EncodingError(
            "the two files were encoded with different secrets; both sides must use the same key"
        )


class Encoder:
    """Encodes people with one secret; caches token positions, since names repeat a lot."""

    def __init__(self, secret: Secret, params: Params | None = None) -> None:
        self.secret = secret
        self.params = params or Params()
        if self.params.length & (self.params.length - 1) or self.params.length % 64:
            raise ValueError("the filter length must be a power of two and at least 64")
        # half of a name's positions come from a key that given and lineage share, so that a
        # name recorded in the other field (swapped given and family names) still half-agrees
        self._token_key = secret.derive("tokens")
        self._salts = {
            f: int.from_bytes(secret.derive(f"field:{f}", 8), "little") | 1 for f in FIELDS
        }
        self._tokens: dict[str, tuple[int, int, int, int]] = {}
        self._token_positions: dict[tuple[str, int, int], tuple[int, ...]] = {}
        self._budget = {f: int(getattr(self.params, f)) for f in FIELDS}
        self._cache: dict[tuple[object, ...], npt.NDArray[np.int64]] = {}
        self._blocker = BlockKeyer(secret.derive("blocking"))
        seed = int.from_bytes(secret.derive("permutation", 16), "big")
        self._perm = np.random.default_rng(seed).permutation(self.params.bits)
        # where bit i of the filter-and-complement lands after the permutation
        self._where = np.argsort(self._perm)
        self._complement_row = np.zeros(self.params.bits, dtype=np.bool_)
        self._complement_row[self._where[self.params.length :]] = True
        self._fill_seed = int.from_bytes(secret.derive("fill", 16), "big")

    def _hashes(self, tok: str) -> tuple[int, int, int, int]:
        """Four 64-bit words of one keyed BLAKE2b digest of a token, cached."""
        hit = self._tokens.get(tok)
        if hit is None:
            d = hashlib.blake2b(tok.encode(), key=self._token_key, digest_size=32).digest()
            w = [int.from_bytes(d[i : i + 8], "little") for i in (0, 8, 16, 24)]
            hit = (w[0], w[1] | 1, w[2], w[3] | 1)
            self._tokens[tok] = hit
        return hit

    def _spread(self, parts: list[tuple[int, Sequence[str], int]]) -> npt.NDArray[np.int64]:
        """For each (field salt, tokens, budget): exactly `budget` positions spread evenly over
        the tokens. A token's k positions are (h1 ^ salt) + j·h2, j < k (double hashing), from
        one keyed BLAKE2b digest; salt 0 is the part that given and family names share."""
        mask = self.params.length - 1
        out: list[int] = []
        for salt, tokens, budget in parts:
            n = len(tokens)
            if not n:
                continue
            base, extra = divmod(budget, n)
            for i, tok in enumerate(tokens):
                k = base + (1 if i < extra else 0)
                if not k:
                    continue
                ck = (tok, salt, k)
                pos = self._token_positions.get(ck)
                if pos is None:
                    a, b, c, d = self._hashes(tok)
                    h1, h2 = (c ^ salt, d) if salt else (a, b)
                    pos = tuple((h1 + j * h2) & mask for j in range(k))
                    self._token_positions[ck] = pos
                out.extend(pos)
        return np.array(out, dtype=np.int64)

    def _field(
        self, fld: str, cache_key: object, tokens_of: NameKey | list[str]
    ) -> npt.NDArray[np.int64] | None:
        ck = (fld, cache_key)
        hit = self._cache.get(ck)
        if hit is not None:
            return hit
        budget = self._budget[fld]
        own = self._salts[fld]
        if isinstance(tokens_of, NameKey):
            forms = tokens_of.forms
            if not forms:
                return None
            share = budget / len(forms)
            pos = np.concatenate([self._form(fld, own, f, share) for f in forms])
            self._cache[ck] = pos
            return pos
        if not tokens_of:
            return None
        parts: list[tuple[int, Sequence[str], int]] = [(own, tokens_of, budget)]
        pos = self._spread(parts)
        self._cache[ck] = pos
        return pos

    def _form(self, fld: str, own: int, form: str, budget: float) -> npt.NDArray[np.int64]:
        """One canonical name form's positions: half under the field's own salt, half shared
        by given and family names; within each, SKELETON_SHARE to the consonant skeleton."""
        ck = (fld, form, budget)
        hit = self._cache.get(ck)
        if hit is not None:
            return hit
        spelled, consonants = form_tokens(form)
        share = budget * SKELETON_SHARE if consonants else 0.0
        parts: list[tuple[int, Sequence[str], int]] = []
        for salt in (own, 0):
            parts.append((salt, spelled, round((budget - share) / 2)))
            parts.append((salt, consonants, round(share / 2)))
        pos = self._spread(parts)
        self._cache[ck] = pos
        return pos

    def record_positions(self, p: Person) -> tuple[list[npt.NDArray[np.int64]], list[str]]:
        """The positions of each present field, and the names of the missing ones."""
        present: list[npt.NDArray[np.int64]] = []
        missing: list[str] = []

        def add(fld: str, pos: npt.NDArray[np.int64] | None) -> None:
            if pos is None:
                missing.append(fld)
            else:
                present.append(pos)

        add(
            "given",
            self._field("given", p.given_name, name_key(p.given_name)) if p.given_name else None,
        )
        if p.father_name or p.family_name:
            lk = lineage_key(p.father_name, p.family_name)
            add("lineage", self._field("lineage", (p.father_name, p.family_name), lk))
        else:
            missing.append("lineage")
        year = p.year
        add(
            "year",
            self._field("year", year, [f"y{year + d}" for d in YEAR_WINDOW]) if year else None,
        )
        if p.birth_date:
            d = p.birth_date
            y, m, dd = d[:4], d[5:7], d[8:10]
            add(
                "date",
                self._field("date", d, [f"d{y}{m}{dd}", f"md{m}{dd}", f"ym{y}{m}", f"yd{y}{dd}"]),
            )
        else:
            missing.append("date")
        add("sex", self._field("sex", p.sex, [p.sex]) if p.sex else None)
        add("place", self._field("place", p.place, place_key(p.place)) if p.place else None)
        return present, missing

    def _bits(
        self, rows: npt.NDArray[np.int64], cols: npt.NDArray[np.int64], n: int
    ) -> npt.NDArray[np.bool_]:
        """Set bits of n filters; balanced filters are built already permuted: every record
        starts with all complement bits set, and each set filter bit clears its complement."""
        L = self.params.length
        if not self.params.balanced:
            bits = np.zeros((n, L), dtype=np.bool_)
            bits.reshape(-1)[rows * L + cols] = True
            return bits
        width = 2 * L
        bits = np.empty((n, width), dtype=np.bool_)
        bits[:] = self._complement_row
        flat = bits.reshape(-1)
        base = rows * width
        flat[base + self._where[cols]] = True
        flat[base + self._where[cols + L]] = False
        return bits

    def encode(self, people: Sequence[Person], chunk: int = 16384) -> EncodedSet:
        n = len(people)
        L = self.params.length
        rng = np.random.default_rng(self._fill_seed)
        fill = {f: round(b * MISSING_FILL) for f, b in self._budget.items()}
        packed = np.empty((n, self.params.bits // 8), dtype=np.uint8)
        for start in range(0, n, chunk):
            part = people[start : start + chunk]
            arrays: list[npt.NDArray[np.int64]] = []
            counts = np.zeros(len(part), dtype=np.int64)
            fills = np.zeros(len(part), dtype=np.int64)
            for r, p in enumerate(part):
                present, missing = self.record_positions(p)
                arrays.extend(present)
                counts[r] = sum(len(a) for a in present)
                fills[r] = sum(fill[m] for m in missing)
            arrays.append(rng.integers(0, L, int(fills.sum())))
            cols = np.concatenate(arrays)
            rows = np.concatenate(
                [np.repeat(np.arange(len(part)), counts), np.repeat(np.arange(len(part)), fills)]
            )
            bits = self._bits(rows, cols, len(part))
            packed[start : start + len(part)] = np.packbits(bits, axis=1, bitorder="little")
        filters = packed.view(np.uint64).reshape(n, self.params.words)
        blocks = np.zeros((n, BLOCK_COLUMNS), dtype=np.uint64)
        for r, p in enumerate(people):
            keys = self._blocker.keys(p)
            blocks[r, : len(keys)] = keys
        return EncodedSet(
            ids=[p.id for p in people],
            filters=np.ascontiguousarray(filters),
            blocks=blocks,
            params=self.params,
            key_check=self.secret.check_value(),
        )


def encode_people(
    people: Sequence[Person], secret: Secret, params: Params | None = None
) -> EncodedSet:
    return Encoder(secret, params).encode(people)
