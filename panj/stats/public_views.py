"""Open data, without sign-in: published releases only, read-only, files as they were frozen."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from panj.core.public import public_pages_on
from panj.stats import access
from panj.stats.models import Release
from panj.stats.tables import from_json
from panj.stats.views import file_response


@login_not_required
@require_GET
def release_list(request: HttpRequest) -> HttpResponse:
    public_pages_on()
    found = Release.objects.published().defer("tables", "method_note")[:200]
    return render(request, "stats/open_data_list.html", {"releases": found})


@login_not_required
@require_GET
def release_page(request: HttpRequest, release_id: uuid.UUID) -> HttpResponse:
    public_pages_on()
    release = access.published_release(release_id)
    return render(
        request,
        "stats/release.html",
        {
            "release": release,
            "tables": [from_json(t) for t in release.tables],
            "files": release.files.defer("content"),
            "public": True,
        },
    )


@login_not_required
@require_GET
def release_file(request: HttpRequest, release_id: uuid.UUID, name: str) -> HttpResponse:
    public_pages_on()
    release = access.published_release(release_id)
    return file_response(access.release_file(release, name))
