"""Pages of the directory: organisations, the service finder, who works where, joining."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panj.accounts.access import acting_user, may, require
from panj.accounts.roles import Perm
from panj.core.htmx import render_page_or_partial
from panj.core.services import save_model_form
from panj.directory import access, services
from panj.directory.forms import (
    DecisionForm,
    FocalPointForm,
    MemberOrganisationForm,
    OfficeForm,
    OrganisationFilterForm,
    OrganisationForm,
    ServiceFinderForm,
    ServiceForm,
)
from panj.directory.models import (
    Application,
    Area,
    BorderCrossing,
    FocalPoint,
    Office,
    Organisation,
    Service,
    ServiceCategory,
)

PAGE_SIZE = 25


def _services_prefetch(queryset: Any) -> Any:
    return queryset.select_related("organisation", "office__area").prefetch_related(
        "languages", Prefetch("areas", queryset=Area.objects.select_related("parent"))
    )


def _page(request: HttpRequest, queryset: Any) -> Any:
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


@require_GET
def organisation_list(request: HttpRequest) -> HttpResponse:
    form = OrganisationFilterForm(request.GET or None)
    organisations = (
        access.visible_organisations(request)
        .select_related("country")
        .annotate(service_count=Count("services", filter=Q(services__is_active=True)))
    )
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            q = data["q"]
            organisations = organisations.filter(
                Q(name__icontains=q) | Q(name_local__icontains=q) | Q(acronym__icontains=q)
            )
        if data["country"]:
            organisations = organisations.filter(country=data["country"])
        if data["kind"]:
            organisations = organisations.filter(kind=data["kind"])
    context = {
        "form": form,
        "page": _page(request, organisations.order_by("country__iso2", "name")),
        "may_add": may(request, Perm.MANAGE_MEMBERS),
    }
    return render_page_or_partial(request, "directory/organisation_list.html", context, "results")


@require_GET
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access.access_organisation(request, slug)
    context = {
        "organisation": organisation,
        "offices": organisation.offices.select_related("area__parent"),
        "services": _services_prefetch(organisation.services.filter(is_active=True)),
        "focal_points": organisation.focal_points.prefetch_related("languages")
        if may(request, Perm.VIEW_FOCAL_POINTS)
        else [],
        "languages": organisation.languages.all(),
        "may_edit": access.may_edit(request, organisation),
    }
    return render(request, "directory/organisation_detail.html", context)


@require_http_methods(["GET", "POST"])
def organisation_create(request: HttpRequest) -> HttpResponse:
    require(request, Perm.MANAGE_MEMBERS)
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = save_model_form(form, slug=services.unique_slug(form.cleaned_data["name"]))
        messages.success(request, _("Organisation added to the network."))
        return redirect("directory:organisation", slug=organisation.slug)
    return render(request, "directory/organisation_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access.access_organisation_for_edit(request, slug)
    if may(request, Perm.MANAGE_MEMBERS):
        form: OrganisationForm = MemberOrganisationForm(request.POST or None, instance=organisation)
    else:
        form = OrganisationForm(request.POST or None, instance=organisation)
        # Only network coordinators move an organisation to another country.
        form.fields["country"].disabled = True
    if request.method == "POST" and form.is_valid():
        save_model_form(form)
        messages.success(request, _("Profile saved."))
        if organisation.status != Organisation.Status.ACTIVE:
            return redirect("directory:organisations")
        return redirect("directory:organisation", slug=organisation.slug)
    return render(
        request, "directory/organisation_form.html", {"form": form, "organisation": organisation}
    )


def _edit_child(
    request: HttpRequest,
    *,
    form: Any,
    organisation: Organisation,
    title: str,
    instance: Any = None,
    delete_url: str | None = None,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        save_model_form(form, organisation=organisation)
        messages.success(request, _("Saved."))
        return redirect("directory:organisation", slug=organisation.slug)
    context = {
        "form": form,
        "organisation": organisation,
        "title": title,
        "instance": instance,
        "delete_url": delete_url,
    }
    return render(request, "directory/child_form.html", context)


@require_http_methods(["GET", "POST"])
def office_create(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access.access_organisation_for_edit(request, slug)
    form = OfficeForm(request.POST or None)
    return _edit_child(request, form=form, organisation=organisation, title=_("New office"))


@require_http_methods(["GET", "POST"])
def office_edit(request: HttpRequest, office_id: uuid.UUID) -> HttpResponse:
    office = access.access_office_for_edit(request, office_id)
    form = OfficeForm(request.POST or None, instance=office)
    return _edit_child(
        request,
        form=form,
        organisation=office.organisation,
        title=_("Office"),
        instance=office,
        delete_url=reverse("directory:office_delete", args=[office.id]),
    )


@require_http_methods(["GET", "POST"])
def focal_point_create(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access.access_organisation_for_edit(request, slug)
    form = FocalPointForm(request.POST or None)
    return _edit_child(request, form=form, organisation=organisation, title=_("New focal point"))


@require_http_methods(["GET", "POST"])
def focal_point_edit(request: HttpRequest, focal_point_id: uuid.UUID) -> HttpResponse:
    focal_point = access.access_focal_point_for_edit(request, focal_point_id)
    form = FocalPointForm(request.POST or None, instance=focal_point)
    return _edit_child(
        request,
        form=form,
        organisation=focal_point.organisation,
        title=_("Focal point"),
        instance=focal_point,
        delete_url=reverse("directory:focal_point_delete", args=[focal_point.id]),
    )


@require_http_methods(["GET", "POST"])
def service_create(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access.access_organisation_for_edit(request, slug)
    form = ServiceForm(request.POST or None, organisation=organisation)
    return _edit_child(request, form=form, organisation=organisation, title=_("New service"))


@require_http_methods(["GET", "POST"])
def service_edit(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    service = access.access_service_for_edit(request, service_id)
    form = ServiceForm(request.POST or None, instance=service, organisation=service.organisation)
    return _edit_child(
        request,
        form=form,
        organisation=service.organisation,
        title=_("Service"),
        instance=service,
        delete_url=reverse("directory:service_delete", args=[service.id]),
    )


def _remove(request: HttpRequest, item: Office | FocalPoint | Service, done: str) -> HttpResponse:
    """Delete an organisation's office, focal point or service, back to its profile."""
    item.delete()
    messages.success(request, done)
    return redirect("directory:organisation", slug=item.organisation.slug)


