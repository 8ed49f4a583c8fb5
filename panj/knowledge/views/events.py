"""Pages of events: list, create and change, agenda, attendance, follow-up actions, calendars."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panj.accounts.access import current_membership, may, require
from panj.accounts.roles import Perm
from panj.core.htmx import render_page_or_partial
from panj.core.public import public_pages_on
from panj.knowledge import access
from panj.knowledge.calendar import calendar_of
from panj.knowledge.figures import BySex
from panj.knowledge.forms.events import (
    ActionForm,
    ActionStatusForm,
    AgendaItemForm,
    AttendanceForm,
    AttendeesForm,
    EventForm,
    OverdueFilterForm,
)
from panj.knowledge.models.events import Event, FollowUpAction, Sharing, TimeZone
from panj.knowledge.services import events as services
from panj.knowledge.views.shared import part_form_page, record_form_page

PAST_SHOWN = 30
UPCOMING_SHOWN = 50
ACTIONS_SHOWN = 50
FEED_SIZE = 100
TIMES_ARE_LOCAL = gettext_lazy(
    "Times are the local time of the place, in the time zone chosen below."
)


@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    events = access.visible_events(request).select_related("organisation", "area", "country")
    now = timezone.now()
    context = {
        "upcoming": list(events.filter(ends_at__gte=now).order_by("starts_at")[:UPCOMING_SHOWN]),
        "past": list(events.filter(ends_at__lt=now).order_by("-starts_at")[:PAST_SHOWN]),
        "may_organise": may(request, Perm.ORGANISE_EVENTS),
    }
    return render(request, "knowledge/events/event_list.html", context)


@require_http_methods(["GET", "POST"])
def event_create(request: HttpRequest) -> HttpResponse:
    membership = require(request, Perm.ORGANISE_EVENTS)
    in_tajikistan = membership.organisation.country.iso2 == "TJ"
    zone = TimeZone.DUSHANBE if in_tajikistan else TimeZone.KABUL
    form = EventForm(request.POST or None, initial={"time_zone": zone})
    return record_form_page(
        request,
        form,
        record=None,
        save=lambda: services.save_event(form=form, organisation=membership.organisation),
        saved=_("Event created."),
        title=_("New event"),
        url_name="knowledge:event",
        help_text=TIMES_ARE_LOCAL,
    )


@require_GET
def event_detail(request: HttpRequest, event_id: uuid.UUID) -> HttpResponse:
    event = access.access_event(request, event_id)
    may_edit = access.may_edit_event(request, event)
    actions = list(event.actions.select_related("organisation"))
    for action in actions:
        action.may_update = may_edit or access.may_update_action(  # type: ignore[attr-defined]
            request, action
        )
    attendance = list(event.attendance.select_related("organisation"))
    context = {
        "event": event,
        "may_edit": may_edit,
        "agenda": list(event.agenda.all()),
        "invited": list(event.invited_organisations.select_related("country")),
        "invited_people": list(event.invited_people.order_by("full_name")),
        "attendees": list(event.attendees.order_by("full_name")),
        "attendance": attendance,
        "totals": sum((BySex(row.women, row.men, row.other) for row in attendance), BySex()),
        "documents": list(event.documents.filter(id__in=access.library_for(request).values("id"))),
        "actions": actions,
        "today": timezone.localdate(),
        "status_choices": FollowUpAction.Status.choices,
        # Three forms on one page: their own ids, the same field names as their own pages.
        "agenda_form": AgendaItemForm(auto_id="agenda_%s"),
        "attendance_form": AttendanceForm(auto_id="attendance_%s"),
        "action_form": ActionForm(auto_id="action_%s"),
    }
    return render(request, "knowledge/events/event_detail.html", context)


@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, event_id: uuid.UUID) -> HttpResponse:
    event = access.access_event_for_edit(request, event_id)
    form = EventForm(request.POST or None, instance=event)
    return record_form_page(
        request,
        form,
        record=event,
        save=lambda: services.save_event(form=form),
        saved=_("Event saved."),
        title=_("Change the event"),
        url_name="knowledge:event",
        help_text=TIMES_ARE_LOCAL,
    )


@require_http_methods(["GET", "POST"])
def add_agenda_item(request: HttpRequest, event_id: uuid.UUID) -> HttpResponse:
    event = access.access_event_for_edit(request, event_id)
    form = AgendaItemForm(request.POST or None, initial={"day": event.local_start.date()})
    return part_form_page(
        request,
        form,
        save=lambda: services.add_agenda_item(event=event, **form.cleaned_data),
        title=_("Add to the agenda"),
        record=event,
        url_name="knowledge:event",
        part="agenda",
    )


@require_http_methods(["GET", "POST"])
def record_attendance(request: HttpRequest, event_id: uuid.UUID) -> HttpResponse:
    event = access.access_event_for_edit(request, event_id)
    form = AttendanceForm(request.POST or None)

    def save() -> None:
        data = form.cleaned_data
        services.record_attendance(
            event=event,
            organisation=data["organisation"],
            other_organisation=data["other_organisation"],
            women=data["women"],
            men=data["men"],
            other=data["other"],
        )

    return part_form_page(
        request,
        form,
        save=save,
        saved=_("Attendance recorded."),
        title=_("Record attendance"),
        record=event,
        url_name="knowledge:event",
        part="attendance",
    )


@require_http_methods(["GET", "POST"])
def edit_attendees(request: HttpRequest, event_id: uuid.UUID) -> HttpResponse:
    event = access.access_event_for_edit(request, event_id)
    form = AttendeesForm(request.POST or None, event=event)
    return part_form_page(
        request,
        form,
        save=lambda: services.set_attendees(event=event, users=form.cleaned_data["attendees"]),
        title=_("Panj users who attended"),
        record=event,
        url_name="knowledge:event",
        part="attendance",
    )


@require_http_methods(["GET", "POST"])
def add_action(request: HttpRequest, event_id: uuid.UUID) -> HttpResponse:
    event = access.access_event_for_edit(request, event_id)
    form = ActionForm(request.POST or None)
    return part_form_page(
        request,
        form,
        save=lambda: services.add_action(event=event, **form.cleaned_data),
        saved=_("Follow-up action added."),
        title=_("Add a follow-up action"),
        record=event,
        url_name="knowledge:event",
        part="actions",
    )


@require_POST
def action_status(request: HttpRequest, action_id: uuid.UUID) -> HttpResponse:
    action = access.access_action_for_update(request, action_id)
    form = ActionStatusForm(request.POST)
    saved = form.is_valid()
    if saved:
        services.set_action_status(action=action, status=form.cleaned_data["status"])
    if getattr(request, "htmx", None):
        # htmx swaps the action in place; without it, the page reloads with a message.
        action.may_update = True  # type: ignore[attr-defined]
        context = {
            "action": action,
            "today": timezone.localdate(),
            "status_choices": FollowUpAction.Status.choices,
            "next": request.POST.get("next", ""),
            "saved": saved,
        }
        return render(request, "knowledge/events/action_item.html", context)
    if saved:
        messages.success(request, _("Status saved."))
    else:
        messages.error(request, _("Choose a status."))
    back = request.POST.get("next", "")
    if back == "actions":
        return redirect("knowledge:actions")
    if back == "home":
        return redirect("home")
    return redirect(reverse("knowledge:event", args=[action.event_id]) + "#actions")


@never_cache
@require_GET
def action_list(request: HttpRequest) -> HttpResponse:
    """Coordinators follow the network's actions; everyone else their organisation's."""
    membership = current_membership(request)
    if membership is None:
        raise PermissionDenied
    filters = OverdueFilterForm(request.GET or None)
    show = filters.cleaned_data["show"] if filters.is_valid() else ""
    actions = access.overseen_actions(request)
    if show == "pending":
        actions = actions.pending()
    elif show != "all":
        show = "overdue"
        actions = actions.overdue()
    rows = list(
        actions.select_related("organisation", "event").order_by("due_on")[: ACTIONS_SHOWN + 1]
    )
    more = len(rows) > ACTIONS_SHOWN
    rows = rows[:ACTIONS_SHOWN]
    for action in rows:
        action.may_update = (  # type: ignore[attr-defined]
            action.organisation_id == membership.organisation_id
            and access.may_update_action(request, action)
        )
    context = {
        "rows": rows,
        "more": more,
        "filters": filters,
        "show": show,
        "network_wide": access.is_coordinator(membership),
        "today": timezone.localdate(),
        "status_choices": FollowUpAction.Status.choices,
    }
    return render_page_or_partial(request, "knowledge/events/action_list.html", context, "rows")


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _event_url(request: HttpRequest) -> str:
    placeholder = uuid.UUID(int=0)
    path = reverse("knowledge:event", args=[placeholder])
    return request.build_absolute_uri(path).replace(str(placeholder), "{id}")


@require_GET
def event_ics(request: HttpRequest, event_id: uuid.UUID) -> HttpResponse:
    event = access.access_event(request, event_id)
    body = calendar_of([event], name=event.title, base_url=_event_url(request))
    return _ics(body, f"event-{event.id}.ics")


@require_GET
def events_feed(request: HttpRequest) -> HttpResponse:
    """The upcoming events the member sees, for a calendar app."""
    events = access.visible_events(request).upcoming()[:FEED_SIZE]
    body = calendar_of(events, name=_("Panj events"), base_url=_event_url(request))
    return _ics(body, "panj-events.ics")


@login_not_required
@require_GET
def public_events_feed(request: HttpRequest) -> HttpResponse:
    """Upcoming events the organisers made public; nothing else about the network."""
    public_pages_on()
    events = Event.objects.filter(sharing=Sharing.PUBLIC).upcoming()[:FEED_SIZE]
    body = calendar_of(events, name=_("Public events of the Panj network"))
    return _ics(body, "panj-public-events.ics")
