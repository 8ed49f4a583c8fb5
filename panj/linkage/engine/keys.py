"""The linkage secret and the keys derived from it with HKDF (RFC 5869, HMAC-SHA-256)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SECRET_BYTES", "KeyError_", "Secret", "hkdf"]

SECRET_BYTES = 32
_PREFIX = "panj-linkage-secret-v1:"


class KeyError_(ValueError):
    """The secret file is missing, malformed or of another kind."""


def hkdf(
    secret: bytes, info: str | bytes, length: int = 32, salt: bytes = b"panj-linkage"
) -> bytes:
    """HKDF-SHA-256: one independent key per purpose from one shared secret."""
    info_bytes = info.encode() if isinstance(info, str) else info
    prk = hmac.new(salt, secret, hashlib.sha256).digest()
    okm = b""
    block = b""
    counter = 1
    while len(okm) < length:
        block = hmac.new(prk, block + info_bytes + bytes([counter]), hashlib.sha256).digest()
        okm += block
        counter += 1
    return okm[:length]


@dataclass(frozen=True, slots=True)
class Secret:
    """The secret that every organisation taking part in one linkage shares, and nobody else."""

    value: bytes

    @classmethod
    def generate(cls) -> Secret:
        return cls(secrets.token_bytes(SECRET_BYTES))

    def dumps(self) -> str:
        return _PREFIX + base64.urlsafe_b64encode(self.value).decode("ascii") + "\n"

    @classmethod
    def loads(cls, text: str) -> Secret:
        text = text.strip()
        if not text.startswith(_PREFIX):
            raise KeyError_(
                "this is not a Panj linkage secret (it should start with panj-linkage-secret-v1:)"
            )
        try:
            value = base64.urlsafe_b64decode(text[len(_PREFIX) :].encode("ascii"))
        except (ValueError, UnicodeEncodeError) as exc:
            raise KeyError_("the secret is damaged (not valid base64)") from exc
        if len(value) != SECRET_BYTES:
            raise KeyError_(f"the secret is damaged (it should hold {SECRET_BYTES} bytes)")
        return cls(value)

    @classmethod
    def read(cls, path: str | Path) -> Secret:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise KeyError_(f"no secret file at {path}") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise KeyError_(f"cannot read the secret file {path}: {exc}") from exc
        return cls.loads(text)

    def derive(self, purpose: str, length: int = 32) -> bytes:
        return hkdf(self.value, purpose, length)

    def check_value(self) -> str:
        """A one-way fingerprint that lets two encodings show they came from the same secret."""
        return self.derive("key-check", 16).hex()

    def __repr__(self) -> str:
        return "Secret(<hidden>)"
