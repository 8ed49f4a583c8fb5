"""The demo network's library and news: items in five languages, members' and public news."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from panj.accounts.models import User
from panj.directory.models import Country, Organisation
from panj.knowledge.demo_joint_work import load_demo_joint_work
from panj.knowledge.models import LibraryItem, NewsPost
from panj.knowledge.services.library import ItemDetails, add_library_item
from panj.knowledge.services.news import PostDetails, post_news

# Library items of the demo, each by an organisation (slug) and an author (e-mail).
LIBRARY: list[dict[str, Any]] = [
    {
        "organisation": "iom-kabul",
        "author": "dave@demo.panj.org",
        "kind": "guideline",
        "language": "en",
        "visibility": "public",
        "topics": ["identification", "referral", "cross_border"],
        "tags": "screening, border crossing",
        "countries": ["AF", "TJ"],
        "link": "https://www.iom.int/",
        "titles": {
            "en": "Identifying people who may have been trafficked at the border",
            "prs": "شناسایی افرادی که ممکن است قربانی قاچاق شده باشند در سرحد",
            "tg": "Муайян кардани шахсоне, ки метавонанд қурбони хариду фурӯш дар марз бошанд",
            "ru": "Выявление возможных жертв торговли людьми на границе",
        },
        "summaries": {
            "en": "A short guide for border officials and NGO staff: signs to look for, "
            "questions to ask safely, and whom to call on each side of the Panj.",
            "ru": "Краткое руководство для пограничников и сотрудников НПО.",
        },
    },
    {
        "organisation": "kfpo",
        "author": "alice@demo.panj.org",
        "kind": "procedure",
        "language": "prs",
        "visibility": "network",
        "topics": ["referral", "protection"],
        "tags": "SOP, Kunduz",
        "countries": ["AF"],
        "titles": {
            "prs": "طرز العمل معیاری راجع ساختن قربانیان قاچاق در ولایت کندز",
            "en": "Standard operating procedure for referring survivors in Kunduz",
        },
        "summaries": {
            "prs": "مراحل راجع ساختن یک قربانی به خدمات صحی، حقوقی و سرپناه با رضایت او.",
            "en": "Steps for referring a survivor to health, legal and shelter services, "
            "with their consent.",
        },
        "link": "https://example.org/kunduz-sop",
    },
    {
        "organisation": "nur-khorog",
        "author": "carol@demo.panj.org",
        "kind": "awareness",
        "language": "tg",
        "visibility": "public",
        "topics": ["awareness", "labour_migration", "prevention"],
        "tags": "плакат, муҳоҷират",
        "countries": ["TJ"],
        "titles": {
            "tg": "Пеш аз сафар ба кор: чӣ бояд донист",
            "ru": "Перед отъездом на работу: что нужно знать",
            "en": "Before leaving for work abroad: what to know",
        },
        "summaries": {
            "tg": "Варақаи огоҳӣ барои ҷавонон ва оилаҳои муҳоҷирон дар Бадахшон.",
            "ru": "Памятка для молодёжи и семей мигрантов в Бадахшане.",
        },
        "link": "https://example.org/before-leaving",
    },
    {
        "organisation": "kabul-legal",
        "author": None,
        "kind": "legislation",
        "language": "prs",
        "visibility": "network",
        "topics": ["legislation"],
        "tags": "law",
        "countries": ["AF"],
        "titles": {
            "prs": "قانون مبارزه با قاچاق انسان و قاچاق مهاجرین",
            "en": "Law on combating trafficking in persons and smuggling of migrants",
            "fr": "Loi sur la lutte contre la traite des personnes et le trafic de migrants",
        },
        "link": "https://example.org/af-law",
    },
    {
        "organisation": "iom-dushanbe",
        "author": "frank@demo.panj.org",
        "kind": "research",
        "language": "ru",
        "visibility": "network",
        "topics": ["data", "cross_border"],
        "tags": "исследование",
        "countries": ["TJ", "AF"],
        "titles": {
            "ru": "Торговля людьми в приграничных районах: обзор 2025 года",
            "en": "Trafficking in the border districts: a 2025 review",
            "fr": "La traite dans les districts frontaliers : bilan 2025",
        },
        "summaries": {
            "fr": "Synthèse des cas signalés par les membres du réseau, "
            "sans aucune donnée nominative.",
        },
        "link": "https://example.org/review-2025",
    },
    {
        "organisation": "pamir-bridge",
        "author": None,
        "kind": "training",
        "language": "en",
        "visibility": "organisation",
        "topics": ["training", "children"],
        "tags": "trainers",
        "countries": ["TJ"],
        "titles": {"en": "Trainer's notes: talking with children who were exploited"},
        "link": "https://example.org/trainers-notes",
    },
]

NEWS: list[dict[str, Any]] = [
    {
        "organisation": "iom-kabul",
        "author": "dave@demo.panj.org",
        "days_ago": 40,
        "title": "NGOs from both banks of the Panj found a network against trafficking",
        "lead": "Ten non-governmental organisations from Afghanistan and Tajikistan met in Kabul "
        "to strengthen their links and plan joint work in the border areas.",
        "body": "At a workshop convened by IOM in Kabul, ten NGOs that assist people who were "
        "trafficked agreed to exchange knowledge, experience and good practice, and to plan "
        "joint activities in the border districts, where cross-border coordination between "
        "civil-society organisations is only beginning.\n\n"
        "Participants agreed on follow-up actions: a shared library of procedures and training "
        "material, regular coordination meetings, and awareness-raising among local people on "
        "both sides of the river.\n\n"
        "The network will meet again to review progress and rethink strategies, training and "
        "legislation so that the most vulnerable people are better protected.",
        "place": "Kabul",
        "contact": "IOM Kabul, press office: press@iom-kabul.example",
        "audience": "public",
    },
    {
        "organisation": "nur-khorog",
        "author": "carol@demo.panj.org",
        "days_ago": 12,
        "title": "Awareness sessions in Ishkashim schools",
        "lead": "Our team held six sessions on safe migration for pupils and parents.",
        "body": "The sessions used the leaflet now in the library. Pupils asked most about "
        "job offers received through social media.",
        "place": "Ishkashim",
        "contact": "",
        "audience": "members",
    },
    {
        "organisation": "kfpo",
        "author": "bob@demo.panj.org",
        "days_ago": 3,
        "title": "Updated referral procedure for Kunduz",
        "lead": "The Kunduz referral SOP is updated and shared in the library in Dari and English.",
        "body": "",
        "place": "Kunduz",
        "contact": "",
        "audience": "members",
    },
]


def _user(email: str | None) -> User | None:
    return User.objects.filter(email=email).first() if email else None


@transaction.atomic
def load_demo_library() -> int:
    added = 0
    for spec in LIBRARY:
        organisation = Organisation.objects.filter(slug=spec["organisation"]).first()
        if organisation is None:
            continue
        titles = spec["titles"]
        if (
            LibraryItem.objects.filter(organisation=organisation, title_en=titles.get("en", ""))
            .filter(title_prs=titles.get("prs", ""))
            .exists()
        ):
            continue
        countries = list(Country.objects.filter(iso2__in=spec["countries"]))
        add_library_item(
            organisation=organisation,
            by=_user(spec["author"]),
            details=ItemDetails(
                kind=spec["kind"],
                language=spec["language"],
                titles=titles,
                summaries=spec.get("summaries", {}),
                visibility=spec["visibility"],
                topics=spec["topics"],
                tags=spec["tags"],
                link=spec.get("link", ""),
                countries=countries,
            ),
        )
        added += 1
    return added


@transaction.atomic
def load_demo_news() -> int:
    added = 0
    for spec in NEWS:
        organisation = Organisation.objects.filter(slug=spec["organisation"]).first()
        if organisation is None or NewsPost.objects.filter(title=spec["title"]).exists():
            continue
        post = post_news(
            organisation=organisation,
            by=_user(spec["author"]),
            details=PostDetails(
                title=spec["title"],
                lead=spec["lead"],
                body=spec["body"],
                place=spec["place"],
                contact=spec["contact"],
                audience=spec["audience"],
            ),
        )
        post.published_at = timezone.now() - datetime.timedelta(days=spec["days_ago"])
        post.save(update_fields=["published_at"])
        added += 1
    return added


def load_demo() -> str | None:
    items = load_demo_library()
    posts = load_demo_news()
    joint_work = load_demo_joint_work()
    return f"knowledge: library items: {items}, news posts: {posts}, {joint_work}"
