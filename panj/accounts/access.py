"""The one way to find the signed-in user's memberships and the staff they may manage."""

from __future__ import annotations

import uuid

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from panj.accounts.models import Membership, User
from panj.accounts.roles import Perm

SESSION_KEY = "organisation_id"
_CACHE_ATTR = "_panj_membership"


def acting_user(request: HttpRequest) -> User:
    """The signed-in user behind a request (every page but the public few requires sign-in)."""
    user = request.user
    assert isinstance(user, User)
    return user


def memberships_of(request: HttpRequest) -> list[Membership]:
    """The user's active memberships, cached on the request."""
    cached: list[Membership] | None = getattr(request, "_panj_memberships", None)
    if cached is None:
        if not request.user.is_authenticated:
            cached = []
        else:
            cached = list(
                Membership.objects.active()
                .filter(user=request.user)
                .select_related("organisation", "organisation__country")
                .order_by("organisation__name")
            )
        request._panj_memberships = cached  # type: ignore[attr-defined]
    return cached


def current_membership(request: HttpRequest) -> Membership | None:
    """The membership the user works in now: the one chosen in the session, else the first."""
    if hasattr(request, _CACHE_ATTR):
        found: Membership | None = getattr(request, _CACHE_ATTR)
        return found
    memberships = memberships_of(request)
    chosen = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    found = next((m for m in memberships if str(m.organisation_id) == chosen), None)
    if found is None and memberships:
        found = memberships[0]
    setattr(request, _CACHE_ATTR, found)
    return found


def require(request: HttpRequest, perm: Perm) -> Membership:
    """The current membership if its role may do `perm`; 403 otherwise."""
    membership = current_membership(request)
    if membership is None or not membership.can(perm):
        raise PermissionDenied
    return membership


def may(request: HttpRequest, perm: Perm) -> bool:
    membership = current_membership(request)
    return membership is not None and membership.can(perm)


def switch_organisation(request: HttpRequest, organisation_id: str) -> Membership:
    """Make another of the user's organisations the current one; 404 if not theirs."""
    for membership in memberships_of(request):
        if str(membership.organisation_id) == organisation_id:
            request.session[SESSION_KEY] = organisation_id
            setattr(request, _CACHE_ATTR, membership)
            return membership
    raise Http404


def staff_of(request: HttpRequest) -> list[Membership]:
    """Everyone in the current organisation, for its admin."""
    admin = require(request, Perm.MANAGE_STAFF)
    return list(
        Membership.objects.filter(organisation_id=admin.organisation_id)
        .select_related("user")
        .order_by("-is_active", "user__full_name")
    )


def access_staff_membership(request: HttpRequest, membership_id: uuid.UUID) -> Membership:
    """A membership in the admin's own organisation; the same 404 for missing and foreign."""
    membership = current_membership(request)
    if membership is None or not membership.can(Perm.MANAGE_STAFF):
        raise Http404
    try:
        return Membership.objects.select_related("user", "organisation").get(
            id=membership_id, organisation_id=membership.organisation_id
        )
    except Membership.DoesNotExist:
        raise Http404 from None
