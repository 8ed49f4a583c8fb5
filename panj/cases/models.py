"""Survivor cases: identity sealed per organisation, HTCDS variables, consent, assistance."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from panj.cases import htcds
from panj.cases.fields import CodeListField
from panj.core.models import TimeStampedModel
from panj.directory.models import ServiceCategory

USER = settings.AUTH_USER_MODEL


class OrganisationKey(models.Model):
    """A version of an organisation's data key, wrapped by the master key."""

    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    version = models.PositiveSmallIntegerField()
    wrapped = models.BinaryField()
    master_fingerprint = models.CharField(max_length=32)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "version"], name="organisation_key_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"key v{self.version}"


class CaseNumberCounter(models.Model):
    """The last case number given by an organisation in a year."""

    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="case_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class ClosureReason(models.TextChoices):
    GOALS_MET = "goals_met", _("Support plan completed")
    REFERRED = "referred", _("Referred to another organisation")
    MOVED = "moved", _("Moved away")
    LOST_CONTACT = "lost_contact", _("Contact lost")
    DECLINED = "declined", _("Declined further assistance")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Consent withdrawn")
    DECEASED = "deceased", _("Deceased")
    OTHER = "other", _("Other")


class RiskLevel(models.TextChoices):
    UNKNOWN = "", _("Not assessed")
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class StatisticsConsent(models.IntegerChoices):
    """Whether a case may be counted in network statistics, kept by the consent services so
    that the figures need not look up the consents of every case. `OPEN`: a consent given on
    or before the day it was set, with no end; then the case is counted on any later day.
    `DATED`: a consent with an end or a start to come; the consent's dates decide each day."""

    NONE = 0, _("No consent to statistics")
    OPEN = 1, _("Consent to statistics without an end")
    DATED = 2, _("Consent to statistics with dates")


class CaseQuerySet(models.QuerySet["Case"]):
    def with_consent(
        self,
        purpose: str,
        *,
        recipient_id: uuid.UUID | None = None,
        on: datetime.date | None = None,
    ) -> CaseQuerySet:
        """Cases whose person has a current consent for `purpose` (and `recipient`) on `on`."""
        current = Consent.objects.current(purpose, recipient_id=recipient_id, on=on)
        return self.filter(Exists(current.filter(case_id=OuterRef("pk"))))

    def counted_in_statistics(self) -> CaseQuerySet:
        """Cases whose person agrees today to be counted: the same cases as
        `with_consent(Consent.Purpose.STATISTICS)`, without a look-up for most of them."""
        current = Consent.objects.current(Consent.Purpose.STATISTICS)
        # The mark first, so that the consents are looked up for dated ones only.
        dated = Q(statistics_consent=StatisticsConsent.DATED) & Q(
            Exists(current.filter(case_id=OuterRef("pk")))
        )
        return self.filter(Q(statistics_consent=StatisticsConsent.OPEN) | dated)

    def open(self) -> CaseQuerySet:
        return self.filter(status__in=[htcds.CaseStatus.ACTIVE, htcds.CaseStatus.FOLLOW_UP])

    def follow_up_due(self, until: datetime.date) -> CaseQuerySet:
        return self.filter(next_follow_up_on__isnull=False, next_follow_up_on__lte=until)


