"""Awareness campaigns: where, for whom, through which channels, in which words, and reach."""

from __future__ import annotations

import uuid
from typing import Any, Self, TypeVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from panj.core.models import TimeStampedModel
from panj.directory.models import Area, Organisation
from panj.knowledge.models.events import Sharing


class Channel(models.TextChoices):
    COMMUNITY = "community", _("Community sessions")
    RADIO = "radio", _("Radio")
    POSTERS = "posters", _("Posters")
    SOCIAL_MEDIA = "social_media", _("Social media")
    SCHOOLS = "schools", _("School sessions")


class Audience(models.TextChoices):
    GENERAL = "general", _("General public")
    WOMEN = "women", _("Women and girls")
    YOUTH = "youth", _("Young people")
    PARENTS = "parents", _("Parents")
    MIGRANTS = "migrants", _("Migrants and their families")
    LEADERS = "leaders", _("Community and religious leaders")
    OFFICIALS = "officials", _("Officials and border staff")


class AgeGroup(models.TextChoices):
    CHILDREN = "0-17", _("Under 18")
    ADULTS = "18-59", _("18 to 59")
    OLDER = "60+", _("60 and over")
    UNKNOWN = "unknown", _("Age not known")


class MessageLanguage(models.TextChoices):
    DARI = "prs", _("Dari")
    PASHTO = "ps", _("Pashto")
    TAJIK = "tg", _("Tajik")
    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    UZBEK = "uz", _("Uzbek")
    SHUGHNI = "sgh", _("Shughni")


_Partnered = TypeVar("_Partnered", bound=models.Model)


class PartneredQuerySet(models.QuerySet[_Partnered]):
    """Campaigns and programmes: one organisation leads, partners join, sharing says who sees."""

    def seen_by(self, organisation_id: uuid.UUID) -> Self:
        partners = self.model._meta.get_field("partners")
        assert isinstance(partners, models.ManyToManyField)
        through: Any = partners.remote_field.through
        partner_of = through.objects.filter(organisation_id=organisation_id)
        return self.filter(
            ~Q(sharing=Sharing.INVITED)
            | Q(organisation_id=organisation_id)
            | Q(id__in=partner_of.values(f"{self.model._meta.model_name}_id"))
        )


class CampaignQuerySet(PartneredQuerySet["Campaign"]):
    pass


class Campaign(TimeStampedModel):
    title = models.CharField(_("title"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="campaigns_led",
        verbose_name=_("lead organisation"),
    )
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="campaigns", verbose_name=_("partners")
    )
    description = models.TextField(_("description"), blank=True)
    areas = models.ManyToManyField(
        Area, blank=True, related_name="+", verbose_name=_("target areas")
    )
    communities = models.TextField(
        _("communities"), blank=True, help_text=_("Villages, camps or neighbourhoods reached.")
    )
    audiences = models.JSONField(_("audiences"), default=list, blank=True)
    channels = models.JSONField(_("channels"), default=list, blank=True)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"), null=True, blank=True)
    sharing = models.CharField(
        _("who sees it"), max_length=16, choices=Sharing.choices, default=Sharing.NETWORK
    )

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("awareness campaign")
        verbose_name_plural = _("awareness campaigns")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="campaign_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def audience_labels(self) -> list[str]:
        return [str(Audience(code).label) for code in self.audiences if code in Audience.values]

    def channel_labels(self) -> list[str]:
        return [str(Channel(code).label) for code in self.channels if code in Channel.values]


class CampaignMessage(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="messages")
    language = models.CharField(_("language"), max_length=8, choices=MessageLanguage.choices)
    text = models.TextField(_("message"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("campaign message")
        verbose_name_plural = _("campaign messages")

    def __str__(self) -> str:
        return self.text[:80]


class ReachFigure(models.Model):
    """People reached on a day through one channel, in one age group, by sex."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="reach")
    reported_on = models.DateField(_("date"))
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    age_group = models.CharField(_("age group"), max_length=8, choices=AgeGroup.choices)
    women = models.PositiveIntegerField(_("women and girls"), default=0)
    men = models.PositiveIntegerField(_("men and boys"), default=0)
    other = models.PositiveIntegerField(_("another or not given"), default=0)

    class Meta:
        ordering = ["reported_on", "id"]
        verbose_name = _("reach figure")
        verbose_name_plural = _("reach figures")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    channel__in=["community", "radio", "posters", "social_media", "schools"]
                ),
                name="reach_channel_valid",
            ),
            models.CheckConstraint(
                condition=Q(age_group__in=["0-17", "18-59", "60+", "unknown"]),
                name="reach_age_group_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reported_on} {self.channel}"

    @property
    def total(self) -> int:
        return self.women + self.men + self.other
