"""Per-field Bloom filter encodings, keyed and hardened, and the `.enc` file format.

Each person becomes one encoding: a Bloom filter per field (given, father's and family name,
birth year, birth date, sex, place), each of a fixed size (`Params`), followed by one word that
says which fields were given. A field's tokens (name bigrams and consonant skeletons, year
window, date parts, ...) set a fixed budget of positions spread over its tokens, so a long name
does not weigh more than a short one. A token's positions come from one BLAKE2b digest keyed
with the field's key (derived from the shared secret with HKDF; the three name fields share one
key and one layout, so that a name can be compared with a name recorded in another field) by
double hashing: nobody without the secret can compute the encoding of a guessed name
(dictionary attack). Keeping the fields apart lets the comparison (`score.py`) weigh each field
by how much it says, read names in any field and leave out fields that one side did not give,
instead of one record-level similarity in which a missing father's name costs as much as a
wrong one.

Hardening, by default: balanced Bloom filters (Schnell, Borgs and Encarnação; Ranbaduge and
Schnell). Every field's filter is followed by its complement and the two are permuted with a
permutation drawn from the secret; every segment then holds exactly as many ones as its filter
has bits, whatever it encodes, which removes the Hamming weight that pattern-mining and
frequency attacks use to tell filters of few or common tokens (Christen et al.), and the secret
permutation stops an attacker from telling filter bits from complement bits. Graph-matching
attacks (Vidanage et al.) align the similarity graph of the encodings with one computed on a
public name list; the keyed hash stops the attacker from encoding the public list.

What the encodings still show to someone holding an `.enc` file without the secret: which
fields a record gives (the presence word); and, because a field's filter is deterministic, which
records share exactly the same value of one field (the same given name as written, the same
birth year). Counting those classes and aligning them with public name frequencies can suggest
that the largest class is the most common name (a frequency attack on one field); it never
gives a rarer name, nor a name's spelling, without the secret. This is of the same kind as what
the blocking keys show (`BLOCKING_LEAK` in `block.py`). Randomly flipping bits of each filter
(randomised response) would blur these classes; measured, 2 % of flipped bits cost the
cross-script set 4 to 7 points of F1, so it is not done. Keep `.enc` files between the
organisations that take part, and rotate the secret for every linkage run.
"""

from __future__ import annotations

import gc
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from numpy.random import default_rng

from .block import BLOCK_COLUMNS, BlockKeyer
from .keys import Secret
from .normalise import (
    NameKey,
    family_key,
    father_key,
    form_tokens,
    name_key,
    place_key,
    skeleton,
)
from .records import Person

__all__ = [
    "EncodedSet",
    "Encoder",
    "EncodingError",
    "FormatVersionError",
    "Params",
    "encode_people",
]

FORMAT = "panj-linkage-encodings"
#: 1: one record-level filter. 2: one balanced segment per field and a word of field presence.
#: 3: as 2, with a name's letters among its tokens (a version-2 filter of the same name differs).
#: 4: as 3, with a word-final p read as f and honorifics dropped before names are tokenised.
#: 5: as 4, with a final -eh read as a, dj as j, Ibragim as Ibrahim and a Muhammad prefix
#: dropped before a y; a birth date of 1 January is its year alone (`Person.known_date`).
#: 6: as 5, with name filters of 256 bits and birth year filters of 128 (were 128 and 64).
#: 7: as 6, with name filters of 384 bits and birth year filters of 256, and blocking keys
#: of the birth year with the first two letters of a father's or family name (was one).
FORMAT_VERSION = 7


class EncodingError(ValueError):
    """An encodings file that cannot be used, or two that cannot be compared."""


class FormatVersionError(EncodingError):
    """An encodings file of another format version than this Panj's (`found`)."""

    def __init__(self, message: str, found: object) -> None:
        super().__init__(message)
        self.found = found


