"""The one way to fetch the knowledge app's records for a request.

Every function answers the same 404 for a record that does not exist and for one the user may
not see or change.
"""

from __future__ import annotations

import uuid
from typing import TypeVar

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest

from panj.accounts.access import current_membership
from panj.accounts.models import Membership
from panj.accounts.roles import Perm, Role
from panj.knowledge.models import (
    LibraryFile,
    LibraryItem,
    LibraryItemQuerySet,
    NewsPost,
    NewsQuerySet,
)
from panj.knowledge.models.campaigns import Campaign, CampaignQuerySet
from panj.knowledge.models.events import (
    ActionQuerySet,
    Event,
    EventQuerySet,
    FollowUpAction,
    Sharing,
)
from panj.knowledge.models.programmes import Programme, ProgrammeQuerySet

# --- Library ---------------------------------------------------------------------------


def library_for(request: HttpRequest) -> LibraryItemQuerySet:
    """Items the user may see: the network's, the public ones and their organisation's own."""
    membership = current_membership(request)
    return LibraryItem.objects.visible_to(membership.organisation_id if membership else None)


def may_edit_item(membership: Membership | None, item: LibraryItem) -> bool:
    """Only the author organisation's contributors change an item."""
    return (
        membership is not None
        and membership.can(Perm.CONTRIBUTE_KNOWLEDGE)
        and membership.organisation_id == item.organisation_id
    )


_Record = TypeVar("_Record", bound=Model)


def _one(records: QuerySet[_Record], record_id: uuid.UUID) -> _Record:
    """The record among those the user may see: the same 404 for "missing" and "not yours"."""
    try:
        return records.get(id=record_id)
    except (ObjectDoesNotExist, ValueError):
        raise Http404 from None


def _item(items: LibraryItemQuerySet, item_id: uuid.UUID) -> LibraryItem:
    return _one(items.select_related("organisation"), item_id)


def access_library_item(request: HttpRequest, item_id: uuid.UUID) -> LibraryItem:
    return _item(library_for(request), item_id)


def access_library_item_for_edit(request: HttpRequest, item_id: uuid.UUID) -> LibraryItem:
    item = access_library_item(request, item_id)
    if not may_edit_item(current_membership(request), item):
        raise Http404
    return item


def access_library_file(
    request: HttpRequest, item_id: uuid.UUID, file_id: uuid.UUID
) -> LibraryFile:
    """A file of an item the user may see."""
    item = access_library_item(request, item_id)
    return _file(item, file_id)


def access_library_file_for_edit(
    request: HttpRequest, item_id: uuid.UUID, file_id: uuid.UUID
) -> LibraryFile:
    item = access_library_item_for_edit(request, item_id)
    return _file(item, file_id)


def public_library_item(item_id: uuid.UUID) -> LibraryItem:
    """An item its organisation made public, for anyone."""
    return _item(LibraryItem.objects.public(), item_id)


def public_library_file(item_id: uuid.UUID, file_id: uuid.UUID) -> LibraryFile:
    return _file(public_library_item(item_id), file_id)


def _file(item: LibraryItem, file_id: uuid.UUID) -> LibraryFile:
    found = _one(item.files.all(), file_id)
    found.item = item
    return found


# --- News ------------------------------------------------------------------------------


def news_for(request: HttpRequest) -> NewsQuerySet:
    """Every post for members of the network; only public posts for anyone else."""
    membership = current_membership(request)
    return NewsPost.objects.visible_to(membership.organisation_id if membership else None)


def may_edit_post(membership: Membership | None, post: NewsPost) -> bool:
    """The author organisation's contributors, or a network coordinator, change a post."""
    if membership is None or not membership.can(Perm.CONTRIBUTE_KNOWLEDGE):
        return False
    return (
        membership.organisation_id == post.organisation_id
        or membership.role == Role.NETWORK_COORDINATOR
    )


def _post(posts: NewsQuerySet, post_id: uuid.UUID) -> NewsPost:
    return _one(posts.select_related("organisation"), post_id)


def access_news_post(request: HttpRequest, post_id: uuid.UUID) -> NewsPost:
    return _post(news_for(request), post_id)


def access_news_post_for_edit(request: HttpRequest, post_id: uuid.UUID) -> NewsPost:
    post = access_news_post(request, post_id)
    if not may_edit_post(current_membership(request), post):
        raise Http404
    return post


def public_news_post(post_id: uuid.UUID) -> NewsPost:
    return _post(NewsPost.objects.public(), post_id)


# --- Events, follow-up actions, joint programmes and campaigns -------------------------
#
# Events, programmes and campaigns are the network's by default: every member sees them. One
# marked "only the organisations taking part" is seen by its organisers (or partners) and the
# organisations invited to it, and no one else, not even the network coordinators. A record
# the user may see but not change answers 403.


