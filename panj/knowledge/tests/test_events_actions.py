"""Follow-up actions: the owner organisation moves them on, overdue lists for each audience."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from panj.knowledge.models.events import FollowUpAction, Sharing
from panj.knowledge.services.events import set_action_status
from panj.knowledge.tests.joint_work import new_action, new_event

pytestmark = pytest.mark.django_db


def test_it_lets_an_organiser_add_an_action_for_another_organisation(
    client_for, ngo_af, ngo_tj, bob
):
    event = new_event(ngo_af)
    url = reverse("knowledge:add_action", args=[event.id])
    data = {"description": "Translate the SOP", "organisation": ngo_tj.id, "due_on": "2026-12-20"}
    assert client_for(bob).post(url, data).status_code == 302
    action = FollowUpAction.objects.get()
    assert (action.organisation, action.due_on) == (ngo_tj, datetime.date(2026, 12, 20))
    assert action.status == FollowUpAction.Status.OPEN


def test_it_lets_staff_of_the_owner_organisation_update_the_status(
    client_for, ngo_af, ngo_tj, carol
):
    action = new_action(new_event(ngo_af), ngo_tj)
    url = reverse("knowledge:action_status", args=[action.id])
    assert client_for(carol).post(url, {"status": "in_progress"}).status_code == 302
    action.refresh_from_db()
    assert action.status == FollowUpAction.Status.IN_PROGRESS
    assert client_for(carol).post(url, {"status": "done"}).status_code == 302
    action.refresh_from_db()
    assert action.done_on is not None


def test_it_forgets_the_done_day_when_an_action_is_reopened(ngo_af):
    action = new_action(new_event(ngo_af), ngo_af)
    set_action_status(action=action, status="done", today=datetime.date(2026, 1, 5))
    assert action.done_on == datetime.date(2026, 1, 5)
    set_action_status(action=action, status="open")
    action.refresh_from_db()
    assert action.done_on is None


def test_it_refuses_status_changes_by_viewers_and_other_members(
    client_for, ngo_af, ngo_tj, vera, erin, alice
):
    action = new_action(new_event(ngo_af), ngo_af)
    url = reverse("knowledge:action_status", args=[action.id])
    assert client_for(vera).post(url, {"status": "done"}).status_code == 403
    assert client_for(erin).post(url, {"status": "done"}).status_code == 403
    assert client_for(alice).post(url, {"status": "done"}).status_code == 302


def test_it_hides_actions_of_invited_only_events_from_strangers(client_for, ngo_af, carol):
    action = new_action(new_event(ngo_af, sharing=Sharing.INVITED), ngo_af)
    url = reverse("knowledge:action_status", args=[action.id])
    assert client_for(carol).post(url, {"status": "done"}).status_code == 404


def test_it_refuses_to_show_the_status_change_by_get(client_for, ngo_af, alice):
    action = new_action(new_event(ngo_af), ngo_af)
    url = reverse("knowledge:action_status", args=[action.id])
    assert client_for(alice).get(url).status_code == 405


def test_it_lists_an_organisations_own_overdue_actions(client_for, ngo_af, ngo_tj, alice):
    event = new_event(ngo_af, days_ahead=-30)
    new_action(event, ngo_af, due_in_days=-2, text="Ours, overdue")
    new_action(event, ngo_af, due_in_days=5, text="Ours, not yet due")
    done = new_action(event, ngo_af, due_in_days=-9, text="Ours, done")
    set_action_status(action=done, status="done")
    new_action(event, ngo_tj, due_in_days=-2, text="Theirs, overdue")
    body = client_for(alice).get(reverse("knowledge:actions")).content.decode()
    assert "Ours, overdue" in body
    assert "not yet due" not in body and "Ours, done" not in body and "Theirs" not in body
    pending = client_for(alice).get(reverse("knowledge:actions"), {"show": "pending"})
    assert "Ours, not yet due" in pending.content.decode()


def test_it_lists_every_organisations_overdue_actions_for_coordinators(
    client_for, ngo_af, ngo_tj, dave, django_assert_max_num_queries
):
    event = new_event(ngo_af, days_ahead=-30)
    for index in range(5):
        new_action(event, ngo_af, due_in_days=-1 - index, text=f"Afghan action {index}")
        new_action(event, ngo_tj, due_in_days=-1 - index, text=f"Tajik action {index}")
    hidden = new_event(ngo_tj, sharing=Sharing.INVITED, days_ahead=-30)
    new_action(hidden, ngo_tj, text="Inside an invited-only training")
    client = client_for(dave)
    with django_assert_max_num_queries(10):
        body = client.get(reverse("knowledge:actions")).content.decode()
    assert "Afghan action 4" in body and "Tajik action 0" in body
    assert "invited-only" not in body


def test_it_serves_the_rows_alone_to_htmx(client_for, ngo_af, alice):
    new_action(new_event(ngo_af), ngo_af, text="Overdue one")
    response = client_for(alice).get(reverse("knowledge:actions"), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Overdue one" in body and "<html" not in body


def test_it_answers_htmx_with_the_action_alone(client_for, ngo_af, alice):
    action = new_action(new_event(ngo_af), ngo_af, text="Swap me in place")
    url = reverse("knowledge:action_status", args=[action.id])
    response = client_for(alice).post(url, {"status": "in_progress"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Swap me in place" in body and "<html" not in body
    assert '<option value="in_progress" selected>' in body
    action.refresh_from_db()
    assert action.status == "in_progress"
