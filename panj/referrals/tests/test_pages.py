"""The referral pages: inbox, finding a service, the referral page and its actions."""

from __future__ import annotations

from django.urls import reverse

from panj.referrals import services
from panj.referrals.models import Referral
from panj.referrals.tests.conftest import send_and_approve


def _url(name, referral):
    return reverse(f"referrals:{name}", kwargs={"referral_id": referral.id})


def test_it_lists_incoming_referrals_with_a_count_of_news(sent, client_for, carol):
    response = client_for(carol).get(reverse("referrals:inbox"))
    assert response.status_code == 200
    assert response.context["counts"]["incoming"] == 1
    assert list(response.context["rows"]) == [sent]
    # The receiver sees who sent it, not the sender's case number.
    assert sent.case.number not in response.content.decode()


def test_it_lists_outgoing_and_awaiting_approval(draft, alice, bob, client_for):
    services.send_referral(referral=draft, by=alice, fields=["given_name"])
    outgoing = client_for(alice).get(reverse("referrals:inbox") + "?tab=outgoing")
    assert list(outgoing.context["rows"]) == [draft]
    approval = client_for(bob).get(reverse("referrals:inbox") + "?tab=approval")
    assert approval.context["tab"] == "approval" and list(approval.context["rows"]) == [draft]
    assert approval.context["counts"]["approval"] == 1
    # A caseworker has no approval tab.
    assert (
        client_for(alice).get(reverse("referrals:inbox") + "?tab=approval").context["tab"]
        == "incoming"
    )


def test_it_serves_the_rows_alone_to_htmx(sent, client_for, carol):
    response = client_for(carol).get(reverse("referrals:inbox"), HTTP_HX_REQUEST="true")
    assert b"<html" not in response.content and b'id="results"' in response.content


def test_it_keeps_the_inbox_to_a_few_queries(
    draft, alice, bob, client_for, carol, django_assert_max_num_queries
):
    send_and_approve(draft, alice, bob)
    client, sender = client_for(carol), client_for(alice)
    client.get(reverse("referrals:inbox"))
    sender.get(reverse("referrals:inbox"))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("referrals:inbox")).status_code == 200
    with django_assert_max_num_queries(12):
        assert sender.get(reverse("referrals:inbox") + "?tab=outgoing").status_code == 200


def test_it_refuses_the_inbox_to_roles_without_cases(client_for, hamid):
    assert client_for(hamid).get(reverse("referrals:inbox")).status_code == 403


def test_it_refuses_the_wrong_method(sent, client_for, carol):
    client = client_for(carol)
    assert client.post(reverse("referrals:inbox")).status_code == 405
    assert client.post(_url("referral", sent)).status_code == 405
    assert client.get(_url("accept", sent)).status_code == 405
    assert client.get(_url("send", sent)).status_code == 405


def test_it_finds_services_and_drafts_a_referral(
    referred_case, shelter_tj, agreement, client_for, alice
):
    client = client_for(alice)
    url = reverse("referrals:new", kwargs={"case_id": referred_case.id})
    page = client.get(url, {"category": "shelter"})
    assert page.status_code == 200
    assert [service for service, _agreement in page.context["results"]] == [shelter_tj]
    response = client.post(
        url, {"service": [shelter_tj.id], "urgency": "urgent", "reason": "safety"}
    )
    referral = Referral.objects.get()
    assert response.status_code == 302 and response["Location"] == _url("referral", referral)
    assert referral.status == Referral.Status.DRAFT and referral.categories == ["shelter"]


def test_it_refuses_to_draft_without_an_agreement(referred_case, shelter_tj, client_for, alice):
    url = reverse("referrals:new", kwargs={"case_id": referred_case.id})
    response = client_for(alice).post(
        url, {"service": [shelter_tj.id], "urgency": "urgent", "reason": "safety"}, follow=True
    )
    assert not Referral.objects.exists()
    assert "no data-sharing agreement" in response.content.decode()


