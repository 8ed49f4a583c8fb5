"""Import from a spreadsheet in HTCDS columns: every row checked, all or nothing."""

from __future__ import annotations

import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from panj.cases import imports, services
from panj.cases.models import Case
from panj.cli import main

HEADER = (
    "con_Consent,panj_OpenedOn,prs_First_Name,prs_Second_Name,prs_Gender,prs_Citizenship,"
    "vic_TypeOfExploitation,vic_Methods_of_Control,cas_Status\n"
)
GOOD = [
    "TRUE,2025-10-01,فرزانه,احمدی,Feminine,AF,ForcedMarriage,DebtBondage FalsePromises,Active\n",
    "TRUE,2025-10-02,Фарзона,Каримова,Feminine,TJ AF,ForcedLabour,,FollowUp\n",
    "TRUE,1404/07/12,Zarina,Noori,Feminine,,SexualExploitation,,Active\n",
]
BAD = "TRUE,2025-13-40,Bad,Row,Femme,XX,ForcedLabour,,Active\n"


def _csv(*rows: str) -> bytes:
    return (HEADER + "".join(rows)).encode()


def test_it_imports_every_valid_row(ngo_af, alice):
    rows = imports.read_rows(_csv(*GOOD), "cases.csv")
    result = imports.import_rows(organisation=ngo_af, by=alice, rows=rows)
    assert not result.errors and len(result.cases) == 3
    case = Case.objects.get(id=result.cases[0].id)
    assert services.identity_of(case).given_name == "فرزانه"
    assert case.control_methods == ["DebtBondage", "FalsePromises"]
    assert Case.objects.get(id=result.cases[2].id).opened_on.isoformat() == "2025-10-04"


def test_it_imports_nothing_when_one_row_is_bad_and_names_it(ngo_af, alice):
    rows = imports.read_rows(_csv(GOOD[0], BAD, GOOD[1]), "cases.csv")
    result = imports.import_rows(organisation=ngo_af, by=alice, rows=rows)
    assert not Case.objects.exists() and not result.cases
    assert {(e.row, e.column) for e in result.errors} == {
        (3, "panj_OpenedOn"),
        (3, "prs_Gender"),
        (3, "prs_Citizenship"),
    }


def test_it_reports_errors_in_the_users_language(ngo_af, alice):
    rows = imports.read_rows(_csv(BAD), "cases.csv")
    with translation.override("fr"):
        errors = imports.import_rows(organisation=ngo_af, by=alice, rows=rows).errors
    assert errors  # messages go through gettext; the catalogues come with the translations


def test_it_reads_xlsx_files(ngo_af, alice):
    book = openpyxl.Workbook()
    sheet = book.active
    for line in (HEADER, *GOOD):
        sheet.append(line.strip().split(","))
    buffer = io.BytesIO()
    book.save(buffer)
    rows = imports.read_rows(buffer.getvalue(), "cases.xlsx")
    result = imports.import_rows(organisation=ngo_af, by=alice, rows=rows)
    assert len(result.cases) == 3


def test_it_rejects_unknown_columns(ngo_af, alice):
    rows = imports.read_rows(
        b"con_Consent,panj_OpenedOn,prs_First_Name,favourite_colour\nTRUE,2025-01-01,A,blue\n",
        "x.csv",
    )
    errors = imports.import_rows(organisation=ngo_af, by=alice, rows=rows).errors
    assert [(e.row, e.column) for e in errors] == [(1, "favourite_colour")]


def test_it_imports_through_the_web_page(client_for, alice, ngo_af, audit_calls):
    upload = SimpleUploadedFile("cases.csv", _csv(*GOOD), content_type="text/csv")
    response = client_for(alice).post(reverse("cases:import"), {"file": upload})
    assert response.status_code == 302
    assert Case.objects.filter(organisation=ngo_af).count() == 3
    assert sum(call["action"] == "case_import" for call in audit_calls) == 3


def test_it_shows_every_error_on_the_web_page(client_for, alice, ngo_af):
    upload = SimpleUploadedFile("cases.csv", _csv(GOOD[0], BAD), content_type="text/csv")
    response = client_for(alice).post(reverse("cases:import"), {"file": upload})
    assert response.status_code == 200 and not Case.objects.exists()
    assert b"panj_OpenedOn" in response.content and b"<td>3</td>" in response.content


def test_it_imports_from_the_command_line(ngo_af, tmp_path, capsys):
    path = tmp_path / "cases.csv"
    path.write_bytes(_csv(GOOD[0], BAD))
    assert main(["cases", "import", "--organisation", ngo_af.slug, str(path)]) == 1
    assert "row 3" in capsys.readouterr().err
    path.write_bytes(_csv(*GOOD))
    assert main(["cases", "import", "--organisation", ngo_af.slug, str(path)]) == 0
    assert Case.objects.filter(organisation=ngo_af).count() == 3
