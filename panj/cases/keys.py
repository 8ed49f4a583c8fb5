"""Organisations' data keys: created, unwrapped with the master key, cached, rotated."""

from __future__ import annotations

import json
import threading
import uuid
from typing import Any

from django.conf import settings
from django.db import transaction

from panj.cases import crypto
from panj.cases.models import OrganisationKey

_lock = threading.Lock()
# Data keys by (organisation id, version). Versions never change once written, so a cached
# key never goes stale; a process keeps only the keys of organisations it served.
_keys: dict[tuple[uuid.UUID, int], bytes] = {}


def master_key() -> bytes:
    return crypto.parse_master_key(settings.PANJ_MASTER_KEY)


def previous_master_keys() -> list[bytes]:
    return [crypto.parse_master_key(text) for text in settings.PANJ_PREVIOUS_MASTER_KEYS]


def _unwrap(row: OrganisationKey) -> bytes:
    owner = str(row.organisation_id)
    for master in [master_key(), *previous_master_keys()]:
        if crypto.key_fingerprint(master) == row.master_fingerprint:
            return crypto.unwrap_key(master, bytes(row.wrapped), owner=owner, version=row.version)
    raise crypto.DecryptionFailed(
        "no configured master key wrapped this data key: set PANJ_PREVIOUS_MASTER_KEYS"
    )


def _remember(row: OrganisationKey) -> bytes:
    key = _unwrap(row)
    with _lock:
        _keys[(row.organisation_id, row.version)] = key
    return key


@transaction.atomic
def create_key(organisation_id: uuid.UUID) -> tuple[int, bytes]:
    """A new data key version for the organisation, wrapped by the current master key."""
    last = (
        OrganisationKey.objects.select_for_update()
        .filter(organisation_id=organisation_id)
        .order_by("-version")
        .first()
    )
    version = (last.version if last else 0) + 1
    key = crypto.new_key()
    master = master_key()
    OrganisationKey.objects.create(
        organisation_id=organisation_id,
        version=version,
        wrapped=crypto.wrap_key(master, key, owner=str(organisation_id), version=version),
        master_fingerprint=crypto.key_fingerprint(master),
    )
    with _lock:
        _keys[(organisation_id, version)] = key
    return version, key


def current_key(organisation_id: uuid.UUID) -> tuple[int, bytes]:
    """The version and key new data is sealed with; created on first use."""
    row = (
        OrganisationKey.objects.filter(organisation_id=organisation_id).order_by("-version").first()
    )
    if row is None:
        return create_key(organisation_id)
    cached = _keys.get((organisation_id, row.version))
    return row.version, cached if cached is not None else _remember(row)


def key_for(organisation_id: uuid.UUID, version: int) -> bytes:
    cached = _keys.get((organisation_id, version))
    if cached is not None:
        return cached
    return _remember(OrganisationKey.objects.get(organisation_id=organisation_id, version=version))


def forget_cached_keys() -> None:
    with _lock:
        _keys.clear()


def rewrap_all() -> int:
    """Wrap every data key with the current master key; returns how many changed."""
    master = master_key()
    fingerprint = crypto.key_fingerprint(master)
    changed = 0
    with transaction.atomic():
        for row in OrganisationKey.objects.select_for_update().exclude(
            master_fingerprint=fingerprint
        ):
            key = _unwrap(row)
            row.wrapped = crypto.wrap_key(
                master, key, owner=str(row.organisation_id), version=row.version
            )
            row.master_fingerprint = fingerprint
            row.save(update_fields=["wrapped", "master_fingerprint"])
            changed += 1
    return changed


# Sealing JSON documents of a case: identity, and the free texts of the case and its rows.


def _aad(organisation_id: uuid.UUID, case_id: uuid.UUID, label: str, row_id: uuid.UUID) -> bytes:
    return crypto.associated_data("panj-case", organisation_id, case_id, label, row_id)


def seal_json(
    *,
    organisation_id: uuid.UUID,
    case_id: uuid.UUID,
    label: str,
    row_id: uuid.UUID,
    data: dict[str, Any],
    key: bytes,
) -> bytes:
    plaintext = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return crypto.seal(key, plaintext, _aad(organisation_id, case_id, label, row_id))


def open_json(
    *,
    organisation_id: uuid.UUID,
    case_id: uuid.UUID,
    label: str,
    row_id: uuid.UUID,
    sealed: bytes | memoryview,
    key: bytes,
) -> dict[str, Any]:
    if not sealed:
        return {}
    plaintext = crypto.open_sealed(
        key, bytes(sealed), _aad(organisation_id, case_id, label, row_id)
    )
    data: dict[str, Any] = json.loads(plaintext)
    return data


def seal_bytes(
    *, organisation_id: uuid.UUID, case_id: uuid.UUID, label: str, data: bytes, key: bytes
) -> bytes:
    return crypto.seal(key, data, _aad(organisation_id, case_id, label, case_id))


def open_bytes(
    *,
    organisation_id: uuid.UUID,
    case_id: uuid.UUID,
    label: str,
    sealed: bytes | memoryview,
    key: bytes,
) -> bytes:
    return crypto.open_sealed(key, bytes(sealed), _aad(organisation_id, case_id, label, case_id))
