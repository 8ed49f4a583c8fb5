"""The library and news in a browser: adding a photo on a phone, searching in Dari, public news."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def library(demo, settings, tmp_path):
    from panj.knowledge.demo import load_demo_library, load_demo_news

    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo_library()
    load_demo_news()


def _poster_with_gps(path) -> None:
    exif = Image.Exif()
    exif[0x013B] = "Field officer"
    exif[0x8825] = {1: "N", 2: (37.0, 7.0, 0.0), 3: "E", 4: (68.0, 48.0, 0.0)}
    out = io.BytesIO()
    Image.new("RGB", (600, 300), (20, 90, 160)).save(out, format="JPEG", exif=exif)
    path.write_bytes(out.getvalue())


def test_it_adds_a_poster_on_a_phone_and_finds_it_in_dari(phone, library, tmp_path):
    from panj.knowledge.models import LibraryFile

    page = phone
    sign_in(page, "alice@demo.panj.org")
    page.goto("/knowledge/library/new/")
    page.select_option("#id_kind", "awareness")
    page.fill("#id_title_prs", "پوستر آگاهی در مورد قاچاق انسان")
    page.fill("#id_title_en", "Awareness poster on trafficking")
    page.select_option("#id_language", "prs")
    page.check("input[name=topics][value=awareness]")
    poster = tmp_path / "poster.jpg"
    _poster_with_gps(poster)
    page.set_input_files("#id_documents", str(poster))
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/knowledge/library/*/")
    assert page.get_by_role("link", name="poster.jpg").is_visible()
    stored = LibraryFile.objects.get(name="poster.jpg")
    assert b"Field officer" not in stored.file.read()

    # Typed on an Arabic keyboard (Arabic yeh and kaf), the search still finds the Dari title.
    page.goto("/knowledge/library/")
    page.fill("#library-q", "آگاهي")
    expect(page.locator("#results .card")).to_have_count(1)
    assert "Awareness poster on trafficking" in page.locator("#results").inner_text()
    screenshot(page, "library-search-dari-phone")


def test_it_searches_and_filters_without_javascript(laptop_without_js, library):
    page = laptop_without_js
    sign_in(page, "carol@demo.panj.org")
    page.goto("/knowledge/library/")
    page.fill("#library-q", "торговля")
    page.select_option("#id_language", "ru")
    page.get_by_role("button", name="Search").click()
    assert page.locator("#results .card").count() == 1
    assert "Trafficking in the border districts" in page.locator("#results").inner_text()
    # Another organisation's own training notes stay out of carol's library.
    page.goto("/knowledge/library/?q=trainer")
    assert "Nothing in the library matches." in page.locator("#results").inner_text()


def test_it_shows_public_news_and_the_public_library_without_sign_in(laptop_without_js, library):
    page = laptop_without_js
    page.goto("/public/news/")
    page.get_by_role("link", name="NGOs from both banks of the Panj found a network").click()
    assert "Kabul" in page.locator("main").inner_text()
    assert "Awareness sessions in Ishkashim" not in page.content()
    page.goto("/public/library/")
    assert page.locator("#results .card").count() == 2
    screenshot(page, "public-library")
