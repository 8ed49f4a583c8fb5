"""A caseworker in Kunduz registers a case in Dari with a Solar Hijri date, records consent,
and finds the case again by name, on a phone."""

from __future__ import annotations

import datetime

import pytest

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


def _in_dari(page) -> None:
    page.select_option("#language-choice", "prs")
    page.locator("form.language button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_it_registers_a_case_in_dari_and_finds_it_by_name(phone):
    from panj.cases.models import Case, Consent

    sign_in(phone)
    _in_dari(phone)
    phone.goto("/cases/new/")
    phone.fill("#id_given_name", "گلالی")
    phone.fill("#id_father_name", "عبدالرحیم")
    phone.fill("#id_family_name", "کندزی")
    phone.select_option("#id_gender", "Feminine")
    phone.fill("#id_opened_on", "۱۴۰۴/۰۹/۰۶")
    phone.fill("#id_estimated_age", "16")
    phone.check("#id_consent_assistance")
    screenshot(phone, "case-new-dari")
    phone.locator("form button[type=submit].primary").click()
    phone.wait_for_url("**/cases/*-*/")
    case = Case.objects.get(organisation__slug="kfpo")
    assert case.opened_on == datetime.date(2025, 11, 27)
    assert "۱۴۰۴/۰۹/۰۶" in phone.locator("#summary").inner_text()

    phone.locator("#consent a").first.click()
    phone.select_option("#id_purpose", "statistics")
    phone.select_option("#id_method", "written")
    phone.locator("form button[type=submit].primary").click()
    phone.wait_for_url(f"**/cases/{case.id}/")
    assert case.consents.filter(purpose=Consent.Purpose.STATISTICS).exists()
    screenshot(phone, "case-page-dari")

    phone.goto("/cases/")
    phone.fill("#id_q", "كندزي")  # typed with an Arabic keyboard: ي and ك
    phone.locator("form.name-search button[type=submit]").click()
    phone.locator("#results").get_by_text(case.number).wait_for()
    assert "?q=" not in phone.url and "%DA" not in phone.url
    screenshot(phone, "case-search-dari")
