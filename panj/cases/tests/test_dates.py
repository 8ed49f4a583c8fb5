"""Dates shown and typed in Solar Hijri in Dari, Gregorian elsewhere, stored as ISO dates."""

from __future__ import annotations

import datetime

from django.utils import translation

from panj.cases.dates import LocalDateField, local_date, parse_local_date

DAY = datetime.date(2025, 11, 27)


def test_it_shows_solar_hijri_dates_in_dari():
    with translation.override("prs"):
        assert local_date(DAY) == "۱۴۰۴/۰۹/۰۶"
    with translation.override("en"):
        assert "2025" in local_date(DAY)


def test_it_reads_solar_hijri_dates_in_persian_or_latin_digits():
    assert parse_local_date("1404/09/06", solar_hijri=True) == DAY
    assert parse_local_date("۱۴۰۴/۰۹/۰۶", solar_hijri=True) == DAY
    assert parse_local_date("2025-11-27", solar_hijri=True) == DAY
    assert parse_local_date("1404/13/01", solar_hijri=True) is None
    assert parse_local_date("yesterday", solar_hijri=False) is None


def test_it_cleans_a_form_date_to_a_gregorian_date():
    with translation.override("prs"):
        field = LocalDateField()
        assert field.clean("۱۴۰۴/۰۹/۰۶") == DAY
        assert field.widget.format_value(DAY) == "1404/09/06"
    with translation.override("en"):
        assert LocalDateField().clean("2025-11-27") == DAY


def test_it_explains_the_calendar_of_the_reader():
    field = LocalDateField()
    with translation.override("prs"):
        assert "1404/09/06" in str(field.help_text)
    with translation.override("en"):
        assert "2025-11-27" in str(field.help_text)
