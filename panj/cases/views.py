"""Pages of cases: list and name search, registration, the case page and its sections."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panj.accounts.access import acting_user, require
from panj.accounts.roles import Perm
from panj.cases import access, exports, imports, services
from panj.cases.access import access_case, access_case_for_edit, cases_for
from panj.cases.dates import week_end
from panj.cases.fields import has_code
from panj.cases.forms import (
    CaseFilterForm,
    ConsentForm,
    EventForm,
    FollowUpForm,
    IdentityForm,
    ImportForm,
    ManagementForm,
    NameSearchForm,
    NeedsForm,
    NewCaseForm,
    NoteForm,
    PhotoForm,
    PlanItemForm,
    ServiceForm,
    TraffickingForm,
)
from panj.cases.models import (
    Case,
    CaseNameToken,
    CasePhoto,
    CaseQuerySet,
    Consent,
    FollowUp,
)
from panj.core.htmx import render_page_or_partial

PAGE_SIZE = 25
MAX_PAGE = 200  # beyond 5 000 rows, filter or search instead
MAX_NAME_MATCHES = 5000  # index entries read for one name search
CHILD_BANDS = ["0--8", "9--17"]


def _filtered(request: HttpRequest, form: CaseFilterForm) -> CaseQuerySet:
    cases = cases_for(request)
    if not form.is_valid():
        return cases
    data = form.cleaned_data
    if data["mine"]:
        cases = cases.filter(caseworker=acting_user(request))
    if data["status"]:
        cases = cases.filter(status=data["status"])
    if data["caseworker"]:
        cases = cases.filter(caseworker=data["caseworker"])
    if data["exploitation"]:
        cases = cases.filter(has_code("exploitation_types", data["exploitation"]))
    if data["gender"]:
        cases = cases.filter(gender=data["gender"])
    if data["age"] == "child":
        cases = cases.filter(age_broad__in=CHILD_BANDS)
    elif data["age"] == "adult":
        cases = cases.exclude(age_broad__in=[*CHILD_BANDS, ""])
    elif data["age"] == "unknown":
        cases = cases.filter(age_broad="")
    if data["area"]:
        cases = cases.filter(Q(area=data["area"]) | Q(area__parent=data["area"]))
    if data["due"]:
        # Soonest first; the (organisation, next follow-up) index serves filter and order.
        cases = cases.follow_up_due(week_end()).order_by("next_follow_up_on", "-opened_on")
    return cases


def _rows(request: HttpRequest, cases: CaseQuerySet, page: int) -> tuple[list[Any], bool]:
    """One page of cases with their short names: only the rows shown are decrypted."""
    offset = (page - 1) * PAGE_SIZE
    if not cases.query.order_by:
        cases = cases.order_by("-opened_on", "-number")
    # Caseworkers come in a second query: joining them lets SQLite start from the users and
    # sort every match, where the case indexes alone give the first page in order.
    page_of_cases = cases.select_related("area").prefetch_related("caseworker")
    found = list(page_of_cases[offset : offset + PAGE_SIZE + 1])
    has_next = len(found) > PAGE_SIZE and page < MAX_PAGE
    shown = found[:PAGE_SIZE]
    access.record_list_read(request, shown, fields=("given_name", "family_name_initial"))
    return [(case, services.identity_of(case).short_name) for case in shown], has_next


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.GET.get("page", "1")), MAX_PAGE))
    except ValueError:
        return 1


def _cases_named(organisation_id: uuid.UUID, query: str) -> list[uuid.UUID]:
    """Ids of the cases with every word of the query among their names: one query on the
    blind index, whatever the number of words, then the cases themselves by id."""
    tokens = services.search_tokens(organisation_id, query)
    if not tokens:
        return []
    found: dict[uuid.UUID, set[bytes]] = {}
    rows = CaseNameToken.objects.filter(organisation_id=organisation_id, token__in=tokens)
    for case_id, token in rows.values_list("case_id", "token")[:MAX_NAME_MATCHES]:
        found.setdefault(case_id, set()).add(bytes(token))
    wanted = set(tokens)
    return [case_id for case_id, seen in found.items() if seen >= wanted]


@never_cache
@require_http_methods(["GET", "POST"])
def case_list(request: HttpRequest) -> HttpResponse:
    """GET filters by what is not identifying; a name search is POSTed, so no name is ever
    written into an address, a browser history or a server log."""
    membership = require(request, Perm.VIEW_CASES)
    filters = CaseFilterForm(
        request.GET or None,
        organisation_id=membership.organisation_id,
        country_id=membership.organisation.country_id,
    )
    cases = _filtered(request, filters)
    search = NameSearchForm(request.POST or None)
    searching = request.method == "POST"
    page = 1 if searching else _page_number(request)
    if searching:
        ids = (
            _cases_named(membership.organisation_id, search.cleaned_data["q"])
            if search.is_valid()
            else []
        )
        cases = cases.filter(id__in=ids)
    rows, has_next = _rows(request, cases, page)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filters": filters,
        "search": search,
        "searching": searching,
        "rows": rows,
        "page": page,
        "has_next": has_next,
        "query": query.urlencode(),
        "may_edit": access.may_edit(request),
        "may_export": access.may_review(request),
    }
    return render_page_or_partial(request, "cases/case_list.html", context, "results")


@require_http_methods(["GET", "POST"])
def case_create(request: HttpRequest) -> HttpResponse:
    membership = require(request, Perm.EDIT_CASES)
    form = NewCaseForm(request.POST or None, country_id=membership.organisation.country_id)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        case = services.register_case(
            organisation=membership.organisation,
            by=acting_user(request),
            item=services.NewCase(
                identity=form.identity(),
                opened_on=data["opened_on"],
                gender=data["gender"],
                area_id=data["area"].id if data["area"] else None,
                caseworker_id=request.user.pk,
                consents={
                    Consent.Purpose.ASSISTANCE: services.ConsentInput(
                        given_by=data["consent_given_by"],
                        method=data["consent_method"],
                        given_on=data["opened_on"],
                    )
                },
            ),
        )
        messages.success(request, _("Case %(number)s registered.") % {"number": case.number})
        return redirect("cases:case", case_id=case.id)
    return render(request, "cases/case_new.html", {"form": form})


@never_cache
@require_GET
def case_detail(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    case = access_case(request, case_id, fields=("identity", "trafficking", "texts", "notes"))
    assisting = case.has_consent(Consent.Purpose.ASSISTANCE)
    context = {
        "case": case,
        "purpose": access.purpose_of(request, case),
        "identity": services.identity_of(case) if assisting else None,
        "has_photo": assisting and CasePhoto.objects.filter(case=case).exists(),
        "texts": services.texts_of(case),
        "assisting": assisting,
        "consents": list(case.consents.select_related("recipient")),
        "events": list(case.events.select_related("country", "area", "border_crossing")),
        "plan_items": [(item, services.texts_of(case, item)) for item in case.plan_items.all()],
        "services": list(case.services.select_related("provider", "delivered_by")),
        "notes": [
            (note, services.texts_of(case, note)) for note in case.notes.select_related("author")
        ],
        "follow_ups": list(case.follow_ups.select_related("assigned_to")),
        "may_edit": access.may_edit(request),
        "may_review": access.may_review(request),
        "today": timezone.localdate(),
    }
    return render(request, "cases/case_detail.html", context)


def _section_page(
    request: HttpRequest,
    case: Case,
    form: forms.BaseForm,
    *,
    title: str,
    save: Callable[[Any], object],
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        save(form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect(reverse("cases:case", kwargs={"case_id": case.id}))
    return render(request, "cases/case_section.html", {"case": case, "form": form, "title": title})


@require_http_methods(["GET", "POST"])
def edit_identity(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    case = access_case_for_edit(request, case_id)
    services.require_consent(case, Consent.Purpose.ASSISTANCE)
    access.record_read(request, case, fields=("identity",))
    form = IdentityForm(
        request.POST or None, initial=IdentityForm.initial_from(services.identity_of(case))
    )
    return _section_page(
        request,
        case,
        form,
        title=_("Identity"),
        save=lambda data: services.update_identity(
            case=case,
            by=acting_user(request),
            identity=form.identity(),
        ),
    )


def _model_section(
    request: HttpRequest, case_id: uuid.UUID, form_class: Any, title: str
) -> HttpResponse:
    case = access_case_for_edit(request, case_id)
    texts = services.texts_of(case)
    form = form_class(request.POST or None, instance=case, initial=texts)
    snapshot = {name: getattr(case, name) for name in form._meta.fields}

    def save(data: dict[str, Any]) -> object:
        for name, value in snapshot.items():
            setattr(case, name, value)  # the form wrote into the instance; the service decides
        values = {name: data[name] for name in form._meta.fields if name in data}
        sealed = {name: data[name] for name in ("risk_assessment",) if name in data}
        closing = values.get("status") in ("Closed", "ClosedReferred")
        return services.update_case(
            case=case,
            by=acting_user(request),
            values=values,
            texts=sealed or None,
            needs_consent=not closing and form_class is not ManagementForm,
        )

    return _section_page(request, case, form, title=title, save=save)


@require_http_methods(["GET", "POST"])
def edit_trafficking(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _model_section(request, case_id, TraffickingForm, _("Trafficking (HTCDS)"))


@require_http_methods(["GET", "POST"])
def edit_management(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _model_section(request, case_id, ManagementForm, _("Status, caseworker and risk"))


@require_http_methods(["GET", "POST"])
def edit_needs(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _model_section(request, case_id, NeedsForm, _("Needs assessment"))


def _add_row(
    request: HttpRequest, case_id: uuid.UUID, form_class: Any, title: str, add: Callable[..., Any]
) -> HttpResponse:
    case = access_case_for_edit(request, case_id)
    initial: dict[str, Any] = {
        name: timezone.localdate() for name in ("written_on", "delivered_on", "given_on", "due_on")
    }
    if form_class is ServiceForm:
        initial["provider"] = case.organisation_id
    form = form_class(request.POST or None, initial=initial)
    return _section_page(
        request,
        case,
        form,
        title=title,
        save=lambda data: add(case=case, by=acting_user(request), **data),
    )


@require_http_methods(["GET", "POST"])
def add_note(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _add_row(request, case_id, NoteForm, _("New note"), services.add_note)


@require_http_methods(["GET", "POST"])
def add_plan_item(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _add_row(request, case_id, PlanItemForm, _("New objective"), services.add_plan_item)


@require_http_methods(["GET", "POST"])
def add_service(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _add_row(request, case_id, ServiceForm, _("Service delivered"), services.add_service)


@require_http_methods(["GET", "POST"])
def add_follow_up(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _add_row(
        request, case_id, FollowUpForm, _("Plan a follow-up"), services.schedule_follow_up
    )


@require_http_methods(["GET", "POST"])
def add_event(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    def add(
        *, case: Case, by: Any, country: Any, area: Any, border_crossing: Any, **data: Any
    ) -> Any:
        return services.add_event(
            case=case,
            by=by,
            country_id=country.id if country else None,
            area_id=area.id if area else None,
            border_crossing_id=border_crossing.id if border_crossing else None,
            **data,
        )

    return _add_row(request, case_id, EventForm, _("Trafficking event"), add)


@require_http_methods(["GET", "POST"])
def add_consent(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _add_row(request, case_id, ConsentForm, _("Record consent"), services.give_consent)


@require_POST
def withdraw_consent(
    request: HttpRequest, case_id: uuid.UUID, consent_id: uuid.UUID
) -> HttpResponse:
    case = access_case_for_edit(request, case_id)
    consent = access.access_consent(request, case, consent_id)
    services.withdraw_consent(consent=consent, by=acting_user(request))
    messages.success(request, _("Consent withdrawn. The case is no longer used for it."))
    return redirect("cases:case", case_id=case.id)


@require_POST
def complete_follow_up(
    request: HttpRequest, case_id: uuid.UUID, follow_up_id: uuid.UUID
) -> HttpResponse:
    case = access_case_for_edit(request, case_id)
    follow_up = access.access_follow_up(request, case, follow_up_id)
    services.complete_follow_up(follow_up=follow_up, by=acting_user(request))
    messages.success(request, _("Follow-up done."))
    return redirect("cases:case", case_id=case.id)


@require_POST
def review_case(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    case = access_case_for_edit(request, case_id)
    require(request, Perm.REVIEW_CASES)
    services.mark_reviewed(case=case, by=acting_user(request))
    messages.success(request, _("Marked as reviewed."))
    return redirect("cases:case", case_id=case.id)


@never_cache
@require_GET
def case_print(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """A printable summary; names and contacts only when asked for, and that choice audited."""
    identifying = request.GET.get("identifying") == "1"
    case = access_case(request, case_id, fields=("summary",))
    identity = None
    if identifying:
        services.require_consent(case, Consent.Purpose.ASSISTANCE)
        identity = services.identity_of(case)
    access.record_read(
        request,
        case,
        action="case_print",
        fields=("identity", "summary") if identifying else ("summary",),
    )
    context = {
        "case": case,
        "identity": identity,
        "identifying": identifying,
        "consents": list(case.consents.select_related("recipient")),
        "services": list(case.services.select_related("provider")),
        "follow_ups": list(case.follow_ups.filter(done_on__isnull=True)),
        "plan_items": list(case.plan_items.all()),
        "today": timezone.localdate(),
    }
    return render(request, "cases/case_print.html", context)


@never_cache
@require_GET
def follow_ups(request: HttpRequest) -> HttpResponse:
    require(request, Perm.VIEW_CASES)
    until = week_end()
    due = list(
        FollowUp.objects.filter(
            case__in=cases_for(request), done_on__isnull=True, due_on__lte=until
        )
        .select_related("case", "assigned_to")
        .order_by("due_on")[:200]
    )
    access.record_list_read(
        request, [f.case for f in due], fields=("given_name", "family_name_initial")
    )
    rows = [(f, services.identity_of(f.case).short_name) for f in due]
    return render(
        request,
        "cases/follow_ups.html",
        {"rows": rows, "until": until, "today": timezone.localdate()},
    )


@require_http_methods(["GET", "POST"])
def case_import(request: HttpRequest) -> HttpResponse:
    membership = require(request, Perm.EDIT_CASES)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[imports.RowError] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = imports.read_rows(upload.read(), upload.name)
        except imports.UnreadableFile as error:
            form.add_error("file", str(error))
        else:
            result = imports.import_rows(
                organisation=membership.organisation,
                by=acting_user(request),
                rows=rows,
            )
            if result.errors:
                errors = result.errors
            else:
                messages.success(
                    request,
                    _("%(count)d cases imported.") % {"count": len(result.cases)},
                )
                return redirect("cases:list")
    return render(
        request,
        "cases/case_import.html",
        {"form": form, "errors": errors, "columns": imports.COLUMNS},
    )


@never_cache
@require_GET
def case_export(request: HttpRequest) -> HttpResponseBase:
    """The organisation's cases in HTCDS columns, de-identified, only with statistics consent."""
    membership = require(request, Perm.REVIEW_CASES)
    return exports.htcds_csv_response(request, organisation=membership.organisation)


