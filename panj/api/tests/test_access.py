"""Who reaches which referral through the API: the two organisations, each on its side."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from panj.accounts.roles import Role
from panj.accounts.services import add_member
from panj.referrals import services


def _detail(referral_id) -> str:
    return reverse("api:referral", kwargs={"referral_id": referral_id})


def test_it_refuses_a_third_organisation_with_404_and_an_empty_list(
    sent, third_caseworker, client_for
):
    client = client_for(third_caseworker)
    response = client.get(_detail(sent.id))
    assert response.status_code == 404
    assert response.json()["detail"]
    listing = client.get(reverse("api:referrals"))
    assert listing.status_code == 200
    assert listing.json()["count"] == 0 and listing.json()["items"] == []


def test_it_answers_missing_and_foreign_alike(sent, third_caseworker, client_for):
    client = client_for(third_caseworker)
    foreign = client.get(_detail(sent.id))
    missing = client.get(_detail(uuid.uuid4()))
    assert foreign.status_code == missing.status_code == 404
    assert foreign.json() == missing.json()


@pytest.mark.parametrize("stranger", ["dave", "frank"])
def test_it_refuses_roles_that_do_not_read_cases(request, sent, client_for, stranger):
    client = client_for(request.getfixturevalue(stranger))
    assert client.get(_detail(sent.id)).status_code == 404
    listing = client.get(reverse("api:referrals"))
    assert listing.status_code == 403
    assert listing.json()["detail"]


def test_it_hides_a_draft_from_the_receiver(draft, carol, alice, client_for):
    assert client_for(carol).get(_detail(draft.id)).status_code == 404
    assert client_for(carol).get(reverse("api:referrals")).json()["items"] == []
    assert client_for(alice).get(_detail(draft.id)).status_code == 200


def test_it_lets_a_viewer_read_what_the_pages_let_it_read(sent, vera, ngo_tj, client_for):
    # A viewer of the sending organisation: the referral and its steps, no values.
    client = client_for(vera)
    page = client.get(reverse("referrals:referral", kwargs={"referral_id": sent.id}))
    response = client.get(_detail(sent.id))
    assert page.status_code == response.status_code == 200
    assert all(field["value"] is None for field in response.json()["travelled"])
    assert [item["id"] for item in client.get(reverse("api:referrals")).json()["items"]] == [
        str(sent.id)
    ]
    # A viewer of the receiving organisation reads what travelled, as on the page.
    viewer = add_member(
        organisation=ngo_tj, email="val@test.panj.org", full_name="Val", role=Role.VIEWER
    ).user
    client = client_for(viewer)
    page = client.get(reverse("referrals:referral", kwargs={"referral_id": sent.id}))
    response = client.get(_detail(sent.id))
    assert page.status_code == response.status_code == 200
    assert "Zahra" in page.content.decode() and "Zahra" in response.content.decode()


def test_it_only_answers_get(sent, alice, client_for):
    client = client_for(alice)
    for url in (reverse("api:referrals"), _detail(sent.id)):
        assert client.post(url).status_code == 405
        assert client.delete(url).status_code == 405


def test_it_changes_nothing_on_a_read(sent, carol, client_for):
    """Reading through the API leaves the inbox's marks for the people who open the page."""
    client_for(carol).get(_detail(sent.id))
    sent.refresh_from_db()
    assert sent.news_for_receiver
    assert not sent.events.filter(kind="read").exists()
    assert services.open_payload(sent)