@require_POST
def office_delete(request: HttpRequest, office_id: uuid.UUID) -> HttpResponse:
    office = access.access_office_for_edit(request, office_id)
    return _remove(request, office, _("Office removed."))


@require_POST
def focal_point_delete(request: HttpRequest, focal_point_id: uuid.UUID) -> HttpResponse:
    focal_point = access.access_focal_point_for_edit(request, focal_point_id)
    return _remove(request, focal_point, _("Focal point removed."))


@require_POST
def service_delete(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    service = access.access_service_for_edit(request, service_id)
    return _remove(request, service, _("Service removed."))


@require_GET
def service_detail(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    service = access.access_service(request, service_id)
    return render(request, "directory/service_detail.html", {"service": service})


@require_GET
def service_finder(request: HttpRequest) -> HttpResponse:
    form = ServiceFinderForm(request.GET or None)
    found = access.visible_services(request)
    if form.is_valid():
        found = form.filter(found)
    found = _services_prefetch(found.order_by("organisation__country__iso2", "category", "name"))
    context = {"form": form, "page": _page(request, found)}
    return render_page_or_partial(request, "directory/service_finder.html", context, "results")


@require_GET
def who_works_where(request: HttpRequest) -> HttpResponse:
    """Border provinces and regions as rows, service categories as columns."""
    provinces = list(
        Area.objects.provinces().select_related("country").order_by("country__iso2", "name_en")
    )
    services = access.visible_services(request)
    counts: dict[tuple[Any, str], set[Any]] = {}
    rows = services.values_list(
        "id",
        "category",
        "areas__id",
        "areas__parent_id",
        "office__area__id",
        "office__area__parent_id",
    )
    for service_id, category, area, area_parent, office_area, office_parent in rows:
        for place in {area, area_parent, office_area, office_parent} - {None}:
            counts.setdefault((place, category), set()).add(service_id)
    table = [
        {
            "area": province,
            "cells": [
                (category, len(counts.get((province.id, category), ())))
                for category, _label in ServiceCategory.choices
            ],
        }
        for province in provinces
    ]
    crossings = BorderCrossing.objects.select_related("afghan_area__parent", "tajik_area__parent")
    context = {"categories": ServiceCategory.choices, "table": table, "crossings": crossings}
    return render(request, "directory/who_works_where.html", context)


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:100]
    organisations: Any = []
    found_services: Any = []
    places: Any = []
    if q:
        organisations = (
            access.visible_organisations(request)
            .filter(
                Q(name__icontains=q)
                | Q(name_local__icontains=q)
                | Q(acronym__icontains=q)
                | Q(description_en__icontains=q)
                | Q(description_ru__icontains=q)
                | Q(description_tg__icontains=q)
                | Q(description_prs__icontains=q)
                | Q(description_fr__icontains=q)
            )
            .select_related("country")[:20]
        )
        found_services = _services_prefetch(
            access.visible_services(request).filter(
                Q(name__icontains=q) | Q(description__icontains=q)
            )
        )[:20]
        places = Area.objects.filter(
            Q(name_en__icontains=q)
            | Q(name_fr__icontains=q)
            | Q(name_ru__icontains=q)
            | Q(name_tg__icontains=q)
            | Q(name_prs__icontains=q)
            | Q(pcode__iexact=q)
        ).select_related("parent", "country")[:20]
    context = {"q": q, "organisations": organisations, "services": found_services, "places": places}
    return render_page_or_partial(request, "directory/search.html", context, "results")


@require_GET
def application_list(request: HttpRequest) -> HttpResponse:
    require(request, Perm.MANAGE_MEMBERS)
    pending = access.pending_applications(request).select_related("country")
    decided = (
        Application.objects.exclude(status=Application.Status.PENDING)
        .select_related("country", "reviewed_by")
        .order_by("-reviewed_at")[:20]
    )
    return render(
        request, "directory/application_list.html", {"pending": pending, "decided": decided}
    )


@require_http_methods(["GET", "POST"])
def application_review(request: HttpRequest, application_id: uuid.UUID) -> HttpResponse:
    application = access.access_application(request, application_id)
    form: DecisionForm | None = DecisionForm(request.POST or None)
    if application.status != Application.Status.PENDING:
        form = None
    elif request.method == "POST" and form is not None and form.is_valid():
        if form.cleaned_data["decision"] == "accept":
            organisation = services.accept_application(
                application=application,
                reviewer=acting_user(request),
                note=form.cleaned_data["note"],
                invite_base_url=request.build_absolute_uri("/"),
            )
            messages.success(request, _("Accepted. The contact was invited as its admin."))
            return redirect("directory:organisation", slug=organisation.slug)
        services.decline_application(
            application=application,
            reviewer=acting_user(request),
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Declined."))
        return redirect("directory:applications")
    return render(
        request,
        "directory/application_review.html",
        {"application": application, "form": form},
    )
