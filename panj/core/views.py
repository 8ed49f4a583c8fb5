"""The signed-in home page and the health check."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from panj.accounts.access import current_membership, may, memberships_of
from panj.accounts.roles import Perm
from panj.core.panels import home_panels
from panj.directory import access as directory


def _case_summary(request: HttpRequest) -> dict[str, object]:
    """How many open cases the user holds and how many follow-ups are due within a week."""
    if not may(request, Perm.VIEW_CASES):
        return {"may_view_cases": False}
    from panj.cases.access import cases_for
    from panj.cases.dates import week_end

    mine = cases_for(request).open().filter(caseworker_id=request.user.pk)
    return {
        "may_view_cases": True,
        "my_open_cases": mine.count(),
        "my_follow_ups_due": mine.follow_up_due(week_end()).count(),
    }


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    membership = current_membership(request)
    since = timezone.now() - timedelta(days=30)
    context = {
        "memberships": memberships_of(request),
        "new_members": directory.visible_organisations(request)
        .filter(created_at__gte=since)
        .select_related("country")
        .order_by("-created_at")[:5],
        "new_services": directory.visible_services(request)
        .filter(created_at__gte=since)
        .select_related("organisation")
        .order_by("-created_at")[:5],
        "pending_applications": directory.pending_applications(request).count(),
        "may_edit_organisation": membership is not None
        and membership.can(Perm.EDIT_OWN_ORGANISATION),
        "may_manage_staff": may(request, Perm.MANAGE_STAFF),
        "may_view_audit_log": may(request, Perm.VIEW_AUDIT_LOG),
        "may_run_linkage": may(request, Perm.RUN_LINKAGE),
        "may_ask_for_check": may(request, Perm.MANAGE_AGREEMENTS),
        **_case_summary(request),
        "panels": home_panels(request),
    }
    return render(request, "core/home.html", context)


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers; nothing about the data."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
