"""Referrals on the case page, without cases importing referrals."""

from __future__ import annotations

from typing import Any

from django import template

from panj.referrals import access

register = template.Library()


@register.inclusion_tag("referrals/case_referrals.html", takes_context=True)
def case_referrals(context: dict[str, Any], case: Any) -> dict[str, Any]:
    """The case's referrals to others, where it came from by referral, and a Refer action."""
    request = context["request"]
    referrals = access.referrals_for(request)
    sent = list(
        referrals.filter(case_id=case.pk, sender_id=case.organisation_id)
        .select_related("receiver")
        .order_by("-created_at")
    )
    received = (
        referrals.filter(receiver_case_id=case.pk, receiver_id=case.organisation_id)
        .select_related("sender")
        .first()
    )
    return {
        "case": case,
        "sent": sent,
        "received": received,
        "may_refer": context.get("may_edit", False) and case.is_open,
    }
