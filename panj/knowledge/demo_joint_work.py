"""The demo network's joint work: the founding workshop in Kabul and its follow-up, a joint
programme in the border districts, an awareness campaign with its reach.

Dates are relative to the day the demo is loaded, so that some actions are always overdue.
"""

from __future__ import annotations

import datetime
import zoneinfo
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from panj.accounts.models import User
from panj.directory.models import Area, Country, Organisation
from panj.knowledge.models.campaigns import Campaign
from panj.knowledge.models.events import Event, Sharing, TimeZone
from panj.knowledge.models.programmes import Programme
from panj.knowledge.services import campaigns, events, programmes

WORKSHOP = "Founding workshop of the cross-border network"
TRAINING = "Training: identifying trafficked people at the border"
PROGRAMME = "Safer border districts"
CAMPAIGN = "Know before you go"

# The ten NGOs that met in Kabul, from both sides of the river.
TEN_NGOS = [
    "kfpo",
    "hope-takhar",
    "wakhan-aid",
    "kabul-legal",
    "panj-border-network",
    "nur-khorog",
    "pamir-bridge",
    "safe-migration-dushanbe",
    "kulob-legal",
    "bokhtar-youth",
]

# (organisation, women, men) at the founding workshop; one outside guest row below.
ATTENDANCE = [
    ("iom-kabul", 2, 2),
    ("iom-dushanbe", 1, 1),
    ("kfpo", 2, 1),
    ("hope-takhar", 1, 1),
    ("wakhan-aid", 0, 2),
    ("kabul-legal", 1, 1),
    ("panj-border-network", 1, 2),
    ("nur-khorog", 2, 1),
    ("pamir-bridge", 1, 1),
    ("safe-migration-dushanbe", 2, 0),
    ("kulob-legal", 1, 1),
    ("bokhtar-youth", 1, 1),
]

AGENDA = [
    (0, "08:30", "Welcome and introductions"),
    (0, "09:30", "Trafficking across the Panj: what each side sees"),
    (0, "11:00", "Good practice: identification, shelter and legal aid"),
    (0, "14:00", "Referrals across the border: who calls whom"),
    (1, "09:00", "Planning joint activities in the border districts"),
    (1, "11:00", "Awareness-raising among local people"),
    (1, "14:00", "Agreements, follow-up actions and closing"),
]

# (owner, description, due in days from today, status)
ACTIONS = [
    (
        "kfpo",
        "Share the Kunduz referral procedure in the library, in Dari and English.",
        -12,
        "open",
    ),
    ("nur-khorog", "Translate the border screening guide into Tajik.", -5, "in_progress"),
    ("iom-kabul", "Circulate the list of focal points on both sides.", -30, "done"),
    ("pamir-bridge", "Propose dates for a joint training in Khorog.", 14, "open"),
    ("wakhan-aid", "Map services in Wakhan and Ishkashim for the directory.", 30, "open"),
    ("kabul-legal", "Summarise the anti-trafficking laws of both countries.", -2, "open"),
]

OUTCOMES = (
    "Ten NGOs from Afghanistan and Tajikistan agreed to form a network against trafficking "
    "across the Panj, with IOM Kabul and Dushanbe as conveners. They agreed to share good "
    "practice in one library, to refer survivors across the border with their consent, to "
    "run a joint programme in the border districts and a campaign among local people."
)


def _org(slug: str) -> Organisation | None:
    return Organisation.objects.filter(slug=slug).first()


def _orgs(slugs: list[str]) -> list[Organisation]:
    return list(Organisation.objects.filter(slug__in=slugs))


def _at(day: datetime.date, time: str, zone: str) -> datetime.datetime:
    hour, minute = (int(part) for part in time.split(":"))
    return datetime.datetime.combine(day, datetime.time(hour, minute), zoneinfo.ZoneInfo(zone))


