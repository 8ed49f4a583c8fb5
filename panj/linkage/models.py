"""Linkage in Panj: the network secret, kept encodings, runs, partner exchanges, probable matches.

Nothing here holds a name. An encoding is a keyed Bloom filter of a case whose person agreed to
the duplicate check; a probable match tells one organisation that one of its own cases probably
is a case of another organisation (or of a partner outside Panj), and nothing about that case.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from panj.core.models import TimeStampedModel, UUIDModel

USER = settings.AUTH_USER_MODEL


class LinkageKey(models.Model):
    """The network's linkage secret of one epoch, wrapped by the master key; runs rotate it."""

    epoch = models.PositiveIntegerField(unique=True)
    wrapped = models.BinaryField()
    master_fingerprint = models.CharField(max_length=32)
    key_check = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"linkage key epoch {self.epoch}"


class CaseEncoding(models.Model):
    """The encoding of one consenting case under the current epoch's secret."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    epoch = models.PositiveIntegerField()
    filter = models.BinaryField()
    blocks = models.BinaryField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["organisation", "epoch"], name="encoding_org_epoch")]

    def __str__(self) -> str:
        return "encoding"


class RunKind(models.TextChoices):
    NETWORK = "network", _("Between member organisations")
    PARTNER = "partner", _("With a partner outside Panj")


class LinkageRun(UUIDModel):
    """One duplicate check: who started it, over which organisations, from which threshold."""

    kind = models.CharField(_("kind"), max_length=10, choices=RunKind.choices)
    started_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("started by")
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    threshold = models.FloatField(_("threshold"))
    epoch = models.PositiveIntegerField(_("key epoch"), null=True, blank=True)
    organisations = models.ManyToManyField(
        "directory.Organisation", related_name="+", verbose_name=_("organisations")
    )
    encoded = models.PositiveIntegerField(_("cases encoded"), default=0)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("duplicate check")
        verbose_name_plural = _("duplicate checks")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=RunKind.values), name="linkage_run_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(threshold__gt=0) & Q(threshold__lte=1),
                name="linkage_run_threshold_range",
            ),
        ]

    def __str__(self) -> str:
        return str(self.id)


class RunPair(models.Model):
    """How many probable shared cases a run found between two organisations: all one sees."""

    run = models.ForeignKey(LinkageRun, on_delete=models.CASCADE, related_name="pairs")
    first = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, null=True, related_name="+"
    )
    partner_label = models.CharField(max_length=100, blank=True)
    matches = models.PositiveIntegerField()

    class Meta:
        ordering = ["first__name", "second__name"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(second__isnull=False) & Q(partner_label=""))
                | (Q(second__isnull=True) & ~Q(partner_label="")),
                name="run_pair_other_side_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.matches}"


class PartnerExchange(TimeStampedModel):
    """A one-off linkage with a partner outside Panj, owned by the coordinator's organisation.

    Its secret is shown once for the partner to encode with `panj linkage encode`, kept wrapped
    until the partner's file is linked, then erased.
    """

    class Status(models.TextChoices):
        NEW = "new", _("Secret not yet downloaded")
        WAITING = "waiting", _("Waiting for the partner's file")
        DONE = "done", _("Linked")

    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(
        _("partner"),
        max_length=100,
        help_text=_("How your member organisations will see the partner."),
    )
    organisations = models.ManyToManyField(
        "directory.Organisation",
        related_name="+",
        verbose_name=_("member organisations to check"),
    )
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    wrapped_secret = models.BinaryField(editable=False)
    master_fingerprint = models.CharField(max_length=32, editable=False)
    key_check = models.CharField(max_length=64, editable=False)
    run = models.OneToOneField(
        LinkageRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("partner exchange")
        verbose_name_plural = _("partner exchanges")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["new", "waiting", "done"]),
                name="partner_exchange_status_valid",
            )
        ]

    def __str__(self) -> str:
        return self.label


class CheckRequest(UUIDModel):
    """A duplicate check that one member organisation asks another for, without the network
    coordinator: it runs, over these two organisations only, once the other one accepts."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted and run")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("asked by"),
    )
    other_organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("asked"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    requested_at = models.DateTimeField(_("asked on"), auto_now_add=True)
    answered_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered on"), null=True, blank=True)
    run = models.OneToOneField(
        LinkageRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("duplicate check request")
        verbose_name_plural = _("duplicate check requests")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "accepted", "declined", "withdrawn"]),
                name="check_request_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(organisation=F("other_organisation")),
                name="check_request_two_organisations",
            ),
            models.UniqueConstraint(
                fields=["organisation", "other_organisation"],
                condition=Q(status="pending"),
                name="check_request_one_pending",
            ),
        ]

    def __str__(self) -> str:
        return str(self.id)


class ProbableMatchQuerySet(models.QuerySet["ProbableMatch"]):
    def reportable(self) -> ProbableMatchQuerySet:
        """Only matches from the threshold up: nothing below it is ever shown."""
        return self.filter(score__gte=F("threshold"))


class ProbableMatch(UUIDModel):
    """One side of a probable shared case: seen only by the organisation that owns `case`.

    Both sides of a pair share `pair`, a random id that names neither case, so that a person's
    withdrawal of consent removes the other side's row too.
    """

    run = models.ForeignKey(LinkageRun, on_delete=models.CASCADE, related_name="+")
    pair = models.UUIDField()
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    other_organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("other organisation"),
    )
    partner_label = models.CharField(_("partner"), max_length=100, blank=True)
    score = models.FloatField(_("similarity"))
    threshold = models.FloatField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProbableMatchQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-score"]
        verbose_name = _("probable shared case")
        verbose_name_plural = _("probable shared cases")
        indexes = [models.Index(fields=["organisation", "case"], name="match_org_case")]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=F("threshold")) & Q(score__lte=1) & Q(threshold__gt=0),
                name="match_score_from_threshold",
            ),
            models.CheckConstraint(
                condition=(Q(other_organisation__isnull=False) & Q(partner_label=""))
                | (Q(other_organisation__isnull=True) & ~Q(partner_label="")),
                name="match_other_side_once",
            ),
            models.CheckConstraint(
                condition=~Q(other_organisation=F("organisation")),
                name="match_other_organisation_differs",
            ),
        ]

    def __str__(self) -> str:
        return str(self.id)
