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
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import cases_bench  # noqa: E402
from bench.common import analyze, bench_database, header, parser, report, signed_in, timed  # noqa: E402


def main() -> int:
    command = parser(__doc__, quick="2 000 cases, 5 requests")
    command.add_argument("--cases", type=int, default=100_000)
    command.add_argument("--requests", type=int, default=20)
    args = command.parse_args()
    if args.quick:
        args.cases, args.requests = min(args.cases, 2000), 5
    with bench_database(args, "stats"):
        return run(args)


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
    from django.db import connection
    from django.urls import reverse

    from panj.accounts.roles import Role
    from panj.accounts.services import add_member
    from panj.directory.models import Country
    from panj.directory.services import create_organisation
    from panj.stats import services
    from panj.stats.dashboards import forget_cached_figures

    organisation, alice, _bob = cases_bench.seed(args.cases)
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
    # PostgreSQL reads an index alone only for pages its autovacuum has marked visible.
    analyze(vacuum=True)

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
    header(first="page, computed fresh", extra=f"{'cached p95':>12}")
    for label, user, url in [
        ("organisation dashboard", alice, reverse("stats:organisation")),
        ("network dashboard", dave, reverse("stats:network")),
    ]:
        client = signed_in(user)
        # Each request computes the figures: the cache emptied before; the first two requests
        # warm the database's and Python's caches.
        median, p95, queries = timed(
            client, "get", url, runs=args.requests, warmup=2, before=forget_cached_figures
        )
        _median, cached, _queries = timed(client, "get", url, None, runs=args.requests)
        report(label, median, p95, queries, extra=f"{cached:>12.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
