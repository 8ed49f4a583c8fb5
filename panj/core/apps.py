"""Application config of the shared core."""

from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "panj.core"
    label = "core"

    def ready(self) -> None:
        from django.conf import locale, settings

        # Teach Django the languages it does not ship (Dari), once, at start-up.
        for code, info in settings.EXTRA_LANG_INFO.items():
            locale.LANG_INFO.setdefault(code, info)
