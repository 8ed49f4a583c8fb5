"""Abstract model mixins shared by every app: UUID keys, timestamps, names in five languages."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES = ("en", "fr", "ru", "tg", "prs")


class UUIDModel(models.Model):
    """UUID primary keys, so that records can later move between Panj nodes."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)

    class Meta:
        abstract = True


class TimeStampedModel(UUIDModel):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


def localised(obj: object, field: str) -> str:
    """The value of `field_<language>` for the active language, else English, else any."""
    language = (get_language() or "en").split("-")[0]
    value = getattr(obj, f"{field}_{language}", "") if language in LANGUAGE_CODES else ""
    if value:
        return str(value)
    for code in LANGUAGE_CODES:
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return str(value)
    return ""


class MultilingualName(models.Model):
    """A place or thing known by a name in each of the network's five languages."""

    name_en = models.CharField(_("name in English"), max_length=200)
    name_fr = models.CharField(_("name in French"), max_length=200, blank=True)
    name_ru = models.CharField(_("name in Russian"), max_length=200, blank=True)
    name_tg = models.CharField(_("name in Tajik"), max_length=200, blank=True)
    name_prs = models.CharField(_("name in Dari"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localised(self, "name")
