"""Server time of the event, follow-up, programme and campaign pages, on SQLite and PostgreSQL.

    .venv/bin/python bench/knowledge_events_bench.py [--events 5000] [--database-url URL] [--quick]

Seeds events of many organisations (agenda, attendance by organisation and sex, follow-up
actions, a tenth of them open only to the organisations taking part), joint programmes with
indicators and dated progress, and campaigns with reach reported over time; then times the
pages through Django's test client: the event list and page, the coordinator's network-wide
overdue actions, an organisation's own actions, the home page, a programme with its chart, a
campaign with its totals, the members' calendar feed, and the figures for statistics. Prints
median and p95 in milliseconds and the number of SQL queries. The database is a fresh one.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
import time
import zoneinfo
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402
    analyze,
    bench_database,
    header,
    parser,
    report,
    signed_in,
    timed,
    timed_call,
)


def main() -> int:
    command = parser(__doc__, quick="500 events, 10 requests")
    command.add_argument("--events", type=int, default=5000)
    command.add_argument("--requests", type=int, default=50)
    args = command.parse_args()
    if args.quick:
        args.events, args.requests = min(args.events, 500), 10
    with bench_database(args, "knowledge_events"):
        return run(args)


def seed(count: int):
    from panj.accounts.roles import Role
    from panj.accounts.services import add_member
    from panj.directory.models import Area, Country
    from panj.directory.services import create_organisation
    from panj.knowledge.models import (
        AgendaItem,
        AttendanceCount,
        Campaign,
        Event,
        FollowUpAction,
        Indicator,
        Programme,
        ProgressValue,
        ReachFigure,
    )

    started = time.perf_counter()
    rng = random.Random(7)
    countries = {c.iso2: c for c in Country.objects.filter(iso2__in=["AF", "TJ"])}
    organisations = [
        create_organisation(
            slug=f"bench-ngo-{n}",
            name=f"Bench NGO {n}",
            kind="ngo",
            country=countries["AF" if n % 2 else "TJ"],
        )
        for n in range(40)
    ]
    iom = create_organisation(
        slug="bench-iom", name="Bench IOM", kind="iom", country=countries["AF"]
    )
    alice = add_member(
        organisation=organisations[1],
        email="alice@bench.example",
        full_name="Alice",
        role=Role.CASEWORKER,
    ).user
    dave = add_member(
        organisation=iom,
        email="dave@bench.example",
        full_name="Dave",
        role=Role.NETWORK_COORDINATOR,
    ).user
    areas = list(Area.objects.filter(on_border=True)) or list(Area.objects.all()[:20])
    kabul = zoneinfo.ZoneInfo("Asia/Kabul")
    now = datetime.datetime.now(kabul).replace(minute=0, second=0, microsecond=0)
    today = now.date()
    kinds = ["workshop", "training", "meeting", "field_visit"]
    events = []
    for n in range(count):
        starts = now + datetime.timedelta(days=rng.randint(-1500, 200), hours=rng.randint(0, 8))
        events.append(
            Event(
                kind=rng.choice(kinds),
                title_en=f"Event {n}",
                organisation=rng.choice([*organisations, iom]),
                place="Kabul",
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=8),
                sharing="invited" if n % 10 == 0 else "network",
                area=rng.choice(areas),
            )
        )
    Event.objects.bulk_create(events, batch_size=1000)
    rows, counts, actions, invited = [], [], [], []
    through = Event.invited_organisations.through
    for event in events:
        for hour in range(5):
            rows.append(
                AgendaItem(
                    event=event,
                    day=event.starts_at.date(),
                    starts=datetime.time(9 + hour),
                    title="Session",
                )
            )
        for organisation in rng.sample(organisations, 8):
            counts.append(
                AttendanceCount(
                    event=event,
                    organisation=organisation,
                    women=rng.randint(0, 5),
                    men=rng.randint(0, 5),
                )
            )
            invited.append(through(event_id=event.id, organisation_id=organisation.id))
        for _ in range(4):
            due = event.starts_at.date() + datetime.timedelta(days=rng.randint(10, 120))
            status = rng.choice(["open", "open", "in_progress", "done", "dropped"])
            actions.append(
                FollowUpAction(
                    event=event,
                    organisation=rng.choice(organisations),
                    description="Share the agreed procedure",
                    due_on=due,
                    status=status,
                    done_on=due if status == "done" else None,
                )
            )
    AgendaItem.objects.bulk_create(rows, batch_size=2000)
    AttendanceCount.objects.bulk_create(counts, batch_size=2000)
    through.objects.bulk_create(invited, batch_size=2000)
    FollowUpAction.objects.bulk_create(actions, batch_size=2000)
    campaigns = [
        Campaign(
            title=f"Campaign {n}",
            organisation=rng.choice(organisations),
            starts_on=today - datetime.timedelta(days=rng.randint(0, 1000)),
            channels=["radio", "community"],
            audiences=["youth"],
        )
        for n in range(max(20, count // 20))
    ]
    Campaign.objects.bulk_create(campaigns)
    reach = [
        ReachFigure(
            campaign=campaign,
            reported_on=campaign.starts_on + datetime.timedelta(days=7 * week),
            channel=rng.choice(["radio", "community", "schools", "posters", "social_media"]),
            age_group=rng.choice(["0-17", "18-59", "60+", "unknown"]),
            women=rng.randint(0, 300),
            men=rng.randint(0, 300),
        )
        for campaign in campaigns
        for week in range(50)
    ]
    ReachFigure.objects.bulk_create(reach, batch_size=2000)
    programmes = [
        Programme(
            title=f"Programme {n}",
            organisation=rng.choice(organisations),
            starts_on=today - datetime.timedelta(days=400),
            ends_on=today + datetime.timedelta(days=400),
        )
        for n in range(max(10, count // 50))
    ]
    Programme.objects.bulk_create(programmes)
    indicators = [
        Indicator(programme=programme, name=f"Indicator {k}", target=100 + k)
        for programme in programmes
        for k in range(4)
    ]
    Indicator.objects.bulk_create(indicators)
    ProgressValue.objects.bulk_create(
        [
            ProgressValue(
                indicator=indicator,
                measured_on=today - datetime.timedelta(days=30 * k),
                value=rng.randint(0, 120),
            )
            for indicator in indicators
            for k in range(12)
        ]
    )
    for programme in programmes:
        programme.events.set(rng.sample(events, 5))
        programme.campaigns.set(rng.sample(campaigns, 2))
    print(
        f"seeded {count} events, {len(actions)} actions, {len(campaigns)} campaigns, "
        f"{len(reach)} reach figures, {len(programmes)} programmes "
        f"in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    return alice, dave, events, campaigns, programmes


def run(args: argparse.Namespace) -> int:
    from django.db import connection
    from django.urls import reverse

    from panj.knowledge import figures

    alice, dave, events, campaigns, programmes = seed(args.events)
    analyze()
    member, coordinator = signed_in(alice), signed_in(dave)
    shared = [e for e in events if e.sharing == "network"]
    rng = random.Random(11)
    pages = [
        ("event list", member, reverse("knowledge:events")),
        ("event page", member, lambda i: reverse("knowledge:event", args=[rng.choice(shared).id])),
        ("overdue actions, network", coordinator, reverse("knowledge:actions")),
        ("own actions, pending", member, reverse("knowledge:actions") + "?show=pending"),
        ("home page", member, reverse("home")),
        (
            "programme with chart",
            member,
            lambda i: reverse("knowledge:programme", args=[rng.choice(programmes).id]),
        ),
        (
            "campaign with totals",
            member,
            lambda i: reverse("knowledge:campaign", args=[rng.choice(campaigns).id]),
        ),
        ("calendar feed (.ics)", member, reverse("knowledge:events_feed")),
    ]
    print(f"\n{connection.vendor}, {args.events} events, {args.requests} requests per page")
    header()
    for label, client, url in pages:
        report(label, *timed(client, "get", url, runs=args.requests))
    for label, function in [
        ("figures: event totals", figures.event_totals),
        ("figures: campaign reach", figures.campaign_reach),
    ]:
        report(label, *timed_call(function, args.requests))
    return 0


if __name__ == "__main__":
    sys.exit(main())
