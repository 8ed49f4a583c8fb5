"""Template filters of the case pages."""

from __future__ import annotations

import datetime
from typing import Any

from django import template

from panj.cases import dates

register = template.Library()


@register.filter
def local_date(day: datetime.date | None) -> str:
    """A date in the reader's calendar: Solar Hijri in Dari, Gregorian otherwise."""
    return dates.local_date(day)


@register.filter
def codes(case: Any, field: str) -> str:
    """The translated labels of a coded list field of a case, joined."""
    return ", ".join(case.code_labels(field))
