"""Library search: every language and script, Arabic-keyboard Dari, filters, on both databases."""

from __future__ import annotations

import pytest
from django.urls import reverse

from panj.directory.models import Country
from panj.knowledge.models import LibraryItem
from panj.knowledge.search import matching
from panj.knowledge.tests.library_samples import item
from panj.knowledge.vocabulary import search_text


@pytest.fixture
def shelf(ngo_af, ngo_tj, alice, carol):
    return {
        "en": item(
            ngo_af,
            alice,
            titles={"en": "Screening survivors at the border"},
            topics=["identification"],
        ),
        "fr": item(
            ngo_af, alice, titles={"fr": "Guide de réintégration des victimes"}, language="fr"
        ),
        "ru": item(
            ngo_tj,
            carol,
            titles={"ru": "Торговля людьми: памятка"},
            summaries={"tg": "Дастур барои кормандони соҳаи ҳифзи кӯдакон"},
            language="tg",
            countries=[Country.objects.get(iso2="TJ")],
            kind="awareness",
            topics=["children", "awareness"],
        ),
        "prs": item(
            ngo_af, alice, titles={"prs": "رهنمود کمک به قربانیان قاچاق انسان"}, language="prs"
        ),
    }


def found(query: str) -> set[str]:
    return {item.title for item in matching(LibraryItem.objects.all(), query)}


def test_it_finds_titles_and_summaries_in_every_script(shelf):
    assert found("screening border") == {"Screening survivors at the border"}
    assert found("RÉINTÉGRATION") == {"Guide de réintégration des victimes"}
    assert found("торговля") == {"Торговля людьми: памятка"}
    assert found("кӯдакон") == {"Торговля людьми: памятка"}
    assert found("قاچاق") == {"رهنمود کمک به قربانیان قاچاق انسان"}


def test_it_finds_dari_typed_on_an_arabic_keyboard(shelf):
    # Arabic kaf and yeh for the Persian letters of "کمک به قربانیان".
    assert found("كمك قربانيان") == {"رهنمود کمک به قربانیان قاچاق انسان"}


def test_it_matches_the_start_of_a_word(shelf):
    assert "Screening survivors at the border" in found("screen")


def test_it_needs_every_word(shelf):
    assert found("screening réintégration") == set()


def test_it_normalises_letters_the_same_way_when_saving():
    assert search_text("يكي", "Ёлка") == "یکی елка"


def test_it_filters_by_topic_language_country_and_type(client_for, alice, shelf):
    client = client_for(alice)

    def titles(**params: str) -> list[str]:
        response = client.get(reverse("knowledge:library"), params)
        return [item.title for item in response.context["items"]]

    assert titles(topic="children") == ["Торговля людьми: памятка"]
    assert titles(language="fr") == ["Guide de réintégration des victimes"]
    assert titles(country="TJ") == ["Торговля людьми: памятка"]
    assert titles(kind="awareness") == ["Торговля людьми: памятка"]
    assert titles(q="border", topic="identification") == ["Screening survivors at the border"]


def test_it_answers_htmx_with_the_results_only(client_for, alice, shelf):
    response = client_for(alice).get(
        reverse("knowledge:library"), {"q": "border"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert 'id="results"' in body and "<html" not in body
    assert "Screening survivors at the border" in body


def test_it_pages_through_many_items(client_for, alice, ngo_af):
    for number in range(25):
        item(ngo_af, alice, titles={"en": f"Training module {number}"})
    client = client_for(alice)
    first = client.get(reverse("knowledge:library"), {"q": "module"})
    assert len(first.context["items"]) == 20 and first.context["has_next"]
    second = client.get(reverse("knowledge:library"), {"q": "module", "page": "2"})
    assert len(second.context["items"]) == 5 and not second.context["has_next"]
    assert 'rel="prev"' in second.content.decode()


def test_it_keeps_the_search_current_when_items_change_or_go(ngo_af, alice):
    from panj.knowledge.services.library import (
        ItemDetails,
        delete_library_item,
        update_library_item,
    )

    changing = item(ngo_af, alice, titles={"en": "Shelter standards"})
    assert found("shelter") == {"Shelter standards"}
    update_library_item(
        item=changing,
        details=ItemDetails(
            kind="guideline", language="en", titles={"en": "Safe house rules"}, link="https://x.org"
        ),
    )
    assert found("shelter") == set() and found("safe house") == {"Safe house rules"}
    delete_library_item(item=changing)
    assert found("safe") == set()
