"""Through the API, the receiving organisation reads the travelled fields and nothing else of
the sender's case; each read is audited as the referral page's read is."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from panj.accounts.roles import Role
from panj.accounts.services import add_member
from panj.audit.models import AuditEntry
from panj.cases import services as case_services
from panj.referrals import services

# Values of the referred case that the shelter referral never carries.
NEVER_TRAVELLED = [
    "Karim",  # father's name
    "TAZKIRA-99887",  # identity document
    "Street of the mosque",  # address
    "Met at the bazaar gate",  # a note on the case
    "SexualExploitation",
    "Sexual exploitation",
]


def _api_urls(referral) -> list[str]:
    return [
        reverse("api:api-root"),
        reverse("api:referrals"),
        reverse("api:referrals") + "?direction=incoming",
        reverse("api:referrals") + "?direction=outgoing",
        reverse("api:referrals") + f"?status={referral.status}",
        reverse("api:referral", kwargs={"referral_id": referral.id}),
        reverse("api:openapi-json"),
    ]


def _assert_nothing_beyond(client, urls, sender_case_number):
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        assert response["Content-Type"].startswith("application/json"), url
        text = response.content.decode()
        for value in NEVER_TRAVELLED:
            assert value not in text, (url, value)
        assert sender_case_number not in text, url


def test_it_gives_the_receiver_the_travelled_fields_only(
    sent, referred_case, alice, carol, ngo_tj, client_for
):
    case_services.add_note(
        case=referred_case, by=alice, text="Met at the bazaar gate", written_on=timezone.localdate()
    )
    supervisor = add_member(
        organisation=ngo_tj, email="sam@test.panj.org", full_name="Sam", role=Role.SUPERVISOR
    ).user
    client = client_for(carol)
    detail = client.get(reverse("api:referral", kwargs={"referral_id": sent.id})).json()
    values = {field["name"]: field["value"] for field in detail["travelled"]}
    assert values["given_name"] == "Zahra"
    assert values["phone"] == "+93700111222"
    assert set(values) == set(sent.travelled)
    assert not {"father_name", "id_document", "address", "exploitation_types"} & set(values)
    _assert_nothing_beyond(client, _api_urls(sent), referred_case.number)
    _assert_nothing_beyond(client_for(supervisor), _api_urls(sent), referred_case.number)

    accepted = services.accept_referral(referral=sent, by=carol)
    _assert_nothing_beyond(client, _api_urls(accepted), referred_case.number)


def test_it_shows_the_receiver_what_the_referral_page_shows(sent, carol, client_for):
    client = client_for(carol)
    page = client.get(reverse("referrals:referral", kwargs={"referral_id": sent.id}))
    api = client.get(reverse("api:referral", kwargs={"referral_id": sent.id})).json()
    text = page.content.decode()
    for field in api["travelled"]:
        assert field["label"] in text
        assert field["value"] in text


def test_it_audits_each_read_of_what_travelled(sent, carol, client_for):
    url = reverse("api:referral", kwargs={"referral_id": sent.id})
    client_for(carol).get(url)
    client_for(carol).get(url)
    entries = AuditEntry.objects.filter(action="referral_read", object_id=str(sent.id))
    assert entries.count() == 2
    entry = entries.first()
    assert entry is not None
    assert entry.actor_id == carol.pk
    assert entry.organisation_id == sent.receiver_id
    # The list carries nothing of the case and is not a read of it.
    client_for(carol).get(reverse("api:referrals"))
    assert entries.count() == 2


def test_it_gives_the_sender_the_names_of_what_was_sent_without_values(
    sent, referred_case, alice, client_for
):
    response = client_for(alice).get(reverse("api:referral", kwargs={"referral_id": sent.id}))
    body = response.json()
    assert body["direction"] == "outgoing"
    assert [field["name"] for field in body["travelled"]] == list(sent.travelled)
    assert all(field["value"] is None for field in body["travelled"])
    for value in ["Zahra", "Ahmadi", "+93700111222", referred_case.number, *NEVER_TRAVELLED]:
        assert value not in response.content.decode()
    assert not AuditEntry.objects.filter(action="referral_read").exists()


def test_it_shows_no_value_once_the_receiver_declined(sent, carol, client_for):
    declined = services.decline_referral(referral=sent, by=carol, reason="no_capacity")
    response = client_for(carol).get(reverse("api:referral", kwargs={"referral_id": declined.id}))
    body = response.json()
    assert body["status"]["code"] == "declined"
    assert body["decline_reason"]["code"] == "no_capacity"
    assert body["travelled"] == []
    assert "Zahra" not in response.content.decode()
