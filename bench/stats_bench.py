"""Time of a full open-data release and of the statistics dashboards, many cases.

    .venv/bin/python bench/stats_bench.py [--cases 100000] [--database-url URL] [--quick]

Seeds the cases as bench/cases_bench.py does, gives most of them a consent to statistics and
trafficking events, then times: a full network release (every table with differential
privacy and suppression, the k-anonymous microdata, the files) and the organisation and
network dashboards through Django's test client. The dashboards' main figures are computed
fresh: the cache is emptied before every timed request, so each one runs every query; the
time within the cache period is shown beside. Prints median and p95 in milliseconds.
The database is a fresh one made for the run. Targets: release < 30 s, dashboards p95 < 300 ms
fresh.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--quick", action="store_true", help="2 000 cases, 5 requests")
    args = parser.parse_args()
    if args.quick:
        args.cases, args.requests = min(args.cases, 2000), 5
    bench_dir = ROOT / "var" / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    if args.database_url:
        os.environ["PANJ_DATABASE_URL"] = args.database_url
    else:
        path = bench_dir / "stats.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.environ["PANJ_DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "panj.settings")
    import django

    django.setup()
    from django.db import connection

    test_db = None
    original_name = connection.settings_dict["NAME"]
    if connection.vendor == "postgresql":
        connection.settings_dict.setdefault("TEST", {})["NAME"] = "panj_stats_bench"
        test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    else:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    try:
        return run(args)
    finally:
        if test_db:
            connection.creation.destroy_test_db(original_name, verbosity=0)


def enrich(organisation) -> None:
    """Consents to statistics for 90 % of the cases, events for a third, HTCDS variables."""
    from panj.cases import htcds
    from panj.cases.models import Case, Consent, TraffickingEvent
    from panj.cases.services import refresh_route, refresh_statistics_consent
    from panj.directory.models import Area, BorderCrossing, Country

    rng = random.Random(13)
    started = time.perf_counter()
    countries = list(Country.objects.values_list("id", flat=True))
    areas = list(Area.objects.filter(on_border=True).values_list("id", flat=True))
    crossings = list(BorderCrossing.objects.values_list("id", flat=True))
    controls = list(htcds.ControlMethod.values)
    ids = list(Case.objects.filter(organisation=organisation).values_list("id", "opened_on"))
    consents, events = [], []
    for case_id, opened_on in ids:
        if rng.random() < 0.9:
            consents.append(
                Consent(
                    case_id=case_id,
                    purpose="statistics",
                    given_by="person",
                    method="verbal",
                    given_on=opened_on,
                )
            )
        if rng.random() < 0.33:
            events.append(
                TraffickingEvent(
                    case_id=case_id, type="Recruitment", country_id=rng.choice(countries)
                )
            )
            events.append(
                TraffickingEvent(
                    case_id=case_id,
                    type="Exploitation",
                    country_id=rng.choice(countries),
                    area_id=rng.choice(areas),
                    border_crossing_id=rng.choice(crossings) if rng.random() < 0.5 else None,
                )
            )
    Consent.objects.bulk_create(consents, batch_size=5000)
    TraffickingEvent.objects.bulk_create(events, batch_size=5000)
    # Consents and events made here in bulk, not through the services: set the cases' consent
    # mark and route as the services do.
    refresh_statistics_consent()
    refresh_route()
    # Means of control and citizenship in a few combinations, one UPDATE each.
    for n, combination in enumerate(
        [controls[:2], controls[3:4], controls[4:7], controls[7:8], controls[8:10]]
    ):
        chunk = [case_id for case_id, _opened in ids[n::5]]
        for start in range(0, len(chunk), 5000):
            Case.objects.filter(id__in=chunk[start : start + 5000]).update(
                control_methods=combination, citizenship=["AF"] if n % 2 else ["TJ"]
            )
    print(
        f"enriched: {len(consents)} consents, {len(events)} events "
        f"in {time.perf_counter() - started:.1f} s",
        flush=True,
    )


def run(args: argparse.Namespace) -> int:
    from cases_bench import seed, timed
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from panj.accounts.roles import Role
    from panj.accounts.services import add_member
    from panj.directory.models import Country
    from panj.directory.services import create_organisation
    from panj.stats import services

    organisation, alice, _bob = seed(args.cases)
    enrich(organisation)
    iom = create_organisation(
        slug="bench-iom", name="Bench IOM", kind="iom", country=Country.objects.get(iso2="AF")
    )
    dave = add_member(
        organisation=iom,
        email="dave@bench.example",
        full_name="Dave",
        role=Role.NETWORK_COORDINATOR,
    ).user
    frank = add_member(
        organisation=iom, email="frank@bench.example", full_name="Frank", role=Role.ANALYST
    ).user
    with connection.cursor() as cursor:
        # PostgreSQL reads an index alone only for pages its autovacuum has marked visible.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")

    year = datetime.date.today().year
    print(f"\n{connection.vendor}, {args.cases} cases")
    releases = []
    for _ in range(1 if args.quick else 2):
        started = time.perf_counter()
        release = services.build_release(
            organisation=iom,
            by=frank,
            options=services.ReleaseOptions(title="Bench", first_year=year - 10, last_year=year),
        )
        releases.append(time.perf_counter() - started)
    print(
        f"full network release: {min(releases):.2f} s (best of {len(releases)}), "
        f"{release.cases_counted} cases, {release.microdata_records} microdata records "
        f"({release.microdata_suppressed} withheld), epsilon spent {release.epsilon_spent:.3f}"
    )
    print(
        f"{'page, computed fresh':<28}{'median ms':>10}{'p95 ms':>10}{'queries':>9}"
        f"{'cached p95':>12}"
    )
    for label, user, url in [
        ("organisation dashboard", alice, reverse("stats:organisation")),
        ("network dashboard", dave, reverse("stats:network")),
    ]:
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        median, p95, queries = fresh(client, url, runs=args.requests)
        _median, cached, _queries = timed(client, "get", url, None, runs=args.requests)
        print(f"{label:<28}{median:>10.1f}{p95:>10.1f}{queries:>9}{cached:>12.1f}", flush=True)
    return 0


def fresh(client, url: str, runs: int) -> tuple[float, float, int]:
    """Median and p95 of requests that each compute the figures: the cache emptied before."""
    import statistics

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from panj.stats.dashboards import forget_cached_figures

    samples = []
    queries = 0
    for i in range(runs + 2):
        forget_cached_figures()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (url, response.status_code)
        if i >= 2:  # the first requests warm the database's and Python's caches
            samples.append(elapsed)
            queries = max(queries, len(captured))
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * len(samples)) - 1)]
    return statistics.median(samples), p95, queries


if __name__ == "__main__":
    sys.exit(main())
