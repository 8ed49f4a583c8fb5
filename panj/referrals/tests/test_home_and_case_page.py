"""Referrals on the home page and on the case page."""

from __future__ import annotations

from django.urls import reverse

from panj.referrals import services


def test_it_counts_what_waits_on_the_home_page(sent, client_for, carol, alice):
    home = client_for(carol).get(reverse("home")).content.decode()
    assert "1 referral waiting for your answer" in home
    services.accept_referral(referral=sent, by=carol)
    assert (
        "1 update on referrals you sent" in client_for(alice).get(reverse("home")).content.decode()
    )


def test_it_shows_no_panel_to_roles_without_cases(client_for, hamid):
    assert "waiting for your answer" not in client_for(hamid).get(reverse("home")).content.decode()


def test_it_offers_to_refer_from_the_case_page_and_lists_its_referrals(
    draft, client_for, alice, vera
):
    url = reverse("cases:case", kwargs={"case_id": draft.case_id})
    page = client_for(alice).get(url).content.decode()
    assert reverse("referrals:new", kwargs={"case_id": draft.case_id}) in page
    assert reverse("referrals:referral", kwargs={"referral_id": draft.id}) in page
    assert (
        reverse("referrals:new", kwargs={"case_id": draft.case_id})
        not in client_for(vera).get(url).content.decode()
    )


def test_it_tells_the_receivers_case_where_it_came_from(sent, client_for, carol):
    referral = services.accept_referral(referral=sent, by=carol)
    page = (
        client_for(carol)
        .get(reverse("cases:case", kwargs={"case_id": referral.receiver_case_id}))
        .content.decode()
    )
    assert "Received by referral from Afghan Test NGO" in page
