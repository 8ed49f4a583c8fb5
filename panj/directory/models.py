"""Who does what where: places, organisations of the network, their offices and services."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from panj.core.models import MultilingualName, TimeStampedModel, UUIDModel, localised


class Language(models.Model):
    """A language people are served in, by ISO 639 code (639-3 where 639-1 has none)."""

    code = models.CharField(_("code"), max_length=8, primary_key=True)
    name_en = models.CharField(_("name in English"), max_length=80)
    name_fr = models.CharField(_("name in French"), max_length=80, blank=True)
    name_ru = models.CharField(_("name in Russian"), max_length=80, blank=True)
    name_tg = models.CharField(_("name in Tajik"), max_length=80, blank=True)
    name_prs = models.CharField(_("name in Dari"), max_length=80, blank=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localised(self, "name")


class Country(MultilingualName, UUIDModel):
    iso2 = models.CharField(_("ISO 3166 alpha-2 code"), max_length=2, unique=True)
    iso3 = models.CharField(_("ISO 3166 alpha-3 code"), max_length=3, unique=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")


class AreaQuerySet(models.QuerySet["Area"]):
    def provinces(self) -> AreaQuerySet:
        return self.filter(level=Area.Level.PROVINCE)

    def districts(self) -> AreaQuerySet:
        return self.filter(level=Area.Level.DISTRICT)


class Area(MultilingualName, UUIDModel):
    """An administrative area: a province or region, or a district within it."""

    class Level(models.IntegerChoices):
        PROVINCE = 1, _("Province or region")
        DISTRICT = 2, _("District")

    key = models.SlugField(_("key"), max_length=80, unique=True)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="areas", verbose_name=_("country")
    )
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    pcode = models.CharField(
        _("P-code"),
        max_length=20,
        blank=True,
        help_text=_("OCHA place code; empty where no code is known for certain."),
    )
    on_border = models.BooleanField(_("on the Afghanistan–Tajikistan border"), default=False)

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["country__iso2", "level", "name_en"]
        verbose_name = _("administrative area")
        verbose_name_plural = _("administrative areas")
        constraints = [
            models.UniqueConstraint(
                fields=["pcode"], condition=~Q(pcode=""), name="area_pcode_unique_when_set"
            ),
            models.CheckConstraint(
                condition=(Q(level=1) & Q(parent__isnull=True))
                | (Q(level=2) & Q(parent__isnull=False)),
                name="area_district_has_province",
            ),
        ]


class BorderCrossing(MultilingualName, UUIDModel):
    class Kind(models.TextChoices):
        BRIDGE = "bridge", _("Bridge")
        RIVER_PORT = "river_port", _("River port")
        ROAD = "road", _("Road crossing")

    key = models.SlugField(_("key"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    afghan_area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="+", verbose_name=_("Afghan side")
    )
    tajik_area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="+", verbose_name=_("Tajik side")
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("border crossing")
        verbose_name_plural = _("border crossings")


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def active(self) -> OrganisationQuerySet:
        return self.filter(status=Organisation.Status.ACTIVE)

    def public(self) -> OrganisationQuerySet:
        return self.active().filter(is_public=True)


class Organisation(TimeStampedModel):
    class Kind(models.TextChoices):
        NGO = "ngo", _("NGO")
        IOM_MISSION = "iom", _("IOM mission")
        UN_AGENCY = "un", _("UN agency")
        GOVERNMENT = "government", _("Government body")
        DONOR = "donor", _("Donor")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active member")
        SUSPENDED = "suspended", _("Suspended")

    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_local = models.CharField(
        _("name in local script"),
        max_length=200,
        blank=True,
        help_text=_("The organisation's name as its staff write it, in Dari or Tajik script."),
    )
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("country")
    )
    description_en = models.TextField(_("description in English"), blank=True)
    description_fr = models.TextField(_("description in French"), blank=True)
    description_ru = models.TextField(_("description in Russian"), blank=True)
    description_tg = models.TextField(_("description in Tajik"), blank=True)
    description_prs = models.TextField(_("description in Dari"), blank=True)
    languages = models.ManyToManyField(
        Language, blank=True, related_name="organisations", verbose_name=_("languages spoken")
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_public = models.BooleanField(
        _("public profile"),
        default=False,
        help_text=_(
            "Shown on the network's public pages. Leave unticked if being listed "
            "publicly would put your staff or the people you serve at risk."
        ),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    case_number_prefix = models.CharField(
        _("case number prefix"), max_length=20, blank=True, help_text=_("For example AF-KDZ.")
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["ngo", "iom", "un", "government", "donor"]),
                name="organisation_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def description(self) -> str:
        return localised(self, "description")


class Office(TimeStampedModel):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="offices")
    name = models.CharField(_("name"), max_length=200)
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="offices", verbose_name=_("area")
    )
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_main = models.BooleanField(_("main office"), default=False)

    class Meta:
        ordering = ["-is_main", "name"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    def __str__(self) -> str:
        return self.name


class FocalPoint(TimeStampedModel):
    """A named contact person of an organisation: seen by network members only."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="focal_points"
    )
    name = models.CharField(_("name"), max_length=150)
    function = models.CharField(_("function"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    languages = models.ManyToManyField(
        Language, blank=True, related_name="+", verbose_name=_("languages")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")

    def __str__(self) -> str:
        return self.name


class ServiceCategory(models.TextChoices):
    SHELTER = "shelter", _("Shelter")
    MEDICAL = "medical", _("Medical care")
    PSYCHOSOCIAL = "psychosocial", _("Psychosocial support")
    LEGAL = "legal", _("Legal aid")
    FAMILY_TRACING = "family_tracing", _("Family tracing")
    RETURN = "return", _("Return and reintegration")
    LIVELIHOODS = "livelihoods", _("Livelihoods")
    EDUCATION = "education", _("Education")
    HOTLINE = "hotline", _("Hotline")
    AWARENESS = "awareness", _("Awareness raising")
    OTHER = "other", _("Other")


class ServiceQuerySet(models.QuerySet["Service"]):
    def active(self) -> ServiceQuerySet:
        return self.filter(is_active=True, organisation__status=Organisation.Status.ACTIVE)


class Service(TimeStampedModel):
    class Cost(models.TextChoices):
        FREE = "free", _("Free of charge")
        SUBSIDISED = "subsidised", _("Partly paid")
        PAID = "paid", _("Paid")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="services"
    )
    category = models.CharField(_("category"), max_length=20, choices=ServiceCategory.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    office = models.ForeignKey(
        Office,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="services",
        verbose_name=_("office"),
    )
    areas = models.ManyToManyField(
        Area, blank=True, related_name="services", verbose_name=_("areas covered")
    )
    for_women = models.BooleanField(_("women and girls"), default=True)
    for_men = models.BooleanField(_("men and boys"), default=True)
    for_children = models.BooleanField(_("children (under 18)"), default=True)
    for_adults = models.BooleanField(_("adults"), default=True)
    languages = models.ManyToManyField(
        Language, blank=True, related_name="services", verbose_name=_("languages")
    )
    cost = models.CharField(_("cost"), max_length=12, choices=Cost.choices, default=Cost.FREE)
    referral_contact = models.CharField(
        _("referral contact"),
        max_length=200,
        blank=True,
        help_text=_("Who to call or write to when referring someone."),
    )
    is_active = models.BooleanField(_("offered now"), default=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["category", "name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        constraints = [
            models.CheckConstraint(
                condition=Q(for_women=True) | Q(for_men=True), name="service_serves_someone"
            ),
            models.CheckConstraint(
                condition=Q(for_children=True) | Q(for_adults=True),
                name="service_serves_some_age",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Application(TimeStampedModel):
    """An organisation's request to join the network, reviewed by a network coordinator."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    organisation_name = models.CharField(_("organisation name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Organisation.Kind.choices)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, verbose_name=_("country"))
    website = models.URLField(_("website"), blank=True)
    work_description = models.TextField(
        _("what you do and where"), help_text=_("Services, areas, people you assist.")
    )
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    reviewed_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    decision_note = models.TextField(_("note on the decision"), blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")

    def __str__(self) -> str:
        return self.organisation_name
