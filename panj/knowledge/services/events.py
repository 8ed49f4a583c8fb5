"""Writes of events: creating and changing them, agenda, attendance and follow-up actions."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django import forms
from django.db import transaction
from django.utils import timezone

from panj.accounts.models import User
from panj.directory.models import Organisation
from panj.knowledge.models.events import AgendaItem, AttendanceCount, Event, FollowUpAction
from panj.knowledge.services.shared import save_led_record


@transaction.atomic
def create_event(
    *,
    organisation: Organisation,
    kind: str,
    title_en: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    co_organisers: Iterable[Organisation] = (),
    invited_organisations: Iterable[Organisation] = (),
    invited_people: Iterable[User] = (),
    **details: Any,
) -> Event:
    """A new event led by `organisation`; `details` are the event's other plain fields."""
    event = Event.objects.create(
        organisation=organisation,
        kind=kind,
        title_en=title_en,
        starts_at=starts_at,
        ends_at=ends_at,
        **details,
    )
    event.co_organisers.set(list(co_organisers))
    event.invited_organisations.set(list(invited_organisations))
    event.invited_people.set(list(invited_people))
    return event


@transaction.atomic
def save_event(*, form: forms.ModelForm[Event], organisation: Organisation | None = None) -> Event:
    """Save the event form; a new event is led by `organisation`."""
    return save_led_record(form=form, organisation=organisation)


@transaction.atomic
def add_agenda_item(
    *, event: Event, day: datetime.date, starts: datetime.time, title: str
) -> AgendaItem:
    return AgendaItem.objects.create(event=event, day=day, starts=starts, title=title)


@transaction.atomic
def record_attendance(
    *,
    event: Event,
    organisation: Organisation | None = None,
    other_organisation: str = "",
    women: int = 0,
    men: int = 0,
    other: int = 0,
) -> AttendanceCount:
    """The counts of one organisation at the event; recording them again replaces them."""
    counts = {"women": women, "men": men, "other": other}
    if organisation is not None:
        row, _created = AttendanceCount.objects.update_or_create(
            event=event, organisation=organisation, defaults=counts
        )
        return row
    row, _created = AttendanceCount.objects.update_or_create(
        event=event,
        organisation=None,
        other_organisation=other_organisation.strip(),
        defaults=counts,
    )
    return row


@transaction.atomic
def set_attendees(*, event: Event, users: Iterable[User]) -> None:
    event.attendees.set(list(users))


@transaction.atomic
def add_action(
    *, event: Event, organisation: Organisation, description: str, due_on: datetime.date
) -> FollowUpAction:
    return FollowUpAction.objects.create(
        event=event, organisation=organisation, description=description, due_on=due_on
    )


@transaction.atomic
def set_action_status(
    *, action: FollowUpAction, status: str, today: datetime.date | None = None
) -> FollowUpAction:
    """Move an action on; one marked done remembers the day, one reopened forgets it."""
    action.status = FollowUpAction.Status(status)
    action.done_on = (
        (today or timezone.localdate()) if status == FollowUpAction.Status.DONE else None
    )
    action.save(update_fields=["status", "done_on", "updated_at"])
    return action
