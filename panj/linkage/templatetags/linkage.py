"""Probable shared cases on the case pages, without cases importing linkage."""

from __future__ import annotations

from typing import Any

from django import template

from panj.accounts.access import may
from panj.accounts.roles import Perm
from panj.linkage import access

register = template.Library()


@register.inclusion_tag("linkage/case_matches.html", takes_context=True)
def shared_cases(context: dict[str, Any], case: Any) -> dict[str, Any]:
    """On a case page: the organisations that probably assist the same person."""
    request = context["request"]
    rows = list(
        access.matches_for(request).filter(case_id=case.pk).select_related("other_organisation")
    )
    return {"matches": rows, "may_refer": may(request, Perm.EDIT_CASES)}


@register.inclusion_tag("linkage/cases_notice.html", takes_context=True)
def shared_cases_notice(context: dict[str, Any]) -> dict[str, Any]:
    """On the case list: how many of the organisation's cases have a probable shared case."""
    request = context["request"]
    count = access.matches_for(request).values("case_id").distinct().count()
    return {"count": count}
