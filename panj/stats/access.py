"""The one way to reach statistics, releases and their files for a request.

Releases belong to the network and are prepared by the IOM missions that convene it: every
mission member whose role may prepare or publish open data sees the missions' releases, so
that a coordinator in one mission can review what an analyst in another built. Nobody else
sees a release before it is published; after, `published_release` serves it to anyone.
"""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest

from panj.accounts.access import current_membership, may, require
from panj.accounts.models import Membership
from panj.accounts.roles import Perm
from panj.directory.models import Organisation
from panj.stats.models import Release, ReleaseFile, ReleaseQuerySet


def organisation_statistics(request: HttpRequest) -> Membership:
    """The membership whose organisation's own figures the user may read; 403 otherwise."""
    return require(request, Perm.VIEW_ORGANISATION_STATISTICS)


def network_statistics(request: HttpRequest) -> Membership:
    return require(request, Perm.VIEW_NETWORK_STATISTICS)


def may_prepare(request: HttpRequest) -> bool:
    return may(request, Perm.PREPARE_OPEN_DATA)


def may_publish(request: HttpRequest) -> bool:
    return may(request, Perm.PUBLISH_OPEN_DATA)


def releases_for(request: HttpRequest) -> ReleaseQuerySet:
    if not (may_prepare(request) or may_publish(request)):
        return Release.objects.none()
    membership = current_membership(request)
    assert membership is not None
    if membership.organisation.kind != Organisation.Kind.IOM_MISSION:
        return Release.objects.none()
    return Release.objects.filter(organisation__kind=Organisation.Kind.IOM_MISSION)


def access_release(request: HttpRequest, release_id: uuid.UUID) -> Release:
    """A release the user may review: the same 404 for missing and not theirs to see."""
    try:
        return releases_for(request).select_related("built_by", "published_by").get(id=release_id)
    except Release.DoesNotExist:
        raise Http404 from None


def release_file(release: Release, name: str) -> ReleaseFile:
    try:
        return release.files.get(name=name)
    except ReleaseFile.DoesNotExist:
        raise Http404 from None


def published_release(release_id: uuid.UUID) -> Release:
    """A published release, for the public pages; drafts do not exist there."""
    try:
        return Release.objects.published().get(id=release_id)
    except Release.DoesNotExist:
        raise Http404 from None
