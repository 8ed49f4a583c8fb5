"""What of a case may travel with a referral: the one list of fields, and the minimum per service.

A referral carries the minimum that the services asked for need, cut down to what the
data-sharing agreement allows; the caseworker may remove more but never add. Field names
here are the names stored with a referral (names only, never values) and shown to both sides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from panj.directory.models import ServiceCategory


@dataclass(frozen=True)
class TravelField:
    name: str
    label: str | Promise
    # Where it comes from: "identity" (sealed), "case" (a plain field of the case),
    # "texts" (sealed free text of the case) or "referral" (written for this referral).
    source: str
    identifying: bool = False


FIELDS: tuple[TravelField, ...] = (
    TravelField("given_name", _("Given name"), "identity", identifying=True),
    TravelField("family_name", _("Family name"), "identity", identifying=True),
    TravelField("father_name", _("Father's name"), "identity", identifying=True),
    TravelField("birth_year", _("Year of birth"), "identity"),
    TravelField("birth_date", _("Date of birth"), "identity", identifying=True),
    TravelField("phone", _("Contact phone"), "identity", identifying=True),
    TravelField("id_document", _("Identity document"), "identity", identifying=True),
    TravelField("address", _("Home address"), "identity", identifying=True),
    TravelField("gender", _("Gender"), "case"),
    TravelField("age_broad", _("Age group"), "case"),
    TravelField("citizenship", _("Citizenship"), "case"),
    TravelField("area", _("Where the person is now"), "case"),
    TravelField("trafficking_status", _("Trafficking status"), "case"),
    TravelField("exploitation_types", _("Types of exploitation"), "case"),
    TravelField("needs", _("Needs"), "case"),
    TravelField("risk_level", _("Risk level"), "case"),
    TravelField("risk_assessment", _("Risk assessment"), "texts"),
    TravelField("languages", _("Languages spoken"), "referral"),
    TravelField("note", _("Note for the receiving organisation"), "referral"),
)

BY_NAME: dict[str, TravelField] = {field.name: field for field in FIELDS}
NAMES: tuple[str, ...] = tuple(field.name for field in FIELDS)
CHOICES: list[tuple[str, str | Promise]] = [(field.name, field.label) for field in FIELDS]

# What every receiver needs to meet the person and talk with them.
_ALWAYS = ("given_name", "gender", "age_broad", "languages", "note")

# The minimum each kind of service needs, on top of the above: a shelter must know who arrives,
# when and how urgent; legal aid and return need the documents; tracing needs the family.
MINIMUM: dict[str, tuple[str, ...]] = {
    ServiceCategory.SHELTER: (
        "family_name",
        "birth_year",
        "phone",
        "area",
        "needs",
        "risk_level",
        "risk_assessment",
    ),
    ServiceCategory.MEDICAL: ("family_name", "birth_year", "phone", "needs"),
    ServiceCategory.PSYCHOSOCIAL: ("phone", "needs", "risk_level"),
    ServiceCategory.LEGAL: (
        "family_name",
        "father_name",
        "birth_date",
        "citizenship",
        "id_document",
        "trafficking_status",
        "exploitation_types",
    ),
    ServiceCategory.FAMILY_TRACING: (
        "family_name",
        "father_name",
        "birth_year",
        "citizenship",
        "address",
    ),
    ServiceCategory.RETURN: (
        "family_name",
        "father_name",
        "birth_date",
        "citizenship",
        "id_document",
        "address",
        "phone",
        "trafficking_status",
        "needs",
    ),
    ServiceCategory.LIVELIHOODS: ("phone", "area", "needs"),
    ServiceCategory.EDUCATION: ("birth_year", "area", "needs"),
    ServiceCategory.HOTLINE: ("phone",),
    ServiceCategory.AWARENESS: (),
    ServiceCategory.OTHER: ("phone", "needs"),
}


def ordered(names: Iterable[str]) -> list[str]:
    """Known field names in the order of `FIELDS`, unknown ones dropped."""
    wanted = set(names)
    return [name for name in NAMES if name in wanted]


def minimum_for(categories: Iterable[str]) -> list[str]:
    """The fields the services of these categories need, in list order."""
    needed = set(_ALWAYS)
    for category in categories:
        needed.update(MINIMUM.get(category, MINIMUM[ServiceCategory.OTHER]))
    return ordered(needed)


def fields_that_may_travel(categories: Iterable[str], allowed: Iterable[str]) -> list[str]:
    """The minimum for the services, within an agreement's allow-list."""
    permitted = set(allowed)
    return [name for name in minimum_for(categories) if name in permitted]
