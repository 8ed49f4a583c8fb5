"""Application config of the directory."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "panj.directory"
    label = "directory"
    verbose_name = _("Directory")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from panj.directory.reference import on_post_migrate

        post_migrate.connect(on_post_migrate, sender=self)
