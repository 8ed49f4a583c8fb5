"""Invented cases for the demo network: names in Dari, Cyrillic and Latin script.

Every person here is invented; names are common given and family names put together at
random, phone numbers are in blocks no operator assigns (+93 70 000 9xxx, +992 90 000 9xxx).
"""

from __future__ import annotations

import datetime
import random

from django.conf import settings
from django.db import transaction

from panj.accounts.models import User
from panj.cases import htcds, services
from panj.cases.identity import Identity
from panj.cases.models import Case
from panj.directory.models import Area, Organisation

DARI_GIVEN_F = ["فرزانه", "مریم", "زهرا", "شبنم", "گلالی", "نرگس", "ملالی", "فاطمه", "سیما", "لیلا"]
DARI_GIVEN_M = ["احمد", "محمود", "جاوید", "نجیب", "فرید", "عبدالله", "رحیم", "سمیع"]
DARI_FAMILY = ["احمدی", "کریمی", "رحیمی", "نوری", "حیدری", "صدیقی", "یوسفزی", "جلالی"]
TAJIK_GIVEN_F = ["Нигина", "Зарина", "Мадина", "Фарзона", "Гулнора", "Манижа", "Дилноза", "Сафина"]
TAJIK_GIVEN_M = ["Фарҳод", "Бахтиёр", "Сино", "Рустам", "Далер", "Шаҳром"]
TAJIK_FAMILY = ["Саидова", "Каримова", "Назарова", "Раҳимова", "Шарипова", "Қодирова", "Усмонова"]
LATIN_GIVEN = ["Farzana", "Zarina", "Mariam", "Nilufar", "Javid", "Farid", "Shabnam", "Gulnora"]
LATIN_FAMILY = ["Ahmadi", "Karimova", "Noori", "Rahimi", "Nazarova", "Sultani", "Haidari"]

CASES_PER_ORGANISATION = {
    "kfpo": 16,
    "nur-khorog": 14,
    "pamir-bridge": 6,
    "hope-takhar": 4,
    "wakhan-aid": 4,
    "kabul-legal": 4,
    "safe-migration-dushanbe": 4,
    "kulob-legal": 3,
    "bokhtar-youth": 3,
    "panj-border-network": 4,
}
EXPLOITATION_MIX = [
    ["ForcedMarriage"],
    ["ForcedLabour"],
    ["ForcedLabour", "ChildLabour"],
    ["SexualExploitation"],
    ["ForcedBegging"],
    ["Servitude"],
    ["ForcedLabour", "SexualExploitation"],
]


def _name(rng: random.Random, country: str, female: bool) -> tuple[str, str, str]:
    if rng.random() < 0.2:
        return rng.choice(LATIN_GIVEN), rng.choice(LATIN_FAMILY), rng.choice(LATIN_GIVEN)
    if country == "AF":
        given = rng.choice(DARI_GIVEN_F if female else DARI_GIVEN_M)
        return given, rng.choice(DARI_FAMILY), rng.choice(DARI_GIVEN_M)
    given = rng.choice(TAJIK_GIVEN_F if female else TAJIK_GIVEN_M)
    family = rng.choice(TAJIK_FAMILY)
    return given, family if female else family.removesuffix("а"), rng.choice(TAJIK_GIVEN_M)


def _staff(organisation: Organisation) -> list[User]:
    return list(
        User.objects.filter(
            memberships__organisation=organisation,
            memberships__role__in=["caseworker", "supervisor"],
            memberships__is_active=True,
        ).order_by("email")
    )


