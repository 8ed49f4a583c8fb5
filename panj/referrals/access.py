"""The one way to fetch agreements and referrals for a request.

A referral is seen by its two organisations only, and by each only as far as its side goes:
the receiver never sees a draft, nor anything of the case beyond what travelled. Every
function answers the same 404 for "does not exist" and "not yours".
"""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest

from panj.accounts.access import current_membership
from panj.accounts.models import Membership
from panj.accounts.roles import Perm
from panj.audit.services import record
from panj.referrals import display, services
from panj.referrals.models import Agreement, AgreementQuerySet, Referral, ReferralQuerySet


def referral_membership(request: HttpRequest) -> Membership | None:
    """Referrals carry case data: only roles that read cases see them."""
    membership = current_membership(request)
    if membership is None or not membership.can(Perm.VIEW_CASES):
        return None
    return membership


def referrals_for(request: HttpRequest) -> ReferralQuerySet:
    """Referrals the user's organisation sent, and those it received once sent."""
    membership = referral_membership(request)
    if membership is None:
        return Referral.objects.none()
    organisation_id = membership.organisation_id
    return Referral.objects.filter(
        Q(sender_id=organisation_id) | Q(receiver_id=organisation_id, sent_at__isnull=False)
    )


def access_referral(request: HttpRequest, referral_id: uuid.UUID) -> Referral:
    try:
        return (
            referrals_for(request)
            .select_related(
                "sender", "receiver", "agreement", "sender__country", "receiver__country"
            )
            .get(id=referral_id)
        )
    except (Referral.DoesNotExist, ValueError):
        raise Http404 from None


def access_referral_for_edit(request: HttpRequest, referral_id: uuid.UUID) -> Referral:
    """A referral the user may act on: 404 if not theirs to see, 403 if only to read."""
    referral = access_referral(request, referral_id)
    membership = referral_membership(request)
    if membership is None or not membership.can(Perm.EDIT_CASES):
        raise PermissionDenied
    return referral


def side_of(request: HttpRequest, referral: Referral) -> str:
    membership = referral_membership(request)
    if membership is not None and membership.organisation_id == referral.sender_id:
        return "sender"
    return "receiver"


def record_payload_read(request: HttpRequest, referral: Referral) -> None:
    """Audit, before anything is shown, that the receiver reads what travelled."""
    record(
        action="referral_read",
        actor=request.user,
        organisation_id=referral.receiver_id,
        object_type="referral",
        object_id=str(referral.id),
        fields=referral.travelled,
        purpose="referral",
        request=request,
    )


def read_travelled(request: HttpRequest, referral: Referral) -> list[tuple[str, Any, str]]:
    """What travelled, for the receiver's eyes: audited first, then opened and described.

    The one way any page or answer of Panj shows the receiver a referral's data."""
    if not referral.payload:
        return []
    record_payload_read(request, referral)
    return display.describe(services.open_payload(referral))


def agreements_for(request: HttpRequest) -> AgreementQuerySet:
    """Agreements the organisation recorded or is a party to, by name or by its country."""
    membership = current_membership(request)
    if membership is None:
        return Agreement.objects.none()
    organisation = membership.organisation
    parties = Agreement.objects.covering(organisation.id, organisation.country_id).values("id")
    return Agreement.objects.filter(Q(organisation_id=organisation.id) | Q(id__in=parties))


def may_manage_agreements(request: HttpRequest) -> bool:
    membership = current_membership(request)
    return membership is not None and membership.can(Perm.MANAGE_AGREEMENTS)


def access_agreement(request: HttpRequest, agreement_id: uuid.UUID) -> Agreement:
    try:
        return agreements_for(request).select_related("organisation").get(id=agreement_id)
    except (Agreement.DoesNotExist, ValueError):
        raise Http404 from None


def access_agreement_for_edit(request: HttpRequest, agreement_id: uuid.UUID) -> Agreement:
    """Only the organisation that recorded an agreement changes it, by a role that may."""
    agreement = access_agreement(request, agreement_id)
    membership = current_membership(request)
    if membership is None or membership.organisation_id != agreement.organisation_id:
        raise PermissionDenied
    if not membership.can(Perm.MANAGE_AGREEMENTS):
        raise PermissionDenied
    return agreement
