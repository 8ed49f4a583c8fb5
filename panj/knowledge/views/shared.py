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
    record: SharedRecord | None,
    save: Callable[[], SharedRecord],
    saved: str,
    title: str,
    url_name: str,
    help_text: StrOrPromise = "",
) -> HttpResponse:
    """Create (no `record` yet) or change a record: saved, it says so and shows its page."""
    if request.method == "POST" and form.is_valid():
        record = save()
        messages.success(request, saved)
        return redirect(url_name, record.id)
    return _form_page(
        request, form, title=title, record=record, url_name=url_name, help_text=help_text
    )


def part_form_page(
    request: HttpRequest,
    form: BaseForm,
    *,
    save: Callable[[], object],
    title: str,
    record: SharedRecord,
    url_name: str,
    part: str,
    saved: str = "",
) -> HttpResponse:
    """Add to a part of a record's page (its agenda, its reach): saved, back to that part."""
    if request.method == "POST" and form.is_valid():
        save()
        if saved:
            messages.success(request, saved)
        return redirect(reverse(url_name, args=[record.id]) + f"#{part}")
    return _form_page(request, form, title=title, record=record, url_name=url_name)


def _form_page(
    request: HttpRequest,
    form: BaseForm,
    *,
    title: str,
    record: SharedRecord | None,
    url_name: str,
    help_text: StrOrPromise = "",
) -> HttpResponse:
    """A form of a record on a page of its own, shown again with its errors."""
    context = {"form": form, "title": title, "help_text": help_text}
    if record is not None:
        context |= {"back": record.title, "back_url": reverse(url_name, args=[record.id])}
    return render(request, "knowledge/form_page.html", context)
