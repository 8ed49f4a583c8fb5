from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "panj.referrals"
    verbose_name = _("Referrals")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Cases announce consent changes by signal, so that cases never import referrals.
        from panj.cases import signals
        from panj.referrals import receivers

        signals.consent_changed.connect(receivers.consent_changed, dispatch_uid="referrals-consent")
