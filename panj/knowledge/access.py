"""The one way to fetch the knowledge app's records for a request.

Every function answers the same 404 for a record that does not exist and for one the user may
not see or change.
"""

from __future__ import annotations

import uuid

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

# --- Library ---------------------------------------------------------------------------


def library_for(request: HttpRequest) -> LibraryItemQuerySet:
    """Items the user may see: the network's, the public ones and their organisation's own."""
    membership = current_membership(request)
    return LibraryItem.objects.visible_to(membership.organisation_id if membership else None)


def may_contribute(request: HttpRequest) -> bool:
    membership = current_membership(request)
    return membership is not None and membership.can(Perm.CONTRIBUTE_KNOWLEDGE)


def may_edit_item(membership: Membership | None, item: LibraryItem) -> bool:
    """Only the author organisation's contributors change an item."""
    return (
        membership is not None
        and membership.can(Perm.CONTRIBUTE_KNOWLEDGE)
        and membership.organisation_id == item.organisation_id
    )


def _item(items: LibraryItemQuerySet, item_id: uuid.UUID) -> LibraryItem:
    try:
        return items.select_related("organisation").get(id=item_id)
    except (LibraryItem.DoesNotExist, ValueError):
        raise Http404 from None


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
    try:
        found = item.files.get(id=file_id)
    except (LibraryFile.DoesNotExist, ValueError):
        raise Http404 from None
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
    try:
        return posts.select_related("organisation").get(id=post_id)
    except (NewsPost.DoesNotExist, ValueError):
        raise Http404 from None


def access_news_post(request: HttpRequest, post_id: uuid.UUID) -> NewsPost:
    return _post(news_for(request), post_id)


def access_news_post_for_edit(request: HttpRequest, post_id: uuid.UUID) -> NewsPost:
    post = access_news_post(request, post_id)
    if not may_edit_post(current_membership(request), post):
        raise Http404
    return post


def public_news_post(post_id: uuid.UUID) -> NewsPost:
    return _post(NewsPost.objects.public(), post_id)
