"""Encryption of identifying data: AES-256-GCM per value, a data key per organisation.

Each organisation has data keys (32 random bytes, numbered versions) stored wrapped by the
master key from the environment. A value is sealed with a fresh 96-bit nonce and associated
data naming its organisation, record and field, so that a ciphertext copied to another row or
field no longer opens. Names are searchable only through blind indexes: a keyed HMAC of each
normalised word, with a key derived from the data key, so the index reveals nothing without it.

This module is pure: it imports nothing from Django.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import unicodedata
from collections.abc import Iterable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12
TOKEN_BYTES = 12
FORMAT_VERSION = b"\x01"
_INDEX_LABEL = b"panj cases name index v1"
_WRAP_LABEL = b"panj organisation data key v1"


class DecryptionFailed(Exception):
    """A ciphertext did not open: wrong key, wrong record or field, or tampered bytes."""


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def parse_master_key(text: str) -> bytes:
    """The master key from its base64 form; it must be exactly 32 bytes."""
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except ValueError as error:
        raise ValueError("the master key must be base64") from error
    if len(key) != KEY_BYTES:
        raise ValueError("the master key must be 32 bytes (44 base64 characters)")
    return key


def key_fingerprint(key: bytes) -> str:
    """A short public name for a key, to tell which master key wrapped a data key."""
    return hashlib.sha256(b"panj key fingerprint" + key).hexdigest()[:16]


def associated_data(*parts: object) -> bytes:
    return "|".join(str(part) for part in parts).encode()


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return FORMAT_VERSION + nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def open_sealed(key: bytes, sealed: bytes, aad: bytes) -> bytes:
    if len(sealed) < 1 + NONCE_BYTES + 16 or sealed[:1] != FORMAT_VERSION:
        raise DecryptionFailed("not a sealed value")
    nonce = sealed[1 : 1 + NONCE_BYTES]
    try:
        return AESGCM(key).decrypt(nonce, sealed[1 + NONCE_BYTES :], aad)
    except InvalidTag as error:
        raise DecryptionFailed("the value does not open with this key and context") from error


def wrap_key(master: bytes, data_key: bytes, *, owner: str, version: int) -> bytes:
    return seal(master, data_key, associated_data(_WRAP_LABEL.decode(), owner, version))


def unwrap_key(master: bytes, wrapped: bytes, *, owner: str, version: int) -> bytes:
    return open_sealed(master, wrapped, associated_data(_WRAP_LABEL.decode(), owner, version))


def index_key(data_key: bytes) -> bytes:
    """The blind-index key, derived from the data key under its own label."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=_INDEX_LABEL).derive(
        data_key
    )


# Arabic letters Dari writers type for their Persian twins, and marks that do not change a name.
_UNIFY = str.maketrans(
    {"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "آ": "ا"}
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200c\u200d\u200e\u200f\u0640\u00ad"), None)
_SPLIT = re.compile(r"[^\w]+", re.UNICODE)


def normalise_name(text: str) -> str:
    """NFKC, case-folded, Arabic/Persian letters unified, diacritics, ZWNJ and tatweel removed."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_UNIFY).translate(_INVISIBLE)
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def name_words(*names: str) -> list[str]:
    """The distinct normalised words of the names, in order."""
    seen: dict[str, None] = {}
    for name in names:
        for word in _SPLIT.split(normalise_name(name or "")):
            word = word.strip("_")
            if word:
                seen.setdefault(word, None)
    return list(seen)


def blind_token(key: bytes, word: str) -> bytes:
    return hmac.new(key, word.encode(), hashlib.sha256).digest()[:TOKEN_BYTES]


def blind_tokens(key: bytes, words: Iterable[str]) -> list[bytes]:
    return [blind_token(key, word) for word in words]
