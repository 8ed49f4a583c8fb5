"""The network's public pages: who we are, where we work, and how to join. No sign-in."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from panj.core.public import public_pages_on
from panj.directory import access, services
from panj.directory.forms import ApplicationForm
from panj.directory.models import Area, Office, Service


def _public_lookups() -> list[Prefetch[Any]]:
    return [
        Prefetch("offices", queryset=Office.objects.select_related("area__parent")),
        Prefetch(
            "services",
            queryset=Service.objects.filter(is_active=True).prefetch_related(
                Prefetch("areas", queryset=Area.objects.select_related("parent"))
            ),
        ),
    ]


@login_not_required
@require_GET
def network(request: HttpRequest) -> HttpResponse:
    public_pages_on()
    organisations = (
        access.public_organisations()
        .select_related("country")
        .prefetch_related(*_public_lookups())
        .order_by("country__iso2", "name")
    )
    return render(request, "directory/public/network.html", {"organisations": organisations})


@login_not_required
@require_GET
def organisation(request: HttpRequest, slug: str) -> HttpResponse:
    public_pages_on()
    found = access.access_public_organisation(slug)
    prefetch_related_objects([found], *_public_lookups())
    return render(request, "directory/public/organisation.html", {"organisation": found})


@login_not_required
@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    public_pages_on()
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.submit_application(**form.cleaned_data)
        return redirect("public:join_thanks")
    return render(request, "directory/public/join.html", {"form": form})


@login_not_required
@require_GET
def join_thanks(request: HttpRequest) -> HttpResponse:
    public_pages_on()
    return render(request, "directory/public/join_thanks.html")
