"""The knowledge app's panel on the home page: the latest news, then the organisation's work."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from panj.accounts.access import current_membership
from panj.core.panels import HomePanel
from panj.knowledge.access import news_for, own_actions
from panj.knowledge.models.events import FollowUpAction

LATEST_NEWS = 3
OPEN_ACTIONS = 5


def panel(request: HttpRequest) -> HomePanel | None:
    membership = current_membership(request)
    if membership is None:
        return None
    context: dict[str, Any] = {}
    context["latest_news"] = list(news_for(request).select_related("organisation")[:LATEST_NEWS])
    context["open_actions"] = _open_actions(request)
    if not any(context.values()):
        return None
    return HomePanel(template="knowledge/home_panel.html", context=context)


def _open_actions(request: HttpRequest) -> list[FollowUpAction]:
    """The organisation's open follow-up actions, the most overdue first."""
    today = timezone.localdate()
    actions = list(
        own_actions(request).pending().select_related("event").order_by("due_on")[:OPEN_ACTIONS]
    )
    for action in actions:
        action.overdue = action.is_overdue(today)  # type: ignore[attr-defined]
    return actions
