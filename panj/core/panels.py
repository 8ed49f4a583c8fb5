"""Panels that other apps add to the signed-in home page."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any

from django.http import HttpRequest

# Apps that add a panel to the home page, in page order. Each has a `home` module whose
# `panel(request)` returns a `HomePanel` or None (nothing for this user).
HOME_PANEL_APPS = ("referrals", "knowledge", "stats")


@dataclass(frozen=True)
class HomePanel:
    template: str
    context: dict[str, Any]


def home_panels(request: HttpRequest) -> list[HomePanel]:
    panels = []
    for app in HOME_PANEL_APPS:
        try:
            module = import_module(f"panj.{app}.home")
        except ModuleNotFoundError as error:
            if error.name != f"panj.{app}.home":
                raise
            continue
        panel = module.panel(request)
        if panel is not None:
            panels.append(panel)
    return panels
