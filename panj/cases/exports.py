"""De-identified export of an organisation's cases in HTCDS columns, for statistics."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.http import HttpRequest, StreamingHttpResponse

from panj.audit.services import record
from panj.cases.models import Case, Consent
from panj.directory.models import Organisation

# HTCDS variable names, and the Case fields they come from. No name, date of birth, contact,
# case number or free text: what identifies a person never leaves in an export.
HTCDS_COLUMNS: list[tuple[str, str]] = [
    ("yearRegister", "year"),
    ("prs_Gender", "gender"),
    ("ageBroad", "age_broad"),
    ("prs_Citizenship", "citizenship"),
    ("vic_TraffickingStatus", "trafficking_status"),
    ("vic_TraffickingStatusDecisionMakingOrg", "status_decided_by"),
    ("vic_AgeWhenTrafficked", "age_when_trafficked"),
    ("vic_TypeOfExploitation", "exploitation_types"),
    ("vic_ForcedLabourIndustry", "labour_industries"),
    ("vic_TypeOfSexExploitation", "sexual_exploitation_types"),
    ("vic_MethodOfRecruitment", "recruitment_methods"),
    ("vic_MethodsOfControl", "control_methods"),
    ("vic_RelationshipToTrafficker", "relationship_to_trafficker"),
    ("vic_RecruitmentWebsitesAndApps", "recruitment_apps"),
    ("vic_ExploitationWebsitesAndApps", "exploitation_apps"),
    ("cas_Status", "status"),
]


class _Echo:
    def write(self, value: str) -> str:
        return value


def statistics_rows(organisation: Organisation) -> Iterator[list[str]]:
    """Rows of the cases whose person agreed to be counted in statistics, today."""
    yield [name for name, _field in HTCDS_COLUMNS]
    cases = (
        Case.objects.filter(organisation=organisation)
        .with_consent(Consent.Purpose.STATISTICS)
        .order_by("opened_on", "id")
    )
    for case in cases.iterator(chunk_size=2000):
        row = []
        for _name, attr in HTCDS_COLUMNS:
            value = case.opened_on.year if attr == "year" else getattr(case, attr)
            if isinstance(value, list):
                value = ";".join(value)
            row.append("" if value is None else str(value))
        yield row


def htcds_csv_response(
    request: HttpRequest, *, organisation: Organisation
) -> StreamingHttpResponse:
    record(
        action="case_export",
        actor=request.user,
        organisation_id=organisation.id,
        object_type="case_export",
        fields=tuple(name for name, _field in HTCDS_COLUMNS),
        purpose="statistics",
        request=request,
    )
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in statistics_rows(organisation)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="cases-htcds.csv"'
    return response
