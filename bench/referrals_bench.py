"""Server time of the referral pages with many cases and referrals, on SQLite and PostgreSQL.

    .venv/bin/python bench/referrals_bench.py [--cases 100000] [--referrals 20000]
                                              [--database-url URL] [--quick]

Seeds the cases through the cases bench (the same bulk service as the demo and the import),
ten organisations in both countries with agreements between them, then the referrals: a few
hundred through the services from draft to answer, the rest written in bulk in the same
shape (sealed payloads, timeline steps). Times the inbox (each tab) and a referral page of
each side through Django's test client. Prints median and p95 in milliseconds, and the
number of SQL queries per page. The database is a fresh one made for the run.
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

TARGET_P95_MS = 100.0


def main() -> int:
    command = parser(__doc__, quick="2 000 cases, 1 000 referrals")
    command.add_argument("--cases", type=int, default=100_000)
    command.add_argument("--referrals", type=int, default=20_000)
    command.add_argument("--requests", type=int, default=50)
    args = command.parse_args()
    if args.quick:
        args.cases, args.referrals, args.requests = (
            min(args.cases, 2000),
            min(args.referrals, 1000),
            10,
        )
    email = {"PANJ_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    with bench_database(args, "referrals", env=email):
        return run(args)


def seed_network(home, count: int):
    """Nine more organisations in both countries, each with services, a few hundred cases and
    an agreement with the bench organisation; and one country-group agreement per country."""
    from panj.accounts.roles import Role
    from panj.accounts.services import add_member
    from panj.cases import services as case_services
    from panj.cases.identity import Identity
    from panj.directory.models import Country, Service
    from panj.directory.services import create_organisation
    from panj.referrals import services, travel

    af, tj = Country.objects.get(iso2="AF"), Country.objects.get(iso2="TJ")
    today = datetime.date.today()
    organisations = [home]
    for n in range(9):
        country = af if n % 2 else tj
        organisation = create_organisation(
            slug=f"bench-partner-{n}", name=f"Partner {n}", kind="ngo", country=country
        )
        add_member(
            organisation=organisation,
            email=f"worker{n}@bench.example",
            full_name=f"Worker {n}",
            role=Role.CASEWORKER,
        )
        case_services.bulk_register_cases(
            organisation=organisation,
            by=None,
            items=[
                case_services.NewCase(
                    identity=Identity(given_name=f"Person {i}", family_name="Bench"),
                    opened_on=today,
                    consents={"assistance": case_services.ConsentInput()},
                )
                for i in range(max(20, count // 500))
            ],
            action="",
        )
        organisations.append(organisation)
    for organisation in organisations:
        for category in ("shelter", "medical", "legal", "return"):
            Service.objects.create(
                organisation=organisation, category=category, name=f"{category} {organisation}"
            )
    fields = [name for name in travel.NAMES if name not in ("address", "id_document")]
    for organisation in organisations[1:]:
        services.create_agreement(
            organisation=home,
            by=None,
            title=f"Bench with {organisation.name}",
            scope="both",
            fields=fields,
            starts_on=today - datetime.timedelta(days=400),
            ends_on=today + datetime.timedelta(days=400),
            parties=[home, organisation],
        )
    for country in (af, tj):
        services.create_agreement(
            organisation=home,
            by=None,
            title=f"All members in {country.name_en}",
            scope="in_country",
            fields=fields,
            starts_on=today - datetime.timedelta(days=400),
            ends_on=today + datetime.timedelta(days=400),
            parties=[country],
        )
    return organisations


def seed_referrals(organisations, total: int, alice, bob) -> None:
    """A few hundred referrals through the services, the rest in bulk in the same shape."""
    from django.utils import timezone

    from panj.cases.models import Case, Consent
    from panj.directory.models import Service
    from panj.referrals import services, travel
    from panj.referrals.models import Referral, ReferralEvent

    rng = random.Random(5)
    started = time.perf_counter()
    home = organisations[0]
    cases_of = {
        organisation.id: list(
            Case.objects.filter(organisation=organisation).values_list("id", flat=True)[:20000]
        )
        for organisation in organisations
    }
    service_of = {
        organisation.id: list(Service.objects.filter(organisation=organisation))
        for organisation in organisations
    }
    agreement_of = {}
    for organisation in organisations[1:]:
        agreement_of[(home.id, organisation.id)] = services.agreement_between(home, organisation)
        agreement_of[(organisation.id, home.id)] = services.agreement_between(organisation, home)

    # Through the services: every step as the pages take it.
    by_service = min(300, total // 10)
    for n in range(by_service):
        receiver = organisations[1 + n % 9]
        case = Case.objects.get(id=cases_of[home.id][n])
        Consent.objects.create(
            case=case,
            purpose=Consent.Purpose.REFERRAL,
            recipient=receiver,
            given_by="person",
            method="verbal",
            given_on=timezone.localdate(),
        )
        referral = services.draft_referral(
            case=case,
            by=alice,
            receiver=receiver,
            services=service_of[receiver.id][:2],
            urgency="routine",
            reason="not_offered",
        )
        referral = services.send_referral(
            referral=referral, by=alice, fields=services.may_travel(referral), note="Bench note"
        )
        if referral.cross_border and n % 5:
            services.approve_referral(referral=referral, by=bob)
    # In bulk: the same rows the services write, without a request each.
    now = timezone.now()
    statuses = ["sent", "accepted", "declined", "delivered", "completed", "expired", "withdrawn"]
    batch: list[Referral] = []
    events: list[ReferralEvent] = []
    for n in range(total - by_service):
        if n % 3 == 0:
            sender, receiver = organisations[1 + n % 9], home
        else:
            sender, receiver = home, organisations[1 + n % 9]
        agreement = agreement_of[(sender.id, receiver.id)]
        status = rng.choice(statuses)
        sent_at = now - datetime.timedelta(hours=rng.randint(1, 24 * 300))
        categories = sorted({service.category for service in service_of[receiver.id][:2]})
        referral = Referral(
            sender=sender,
            receiver=receiver,
            case_id=rng.choice(cases_of[sender.id]),
            agreement=agreement,
            categories=categories,
            urgency=rng.choice(["routine", "urgent"]),
            reason="not_offered",
            cross_border=sender.country_id != receiver.country_id,
            status=status,
            travelled=travel.fields_that_may_travel(categories, agreement.fields),
            sent_at=sent_at,
            due_at=max(sent_at, now) + datetime.timedelta(days=7),
            answered_at=sent_at + datetime.timedelta(hours=rng.randint(1, 96))
            if status not in ("sent", "expired", "withdrawn")
            else None,
            decline_reason="no_capacity" if status == "declined" else "",
            news_for_sender=rng.random() < 0.05,
            news_for_receiver=rng.random() < 0.05,
        )
        if status in Referral.HOLDING:
            services._seal(referral, {"given_name": f"Person {n}", "gender": "Feminine"})
        batch.append(referral)
        events.append(
            ReferralEvent(referral=referral, kind="sent", at=sent_at, organisation=sender)
        )
        if referral.answered_at:
            events.append(
                ReferralEvent(
                    referral=referral,
                    kind="declined" if status == "declined" else "accepted",
                    at=referral.answered_at,
                    organisation=receiver,
                )
            )
    Referral.objects.bulk_create(batch, batch_size=1000)
    ReferralEvent.objects.bulk_create(events, batch_size=2000)
    print(
        f"seeded {total} referrals ({by_service} through the services) in "
        f"{time.perf_counter() - started:.1f} s",
        flush=True,
    )


def run(args: argparse.Namespace) -> int:
    from django.db import connection
    from django.urls import reverse

    from panj.referrals.models import Referral

    home, alice, bob = cases_bench.seed(args.cases)
    organisations = seed_network(home, args.cases)
    seed_referrals(organisations, args.referrals, alice, bob)
    analyze()
    caseworker, supervisor = signed_in(alice), signed_in(bob)
    rng = random.Random(3)
    outgoing = list(
        Referral.objects.filter(sender=home).values_list("id", flat=True).order_by("?")[:500]
    )
    incoming = list(
        Referral.objects.filter(receiver=home, status__in=["sent", "accepted"])
        .values_list("id", flat=True)
        .order_by("?")[:500]
    )
    rng.shuffle(outgoing)
    inbox = reverse("referrals:inbox")

    def page(ids):
        return lambda i: reverse("referrals:referral", args=[ids[i % len(ids)]])

    pages = [
        ("inbox, incoming", caseworker, inbox, None),
        ("inbox, incoming, page 5", caseworker, inbox, {"page": "5"}),
        ("inbox, outgoing", caseworker, inbox, {"tab": "outgoing"}),
        ("inbox, outgoing, accepted", caseworker, inbox, {"tab": "outgoing", "status": "accepted"}),
        ("inbox, awaiting approval", supervisor, inbox, {"tab": "approval"}),
        ("referral page, sender", caseworker, page(outgoing), None),
        ("referral page, receiver", caseworker, page(incoming), None),
        ("pathways", caseworker, reverse("referrals:pathways"), None),
    ]
    print(
        f"\n{connection.vendor}, {args.cases} cases, {args.referrals} referrals, "
        f"{args.requests} requests per page"
    )
    header(width=30)
    slow = []
    for label, client, url, data in pages:
        median, p95, queries = timed(client, "get", url, data, runs=args.requests)
        report(label, median, p95, queries, width=30)
        if p95 >= TARGET_P95_MS and label != "pathways":
            slow.append(label)
    if slow:
        print(f"over {TARGET_P95_MS:.0f} ms at p95: {', '.join(slow)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
