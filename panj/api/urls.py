"""Addresses of the API. Its operations answer anonymous requests with 401 JSON themselves
(ninja's session auth), instead of the sign-in redirect that the web pages give."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, JsonResponse
from django.urls import URLPattern, URLResolver, path, reverse
from django.views.decorators.http import require_GET

from panj.api.api import api, signed_in

app_name = "api"


@require_GET
@signed_in
def index(request: HttpRequest) -> JsonResponse:
    """What the API offers, for a signed-in client finding its way."""
    return JsonResponse(
        {
            "referrals": reverse("api:referrals"),
            "schema": reverse("api:openapi-json"),
        }
    )


def _patterns() -> list[URLPattern | URLResolver]:
    patterns: list[URLPattern | URLResolver] = []
    for pattern in api.urls[0]:
        if isinstance(pattern, URLPattern) and pattern.name == "api-root":
            # ninja's root only raises 404; this one lists the API (and keeps the name that
            # ninja reverses to find where the API is mounted).
            pattern = path("", index, name="api-root")
        if isinstance(pattern, URLPattern):
            login_not_required(pattern.callback)
        patterns.append(pattern)
    return patterns


urlpatterns = _patterns()
