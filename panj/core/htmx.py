"""htmx helpers: one URL serves the whole page or, for htmx, only the named fragment."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def render_page_or_partial(
    request: HttpRequest, template: str, context: dict[str, Any], partial: str
) -> HttpResponse:
    """Render `template`, or only its `{% partialdef partial %}` when htmx asks for it."""
    htmx = getattr(request, "htmx", None)
    name = f"{template}#{partial}" if htmx and not htmx.boosted else template
    response = render(request, name, context)
    # The same URL returns two shapes: caches must keep them apart.
    response["Vary"] = "HX-Request"
    return response
