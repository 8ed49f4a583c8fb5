"""The one way to fetch linkage records for a request.

Staff see probable matches of their own organisation's cases only, and only while the case's
person still agrees; coordinators see runs as counts per pair of organisations, and their own
organisation's partner exchanges; those who manage an organisation's agreements see the check
requests it made or received. Missing and foreign answer the same 404.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest

from panj.accounts.access import current_membership, require
from panj.accounts.models import Membership
from panj.accounts.roles import Perm
from panj.cases.models import Consent
from panj.linkage.engine import DEFAULT_THRESHOLD
from panj.linkage.models import (
    CheckRequest,
    LinkageRun,
    PartnerExchange,
    ProbableMatch,
    ProbableMatchQuerySet,
    RunPair,
)


def matches_for(request: HttpRequest) -> ProbableMatchQuerySet:
    """Probable shared cases of the user's organisation, from the threshold up; else none."""
    membership = current_membership(request)
    if membership is None or not membership.can(Perm.VIEW_CASES):
        return ProbableMatch.objects.none()
    consenting = Consent.objects.current(Consent.Purpose.LINKAGE).filter(
        case_id=OuterRef("case_id")
    )
    return (
        ProbableMatch.objects.reportable()
        .filter(organisation_id=membership.organisation_id, score__gte=DEFAULT_THRESHOLD)
        .filter(Exists(consenting))
    )


def coordinator(request: HttpRequest) -> Membership:
    """The coordinator's membership; 403 for everyone else."""
    return require(request, Perm.RUN_LINKAGE)


@dataclass(frozen=True)
class RunSummary:
    run: LinkageRun
    pairs: list[RunPair]


def recent_runs(request: HttpRequest, limit: int = 10) -> list[RunSummary]:
    """The latest runs with their counts per pair of organisations: no case is ever named."""
    coordinator(request)
    runs = list(LinkageRun.objects.select_related("started_by").order_by("-started_at")[:limit])
    by_run: dict[uuid.UUID, list[RunPair]] = {run.id: [] for run in runs}
    for pair in RunPair.objects.filter(run__in=runs).select_related("first", "second"):
        by_run[pair.run_id].append(pair)
    return [RunSummary(run, by_run[run.id]) for run in runs]


def exchanges_for(request: HttpRequest) -> list[PartnerExchange]:
    membership = coordinator(request)
    return list(
        PartnerExchange.objects.filter(organisation_id=membership.organisation_id)
        .prefetch_related("organisations")
        .order_by("-created_at")[:20]
    )


def access_exchange(request: HttpRequest, exchange_id: uuid.UUID) -> PartnerExchange:
    """A partner exchange of the coordinator's own organisation; 404 otherwise."""
    membership = current_membership(request)
    if membership is None or not membership.can(Perm.RUN_LINKAGE):
        raise Http404
    try:
        return PartnerExchange.objects.get(
            id=exchange_id, organisation_id=membership.organisation_id
        )
    except (PartnerExchange.DoesNotExist, ValueError):
        raise Http404 from None


def checks_for(request: HttpRequest) -> QuerySet[CheckRequest]:
    """Check requests that the user's organisation made or received; 403 for a role that does
    not manage its agreements."""
    membership = require(request, Perm.MANAGE_AGREEMENTS)
    own = membership.organisation_id
    return CheckRequest.objects.filter(Q(organisation_id=own) | Q(other_organisation_id=own))


@dataclass(frozen=True)
class CheckSummary:
    check: CheckRequest
    #: probable shared cases its run found; None before it runs
    found: int | None


def recent_checks(request: HttpRequest, limit: int = 50) -> list[CheckSummary]:
    """The latest check requests of the user's organisation, with the count of what each run
    found: never which cases."""
    checks = list(checks_for(request).select_related("organisation", "other_organisation")[:limit])
    found = {
        pair.run_id: pair.matches
        for pair in RunPair.objects.filter(run_id__in=[c.run_id for c in checks if c.run_id])
    }
    return [CheckSummary(c, found.get(c.run_id) if c.run_id else None) for c in checks]


def access_check(request: HttpRequest, check_id: uuid.UUID) -> CheckRequest:
    """A check request that the user's organisation made or received; 404 otherwise."""
    membership = current_membership(request)
    if membership is None or not membership.can(Perm.MANAGE_AGREEMENTS):
        raise Http404
    try:
        return (
            checks_for(request)
            .select_related("organisation", "other_organisation")
            .get(id=check_id)
        )
    except (CheckRequest.DoesNotExist, ValueError):
        raise Http404 from None
