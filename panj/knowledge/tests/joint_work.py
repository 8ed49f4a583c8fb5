"""Events, programmes and campaigns for the tests, built through the services."""

from __future__ import annotations

import datetime
import zoneinfo
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from panj.directory.models import Organisation
from panj.knowledge.models.campaigns import Campaign
from panj.knowledge.models.events import Event, FollowUpAction, Sharing
from panj.knowledge.models.programmes import Programme
from panj.knowledge.services import campaigns, events, programmes

KABUL = zoneinfo.ZoneInfo("Asia/Kabul")


def new_event(
    organisation: Organisation, *, sharing: str = Sharing.NETWORK, days_ahead: int = 10, **more: Any
) -> Event:
    day = datetime.date.today() + datetime.timedelta(days=days_ahead)
    more.setdefault("kind", Event.Kind.WORKSHOP)
    more.setdefault("title_en", "Cross-border workshop")
    return events.create_event(
        organisation=organisation,
        starts_at=datetime.datetime.combine(day, datetime.time(9), tzinfo=KABUL),
        ends_at=datetime.datetime.combine(day, datetime.time(17), tzinfo=KABUL),
        place="Kabul",
        sharing=sharing,
        **more,
    )


def new_action(
    event: Event, owner: Organisation, *, due_in_days: int = -3, text: str = "Share the SOP"
) -> FollowUpAction:
    return events.add_action(
        event=event,
        organisation=owner,
        description=text,
        due_on=datetime.date.today() + datetime.timedelta(days=due_in_days),
    )


def new_programme(
    organisation: Organisation, *, sharing: str = Sharing.NETWORK, **more: Any
) -> Programme:
    programme = programmes.create_programme(
        organisation=organisation,
        title=more.pop("title", "Border districts programme"),
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
        sharing=sharing,
        **more,
    )
    indicator = programmes.add_indicator(
        programme=programme, name="People trained", unit="people", target=Decimal(200)
    )
    programmes.add_progress(
        indicator=indicator, measured_on=datetime.date(2026, 6, 30), value=Decimal(50)
    )
    return programme


def new_campaign(
    organisation: Organisation, *, sharing: str = Sharing.NETWORK, **more: Any
) -> Campaign:
    return campaigns.create_campaign(
        organisation=organisation,
        title=more.pop("title", "Safe migration"),
        starts_on=more.pop("starts_on", datetime.date(2026, 3, 1)),
        channels=["radio", "community"],
        audiences=["youth"],
        sharing=sharing,
        **more,
    )


def status_of(client: Client, method: str, name: str, *args: Any) -> int:
    """What a knowledge page answers to a request by `method`."""
    response: HttpResponse = getattr(client, method)(reverse(f"knowledge:{name}", args=args))
    return response.status_code
