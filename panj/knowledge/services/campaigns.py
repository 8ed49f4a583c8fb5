"""Writes of awareness campaigns: the campaign, its messages and the reach reported over time."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django import forms
from django.db import transaction

from panj.directory.models import Area, Organisation
from panj.knowledge.models.campaigns import Campaign, CampaignMessage, ReachFigure
from panj.knowledge.services.shared import save_led_record


@transaction.atomic
def create_campaign(
    *,
    organisation: Organisation,
    title: str,
    starts_on: datetime.date,
    partners: Iterable[Organisation] = (),
    areas: Iterable[Area] = (),
    **details: Any,
) -> Campaign:
    campaign = Campaign.objects.create(
        organisation=organisation, title=title, starts_on=starts_on, **details
    )
    campaign.partners.set(list(partners))
    campaign.areas.set(list(areas))
    return campaign


@transaction.atomic
def save_campaign(
    *, form: forms.ModelForm[Campaign], organisation: Organisation | None = None
) -> Campaign:
    return save_led_record(form=form, organisation=organisation)


@transaction.atomic
def add_message(*, campaign: Campaign, language: str, text: str) -> CampaignMessage:
    return CampaignMessage.objects.create(campaign=campaign, language=language, text=text)


@transaction.atomic
def report_reach(
    *,
    campaign: Campaign,
    reported_on: datetime.date,
    channel: str,
    age_group: str,
    women: int = 0,
    men: int = 0,
    other: int = 0,
) -> ReachFigure:
    return ReachFigure.objects.create(
        campaign=campaign,
        reported_on=reported_on,
        channel=channel,
        age_group=age_group,
        women=women,
        men=men,
        other=other,
    )
