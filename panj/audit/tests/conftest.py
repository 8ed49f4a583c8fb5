"""Entries of the shared personas' organisations, and an attacker who can bypass the triggers."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from django.db import connection

from panj.audit.models import AuditEntry
from panj.audit.services import record


def read_case(user, organisation, *, purpose: str = "assistance") -> AuditEntry:
    return record(
        action="case_read",
        actor=user,
        organisation_id=organisation.id,
        object_type="case",
        object_id=str(uuid.uuid4()),
        fields=["summary"],
        purpose=purpose,
    )


@pytest.fixture
def entries(ngo_af, alice, bob) -> list[AuditEntry]:
    """Five reads of cases in the Afghan NGO, the second one a supervisor's review."""
    return [
        read_case(user, ngo_af, purpose="review" if user == bob else "assistance")
        for user in (alice, bob, alice, alice, alice)
    ]


@pytest.fixture
def attacker(db) -> Callable[[], None]:
    """Someone with rights on the schema: drops the append-only triggers (until rollback)."""

    def bypass_triggers() -> None:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER USER")
                cursor.execute("ALTER TABLE audit_audithead DISABLE TRIGGER USER")
            else:
                for name in (
                    "audit_entry_no_update",
                    "audit_entry_no_delete",
                    "audit_head_forward_only",
                    "audit_head_no_delete",
                ):
                    cursor.execute(f"DROP TRIGGER {name}")

    return bypass_triggers
