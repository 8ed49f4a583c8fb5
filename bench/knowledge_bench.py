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
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--quick", action="store_true", help="2 000 items, 10 requests")
    args = parser.parse_args()
    if args.quick:
        args.items, args.requests = min(args.items, 2000), 10
    bench_dir = ROOT / "var" / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    if args.database_url:
        os.environ["PANJ_DATABASE_URL"] = args.database_url
    else:
        path = bench_dir / "knowledge.sqlite3"
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
        # A database of its own, apart from the test suite's `test_...` databases.
        connection.settings_dict.setdefault("TEST", {})["NAME"] = "panj_knowledge_bench"
        test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    else:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    try:
        return run(args)
    finally:
        if test_db:
            connection.creation.destroy_test_db(original_name, verbosity=0)


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


def timed(client, url: str, data, runs: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    samples = []
    queries = 0
    for i in range(runs + 3):
        params = data(i) if callable(data) else data
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url, params)
            elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (url, response.status_code)
        if i >= 3:  # the first requests warm caches
            samples.append(elapsed)
            queries = max(queries, len(captured))
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * len(samples)) - 1)]
    return statistics.median(samples), p95, queries


def run(args: argparse.Namespace) -> int:
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    alice = seed(args.items)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    client = Client()
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
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
    print(f"{'page':<30}{'median ms':>10}{'p95 ms':>10}{'queries':>9}")
    for label, data in pages:
        median, p95, queries = timed(client, url, data, runs=args.requests)
        print(f"{label:<30}{median:>10.1f}{p95:>10.1f}{queries:>9}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
