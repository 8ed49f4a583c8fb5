"""The demo network: two IOM missions and ten NGOs with invented names, built through services.

Everything here is invented. Phone numbers use blocks no operator assigns to a subscriber
(+93 70 000 0xxx, +992 90 000 0xxx) and e-mail addresses use reserved `.example` domains.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from panj.accounts.roles import Role
from panj.accounts.services import add_member
from panj.directory.models import (
    Area,
    Country,
    FocalPoint,
    Language,
    Office,
    Organisation,
    Service,
    ServiceCategory,
)
from panj.directory.services import create_organisation

DEMO_PASSWORD = "panj-demo"  # noqa: S105 - printed on the console for the demo only


@dataclass
class DemoService:
    category: str
    name: str
    areas: list[str]
    languages: list[str]
    women: bool = True
    men: bool = True
    children: bool = True
    adults: bool = True
    description: str = ""


@dataclass
class DemoOrganisation:
    slug: str
    name: str
    acronym: str
    kind: str
    country: str
    town: str
    name_local: str = ""
    prefix: str = ""
    public: bool = True
    description: dict[str, str] = field(default_factory=dict)
    languages: list[str] = field(default_factory=list)
    focal_points: list[tuple[str, str, str, list[str]]] = field(default_factory=list)
    services: list[DemoService] = field(default_factory=list)


S = DemoService
ORGANISATIONS: list[DemoOrganisation] = [
    DemoOrganisation(
        slug="iom-kabul",
        name="IOM Kabul",
        acronym="IOM-KBL",
        kind="iom",
        country="AF",
        town="Kabul",
        description={"en": "Convenes the network on the Afghan side (demo)."},
        languages=["prs", "ps", "en"],
        focal_points=[("Mariam Haidari", "Counter-trafficking officer", "0101", ["prs", "en"])],
    ),
    DemoOrganisation(
        slug="iom-dushanbe",
        name="IOM Dushanbe",
        acronym="IOM-DYU",
        kind="iom",
        country="TJ",
        town="Dushanbe",
        description={"en": "Convenes the network on the Tajik side (demo)."},
        languages=["tg", "ru", "en"],
        focal_points=[("Нигора Саидова", "Counter-trafficking officer", "0102", ["tg", "ru"])],
    ),
    DemoOrganisation(
        slug="kfpo",
        name="Kunduz Family Protection Organisation",
        acronym="KFPO",
        name_local="سازمان حمایت از خانواده کندز",
        kind="ngo",
        country="AF",
        town="Kunduz",
        prefix="AF-KDZ",
        description={
            "en": "Identifies and assists women and children at risk of trafficking in Kunduz.",
            "prs": "شناسایی و کمک به زنان و کودکان در معرض قاچاق در کندز.",
        },
        languages=["prs", "ps", "uz"],
        focal_points=[("Zarghuna Ahmadi", "Programme manager", "0201", ["prs", "ps", "en"])],
        services=[
            S("psychosocial", "Counselling for survivors", ["Kunduz"], ["prs", "ps"]),
            S(
                "family_tracing",
                "Family tracing and mediation",
                ["Kunduz", "Imam Sahib"],
                ["prs", "ps", "uz"],
            ),
            S("hotline", "Protection hotline", ["Kunduz", "Takhar"], ["prs", "ps"]),
        ],
    ),
    DemoOrganisation(
        slug="pamir-bridge",
        name="Pamir Bridge Relief",
        acronym="PBR",
        name_local="امداد پل پامیر",
        kind="ngo",
        country="AF",
        town="Fayzabad",
        prefix="AF-BDS",
        description={"en": "Legal and medical help in Badakhshan's border districts."},
        languages=["prs", "sgh", "wbl"],
        focal_points=[("Abdul Wahid Rahimi", "Legal officer", "0301", ["prs", "sgh"])],
        services=[
            S(
                "legal",
                "Legal aid and documentation",
                ["Badakhshan"],
                ["prs", "sgh"],
                description="Advice, identity documents and representation in court.",
            ),
            S("medical", "Mobile clinic", ["Ishkashim", "Shighnan"], ["prs", "sgh", "wbl"]),
        ],
    ),
    DemoOrganisation(
        slug="hope-takhar",
        name="Hope for Takhar",
        acronym="HFT",
        name_local="امید برای تخار",
        kind="ngo",
        country="AF",
        town="Taloqan",
        prefix="AF-TKR",
        description={"en": "Livelihoods and education for families of returnees in Takhar."},
        languages=["prs", "uz"],
        focal_points=[("Farid Noori", "Director", "0401", ["prs", "uz"])],
        services=[
            S("livelihoods", "Vocational training", ["Takhar"], ["prs", "uz"], children=False),
            S("education", "Catch-up classes for children", ["Takhar"], ["prs"], adults=False),
        ],
    ),
    DemoOrganisation(
        slug="wakhan-aid",
        name="Wakhan Community Aid",
        acronym="WCA",
        name_local="کمک جامعه واخان",
        kind="ngo",
        country="AF",
        town="Ishkashim",
        prefix="AF-ISH",
        public=False,
        description={"en": "Community awareness and safe shelter in Ishkashim and Wakhan."},
        languages=["prs", "wbl"],
        focal_points=[("Gul Begim Wakhi", "Coordinator", "0501", ["prs", "wbl"])],
        services=[
            S("shelter", "Safe house for women", ["Ishkashim"], ["prs", "wbl"], men=False),
            S("awareness", "Village awareness sessions", ["Ishkashim", "Wakhan"], ["prs", "wbl"]),
        ],
    ),
    DemoOrganisation(
        slug="kabul-legal",
        name="Kabul Legal Aid for Survivors",
        acronym="KLAS",
        name_local="کمک حقوقی برای بازماندگان کابل",
        kind="ngo",
        country="AF",
        town="Kabul",
        prefix="AF-KBL",
        description={"en": "Lawyers for survivors of trafficking and their families."},
        languages=["prs", "ps", "en"],
        focal_points=[("Shabnam Yusufzai", "Senior lawyer", "0601", ["prs", "ps", "en"])],
        services=[
            S("legal", "Court representation", ["Kabul"], ["prs", "ps", "en"]),
            S("return", "Return counselling", ["Kabul"], ["prs", "ps"]),
        ],
    ),
    DemoOrganisation(
        slug="safe-migration-dushanbe",
        name="Dushanbe Centre for Safe Migration",
        acronym="DCSM",
        name_local="Маркази муҳоҷирати бехатар",
        kind="ngo",
        country="TJ",
        town="Dushanbe",
        prefix="TJ-DYU",
        description={
            "en": "Advice for migrants and returnees; a national hotline.",
            "ru": "Консультации мигрантов и вернувшихся; национальная горячая линия.",
        },
        languages=["tg", "ru", "en"],
        focal_points=[("Фарход Назаров", "Hotline coordinator", "0701", ["tg", "ru"])],
        services=[
            S("hotline", "Safe migration hotline", ["Dushanbe"], ["tg", "ru"]),
            S("return", "Reintegration support", ["Dushanbe"], ["tg", "ru"]),
        ],
    ),
    DemoOrganisation(
        slug="nur-khorog",
        name="Nur Women's Shelter",
        acronym="NUR",
        name_local="Паноҳгоҳи занонаи «Нур»",
        kind="ngo",
        country="TJ",
        town="Khorugh",
        prefix="TJ-KHG",
        description={
            "en": "Shelter, counselling and legal help for women and girls in Gorno-Badakhshan.",
            "tg": "Паноҳгоҳ, машварат ва ёрии ҳуқуқӣ барои занону духтарон дар ВМКБ.",
        },
        languages=["tg", "ru", "sgh"],
        focal_points=[("Зарина Шоҳмамадова", "Shelter manager", "0801", ["tg", "ru", "sgh"])],
        services=[
            S(
                "shelter",
                "Shelter for women and girls",
                ["Gorno-Badakhshan"],
                ["tg", "ru", "sgh"],
                men=False,
            ),
            S("legal", "Legal counselling", ["Gorno-Badakhshan"], ["tg", "ru"], men=False),
            S("psychosocial", "Psychological support", ["Khorugh"], ["tg", "ru", "sgh"]),
        ],
    ),
    DemoOrganisation(
        slug="kulob-legal",
        name="Kulob Legal Clinic",
        acronym="KLC",
        name_local="Клиникаи ҳуқуқии Кӯлоб",
        kind="ngo",
        country="TJ",
        town="Kulob",
        prefix="TJ-KLB",
        public=False,
        description={"en": "Free legal advice in southern Khatlon."},
        languages=["tg", "ru"],
        focal_points=[("Сино Раҳимов", "Lawyer", "0901", ["tg", "ru"])],
        services=[S("legal", "Free legal advice", ["Khatlon"], ["tg", "ru"])],
    ),
    DemoOrganisation(
        slug="bokhtar-youth",
        name="Bokhtar Youth Initiative",
        acronym="BYI",
        name_local="Ташаббуси ҷавонони Бохтар",
        kind="ngo",
        country="TJ",
        town="Bokhtar",
        prefix="TJ-BKT",
        description={"en": "Awareness raising in schools and training for young people."},
        languages=["tg", "ru", "uz"],
        focal_points=[("Мадина Қодирова", "Trainer", "1001", ["tg", "ru"])],
        services=[
            S("awareness", "School awareness sessions", ["Khatlon"], ["tg", "uz"], adults=False),
            S("livelihoods", "Job skills for young people", ["Bokhtar"], ["tg", "ru"]),
        ],
    ),
    DemoOrganisation(
        slug="panj-border-network",
        name="Panj Border Community Network",
        acronym="PBCN",
        name_local="Шабакаи ҷамъиятии марзии Панҷ",
        kind="ngo",
        country="TJ",
        town="Panj",
        prefix="TJ-PNJ",
        description={"en": "Community watch groups and medical referrals along the river."},
        languages=["tg", "ru"],
        focal_points=[("Бахтиёр Усмонов", "Field coordinator", "1101", ["tg", "ru"])],
        services=[
            S("medical", "Medical referrals", ["Panj"], ["tg", "ru"]),
            S("awareness", "Community watch groups", ["Panj", "Farkhor"], ["tg"]),
        ],
    ),
]

# (e-mail, full name, organisation slug, role)
USERS: list[tuple[str, str, str, Role]] = [
    ("alice@demo.panj.org", "Alice Karimi", "kfpo", Role.CASEWORKER),
    ("bob@demo.panj.org", "Bob Sultani", "kfpo", Role.SUPERVISOR),
    ("carol@demo.panj.org", "Carol Nazarova", "nur-khorog", Role.CASEWORKER),
    ("dave@demo.panj.org", "Dave Morgan", "iom-kabul", Role.NETWORK_COORDINATOR),
    ("erin@demo.panj.org", "Erin Sharipova", "nur-khorog", Role.ORGANISATION_ADMIN),
    ("frank@demo.panj.org", "Frank Dubois", "iom-dushanbe", Role.ANALYST),
    ("kfpo-admin@demo.panj.org", "Hamid Jalali", "kfpo", Role.ORGANISATION_ADMIN),
]


class ProductionRefused(RuntimeError):
    pass


def _area(country: Country, name: str) -> Area:
    """An area by its English name; a district wins over a province of the same name."""
    return Area.objects.filter(country=country, name_en=name).order_by("-level").first() or (
        _missing(name)
    )


def _missing(name: str) -> Area:
    raise LookupError(f"demo area not found in the reference data: {name}")


def _phone(country: str, suffix: str) -> str:
    return f"+93 70 000 {suffix}" if country == "AF" else f"+992 90 000 {suffix}"


def _build(spec: DemoOrganisation) -> Organisation:
    country = Country.objects.get(iso2=spec.country)
    organisation = create_organisation(
        slug=spec.slug,
        name=spec.name,
        kind=spec.kind,
        country=country,
        acronym=spec.acronym,
        name_local=spec.name_local,
        descriptions=spec.description,
        languages=spec.languages,
        website=f"https://{spec.slug}.example",
        email=f"contact@{spec.slug}.example",
        phone=_phone(spec.country, "0000"),
        is_public=spec.public,
        case_number_prefix=spec.prefix,
    )
    office = Office.objects.create(
        organisation=organisation,
        name=f"{spec.town} office",
        area=_area(country, spec.town),
        address=f"Street 1, {spec.town} (demo)",
        phone=_phone(spec.country, "0001"),
        is_main=True,
    )
    for name, function, suffix, languages in spec.focal_points:
        person = FocalPoint.objects.create(
            organisation=organisation,
            name=name,
            function=function,
            phone=_phone(spec.country, suffix),
            email=f"focal.{suffix}@{spec.slug}.example",
        )
        person.languages.set(Language.objects.filter(code__in=languages))
    for item in spec.services:
        service = Service.objects.create(
            organisation=organisation,
            category=ServiceCategory(item.category),
            name=item.name,
            description=item.description,
            office=office,
            for_women=item.women,
            for_men=item.men,
            for_children=item.children,
            for_adults=item.adults,
            referral_contact=f"{spec.focal_points[0][0]}, {_phone(spec.country, '0002')}",
        )
        service.areas.set([_area(country, name) for name in item.areas])
        service.languages.set(Language.objects.filter(code__in=item.languages))
    return organisation


@transaction.atomic
def load_demo_network() -> list[tuple[str, str, str]]:
    """Create the demo network once; a second run changes nothing. Returns the demo accounts."""
    if settings.PRODUCTION:
        raise ProductionRefused(
            "Refusing to create demo accounts on a production configuration (PANJ_SECRET_KEY set)."
        )
    organisations = {}
    for spec in ORGANISATIONS:
        existing = Organisation.objects.filter(slug=spec.slug).first()
        organisations[spec.slug] = existing or _build(spec)
    accounts = []
    for email, full_name, slug, role in USERS:
        organisation = organisations[slug]
        add_member(
            organisation=organisation,
            email=email,
            full_name=full_name,
            role=role,
            password=DEMO_PASSWORD,
        )
        accounts.append((email, str(Role(role).label), organisation.name))
    return accounts
