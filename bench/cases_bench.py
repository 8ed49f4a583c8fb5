"""Server time of the case pages with many cases, on SQLite and PostgreSQL.

    .venv/bin/python bench/cases_bench.py [--cases 100000] [--database-url URL] [--quick]

Seeds the cases through the same bulk service as the demo and the import (sealed identities,
blind indexes, consents), then times requests through Django's test client: the case list
(default, filtered, name search) and the case page. Prints median and p95 in milliseconds,
and the number of SQL queries per page. The database is a fresh one made for the run.
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

from bench.common import analyze, bench_database, header, parser, report, signed_in, timed  # noqa: E402


def main() -> int:
    command = parser(__doc__, quick="2 000 cases, 10 requests")
    command.add_argument("--cases", type=int, default=100_000)
    command.add_argument("--requests", type=int, default=50)
    args = command.parse_args()
    if args.quick:
        args.cases, args.requests = min(args.cases, 2000), 10
    with bench_database(args, "cases"):
        return run(args)


def seed(count: int):
    from panj.accounts.roles import Role
    from panj.accounts.services import add_member
    from panj.cases import demo, htcds, services
    from panj.cases.identity import Identity
    from panj.directory.models import Area, Country
    from panj.directory.services import create_organisation

    country = Country.objects.get(iso2="AF")
    organisation = create_organisation(
        slug="bench-ngo", name="Bench NGO", kind="ngo", country=country, case_number_prefix="AF-BEN"
    )
    other = create_organisation(slug="bench-other", name="Other NGO", kind="ngo", country=country)
    alice = add_member(
        organisation=organisation,
        email="alice@bench.example",
        full_name="Alice",
        role=Role.CASEWORKER,
    ).user
    bob = add_member(
        organisation=organisation, email="bob@bench.example", full_name="Bob", role=Role.SUPERVISOR
    ).user
    areas = list(Area.objects.filter(country=country).values_list("id", flat=True)[:40])
    rng = random.Random(7)
    today = datetime.date.today()
    given = demo.DARI_GIVEN_F + demo.DARI_GIVEN_M + demo.LATIN_GIVEN + demo.TAJIK_GIVEN_F
    family = demo.DARI_FAMILY + demo.LATIN_FAMILY + demo.TAJIK_FAMILY
    started = time.perf_counter()
    chunk = 5000
    for start in range(0, count, chunk):
        items = []
        for n in range(start, min(start + chunk, count)):
            opened = today - datetime.timedelta(days=rng.randint(0, 3650))
            items.append(
                services.NewCase(
                    identity=Identity(
                        given_name=rng.choice(given),
                        family_name=f"{rng.choice(family)}{n % 500}",
                        father_name=rng.choice(given),
                        birth_year=opened.year - rng.randint(8, 50),
                    ),
                    opened_on=opened,
                    gender=rng.choice(["Feminine", "Feminine", "Masculine"]),
                    area_id=rng.choice(areas),
                    caseworker_id=rng.choice([alice.pk, bob.pk, None]),
                    consents={"assistance": services.ConsentInput()},
                    values={
                        "status": rng.choice(["Active", "Active", "FollowUp"]),
                        "exploitation_types": rng.choice(demo.EXPLOITATION_MIX),
                        "next_follow_up_on": today + datetime.timedelta(days=rng.randint(-30, 60))
                        if rng.random() < 0.3
                        else None,
                        "trafficking_status": rng.choice(htcds.TraffickingStatus.values),
                    },
                )
            )
        # Seeding skips the per-case audit entries; the timed requests below are audited.
        services.bulk_register_cases(organisation=organisation, by=alice, items=items, action="")
    # A few cases elsewhere, so that scoping is part of every query.
    services.bulk_register_cases(
        organisation=other,
        by=None,
        items=[
            services.NewCase(identity=Identity(given_name="Other"), opened_on=today)
            for _ in range(100)
        ],
        action="",
    )
    print(f"seeded {count} cases in {time.perf_counter() - started:.1f} s", flush=True)
    return organisation, alice, bob


def run(args: argparse.Namespace) -> int:
    from django.db import connection
    from django.urls import reverse

    from panj.cases.models import Case

    organisation, alice, _bob = seed(args.cases)
    analyze()
    client = signed_in(alice)
    rng = random.Random(11)
    ids = list(Case.objects.filter(organisation=organisation).values_list("id", flat=True)[:5000])
    sample = rng.sample(ids, min(len(ids), args.requests + 3))
    from panj.cases import services

    names = [services.identity_of(c).family_name for c in Case.objects.filter(id__in=sample[:10])]
    list_url = reverse("cases:list")
    pages = [
        ("case list, default", "get", list_url, None),
        ("case list, page 10", "get", list_url, {"page": "10"}),
        (
            "case list, filtered",
            "get",
            list_url,
            {"status": "FollowUp", "gender": "Masculine", "exploitation": "ForcedLabour"},
        ),
        ("case list, follow-up due", "get", list_url, {"due": "on", "mine": "on"}),
        ("case list, name search", "post", list_url, lambda i: {"q": names[i % len(names)]}),
        ("case page", "get", lambda i: reverse("cases:case", args=[sample[i % len(sample)]]), None),
    ]
    print(f"\n{connection.vendor}, {args.cases} cases, {args.requests} requests per page")
    header()
    for label, method, url, data in pages:
        report(label, *timed(client, method, url, data, runs=args.requests))
    return 0


if __name__ == "__main__":
    sys.exit(main())
