"""Lets `flush` empty the audit log, and nothing else, past the SQLite triggers that refuse it.

On SQLite the triggers of migration `0002_forbid_update_delete` allow a DELETE only while
`panj_audit_flushing()` is true. The function exists only in Panj's own connections and is true
only inside `flushing()`, which the `flush` command (tests between transactional cases, a
developer resetting a database) enters. Anywhere else, e.g. the sqlite3 shell, the DELETE fails.
PostgreSQL empties tables with TRUNCATE, which row triggers do not see.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_state = threading.local()


def _is_flushing() -> int:
    return 1 if getattr(_state, "flushing", False) else 0


@contextmanager
def flushing() -> Iterator[None]:
    _state.flushing = True
    try:
        yield
    finally:
        _state.flushing = False


def register_sqlite_functions(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("panj_audit_flushing", 0, _is_flushing)
