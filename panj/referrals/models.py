"""Data-sharing agreements and referrals: parties, allow-lists, life cycle, what travelled."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from panj.cases.fields import CodeListField
from panj.core.models import TimeStampedModel, UUIDModel
from panj.directory.models import ServiceCategory
from panj.referrals import travel

USER = settings.AUTH_USER_MODEL


def agreement_document_path(instance: Agreement, filename: str) -> str:
    # Under the recording organisation's media, by a random name: never the uploaded one.
    return f"organisations/{instance.organisation_id}/agreements/{uuid.uuid4().hex}.pdf"


class AgreementQuerySet(models.QuerySet["Agreement"]):
    def in_force(self, on: datetime.date | None = None) -> AgreementQuerySet:
        on = on or timezone.localdate()
        return self.filter(starts_on__lte=on, ends_on__gte=on, revoked_on__isnull=True)

    def covering(self, organisation_id: uuid.UUID, country_id: uuid.UUID) -> AgreementQuerySet:
        """Agreements with the organisation among their parties, by name or by country group."""
        return self.filter(
            Q(parties__organisation_id=organisation_id) | Q(parties__country_id=country_id)
        )


class Agreement(TimeStampedModel):
    """A data-sharing agreement: who may refer to whom, what may travel, until when."""

    class Scope(models.TextChoices):
        IN_COUNTRY = "in_country", _("Within a country")
        CROSS_BORDER = "cross_border", _("Across the border")
        BOTH = "both", _("Within a country and across the border")

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    scope = models.CharField(_("scope"), max_length=16, choices=Scope.choices)
    fields = CodeListField(
        _("fields that may travel"),
        choices=travel.CHOICES,
        help_text=_("Nothing else ever leaves the referring organisation under this agreement."),
    )
    starts_on = models.DateField(_("in force from"))
    ends_on = models.DateField(_("in force until"))
    response_days = models.PositiveSmallIntegerField(
        _("days to answer a referral"),
        default=7,
        help_text=_("A referral not answered in this time expires."),
    )
    document = models.FileField(_("signed document"), upload_to=agreement_document_path, blank=True)
    revoked_on = models.DateField(_("ended early on"), null=True, blank=True)
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-ends_on", "title"]
        verbose_name = _("data-sharing agreement")
        verbose_name_plural = _("data-sharing agreements")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="agreement_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(response_days__gte=1), name="agreement_response_days_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def is_in_force(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.revoked_on is None and self.starts_on <= on <= self.ends_on

    def allows_scope(self, cross_border: bool) -> bool:
        if cross_border:
            return self.scope in (self.Scope.CROSS_BORDER, self.Scope.BOTH)
        return self.scope in (self.Scope.IN_COUNTRY, self.Scope.BOTH)


class AgreementParty(UUIDModel):
    """One side of an agreement: a named organisation, or every member in a country."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    country = models.ForeignKey(
        "directory.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("all members in"),
    )

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=True, country__isnull=False)
                | Q(organisation__isnull=False, country__isnull=True),
                name="agreement_party_one_kind",
            )
        ]
        indexes = [
            models.Index(fields=["organisation"], name="agreement_party_org"),
            models.Index(fields=["country"], name="agreement_party_country"),
        ]

    def __str__(self) -> str:
        return str(self.organisation or self.country)


class Urgency(models.TextChoices):
    ROUTINE = "routine", _("Routine")
    URGENT = "urgent", _("Urgent (within days)")
    EMERGENCY = "emergency", _("Emergency (today)")


class Reason(models.TextChoices):
    SERVICE_NOT_OFFERED = "not_offered", _("Needs a service we do not offer")
    CLOSER_TO_HOME = "closer_to_home", _("Service closer to where the person is or goes")
    RETURN = "return", _("Return home and reintegration")
    SAFETY = "safety", _("Safety of the person")
    SPECIALISED = "specialised", _("Needs specialised care")
    OTHER = "other", _("Other")


class DeclineReason(models.TextChoices):
    NO_CAPACITY = "no_capacity", _("No capacity now")
    NOT_ELIGIBLE = "not_eligible", _("The person is not served by this service")
    NOT_OFFERED = "not_offered", _("The service is not offered any more")
    OUT_OF_AREA = "out_of_area", _("Outside our area")
    OTHER = "other", _("Other")


class Outcome(models.TextChoices):
    DELIVERED = "delivered", _("Service delivered")
    PARTLY = "partly", _("Partly delivered")
    NOT_DELIVERED = "not_delivered", _("Could not be delivered")
    PERSON_LEFT = "person_left", _("The person left or could not be reached")


class ReferralQuerySet(models.QuerySet["Referral"]):
    def involving(self, organisation_id: uuid.UUID) -> ReferralQuerySet:
        return self.filter(Q(sender_id=organisation_id) | Q(receiver_id=organisation_id))

    def incoming(self, organisation_id: uuid.UUID) -> ReferralQuerySet:
        # A draft, or one waiting for approval, has not reached the receiver.
        return self.filter(receiver_id=organisation_id, sent_at__isnull=False)

    def outgoing(self, organisation_id: uuid.UUID) -> ReferralQuerySet:
        return self.filter(sender_id=organisation_id)

    def awaiting_approval(self, organisation_id: uuid.UUID) -> ReferralQuerySet:
        return self.filter(sender_id=organisation_id, status=Referral.Status.AWAITING_APPROVAL)

    def overdue(self, now: datetime.datetime) -> ReferralQuerySet:
        return self.filter(status=Referral.Status.SENT, due_at__lt=now)


