"""Network news: short posts by coordinators and members, for members or for the public."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from panj.core.models import TimeStampedModel

USER = settings.AUTH_USER_MODEL


class NewsQuerySet(models.QuerySet["NewsPost"]):
    def visible_to(self, organisation_id: uuid.UUID | None) -> NewsQuerySet:
        """Members read every post; the public only public ones."""
        if organisation_id is None:
            return self.public()
        return self.all()

    def public(self) -> NewsQuerySet:
        return self.filter(audience=NewsPost.Audience.PUBLIC)


class NewsPost(TimeStampedModel):
    """A post like a press release: title, lead, body, place and a contact."""

    class Audience(models.TextChoices):
        MEMBERS = "members", _("Members of the network")
        PUBLIC = "public", _("Public")

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="news_posts",
        verbose_name=_("organisation"),
    )
    created_by = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    title = models.CharField(_("title"), max_length=200)
    lead = models.TextField(_("lead"), max_length=600, help_text=_("One or two sentences."))
    body = models.TextField(
        _("text"), blank=True, help_text=_("Plain text; leave an empty line between paragraphs.")
    )
    place = models.CharField(_("place"), max_length=120, blank=True)
    contact = models.CharField(
        _("contact"),
        max_length=300,
        blank=True,
        help_text=_("Who to contact about this news, for example a press office."),
    )
    audience = models.CharField(
        _("for"), max_length=16, choices=Audience.choices, default=Audience.MEMBERS
    )
    published_at = models.DateTimeField(_("published"), default=timezone.now)

    objects = NewsQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at"]
        verbose_name = _("news post")
        verbose_name_plural = _("news posts")
        indexes = [
            models.Index(fields=["-published_at"], name="news_recent"),
            models.Index(fields=["audience", "-published_at"], name="news_audience_recent"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(audience__in=["members", "public"]), name="news_audience_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.audience == self.Audience.PUBLIC

    def paragraphs(self) -> list[str]:
        return [
            part.strip() for part in self.body.replace("\r\n", "\n").split("\n\n") if part.strip()
        ]


class NewsFeedToken(models.Model):
    """A member's secret for reading the members' news feed in a feed reader.

    Only a hash is stored; the address with the secret is shown once, when it is made.
    """

    user = models.OneToOneField(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("news feed address")
        verbose_name_plural = _("news feed addresses")

    def __str__(self) -> str:
        return f"feed of {self.user_id}"
