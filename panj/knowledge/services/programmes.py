"""Writes of joint programmes: the programme, its indicators and their progress values."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django import forms
from django.db import transaction

from panj.directory.models import Area, Organisation
from panj.knowledge.models.campaigns import Campaign
from panj.knowledge.models.events import Event
from panj.knowledge.models.programmes import Indicator, Programme, ProgressValue
from panj.knowledge.services.shared import save_led_record


@transaction.atomic
def create_programme(
    *,
    organisation: Organisation,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    partners: Iterable[Organisation] = (),
    areas: Iterable[Area] = (),
    events: Iterable[Event] = (),
    campaigns: Iterable[Campaign] = (),
    **details: Any,
) -> Programme:
    programme = Programme.objects.create(
        organisation=organisation, title=title, starts_on=starts_on, ends_on=ends_on, **details
    )
    programme.partners.set(list(partners))
    programme.areas.set(list(areas))
    programme.events.set(list(events))
    programme.campaigns.set(list(campaigns))
    return programme


@transaction.atomic
def save_programme(
    *, form: forms.ModelForm[Programme], organisation: Organisation | None = None
) -> Programme:
    return save_led_record(form=form, organisation=organisation)


@transaction.atomic
def add_indicator(
    *,
    programme: Programme,
    name: str,
    target: Decimal,
    baseline: Decimal = Decimal(0),
    unit: str = "",
) -> Indicator:
    return Indicator.objects.create(
        programme=programme, name=name, unit=unit, baseline=baseline, target=target
    )


@transaction.atomic
def add_progress(
    *, indicator: Indicator, measured_on: datetime.date, value: Decimal, note: str = ""
) -> ProgressValue:
    return ProgressValue.objects.create(
        indicator=indicator, measured_on=measured_on, value=value, note=note
    )
