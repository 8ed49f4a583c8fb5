"""Events as iCalendar: one event, or a feed of the upcoming ones, for calendar apps."""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable
from functools import lru_cache

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from panj.knowledge.models.events import Event

PRODID = "-//Panj//Knowledge events//EN"


def uid_of(event: Event) -> str:
    """Stable across edits and exports, so calendar apps update the event instead of adding."""
    return f"event-{event.id}@panj"


@lru_cache(maxsize=8)
def _vtimezone(zone: str) -> bytes:
    """A zone's VTIMEZONE, worked out once: it takes longer than a hundred events."""
    data: bytes = icalendar.Timezone.from_tzinfo(zoneinfo.ZoneInfo(zone)).to_ical()
    return data


def _vevent(event: Event, base_url: str) -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", uid_of(event))
    item.add("dtstamp", event.updated_at or timezone.now())
    # Local times with their TZID: the calendar shows Kabul or Dushanbe time correctly.
    item.add("dtstart", event.local_start)
    item.add("dtend", event.local_end)
    item.add("summary", event.title)
    if event.online:
        item.add("location", _("Online"))
    elif event.place:
        item.add("location", event.place)
    if event.description:
        item.add("description", event.description)
    item.add("categories", [event.kind])
    if base_url:
        item.add("url", base_url.format(id=event.id))
    return item


def calendar_of(events: Iterable[Event], *, name: str, base_url: str = "") -> bytes:
    """`base_url` is the address of an event page with `{id}` in place of the event's id."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    zones = set()
    for event in events:
        cal.add_component(_vevent(event, base_url))
        zones.add(event.time_zone)
    for zone in sorted(zones - {"UTC"}):
        cal.add_component(icalendar.Timezone.from_ical(_vtimezone(zone)))
    cal.add_missing_timezones()
    data: bytes = cal.to_ical()
    return data
