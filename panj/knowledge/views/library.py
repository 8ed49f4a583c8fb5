"""Pages of the library: search and filters, an item, adding and editing, file downloads."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panj.accounts.access import acting_user, current_membership, may, require
from panj.accounts.roles import Perm
from panj.core.htmx import render_page_or_partial
from panj.core.public import public_pages_on
from panj.knowledge import access
from panj.knowledge.forms.library import LibraryFilterForm, LibraryItemForm
from panj.knowledge.models import LibraryFile, LibraryItem, LibraryItemQuerySet
from panj.knowledge.search import matching
from panj.knowledge.services import library as services

PAGE_SIZE = 20
MAX_PAGE = 250


def filtered(items: LibraryItemQuerySet, form: LibraryFilterForm) -> LibraryItemQuerySet:
    """`items` narrowed by the search words and filters of a valid `form`."""
    if not form.is_valid():
        return items
    data = form.cleaned_data
    if data["q"]:
        items = matching(items, data["q"])
    if data["topic"]:
        items = items.with_topic(data["topic"])
    if data["kind"]:
        items = items.filter(kind=data["kind"])
    if data["language"]:
        items = items.filter(language=data["language"])
    if data["country"]:
        items = items.filter(countries__iso2=data["country"])
    return items


def page_of(request: HttpRequest, items: LibraryItemQuerySet) -> dict[str, Any]:
    """One page of `items`, newest first, without counting them all."""
    try:
        page = min(max(int(request.GET.get("page", "1")), 1), MAX_PAGE)
    except ValueError:
        page = 1
    start = (page - 1) * PAGE_SIZE
    # Ids first, then the rows: the search can then page through an index without
    # reading the long titles and summaries of every match.
    ids = list(
        items.order_by("-created_at").values_list("id", flat=True)[start : start + PAGE_SIZE + 1]
    )
    found = LibraryItem.objects.select_related("organisation").in_bulk(ids[:PAGE_SIZE])
    rows = [found[item_id] for item_id in ids[:PAGE_SIZE] if item_id in found]
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "items": rows,
        "page": page,
        "has_next": len(ids) > PAGE_SIZE and page < MAX_PAGE,
        "query": query.urlencode(),
    }


@require_GET
def library(request: HttpRequest) -> HttpResponse:
    form = LibraryFilterForm(request.GET)
    context = {
        "form": form,
        "may_contribute": may(request, Perm.CONTRIBUTE_KNOWLEDGE),
        **page_of(request, filtered(access.library_for(request), form)),
    }
    return render_page_or_partial(request, "knowledge/library/list.html", context, "results")


def _item_context(request: HttpRequest, item: LibraryItem) -> dict[str, Any]:
    return {
        "item": item,
        "files": list(item.files.all()),
        "countries": list(item.countries.all()),
        "areas": list(item.areas.select_related("country")),
    }


@require_GET
def item_detail(request: HttpRequest, item_id: uuid.UUID) -> HttpResponse:
    item = access.access_library_item(request, item_id)
    context = _item_context(request, item)
    context["may_edit"] = access.may_edit_item(current_membership(request), item)
    return render(request, "knowledge/library/item.html", context)


@require_http_methods(["GET", "POST"])
def item_new(request: HttpRequest) -> HttpResponse:
    membership = require(request, Perm.CONTRIBUTE_KNOWLEDGE)
    form = LibraryItemForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        item = services.add_library_item(
            organisation=membership.organisation,
            by=acting_user(request),
            details=form.details(),
            files=form.cleaned_data["documents"],
        )
        messages.success(request, _("The item is in the library."))
        return redirect("knowledge:library_item", item_id=item.id)
    return render(request, "knowledge/library/form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, item_id: uuid.UUID) -> HttpResponse:
    item = access.access_library_item_for_edit(request, item_id)
    form = LibraryItemForm(request.POST or None, request.FILES or None, instance=item)
    if request.method == "POST" and form.is_valid():
        services.update_library_item(
            item=item, details=form.details(), files=form.cleaned_data["documents"]
        )
        messages.success(request, _("The item is saved."))
        return redirect("knowledge:library_item", item_id=item.id)
    return render(
        request,
        "knowledge/library/form.html",
        {"form": form, "item": item, "files": list(item.files.all())},
    )


@require_POST
def item_delete(request: HttpRequest, item_id: uuid.UUID) -> HttpResponse:
    item = access.access_library_item_for_edit(request, item_id)
    services.delete_library_item(item=item)
    messages.success(request, _("The item is removed from the library."))
    return redirect("knowledge:library")


@require_POST
def file_delete(request: HttpRequest, item_id: uuid.UUID, file_id: uuid.UUID) -> HttpResponse:
    stored = access.access_library_file_for_edit(request, item_id, file_id)
    services.remove_library_file(file=stored)
    messages.success(request, _("The file is removed."))
    return redirect("knowledge:library_edit", item_id=item_id)


def download(stored: LibraryFile) -> FileResponse:
    """A stored file as an attachment of the type it was checked to be."""
    try:
        handle = stored.file.open("rb")
    except OSError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=stored.name, content_type=stored.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def file_download(request: HttpRequest, item_id: uuid.UUID, file_id: uuid.UUID) -> FileResponse:
    return download(access.access_library_file(request, item_id, file_id))


# --- Public pages ------------------------------------------------------------------------


@login_not_required
@require_GET
def public_library(request: HttpRequest) -> HttpResponse:
    public_pages_on()
    form = LibraryFilterForm(request.GET)
    context = {"form": form, **page_of(request, filtered(LibraryItem.objects.public(), form))}
    return render_page_or_partial(request, "knowledge/library/public_list.html", context, "results")


@login_not_required
@require_GET
def public_item(request: HttpRequest, item_id: uuid.UUID) -> HttpResponse:
    public_pages_on()
    item = access.public_library_item(item_id)
    return render(request, "knowledge/library/public_item.html", _item_context(request, item))


@login_not_required
@require_GET
def public_file(request: HttpRequest, item_id: uuid.UUID, file_id: uuid.UUID) -> FileResponse:
    public_pages_on()
    return download(access.public_library_file(item_id, file_id))
