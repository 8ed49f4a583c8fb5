"""Pages of the duplicate check: the coordinator's runs and exchanges, checks that two
organisations agree to run, each side's matches."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panj.accounts.access import acting_user, may, require
from panj.accounts.roles import Perm
from panj.audit.services import record
from panj.directory import access as directory
from panj.directory.models import FocalPoint
from panj.linkage import access, services
from panj.linkage.forms import CheckRequestForm, ExchangeForm, RunForm, UploadForm
from panj.linkage.models import CheckRequest


def _overview(
    request: HttpRequest,
    run_form: RunForm | None = None,
    exchange_form: ExchangeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "run_form": run_form or RunForm(),
        "exchange_form": exchange_form or ExchangeForm(),
        "runs": access.recent_runs(request),
        "exchanges": access.exchanges_for(request),
    }
    return render(request, "linkage/overview.html", context, status=status)


@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    access.coordinator(request)
    return _overview(request)


@require_POST
def run(request: HttpRequest) -> HttpResponse:
    access.coordinator(request)
    form = RunForm(request.POST)
    if not form.is_valid():
        return _overview(request, run_form=form, status=400)
    done = services.run_linkage(
        by=acting_user(request), organisations=form.cleaned_data["organisations"]
    )
    messages.success(
        request,
        _("Duplicate check done: %(count)d cases with consent were encoded with a new key.")
        % {"count": done.encoded},
    )
    return redirect("linkage:overview")


@require_POST
def exchange_create(request: HttpRequest) -> HttpResponse:
    membership = access.coordinator(request)
    form = ExchangeForm(request.POST)
    if not form.is_valid():
        return _overview(request, exchange_form=form, status=400)
    services.create_exchange(
        organisation=membership.organisation,
        by=acting_user(request),
        label=form.cleaned_data["label"],
        organisations=list(form.cleaned_data["organisations"]),
    )
    messages.success(
        request, _("Exchange created. Download its secret once and give it to the partner.")
    )
    return redirect("linkage:overview")


@never_cache
@require_POST
def exchange_secret(request: HttpRequest, exchange_id: uuid.UUID) -> HttpResponse:
    exchange = access.access_exchange(request, exchange_id)
    try:
        text = services.take_exchange_secret(exchange=exchange, by=acting_user(request))
    except services.SecretAlreadyTaken:
        messages.error(
            request,
            _("This secret was already downloaded; it is shown only once. Start a new exchange."),
        )
        return redirect("linkage:overview")
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="panj-linkage.key"'
    return response


@require_http_methods(["GET", "POST"])
def exchange_upload(request: HttpRequest, exchange_id: uuid.UUID) -> HttpResponse:
    exchange = access.access_exchange(request, exchange_id)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            done = services.link_partner_file(
                exchange=exchange, by=acting_user(request), data=form.cleaned_data["file"]
            )
        except services.UploadRejected as error:
            form.add_error("file", str(error))
        else:
            messages.success(
                request,
                _("The partner's file was linked with %(count)d cases with consent.")
                % {"count": done.encoded},
            )
            return redirect("linkage:overview")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "linkage/upload.html", {"exchange": exchange, "form": form}, status=status
    )


@require_http_methods(["GET", "POST"])
def checks(request: HttpRequest) -> HttpResponse:
    """Ask another organisation for a check of the two, and answer what others asked."""
    membership = require(request, Perm.MANAGE_AGREEMENTS)
    own = membership.organisation
    form = CheckRequestForm(request.POST or None, organisation=own)
    if request.method == "POST" and form.is_valid():
        other = form.cleaned_data["other_organisation"]
        try:
            services.ask_for_check(organisation=own, other=other, by=acting_user(request))
        except IntegrityError:
            # the same request, sent a moment ago by a colleague (the service's own transaction
            # has rolled back)
            form.add_error("other_organisation", form.waiting_error(other))
        else:
            messages.success(
                request,
                _("Your request was sent. The check runs when %(name)s accepts.")
                % {"name": other.name},
            )
            return redirect("linkage:checks")
    summaries = access.recent_checks(request)
    context = {
        "form": form,
        "incoming": [s for s in summaries if s.check.other_organisation_id == own.id],
        "outgoing": [s for s in summaries if s.check.organisation_id == own.id],
        "may_view_cases": membership.can(Perm.VIEW_CASES),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "linkage/checks.html", context, status=status)


@require_POST
def check_answer(request: HttpRequest, check_id: uuid.UUID) -> HttpResponse:
    """The asked organisation accepts, and the check runs, or declines."""
    check = access.access_check(request, check_id)
    membership = require(request, Perm.MANAGE_AGREEMENTS)
    if check.other_organisation_id != membership.organisation_id:
        raise PermissionDenied
    answer = request.POST.get("answer")
    if answer not in ("accept", "decline"):
        return HttpResponseBadRequest(_("Answer accept or decline."))
    if check.status != CheckRequest.Status.PENDING:
        messages.info(request, _("This request was already answered or withdrawn."))
        return redirect("linkage:checks")
    done = services.answer_check(check=check, accept=answer == "accept", by=acting_user(request))
    if done.run is not None:
        messages.success(
            request,
            _("The duplicate check with %(name)s ran under a new key.")
            % {"name": check.organisation.name},
        )
    else:
        messages.info(
            request, _("You declined the request of %(name)s.") % {"name": check.organisation.name}
        )
    return redirect("linkage:checks")


@require_POST
def check_withdraw(request: HttpRequest, check_id: uuid.UUID) -> HttpResponse:
    """The asking organisation takes its request back before it is answered."""
    check = access.access_check(request, check_id)
    membership = require(request, Perm.MANAGE_AGREEMENTS)
    if check.organisation_id != membership.organisation_id:
        raise PermissionDenied
    services.withdraw_check(check=check, by=acting_user(request))
    messages.info(request, _("The request was withdrawn."))
    return redirect("linkage:checks")


@require_GET
def matches(request: HttpRequest) -> HttpResponse:
    """Probable shared cases of the user's organisation: own case numbers, the other side's name."""
    require(request, Perm.VIEW_CASES)
    rows = list(
        access.matches_for(request)
        .select_related("case", "other_organisation")
        .order_by("case__number", "-score")[:500]
    )
    others = {m.other_organisation_id for m in rows if m.other_organisation_id}
    focal_points: dict[uuid.UUID, list[FocalPoint]] = {}
    points = FocalPoint.objects.none()
    if may(request, Perm.VIEW_FOCAL_POINTS):
        points = FocalPoint.objects.filter(
            organisation__in=directory.visible_organisations(request), organisation_id__in=others
        )
    for point in points.order_by("name"):
        focal_points.setdefault(point.organisation_id, []).append(point)
    if rows:
        record(
            action="case_read",
            actor=request.user,
            organisation_id=rows[0].organisation_id,
            object_type="linkage_matches",
            object_id=",".join(sorted({str(m.case_id) for m in rows})),
            fields=["number", "linkage"],
            purpose="linkage",
            request=request,
        )
    items = [
        (m, focal_points.get(m.other_organisation_id, []) if m.other_organisation_id else [])
        for m in rows
    ]
    return render(
        request,
        "linkage/matches.html",
        {"items": items, "may_refer": may(request, Perm.EDIT_CASES)},
    )
