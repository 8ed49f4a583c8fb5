"""The knowledge app's front page: where the library, news and joint work are."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from panj.knowledge.access import news_for


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    latest = list(news_for(request).select_related("organisation")[:3])
    return render(request, "knowledge/index.html", {"latest_news": latest})
