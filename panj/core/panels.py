"""Panels that other apps add to the signed-in home page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from panj.core.extensions import app_modules


@dataclass(frozen=True)
class HomePanel:
    template: str
    context: dict[str, Any]


def home_panels(request: HttpRequest) -> list[HomePanel]:
    """Each extending app's `home.panel(request)`: a HomePanel, or None for this user."""
    panels = (module.panel(request) for module in app_modules("home"))
    return [panel for panel in panels if panel is not None]
