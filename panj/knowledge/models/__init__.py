"""The knowledge app's models, one module per part of it."""

from panj.knowledge.models.campaigns import (
    Campaign,
    CampaignMessage,
    CampaignQuerySet,
    ReachFigure,
)
from panj.knowledge.models.events import (
    ActionQuerySet,
    AgendaItem,
    AttendanceCount,
    Event,
    EventQuerySet,
    FollowUpAction,
)
from panj.knowledge.models.library import LibraryFile, LibraryItem, LibraryItemQuerySet
from panj.knowledge.models.news import NewsFeedToken, NewsPost, NewsQuerySet
from panj.knowledge.models.programmes import (
    Indicator,
    Programme,
    ProgrammeQuerySet,
    ProgressValue,
)

__all__ = [
    "ActionQuerySet",
    "AgendaItem",
    "AttendanceCount",
    "Campaign",
    "CampaignMessage",
    "CampaignQuerySet",
    "Event",
    "EventQuerySet",
    "FollowUpAction",
    "Indicator",
    "LibraryFile",
    "LibraryItem",
    "LibraryItemQuerySet",
    "NewsFeedToken",
    "NewsPost",
    "NewsQuerySet",
    "Programme",
    "ProgrammeQuerySet",
    "ProgressValue",
    "ReachFigure",
]
