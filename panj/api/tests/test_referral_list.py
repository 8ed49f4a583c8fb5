"""The organisation's referrals: both directions, filters, pages, a bounded number of queries."""

from __future__ import annotations

from django.urls import reverse

from panj.referrals import services


def test_it_lists_incoming_and_outgoing_with_filters(sent, alice, carol, client_for):
    url = reverse("api:referrals")
    outgoing = client_for(alice).get(url + "?direction=outgoing").json()
    assert [item["id"] for item in outgoing["items"]] == [str(sent.id)]
    item = outgoing["items"][0]
    assert item["direction"] == "outgoing"
    assert item["sender"] == {"slug": "ngo-af", "name": "Afghan Test NGO"}
    assert item["receiver"]["slug"] == "ngo-tj"
    assert item["cross_border"] is True
    assert item["urgency"]["code"] == "urgent"
    assert [service["name"] for service in item["services_asked"]] == ["Safe house in Khorugh"]
    assert item["sent_at"] and item["answered_at"] is None
    assert "travelled" not in item and "case" not in item
    assert client_for(alice).get(url + "?direction=incoming").json()["count"] == 0

    incoming = client_for(carol).get(url + "?direction=incoming").json()
    assert [item["id"] for item in incoming["items"]] == [str(sent.id)]
    assert incoming["items"][0]["direction"] == "incoming"
    assert client_for(carol).get(url + "?direction=outgoing").json()["count"] == 0

    assert client_for(carol).get(url + "?status=sent").json()["count"] == 1
    assert client_for(carol).get(url + "?status=accepted").json()["count"] == 0
    services.accept_referral(referral=sent, by=carol)
    accepted = client_for(alice).get(url + "?status=accepted").json()
    assert accepted["count"] == 1
    assert accepted["items"][0]["answered_at"]


def test_it_pages_the_list(sent, alice, client_for):
    url = reverse("api:referrals")
    first = client_for(alice).get(url).json()
    assert first["page"] == 1 and first["page_size"] == 25 and first["count"] == 1
    beyond = client_for(alice).get(url + "?page=2").json()
    assert beyond["items"] == [] and beyond["count"] == 1


def test_it_lists_with_a_bounded_number_of_queries(
    sent, alice, client_for, django_assert_max_num_queries
):
    client = client_for(alice)
    client.get(reverse("api:referrals"))
    with django_assert_max_num_queries(8):
        assert client.get(reverse("api:referrals")).status_code == 200
