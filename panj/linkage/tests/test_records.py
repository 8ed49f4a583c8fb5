"""People files: Solar Hijri dates and Persian digits, as Afghan registers write them."""

from __future__ import annotations

import pytest

from panj.linkage.engine import Person, RecordError, parse_people

HEADER = "id,given_name,father_name,family_name,sex,birth_date,birth_year,place"


def one(row: str) -> Person:
    return next(parse_people([HEADER, row]))


def test_it_converts_a_solar_hijri_birth_date_exactly() -> None:
    assert one("1,فرزانه,,,F,1370-05-12,,").birth_date == "1991-08-03"
    assert one("1,فرزانه,,,F,۱۳۷۰-۰۵-۱۲,,").birth_date == "1991-08-03"
    # the last day of a Solar Hijri year falls in the next Gregorian year
    assert one("1,فرزانه,,,F,1403-12-30,,").birth_date == "2025-03-20"
    # a Gregorian date stays as it is
    assert one("1,Farzana,,,F,1991-08-03,,").birth_date == "1991-08-03"


def test_it_converts_a_solar_hijri_birth_year_to_the_year_most_of_it_falls_in() -> None:
    assert one("1,فرزانه,,,F,,1370,").birth_year == 1991
    assert one("1,فرزانه,,,F,,۱۳۷۰,").birth_year == 1991
    assert one("1,Farzana,,,F,,1991,").birth_year == 1991
    assert one("1,Farzana,,,F,,1991,").year == one("1,فرزانه,,,F,,1370,").year


def test_it_reads_dates_and_years_as_spreadsheets_export_them() -> None:
    # a date with its time, a year of a column with gaps written as a decimal
    assert one("1,Farzana,,,F,1991-08-03 00:00:00,,").birth_date == "1991-08-03"
    assert one("1,Farzana,,,F,1991-08-03T00:00:00Z,,").birth_date == "1991-08-03"
    assert one("1,فرزانه,,,F,1370-05-12 00:00,,").birth_date == "1991-08-03"
    assert one("1,Farzana,,,F,,1991.0,").birth_year == 1991
    assert one("1,فرزانه,,,F,,1370.0,").birth_year == 1991


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("1,Ali,,,M,1991-08-03 noon,,", "line 2: birth_date must be YYYY-MM-DD"),
        ("1,Ali,,,M,,1991.5,", "line 2: birth_year must be a four-digit year"),
        # 1370 has no 31st day of Esfand
        ("1,Ali,,,M,1370-12-31,,", "line 2: birth_date must be YYYY-MM-DD"),
        ("1,Ali,,,M,2019-W01-1,,", "line 2: birth_date must be YYYY-MM-DD"),
        ("1,Ali,,,M,1991-8-3,,", "line 2: birth_date must be YYYY-MM-DD"),
        ("1,Ali,,,M,,۱۳۷,", "line 2: birth_year must be a four-digit year"),
    ],
)
def test_it_refuses_a_date_that_no_calendar_has(row: str, message: str) -> None:
    with pytest.raises(RecordError, match=message):
        one(row)


def test_it_names_the_lines_it_read_as_solar_hijri() -> None:
    lines: list[int] = []
    rows = ["1,فرزانه,,,F,1370-05-12,,", "2,Farzana,,,F,1991-08-03,,", "3,مریم,,,F,,۱۳۷۲,"]
    people = list(parse_people([HEADER, *rows], lines))
    assert [p.year for p in people] == [1991, 1991, 1993]
    assert lines == [2, 4]


@pytest.mark.parametrize(
    ("written", "sex"),
    [
        ("M", "M"),
        ("f", "F"),
        ("Female", "F"),
        # Cyrillic letters, as a clerk on a Cyrillic keyboard types them
        ("\u041c", "M"),
        ("Ж", "F"),
        ("жен", "F"),
        ("мард", "M"),
        ("مرد", "M"),
        ("زن", "F"),
        ("مذكر", "M"),
        ("مؤنث", "F"),
        ("x", "X"),
        ("", ""),
    ],
)
def test_it_reads_sex_as_registers_write_it(written: str, sex: str) -> None:
    assert one(f"1,Farzana,,,{written},,,").sex == sex


def test_it_refuses_a_sex_it_cannot_read() -> None:
    with pytest.raises(RecordError, match="line 2: sex must be M, F, X or empty"):
        one("1,Farzana,,,woman?,,,")


def test_it_reads_the_first_of_hamal_as_a_solar_hijri_year_alone() -> None:
    # 1 Hamal is what a tazkira writes when only the year is known
    placeholder = one("1,فرزانه,,,F,1370-01-01,,")
    assert placeholder.known_date == ""
    assert placeholder.year == one("1,فرزانه,,,F,,1370,").year == 1991
    assert one("1,فرزانه,,,F,1370-01-02,,").known_date == "1991-03-22"
    assert one("1,Farzana,,,F,1991-01-01,,").known_date == ""
