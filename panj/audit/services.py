"""Appending to the audit log: the one write the log allows.

Entries are numbered and chained under a lock on the head row (SELECT ... FOR UPDATE on
PostgreSQL; SQLite runs one writing transaction at a time already). An entry is part of the
caller's transaction: if that rolls back, so does the entry, which is why reads are recorded
before any data is returned.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from panj.audit import chain
from panj.audit.middleware import clean_request_id, current_request_id
from panj.audit.models import Action, AuditEntry, AuditHead

# Names of fields and ids of objects: no spaces, no free text that could carry a name.
_FIELD_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.:-]{0,63}")
_OBJECT_ID = re.compile(r"[A-Za-z0-9_.:,-]*")
_SHORT = re.compile(r"[a-z0-9_.-]{0,64}")


def _locked_head() -> AuditHead:
    try:
        return AuditHead.objects.select_for_update().get(pk=1)
    except AuditHead.DoesNotExist:
        # A new database, or one emptied by `flush`: start the chain. Two writers may race here.
        AuditHead.objects.bulk_create(
            [AuditHead(pk=1, mac=chain.head_mac(chain.chain_key(), 0, ""))],
            ignore_conflicts=True,
        )
        return AuditHead.objects.select_for_update().get(pk=1)


def _request_id(request: HttpRequest | None) -> str:
    if request is not None:
        value = getattr(request, "request_id", "")
        if value:
            return clean_request_id(str(value))
    return current_request_id.get()


def _check(
    *, action: str, object_type: str, object_id: str, purpose: str, fields: list[str]
) -> None:
    if action not in Action.values:
        raise ValueError(f"unknown audit action {action!r}")
    if not _SHORT.fullmatch(object_type) or not _SHORT.fullmatch(purpose):
        raise ValueError("object type and purpose are short lower-case codes")
    if not _OBJECT_ID.fullmatch(object_id):
        raise ValueError("an audit entry names objects by id only")
    for name in fields:
        if not isinstance(name, str) or not _FIELD_NAME.fullmatch(name):
            raise ValueError("an audit entry lists field names, never values")


@transaction.atomic
def record(
    *,
    action: Action | str,
    actor: AbstractBaseUser | AnonymousUser | None = None,
    organisation_id: uuid.UUID | str | None = None,
    object_type: str = "",
    object_id: str = "",
    fields: Iterable[str] = (),
    purpose: str = "",
    request: HttpRequest | None = None,
) -> AuditEntry:
    """Append one entry to the log, chained to the last one, and return it."""
    action = str(action)
    field_names = list(fields)
    object_id = str(object_id)
    _check(
        action=action,
        object_type=object_type,
        object_id=object_id,
        purpose=purpose,
        fields=field_names,
    )
    signed_in = actor is not None and actor.is_authenticated
    key = chain.chain_key()
    head = _locked_head()
    entry = AuditEntry(
        sequence=head.last_sequence + 1,
        at=timezone.now(),
        action=action,
        actor_id=actor.pk if signed_in and actor is not None else None,
        actor_label=getattr(actor, "email", "") if signed_in else "",
        organisation_id=uuid.UUID(str(organisation_id)) if organisation_id else None,
        object_type=object_type,
        object_id=object_id,
        fields=field_names,
        purpose=purpose,
        request_id=_request_id(request),
        previous_hash=head.last_hash,
    )
    entry.hash = chain.entry_hash(
        key, entry.previous_hash, {name: getattr(entry, name) for name in chain.CHAINED_FIELDS}
    )
    entry.save(force_insert=True)
    AuditHead.objects.filter(pk=1).update(
        last_sequence=entry.sequence,
        last_hash=entry.hash,
        mac=chain.head_mac(key, entry.sequence, entry.hash),
    )
    return entry
