"""Pages of referrals: the inbox, a referral and its timeline, agreements, the pathway view."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panj.accounts.access import acting_user, current_membership, may, require
from panj.accounts.roles import Perm
from panj.cases import access as case_access
from panj.cases.models import Consent
from panj.core.htmx import render_page_or_partial
from panj.directory.access import visible_organisations, visible_services
from panj.directory.forms import ServiceFinderForm
from panj.directory.models import Organisation
from panj.referrals import access, display, services
from panj.referrals.figures import referral_flows
from panj.referrals.forms import (
    AgreementForm,
    DeclineForm,
    DeliveryForm,
    NewReferralForm,
    SendForm,
)
from panj.referrals.models import Agreement, Referral

PAGE_SIZE = 25
TABS = ("incoming", "outgoing", "approval")


def _counts(organisation_id: uuid.UUID, approver: bool) -> dict[str, int]:
    """What waits on each tab: news the organisation has not opened, approvals to give."""
    referrals = Referral.objects
    return {
        # News reaches the receiver only once sent, so the flag alone says it (partial index).
        "incoming": referrals.filter(receiver_id=organisation_id, news_for_receiver=True).count(),
        "outgoing": referrals.filter(sender_id=organisation_id, news_for_sender=True).count(),
        "approval": referrals.awaiting_approval(organisation_id).count() if approver else 0,
    }


@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    membership = access.referral_membership(request)
    if membership is None:
        raise PermissionDenied
    # Lazily, so that an overdue referral is shown expired without a scheduler.
    services.expire_overdue_referrals()
    organisation_id = membership.organisation_id
    approver = membership.can(Perm.APPROVE_REFERRALS)
    tab = request.GET.get("tab", "incoming")
    if tab not in TABS or (tab == "approval" and not approver):
        tab = "incoming"
    if tab == "incoming":
        rows = Referral.objects.incoming(organisation_id).order_by("-sent_at", "-id")
    elif tab == "outgoing":
        rows = Referral.objects.outgoing(organisation_id).order_by("-created_at", "-id")
    else:
        rows = Referral.objects.awaiting_approval(organisation_id).order_by("-updated_at", "-id")
    status = request.GET.get("status", "")
    if status in Referral.Status.values:
        rows = rows.filter(status=status)
    try:
        page = max(1, min(int(request.GET.get("page", "1")), 200))
    except ValueError:
        page = 1
    offset = (page - 1) * PAGE_SIZE
    found = list(rows.select_related("sender", "receiver", "case")[offset : offset + PAGE_SIZE + 1])
    context = {
        "tab": tab,
        "tabs": TABS,
        "rows": found[:PAGE_SIZE],
        "page": page,
        "has_next": len(found) > PAGE_SIZE,
        "counts": _counts(organisation_id, approver),
        "approver": approver,
        "status": status,
        "statuses": Referral.Status.choices,
        "membership": membership,
    }
    return render_page_or_partial(request, "referrals/inbox.html", context, "rows")


@require_http_methods(["GET", "POST"])
def new_referral(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """From a case: find the receiving services with the directory's finder, then draft."""
    case = case_access.access_case_for_edit(request, case_id)
    if request.method == "POST":
        form = NewReferralForm(request.POST)
        chosen = request.POST.getlist("service")
        if form.is_valid():
            try:
                ids = [uuid.UUID(value) for value in chosen]
            except ValueError:
                ids = []
            found = list(
                visible_services(request).filter(id__in=ids).select_related("organisation")
            )
            receivers = {service.organisation for service in found}
            if len(receivers) != 1:
                messages.error(request, _("Choose one or more services of one organisation."))
            else:
                try:
                    referral = services.draft_referral(
                        case=case,
                        by=acting_user(request),
                        receiver=receivers.pop(),
                        services=found,
                        urgency=form.cleaned_data["urgency"],
                        reason=form.cleaned_data["reason"],
                    )
                except services.NoAgreement as error:
                    messages.error(request, str(error))
                except ValidationError as error:
                    messages.error(request, " ".join(error.messages))
                else:
                    return redirect(referral_url(referral))
        return redirect(reverse("referrals:new", kwargs={"case_id": case.id}))
    finder = ServiceFinderForm(request.GET or None)
    found_services = visible_services(request).exclude(organisation_id=case.organisation_id)
    # From a probable shared case: that organisation's services only.
    organisation = request.GET.get("organisation", "")
    if organisation:
        found_services = found_services.filter(organisation__slug=organisation)
    if finder.is_valid():
        found_services = finder.filter(found_services)
    results = list(
        found_services.select_related(
            "organisation", "organisation__country", "office__area"
        ).order_by("organisation__name", "category", "name")[:60]
    )
    sender = case.organisation
    agreements = {
        organisation.id: services.agreement_between(sender, organisation)
        for organisation in {service.organisation for service in results}
    }
    context = {
        "case": case,
        "finder": finder,
        "results": [(s, agreements.get(s.organisation_id)) for s in results],
        "form": NewReferralForm(),
        "organisation": organisation,
    }
    return render_page_or_partial(request, "referrals/new.html", context, "results")


