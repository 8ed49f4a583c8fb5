"""Event pages: who sees an event, who creates and changes it, agenda and attendance."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from panj.knowledge.models.events import AttendanceCount, Event, Sharing
from panj.knowledge.tests.joint_work import new_event, status_of

pytestmark = pytest.mark.django_db

NEW_EVENT = {
    "kind": "workshop",
    "title_en": "Founding workshop",
    "title_prs": "ورکشاپ",
    "start_day": "2026-12-01",
    "start_time": "09:00",
    "end_day": "2026-12-02",
    "end_time": "16:30",
    "time_zone": "Asia/Kabul",
    "place": "Kabul, Serena",
    "sharing": "network",
}


def test_it_lets_an_organiser_create_an_event_in_local_time(client_for, bob, ngo_af):
    response = client_for(bob).post(reverse("knowledge:event_new"), NEW_EVENT)
    event = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("knowledge:event", args=[event.id])
    assert event.organisation == ngo_af
    # 09:00 in Kabul (UTC+4:30) is 04:30 UTC.
    assert event.starts_at == datetime.datetime(2026, 12, 1, 4, 30, tzinfo=datetime.UTC)
    assert event.local_end.strftime("%H:%M") == "16:30"
    page = client_for(bob).get(response["Location"]).content.decode()
    assert "09:00" in page and "16:30" in page and "04:30" not in page


def test_it_refuses_to_create_events_for_roles_that_do_not_organise(client_for, alice, vera):
    for user in (alice, vera):
        assert client_for(user).post(reverse("knowledge:event_new"), NEW_EVENT).status_code == 403
    assert not Event.objects.exists()


def test_it_refuses_an_event_that_ends_before_it_starts(client_for, bob):
    data = NEW_EVENT | {"end_day": "2026-11-30"}
    response = client_for(bob).post(reverse("knowledge:event_new"), data)
    assert response.status_code == 200
    assert not Event.objects.exists()


def test_it_shows_network_events_to_every_member(client_for, ngo_af, carol, vera, dave):
    event = new_event(ngo_af)
    for user in (carol, vera, dave):
        response = client_for(user).get(reverse("knowledge:event", args=[event.id]))
        assert response.status_code == 200
        assert "Cross-border workshop" in response.content.decode()


def test_it_hides_invited_only_events_from_organisations_not_taking_part(
    client_for, ngo_af, ngo_tj, carol, dave, alice
):
    event = new_event(ngo_af, sharing=Sharing.INVITED)
    url = reverse("knowledge:event", args=[event.id])
    assert client_for(alice).get(url).status_code == 200
    assert client_for(carol).get(url).status_code == 404
    assert client_for(dave).get(url).status_code == 404
    assert (
        "Cross-border workshop"
        not in client_for(carol).get(reverse("knowledge:events")).content.decode()
    )
    event.invited_organisations.add(ngo_tj)
    assert client_for(carol).get(url).status_code == 200


def test_it_lists_upcoming_and_past_events_in_few_queries(
    client_for, ngo_af, ngo_tj, alice, django_assert_max_num_queries
):
    for index in range(6):
        new_event(ngo_af, days_ahead=index * 20 - 60, title_en=f"Event {index}")
    new_event(ngo_tj, sharing=Sharing.INVITED, title_en="Private training")
    client = client_for(alice)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("knowledge:events"))
    body = response.content.decode()
    assert "Event 5" in body and "Event 0" in body
    assert "Private training" not in body


def test_it_lets_organisers_and_coordinators_change_an_event(client_for, ngo_af, bob, dave):
    event = new_event(ngo_af)
    url = reverse("knowledge:event_edit", args=[event.id])
    assert client_for(bob).get(url).status_code == 200
    data = NEW_EVENT | {"title_en": "Renamed", "outcomes": "A network was founded."}
    assert client_for(dave).post(url, data).status_code == 302
    event.refresh_from_db()
    assert event.title_en == "Renamed"
    assert event.outcomes == "A network was founded."
    assert event.starts_at == datetime.datetime(2026, 12, 1, 4, 30, tzinfo=datetime.UTC)


def test_it_refuses_changes_by_members_who_only_see_the_event(client_for, ngo_af, alice, erin):
    event = new_event(ngo_af)
    url = reverse("knowledge:event_edit", args=[event.id])
    assert client_for(alice).post(url, NEW_EVENT).status_code == 403
    assert client_for(erin).post(url, NEW_EVENT).status_code == 403
    event.refresh_from_db()
    assert event.title_en == "Cross-border workshop"


def test_it_lets_a_co_organiser_change_the_event(client_for, ngo_af, ngo_tj, erin):
    event = new_event(ngo_af, co_organisers=[ngo_tj])
    url = reverse("knowledge:event_edit", args=[event.id])
    assert client_for(erin).post(url, NEW_EVENT | {"title_en": "Joint"}).status_code == 302


def test_it_adds_agenda_items_in_order(client_for, ngo_af, bob):
    event = new_event(ngo_af)
    url = reverse("knowledge:add_agenda_item", args=[event.id])
    day = event.local_start.date().isoformat()
    client = client_for(bob)
    client.post(url, {"day": day, "starts": "11:00", "title": "Group work"})
    client.post(url, {"day": day, "starts": "09:00", "title": "Welcome"})
    assert [item.title for item in event.agenda.all()] == ["Welcome", "Group work"]
    body = client.get(reverse("knowledge:event", args=[event.id])).content.decode()
    assert body.index("Welcome") < body.index("Group work")


def test_it_records_attendance_per_organisation_by_sex(client_for, ngo_af, ngo_tj, bob):
    event = new_event(ngo_af)
    url = reverse("knowledge:record_attendance", args=[event.id])
    client = client_for(bob)
    client.post(url, {"organisation": ngo_tj.id, "women": 3, "men": 2, "other": 0})
    client.post(url, {"organisation": ngo_tj.id, "women": 4, "men": 2, "other": 0})
    client.post(url, {"other_organisation": "Khorog University", "women": 1, "men": 5, "other": 1})
    rows = {
        row.organisation_name: (row.women, row.men, row.other) for row in event.attendance.all()
    }
    assert rows == {"Tajik Test NGO": (4, 2, 0), "Khorog University": (1, 5, 1)}
    body = client.get(reverse("knowledge:event", args=[event.id])).content.decode()
    assert "<td>5</td><td>7</td><td>1</td><td>13</td>" in body


def test_it_refuses_attendance_naming_both_or_no_organisation(client_for, ngo_af, ngo_tj, bob):
    event = new_event(ngo_af)
    url = reverse("knowledge:record_attendance", args=[event.id])
    response = client_for(bob).post(url, {"women": 1, "men": 1, "other": 0})
    assert response.status_code == 200
    both = {"organisation": ngo_tj.id, "other_organisation": "X", "women": 1, "men": 0, "other": 0}
    assert client_for(bob).post(url, both).status_code == 200
    assert not AttendanceCount.objects.exists()


def test_it_records_named_attendees_among_panj_users(client_for, ngo_af, bob, carol):
    event = new_event(ngo_af)
    url = reverse("knowledge:edit_attendees", args=[event.id])
    assert client_for(bob).post(url, {"attendees": [carol.pk]}).status_code == 302
    assert list(event.attendees.all()) == [carol]


@pytest.mark.parametrize(
    "name", ["add_agenda_item", "record_attendance", "edit_attendees", "add_action", "event_edit"]
)
def test_it_refuses_event_forms_to_viewers_and_hides_them_from_strangers(
    client_for, ngo_af, vera, carol, name
):
    event = new_event(ngo_af, sharing=Sharing.INVITED)
    url = reverse(f"knowledge:{name}", args=[event.id])
    assert client_for(vera).post(url, {}).status_code == 403
    assert client_for(carol).post(url, {}).status_code == 404


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("events", "post"),
        ("event", "post"),
        ("event_ics", "post"),
        ("events_feed", "post"),
        ("event_edit", "put"),
        ("add_agenda_item", "delete"),
        ("record_attendance", "put"),
        ("edit_attendees", "put"),
        ("add_action", "put"),
        ("actions", "post"),
    ],
)
def test_it_refuses_the_wrong_method(client_for, ngo_af, bob, name, method):
    event = new_event(ngo_af)
    needs_event = name not in ("events", "events_feed", "actions")
    args = [event.id] if needs_event else []
    assert status_of(client_for(bob), method, name, *args) == 405


def test_it_shows_event_dates_in_the_solar_hijri_calendar_in_dari(client_for, ngo_af, alice):
    event = new_event(ngo_af)
    event.starts_at = datetime.datetime(2026, 11, 27, 5, 0, tzinfo=datetime.UTC)
    event.ends_at = datetime.datetime(2026, 11, 27, 12, 0, tzinfo=datetime.UTC)
    event.save(update_fields=["starts_at", "ends_at"])
    client = client_for(alice)
    client.cookies["django_language"] = "prs"
    body = client.get(reverse("knowledge:event", args=[event.id])).content.decode()
    assert 'dir="rtl"' in body
    assert "۱۴۰۵/۰۹/۰۶" in body  # 27 November 2026
    assert "09:30" in body  # 05:00 UTC in Kabul


def test_it_accepts_solar_hijri_days_in_dari(client_for, bob):
    client = client_for(bob)
    client.cookies["django_language"] = "prs"
    assert client.get(reverse("knowledge:event_new")).status_code == 200
    data = NEW_EVENT | {"start_day": "۱۴۰۵/۰۹/۱۰", "end_day": "1405/09/11"}
    assert client.post(reverse("knowledge:event_new"), data).status_code == 302
    event = Event.objects.get()
    assert event.local_start.date() == datetime.date(2026, 12, 1)
    assert event.local_end.date() == datetime.date(2026, 12, 2)


@pytest.mark.parametrize(
    ("name", "new"),
    [("events", "event_new"), ("programmes", "programme_new"), ("campaigns", "campaign_new")],
)
def test_it_lets_a_viewer_read_the_lists_without_a_way_to_add(client_for, vera, name, new):
    response = client_for(vera).get(reverse(f"knowledge:{name}"))
    assert response.status_code == 200
    assert reverse(f"knowledge:{new}") not in response.content.decode()
    assert client_for(vera).get(reverse(f"knowledge:{new}")).status_code == 403


def test_it_titles_the_new_and_change_pages_and_links_back_to_the_event(client_for, ngo_af, bob):
    client = client_for(bob)
    new = client.get(reverse("knowledge:event_new")).content.decode()
    assert "<h1>New event</h1>" in new and "time zone chosen below" in new
    event = new_event(ngo_af)
    change = client.get(reverse("knowledge:event_edit", args=[event.id])).content.decode()
    assert "<h1>Change the event</h1>" in change
    assert f'href="{reverse("knowledge:event", args=[event.id])}"' in change
