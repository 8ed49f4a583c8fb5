"""The modules that apps offer to shared pieces: home panels, demo data, test samples."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from types import ModuleType

# The apps that add to the home page, the demo and the URL walker's samples, in that order.
EXTENDING_APPS = ("referrals", "knowledge", "stats", "linkage")


def app_modules(name: str) -> Iterator[ModuleType]:
    """`panj.<app>.<name>` of each extending app that has one, in order."""
    for app in EXTENDING_APPS:
        path = f"panj.{app}.{name}"
        try:
            yield import_module(path)
        except ModuleNotFoundError as error:
            if error.name != path:
                raise
