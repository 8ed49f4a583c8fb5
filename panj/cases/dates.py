"""Dates in the user's calendar: Solar Hijri in Dari, Gregorian elsewhere; ISO in storage."""

from __future__ import annotations

import datetime
import re
from typing import Any

import jdatetime
from django import forms
from django.utils import formats, timezone
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

_PERSIAN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_TO_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_DATE = re.compile(r"^\s*(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$")


def uses_solar_hijri(language: str | None = None) -> bool:
    return (language or get_language() or "").split("-")[0] == "prs"


def to_solar_hijri(day: datetime.date, *, persian_digits: bool = True) -> str:
    text: str = jdatetime.date.fromgregorian(date=day).strftime("%Y/%m/%d")
    return text.translate(_TO_PERSIAN) if persian_digits else text


def week_end() -> datetime.date:
    """The last day of "this week" for follow-ups: seven days from today."""
    return timezone.localdate() + datetime.timedelta(days=7)


def local_date(day: datetime.date | None) -> str:
    if day is None:
        return ""
    if uses_solar_hijri():
        return to_solar_hijri(day)
    return str(formats.date_format(day, "DATE_FORMAT"))


def parse_local_date(text: str, *, solar_hijri: bool) -> datetime.date | None:
    """`1404/09/06` (Persian or Latin digits) in Dari; `2025-11-27` everywhere."""
    match = _DATE.match(text.translate(_PERSIAN_DIGITS))
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        # A year below 1700 can only be a Solar Hijri year, whatever the language.
        if year < 1700:
            gregorian: datetime.date = jdatetime.date(year, month, day).togregorian()
            return gregorian
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _date_help_now() -> str:
    if uses_solar_hijri():
        return str(_("Solar Hijri, year/month/day, for example 1404/09/06."))
    return str(_("Year-month-day, for example 2025-11-27."))


_date_help = lazy(_date_help_now, str)


class LocalDateInput(forms.TextInput):
    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"inputmode": "numeric", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, datetime.date):
            if uses_solar_hijri():
                return to_solar_hijri(value, persian_digits=False)
            return value.isoformat()
        formatted: str | None = super().format_value(value)
        return formatted


class LocalDateField(forms.DateField):
    """A date typed in the user's calendar; the cleaned value is a Gregorian date."""

    widget = LocalDateInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not self.help_text:
            # Fields are built once, at import: the calendar is chosen when the page renders.
            self.help_text = _date_help()

    def to_python(self, value: Any) -> datetime.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        parsed = parse_local_date(str(value), solar_hijri=uses_solar_hijri())
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed
