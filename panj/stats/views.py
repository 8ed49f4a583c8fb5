"""Pages of statistics: the dashboards, open-data releases to build and review, references."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panj.accounts.access import acting_user, current_membership, may
from panj.accounts.roles import Perm
from panj.stats import access, dashboards, services
from panj.stats.forms import ReferenceForm, ReleaseForm
from panj.stats.models import ReferenceDataset, ReleaseFile
from panj.stats.tables import from_json


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    if may(request, Perm.VIEW_NETWORK_STATISTICS):
        return redirect("stats:network")
    if may(request, Perm.VIEW_ORGANISATION_STATISTICS):
        return redirect("stats:organisation")
    return render(request, "stats/index.html", {})


@require_GET
def organisation_dashboard(request: HttpRequest) -> HttpResponse:
    membership = access.organisation_statistics(request)
    context = dashboards.organisation_figures(membership.organisation_id)
    context |= {"scope": "organisation", "organisation": membership.organisation}
    return render(request, "stats/dashboard.html", context)


def _reference(request: HttpRequest) -> ReferenceDataset | None:
    value = request.GET.get("reference", "")
    if not value:
        return None
    try:
        return ReferenceDataset.objects.get(id=uuid.UUID(value))
    except (ValueError, ReferenceDataset.DoesNotExist):
        raise Http404 from None


@require_GET
def network_dashboard(request: HttpRequest) -> HttpResponse:
    access.network_statistics(request)
    reference = _reference(request)
    context = dashboards.network_figures(reference)
    context |= {
        "scope": "network",
        "reference": reference,
        "references": ReferenceDataset.objects.only("id", "name", "records"),
    }
    return render(request, "stats/dashboard.html", context)


@require_http_methods(["GET", "POST"])
def releases(request: HttpRequest) -> HttpResponse:
    if not (access.may_prepare(request) or access.may_publish(request)):
        raise PermissionDenied
    form = ReleaseForm(request.POST or None) if access.may_prepare(request) else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        membership = current_membership(request)
        assert membership is not None
        if form.is_valid():
            try:
                release = services.build_release(
                    organisation=membership.organisation,
                    by=acting_user(request),
                    options=services.ReleaseOptions(**form.cleaned_data),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The release is built. Someone else must review it."))
                return redirect("stats:release", release_id=release.id)
    found = access.releases_for(request).select_related("built_by").defer("tables", "method_note")
    return render(request, "stats/releases.html", {"releases": found[:100], "form": form})


@require_GET
def release_detail(request: HttpRequest, release_id: uuid.UUID) -> HttpResponse:
    release = access.access_release(request, release_id)
    return render(
        request,
        "stats/release.html",
        {
            "release": release,
            "tables": [from_json(t) for t in release.tables],
            "files": release.files.defer("content"),
            "may_publish": access.may_publish(request)
            and release.may_be_published_by(acting_user(request)),
            "public": False,
        },
    )


@require_POST
def publish(request: HttpRequest, release_id: uuid.UUID) -> HttpResponse:
    release = access.access_release(request, release_id)
    if not access.may_publish(request):
        raise PermissionDenied
    try:
        services.publish_release(release=release, by=acting_user(request))
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
        return redirect("stats:release", release_id=release.id)
    messages.success(request, _("The release is published."))
    return redirect("open_data:release", release_id=release.id)


@require_GET
def release_download(request: HttpRequest, release_id: uuid.UUID, name: str) -> HttpResponse:
    release = access.access_release(request, release_id)
    return file_response(access.release_file(release, name))


def file_response(found: ReleaseFile) -> HttpResponse:
    """A stored file, byte for byte as it was frozen."""
    response = HttpResponse(bytes(found.content), content_type=found.media_type)
    response["Content-Disposition"] = f'attachment; filename="{found.name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_http_methods(["GET", "POST"])
def references(request: HttpRequest) -> HttpResponse:
    access.network_statistics(request)
    may_load = may(request, Perm.PUBLISH_OPEN_DATA)
    form = ReferenceForm(request.POST or None, request.FILES or None) if may_load else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                dataset = services.import_reference(
                    name=form.cleaned_data["name"],
                    source=form.cleaned_data["source"],
                    file_name=upload.name,
                    content=upload.read(),
                    by=acting_user(request),
                )
            except ValidationError as error:
                form.add_error("file", error)
            else:
                messages.success(request, _("The reference dataset is loaded."))
                return redirect(f"{redirect('stats:network').url}?reference={dataset.id}")
    return render(
        request,
        "stats/references.html",
        {"datasets": ReferenceDataset.objects.all()[:50], "form": form},
    )
