"""Events of the network (workshops, trainings, meetings, field visits) and their follow-up."""

from __future__ import annotations

import datetime
import uuid
import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from panj.core.models import TimeStampedModel, localised
from panj.directory.models import Area, Country, Organisation


class Sharing(models.TextChoices):
    """Who sees an event, programme or campaign besides its own organisations."""

    NETWORK = "network", _("Every member of the network")
    PUBLIC = "public", _("The network and the public")
    INVITED = "invited", _("Only the organisations taking part")


class TimeZone(models.TextChoices):
    KABUL = "Asia/Kabul", _("Afghanistan time (Kabul)")
    DUSHANBE = "Asia/Dushanbe", _("Tajikistan time (Dushanbe)")
    UTC = "UTC", _("UTC (online events)")


class EventQuerySet(models.QuerySet["Event"]):
    def seen_by(self, organisation_id: uuid.UUID) -> EventQuerySet:
        """Events a member of the organisation may see: shared ones and those it takes part in.

        Subqueries rather than joins: no duplicate rows, so no DISTINCT over every column."""
        co_organised = Event.co_organisers.through.objects.filter(organisation_id=organisation_id)
        invited = Event.invited_organisations.through.objects.filter(
            organisation_id=organisation_id
        )
        return self.filter(
            ~Q(sharing=Sharing.INVITED)
            | Q(organisation_id=organisation_id)
            | Q(id__in=co_organised.values("event_id"))
            | Q(id__in=invited.values("event_id"))
        )

    def upcoming(self) -> EventQuerySet:
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at")


class Event(TimeStampedModel):
    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        TRAINING = "training", _("Training")
        MEETING = "meeting", _("Coordination meeting")
        FIELD_VISIT = "field_visit", _("Field visit")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title_en = models.CharField(_("title in English"), max_length=200)
    title_fr = models.CharField(_("title in French"), max_length=200, blank=True)
    title_ru = models.CharField(_("title in Russian"), max_length=200, blank=True)
    title_tg = models.CharField(_("title in Tajik"), max_length=200, blank=True)
    title_prs = models.CharField(_("title in Dari"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="events_led",
        verbose_name=_("lead organiser"),
    )
    co_organisers = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="events_co_organised",
        verbose_name=_("co-organisers"),
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("country")
    )
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("area")
    )
    place = models.CharField(
        _("place"), max_length=200, blank=True, help_text=_("Venue and town, as people know it.")
    )
    online = models.BooleanField(_("online"), default=False)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"), max_length=32, choices=TimeZone.choices, default=TimeZone.KABUL
    )
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    invited_organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="events_invited",
        verbose_name=_("invited organisations"),
    )
    invited_people = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="events_invited",
        verbose_name=_("invited people"),
    )
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="events_attended",
        verbose_name=_("Panj users who attended"),
    )
    documents = models.ManyToManyField(
        "knowledge.LibraryItem", blank=True, related_name="events", verbose_name=_("documents")
    )
    outcomes = models.TextField(_("outcomes"), blank=True)
    sharing = models.CharField(
        _("who sees it"), max_length=16, choices=Sharing.choices, default=Sharing.NETWORK
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["starts_at"], name="event_starts_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["workshop", "training", "meeting", "field_visit"]),
                name="event_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(sharing__in=["network", "public", "invited"]),
                name="event_sharing_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localised(self, "title")

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self) -> datetime.datetime:
        return timezone.localtime(self.starts_at, self.zone)

    @property
    def local_end(self) -> datetime.datetime:
        return timezone.localtime(self.ends_at, self.zone)

    def organiser_ids(self) -> set[object]:
        return {self.organisation_id, *(o.pk for o in self.co_organisers.all())}


class AgendaItem(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda")
    day = models.DateField(_("day"))
    starts = models.TimeField(_("time"))
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        ordering = ["day", "starts", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title


class AttendanceCount(models.Model):
    """How many people of one organisation came, by sex: the numbers reports need. People
    from outside the network are counted under the organisation name they give."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attendance")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    other_organisation = models.CharField(
        _("organisation outside the network"), max_length=200, blank=True
    )
    women = models.PositiveIntegerField(_("women and girls"), default=0)
    men = models.PositiveIntegerField(_("men and boys"), default=0)
    other = models.PositiveIntegerField(_("another or not given"), default=0)

    class Meta:
        ordering = ["id"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) ^ ~Q(other_organisation=""),
                name="attendance_names_one_organisation",
            ),
            models.UniqueConstraint(
                fields=["event", "organisation"],
                condition=Q(organisation__isnull=False),
                name="attendance_once_per_organisation",
            ),
        ]

    def __str__(self) -> str:
        return self.organisation_name

    @property
    def organisation_name(self) -> str:
        return self.organisation.name if self.organisation else self.other_organisation

    @property
    def total(self) -> int:
        return self.women + self.men + self.other


class ActionQuerySet(models.QuerySet["FollowUpAction"]):
    def pending(self) -> ActionQuerySet:
        return self.filter(
            status__in=[FollowUpAction.Status.OPEN, FollowUpAction.Status.IN_PROGRESS]
        )

    def overdue(self, today: datetime.date | None = None) -> ActionQuerySet:
        return self.pending().filter(due_on__lt=today or timezone.localdate())


class FollowUpAction(TimeStampedModel):
    """Something agreed at an event that an organisation promised to do by a date."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField(_("what is to be done"))
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="event_actions",
        verbose_name=_("owner organisation"),
    )
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "created_at"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        indexes = [
            models.Index(fields=["organisation", "due_on"], name="action_owner_due_idx"),
            # Overdue lists walk this in due order, skipping what is done: no sort.
            models.Index(fields=["due_on"], name="action_due_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["open", "in_progress", "done", "dropped"]),
                name="action_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(done_on__isnull=True) | Q(status="done"),
                name="action_done_on_only_when_done",
            ),
        ]

    def __str__(self) -> str:
        return self.description[:80]

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        pending = self.status in (self.Status.OPEN, self.Status.IN_PROGRESS)
        return pending and self.due_on < (today or timezone.localdate())
