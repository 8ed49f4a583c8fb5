"""The geography shipped with Panj: countries, areas with P-codes, border crossings."""

from collections import Counter

from panj.directory.models import Area, BorderCrossing, Country, Language
from panj.directory.reference import geography, load_reference_data

PROVINCES = {
    "AF": {"Badakhshan", "Takhar", "Kunduz", "Balkh", "Kabul"},
    "TJ": {"Gorno-Badakhshan", "Khatlon", "Districts of Republican Subordination", "Dushanbe"},
}


def test_it_ships_the_border_provinces_of_both_countries(db):
    for iso2, names in PROVINCES.items():
        found = set(
            Area.objects.provinces().filter(country__iso2=iso2).values_list("name_en", flat=True)
        )
        assert names <= found, names - found


def test_it_names_every_place_in_five_languages(db):
    for model in (Country, Area, BorderCrossing):
        for place in model.objects.all():
            for code in ("en", "fr", "ru", "tg", "prs"):
                assert getattr(place, f"name_{code}"), (place.name_en, code)


def test_it_writes_dari_names_with_persian_letters(db):
    for area in Area.objects.all():
        assert "ي" not in area.name_prs and "ك" not in area.name_prs, area.name_en


def test_it_gives_each_pcode_once_and_in_its_countrys_shape(db):
    codes = [a.pcode for a in Area.objects.exclude(pcode="")]
    assert len(codes) == len(set(codes))
    for area in Area.objects.exclude(pcode="").select_related("parent"):
        assert area.pcode.startswith(area.country.iso2), area.pcode
        if area.parent and area.parent.pcode:
            assert area.pcode.startswith(area.parent.pcode), area.pcode


def test_it_puts_every_district_in_a_province_of_its_own_country(db):
    for district in Area.objects.districts().select_related("parent"):
        assert district.parent.level == Area.Level.PROVINCE
        assert district.parent.country_id == district.country_id


def test_it_joins_each_crossing_an_afghan_and_a_tajik_border_district(db):
    assert BorderCrossing.objects.count() >= 4
    for crossing in BorderCrossing.objects.select_related(
        "afghan_area__country", "tajik_area__country"
    ):
        assert crossing.afghan_area.country.iso2 == "AF"
        assert crossing.tajik_area.country.iso2 == "TJ"
        assert crossing.afghan_area.on_border and crossing.tajik_area.on_border


def test_it_keeps_keys_unique_in_the_data_file():
    keys = Counter(row["key"] for row in geography()["areas"])
    assert [key for key, n in keys.items() if n > 1] == []


def test_it_loads_again_without_duplicating_anything(db):
    before = (Area.objects.count(), BorderCrossing.objects.count(), Language.objects.count())
    load_reference_data()
    assert (
        Area.objects.count(),
        BorderCrossing.objects.count(),
        Language.objects.count(),
    ) == before
