"""Walks the audit log in order and finds the first entry that is missing, edited or out of chain.

Reads in chunks by sequence, so memory stays constant however long the log.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from panj.audit import chain
from panj.audit.models import AuditEntry, AuditHead

CHUNK = 2000


class Problem(StrEnum):
    MISSING = "missing"  # no entry with this sequence: deleted, or renumbered
    EDITED = "edited"  # the entry's content does not match its hash
    UNCHAINED = "unchained"  # the entry does not name its predecessor's hash
    TAIL_MISSING = "tail_missing"  # the head counts more entries than there are
    HEAD = "head"  # the head is missing, or was changed without the key


@dataclass(frozen=True)
class Broken:
    sequence: int
    entry_id: uuid.UUID | None
    problem: Problem


@dataclass(frozen=True)
class VerifyResult:
    count: int
    last_hash: str
    broken: Broken | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def _entries() -> Iterator[dict[str, Any]]:
    after = 0
    columns = (*chain.CHAINED_FIELDS, "previous_hash", "hash")
    while True:
        rows = list(
            AuditEntry.objects.filter(sequence__gt=after)
            .order_by("sequence")
            .values(*columns)[:CHUNK]
        )
        yield from rows
        if len(rows) < CHUNK:
            return
        after = rows[-1]["sequence"]


def verify_chain() -> VerifyResult:
    keys = chain.verification_keys()
    expected = 1
    previous = ""
    count = 0
    for row in _entries():
        broken: Problem | None = None
        if row["sequence"] != expected:
            return VerifyResult(count, previous, Broken(expected, None, Problem.MISSING))
        if row["previous_hash"] != previous:
            broken = Problem.UNCHAINED
        elif not any(chain.entry_hash(key, previous, row) == row["hash"] for key in keys):
            broken = Problem.EDITED
        if broken is not None:
            return VerifyResult(count, previous, Broken(row["sequence"], row["id"], broken))
        previous = row["hash"]
        expected += 1
        count += 1
    head = AuditHead.objects.filter(pk=1).first()
    if head is None:
        if count:
            return VerifyResult(count, previous, Broken(count, None, Problem.HEAD))
        return VerifyResult(0, "", None)
    if not any(head.mac == chain.head_mac(key, head.last_sequence, head.last_hash) for key in keys):
        return VerifyResult(count, previous, Broken(head.last_sequence, None, Problem.HEAD))
    if head.last_sequence > count:
        return VerifyResult(count, previous, Broken(count + 1, None, Problem.TAIL_MISSING))
    if head.last_sequence < count or head.last_hash != previous:
        return VerifyResult(count, previous, Broken(head.last_sequence + 1, None, Problem.HEAD))
    return VerifyResult(count, previous, None)
