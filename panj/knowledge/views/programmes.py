"""Pages of joint programmes: list, create and change, indicators, progress and its chart."""

from __future__ import annotations

import uuid

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from panj.accounts.access import may, require
from panj.accounts.roles import Perm
from panj.knowledge import access
from panj.knowledge.charts import progress_chart
from panj.knowledge.forms.events import IndicatorForm, ProgrammeForm, ProgressForm
from panj.knowledge.models.programmes import Programme, ProgressValue
from panj.knowledge.services import programmes as services
from panj.knowledge.views.shared import part_form_page, record_form_page


def _programme_form(request: HttpRequest, instance: Programme | None = None) -> ProgrammeForm:
    return ProgrammeForm(
        request.POST or None,
        instance=instance,
        events=access.visible_events(request).order_by("-starts_at"),
        campaigns=access.visible_campaigns(request).order_by("-starts_on"),
    )


@require_GET
def programme_list(request: HttpRequest) -> HttpResponse:
    programmes = (
        access.visible_programmes(request)
        .select_related("organisation")
        .prefetch_related("partners", "areas")
    )
    context = {"programmes": list(programmes), "may_organise": may(request, Perm.ORGANISE_EVENTS)}
    return render(request, "knowledge/programmes/programme_list.html", context)


@require_http_methods(["GET", "POST"])
def programme_create(request: HttpRequest) -> HttpResponse:
    membership = require(request, Perm.ORGANISE_EVENTS)
    form = _programme_form(request)
    return record_form_page(
        request,
        form,
        record=None,
        save=lambda: services.save_programme(form=form, organisation=membership.organisation),
        saved=_("Programme created."),
        title=_("New programme"),
        url_name="knowledge:programme",
    )


@require_GET
def programme_detail(request: HttpRequest, programme_id: uuid.UUID) -> HttpResponse:
    programme = access.access_programme(request, programme_id)
    indicators = list(
        programme.indicators.prefetch_related(
            Prefetch("values", queryset=ProgressValue.objects.order_by("measured_on", "id"))
        )
    )
    context = {
        "programme": programme,
        "may_edit": access.may_edit_programme(request, programme),
        "partners": list(programme.partners.all()),
        "areas": list(programme.areas.select_related("parent")),
        "events": list(programme.events.filter(id__in=access.visible_events(request).values("id"))),
        "campaigns": list(
            programme.campaigns.filter(id__in=access.visible_campaigns(request).values("id"))
        ),
        "chart": progress_chart(indicators),
        "indicator_form": IndicatorForm(auto_id="indicator_%s"),
        "progress_form": ProgressForm(programme=programme, auto_id="progress_%s"),
    }
    return render(request, "knowledge/programmes/programme_detail.html", context)


@require_http_methods(["GET", "POST"])
def programme_edit(request: HttpRequest, programme_id: uuid.UUID) -> HttpResponse:
    programme = access.access_programme_for_edit(request, programme_id)
    form = _programme_form(request, programme)
    return record_form_page(
        request,
        form,
        record=programme,
        save=lambda: services.save_programme(form=form),
        saved=_("Programme saved."),
        title=_("Change the programme"),
        url_name="knowledge:programme",
    )


@require_http_methods(["GET", "POST"])
def add_indicator(request: HttpRequest, programme_id: uuid.UUID) -> HttpResponse:
    programme = access.access_programme_for_edit(request, programme_id)
    form = IndicatorForm(request.POST or None)
    return part_form_page(
        request,
        form,
        save=lambda: services.add_indicator(programme=programme, **form.cleaned_data),
        title=_("Add an indicator"),
        record=programme,
        url_name="knowledge:programme",
        part="progress",
    )


@require_http_methods(["GET", "POST"])
def add_progress(request: HttpRequest, programme_id: uuid.UUID) -> HttpResponse:
    programme = access.access_programme_for_edit(request, programme_id)
    form = ProgressForm(request.POST or None, programme=programme)
    return part_form_page(
        request,
        form,
        save=lambda: services.add_progress(**form.cleaned_data),
        saved=_("Progress recorded."),
        title=_("Record progress"),
        record=programme,
        url_name="knowledge:programme",
        part="progress",
    )