@transaction.atomic
def load_demo_events() -> int:
    iom_kabul = _org("iom-kabul")
    if iom_kabul is None or Event.objects.filter(title_en=WORKSHOP).exists():
        return 0
    today = timezone.localdate()
    first_day = today - datetime.timedelta(days=45)
    workshop = events.create_event(
        organisation=iom_kabul,
        kind=Event.Kind.WORKSHOP,
        title_en=WORKSHOP,
        title_prs="ورکشاپ تأسیس شبکهٔ فرامرزی",
        title_tg="Семинари таъсисии шабакаи фаромарзӣ",
        title_ru="Учредительный семинар трансграничной сети",
        title_fr="Atelier fondateur du réseau transfrontalier",
        description="Two days in Kabul to strengthen links, exchange knowledge and good "
        "practice, and plan joint activities in the border areas.",
        starts_at=_at(first_day, "08:30", TimeZone.KABUL),
        ends_at=_at(first_day + datetime.timedelta(days=1), "16:30", TimeZone.KABUL),
        time_zone=TimeZone.KABUL,
        country=Country.objects.filter(iso2="AF").first(),
        area=Area.objects.filter(key="af-kabul-kabul").first(),
        place="Kabul",
        funder="Demo donor",
        outcomes=OUTCOMES,
        sharing=Sharing.NETWORK,
        co_organisers=_orgs(["iom-dushanbe"]),
        invited_organisations=_orgs(TEN_NGOS),
        invited_people=list(User.objects.filter(email__endswith="@demo.panj.org")),
    )
    for offset, time, title in AGENDA:
        day = first_day + datetime.timedelta(days=offset)
        hour, minute = (int(part) for part in time.split(":"))
        events.add_agenda_item(
            event=workshop, day=day, starts=datetime.time(hour, minute), title=title
        )
    for slug, women, men in ATTENDANCE:
        organisation = _org(slug)
        if organisation is not None:
            events.record_attendance(
                event=workshop, organisation=organisation, women=women, men=men
            )
    events.record_attendance(event=workshop, other_organisation="Ministry observers", men=2)
    events.set_attendees(
        event=workshop,
        users=User.objects.filter(email__in=["alice@demo.panj.org", "carol@demo.panj.org"]),
    )
    for slug, description, due_in, status in ACTIONS:
        owner = _org(slug)
        if owner is None:
            continue
        action = events.add_action(
            event=workshop,
            organisation=owner,
            description=description,
            due_on=today + datetime.timedelta(days=due_in),
        )
        if status != "open":
            events.set_action_status(
                action=action, status=status, today=first_day + datetime.timedelta(days=20)
            )

    training_day = today + datetime.timedelta(days=21)
    training = events.create_event(
        organisation=_org("nur-khorog") or iom_kabul,
        kind=Event.Kind.TRAINING,
        title_en=TRAINING,
        title_tg="Омӯзиш: муайян кардани қурбониёни хариду фурӯш дар марз",
        title_ru="Тренинг: выявление жертв торговли людьми на границе",
        title_prs="آموزش: شناسایی قربانیان قاچاق در سرحد",
        starts_at=_at(training_day, "09:00", TimeZone.DUSHANBE),
        ends_at=_at(training_day, "17:00", TimeZone.DUSHANBE),
        time_zone=TimeZone.DUSHANBE,
        country=Country.objects.filter(iso2="TJ").first(),
        area=Area.objects.filter(key="tj-gbao-khorugh").first(),
        place="Khorog",
        sharing=Sharing.PUBLIC,
        co_organisers=_orgs(["pamir-bridge", "iom-dushanbe"]),
        invited_organisations=_orgs(["wakhan-aid", "kfpo", "panj-border-network"]),
    )
    events.add_agenda_item(
        event=training, day=training_day, starts=datetime.time(9), title="Signs of trafficking"
    )
    return 2