def is_coordinator(membership: Membership | None) -> bool:
    return membership is not None and membership.role == Role.NETWORK_COORDINATOR


# Events


def visible_events(request: HttpRequest) -> EventQuerySet:
    membership = current_membership(request)
    if membership is None:
        return Event.objects.none()
    return Event.objects.seen_by(membership.organisation_id)


def access_event(request: HttpRequest, event_id: uuid.UUID) -> Event:
    events = (
        visible_events(request)
        .select_related("organisation", "country", "area")
        .prefetch_related("co_organisers")
    )
    return _one(events, event_id)


def may_edit_event(request: HttpRequest, event: Event) -> bool:
    """Organisers change their events; network coordinators change every event they see."""
    membership = current_membership(request)
    if membership is None or not membership.can(Perm.ORGANISE_EVENTS):
        return False
    return is_coordinator(membership) or membership.organisation_id in event.organiser_ids()


def access_event_for_edit(request: HttpRequest, event_id: uuid.UUID) -> Event:
    event = access_event(request, event_id)
    if not may_edit_event(request, event):
        raise PermissionDenied
    return event


# Follow-up actions


def may_update_action(request: HttpRequest, action: FollowUpAction) -> bool:
    """Staff of the owner organisation (not its read-only viewers) and the event's editors."""
    membership = current_membership(request)
    if membership is None:
        return False
    if membership.organisation_id == action.organisation_id and membership.role != Role.VIEWER:
        return True
    return may_edit_event(request, action.event)


def access_action_for_update(request: HttpRequest, action_id: uuid.UUID) -> FollowUpAction:
    """An action of an event the user sees: 404 otherwise, 403 if not theirs to update."""
    membership = current_membership(request)
    if membership is None:
        raise Http404
    actions = (
        FollowUpAction.objects.select_related("event", "organisation")
        .prefetch_related("event__co_organisers")
        .filter(event__in=visible_events(request))
    )
    action = _one(actions, action_id)
    if not may_update_action(request, action):
        raise PermissionDenied
    return action


def own_actions(request: HttpRequest) -> ActionQuerySet:
    """The actions the user's organisation owns."""
    membership = current_membership(request)
    if membership is None:
        return FollowUpAction.objects.none()
    return FollowUpAction.objects.filter(organisation_id=membership.organisation_id)


def overseen_actions(request: HttpRequest) -> ActionQuerySet:
    """Coordinators follow every action of the events they see; others their own."""
    membership = current_membership(request)
    if not is_coordinator(membership):
        return own_actions(request)
    # Only the few invited-only events need a look at who takes part.
    taking_part = visible_events(request).filter(sharing=Sharing.INVITED).values("id")
    return FollowUpAction.objects.filter(
        ~Q(event__sharing=Sharing.INVITED) | Q(event__in=taking_part)
    )


# Joint programmes


def visible_programmes(request: HttpRequest) -> ProgrammeQuerySet:
    membership = current_membership(request)
    if membership is None:
        return Programme.objects.none()
    return Programme.objects.seen_by(membership.organisation_id)


def access_programme(request: HttpRequest, programme_id: uuid.UUID) -> Programme:
    return _one(visible_programmes(request).select_related("organisation"), programme_id)


def _may_edit_partnered(request: HttpRequest, record: Programme | Campaign) -> bool:
    """The lead and the partners change it and report on it; coordinators too."""
    membership = current_membership(request)
    if membership is None or not membership.can(Perm.ORGANISE_EVENTS):
        return False
    if is_coordinator(membership) or membership.organisation_id == record.organisation_id:
        return True
    return record.partners.filter(id=membership.organisation_id).exists()


def may_edit_programme(request: HttpRequest, programme: Programme) -> bool:
    """The lead and the partners report progress; coordinators too."""
    return _may_edit_partnered(request, programme)


def access_programme_for_edit(request: HttpRequest, programme_id: uuid.UUID) -> Programme:
    programme = access_programme(request, programme_id)
    if not may_edit_programme(request, programme):
        raise PermissionDenied
    return programme


# Awareness campaigns


def visible_campaigns(request: HttpRequest) -> CampaignQuerySet:
    membership = current_membership(request)
    if membership is None:
        return Campaign.objects.none()
    return Campaign.objects.seen_by(membership.organisation_id)


def access_campaign(request: HttpRequest, campaign_id: uuid.UUID) -> Campaign:
    return _one(visible_campaigns(request).select_related("organisation"), campaign_id)


def may_edit_campaign(request: HttpRequest, campaign: Campaign) -> bool:
    return _may_edit_partnered(request, campaign)


def access_campaign_for_edit(request: HttpRequest, campaign_id: uuid.UUID) -> Campaign:
    campaign = access_campaign(request, campaign_id)
    if not may_edit_campaign(request, campaign):
        raise PermissionDenied
    return campaign