@require_http_methods(["GET", "POST"])
def edit_photo(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    case = access_case_for_edit(request, case_id)
    services.require_consent(case, Consent.Purpose.ASSISTANCE)
    if request.method == "POST" and "remove" in request.POST:
        services.remove_photo(case=case, by=acting_user(request))
        messages.success(request, _("Photo removed."))
        return redirect(reverse("cases:case", kwargs={"case_id": case.id}) + "#identity")
    form = PhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.set_photo(case=case, by=acting_user(request), jpeg=form.cleaned_data["photo"])
        messages.success(request, _("Photo saved."))
        return redirect(reverse("cases:case", kwargs={"case_id": case.id}) + "#identity")
    return render(
        request,
        "cases/case_photo.html",
        {"case": case, "form": form, "has_photo": CasePhoto.objects.filter(case=case).exists()},
    )


@never_cache
@require_GET
def photo(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """The photo itself, for the case page; never cached, its every view audited."""
    case = access_case(request, case_id, fields=("photo",))
    services.require_consent(case, Consent.Purpose.ASSISTANCE)
    jpeg = services.photo_of(case)
    if jpeg is None:
        raise Http404
    response = HttpResponse(jpeg, content_type="image/jpeg")
    response["Cache-Control"] = "no-store, private"
    response["Content-Disposition"] = "inline"
    return response