@transaction.atomic
def load_demo_campaigns() -> int:
    lead = _org("nur-khorog")
    if lead is None or Campaign.objects.filter(title=CAMPAIGN).exists():
        return 0
    today = timezone.localdate()
    start = today - datetime.timedelta(days=120)
    campaign = campaigns.create_campaign(
        organisation=lead,
        title=CAMPAIGN,
        description="Safe labour migration and the risks of false job offers, told by "
        "returnees, on both banks of the Panj.",
        starts_on=start,
        ends_on=today + datetime.timedelta(days=60),
        partners=_orgs(["kfpo", "wakhan-aid", "pamir-bridge"]),
        areas=list(Area.objects.filter(on_border=True, level=Area.Level.DISTRICT)[:6]),
        communities="Villages of Shughnon, Ishkashim and Darvoz; "
        "Shighnan and Wakhan across the river.",
        audiences=["youth", "parents", "migrants", "leaders"],
        channels=["community", "radio", "posters", "schools", "social_media"],
        sharing=Sharing.NETWORK,
    )
    for language, text in [
        ("tg", "Пеш аз сафар ба кор шартномаро хонед ва ҳуҷҷатҳоятонро ба касе надиҳед."),
        ("ru", "Перед отъездом на работу прочитайте договор и никому не отдавайте документы."),
        ("prs", "پیش از سفر برای کار، قرارداد را بخوانید و اسناد خود را به کسی ندهید."),
        ("en", "Before leaving for work, read the contract and never hand over your papers."),
    ]:
        campaigns.add_message(campaign=campaign, language=language, text=text)
    reach = [
        (10, "community", "18-59", 64, 41),
        (10, "community", "0-17", 22, 19),
        (25, "radio", "18-59", 900, 1100),
        (40, "schools", "0-17", 180, 165),
        (55, "posters", "unknown", 300, 300),
        (70, "community", "60+", 18, 25),
        (85, "social_media", "18-59", 1200, 950),
        (100, "schools", "0-17", 140, 150),
    ]
    for days, channel, group, women, men in reach:
        campaigns.report_reach(
            campaign=campaign,
            reported_on=start + datetime.timedelta(days=days),
            channel=channel,
            age_group=group,
            women=women,
            men=men,
        )
    return 1


@transaction.atomic
def load_demo_programmes() -> int:
    lead = _org("iom-kabul")
    if lead is None or Programme.objects.filter(title=PROGRAMME).exists():
        return 0
    today = timezone.localdate()
    start = today - datetime.timedelta(days=180)
    programme = programmes.create_programme(
        organisation=lead,
        title=PROGRAMME,
        starts_on=start,
        ends_on=start + datetime.timedelta(days=730),
        donor="Demo donor",
        objectives="1. Frontline staff on both sides identify trafficked people.\n"
        "2. Survivors are referred across the border with their consent.\n"
        "3. Local people in the border districts know the risks and where to get help.",
        partners=_orgs(["iom-dushanbe", "kfpo", "nur-khorog", "wakhan-aid", "pamir-bridge"]),
        areas=list(Area.objects.filter(on_border=True)),
        events=list(Event.objects.filter(title_en__in=[WORKSHOP, TRAINING])),
        campaigns=list(Campaign.objects.filter(title=CAMPAIGN)),
        sharing=Sharing.NETWORK,
    )
    indicators = [
        ("Frontline staff trained", "people", 0, 120, [(60, 18), (120, 41), (170, 57)]),
        ("Survivors referred across the border", "people", 4, 40, [(90, 9), (170, 15)]),
        ("People reached by awareness-raising", "people", 0, 10000, [(60, 1200), (150, 5524)]),
    ]
    for name, unit, baseline, target, values in indicators:
        indicator = programmes.add_indicator(
            programme=programme,
            name=name,
            unit=unit,
            baseline=Decimal(baseline),
            target=Decimal(target),
        )
        for days, value in values:
            programmes.add_progress(
                indicator=indicator,
                measured_on=start + datetime.timedelta(days=days),
                value=Decimal(value),
            )
    return 1


def load_demo_joint_work() -> str:
    added_events = load_demo_events()
    added_campaigns = load_demo_campaigns()
    added_programmes = load_demo_programmes()
    return (
        f"events: {added_events}, joint programmes: {added_programmes}, "
        f"awareness campaigns: {added_campaigns}"
    )
