"""The duplicate check's panel on the home page: requests of other organisations to answer."""

from __future__ import annotations

from django.http import HttpRequest

from panj.accounts.access import current_membership
from panj.accounts.roles import Perm
from panj.core.panels import HomePanel
from panj.linkage import access
from panj.linkage.models import CheckRequest


def panel(request: HttpRequest) -> HomePanel | None:
    membership = current_membership(request)
    if membership is None or not membership.can(Perm.MANAGE_AGREEMENTS):
        return None
    waiting = (
        access.checks_for(request)
        .filter(
            other_organisation_id=membership.organisation_id, status=CheckRequest.Status.PENDING
        )
        .count()
    )
    if not waiting:
        return None
    return HomePanel(template="linkage/home_panel.html", context={"waiting": waiting})