def referral_url(referral: Referral) -> str:
    return reverse("referrals:referral", kwargs={"referral_id": referral.id})


@require_GET
def referral_detail(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    referral = access.access_referral(request, referral_id)
    side = access.side_of(request, referral)
    membership = access.referral_membership(request)
    assert membership is not None
    user = acting_user(request)
    context: dict[str, Any] = {
        "referral": referral,
        "side": side,
        "events": list(referral.events.select_related("actor", "organisation")),
        "services_asked": list(referral.services.all()),
        "may_act": membership.can(Perm.EDIT_CASES),
        "may_approve": (
            membership.can(Perm.APPROVE_REFERRALS)
            and referral.created_by_id != user.pk
            and side == "sender"
        ),
    }
    if side == "receiver":
        # The receiver sees what travelled and nothing else; each read is audited.
        context["travelled"] = access.read_travelled(request, referral)
        context["decline_form"] = DeclineForm()
        context["delivery_form"] = DeliveryForm(categories=list(referral.categories))
        if referral.receiver_case_id:
            context["receiver_case_consent"] = (
                Consent.objects.current(Consent.Purpose.ASSISTANCE)
                .filter(case_id=referral.receiver_case_id)
                .exists()
            )
    else:
        context["case"] = referral.case
        if referral.status == Referral.Status.DRAFT:
            allowed = services.may_travel(referral)
            case_access.record_read(request, referral.case, fields=tuple(allowed) or ("summary",))
            context["send_form"] = SendForm(allowed=allowed)
            context["preview"] = display.describe(
                services._values(referral.case, allowed, {}), keep_empty=allowed
            )
            context["has_consent"] = referral.case.has_consent(
                Consent.Purpose.REFERRAL, recipient_id=referral.receiver_id
            )
            context["agreement_in_force"] = (
                services.agreement_between(referral.sender, referral.receiver) is not None
            )
    services.mark_seen(referral=referral, organisation_id=membership.organisation_id, by=user)
    return render(request, "referrals/referral.html", context)


def _act(
    request: HttpRequest,
    referral_id: uuid.UUID,
    *,
    side: str,
    action: Callable[[Referral], object],
    done: str,
    perm: Perm = Perm.EDIT_CASES,
) -> HttpResponse:
    referral = access.access_referral_for_edit(request, referral_id)
    if access.side_of(request, referral) != side or not may(request, perm):
        raise PermissionDenied
    try:
        action(referral)
    except (services.NoAgreement, services.ApprovalRequired) as error:
        messages.error(request, str(error))
    except PermissionDenied as error:
        messages.error(request, str(error) or _("This is not allowed."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(referral_url(referral))


@require_POST
def send(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    referral = access.access_referral_for_edit(request, referral_id)
    if access.side_of(request, referral) != "sender":
        raise PermissionDenied
    form = SendForm(request.POST, allowed=services.may_travel(referral))
    if not form.is_valid():
        messages.error(request, _("Only the fields shown may travel."))
        return redirect(referral_url(referral))

    def action(r: Referral) -> object:
        return services.send_referral(
            referral=r,
            by=acting_user(request),
            fields=form.cleaned_data["travels"],
            languages=[language.code for language in form.cleaned_data["languages"]],
            note=form.cleaned_data["note"],
        )

    done = _("Sent for approval.") if referral.cross_border else _("Referral sent.")
    return _act(request, referral_id, side="sender", action=action, done=done)


@require_POST
def approve(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    user = acting_user(request)
    return _act(
        request,
        referral_id,
        side="sender",
        action=lambda r: services.approve_referral(referral=r, by=user),
        done=_("Approved and sent."),
        perm=Perm.APPROVE_REFERRALS,
    )


@require_POST
def return_to_draft(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    user = acting_user(request)
    return _act(
        request,
        referral_id,
        side="sender",
        action=lambda r: services.return_to_draft(referral=r, by=user),
        done=_("Returned to the caseworker."),
        perm=Perm.APPROVE_REFERRALS,
    )


@require_POST
def withdraw(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    user = acting_user(request)
    return _act(
        request,
        referral_id,
        side="sender",
        action=lambda r: services.withdraw_referral(referral=r, by=user),
        done=_("Referral withdrawn."),
    )


@require_POST
def accept(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    user = acting_user(request)
    return _act(
        request,
        referral_id,
        side="receiver",
        action=lambda r: services.accept_referral(referral=r, by=user),
        done=_("Accepted: a case of your organisation now holds what travelled."),
    )


@require_POST
def decline(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    form = DeclineForm(request.POST)
    user = acting_user(request)
    if not form.is_valid():
        access.access_referral_for_edit(request, referral_id)
        messages.error(request, _("Choose a reason."))
        return redirect(reverse("referrals:referral", kwargs={"referral_id": referral_id}))
    return _act(
        request,
        referral_id,
        side="receiver",
        action=lambda r: services.decline_referral(
            referral=r, by=user, reason=form.cleaned_data["reason"]
        ),
        done=_("Declined: nothing of the case stays with your organisation."),
    )


@require_POST
def deliver(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    referral = access.access_referral_for_edit(request, referral_id)
    form = DeliveryForm(request.POST, categories=list(referral.categories))
    user = acting_user(request)
    if not form.is_valid():
        messages.error(request, _("Choose the service and its outcome."))
        return redirect(referral_url(referral))
    return _act(
        request,
        referral_id,
        side="receiver",
        action=lambda r: services.record_delivery(
            referral=r,
            by=user,
            category=form.cleaned_data["category"],
            outcome=form.cleaned_data["outcome"],
            delivered_on=form.cleaned_data["delivered_on"],
        ),
        done=_("Feedback sent to the referring organisation."),
    )


@require_POST
def complete(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    user = acting_user(request)
    return _act(
        request,
        referral_id,
        side="receiver",
        action=lambda r: services.complete_referral(referral=r, by=user),
        done=_("Referral completed."),
    )


# Agreements --------------------------------------------------------------------------------


@require_GET
def agreement_list(request: HttpRequest) -> HttpResponse:
    if current_membership(request) is None:
        raise PermissionDenied
    agreements = list(
        access.agreements_for(request)
        .select_related("organisation")
        .prefetch_related("parties__organisation", "parties__country")
        .order_by("-ends_on", "title")[:200]
    )
    context = {"agreements": agreements, "may_manage": access.may_manage_agreements(request)}
    return render(request, "referrals/agreements.html", context)


def _own_party(request: HttpRequest) -> Organisation | None:
    """An organisation admin's agreements always include their organisation; a coordinator
    convenes agreements between others."""
    membership = require(request, Perm.MANAGE_AGREEMENTS)
    return None if membership.can(Perm.MANAGE_MEMBERS) else membership.organisation


@require_http_methods(["GET", "POST"])
def agreement_create(request: HttpRequest) -> HttpResponse:
    membership = require(request, Perm.MANAGE_AGREEMENTS)
    form = AgreementForm(request.POST or None, request.FILES or None, own=_own_party(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            agreement = services.create_agreement(
                organisation=membership.organisation,
                by=acting_user(request),
                title=data["title"],
                scope=data["scope"],
                fields=data["fields_allowed"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                response_days=data["response_days"],
                parties=data["parties"],
                document=data.get("document") or None,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Agreement recorded."))
            return redirect(reverse("referrals:agreement", kwargs={"agreement_id": agreement.id}))
    return render(request, "referrals/agreement_form.html", {"form": form})


@require_GET
def agreement_detail(request: HttpRequest, agreement_id: uuid.UUID) -> HttpResponse:
    agreement = access.access_agreement(request, agreement_id)
    membership = current_membership(request)
    context = {
        "agreement": agreement,
        "parties": list(agreement.parties.select_related("organisation", "country")),
        "field_labels": [str(label) for name, label in display.field_choices(agreement.fields)],
        "may_edit": membership is not None
        and membership.organisation_id == agreement.organisation_id
        and membership.can(Perm.MANAGE_AGREEMENTS),
    }
    return render(request, "referrals/agreement.html", context)


@require_http_methods(["GET", "POST"])
def agreement_edit(request: HttpRequest, agreement_id: uuid.UUID) -> HttpResponse:
    agreement = access.access_agreement_for_edit(request, agreement_id)
    form = AgreementForm(request.POST or None, request.FILES or None, instance=agreement)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = acting_user(request)
        # The form saved its fields on the instance already; the service records the change.
        fresh = Agreement.objects.get(pk=agreement.pk)
        services.update_agreement(
            agreement=fresh,
            by=user,
            values={
                "title": data["title"],
                "scope": data["scope"],
                "fields": data["fields_allowed"],
                "starts_on": data["starts_on"],
                "ends_on": data["ends_on"],
                "response_days": data["response_days"],
                "revoked_on": data.get("revoked_on"),
            },
        )
        if data.get("document"):
            services.attach_document(agreement=fresh, by=user, document=data["document"])
        messages.success(request, _("Saved."))
        return redirect(reverse("referrals:agreement", kwargs={"agreement_id": agreement.id}))
    return render(request, "referrals/agreement_form.html", {"form": form, "agreement": agreement})


@require_GET
def agreement_document(request: HttpRequest, agreement_id: uuid.UUID) -> FileResponse:
    """The signed agreement, to its parties only."""
    agreement = access.access_agreement(request, agreement_id)
    if not agreement.document:
        raise Http404
    response = FileResponse(
        agreement.document.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename="agreement.pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


# The network's pathways --------------------------------------------------------------------


@require_GET
def pathways(request: HttpRequest) -> HttpResponse:
    """Counts between organisations and across the border, and the median time to accept."""
    membership = current_membership(request)
    if membership is None:
        raise PermissionDenied
    network = may(request, Perm.VIEW_NETWORK_STATISTICS)
    if not network and not membership.can(Perm.VIEW_CASES):
        raise PermissionDenied
    flows = referral_flows(organisation_ids=None if network else [membership.organisation_id])
    ids = {f.from_organisation_id for f in flows} | {f.to_organisation_id for f in flows}
    names: dict[uuid.UUID, Organisation] = {
        organisation.id: organisation
        for organisation in visible_organisations(request).filter(id__in=ids)
    }
    rows = [
        (flow, names.get(flow.from_organisation_id), names.get(flow.to_organisation_id))
        for flow in flows
    ]
    context = {
        "rows": rows,
        "network": network,
        "totals": {
            "sent": sum(f.sent for f in flows),
            "accepted": sum(f.accepted for f in flows),
            "declined": sum(f.declined for f in flows),
            "cross_border": sum(f.sent for f in flows if f.cross_border),
        },
    }
    return render(request, "referrals/pathways.html", context)
