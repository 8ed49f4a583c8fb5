"""Awareness campaigns: channels, audiences, messages in several languages, reach over time."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse

from panj.knowledge.models.campaigns import Campaign
from panj.knowledge.models.events import Sharing
from panj.knowledge.services.campaigns import report_reach
from panj.knowledge.tests.joint_work import new_campaign, status_of

pytestmark = pytest.mark.django_db


def _reach(**given: Any) -> dict[str, Any]:
    """The reach form filled in: one girl reached by radio, unless `given` says otherwise."""
    return {
        "reported_on": "2026-03-05",
        "channel": "radio",
        "age_group": "0-17",
        "women": 1,
        "men": 0,
        "other": 0,
    } | given


def test_it_creates_a_campaign_with_channels_and_audiences(client_for, hamid, ngo_af):
    data = {
        "title": "Know before you go",
        "communities": "Shughnan villages",
        "audiences": ["youth", "parents"],
        "channels": ["radio", "schools"],
        "starts_on": "2026-03-01",
        "sharing": "network",
    }
    response = client_for(hamid).post(reverse("knowledge:campaign_new"), data)
    campaign = Campaign.objects.get()
    assert response["Location"] == reverse("knowledge:campaign", args=[campaign.id])
    assert campaign.organisation == ngo_af
    assert campaign.channels == ["radio", "schools"]
    body = client_for(hamid).get(response["Location"]).content.decode()
    assert "School sessions" in body and "Parents" in body


def test_it_refuses_to_create_campaigns_for_caseworkers(client_for, alice):
    data = {"title": "X", "starts_on": "2026-03-01", "sharing": "network"}
    assert client_for(alice).post(reverse("knowledge:campaign_new"), data).status_code == 403


def test_it_keeps_messages_in_several_languages(client_for, ngo_af, bob):
    campaign = new_campaign(ngo_af)
    url = reverse("knowledge:add_message", args=[campaign.id])
    client = client_for(bob)
    client.post(url, {"language": "prs", "text": "قبل از سفر بدانید"})
    client.post(url, {"language": "tg", "text": "Пеш аз сафар донед"})
    assert sorted(campaign.messages.values_list("language", flat=True)) == ["prs", "tg"]
    body = client.get(reverse("knowledge:campaign", args=[campaign.id])).content.decode()
    assert 'lang="prs" dir="rtl"' in body and "Пеш аз сафар" in body


def test_it_totals_reach_by_sex_and_age_group(client_for, ngo_af, bob, carol):
    campaign = new_campaign(ngo_af)
    url = reverse("knowledge:add_reach", args=[campaign.id])
    client = client_for(bob)
    for day, channel, group, women, men in [
        ("2026-03-05", "radio", "18-59", 120, 80),
        ("2026-03-12", "schools", "0-17", 40, 35),
        ("2026-04-02", "radio", "18-59", 30, 20),
    ]:
        data = _reach(reported_on=day, channel=channel, age_group=group, women=women, men=men)
        assert client.post(url, data).status_code == 302
    body = client_for(carol).get(reverse("knowledge:campaign", args=[campaign.id])).content.decode()
    assert "<td>150</td><td>100</td><td>0</td><td>250</td>" in body  # adults
    assert "<td>40</td><td>35</td><td>0</td><td>75</td>" in body  # children
    assert "<td>190</td><td>135</td><td>0</td><td>325</td>" in body  # everyone


def test_it_refuses_negative_reach(client_for, ngo_af, bob):
    campaign = new_campaign(ngo_af)
    url = reverse("knowledge:add_reach", args=[campaign.id])
    assert client_for(bob).post(url, _reach(women=-1)).status_code == 200
    assert not campaign.reach.exists()


def test_it_refuses_reach_from_members_who_only_see_the_campaign(client_for, ngo_af, erin, vera):
    campaign = new_campaign(ngo_af)
    url = reverse("knowledge:add_reach", args=[campaign.id])
    data = _reach()
    assert client_for(erin).post(url, data).status_code == 403
    assert client_for(vera).post(url, data).status_code == 403


def test_it_hides_partners_only_campaigns_and_lists_in_few_queries(
    client_for, ngo_af, ngo_tj, carol, django_assert_max_num_queries
):
    for index in range(5):
        report_reach(
            campaign=new_campaign(ngo_af, title=f"Campaign {index}"),
            reported_on=datetime.date(2026, 3, 1),
            channel="radio",
            age_group="0-17",
            women=1,
        )
    closed = new_campaign(ngo_af, title="Closed one", sharing=Sharing.INVITED)
    client = client_for(carol)
    with django_assert_max_num_queries(10):
        body = client.get(reverse("knowledge:campaigns")).content.decode()
    assert "Campaign 4" in body and "Closed one" not in body
    assert status_of(client, "get", "campaign", closed.id) == 404
    closed.partners.add(ngo_tj)
    assert status_of(client, "get", "campaign", closed.id) == 200


def test_it_lets_the_lead_change_the_campaign(client_for, ngo_af, bob):
    campaign = new_campaign(ngo_af)
    url = reverse("knowledge:campaign_edit", args=[campaign.id])
    data = {
        "title": "Renamed",
        "starts_on": "2026-03-01",
        "ends_on": "2026-02-01",
        "sharing": "network",
    }
    assert client_for(bob).post(url, data).status_code == 200  # ends before it starts
    assert client_for(bob).post(url, data | {"ends_on": "2026-06-01"}).status_code == 302
    campaign.refresh_from_db()
    assert campaign.title == "Renamed"


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("campaigns", "post"),
        ("campaign", "post"),
        ("campaign_edit", "put"),
        ("add_message", "put"),
        ("add_reach", "delete"),
    ],
)
def test_it_refuses_the_wrong_method(client_for, ngo_af, bob, name, method):
    campaign = new_campaign(ngo_af)
    args = [] if name == "campaigns" else [campaign.id]
    assert status_of(client_for(bob), method, name, *args) == 405
