"""Figures of the network's joint work for statistics: events held, people trained, reach.

Counts only, no names: what the statistics pages and reports aggregate further. Filters are
optional: `organisation_ids` keeps the work those organisations led or took part in as
organisers or partners; `since` and `until` (inclusive days) keep events by the day they
started and reach by the day it was reported.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from panj.knowledge.models.campaigns import AgeGroup, Campaign, ReachFigure
from panj.knowledge.models.events import AttendanceCount, Event


@dataclass(frozen=True)
class BySex:
    women: int = 0
    men: int = 0
    other: int = 0

    @property
    def total(self) -> int:
        return self.women + self.men + self.other

    def __add__(self, more: BySex) -> BySex:
        return BySex(self.women + more.women, self.men + more.men, self.other + more.other)


@dataclass(frozen=True)
class EventTotals:
    events_by_kind: dict[str, int]
    trainings: int
    people_trained: BySex

    @property
    def events(self) -> int:
        return sum(self.events_by_kind.values())


@dataclass(frozen=True)
class CampaignReach:
    campaign_id: uuid.UUID
    title: str
    organisation_id: uuid.UUID
    by_sex: BySex
    by_age_group: dict[str, BySex] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.by_sex.total


def _events(
    organisation_ids: Iterable[uuid.UUID] | None,
    since: datetime.date | None,
    until: datetime.date | None,
) -> Q:
    where = Q()
    if organisation_ids is not None:
        ids = list(organisation_ids)
        where &= Q(organisation_id__in=ids) | Q(co_organisers__id__in=ids)
    if since is not None:
        where &= Q(starts_at__date__gte=since)
    if until is not None:
        where &= Q(starts_at__date__lte=until)
    return where


def event_totals(
    *,
    organisation_ids: Iterable[uuid.UUID] | None = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> EventTotals:
    """Events by kind, trainings held and the people who attended them by sex."""
    event_ids = Event.objects.filter(_events(organisation_ids, since, until)).values("id")
    by_kind = {kind: 0 for kind in Event.Kind.values}
    rows = (
        Event.objects.filter(id__in=event_ids)
        .values_list("kind")
        .annotate(n=Count("id"))
        .order_by()
    )
    for kind, count in rows:
        by_kind[kind] = count
    trained = AttendanceCount.objects.filter(
        event_id__in=event_ids, event__kind=Event.Kind.TRAINING
    ).aggregate(women=Sum("women"), men=Sum("men"), other=Sum("other"))
    return EventTotals(
        events_by_kind=by_kind,
        trainings=by_kind[Event.Kind.TRAINING],
        people_trained=BySex(
            women=trained["women"] or 0, men=trained["men"] or 0, other=trained["other"] or 0
        ),
    )


@dataclass(frozen=True)
class Attendance:
    """People of one organisation at the events counted; `organisation_id` is None for people
    from outside the network, counted under the name they gave."""

    organisation_id: uuid.UUID | None
    name: str
    by_sex: BySex


def attendance_by_organisation(
    *,
    organisation_ids: Iterable[uuid.UUID] | None = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
    kind: str | None = None,
) -> list[Attendance]:
    """Attendance at the events (of one kind, if given) by organisation and sex, largest first."""
    events = Event.objects.filter(_events(organisation_ids, since, until))
    if kind is not None:
        events = events.filter(kind=kind)
    rows = (
        AttendanceCount.objects.filter(event_id__in=events.values("id"))
        .values("organisation_id", "organisation__name", "other_organisation")
        .annotate(women=Sum("women"), men=Sum("men"), other=Sum("other"))
        .order_by()
    )
    found = [
        Attendance(
            organisation_id=row["organisation_id"],
            name=row["organisation__name"] or row["other_organisation"],
            by_sex=BySex(row["women"] or 0, row["men"] or 0, row["other"] or 0),
        )
        for row in rows
    ]
    return sorted(found, key=lambda row: (-row.by_sex.total, row.name))


def campaign_reach(
    *,
    organisation_ids: Iterable[uuid.UUID] | None = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> list[CampaignReach]:
    """Reach of each campaign with figures reported in the period, by sex and by age group."""
    figures = ReachFigure.objects.all()
    if organisation_ids is not None:
        ids = list(organisation_ids)
        campaigns = Campaign.objects.filter(Q(organisation_id__in=ids) | Q(partners__id__in=ids))
        figures = figures.filter(campaign_id__in=campaigns.values("id"))
    if since is not None:
        figures = figures.filter(reported_on__gte=since)
    if until is not None:
        figures = figures.filter(reported_on__lte=until)
    rows = (
        figures.values("campaign_id", "age_group")
        .annotate(women=Sum("women"), men=Sum("men"), other=Sum("other"))
        .order_by()
    )
    groups: dict[uuid.UUID, dict[str, BySex]] = {}
    for row in rows:
        groups.setdefault(row["campaign_id"], {})[row["age_group"]] = BySex(
            row["women"] or 0, row["men"] or 0, row["other"] or 0
        )
    found = Campaign.objects.filter(id__in=list(groups)).order_by("-starts_on", "title")
    return [
        _reach(campaign.id, campaign.title, campaign.organisation_id, groups[campaign.id])
        for campaign in found.only("id", "title", "organisation_id")
    ]


def _reach(
    campaign_id: uuid.UUID, title: str, organisation_id: uuid.UUID, groups: dict[str, BySex]
) -> CampaignReach:
    by_age = {group: groups.get(group, BySex()) for group in AgeGroup.values}
    total = BySex()
    for value in by_age.values():
        total = total + value
    return CampaignReach(
        campaign_id=campaign_id,
        title=title,
        organisation_id=organisation_id,
        by_sex=total,
        by_age_group=by_age,
    )


def reach_of(campaign: Campaign, figures: Iterable[ReachFigure]) -> CampaignReach:
    """The totals of one campaign from its reach figures, already loaded for its page."""
    groups: dict[str, BySex] = {}
    for figure in figures:
        groups[figure.age_group] = groups.get(figure.age_group, BySex()) + BySex(
            figure.women, figure.men, figure.other
        )
    return _reach(campaign.id, campaign.title, campaign.organisation_id, groups)