class Case(TimeStampedModel):
    """A person assisted by one organisation. Identifying data is only ever stored sealed."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("organisation"),
    )
    number = models.CharField(_("case number"), max_length=40)
    key_version = models.PositiveSmallIntegerField(editable=False)
    identity = models.BinaryField(editable=False)
    texts = models.BinaryField(editable=False)
    opened_on = models.DateField(_("opened on"))
    status = models.CharField(
        _("status"), max_length=16, choices=htcds.CaseStatus.choices, default="Active"
    )
    closure_reason = models.CharField(
        _("reason for closure"), max_length=20, choices=ClosureReason.choices, blank=True
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    caseworker = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("caseworker"),
    )
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    area = models.ForeignKey(
        "directory.Area",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("area"),
        help_text=_("Province or district where the person is assisted."),
    )
    gender = models.CharField(
        _("gender"), max_length=24, choices=htcds.Gender.choices, default="NonSpecifiedUnknown"
    )
    age_broad = models.CharField(
        _("age group"), max_length=8, choices=htcds.AgeBroad.choices, blank=True
    )
    citizenship = CodeListField(_("citizenship"), max_length=60)
    trafficking_status = models.CharField(
        _("trafficking status"),
        max_length=32,
        choices=htcds.TraffickingStatus.choices,
        default="PossibleVictimOfTrafficking",
    )
    status_decided_by = models.CharField(
        _("status decided by"), max_length=40, choices=htcds.StatusDecidedBy.choices, blank=True
    )
    age_when_trafficked = models.PositiveSmallIntegerField(
        _("age when trafficked"), null=True, blank=True
    )
    exploitation_types = CodeListField(
        _("types of exploitation"), choices=htcds.ExploitationType.choices
    )
    labour_industries = CodeListField(
        _("forced labour industry"), choices=htcds.LabourIndustry.choices
    )
    sexual_exploitation_types = CodeListField(
        _("type of sexual exploitation"), choices=htcds.SexualExploitationType.choices
    )
    recruitment_methods = CodeListField(
        _("methods of recruitment"), choices=htcds.RecruitmentMethod.choices
    )
    control_methods = CodeListField(_("methods of control"), choices=htcds.ControlMethod.choices)
    relationship_to_trafficker = models.CharField(
        _("relationship to trafficker"),
        max_length=16,
        choices=htcds.RelationshipToTrafficker.choices,
        blank=True,
    )
    recruitment_apps = CodeListField(
        _("recruitment websites and apps"), choices=htcds.WebsiteOrApp.choices
    )
    exploitation_apps = CodeListField(
        _("exploitation websites and apps"), choices=htcds.WebsiteOrApp.choices
    )
    risk_level = models.CharField(
        _("risk level"), max_length=8, choices=RiskLevel.choices, blank=True
    )
    needs = CodeListField(_("needs"), choices=ServiceCategory.choices)
    next_follow_up_on = models.DateField(_("next follow-up"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("last reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    statistics_consent = models.PositiveSmallIntegerField(
        _("consent to statistics"),
        choices=StatisticsConsent.choices,
        default=StatisticsConsent.NONE,
        editable=False,
    )
    # Where the first recruitment and the first exploitation step took place, kept from the
    # trafficking events by the services (see `refresh_route`) for the statistics of routes.
    route_from_country = models.ForeignKey(
        "directory.Country",
        on_delete=models.PROTECT,
        null=True,
        editable=False,
        db_index=False,
        related_name="+",
        verbose_name=_("country of recruitment"),
    )
    route_to_country = models.ForeignKey(
        "directory.Country",
        on_delete=models.PROTECT,
        null=True,
        editable=False,
        db_index=False,
        related_name="+",
        verbose_name=_("country of exploitation"),
    )
    route_from_area = models.ForeignKey(
        "directory.Area",
        on_delete=models.PROTECT,
        null=True,
        editable=False,
        db_index=False,
        related_name="+",
        verbose_name=_("area of recruitment"),
    )
    route_to_area = models.ForeignKey(
        "directory.Area",
        on_delete=models.PROTECT,
        null=True,
        editable=False,
        db_index=False,
        related_name="+",
        verbose_name=_("area of exploitation"),
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [
            models.Index(fields=["organisation", "-opened_on", "-number"], name="case_org_opened"),
            models.Index(
                fields=["organisation", "status", "-opened_on"], name="case_org_status_opened"
            ),
            models.Index(
                fields=["organisation", "caseworker", "-opened_on"], name="case_org_worker_opened"
            ),
            models.Index(fields=["organisation", "next_follow_up_on"], name="case_org_follow_up"),
            # Statistics: each GROUP BY reads one of these, never the rows themselves.
            models.Index(
                fields=["organisation", "opened_on", "gender", "statistics_consent"],
                name="case_stats_opened",
            ),
            models.Index(
                fields=["organisation", "age_broad", "area", "statistics_consent"],
                name="case_stats_place",
            ),
            models.Index(
                fields=[
                    "organisation",
                    "citizenship",
                    "exploitation_types",
                    "control_methods",
                    "recruitment_methods",
                    "statistics_consent",
                ],
                name="case_stats_codes",
            ),
            models.Index(
                fields=[
                    "organisation",
                    "route_from_country",
                    "route_to_country",
                    "route_from_area",
                    "route_to_area",
                    "statistics_consent",
                ],
                name="case_stats_route",
            ),
            # A case's organisation and consent found by its key without reading the case.
            models.Index(fields=["id", "organisation", "statistics_consent"], name="case_scope"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "number"], name="case_number_unique"),
            models.CheckConstraint(
                condition=Q(status__in=htcds.CaseStatus.values), name="case_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["Active", "FollowUp"])
                | (Q(closed_on__isnull=False) & ~Q(closure_reason="")),
                name="case_closed_has_reason_and_date",
            ),
            models.CheckConstraint(
                condition=Q(gender__in=htcds.Gender.values), name="case_gender_valid"
            ),
        ]

    def __str__(self) -> str:
        # Never a name: a case is shown in logs and errors by its number only.
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status in (htcds.CaseStatus.ACTIVE, htcds.CaseStatus.FOLLOW_UP)

    def has_consent(
        self,
        purpose: str,
        *,
        recipient_id: uuid.UUID | None = None,
        on: datetime.date | None = None,
    ) -> bool:
        current = Consent.objects.current(purpose, recipient_id=recipient_id, on=on)
        return current.filter(case_id=self.pk).exists()

    def code_labels(self, field: str) -> list[str]:
        model_field: Any = self._meta.get_field(field)
        return list(model_field.labels(getattr(self, field)))


class CaseNameToken(models.Model):
    """A blind index entry: a keyed hash of one normalised word of one of a case's names."""

    id = models.BigAutoField(primary_key=True)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    token = models.BinaryField(max_length=16)

    class Meta:
        indexes = [models.Index(fields=["organisation", "token"], name="case_token_lookup")]

    def __str__(self) -> str:
        return "name token"


