"""A member signs in, reads Panj in Dari, finds legal aid in Badakhshan, opens a profile."""

import pytest

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


def test_it_signs_in_and_shows_the_home_page(phone):
    phone.goto("/accounts/login/")
    screenshot(phone, "sign-in")
    sign_in(phone)
    assert phone.get_by_role("heading", level=1).inner_text().startswith("Welcome")
    assert "Kunduz Family Protection Organisation" in phone.content()


def test_it_switches_to_dari_and_lays_the_page_out_right_to_left(phone):
    sign_in(phone)
    phone.select_option("#language-choice", "prs")
    phone.get_by_role("button", name="Change").click()
    phone.wait_for_load_state()
    html = phone.locator("html")
    assert html.get_attribute("dir") == "rtl"
    assert html.get_attribute("lang") == "prs"
    # Mirrored: the brand sits at the right edge of the bar.
    brand = phone.locator(".brand").bounding_box()
    assert brand["x"] > 360 / 2
    assert phone.locator("html").evaluate("e => getComputedStyle(document.body).direction") == "rtl"
    screenshot(phone, "home-dari")


def test_it_finds_legal_aid_in_badakhshan(phone):
    sign_in(phone)
    phone.goto("/directory/services/")
    with phone.expect_response(lambda r: "category=legal" in r.url):
        phone.select_option("#id_category", "legal")
    with phone.expect_response(lambda r: "area=" in r.url):
        phone.select_option("#id_area", label="Badakhshan")
    results = phone.locator("#results")
    results.get_by_text("Legal aid and documentation").wait_for()
    assert "Court representation" not in results.inner_text()
    screenshot(phone, "service-finder")


def test_it_finds_legal_aid_without_javascript(laptop_without_js):
    page = laptop_without_js
    sign_in(page)
    page.goto("/directory/services/")
    page.select_option("#id_category", "legal")
    page.select_option("#id_area", label="Badakhshan")
    page.get_by_role("button", name="Find").click()
    page.wait_for_url("**category=legal**")
    assert "Legal aid and documentation" in page.locator("#results").inner_text()


def test_it_opens_an_organisations_profile(phone):
    sign_in(phone, "carol@demo.panj.org")
    phone.goto("/directory/")
    phone.get_by_role("link", name="Pamir Bridge Relief").click()
    phone.wait_for_url("**/directory/organisations/pamir-bridge/")
    assert phone.get_by_role("heading", level=1).inner_text().startswith("Pamir Bridge Relief")
    assert phone.get_by_role("heading", name="Focal points").is_visible()
    screenshot(phone, "organisation")
