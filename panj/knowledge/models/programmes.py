"""Joint programmes in the border areas: partners, areas, indicators and their progress."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from panj.core.models import TimeStampedModel
from panj.directory.models import Area, Organisation
from panj.knowledge.models.campaigns import Campaign, PartneredQuerySet
from panj.knowledge.models.events import Event, Sharing


class ProgrammeQuerySet(PartneredQuerySet["Programme"]):
    pass


class Programme(TimeStampedModel):
    title = models.CharField(_("title"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="programmes_led",
        verbose_name=_("lead organisation"),
    )
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="programmes", verbose_name=_("partners")
    )
    donor = models.CharField(_("donor"), max_length=200, blank=True)
    areas = models.ManyToManyField(Area, blank=True, related_name="+", verbose_name=_("areas"))
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    objectives = models.TextField(_("objectives"), blank=True)
    events = models.ManyToManyField(
        Event, blank=True, related_name="programmes", verbose_name=_("events")
    )
    campaigns = models.ManyToManyField(
        Campaign, blank=True, related_name="programmes", verbose_name=_("campaigns")
    )
    sharing = models.CharField(
        _("who sees it"), max_length=16, choices=Sharing.choices, default=Sharing.NETWORK
    )

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("joint programme")
        verbose_name_plural = _("joint programmes")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="programme_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(
        _("unit"), max_length=40, blank=True, help_text=_("For example people.")
    )
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2, default=0)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name

    def share_of_target(self, value: Decimal | None) -> int:
        """Progress from baseline to target, in per cent (0 to 100)."""
        if value is None or self.target == self.baseline:
            return 0
        share = (value - self.baseline) / (self.target - self.baseline) * 100
        return int(max(Decimal(0), min(Decimal(100), share)))


class ProgressValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    measured_on = models.DateField(_("measured on"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["measured_on", "id"]
        verbose_name = _("progress value")
        verbose_name_plural = _("progress values")

    def __str__(self) -> str:
        return f"{self.measured_on}: {self.value}"