class ConsentQuerySet(models.QuerySet["Consent"]):
    def current(
        self,
        purpose: str,
        *,
        recipient_id: uuid.UUID | None = None,
        on: datetime.date | None = None,
    ) -> ConsentQuerySet:
        """Consents for `purpose` given by `on`, neither expired nor withdrawn by then."""
        on = on or timezone.localdate()
        found = self.filter(purpose=purpose, given_on__lte=on).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=on),
            Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=on),
        )
        if purpose == Consent.Purpose.REFERRAL:
            found = found.filter(recipient_id=recipient_id)
        return found


class Consent(TimeStampedModel):
    """What the person agreed to, for one purpose, until it expires or is withdrawn."""

    class Purpose(models.TextChoices):
        ASSISTANCE = "assistance", _("Assistance")
        REFERRAL = "referral", _("Referral to a named organisation")
        LINKAGE = "linkage", _("Duplicate check across organisations")
        STATISTICS = "statistics", _("Inclusion in statistics")

    class GivenBy(models.TextChoices):
        PERSON = "person", _("The person")
        GUARDIAN = "guardian", _("A parent or guardian")

    class Method(models.TextChoices):
        VERBAL = "verbal", _("Verbally")
        WRITTEN = "written", _("In writing")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=12, choices=Purpose.choices)
    recipient = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation referred to"),
    )
    given_by = models.CharField(_("given by"), max_length=10, choices=GivenBy.choices)
    method = models.CharField(_("how"), max_length=10, choices=Method.choices)
    given_on = models.DateField(_("given on"))
    recorded_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["purpose", "-given_on"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        indexes = [models.Index(fields=["case", "purpose"], name="consent_case_purpose")]
        constraints = [
            models.CheckConstraint(
                condition=(Q(purpose="referral") & Q(recipient__isnull=False))
                | (~Q(purpose="referral") & Q(recipient__isnull=True)),
                name="consent_recipient_only_for_referral",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=models.F("given_on")),
                name="consent_withdrawn_after_given",
            ),
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gte=models.F("given_on")),
                name="consent_expires_after_given",
            ),
        ]

    def __str__(self) -> str:
        return str(self.get_purpose_display())

    def is_current(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return (
            self.given_on <= on
            and (self.expires_on is None or self.expires_on >= on)
            and (self.withdrawn_on is None or self.withdrawn_on > on)
        )


class TraffickingEvent(TimeStampedModel):
    """A step of what happened: recruitment, transit or exploitation, where and when."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    type = models.CharField(_("step"), max_length=16, choices=htcds.EventType.choices)
    country = models.ForeignKey(
        "directory.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country"),
    )
    area = models.ForeignKey(
        "directory.Area",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province or district"),
    )
    happened_on = models.DateField(_("date"), null=True, blank=True)
    border_crossing = models.ForeignKey(
        "directory.BorderCrossing",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("border crossing used"),
    )

    class Meta:
        ordering = ["happened_on", "created_at"]
        verbose_name = _("trafficking event")
        verbose_name_plural = _("trafficking events")
        indexes = [
            # A case's first step of a kind and where it was, without reading the events.
            models.Index(
                fields=["case", "type", "happened_on", "created_at", "country", "area"],
                name="event_case_first",
            ),
            models.Index(fields=["border_crossing", "case"], name="event_crossing_case"),
        ]


class PlanItem(TimeStampedModel):
    """One objective of the support plan; its wording is sealed like every free text."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="plan_items")
    type = models.CharField(_("kind of support"), max_length=40, choices=htcds.SupportType.choices)
    texts = models.BinaryField(editable=False)
    planned_end_on = models.DateField(_("planned end"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["planned_end_on", "created_at"]
        verbose_name = _("support plan objective")
        verbose_name_plural = _("support plan objectives")


class ServiceDelivery(TimeStampedModel):
    """Assistance given: what, when, by whom, by this organisation or one referred to."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="services")
    category = models.CharField(_("service"), max_length=20, choices=ServiceCategory.choices)
    delivered_on = models.DateField(_("date"))
    provider = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("provided by"),
    )
    delivered_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("recorded by")
    )

    class Meta:
        ordering = ["-delivered_on", "-created_at"]
        verbose_name = _("service delivered")
        verbose_name_plural = _("services delivered")
        indexes = [models.Index(fields=["category", "case"], name="service_category_case")]

    @property
    def is_referral(self) -> bool:
        return self.provider_id != self.case.organisation_id


class Note(TimeStampedModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    written_on = models.DateField(_("date"))
    author = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    texts = models.BinaryField(editable=False)

    class Meta:
        ordering = ["-written_on", "-created_at"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")


class FollowUp(TimeStampedModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="follow_ups")
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    assigned_to = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["due_on"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")


class CasePhoto(TimeStampedModel):
    """The person's photo, re-encoded without metadata and sealed like the rest of the identity."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="photo")
    sealed = models.BinaryField(editable=False)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return str(self.id)
