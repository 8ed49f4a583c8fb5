"""The knowledge app's panel on the home page: the latest news, then the organisation's work."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from panj.accounts.access import current_membership
from panj.core.panels import HomePanel
from panj.knowledge.access import news_for

LATEST_NEWS = 3


def panel(request: HttpRequest) -> HomePanel | None:
    membership = current_membership(request)
    if membership is None:
        return None
    context: dict[str, Any] = {}
    context["latest_news"] = list(news_for(request).select_related("organisation")[:LATEST_NEWS])
    # --- more of the knowledge app's panel goes below, one key each ---
    if not any(context.values()):
        return None
    return HomePanel(template="knowledge/home_panel.html", context=context)
