"""The one way to fetch cases and their rows for a request; reads are audited here.

Every function answers the same 404 for a case that does not exist and for one that belongs
to another organisation, and a read is recorded in the audit log before any data leaves.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from panj.accounts.access import current_membership
from panj.accounts.models import Membership
from panj.accounts.roles import Perm
from panj.audit.services import record
from panj.cases.models import Case, CaseQuerySet, Consent, FollowUp

ASSISTANCE = "assistance"
REVIEW = "review"


def case_membership(request: HttpRequest) -> Membership | None:
    membership = current_membership(request)
    if membership is None or not membership.can(Perm.VIEW_CASES):
        return None
    return membership


def cases_for(request: HttpRequest) -> CaseQuerySet:
    """The cases of the user's current organisation, for roles that read cases; else none."""
    membership = case_membership(request)
    if membership is None:
        return Case.objects.none()
    return Case.objects.filter(organisation_id=membership.organisation_id)


def may_edit(request: HttpRequest) -> bool:
    membership = case_membership(request)
    return membership is not None and membership.can(Perm.EDIT_CASES)


def may_review(request: HttpRequest) -> bool:
    membership = case_membership(request)
    return membership is not None and membership.can(Perm.REVIEW_CASES)


def purpose_of(request: HttpRequest, case: Case) -> str:
    """A supervisor opening someone else's case reads it to review; everyone else to assist."""
    if may_review(request) and case.caseworker_id != request.user.pk:
        return REVIEW
    return ASSISTANCE


def _get(request: HttpRequest, case_id: uuid.UUID) -> Case:
    try:
        return (
            cases_for(request).select_related("caseworker", "area", "organisation").get(id=case_id)
        )
    except (Case.DoesNotExist, ValueError):
        raise Http404 from None


def access_case(
    request: HttpRequest, case_id: uuid.UUID, *, fields: tuple[str, ...] = ("summary",)
) -> Case:
    """A case of the user's organisation, its read recorded with the purpose it serves."""
    case = _get(request, case_id)
    record_read(request, case, fields=fields)
    return case


def record_read(
    request: HttpRequest, case: Case, *, fields: tuple[str, ...], action: str = "case_read"
) -> None:
    """Audit what of a case the user is about to see, with the purpose it serves."""
    record(
        action=action,
        actor=request.user,
        organisation_id=case.organisation_id,
        object_type="case",
        object_id=str(case.id),
        fields=fields,
        purpose=purpose_of(request, case),
        request=request,
    )


def access_case_for_edit(request: HttpRequest, case_id: uuid.UUID) -> Case:
    """A case the user may change: 404 if not theirs to see, 403 if theirs only to read."""
    case = _get(request, case_id)
    if not may_edit(request):
        raise PermissionDenied
    return case


def access_consent(request: HttpRequest, case: Case, consent_id: uuid.UUID) -> Consent:
    try:
        return Consent.objects.select_related("case").get(id=consent_id, case=case)
    except Consent.DoesNotExist:
        raise Http404 from None


def access_follow_up(request: HttpRequest, case: Case, follow_up_id: uuid.UUID) -> FollowUp:
    try:
        return FollowUp.objects.select_related("case").get(id=follow_up_id, case=case)
    except FollowUp.DoesNotExist:
        raise Http404 from None


def record_list_read(request: HttpRequest, cases: list[Case], *, fields: tuple[str, ...]) -> None:
    """A list shows short names: one audit entry for the page, naming the cases it showed."""
    membership = case_membership(request)
    if membership is None or not cases:
        return
    record(
        action="case_read",
        actor=request.user,
        organisation_id=membership.organisation_id,
        object_type="case_list",
        object_id=",".join(str(case.id) for case in cases),
        fields=fields,
        purpose=ASSISTANCE,
        request=request,
    )
