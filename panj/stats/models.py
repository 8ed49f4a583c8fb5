"""Open-data releases (built, reviewed, published, then frozen) and reference datasets."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from panj.core.models import TimeStampedModel, UUIDModel
from panj.stats.disclosure import DEFAULT_THRESHOLD

USER = settings.AUTH_USER_MODEL


class ReleaseQuerySet(models.QuerySet["Release"]):
    def published(self) -> ReleaseQuerySet:
        return self.filter(status=Release.Status.PUBLISHED)


class Release(TimeStampedModel):
    """A set of disclosure-controlled tables and microdata, frozen when it is built."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Waiting for review")
        PUBLISHED = "published", _("Published")

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("prepared at"),
    )
    title = models.CharField(_("title"), max_length=200)
    first_year = models.PositiveSmallIntegerField(_("from year"))
    last_year = models.PositiveSmallIntegerField(_("to year"))
    threshold = models.PositiveSmallIntegerField(
        _("suppression threshold"),
        default=DEFAULT_THRESHOLD,
        help_text=_("Counts from 1 to one less than this are hidden."),
    )
    k = models.PositiveSmallIntegerField(
        _("k of the microdata"),
        default=DEFAULT_THRESHOLD,
        help_text=_("Every combination of known facts is shared by at least k people."),
    )
    l_diversity = models.PositiveSmallIntegerField(
        _("l of the microdata"),
        default=2,
        help_text=_("Each such group shows at least l different means of control."),
    )
    epsilon = models.FloatField(
        _("privacy-loss budget (ε)"),
        default=1.0,
        help_text=_("Differential privacy of the tables: smaller is more private, noisier."),
    )
    epsilon_spent = models.FloatField(_("ε spent"), default=0.0)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    built_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("built by")
    )
    published_by = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    cases_counted = models.PositiveIntegerField(_("consenting cases counted"), default=0)
    microdata_records = models.PositiveIntegerField(_("microdata records"), default=0)
    microdata_suppressed = models.PositiveIntegerField(_("microdata records withheld"), default=0)
    method_note = models.TextField(_("method note"), blank=True)
    # The tables as published, for the release page: codes, English labels, values or null.
    tables = models.JSONField(default=list, blank=True)

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("open-data release")
        verbose_name_plural = _("open-data releases")
        constraints = [
            models.CheckConstraint(
                condition=Q(published_by__isnull=True) | ~Q(published_by=F("built_by")),
                name="release_reviewed_by_someone_else",
            ),
            models.CheckConstraint(
                condition=Q(status="draft")
                | (Q(published_by__isnull=False) & Q(published_at__isnull=False)),
                name="release_published_has_reviewer",
            ),
            models.CheckConstraint(
                condition=Q(epsilon_spent__lte=F("epsilon") + 1e-6),
                name="release_within_budget",
            ),
            models.CheckConstraint(
                condition=Q(last_year__gte=F("first_year")), name="release_years_ordered"
            ),
            models.CheckConstraint(condition=Q(threshold__gte=2), name="release_threshold_min"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def may_be_published_by(self, user: Any) -> bool:
        return not self.is_published and user.pk != self.built_by_id


class ReleaseFile(UUIDModel):
    """One download of a release, stored once when the release is built and never changed."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(_("file name"), max_length=100)
    media_type = models.CharField(_("media type"), max_length=100)
    content = models.BinaryField()
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("release file")
        verbose_name_plural = _("release files")
        constraints = [
            models.UniqueConstraint(fields=["release", "name"], name="release_file_unique")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def size(self) -> int:
        return len(bytes(self.content))


class ReferenceDataset(TimeStampedModel):
    """A published dataset loaded for comparison, kept as counts by variable and value."""

    name = models.CharField(_("name"), max_length=200)
    source = models.CharField(_("source"), max_length=300, blank=True)
    file_name = models.CharField(_("file name"), max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    records = models.PositiveIntegerField(_("records"))
    imported_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("reference dataset")
        verbose_name_plural = _("reference datasets")

    def __str__(self) -> str:
        return self.name


class ReferenceCount(models.Model):
    dataset = models.ForeignKey(ReferenceDataset, on_delete=models.CASCADE, related_name="counts")
    dimension = models.CharField(_("variable"), max_length=40)
    value = models.CharField(_("value"), max_length=80)
    count = models.PositiveIntegerField(_("count"))

    class Meta:
        ordering = ["dimension", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "dimension", "value"], name="reference_count_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.dimension}={self.value}"
