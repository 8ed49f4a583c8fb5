"""`flush` empties every table, the audit log included, past its append-only triggers."""

from __future__ import annotations

from typing import Any

from django.core.management.commands import flush

from panj.audit.guard import flushing


class Command(flush.Command):
    def handle(self, **options: Any) -> None:
        with flushing():
            super().handle(**options)
