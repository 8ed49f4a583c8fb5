"""A coordinator runs a cross-border workshop in Kabul; a member sees their action at home."""

from __future__ import annotations

import datetime

import pytest

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

TITLE = "Cross-border workshop on referrals"


def _ten_ngos() -> list[str]:
    from panj.directory.models import Organisation

    names = list(
        Organisation.objects.filter(kind="ngo").order_by("name").values_list("name", flat=True)
    )
    assert len(names) >= 10
    return names[:10]


def test_it_runs_a_workshop_and_shows_its_action_on_a_members_home(laptop_without_js, phone):
    """The coordinator's flow without JavaScript: every form posts and reloads the page."""
    page = laptop_without_js
    sign_in(page, "dave@demo.panj.org")
    page.goto("/knowledge/events/new/")
    page.select_option("#id_kind", "workshop")
    page.fill("#id_title_en", TITLE)
    page.fill("#id_start_day", "2026-12-07")
    page.fill("#id_start_time", "09:00")
    page.fill("#id_end_day", "2026-12-08")
    page.fill("#id_end_time", "16:00")
    page.select_option("#id_time_zone", "Asia/Kabul")
    page.fill("#id_place", "Kabul")
    ngos = _ten_ngos()
    invited = page.locator("#id_invited_organisations")
    for name in ngos:
        invited.get_by_label(name, exact=True).check()
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/knowledge/events/*/")
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    for name in ngos:
        assert name in page.locator("#invited").inner_text()

    for time, title in [("09:00", "Welcome"), ("10:00", "Referrals across the Panj")]:
        page.locator("#agenda summary").click()
        page.fill("#agenda_day", "2026-12-07")
        page.fill("#agenda_starts", time)
        page.fill("#agenda_title", title)
        page.locator("#agenda").get_by_role("button", name="Add").click()
        page.wait_for_load_state()
    assert "Referrals across the Panj" in page.locator("#agenda table").inner_text()

    for name, women, men in [(ngos[0], "3", "2"), (ngos[1], "1", "4")]:
        page.locator("#attendance summary").click()
        page.select_option("#attendance_organisation", label=name)
        page.fill("#attendance_women", women)
        page.fill("#attendance_men", men)
        page.locator("#attendance").get_by_role("button", name="Record").click()
        page.wait_for_load_state()
    assert "10" in page.locator("#attendance tfoot").inner_text()

    yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    later = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    for text, owner, due in [
        (
            "Share the referral checklist with the Tajik partners",
            "Kunduz Family Protection Organisation",
            yesterday,
        ),
        ("Propose dates for the next meeting", "IOM Kabul", later),
    ]:
        page.locator("#actions summary").click()
        page.fill("#action_description", text)
        page.select_option("#action_organisation", label=owner)
        page.fill("#action_due_on", due)
        page.locator("#actions").get_by_role("button", name="Add").click()
        page.wait_for_load_state()
    actions = page.locator("#actions").inner_text()
    assert "Share the referral checklist" in actions and "Propose dates" in actions
    screenshot(page, "knowledge-workshop")

    sign_in(phone, "alice@demo.panj.org")
    panel = phone.locator("#knowledge-actions").locator("..")
    assert "Share the referral checklist with the Tajik partners" in panel.inner_text()
    assert "overdue" in panel.inner_text()
    assert "Propose dates" not in panel.inner_text()
    screenshot(phone, "knowledge-home-action")

    # With JavaScript, the owner moves the action on in place.
    panel.get_by_role("link", name=TITLE).click()
    phone.wait_for_url("**/knowledge/events/*/")
    item = phone.locator("#actions li.action", has_text="Share the referral checklist")
    item.get_by_label("Status").select_option("in_progress")
    item.get_by_role("button", name="Save").click()
    item.get_by_role("status").wait_for()
    assert "In progress" in item.inner_text()


def test_it_shows_a_programmes_progress_chart_on_a_phone_in_dari(phone):
    from panj.knowledge.demo_joint_work import PROGRAMME, load_demo_joint_work
    from panj.knowledge.models.programmes import Programme

    load_demo_joint_work()
    programme = Programme.objects.get(title=PROGRAMME)
    sign_in(phone, "alice@demo.panj.org")
    phone.select_option("#language-choice", "prs")
    phone.get_by_role("button", name="Change").click()
    phone.wait_for_load_state()
    phone.goto(f"/knowledge/programmes/{programme.id}/")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    chart = phone.locator("svg.chart")
    assert chart.get_attribute("role") == "img"
    assert chart.bounding_box()["width"] <= 360
    # Drawn by the stylesheet, not inline styles: the bars take their colour from a class.
    fill = phone.locator("svg.chart rect.bar").first.evaluate("e => getComputedStyle(e).fill")
    assert fill not in ("", "none", "rgb(0, 0, 0)")
    assert phone.locator("#progress table tbody tr").count() == 3
    # Labels stay inside the chart, even on a right-to-left page.
    box = chart.bounding_box()
    label = phone.locator("svg.chart text.label").first.bounding_box()
    assert box["x"] <= label["x"] <= box["x"] + box["width"]
    screenshot(phone, "knowledge-programme-dari")
