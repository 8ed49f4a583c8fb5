"""Pages that events, programmes and campaigns share: their create and change form, a part of it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django_stubs_ext import StrOrPromise


class SharedRecord(Protocol):
    """An event, a programme or a campaign: it has a page of its own."""

    @property
    def id(self) -> Any: ...

    @property
    def title(self) -> str: ...


def record_form_page(
    request: HttpRequest,
    form: BaseForm,
    *,
    save: Callable[[], SharedRecord],
    saved: StrOrPromise,
    url_name: str,
    template: str,
    context: dict[str, Any],
) -> HttpResponse:
    """Create or change a record: saved, it says so and shows the record's page."""
    if request.method == "POST" and form.is_valid():
        record = save()
        messages.success(request, saved)
        return redirect(url_name, record.id)
    return render(request, template, {"form": form, **context})


def form_page(
    request: HttpRequest, form: BaseForm, *, title: str, record: SharedRecord, url_name: str
) -> HttpResponse:
    """A form of a record's page on a page of its own: shown again with its errors."""
    return render(
        request,
        "knowledge/events/form_page.html",
        {
            "form": form,
            "title": title,
            "back": record.title,
            "back_url": reverse(url_name, args=[record.id]),
        },
    )
