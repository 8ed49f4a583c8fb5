"""The audit log page: an organisation admin reads who did what in their organisation."""

from __future__ import annotations

import datetime

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from panj.audit.access import entries_for, people_of
from panj.audit.forms import AuditFilterForm
from panj.core.htmx import render_page_or_partial

PAGE_SIZE = 50


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@require_GET
def log(request: HttpRequest) -> HttpResponse:
    entries = entries_for(request)
    form = AuditFilterForm(request.GET or None, people=list(people_of(request)))
    if form.is_valid():
        data = form.cleaned_data
        if data["action"]:
            entries = entries.filter(action=data["action"])
        if data["actor"]:
            entries = entries.filter(actor_id=data["actor"])
        if data["since"]:
            entries = entries.filter(at__gte=_start_of(data["since"]))
        if data["until"]:
            entries = entries.filter(at__lt=_start_of(data["until"] + datetime.timedelta(days=1)))
    page = Paginator(entries.order_by("-sequence"), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page}
    return render_page_or_partial(request, "audit/log.html", context, "results")
