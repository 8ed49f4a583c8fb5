from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "panj.knowledge"
    verbose_name = _("Knowledge")
    default_auto_field = "django.db.models.BigAutoField"
