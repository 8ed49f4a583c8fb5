"""Import of cases from a spreadsheet in HTCDS's XLSForm column shape (CSV or XLSX).

Every row is checked first; every problem is reported with its row and column in the user's
language; nothing is imported unless every row is valid.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from panj.accounts.models import User
from panj.cases import htcds, services
from panj.cases.dates import parse_local_date
from panj.cases.identity import Identity
from panj.cases.models import Case, ClosureReason, Consent
from panj.directory.models import Area, Country, Organisation

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024

# (column, also accepted as, what it holds) in the order a template lists them.
COLUMNS: list[tuple[str, tuple[str, ...], Any]] = [
    ("con_Consent", (), gettext_lazy("TRUE: the person agreed to assistance (required)")),
    ("panj_OpenedOn", (), gettext_lazy("date of registration, YYYY-MM-DD (required)")),
    ("prs_First_Name", ("prs_FirstName",), gettext_lazy("given name (required)")),
    ("panj_FatherName", (), gettext_lazy("father's name")),
    ("prs_Second_Name", ("prs_SecondName",), gettext_lazy("family name")),
    ("panj_OtherNames", (), gettext_lazy("other names and aliases")),
    ("prs_Birthdate", (), gettext_lazy("date of birth")),
    ("panj_BirthYear", (), gettext_lazy("year of birth")),
    ("panj_EstimatedAge", (), gettext_lazy("estimated age")),
    ("prs_Gender", (), gettext_lazy("HTCDS gender value")),
    ("prs_Citizenship", (), gettext_lazy("ISO 3166 two-letter codes")),
    ("prs_MobilePhone", ("prs_HomePhone",), gettext_lazy("phone")),
    ("prs_IdentityNumber", (), gettext_lazy("identity document")),
    ("prs_MailingStreet", (), gettext_lazy("address")),
    ("panj_AreaPcode", (), gettext_lazy("P-code of the province or district")),
    ("vic_TraffickingStatus", (), gettext_lazy("HTCDS value")),
    ("vic_TraffickingStatusDecisionMakingOrg", (), gettext_lazy("HTCDS value")),
    ("vic_AgeWhenTrafficked", (), gettext_lazy("whole years")),
    ("vic_RelationshipToTrafficker", (), gettext_lazy("HTCDS value")),
    ("vic_TypeOfExploitation", (), gettext_lazy("HTCDS values, separated by spaces")),
    ("vic_ForcedLabourIndustry", (), gettext_lazy("HTCDS values, separated by spaces")),
    ("vic_TypeOfSexExploitation", (), gettext_lazy("HTCDS values, separated by spaces")),
    ("vic_MethodOfRecruitment", (), gettext_lazy("HTCDS values, separated by spaces")),
    (
        "vic_MethodsOfControl",
        ("vic_Methods_of_Control",),
        gettext_lazy("HTCDS values, separated by spaces"),
    ),
    ("vic_RecruitmentWebsitesAndApps", (), gettext_lazy("HTCDS values, separated by spaces")),
    ("vic_ExploitationWebsitesAndApps", (), gettext_lazy("HTCDS values, separated by spaces")),
    ("cas_Status", (), gettext_lazy("Active, FollowUp, Closed or ClosedReferred")),
    ("cas_ReasonForCaseClosure", (), gettext_lazy("for a closed case: a closure reason code")),
    ("panj_ClosedOn", (), gettext_lazy("for a closed case: date of closure")),
]
_ALIASES = {alias: name for name, aliases, _help in COLUMNS for alias in (name, *aliases)}

MULTI = {
    "vic_TypeOfExploitation": ("exploitation_types", htcds.ExploitationType),
    "vic_ForcedLabourIndustry": ("labour_industries", htcds.LabourIndustry),
    "vic_TypeOfSexExploitation": ("sexual_exploitation_types", htcds.SexualExploitationType),
    "vic_MethodOfRecruitment": ("recruitment_methods", htcds.RecruitmentMethod),
    "vic_MethodsOfControl": ("control_methods", htcds.ControlMethod),
    "vic_RecruitmentWebsitesAndApps": ("recruitment_apps", htcds.WebsiteOrApp),
    "vic_ExploitationWebsitesAndApps": ("exploitation_apps", htcds.WebsiteOrApp),
}
SINGLE = {
    "vic_TraffickingStatus": ("trafficking_status", htcds.TraffickingStatus),
    "vic_TraffickingStatusDecisionMakingOrg": ("status_decided_by", htcds.StatusDecidedBy),
    "vic_RelationshipToTrafficker": ("relationship_to_trafficker", htcds.RelationshipToTrafficker),
    "cas_Status": ("status", htcds.CaseStatus),
    "cas_ReasonForCaseClosure": ("closure_reason", ClosureReason),
}


class UnreadableFile(ValueError):
    pass


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportResult:
    cases: list[Case] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_rows(content: bytes, filename: str) -> list[dict[str, str]]:
    """The rows of a CSV or XLSX file as {column: text}; column names as in COLUMNS."""
    if len(content) > MAX_BYTES:
        raise UnreadableFile(_("The file is larger than 5 MB."))
    if filename.lower().endswith(".xlsx"):
        import openpyxl

        try:
            book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
            raise UnreadableFile(_("This is not a readable XLSX file.")) from error
        sheet = book["survey_data"] if "survey_data" in book.sheetnames else book.worksheets[0]
        table = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    elif filename.lower().endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UnreadableFile(_("A CSV file must be saved as UTF-8.")) from error
        table = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    else:
        raise UnreadableFile(_("Choose a .csv or .xlsx file."))
    if not table:
        raise UnreadableFile(_("The file is empty."))
    header = [_ALIASES.get(name.strip(), name.strip()) for name in table[0]]
    rows = [dict(zip(header, row, strict=False)) for row in table[1:] if any(row)]
    if len(rows) > MAX_ROWS:
        raise UnreadableFile(
            _("At most %(count)d rows can be imported at once.") % {"count": MAX_ROWS}
        )
    return rows


def _codes(text: str) -> list[str]:
    return [
        part.strip() for part in text.replace(",", " ").replace(";", " ").split() if part.strip()
    ]


class _Row:
    def __init__(self, number: int, data: dict[str, str], errors: list[RowError]) -> None:
        self.number, self.data, self.errors = number, data, errors

    def error(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.number, column, message))

    def text(self, column: str, *, required: bool = False, max_length: int = 200) -> str:
        value = self.data.get(column, "").strip()
        if required and not value:
            self.error(column, _("This column is required."))
        if len(value) > max_length:
            self.error(column, _("At most %(count)d characters.") % {"count": max_length})
        return value

    def date(self, column: str, *, required: bool = False) -> datetime.date | None:
        value = self.text(column, required=required)
        if not value:
            return None
        parsed = parse_local_date(value, solar_hijri=False)
        if parsed is None:
            self.error(column, _("Not a date: write YYYY-MM-DD (or a Solar Hijri 1404/09/06)."))
        return parsed

    def number_in(self, column: str, low: int, high: int) -> int | None:
        value = self.text(column)
        if not value:
            return None
        try:
            number = int(value)
        except ValueError:
            self.error(column, _("Not a whole number."))
            return None
        if not low <= number <= high:
            self.error(
                column, _("Must be between %(low)d and %(high)d.") % {"low": low, "high": high}
            )
            return None
        return number

    def choice(self, column: str, choices: Any) -> str | None:
        value = self.text(column)
        if value and value not in choices.values:
            self.error(column, _("Unknown value “%(value)s”.") % {"value": value[:40]})
            return None
        return value or None

    def choices(self, column: str, choices: Any) -> list[str]:
        codes = _codes(self.text(column, max_length=600))
        unknown = [code for code in codes if code not in choices.values]
        for code in unknown:
            self.error(column, _("Unknown value “%(value)s”.") % {"value": code[:40]})
        return [code for code in codes if code not in unknown]


def _parse_row(
    row: _Row, *, areas: dict[str, Any], countries: set[str], by: User | None
) -> services.NewCase | None:
    before = len(row.errors)
    consent = row.text("con_Consent", required=True).upper()
    if consent and consent not in ("TRUE", "YES", "1"):
        row.error("con_Consent", _("A case is registered only with consent to assistance (TRUE)."))
    opened_on = row.date("panj_OpenedOn", required=True)
    identity_values: dict[str, Any] = {
        "given_name": row.text("prs_First_Name", required=True, max_length=100),
        "father_name": row.text("panj_FatherName", max_length=100),
        "family_name": row.text("prs_Second_Name", max_length=100),
        "other_names": row.text("panj_OtherNames"),
        "birth_date": row.date("prs_Birthdate"),
        "birth_year": row.number_in("panj_BirthYear", 1900, 2100),
        "estimated_age": row.number_in("panj_EstimatedAge", 0, 120),
        "phone": row.text("prs_MobilePhone", max_length=40),
        "id_document": row.text("prs_IdentityNumber", max_length=100),
        "address": row.text("prs_MailingStreet", max_length=500),
    }
    values: dict[str, Any] = {}
    gender = row.choice("prs_Gender", htcds.Gender) or htcds.Gender.UNKNOWN
    citizenship = _codes(row.text("prs_Citizenship").upper())
    for code in citizenship:
        if code not in countries:
            row.error(
                "prs_Citizenship", _("Unknown country code “%(value)s”.") % {"value": code[:10]}
            )
    values["citizenship"] = citizenship
    for column, (name, choices) in SINGLE.items():
        value = row.choice(column, choices)
        if value:
            values[name] = value
    for column, (name, choices) in MULTI.items():
        values[name] = row.choices(column, choices)
    age = row.number_in("vic_AgeWhenTrafficked", 0, 120)
    if age is not None:
        values["age_when_trafficked"] = age
    closed_on = row.date("panj_ClosedOn")
    if values.get("status") in ("Closed", "ClosedReferred"):
        if not values.get("closure_reason"):
            row.error("cas_ReasonForCaseClosure", _("A closed case needs a reason for closure."))
        if closed_on is None:
            row.error("panj_ClosedOn", _("A closed case needs its date of closure."))
        values["closed_on"] = closed_on
    else:
        values.pop("closure_reason", None)
    pcode = row.text("panj_AreaPcode")
    area_id = None
    if pcode:
        area_id = areas.get(pcode)
        if area_id is None:
            row.error("panj_AreaPcode", _("No area of your country has this P-code."))
    if len(row.errors) > before or opened_on is None:
        return None
    return services.NewCase(
        identity=Identity(**{k: v for k, v in identity_values.items() if v not in ("", None)}),
        opened_on=opened_on,
        gender=gender,
        area_id=area_id,
        caseworker_id=by.pk if by else None,
        consents={Consent.Purpose.ASSISTANCE: services.ConsentInput(given_on=opened_on)},
        values=values,
    )


def validate_rows(
    *, organisation: Organisation, by: User | None, rows: list[dict[str, str]]
) -> tuple[list[services.NewCase], list[RowError]]:
    errors: list[RowError] = []
    if not rows:
        errors.append(RowError(1, "", _("The file has no rows to import.")))
    header = set().union(*(row.keys() for row in rows)) if rows else set()
    for name in sorted(header - set(_ALIASES.values())):
        errors.append(RowError(1, name, _("Unknown column.")))
    areas = dict(
        Area.objects.filter(country_id=organisation.country_id)
        .exclude(pcode="")
        .values_list("pcode", "id")
    )
    countries = set(Country.objects.values_list("iso2", flat=True))
    items: list[services.NewCase] = []
    for index, data in enumerate(rows, start=2):
        item = _parse_row(_Row(index, data, errors), areas=areas, countries=countries, by=by)
        if item is not None:
            items.append(item)
    return items, errors


def import_rows(
    *,
    organisation: Organisation,
    by: User | None,
    rows: list[dict[str, str]],
    on_valid: Callable[[int], None] | None = None,
) -> ImportResult:
    """All rows or none: with any error, nothing is written."""
    items, errors = validate_rows(organisation=organisation, by=by, rows=rows)
    if errors:
        return ImportResult(errors=errors)
    with transaction.atomic():
        cases = services.bulk_register_cases(
            organisation=organisation, by=by, items=items, action="case_import"
        )
    return ImportResult(cases=cases)