class Referral(TimeStampedModel):
    """A person referred from a case of one organisation to another, with what travelled."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AWAITING_APPROVAL = "awaiting_approval", _("Waiting for approval")
        SENT = "sent", _("Sent, waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        DELIVERED = "delivered", _("Services delivered")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        EXPIRED = "expired", _("Expired without an answer")
        STOPPED = "stopped", _("Stopped: consent withdrawn")

    OPEN = (Status.SENT, Status.ACCEPTED, Status.DELIVERED)
    # Statuses in which the receiver holds the travelled data.
    HOLDING = (Status.SENT, Status.ACCEPTED, Status.DELIVERED, Status.COMPLETED)

    sender = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("from"),
    )
    receiver = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("to"),
    )
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="referrals")
    agreement = models.ForeignKey(
        Agreement, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("agreement")
    )
    services = models.ManyToManyField(
        "directory.Service", blank=True, related_name="+", verbose_name=_("services asked for")
    )
    categories = CodeListField(_("services asked for"), choices=ServiceCategory.choices)
    urgency = models.CharField(
        _("urgency"), max_length=12, choices=Urgency.choices, default=Urgency.ROUTINE
    )
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    cross_border = models.BooleanField(_("across the border"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    # Names of the fields that travelled (or will): names only, readable by both sides.
    travelled = CodeListField(_("fields that travel"), choices=travel.CHOICES)
    # The travelled values, sealed with the receiver's key; emptied when the receiver must
    # not keep them (declined, expired, withdrawn, consent withdrawn).
    payload = models.BinaryField(editable=False, default=b"")
    payload_key_version = models.PositiveSmallIntegerField(null=True, editable=False)
    receiver_case = models.ForeignKey(
        "cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    due_at = models.DateTimeField(_("answer due"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    decline_reason = models.CharField(
        _("reason for declining"), max_length=16, choices=DeclineReason.choices, blank=True
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    # Something happened that the other side has not opened yet: the inbox counts these.
    news_for_sender = models.BooleanField(default=False)
    news_for_receiver = models.BooleanField(default=False)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        indexes = [
            models.Index(fields=["receiver", "status", "-sent_at"], name="referral_in_status"),
            models.Index(fields=["receiver", "-sent_at"], name="referral_in_sent"),
            models.Index(fields=["sender", "status", "-created_at"], name="referral_out_status"),
            models.Index(fields=["sender", "-created_at"], name="referral_out_created"),
            models.Index(fields=["status", "due_at"], name="referral_due"),
            models.Index(fields=["case"], name="referral_case"),
            # The inbox counts news on every load: small partial indexes answer without a scan.
            models.Index(
                fields=["receiver"],
                condition=Q(news_for_receiver=True),
                name="referral_news_in",
            ),
            models.Index(
                fields=["sender"], condition=Q(news_for_sender=True), name="referral_news_out"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(sender=models.F("receiver")), name="referral_to_another_organisation"
            ),
            models.CheckConstraint(
                # Withdrawn or stopped may happen before sending; every other step after.
                condition=Q(status__in=["draft", "awaiting_approval", "withdrawn", "stopped"])
                | Q(sent_at__isnull=False),
                name="referral_sent_has_time",
            ),
        ]

    def __str__(self) -> str:
        return str(self.id)

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def is_draft(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.AWAITING_APPROVAL)

    def category_labels(self) -> str:
        return ", ".join(str(ServiceCategory(code).label) for code in self.categories)

    def travelled_labels(self) -> list[str]:
        return [
            str(travel.BY_NAME[name].label) for name in self.travelled if name in travel.BY_NAME
        ]


class ReferralEvent(models.Model):
    """One step of a referral's life, shown on its timeline; codes only, never case data."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Prepared")
        SUBMITTED = "submitted", _("Submitted for approval")
        APPROVED = "approved", _("Approved")
        SENT = "sent", _("Sent")
        READ = "read", _("Opened by the receiving organisation")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        DELIVERED = "delivered", _("Service delivered")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        EXPIRED = "expired", _("Expired without an answer")
        STOPPED = "stopped", _("Consent withdrawn: stop and erase")

    id = models.BigAutoField(primary_key=True)
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("what"), max_length=12, choices=Kind.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # A code from the referral's choices: a decline reason, an outcome or a service category.
    detail = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("referral step")
        verbose_name_plural = _("referral steps")

    def __str__(self) -> str:
        return self.kind

    def detail_label(self) -> str:
        for choices in (DeclineReason, Outcome, ServiceCategory):
            if self.detail in choices.values:
                return str(choices(self.detail).label)
        return ""
