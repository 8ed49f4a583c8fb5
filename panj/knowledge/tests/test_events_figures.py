"""Figures for statistics: events by kind, people trained by sex, campaign reach."""

from __future__ import annotations

import datetime

import pytest

from panj.knowledge.figures import (
    BySex,
    attendance_by_organisation,
    campaign_reach,
    event_totals,
)
from panj.knowledge.models.events import Event
from panj.knowledge.services.campaigns import report_reach
from panj.knowledge.services.events import record_attendance
from panj.knowledge.tests.joint_work import new_campaign, new_event

pytestmark = pytest.mark.django_db


def test_it_counts_events_by_kind_and_people_trained_by_sex(ngo_af, ngo_tj):
    training = new_event(ngo_af, kind=Event.Kind.TRAINING)
    record_attendance(event=training, organisation=ngo_af, women=6, men=4)
    record_attendance(event=training, other_organisation="Police academy", men=3, other=1)
    workshop = new_event(ngo_tj, co_organisers=[ngo_af])
    record_attendance(event=workshop, organisation=ngo_tj, women=10, men=10)
    new_event(ngo_tj, kind=Event.Kind.MEETING)

    everything = event_totals()
    assert everything.events_by_kind == {
        "workshop": 1,
        "training": 1,
        "meeting": 1,
        "field_visit": 0,
    }
    assert everything.trainings == 1
    assert everything.people_trained == BySex(women=6, men=7, other=1)
    assert everything.people_trained.total == 14

    afghan = event_totals(organisation_ids=[ngo_af.id])
    assert afghan.events == 2  # led one, co-organised one
    tajik = event_totals(organisation_ids=[ngo_tj.id])
    assert (tajik.trainings, tajik.people_trained) == (0, BySex())


def test_it_keeps_events_by_the_day_they_start(ngo_af):
    new_event(ngo_af, days_ahead=-40)
    new_event(ngo_af, days_ahead=5)
    today = datetime.date.today()
    assert event_totals(since=today).events == 1
    assert event_totals(until=today).events == 1
    assert event_totals(since=today, until=today).events == 0


def test_it_totals_campaign_reach_by_sex_and_age_group(ngo_af, ngo_tj):
    radio = new_campaign(ngo_af, title="Radio")
    schools = new_campaign(ngo_tj, title="Schools", partners=[ngo_af])
    new_campaign(ngo_tj, title="Nothing reported")
    day = datetime.date(2026, 3, 1)
    report_reach(
        campaign=radio, reported_on=day, channel="radio", age_group="18-59", women=5, men=3
    )
    report_reach(campaign=radio, reported_on=day, channel="radio", age_group="0-17", women=2)
    report_reach(
        campaign=radio,
        reported_on=day + datetime.timedelta(days=30),
        channel="community",
        age_group="18-59",
        men=4,
        other=1,
    )
    report_reach(campaign=schools, reported_on=day, channel="schools", age_group="0-17", men=9)

    found = {reach.title: reach for reach in campaign_reach()}
    assert set(found) == {"Radio", "Schools"}
    assert found["Radio"].by_sex == BySex(women=7, men=7, other=1)
    assert found["Radio"].total == 15
    assert found["Radio"].by_age_group["18-59"] == BySex(women=5, men=7, other=1)
    assert found["Radio"].by_age_group["60+"] == BySex()

    march = {r.title: r.total for r in campaign_reach(until=day + datetime.timedelta(days=5))}
    assert march == {"Radio": 10, "Schools": 9}
    assert [r.title for r in campaign_reach(organisation_ids=[ngo_tj.id])] == ["Schools"]
    assert {r.title for r in campaign_reach(organisation_ids=[ngo_af.id])} == {"Radio", "Schools"}


def test_it_counts_attendance_by_organisation_and_sex_across_events(ngo_af, ngo_tj):
    first = new_event(ngo_af)
    second = new_event(ngo_af, kind=Event.Kind.TRAINING)
    record_attendance(event=first, organisation=ngo_tj, women=2, men=1)
    record_attendance(event=second, organisation=ngo_tj, women=3)
    record_attendance(event=second, organisation=ngo_af, men=1)
    record_attendance(event=second, other_organisation="Border police", men=4)
    rows = {row.name: row.by_sex for row in attendance_by_organisation()}
    assert rows == {
        "Tajik Test NGO": BySex(women=5, men=1),
        "Border police": BySex(men=4),
        "Afghan Test NGO": BySex(men=1),
    }
    assert attendance_by_organisation()[0].name == "Tajik Test NGO"
    trainings = attendance_by_organisation(kind=Event.Kind.TRAINING)
    assert {row.name: row.by_sex.total for row in trainings}["Tajik Test NGO"] == 3
