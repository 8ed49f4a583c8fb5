"""What travelled, as the receiving side reads it: labels and readable values, in order."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
from typing import Any

from django.utils.functional import Promise

from panj.cases import htcds
from panj.cases.models import RiskLevel
from panj.directory.models import Area, Language, ServiceCategory
from panj.referrals import travel

_CHOICES: dict[str, Any] = {
    "gender": htcds.Gender,
    "age_broad": htcds.AgeBroad,
    "trafficking_status": htcds.TraffickingStatus,
    "exploitation_types": htcds.ExploitationType,
    "needs": ServiceCategory,
    "risk_level": RiskLevel,
}


def field_choices(names: Iterable[str]) -> list[tuple[str, str | Promise]]:
    return [(name, travel.BY_NAME[name].label) for name in travel.ordered(names)]


def _label(choices: Any, code: str) -> str:
    try:
        return str(choices(code).label)
    except ValueError:
        return code


def _readable(name: str, value: Any) -> str:
    if value in (None, "", []):
        return ""
    if name == "area":
        area = Area.objects.filter(id=uuid.UUID(str(value))).select_related("parent").first()
        if area is None:
            return ""
        return f"{area.parent.name} › {area.name}" if area.parent else area.name
    if name == "languages":
        found = {lang.code: lang.name for lang in Language.objects.filter(code__in=value)}
        return ", ".join(found.get(code, code) for code in value)
    if name == "birth_date":
        return datetime.date.fromisoformat(value).isoformat()
    if name in _CHOICES:
        codes = value if isinstance(value, list) else [value]
        return ", ".join(_label(_CHOICES[name], code) for code in codes)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def describe(
    data: dict[str, Any], *, keep_empty: Iterable[str] = ()
) -> list[tuple[str, str | Promise, str]]:
    """(name, label, readable value) for each travelled field, in the list's order."""
    names = travel.ordered([*data, *keep_empty])
    return [(name, travel.BY_NAME[name].label, _readable(name, data.get(name))) for name in names]