FIELDS = ("given", "father", "family", "year", "date", "sex", "place")
#: The name fields: hashed and laid out alike, so that any two of them can be compared.
NAMES = ("given", "father", "family")


@dataclass(frozen=True, slots=True)
class Params:
    """Everything both sides must agree on for their encodings to be comparable: the size in
    bits of each field's filter (a multiple of 32), before the complement doubles it."""

    given: int = 384
    father: int = 384
    family: int = 384
    year: int = 256
    date: int = 64
    sex: int = 32
    place: int = 64
    balanced: bool = True

    def __post_init__(self) -> None:
        for f in FIELDS:
            size = getattr(self, f)
            if size < 32 or size % 32:
                raise ValueError(f"the {f} filter size must be a multiple of 32, not {size}")
        if len({getattr(self, f) for f in NAMES}) != 1:
            raise ValueError("the given, father's and family name filters must be of one size")

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}

    def fingerprint(self) -> str:
        text = json.dumps({"version": FORMAT_VERSION, **self.as_dict()}, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    @property
    def length(self) -> int:
        """Bits of all field filters together, before the complement."""
        return sum(getattr(self, f) for f in FIELDS)

    def stored(self, fld: str) -> int:
        """Bits one field's segment takes in an encoding."""
        size = int(getattr(self, fld))
        return 2 * size if self.balanced else size

    def segments(self) -> list[tuple[str, int, int]]:
        """(field, first word, word count) of each field's segment in an encoding."""
        out: list[tuple[str, int, int]] = []
        word = 0
        for f in FIELDS:
            n = self.stored(f) // 64 if self.stored(f) % 64 == 0 else -1
            if n < 1:
                raise ValueError(f"the {f} segment must fill whole 64-bit words")
            out.append((f, word, n))
            word += n
        return out

    @property
    def presence_word(self) -> int:
        """The last word of an encoding: bit i says that field i was given."""
        return sum(n for _f, _w, n in self.segments())

    @property
    def bits(self) -> int:
        return 64 * self.words

    @property
    def words(self) -> int:
        return self.presence_word + 1


#: Share of a name's positions that goes to its consonant skeleton, which is what Arabic script,
#: writing no short vowels, has in common with the Cyrillic and Latin spellings.
SKELETON_SHARE = 0.6
#: Share of a field's filter bits that its tokens set, spread over the tokens.
FILL = {
    "given": 0.4,
    "father": 0.4,
    "family": 0.4,
    "year": 0.5,
    "date": 0.5,
    "sex": 0.5,
    "place": 0.4,
}
_NAME_KEYS: dict[str, Callable[[str], NameKey]] = {
    "given": name_key,
    "father": father_key,
    "family": family_key,
    "place": place_key,
}
_FIELD_VALUES = attrgetter(
    "given_name", "father_name", "family_name", "year", "known_date", "sex", "place"
)
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
            raise FormatVersionError(
                f"{path} uses encoding format version {header.get('version')}, "
                f"this Panj reads version {FORMAT_VERSION}: encode the people file again "
                "with this version of `panj linkage encode` (both sides must use the same)",
                header.get("version"),
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
        prm = self.params
        segments = prm.segments()
        # one hashing key per field, derived from the secret with HKDF; the names share theirs
        # and their layout, so that a name recorded in another field (given and family names
        # swapped; Karimov's father Karim) can still be recognised
        self._label = {f: "name" if f in NAMES else f for f in FIELDS}
        self._keys = {lb: secret.derive(f"tokens:{lb}") for lb in set(self._label.values())}
        self._hashers = {
            lb: hashlib.blake2b(key=key, digest_size=16) for lb, key in self._keys.items()
        }
        self._tokens: dict[tuple[str, str], tuple[int, int]] = {}
        # positions within a field's filter, by field key and count, then by token
        self._token_positions: dict[tuple[str, int], dict[str, tuple[int, ...]]] = {}
        self._forms: dict[tuple[str, str, float], tuple[int, ...]] = {}
        # per field key: by token code (`_token_codes`), its double-hashing start and step, and
        # whether they are known
        self._steps: dict[str, npt.NDArray[np.int64]] = {}
        self._size = {f: int(getattr(prm, f)) for f in FIELDS}
        self._label_size = {self._label[f]: self._size[f] for f in FIELDS}
        self._budget = {f: round(self._size[f] * FILL[f]) for f in FIELDS}
        self._offset: dict[str, int] = {}
        self._cache: dict[tuple[str, object], tuple[int, ...] | None] = {}
        self._blocker = BlockKeyer(secret.derive("blocking"))
        # base bit i of field f (offset + i) is stored at _where[...]; its complement at
        # _where_c[...]; each field's bits are permuted within its own segment
        base = 0
        where: list[npt.NDArray[np.int64]] = []
        where_c: list[npt.NDArray[np.int64]] = []
        for f, word, _n in segments:
            size = self._size[f]
            self._offset[f] = base
            base += size
            seed = int.from_bytes(secret.derive(f"permutation:{self._label[f]}", 16), "big")
            stored = prm.stored(f)
            perm = default_rng(seed).permutation(stored).astype(np.int64) + 64 * word
            where.append(perm[:size])
            where_c.append(perm[size:] if prm.balanced else perm[:0])
        self._where = np.concatenate(where)
        self._where_c = np.concatenate(where_c)
        self._complement_row = np.zeros(prm.bits, dtype=np.bool_)
        self._complement_row[self._where_c] = True

    def _hashes(self, label: str, tok: str) -> tuple[int, int]:
        """Two 64-bit words of one BLAKE2b digest of a token under its field's key, cached."""
        ck = (label, tok)
        hit = self._tokens.get(ck)
        if hit is None:
            h = self._hashers[label].copy()
            h.update(tok.encode())
            d = h.digest()
            hit = (int.from_bytes(d[:8], "little"), int.from_bytes(d[8:], "little") | 1)
            self._tokens[ck] = hit
        return hit

    def _spread(self, label: str, tokens: Sequence[str], budget: int, out: list[int]) -> None:
        """Adds `budget` positions spread evenly over the tokens, the first ones taking one
        more when they do not divide evenly. A token's k positions are h1 + j·h2 mod size,
        j < k (double hashing), from one BLAKE2b digest under the field's key."""
        n = len(tokens)
        if not n:
            return
        k, extra = divmod(budget, n)
        for kk, part in ((k + 1, tokens[:extra]), (k, tokens[extra:])):
            if not kk or not part:
                continue
            table = self._token_positions.get((label, kk))
            if table is None:
                table = self._token_positions[label, kk] = {}
            for tok in part:
                pos = table.get(tok)
                if pos is None:
                    size = self._label_size[label]
                    h1, h2 = self._hashes(label, tok)
                    a, b = h1 % size, h2 % size
                    pos = table[tok] = tuple([(a + j * b) % size for j in range(kk)])
                out += pos

    def _name_positions(self, label: str, form: str, share: float) -> tuple[int, ...]:
        """The positions of one form of a name, which takes `share` of its field's budget;
        cached, since one form often stands in several fields (Karim, Karimov, Karimovich)."""
        ck = (label, form, share)
        hit = self._forms.get(ck)
        if hit is None:
            spelled, consonants = form_tokens(form)
            sk = share * SKELETON_SHARE if consonants else 0.0
            out: list[int] = []
            self._spread(label, spelled, round(share - sk), out)
            self._spread(label, consonants, round(sk), out)
            hit = self._forms[ck] = tuple(out)
        return hit

    def _name_positions_of(self, label: str, items: Sequence[tuple[str, float]]) -> None:
        """`_name_positions` of many (form, share) at once, by whole arrays: the same tokens
        and positions, without a Python step per token. The tokens of all forms are read off
        the codes of their letters together (forms are ASCII: what `normalise` makes of any
        script); a form that is not is left to `_name_positions`."""
        todo = [
            (f, share)
            for f, share in dict.fromkeys(items)
            if (label, f, share) not in self._forms and _PLAIN_FORM.fullmatch(f)
        ]
        if len(todo) < BATCH_FORMS:
            # the arrays' fixed cost outweighs a few forms (one case encoded when it is saved)
            for f, share in todo:
                self._name_positions(label, f, share)
            return
        skeletons = [skeleton(f) for f, _share in todo]
        size = self._label_size[label]
        # per form and part (spelled, skeleton): the part's budget, as `_name_positions` has it
        budgets = np.empty(2 * len(todo), dtype=np.int64)
        for i, ((_f, share), sk) in enumerate(zip(todo, skeletons, strict=True)):
            part = share * SKELETON_SHARE if sk else 0.0
            budgets[2 * i] = round(share - part)
            budgets[2 * i + 1] = round(part)
        codes, groups = _token_codes([f for f, _sh in todo], skeletons)
        # each token of a part once, in the order of its text (the first ones take one more)
        keys = np.sort(groups * _CODES + codes)
        keys = keys[np.append(True, keys[1:] != keys[:-1])]
        codes, groups = keys % _CODES, keys // _CODES
        n = np.bincount(groups, minlength=len(budgets))
        rank = np.arange(len(keys)) - (np.cumsum(n) - n)[groups]
        k, extra = np.divmod(budgets[groups], n[groups])
        kk = k + (rank < extra)
        # a token's start and step (double hashing), from its digest under the field's key, and
        # 1 once known; zeros, so that only the pages of codes met are ever written (encoding
        # one person, when a case is saved, stays as cheap as it was)
        table = self._steps.get(label)
        if table is None:
            table = self._steps[label] = np.zeros((3, _CODES), dtype=np.int64)
        for code in set(codes[(codes != _WHOLE) & (table[2, codes] == 0)].tolist()):
            h1, h2 = self._hashes(label, _token_text(code))
            table[:, code] = (h1 % size, h2 % size, 1)
        start, step = table[0, codes], table[1, codes]
        whole = np.flatnonzero(codes == _WHOLE)
        for t, form in zip(whole.tolist(), (groups[whole] // 2).tolist(), strict=True):
            h1, h2 = self._hashes(label, "S" + skeletons[form])
            start[t], step[t] = h1 % size, h2 % size
        token = np.repeat(np.arange(len(keys)), kk)
        j = np.arange(len(token)) - np.repeat(np.cumsum(kk) - kk, kk)
        positions = ((start[token] + j * step[token]) % size).tolist()
        ends = np.cumsum(np.bincount(groups // 2, weights=kk, minlength=len(todo))).astype(int)
        begin = 0
        for (f, share), end in zip(todo, ends.tolist(), strict=True):
            self._forms[label, f, share] = tuple(positions[begin:end])
            begin = end

    def _compute(self, fld: str, value: object) -> tuple[int, ...] | None:
        """The positions of one field's value within its filter; None when it holds no name
        at all."""
        budget = self._budget[fld]
        label = self._label[fld]
        out: list[int] = []
        if fld in _NAME_KEYS:
            forms = _NAME_KEYS[fld](str(value)).forms
            if not forms:
                return None
            share = budget / len(forms)
            for form in forms:
                out += self._name_positions(label, form, share)
            # a position set twice is set once: no need to remove repeats
            return tuple(out)
        if fld == "year":
            assert isinstance(value, int)
            tokens = [f"y{value + d}" for d in YEAR_WINDOW]
        elif fld == "date":
            d = str(value)
            y, m, dd = d[:4], d[5:7], d[8:10]
            tokens = [f"d{y}{m}{dd}", f"md{m}{dd}", f"ym{y}{m}", f"yd{y}{dd}"]
        else:
            tokens = [str(value)]
        self._spread(label, tokens, budget, out)
        return tuple(out)

    def encode(self, people: Sequence[Person], chunk: int = 16384) -> EncodedSet:
        """Each field's segment is built once for each distinct value (records repeat names,
        years and places a lot) and copied to every record that gives that value. A missing
        field, or a name field with no name in it, leaves only its complement bits set and its
        presence bit clear."""
        with _cycle_collection_paused():
            return self._encode(people, chunk)

    def _encode(self, people: Sequence[Person], chunk: int) -> EncodedSet:
        n = len(people)
        prm = self.params
        filters = np.empty((n, prm.words), dtype=np.uint64)
        presence = np.zeros(n, dtype=np.uint64)
        columns = list(zip(*map(_FIELD_VALUES, people), strict=True)) or [()] * len(FIELDS)
        for i, (fld, word, count) in enumerate(prm.segments()):
            row_of = {v: r for r, v in enumerate(dict.fromkeys(columns[i]))}
            rows = np.fromiter(map(row_of.__getitem__, columns[i]), dtype=np.int64, count=n)
            segments, given = self._segments(fld, word, count, list(row_of), chunk)
            filters[:, word : word + count] = segments[rows]
            presence |= given[rows] << np.uint64(i)
        filters[:, prm.presence_word] = presence
        flat_keys: list[int] = []
        key_counts: list[int] = []
        for p in people:
            keys = self._blocker.keys(p)
            flat_keys += keys
            key_counts.append(len(keys))
        counts = np.array(key_counts, dtype=np.int64)
        starts = np.cumsum(counts) - counts
        flat = np.array(flat_keys, dtype=np.uint64)
        blocks = np.zeros((n, BLOCK_COLUMNS), dtype=np.uint64)
        rows = np.repeat(np.arange(n, dtype=np.int64), counts)
        blocks[rows, np.arange(len(flat)) - np.repeat(starts, counts)] = flat
        return EncodedSet(
            ids=[p.id for p in people],
            filters=filters,
            blocks=blocks,
            params=self.params,
            key_check=self.secret.check_value(),
        )

    def _segments(
        self, fld: str, word: int, count: int, values: list[object], chunk: int
    ) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
        """The segment of each value of one field, and 1 where the value was given. Balanced
        segments are built already permuted: every segment starts with all its complement bits
        set, and each set filter bit clears its complement."""
        width = 64 * count
        complement = self._complement_row[64 * word : 64 * (word + count)]
        fld_bits = slice(self._offset[fld], self._offset[fld] + self._size[fld])
        where = self._where[fld_bits] - 64 * word
        where_c = self._where_c[fld_bits] - 64 * word if self.params.balanced else where[:0]
        segments = np.empty((len(values), count), dtype=np.uint64)
        given = np.zeros(len(values), dtype=np.uint64)
        cache = self._cache
        if fld in _NAME_KEYS:
            key, budget = _NAME_KEYS[fld], self._budget[fld]
            items: list[tuple[str, float]] = []
            for value in values:
                if value and (fld, value) not in cache:
                    forms = key(str(value)).forms
                    items += [(f, budget / len(forms)) for f in forms]
            self._name_positions_of(self._label[fld], items)
        for start in range(0, len(values), chunk):
            part = values[start : start + chunk]
            m = len(part)
            arrays: list[tuple[int, ...]] = []
            counts = np.zeros(m, dtype=np.int64)
            for r, value in enumerate(part):
                if not value:
                    continue
                ck = (fld, value)
                if ck in cache:
                    pos = cache[ck]
                else:
                    pos = cache[ck] = self._compute(fld, value)
                if pos is not None:
                    arrays.append(pos)
                    counts[r] = len(pos)
                    given[start + r] = 1
            cols = np.fromiter(chain.from_iterable(arrays), dtype=np.int64, count=counts.sum())
            base = np.repeat(np.arange(m, dtype=np.int64) * width, counts)
            bits = np.empty((m, width), dtype=np.bool_)
            bits[:] = complement
            flat = bits.reshape(-1)
            flat[base + where[cols]] = True
            if self.params.balanced:
                flat[base + where_c[cols]] = False
            packed = np.packbits(bits, axis=1, bitorder="little")
            segments[start : start + m] = packed.view(np.uint64).reshape(m, count)
        return segments, given


#: From this many new name forms on, their positions are worked out as arrays
#: (`Encoder._name_positions_of`); below, one by one.
BATCH_FORMS = 64

# Token codes, which sort as the tokens' texts do (`normalise.form_tokens`): "b" + two letters
# (a bigram of the padded form), "u" + a letter, "S" + the whole skeleton (one code for all;
# its text is the form's own), "s" + two letters (a bigram of the padded skeleton). A form's
# two parts, spelled and skeleton, are the groups 2·i and 2·i + 1 of form i.
_BIGRAM = 0
_LETTER = 1 << 16
_WHOLE = (2 << 16) - 1
_SKELETON_BIGRAM = 2 << 16
_CODES = 1 << 18
_PLAIN_FORM = re.compile(r"[A-Za-z0-9]+")


def _token_codes(
    forms: Sequence[str], skeletons: Sequence[str]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The codes of the tokens of every form (`normalise.form_tokens`, repeats included), and
    the group (form and part) of each."""

    def bigrams(words: Sequence[str], rows: npt.NDArray[np.int64]) -> tuple[Any, Any, Any, Any]:
        padded = [f"^{w}$" for w in words]
        letters = np.frombuffer("".join(padded).encode("ascii"), dtype=np.uint8).astype(np.int64)
        lengths = np.fromiter(map(len, padded), dtype=np.int64, count=len(padded))
        owner = np.repeat(rows, lengths)
        last = np.cumsum(lengths) - 1
        first = last - lengths + 1
        pair = np.ones(len(letters), dtype=np.bool_)
        pair[last] = False
        inner = pair.copy()
        inner[first] = False
        at = np.flatnonzero(pair)
        return letters[at] * 256 + letters[at + 1], owner[at], letters[inner] * 256, owner[inner]

    index = np.arange(len(forms), dtype=np.int64)
    b_codes, b_rows, u_codes, u_rows = bigrams(forms, index)
    with_sk = np.flatnonzero(np.fromiter(map(bool, skeletons), dtype=np.bool_, count=len(forms)))
    s_codes, s_rows, _u, _r = bigrams([skeletons[i] for i in with_sk.tolist()], with_sk)
    codes = np.concatenate(
        [
            b_codes + _BIGRAM,
            u_codes + _LETTER,
            np.full(len(with_sk), _WHOLE, dtype=np.int64),
            s_codes + _SKELETON_BIGRAM,
        ]
    )
    groups = np.concatenate([2 * b_rows, 2 * u_rows, 2 * with_sk + 1, 2 * s_rows + 1])
    return codes, groups


def _token_text(code: int) -> str:
    """The token a code stands for (but `_WHOLE`, whose text is the form's skeleton)."""
    if code >= _SKELETON_BIGRAM:
        code -= _SKELETON_BIGRAM
        return "s" + chr(code >> 8) + chr(code & 255)
    if code >= _LETTER:
        return "u" + chr((code - _LETTER) >> 8)
    return "b" + chr(code >> 8) + chr(code & 255)


@contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Encoding fills caches with hundreds of thousands of small objects, none in a reference
    cycle; each full pass of the cycle collector would walk them all again (measured: a quarter
    of the encoding time of 30 000 records)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def encode_people(
    people: Sequence[Person], secret: Secret, params: Params | None = None
) -> EncodedSet:
    # paused until the encoder and its caches are gone, so that no pass walks them at all
    with _cycle_collection_paused():
        return Encoder(secret, params).encode(people)
