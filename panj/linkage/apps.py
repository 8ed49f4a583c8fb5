from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkageConfig(AppConfig):
    name = "panj.linkage"
    verbose_name = _("Duplicate check")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Cases announce changes by signal, so that cases never import linkage.
        from panj.cases import signals
        from panj.linkage import receivers

        signals.identity_changed.connect(receivers.identity_changed, dispatch_uid="linkage-id")
        signals.consent_changed.connect(receivers.consent_changed, dispatch_uid="linkage-consent")
