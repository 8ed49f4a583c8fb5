"""Events as iCalendar: one event, the members' feed, and the public feed of public events."""

from __future__ import annotations

import icalendar
import pytest
from django.urls import reverse

from panj.knowledge.calendar import uid_of
from panj.knowledge.models.events import Sharing, TimeZone
from panj.knowledge.tests.joint_work import new_event

pytestmark = pytest.mark.django_db


def _events(response) -> list[icalendar.Event]:
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


def test_it_exports_an_event_in_its_local_time_zone_with_a_stable_uid(client_for, ngo_af, carol):
    event = new_event(ngo_af)
    url = reverse("knowledge:event_ics", args=[event.id])
    first = _events(client_for(carol).get(url))
    second = _events(client_for(carol).get(url))
    assert len(first) == 1
    item = first[0]
    assert str(item["uid"]) == uid_of(event) == str(second[0]["uid"])
    assert item["dtstart"].params["TZID"] == "Asia/Kabul"
    assert item["dtstart"].dt == event.starts_at
    assert str(item["summary"]) == "Cross-border workshop"
    calendar = icalendar.Calendar.from_ical(client_for(carol).get(url).content)
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["Asia/Kabul"]


def test_it_keeps_dushanbe_time_for_events_in_tajikistan(client_for, ngo_tj, carol):
    event = new_event(ngo_tj)
    event.time_zone = TimeZone.DUSHANBE
    event.save(update_fields=["time_zone"])
    item = _events(client_for(carol).get(reverse("knowledge:event_ics", args=[event.id])))[0]
    assert item["dtstart"].params["TZID"] == "Asia/Dushanbe"
    # The same instant: 09:00 in Kabul is 09:30 in Dushanbe.
    assert item["dtstart"].dt.strftime("%H:%M") == "09:30"
    assert item["dtstart"].dt == event.starts_at


def test_it_refuses_the_calendar_of_an_event_a_stranger_may_not_see(client_for, ngo_af, carol):
    event = new_event(ngo_af, sharing=Sharing.INVITED)
    assert client_for(carol).get(reverse("knowledge:event_ics", args=[event.id])).status_code == 404


def test_it_feeds_members_the_upcoming_events_they_may_see(client_for, ngo_af, ngo_tj, carol):
    new_event(ngo_af, title_en="Coming workshop")
    new_event(ngo_af, days_ahead=-5, title_en="Past workshop")
    new_event(ngo_af, sharing=Sharing.INVITED, title_en="Closed training")
    titles = {
        str(e["summary"]) for e in _events(client_for(carol).get(reverse("knowledge:events_feed")))
    }
    assert titles == {"Coming workshop"}


def test_it_feeds_the_public_only_public_upcoming_events(client, ngo_af):
    new_event(ngo_af, sharing=Sharing.PUBLIC, title_en="Open forum")
    new_event(ngo_af, title_en="Members' workshop")
    new_event(ngo_af, sharing=Sharing.PUBLIC, days_ahead=-3, title_en="Past forum")
    response = client.get(reverse("public:events_feed"))
    assert response.status_code == 200
    assert [str(e["summary"]) for e in _events(response)] == ["Open forum"]
    assert client.post(reverse("public:events_feed")).status_code == 405


def test_it_keeps_the_members_feed_behind_sign_in(client):
    response = client.get(reverse("knowledge:events_feed"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
