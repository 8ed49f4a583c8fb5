"""Alice in Kunduz refers a woman to Carol's shelter in Khorugh; Bob approves the crossing of
the border; Carol accepts and sees only the fields the agreement allows; Alice sees the
feedback. Alice works on a phone, Bob and Carol on laptops without JavaScript."""

from __future__ import annotations

import datetime

import pytest

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


def _prepare():
    from django.utils import timezone

    from panj.accounts.models import User
    from panj.cases import services as case_services
    from panj.cases.identity import Identity
    from panj.cases.models import Consent
    from panj.directory.models import Organisation
    from panj.referrals import services

    kfpo = Organisation.objects.get(slug="kfpo")
    nur = Organisation.objects.get(slug="nur-khorog")
    alice = User.objects.get(email="alice@demo.panj.org")
    hamid = User.objects.get(email="kfpo-admin@demo.panj.org")
    today = timezone.localdate()
    services.create_agreement(
        organisation=kfpo,
        by=hamid,
        title="KFPO – Nur shelter referrals",
        scope="cross_border",
        fields=["given_name", "gender", "age_broad", "needs", "risk_level", "languages", "note"],
        starts_on=today - datetime.timedelta(days=10),
        ends_on=today + datetime.timedelta(days=300),
        parties=[kfpo, nur],
    )
    case = case_services.register_case(
        organisation=kfpo,
        by=alice,
        item=case_services.NewCase(
            identity=Identity(
                given_name="Parwana",
                family_name="Hashimi",
                father_name="Nasrullah",
                birth_year=2003,
                phone="+93700555666",
                address="Near the old bazaar, Kunduz",
            ),
            opened_on=today,
            gender="Feminine",
            caseworker_id=alice.pk,
            consents={"assistance": case_services.ConsentInput()},
            values={"needs": ["shelter"], "risk_level": "high"},
        ),
    )
    case_services.give_consent(
        case=case,
        by=alice,
        purpose=Consent.Purpose.REFERRAL,
        given_by="person",
        method="written",
        given_on=today,
        recipient=nur,
    )
    return case


def _laptop(browser, live_server, email):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=live_server.url, java_script_enabled=False
    )
    page = context.new_page()
    sign_in(page, email)
    return context, page


def test_it_refers_across_the_border_with_approval_and_feedback(phone, browser, live_server):
    from panj.referrals.models import Referral

    case = _prepare()

    # Alice, on her phone, refers the case to Nur's shelter.
    sign_in(phone, "alice@demo.panj.org")
    phone.goto(f"/cases/{case.id}/")
    phone.locator("#referrals").get_by_role("link", name="Refer").click()
    phone.select_option("#id_category", "shelter")
    phone.locator("form.filters button[type=submit]").click()
    phone.wait_for_load_state("networkidle")
    phone.get_by_label("Shelter for women and girls", exact=False).check()
    phone.select_option("#id_urgency", "urgent")
    phone.select_option("#id_reason", "safety")
    phone.get_by_role("button", name="Prepare the referral").click()
    phone.wait_for_url("**/referrals/*-*/")
    preview = phone.locator("main").inner_text()
    assert "Parwana" in preview
    # The shelter needs the phone and family name, but the agreement does not allow them.
    assert "Hashimi" not in preview and "+93700555666" not in preview
    phone.fill("#id_note", "Arrives with her younger sister.")
    screenshot(phone, "referral-what-travels")
    phone.get_by_role("button", name="Ask for approval to send").click()
    phone.get_by_text("Sent for approval.").wait_for()
    referral = Referral.objects.get()
    assert referral.status == Referral.Status.AWAITING_APPROVAL

    # Bob approves it.
    bob_context, bob = _laptop(browser, live_server, "bob@demo.panj.org")
    bob.goto("/referrals/?tab=approval")
    bob.locator("#results a").first.click()
    bob.get_by_role("button", name="Approve and send").click()
    bob.get_by_text("Approved and sent.").wait_for()
    bob_context.close()
    referral.refresh_from_db()
    assert referral.status == Referral.Status.SENT

    # Carol, at the shelter, sees only what travelled, accepts and gives feedback.
    carol_context, carol = _laptop(browser, live_server, "carol@demo.panj.org")
    carol.goto("/referrals/")
    carol.locator("#results a").first.click()
    travelled = carol.locator("#travelled").inner_text()
    assert "Parwana" in travelled and "Arrives with her younger sister." in travelled
    page_text = carol.locator("main").inner_text()
    for never in ("Hashimi", "Nasrullah", "+93700555666", "old bazaar", case.number):
        assert never not in page_text
    screenshot(carol, "referral-received")
    carol.get_by_role("button", name="Accept").click()
    carol.get_by_text("Accepted").first.wait_for()
    carol.select_option("#id_category", "shelter")
    carol.select_option("#id_outcome", "delivered")
    carol.get_by_role("button", name="Send feedback").click()
    carol.get_by_text("Feedback sent to the referring organisation.").wait_for()
    carol.goto(f"/cases/{Referral.objects.get().receiver_case_id}/")
    for never in ("Hashimi", "Nasrullah", "+93700555666", "old bazaar", case.number):
        assert never not in carol.locator("main").inner_text()
    carol_context.close()

    # Alice sees the feedback on the referral's timeline.
    phone.goto(f"/referrals/{referral.id}/")
    timeline = phone.locator("main").inner_text()
    assert "Service delivered" in timeline and "Accepted" in timeline
    screenshot(phone, "referral-feedback")

    # The same inbox in Dari, right to left.
    phone.select_option("#language-choice", "prs")
    phone.locator("form.language button[type=submit]").click()
    phone.wait_for_load_state()
    phone.goto("/referrals/?tab=outgoing")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    assert phone.locator("#results table a").count() == 1
    screenshot(phone, "referrals-inbox-dari")
