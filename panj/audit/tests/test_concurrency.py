"""Writers appending at the same time get one sequence each and one unbroken chain."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from panj.audit.models import AuditEntry
from panj.audit.services import record
from panj.audit.verify import verify_chain

WRITERS = 8
EACH = 10


@pytest.mark.django_db(transaction=True)
def test_it_numbers_concurrent_entries_without_gaps_or_forks():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writing transaction at a time by design")
    start = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def write() -> None:
        try:
            start.wait()
            for _ in range(EACH):
                record(action="case_read", object_type="case", object_id="x")
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    sequences = list(AuditEntry.objects.order_by("sequence").values_list("sequence", flat=True))
    assert sequences == list(range(1, WRITERS * EACH + 1))
    assert verify_chain().ok
