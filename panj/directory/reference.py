"""Reference data shipped with Panj: languages, countries, areas and border crossings.

Loaded after every migration, so that a new installation and an upgraded one both hold the
current facts. Rows are matched on their natural keys and updated in place.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.db import transaction

DATA = Path(__file__).resolve().parent / "data"

# ISO 639 codes (639-3 where 639-1 has none) of the languages spoken in the border areas.
LANGUAGES: list[tuple[str, dict[str, str]]] = [
    ("prs", {"en": "Dari", "fr": "dari", "ru": "дари", "tg": "дарӣ", "prs": "دری"}),
    ("ps", {"en": "Pashto", "fr": "pachto", "ru": "пушту", "tg": "пашту", "prs": "پشتو"}),
    ("tg", {"en": "Tajik", "fr": "tadjik", "ru": "таджикский", "tg": "тоҷикӣ", "prs": "تاجیکی"}),
    ("ru", {"en": "Russian", "fr": "russe", "ru": "русский", "tg": "русӣ", "prs": "روسی"}),
    ("uz", {"en": "Uzbek", "fr": "ouzbek", "ru": "узбекский", "tg": "ӯзбекӣ", "prs": "ازبکی"}),
    (
        "tk",
        {"en": "Turkmen", "fr": "turkmène", "ru": "туркменский", "tg": "туркманӣ", "prs": "ترکمنی"},
    ),
    ("ky", {"en": "Kyrgyz", "fr": "kirghiz", "ru": "киргизский", "tg": "қирғизӣ", "prs": "قرغزی"}),
    ("sgh", {"en": "Shughni", "fr": "chougni", "ru": "шугнанский", "tg": "шуғнонӣ", "prs": "شغنی"}),
    ("wbl", {"en": "Wakhi", "fr": "wakhi", "ru": "ваханский", "tg": "вахонӣ", "prs": "وخی"}),
    (
        "en",
        {"en": "English", "fr": "anglais", "ru": "английский", "tg": "англисӣ", "prs": "انگلیسی"},
    ),
    (
        "fr",
        {
            "en": "French",
            "fr": "français",
            "ru": "французский",
            "tg": "фаронсавӣ",
            "prs": "فرانسوی",
        },
    ),
    ("ar", {"en": "Arabic", "fr": "arabe", "ru": "арабский", "tg": "арабӣ", "prs": "عربی"}),
    ("ur", {"en": "Urdu", "fr": "ourdou", "ru": "урду", "tg": "урду", "prs": "اردو"}),
]


def _names(names: dict[str, str]) -> dict[str, str]:
    return {f"name_{code}": names.get(code, "") for code in ("en", "fr", "ru", "tg", "prs")}


def geography() -> dict[str, Any]:
    with (DATA / "geography.json").open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


@transaction.atomic
def load_reference_data() -> None:
    from panj.directory.models import Area, BorderCrossing, Country, Language

    for code, names in LANGUAGES:
        Language.objects.update_or_create(code=code, defaults=_names(names))

    data = geography()
    countries = {}
    for row in data["countries"]:
        country, _ = Country.objects.update_or_create(
            iso2=row["iso2"], defaults={"iso3": row["iso3"], **_names(row["names"])}
        )
        countries[row["iso2"]] = country
    areas: dict[str, Area] = {}
    # Provinces first, so that every district finds its parent.
    for row in sorted(data["areas"], key=lambda r: r["level"]):
        area, _ = Area.objects.update_or_create(
            key=row["key"],
            defaults={
                "country": countries[row["country"]],
                "level": row["level"],
                "parent": areas[row["parent"]] if row.get("parent") else None,
                "pcode": row.get("pcode") or "",
                "on_border": bool(row.get("border")),
                **_names(row["names"]),
            },
        )
        areas[row["key"]] = area
    for row in data.get("crossings", []):
        BorderCrossing.objects.update_or_create(
            key=row["key"],
            defaults={
                "kind": row["kind"],
                "afghan_area": areas[row["af_area"]],
                "tajik_area": areas[row["tj_area"]],
                "notes": row.get("notes_en", ""),
                **_names(row["names"]),
            },
        )


def on_post_migrate(sender: Any, **kwargs: Any) -> None:
    """Refresh the reference data once the directory's tables exist."""
    plan = kwargs.get("plan") or []
    if any(migration.app_label == "directory" and backwards for migration, backwards in plan):
        return
    load_reference_data()
