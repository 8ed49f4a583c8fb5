"""Server time of the library search with many items, on SQLite and PostgreSQL.

    .venv/bin/python bench/knowledge_bench.py [--items 50000] [--database-url URL] [--quick]

Seeds library items with titles and summaries in English, French, Russian, Tajik and Dari
(three scripts), then times the library page through Django's test client: the default list,
searches in each script, searches with filters, filters alone and a later page. Prints median
and p95 in milliseconds and the number of SQL queries per page. The database is a fresh one
made for the run. The target is a p95 under 100 ms on both databases.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import analyze, bench_database, header, parser, report, signed_in, timed  # noqa: E402

# Words of each language that the generated titles and summaries are made of.
_TEXTS = {
    "en": "trafficking survivor border referral guideline training shelter labour migration "
    "child protection awareness legal aid procedure identification community district "
    "workshop report research women family return reintegration health police court",
    "fr": "traite victime frontière orientation guide formation hébergement travail migration "
    "enfant protection sensibilisation aide juridique procédure identification communauté "
    "atelier rapport recherche femmes famille retour réintégration santé police tribunal",
    "ru": "торговля людьми жертва граница направление руководство обучение приют труд "
    "миграция ребёнок защита информирование юридическая помощь процедура выявление "
    "община семинар отчёт исследование женщины семья возвращение здоровье полиция суд",
    "tg": "хариду фурӯш қурбонӣ марз равонакунӣ дастур омӯзиш паноҳгоҳ меҳнат муҳоҷират "
    "кӯдак ҳифз огоҳӣ ёрии ҳуқуқӣ тартиб муайянкунӣ ҷамоат семинар гузориш тадқиқот "
    "занон оила бозгашт саломатӣ милиса суд",
    "prs": "قاچاق انسان قربانی سرحد راجع رهنمود آموزش سرپناه کار مهاجرت کودک حمایت آگاهی "
    "کمک حقوقی طرزالعمل شناسایی جامعه ورکشاپ گزارش تحقیق زنان خانواده بازگشت صحت پولیس "
    "محکمه",
}
WORDS = {language: text.split() for language, text in _TEXTS.items()}


def main() -> int:
    command = parser(__doc__, quick="2 000 items, 10 requests")
    command.add_argument("--items", type=int, default=50_000)
    command.add_argument("--requests", type=int, default=50)
    args = command.parse_args()
    if args.quick:
        args.items, args.requests = min(args.items, 2000), 10
    with bench_database(args, "knowledge"):
        return run(args)


def _text(rng: random.Random, language: str, count: int) -> str:
    return " ".join(rng.choice(WORDS[language]) for _ in range(count))


def seed(count: int):
    from panj.accounts.roles import Role
    from panj.accounts.services import add_member
    from panj.directory.models import Country
    from panj.directory.services import create_organisation
    from panj.knowledge.models import LibraryItem
    from panj.knowledge.models.library import index_words
    from panj.knowledge.vocabulary import Topic, Visibility

    afghanistan, tajikistan = Country.objects.get(iso2="AF"), Country.objects.get(iso2="TJ")
    organisations = [
        create_organisation(slug=f"bench-{n}", name=f"Bench NGO {n}", kind="ngo", country=country)
        for n, country in enumerate([afghanistan, tajikistan] * 5)
    ]
    alice = add_member(
        organisation=organisations[0],
        email="alice@bench.example",
        full_name="Alice",
        role=Role.CASEWORKER,
    ).user
    rng = random.Random(7)

    languages = list(WORDS)
    kinds = LibraryItem.Kind.values
    topics = Topic.values
    visibilities = (
        [Visibility.NETWORK] * 6 + [Visibility.PUBLIC] * 2 + [Visibility.ORGANISATION] * 2
    )
    Through = LibraryItem.countries.through
    started = time.perf_counter()
    chunk = 2000
    for start in range(0, count, chunk):
        items, links = [], []
        for _n in range(start, min(start + chunk, count)):
            written = rng.sample(languages, rng.choice([1, 1, 2, 3]))
            item = LibraryItem(
                organisation=rng.choice(organisations),
                kind=rng.choice(kinds),
                language=written[0],
                topics=rng.sample(topics, rng.randint(1, 3)),
                tags=", ".join(rng.sample(WORDS["en"], 2)),
                visibility=rng.choice(visibilities),
                link="https://example.org/item",
            )
            for language in written:
                setattr(item, f"title_{language}", _text(rng, language, rng.randint(4, 9)))
                setattr(item, f"summary_{language}", _text(rng, language, rng.randint(15, 40)))
            item.refresh_search_text()
            items.append(item)
        LibraryItem.objects.bulk_create(items)
        index_words(items)  # what saving one by one does
        for item in items:
            country = afghanistan if item.organisation.country_id == afghanistan.id else tajikistan
            links.append(Through(libraryitem_id=item.id, country_id=country.id))
        Through.objects.bulk_create(links)
    print(f"seeded {count} library items in {time.perf_counter() - started:.1f} s", flush=True)
    return alice


def run(args: argparse.Namespace) -> int:
    from django.db import connection
    from django.urls import reverse

    alice = seed(args.items)
    analyze()
    client = signed_in(alice)
    rng = random.Random(11)

    def words(language: str, count: int = 1):
        return lambda i: {"q": " ".join(rng.sample(WORDS[language], count))}

    url = reverse("knowledge:library")
    pages = [
        ("library, newest", None),
        ("search, English word", words("en")),
        ("search, two French words", words("fr", 2)),
        ("search, Russian word", words("ru")),
        ("search, two Tajik words", words("tg", 2)),
        ("search, Dari word", words("prs")),
        ("search, Dari, Arabic keys", {"q": "كمك حقوقي"}),
        ("search, word start", {"q": "traff"}),
        (
            "search + topic + type",
            lambda i: {"q": rng.choice(WORDS["en"]), "topic": "children", "kind": "research"},
        ),
        ("topic + language + country", {"topic": "referral", "language": "prs", "country": "AF"}),
        ("search, no match", {"q": "zzzyxq"}),
        ("search, page 5", lambda i: {"q": rng.choice(WORDS["ru"]), "page": "5"}),
    ]
    print(f"\n{connection.vendor}, {args.items} library items, {args.requests} requests per page")
    header(width=30)
    for label, data in pages:
        report(label, *timed(client, "get", url, data, runs=args.requests), width=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