def test_it_refuses_the_referral_form_to_a_viewer_and_to_strangers(
    referred_case, client_for, vera, carol
):
    url = reverse("referrals:new", kwargs={"case_id": referred_case.id})
    assert client_for(vera).get(url).status_code == 403
    assert client_for(carol).get(url).status_code == 404


def test_it_shows_the_sender_exactly_what_will_travel(draft, client_for, alice):
    page = client_for(alice).get(_url("referral", draft))
    text = page.content.decode()
    assert page.status_code == 200
    assert "+93700111222" in text and "Karim" not in text and "TAZKIRA" not in text
    assert [name for name, _label, _value in page.context["preview"]] == services.may_travel(draft)


def test_it_sends_only_the_ticked_fields(draft, client_for, alice, bob):
    response = client_for(alice).post(
        _url("send", draft), {"travels": ["given_name", "gender", "note"], "note": "Call first"}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Referral.Status.AWAITING_APPROVAL
    assert draft.travelled == ["given_name", "gender", "note"]
    client_for(bob).post(_url("approve", draft))
    draft.refresh_from_db()
    assert draft.status == Referral.Status.SENT
    assert set(services.open_payload(draft)) == {"given_name", "gender", "note"}


def test_it_refuses_approval_by_a_caseworker(draft, alice, client_for):
    services.send_referral(referral=draft, by=alice, fields=["given_name"])
    assert client_for(alice).post(_url("approve", draft)).status_code == 403
    draft.refresh_from_db()
    assert draft.status == Referral.Status.AWAITING_APPROVAL


def test_it_lets_the_supervisor_return_a_referral_to_the_caseworker(draft, alice, bob, client_for):
    services.send_referral(referral=draft, by=alice, fields=["given_name"])
    client_for(bob).post(_url("return", draft))
    draft.refresh_from_db()
    assert draft.status == Referral.Status.DRAFT and not draft.payload


def test_it_lets_the_receiver_accept_and_give_feedback(sent, client_for, carol, alice):
    client = client_for(carol)
    page = client.get(_url("referral", sent))
    assert "Zahra" in page.content.decode()
    assert client.post(_url("accept", sent)).status_code == 302
    client.post(_url("deliver", sent), {"category": "shelter", "outcome": "delivered"})
    sent.refresh_from_db()
    assert sent.status == Referral.Status.DELIVERED
    feedback = client_for(alice).get(_url("referral", sent))
    assert "Service delivered" in feedback.content.decode()
    sent.refresh_from_db()
    assert not sent.news_for_sender


def test_it_lets_the_receiver_decline_with_a_reason(sent, client_for, carol):
    client_for(carol).post(_url("decline", sent), {"reason": "no_capacity"})
    sent.refresh_from_db()
    assert sent.status == Referral.Status.DECLINED and not sent.payload


def test_it_refuses_the_senders_actions_to_the_receiver(sent, client_for, carol):
    assert client_for(carol).post(_url("withdraw", sent)).status_code == 403
    sent.refresh_from_db()
    assert sent.status == Referral.Status.SENT


def test_it_refuses_the_receivers_actions_to_the_sender(sent, client_for, alice):
    assert client_for(alice).post(_url("accept", sent)).status_code == 403


def test_it_lets_a_viewer_read_but_not_act(draft, alice, bob, client_for, vera):
    send_and_approve(draft, alice, bob)
    client = client_for(vera)
    assert client.get(_url("referral", draft)).status_code == 200
    assert client.post(_url("withdraw", draft)).status_code == 403


def test_it_records_the_receivers_first_look_on_the_timeline(sent, client_for, carol):
    client_for(carol).get(_url("referral", sent))
    client_for(carol).get(_url("referral", sent))
    assert sent.events.filter(kind="read").count() == 1


def test_it_audits_each_read_of_what_travelled(sent, client_for, carol):
    from panj.audit.models import AuditEntry

    client_for(carol).get(_url("referral", sent))
    entry = AuditEntry.objects.filter(action="referral_read").get()
    assert entry.organisation_id == sent.receiver_id and "given_name" in entry.fields
