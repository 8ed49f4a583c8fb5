"""The library of good practice: documents and links the network shares, in five languages."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import connection, models
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from panj.cases.fields import CodeListField, has_code
from panj.core.models import TimeStampedModel, localised
from panj.knowledge.vocabulary import (
    TEXT_LANGUAGES,
    DocumentLanguage,
    Topic,
    Visibility,
    search_text,
)

USER = settings.AUTH_USER_MODEL


def new_search_number() -> int:
    return secrets.randbits(62)


class LibraryItemQuerySet(models.QuerySet["LibraryItem"]):
    def visible_to(self, organisation_id: uuid.UUID | None) -> LibraryItemQuerySet:
        """What a member of `organisation_id` may see (the public only, for None)."""
        if organisation_id is None:
            return self.filter(visibility=Visibility.PUBLIC)
        return self.filter(
            Q(visibility__in=[Visibility.NETWORK, Visibility.PUBLIC])
            | Q(organisation_id=organisation_id)
        )

    def public(self) -> LibraryItemQuerySet:
        return self.filter(visibility=Visibility.PUBLIC)

    def with_topic(self, topic: str) -> LibraryItemQuerySet:
        return self.filter(has_code("topics", topic))


class LibraryItem(TimeStampedModel):
    """A guideline, training pack, procedure, law, study or awareness material."""

    class Kind(models.TextChoices):
        GUIDELINE = "guideline", _("Guideline")
        TRAINING = "training", _("Training material")
        PROCEDURE = "procedure", _("Standard operating procedure")
        LEGISLATION = "legislation", _("Legislation")
        RESEARCH = "research", _("Research")
        AWARENESS = "awareness", _("Awareness material")
        OTHER = "other", _("Other")

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="library_items",
        verbose_name=_("author organisation"),
    )
    created_by = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    title_fr = models.CharField(_("title in French"), max_length=300, blank=True)
    title_ru = models.CharField(_("title in Russian"), max_length=300, blank=True)
    title_tg = models.CharField(_("title in Tajik"), max_length=300, blank=True)
    title_prs = models.CharField(_("title in Dari"), max_length=300, blank=True)
    summary_en = models.TextField(_("summary in English"), blank=True)
    summary_fr = models.TextField(_("summary in French"), blank=True)
    summary_ru = models.TextField(_("summary in Russian"), blank=True)
    summary_tg = models.TextField(_("summary in Tajik"), blank=True)
    summary_prs = models.TextField(_("summary in Dari"), blank=True)
    language = models.CharField(
        _("language of the document"), max_length=8, choices=DocumentLanguage.choices
    )
    topics = CodeListField(_("topics"), choices=Topic.choices)
    tags = models.CharField(
        _("tags"), max_length=300, blank=True, help_text=_("Free words, separated by commas.")
    )
    countries = models.ManyToManyField(
        "directory.Country", blank=True, related_name="+", verbose_name=_("countries")
    )
    areas = models.ManyToManyField(
        "directory.Area", blank=True, related_name="+", verbose_name=_("areas")
    )
    link = models.URLField(_("link"), max_length=500, blank=True)
    visibility = models.CharField(
        _("who may see it"),
        max_length=16,
        choices=Visibility.choices,
        default=Visibility.NETWORK,
    )
    # Titles, summaries and tags as search compares them (see vocabulary.search_text); on
    # PostgreSQL an expression GIN index over its 'simple' tsvector makes the search fast.
    search_text = models.TextField(editable=False, default="")
    # The item's row in SQLite's full-text table of search texts (see index_words below).
    search_number = models.BigIntegerField(default=new_search_number, unique=True, editable=False)

    objects = LibraryItemQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("library item")
        verbose_name_plural = _("library items")
        indexes = [
            # Newest first with everything the list filters on: SQLite pages through search
            # matches in this index alone, without reading the long titles and summaries.
            models.Index(
                fields=[
                    "created_at",
                    "search_number",
                    "visibility",
                    "organisation",
                    "kind",
                    "language",
                    "topics",
                    "id",
                ],
                name="library_newest_covering",
            ),
            models.Index(fields=["visibility", "-created_at"], name="library_visible_recent"),
            models.Index(fields=["organisation", "-created_at"], name="library_org_recent"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(title_en="", title_fr="", title_ru="", title_tg="", title_prs=""),
                name="library_item_has_title",
            ),
            models.CheckConstraint(
                condition=Q(visibility__in=["organisation", "network", "public"]),
                name="library_item_visibility_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localised(self, "title")

    @property
    def summary(self) -> str:
        return localised(self, "summary")

    # Labels without Django's get_FOO_display, which rebuilds the choices on every call: the
    # library page shows them for every row.
    @property
    def kind_label(self) -> str:
        return str(_KIND_LABELS.get(self.kind, self.kind))

    @property
    def language_label(self) -> str:
        return str(_LANGUAGE_LABELS.get(self.language, self.language))

    @property
    def visibility_label(self) -> str:
        return str(_VISIBILITY_LABELS.get(self.visibility, self.visibility))

    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]

    def topic_labels(self) -> list[str]:
        return [str(_TOPIC_LABELS.get(code, code)) for code in self.topics]

    def refresh_search_text(self) -> None:
        texts = [
            getattr(self, f"{kind}_{code}")
            for kind in ("title", "summary")
            for code in TEXT_LANGUAGES
        ]
        self.search_text = search_text(*texts, self.tags)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.refresh_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)


# On SQLite the search reads an FTS5 table whose rowid is the item's search number. It is kept
# current here rather than by triggers, which SQLite drops whenever a migration rebuilds the
# library's table. Rows written in bulk (bulk_create, update) are indexed by `index_words`.
_KIND_LABELS = dict(LibraryItem.Kind.choices)
_LANGUAGE_LABELS = dict(DocumentLanguage.choices)
_VISIBILITY_LABELS = dict(Visibility.choices)
_TOPIC_LABELS = dict(Topic.choices)

_FORGET_WORDS = "DELETE FROM knowledge_library_words WHERE rowid = %s"
_INDEX_WORDS = "INSERT INTO knowledge_library_words (rowid, words) VALUES (%s, %s)"


def index_words(items: Iterable[LibraryItem]) -> None:
    """Put the search text of `items` in SQLite's full-text table (nothing on PostgreSQL)."""
    if connection.vendor != "sqlite":
        return
    rows = [(item.search_number, item.search_text) for item in items]
    with connection.cursor() as cursor:
        cursor.executemany(_FORGET_WORDS, [row[:1] for row in rows])
        cursor.executemany(_INDEX_WORDS, rows)


@receiver(post_save, sender=LibraryItem)
def _index_saved_item(sender: type[LibraryItem], instance: LibraryItem, **kwargs: Any) -> None:
    update_fields = kwargs.get("update_fields")
    if update_fields is None or "search_text" in update_fields:
        index_words([instance])


@receiver(post_delete, sender=LibraryItem)
def _forget_deleted_item(sender: type[LibraryItem], instance: LibraryItem, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(_FORGET_WORDS, [instance.search_number])


def _file_path(instance: LibraryFile, filename: str) -> str:
    # The stored name says nothing about the document: the original name stays in the row.
    return f"knowledge/library/{uuid.uuid4().hex}"


class LibraryFile(TimeStampedModel):
    """A checked upload of a library item, stored with its metadata removed."""

    item = models.ForeignKey(
        LibraryItem, on_delete=models.CASCADE, related_name="files", verbose_name=_("item")
    )
    file = models.FileField(_("file"), upload_to=_file_path, max_length=200)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=120)
    size = models.PositiveBigIntegerField(_("size in bytes"))

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("library file")
        verbose_name_plural = _("library files")

    def __str__(self) -> str:
        return self.name
