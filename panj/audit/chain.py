"""The keyed hash that chains each entry of the audit log to the one before it.

hash = HMAC-SHA256(key, previous_hash || "\\n" || canonical JSON of the entry). The key comes
from `PANJ_AUDIT_KEY` (setting or environment), else it is derived from SECRET_KEY under a
label of its own; someone who can write to the database but does not hold the key cannot
write a chain that verifies.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import os
import uuid
from typing import Any

from django.conf import settings

_LABEL = b"panj.audit.chain.v1"


def configured_key() -> str:
    """The operator's audit key, or "" when none is given."""
    value = getattr(settings, "PANJ_AUDIT_KEY", "") or os.environ.get("PANJ_AUDIT_KEY", "")
    return str(value)


def _derive(secret: str) -> bytes:
    """32 bytes for HMAC, derived under the audit label so that they serve nothing else."""
    return hmac.new(secret.encode("utf-8"), _LABEL, hashlib.sha256).digest()


def chain_key() -> bytes:
    """The key new entries are chained with."""
    return _derive(configured_key() or settings.SECRET_KEY)


def verification_keys() -> list[bytes]:
    """The current key first, then retired ones, under which older entries still verify.

    An operator retiring an audit key lists it in `PANJ_AUDIT_PREVIOUS_KEYS` (comma-separated);
    without an audit key of its own, the log follows SECRET_KEY and its SECRET_KEY_FALLBACKS.
    """
    if configured_key():
        previous = getattr(settings, "PANJ_AUDIT_PREVIOUS_KEYS", None)
        if previous is None:
            previous = os.environ.get("PANJ_AUDIT_PREVIOUS_KEYS", "").split(",")
        retired = [str(key).strip() for key in previous if str(key).strip()]
    else:
        retired = [str(key) for key in getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [chain_key(), *(_derive(secret) for secret in retired)]


def _iso_utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat(timespec="microseconds")


def canonical(values: dict[str, Any]) -> bytes:
    """Sorted keys, no spaces, ASCII; times in UTC with microseconds; UUIDs as strings."""

    def default(value: object) -> str:
        if isinstance(value, datetime.datetime):
            return _iso_utc(value)
        if isinstance(value, uuid.UUID):
            return str(value)
        raise TypeError(f"cannot put {type(value).__name__} in an audit entry")

    return json.dumps(
        values, sort_keys=True, separators=(",", ":"), ensure_ascii=True, default=default
    ).encode("ascii")


CHAINED_FIELDS = (
    "id",
    "sequence",
    "at",
    "action",
    "actor_id",
    "actor_label",
    "organisation_id",
    "object_type",
    "object_id",
    "fields",
    "purpose",
    "request_id",
)


def entry_hash(key: bytes, previous_hash: str, values: dict[str, Any]) -> str:
    """The hash of an entry given its chained fields (by name) and its predecessor's hash."""
    content = {name: values[name] for name in CHAINED_FIELDS}
    message = previous_hash.encode("ascii") + b"\n" + canonical(content)
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def head_mac(key: bytes, last_sequence: int, last_hash: str) -> str:
    """Seals the head of the chain: its length and its last hash belong together."""
    message = f"head\n{last_sequence}\n{last_hash}".encode("ascii")
    return hmac.new(key, message, hashlib.sha256).hexdigest()
