"""Referrals through the API: the organisation's list, and one referral as its page shows it.

Every referral comes through `panj.referrals.access`; the receiving side reads what travelled
exactly as on the referral page, and each such read is audited the same way.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router

from panj.accounts.models import Membership
from panj.directory.models import Organisation, ServiceCategory
from panj.referrals import access, display, services
from panj.referrals.models import DeclineReason, Outcome, Referral
from panj.referrals.models import ReferralEvent as Event

from . import schemas

PAGE_SIZE = 25

router = Router(tags=["referrals"])


def _membership(request: HttpRequest) -> Membership:
    membership = access.referral_membership(request)
    if membership is None:
        raise PermissionDenied(_("Your role does not let you read referrals."))
    return membership


def _coded(code: str, label: object) -> schemas.Coded:
    return schemas.Coded(code=code, label=str(label))


def _organisation(organisation: Organisation) -> schemas.Organisation:
    return schemas.Organisation(slug=organisation.slug, name=organisation.name)


def _summary(referral: Referral, organisation_id: uuid.UUID) -> schemas.ReferralSummary:
    return schemas.ReferralSummary(
        id=referral.id,
        direction="outgoing" if referral.sender_id == organisation_id else "incoming",
        status=_coded(referral.status, referral.get_status_display()),
        sender=_organisation(referral.sender),
        receiver=_organisation(referral.receiver),
        cross_border=referral.cross_border,
        categories=[
            _coded(code, ServiceCategory(code).label)
            for code in referral.categories
            if code in ServiceCategory.values
        ],
        services_asked=[
            schemas.ServiceAsked(
                id=service.id,
                name=service.name,
                category=_coded(service.category, service.get_category_display()),
            )
            for service in referral.services.all()
        ],
        urgency=_coded(referral.urgency, referral.get_urgency_display()),
        created_at=referral.created_at,
        sent_at=referral.sent_at,
        answered_at=referral.answered_at,
    )


@router.get(
    "/",
    response={200: schemas.ReferralPage, 403: schemas.Problem, 422: schemas.InvalidParameters},
    url_name="referrals",
    summary="The organisation's referrals, newest first",
)
def referral_list(
    request: HttpRequest, filters: Query[schemas.ReferralFilters]
) -> schemas.ReferralPage:
    """Incoming referrals once sent, and outgoing ones; nothing of the case."""
    membership = _membership(request)
    # As the inbox does: an overdue referral is shown expired without a scheduler.
    services.expire_overdue_referrals()
    organisation_id = membership.organisation_id
    rows = access.referrals_for(request)
    if filters.direction == "incoming":
        rows = rows.filter(receiver_id=organisation_id)
    elif filters.direction == "outgoing":
        rows = rows.filter(sender_id=organisation_id)
    if filters.status is not None:
        rows = rows.filter(status=filters.status)
    offset = (filters.page - 1) * PAGE_SIZE
    found = list(
        rows.select_related("sender", "receiver")
        .prefetch_related("services")
        .order_by("-created_at", "-id")[offset : offset + PAGE_SIZE]
    )
    return schemas.ReferralPage(
        count=rows.count(),
        page=filters.page,
        page_size=PAGE_SIZE,
        items=[_summary(referral, organisation_id) for referral in found],
    )


def _travelled(request: HttpRequest, referral: Referral) -> list[schemas.TravelledField]:
    if access.side_of(request, referral) == "receiver":
        # What the referral page shows the receiver, read and audited the same way.
        return [
            schemas.TravelledField(name=name, label=str(label), value=value)
            for name, label, value in access.read_travelled(request, referral)
        ]
    # The sender sees the names of what was sent, as on its page, and no values.
    return [
        schemas.TravelledField(name=name, label=str(label), value=None)
        for name, label in display.field_choices(referral.travelled)
    ]


def _detail_label(code: str) -> schemas.Coded | None:
    for choices in (DeclineReason, Outcome, ServiceCategory):
        if code in choices.values:
            return _coded(code, choices(code).label)
    return None


def _step(event: Event) -> schemas.Step:
    organisation = event.organisation
    return schemas.Step(
        step=_coded(event.kind, event.get_kind_display()),
        at=event.at,
        detail=_detail_label(event.detail) if event.detail else None,
        organisation=(organisation.acronym or organisation.name) if organisation else None,
    )


@router.get(
    "/{referral_id}/",
    response={200: schemas.ReferralDetail, 404: schemas.Problem, 422: schemas.InvalidParameters},
    url_name="referral",
    summary="One referral: what travelled, as far as the organisation's side goes, and its steps",
)
def referral_detail(request: HttpRequest, referral_id: uuid.UUID) -> schemas.ReferralDetail:
    """The receiver reads the travelled values (each read is audited); the sender their names."""
    referral = access.access_referral(request, referral_id)
    membership = _membership(request)
    travelled = _travelled(request, referral)
    return schemas.ReferralDetail(
        **_summary(referral, membership.organisation_id).model_dump(),
        reason=_coded(referral.reason, referral.get_reason_display()),
        agreement=schemas.Agreement(id=referral.agreement_id, title=referral.agreement.title),
        due_at=referral.due_at,
        decline_reason=(
            _coded(referral.decline_reason, referral.get_decline_reason_display())
            if referral.decline_reason
            else None
        ),
        outcome=(
            _coded(referral.outcome, referral.get_outcome_display()) if referral.outcome else None
        ),
        travelled=travelled,
        timeline=[_step(event) for event in referral.events.select_related("organisation")],
    )
