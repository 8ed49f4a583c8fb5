"""The demo's joint work: the founding workshop with ten NGOs, a programme and a campaign."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from panj.accounts.models import User
from panj.directory.demo import load_demo_network
from panj.knowledge.demo_joint_work import WORKSHOP, load_demo_joint_work
from panj.knowledge.figures import campaign_reach
from panj.knowledge.models.campaigns import Campaign
from panj.knowledge.models.events import Event, FollowUpAction
from panj.knowledge.models.programmes import Programme


def test_it_loads_the_founding_workshop_a_programme_and_a_campaign_once(db):
    load_demo_network()
    assert load_demo_joint_work() == "events: 2, joint programmes: 1, awareness campaigns: 1"
    assert load_demo_joint_work() == "events: 0, joint programmes: 0, awareness campaigns: 0"
    workshop = Event.objects.get(title_en=WORKSHOP)
    assert workshop.invited_organisations.filter(kind="ngo").count() == 10
    assert set(workshop.invited_organisations.values_list("country__iso2", flat=True)) == {
        "AF",
        "TJ",
    }
    assert workshop.local_start.tzinfo.key == "Asia/Kabul"  # type: ignore[union-attr]
    assert workshop.agenda.count() >= 5 and workshop.outcomes
    assert FollowUpAction.objects.overdue().filter(organisation__slug="kfpo").exists()
    assert FollowUpAction.objects.filter(status="done").exists()
    programme = Programme.objects.get()
    assert programme.indicators.count() == 3 and programme.areas.filter(on_border=True).exists()
    assert Campaign.objects.get().messages.count() == 4
    assert campaign_reach()[0].total > 1000


def test_it_shows_the_demo_pages_to_a_member(db):
    load_demo_network()
    load_demo_joint_work()
    client = Client()
    client.force_login(
        User.objects.get(email="alice@demo.panj.org"),
        backend="django.contrib.auth.backends.ModelBackend",
    )
    workshop = Event.objects.get(title_en=WORKSHOP)
    pages = [
        reverse("knowledge:events"),
        reverse("knowledge:event", args=[workshop.id]),
        reverse("knowledge:actions"),
        reverse("knowledge:programme", args=[Programme.objects.get().id]),
        reverse("knowledge:campaign", args=[Campaign.objects.get().id]),
        reverse("home"),
    ]
    for url in pages:
        assert client.get(url).status_code == 200, url
    assert "Share the Kunduz referral procedure" in client.get(reverse("home")).content.decode()
