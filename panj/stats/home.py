"""The statistics panel of the home page: a headline figure and releases waiting for review."""

from __future__ import annotations

from django.http import HttpRequest

from panj.accounts.access import current_membership, may
from panj.accounts.roles import Perm
from panj.core.panels import HomePanel
from panj.stats import access, dashboards
from panj.stats.models import Release


def panel(request: HttpRequest) -> HomePanel | None:
    membership = current_membership(request)
    if membership is None:
        return None
    context: dict[str, object] = {}
    if may(request, Perm.VIEW_ORGANISATION_STATISTICS):
        context["headline"] = dashboards.organisation_headline(membership.organisation_id)
    if may(request, Perm.PUBLISH_OPEN_DATA):
        context["waiting"] = (
            access.releases_for(request).filter(status=Release.Status.DRAFT).count()
        )
    if not context and not may(request, Perm.VIEW_NETWORK_STATISTICS):
        return None
    return HomePanel(template="stats/home_panel.html", context=context)
