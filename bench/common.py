"""What the page benchmarks share: the command line, a fresh database, timing and the table.

Each bench/<app>_bench.py seeds its own data and picks its own pages; this module makes the
database for the run (a new SQLite file under var/bench, or a PostgreSQL database of its own
made and dropped as the test runner does), times requests through Django's test client and
prints median and p95 in milliseconds with the number of SQL queries.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

WARMUP = 3  # the first requests warm caches and are not counted


def parser(doc: str, *, quick: str) -> argparse.ArgumentParser:
    """The command line of a benchmark: its own sizes are added by the caller."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database-url", default="")
    common.add_argument("--quick", action="store_true", help=quick)
    return argparse.ArgumentParser(description=doc.splitlines()[0], parents=[common])


@contextmanager
def bench_database(
    args: argparse.Namespace, name: str, env: dict[str, str] | None = None
) -> Iterator[None]:
    """Set Django up on a fresh database for the run, migrated; drop it afterwards.

    On SQLite, var/bench/<name>.sqlite3 is made anew (and kept after the run); on PostgreSQL
    (--database-url), a database `panj_<name>_bench` of its own, apart from the test suite's
    `test_...` databases, is made and dropped.
    """
    bench_dir = ROOT / "var" / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    if args.database_url:
        os.environ["PANJ_DATABASE_URL"] = args.database_url
    else:
        path = bench_dir / f"{name}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.environ["PANJ_DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "panj.settings")
    for key, value in (env or {}).items():
        os.environ.setdefault(key, value)
    import django

    django.setup()
    from django.db import connection

    test_db = None
    original_name = connection.settings_dict["NAME"]
    if connection.vendor == "postgresql":
        connection.settings_dict.setdefault("TEST", {})["NAME"] = f"panj_{name}_bench"
        test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    else:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    try:
        yield
    finally:
        if test_db:
            connection.creation.destroy_test_db(original_name, verbosity=0)


def analyze(*, vacuum: bool = False) -> None:
    """Fresh planner statistics after seeding (and on PostgreSQL, a visibility map if asked)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "VACUUM ANALYZE" if vacuum and connection.vendor == "postgresql" else "ANALYZE"
        )


def signed_in(user: Any) -> Any:
    """A test client signed in as `user`."""
    from django.test import Client

    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def median_p95(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, round(0.95 * len(samples)) - 1)]
    return statistics.median(samples), p95


def timed(
    client: Any,
    method: str,
    url: str | Callable[[int], str],
    data: Any = None,
    runs: int = 50,
    *,
    warmup: int = WARMUP,
    before: Callable[[], object] | None = None,
) -> tuple[float, float, int]:
    """Median and p95 in ms of `runs` requests after `warmup`, and the most SQL queries of one.

    `url` and `data` may be functions of the request's number; `before` runs ahead of each
    request, outside the timing.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    samples = []
    queries = 0
    for i in range(runs + warmup):
        item = data(i) if callable(data) else data
        address = url(i) if callable(url) else url
        if before is not None:
            before()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = getattr(client, method)(address, item)
            elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (address, response.status_code)
        if i >= warmup:
            samples.append(elapsed)
            queries = max(queries, len(captured))
    return (*median_p95(samples), queries)


def timed_call(function: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and p95 in ms of `runs` calls of `function` after the warm-up ones."""
    samples = []
    for i in range(runs + WARMUP):
        started = time.perf_counter()
        function()
        if i >= WARMUP:
            samples.append((time.perf_counter() - started) * 1000)
    return median_p95(samples)


def header(width: int = 28, first: str = "page", extra: str = "") -> None:
    print(f"{first:<{width}}{'median ms':>10}{'p95 ms':>10}{'queries':>9}{extra}")


def report(
    label: str,
    median: float,
    p95: float,
    queries: int | str = "",
    *,
    width: int = 28,
    extra: str = "",
) -> None:
    """One line of the table under `header`."""
    print(f"{label:<{width}}{median:>10.1f}{p95:>10.1f}{queries:>9}{extra}", flush=True)