def demo_items(
    organisation: Organisation, count: int, *, rng: random.Random, today: datetime.date
) -> list[services.NewCase]:
    """Invented new cases for an organisation, with HTCDS variables and consents."""
    country = organisation.country.iso2
    areas = list(Area.objects.filter(country=organisation.country, on_border=True)) or list(
        Area.objects.filter(country=organisation.country)[:10]
    )
    staff = _staff(organisation)
    items = []
    for n in range(count):
        female = rng.random() < 0.75
        given, family, father = _name(rng, country, female)
        opened_on = today - datetime.timedelta(days=rng.randint(3, 700))
        age = rng.choice([9, 12, 15, 16, 17, 19, 22, 25, 28, 34, 41])
        exploitation = rng.choice(EXPLOITATION_MIX)
        consents = {"assistance": services.ConsentInput(method=rng.choice(["verbal", "written"]))}
        if rng.random() < 0.7:
            consents["statistics"] = services.ConsentInput()
        if rng.random() < 0.5:
            consents["linkage"] = services.ConsentInput()
        items.append(
            services.NewCase(
                identity=Identity(
                    given_name=given,
                    father_name=father,
                    family_name=family,
                    birth_year=opened_on.year - age if n % 3 else None,
                    estimated_age=age if n % 3 == 0 else None,
                    phone=("+93 70 000 9" if country == "AF" else "+992 90 000 9") + f"{n:03d}",
                ),
                opened_on=opened_on,
                gender=htcds.Gender.FEMININE if female else htcds.Gender.MASCULINE,
                area_id=rng.choice(areas).id if areas else None,
                caseworker_id=rng.choice(staff).id if staff else None,
                consents=consents,
                values={
                    "trafficking_status": rng.choice(htcds.TraffickingStatus.values[:2]),
                    "status_decided_by": rng.choice(["NGO", "Police", ""]),
                    "citizenship": [country] if rng.random() < 0.85 else ["AF", "TJ"],
                    "age_when_trafficked": age - rng.randint(0, 2),
                    "exploitation_types": exploitation,
                    "labour_industries": rng.sample(
                        [
                            "A_AgricultureForestryAndFishing",
                            "F_Construction",
                            "B_MiningAndQuarrying",
                            "T_ActivitiesOfHouseholdsAsEmployers",
                        ],
                        1,
                    )
                    if "ForcedLabour" in exploitation
                    else [],
                    "recruitment_methods": [rng.choice(htcds.RecruitmentMethod.values)],
                    "control_methods": rng.sample(htcds.ControlMethod.values[:15], 2),
                    "relationship_to_trafficker": rng.choice(htcds.RelationshipToTrafficker.values),
                    "recruitment_apps": ["WhatsApp"] if rng.random() < 0.3 else [],
                    "risk_level": rng.choice(["low", "medium", "high", ""]),
                    "needs": rng.sample(
                        [
                            "shelter",
                            "medical",
                            "psychosocial",
                            "legal",
                            "family_tracing",
                            "livelihoods",
                        ],
                        2,
                    ),
                },
                texts={"risk_assessment": "Invented demo assessment."} if n % 2 else {},
            )
        )
    return items


def _assist(case: Case, by: User | None, rng: random.Random, today: datetime.date) -> None:
    day = case.opened_on + datetime.timedelta(days=rng.randint(1, 20))
    day = min(day, today)
    category = rng.choice(case.needs or ["psychosocial"])
    services.add_service(
        case=case, by=by, category=category, delivered_on=day, provider=case.organisation
    )
    services.add_plan_item(
        case=case,
        by=by,
        type=rng.choice(["Health", "Legal", "Livelihood", "SocialCare"]),
        objective="Invented demo objective",
        planned_end_on=case.opened_on + datetime.timedelta(days=120),
    )
    services.add_note(case=case, by=by, text="Invented demo note.", written_on=day)
    services.add_event(
        case=case,
        by=by,
        type="Recruitment",
        happened_on=case.opened_on - datetime.timedelta(days=rng.randint(30, 400)),
        country_id=case.organisation.country_id,
    )
    if rng.random() < 0.6:
        services.schedule_follow_up(
            case=case, by=by, due_on=today + datetime.timedelta(days=rng.randint(-3, 20))
        )


@transaction.atomic
def load_demo_cases(*, seed: int = 2026) -> int:
    """Add the demo cases once; a second run adds nothing. Returns how many were added."""
    if settings.PRODUCTION:
        return 0
    rng = random.Random(seed)  # noqa: S311 - invented data, repeatable
    today = datetime.date.today()
    added = 0
    for slug, count in CASES_PER_ORGANISATION.items():
        organisation = Organisation.objects.filter(slug=slug).select_related("country").first()
        if organisation is None or Case.objects.filter(organisation=organisation).exists():
            continue
        staff = _staff(organisation)
        by = staff[0] if staff else None
        cases = services.bulk_register_cases(
            organisation=organisation,
            by=by,
            items=demo_items(organisation, count, rng=rng, today=today),
        )
        for case in cases:
            _assist(case, by, rng, today)
        for case in cases[: max(1, count // 6)]:
            services.close_case(case=case, by=by, reason="goals_met", closed_on=today)
        added += len(cases)
    return added
