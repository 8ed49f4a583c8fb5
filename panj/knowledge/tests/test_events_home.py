"""The home page shows the organisation's open follow-up actions, the overdue ones first."""

from __future__ import annotations

import pytest
from django.urls import reverse

from panj.knowledge.services.events import set_action_status
from panj.knowledge.tests.joint_work import new_action, new_event

pytestmark = pytest.mark.django_db


def test_it_shows_our_open_actions_overdue_first(client_for, ngo_af, ngo_tj, alice):
    event = new_event(ngo_af, days_ahead=-20)
    new_action(event, ngo_af, due_in_days=10, text="Plan the next training")
    new_action(event, ngo_af, due_in_days=-4, text="Send the attendance list")
    done = new_action(event, ngo_af, due_in_days=-8, text="Book the hall")
    set_action_status(action=done, status="done")
    new_action(event, ngo_tj, due_in_days=-4, text="Translate the leaflet")
    body = client_for(alice).get(reverse("home")).content.decode()
    assert body.index("Send the attendance list") < body.index("Plan the next training")
    assert "overdue" in body
    assert "Book the hall" not in body and "Translate the leaflet" not in body


def test_it_shows_no_action_list_when_there_is_nothing_open(client_for, ngo_af, carol):
    new_action(new_event(ngo_af), ngo_af, text="Afghan work")
    body = client_for(carol).get(reverse("home")).content.decode()
    assert "Afghan work" not in body
    assert "Our open follow-up actions" not in body


def test_it_heads_the_panel_with_the_actions_when_there_is_no_news(client_for, ngo_af, alice):
    new_action(new_event(ngo_af, days_ahead=-20), ngo_af, due_in_days=3, text="Share the notes")
    body = client_for(alice).get(reverse("home")).content.decode()
    assert "Share the notes" in body
    assert "Network news" not in body
    assert '<h2 id="knowledge-actions">' in body
