"""Application config of the audit log: sign-in receivers and the database's guard function."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "panj.audit"
    label = "audit"
    verbose_name = _("Audit log")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from panj.audit import checks, guard, receivers  # noqa: F401 - connect on import

        connection_created.connect(guard.register_sqlite_functions)
