"""The receiving organisation sees the travelled fields and nothing else, on every page;
a third organisation sees nothing at all."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from panj.accounts.roles import Role
from panj.accounts.services import add_member
from panj.cases import services as case_services
from panj.cases.models import Consent
from panj.referrals import services

# Values of the referred case that the shelter referral never carries.
# (Exploitation is checked on the receiver's case itself: its labels appear in filter menus.)
NEVER_TRAVELLED = ["Karim", "TAZKIRA-99887", "Street of the mosque", "Met at the bazaar gate"]


def _pages(referral, case):
    return [
        reverse("referrals:inbox"),
        reverse("referrals:inbox") + "?tab=outgoing",
        reverse("referrals:referral", kwargs={"referral_id": referral.id}),
        reverse("referrals:pathways"),
        reverse("cases:list"),
        reverse("cases:case", kwargs={"case_id": case.id}),
        reverse("cases:print", kwargs={"case_id": case.id}) + "?identifying=1",
        reverse("cases:export"),
        "/",
    ]


def _assert_nothing_beyond(client, pages, sender_case_number):
    for url in pages:
        response = client.get(url)
        assert response.status_code in (200, 403), (url, response.status_code)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode()
        for value in NEVER_TRAVELLED:
            assert value not in text, (url, value)
        assert sender_case_number not in text, url


def test_it_shows_the_receiver_only_what_travelled_everywhere(
    sent, referred_case, alice, carol, ngo_tj, client_for
):
    case_services.add_note(
        case=referred_case,
        by=alice,
        text="Met at the bazaar gate",
        written_on=timezone.localdate(),
    )
    supervisor = add_member(
        organisation=ngo_tj, email="sam@test.panj.org", full_name="Sam", role=Role.SUPERVISOR
    ).user
    client = client_for(carol)
    page = client.get(reverse("referrals:referral", kwargs={"referral_id": sent.id}))
    assert "Zahra" in page.content.decode() and "+93700111222" in page.content.decode()
    referral = services.accept_referral(referral=sent, by=carol)
    pages = _pages(referral, referral.receiver_case)
    assert referral.receiver_case.exploitation_types == []
    _assert_nothing_beyond(client, pages, referred_case.number)
    _assert_nothing_beyond(client_for(supervisor), pages, referred_case.number)
    # Once the receiver has the person's own consent, its case shows the identity: still only
    # what travelled, since nothing else was ever copied.
    case_services.give_consent(
        case=referral.receiver_case,
        by=carol,
        purpose=Consent.Purpose.ASSISTANCE,
        given_by="person",
        method="verbal",
        given_on=timezone.localdate(),
    )
    case_services.give_consent(
        case=referral.receiver_case,
        by=carol,
        purpose=Consent.Purpose.STATISTICS,
        given_by="person",
        method="verbal",
        given_on=timezone.localdate(),
    )
    case_page = client.get(reverse("cases:case", kwargs={"case_id": referral.receiver_case.id}))
    assert "Zahra" in case_page.content.decode()
    _assert_nothing_beyond(client, pages, referred_case.number)
    _assert_nothing_beyond(client_for(supervisor), pages, referred_case.number)


@pytest.mark.parametrize("stranger", ["dave", "frank"])
def test_it_shows_a_third_organisation_nothing(request, sent, client_for, stranger):
    client = client_for(request.getfixturevalue(stranger))
    url = reverse("referrals:referral", kwargs={"referral_id": sent.id})
    assert client.get(url).status_code == 404
    inbox = client.get(reverse("referrals:inbox") + "?tab=outgoing")
    assert inbox.status_code in (200, 403)
    assert str(sent.id) not in inbox.content.decode()
    for value in ["Zahra", "Ahmadi", "+93700111222"]:
        assert value not in client.get(reverse("referrals:pathways")).content.decode()


def test_it_hides_a_draft_from_the_receiver(draft, client_for, carol):
    url = reverse("referrals:referral", kwargs={"referral_id": draft.id})
    assert client_for(carol).get(url).status_code == 404


def test_it_hides_a_referral_waiting_for_approval_from_the_receiver(
    draft, alice, client_for, carol
):
    services.send_referral(referral=draft, by=alice, fields=["given_name"])
    url = reverse("referrals:referral", kwargs={"referral_id": draft.id})
    assert client_for(carol).get(url).status_code == 404
    assert "Zahra" not in client_for(carol).get(reverse("referrals:inbox")).content.decode()
