"""The referrals panel of the home page: what waits for the user's organisation."""

from __future__ import annotations

from django.http import HttpRequest

from panj.accounts.roles import Perm
from panj.core.panels import HomePanel
from panj.referrals import access
from panj.referrals.models import Referral


def panel(request: HttpRequest) -> HomePanel | None:
    membership = access.referral_membership(request)
    if membership is None:
        return None
    organisation_id = membership.organisation_id
    approver = membership.can(Perm.APPROVE_REFERRALS)
    context = {
        "incoming": Referral.objects.incoming(organisation_id)
        .filter(status=Referral.Status.SENT)
        .count(),
        "news": Referral.objects.filter(sender_id=organisation_id, news_for_sender=True).count(),
        "approval": Referral.objects.awaiting_approval(organisation_id).count() if approver else 0,
        "approver": approver,
    }
    return HomePanel(template="referrals/home_panel.html", context=context)
