"""Forms of events, follow-up actions, joint programmes and awareness campaigns."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from panj.accounts.models import User
from panj.cases.dates import LocalDateField
from panj.directory.models import Area, Organisation
from panj.knowledge.models.campaigns import (
    AgeGroup,
    Audience,
    Campaign,
    CampaignMessage,
    Channel,
)
from panj.knowledge.models.events import Event, FollowUpAction, Sharing
from panj.knowledge.models.library import LibraryItem
from panj.knowledge.models.programmes import Indicator, Programme
from panj.knowledge.vocabulary import Visibility

CHECKBOXES = forms.CheckboxSelectMultiple
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _organisations() -> Any:
    return Organisation.objects.active().select_related("country").order_by("country__iso2", "name")


def _areas() -> Any:
    return Area.objects.select_related("parent").order_by("country__iso2", "level", "name_en")


def _members() -> Any:
    return (
        User.objects.filter(
            memberships__is_active=True,
            memberships__organisation__status=Organisation.Status.ACTIVE,
        )
        .distinct()
        .order_by("full_name")
    )


def _choose_from(form: forms.BaseForm, **querysets: Any) -> None:
    """Offer each named field the choices of its queryset, built when the form is."""
    for name, queryset in querysets.items():
        field = form.fields[name]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = queryset


def _ends_after_start(form: forms.BaseForm, data: dict[str, Any], message: StrOrPromise) -> None:
    if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
        form.add_error("ends_on", message)


def _without_public(form: forms.BaseForm) -> None:
    """Programmes and campaigns have no public pages: the network, or the partners only."""
    field = form.fields["sharing"]
    assert isinstance(field, forms.ChoiceField)
    field.choices = [(value, label) for value, label in Sharing.choices if value != Sharing.PUBLIC]


class EventForm(forms.ModelForm[Event]):
    start_day = LocalDateField(label=_("First day"))
    start_time = forms.TimeField(label=_("Starts at"), widget=TIME)
    end_day = LocalDateField(label=_("Last day"))
    end_time = forms.TimeField(label=_("Ends at"), widget=TIME)

    class Meta:
        model = Event
        fields = [
            "kind",
            "title_en",
            "title_prs",
            "title_tg",
            "title_ru",
            "title_fr",
            "description",
            "co_organisers",
            "online",
            "country",
            "area",
            "place",
            "time_zone",
            "funder",
            "invited_organisations",
            "invited_people",
            "documents",
            "outcomes",
            "sharing",
        ]
        widgets = {
            "co_organisers": CHECKBOXES,
            "invited_organisations": CHECKBOXES,
            "description": forms.Textarea(attrs={"rows": 3}),
            "outcomes": forms.Textarea(attrs={"rows": 3}),
        }

    field_order = [
        "kind",
        "title_en",
        "title_prs",
        "title_tg",
        "title_ru",
        "title_fr",
        "description",
        "start_day",
        "start_time",
        "end_day",
        "end_time",
        "time_zone",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations = _organisations()
        _choose_from(
            self,
            co_organisers=organisations,
            invited_organisations=organisations,
            invited_people=_members(),
            area=_areas(),
            # Only what every participant may open can be an event's document.
            documents=LibraryItem.objects.filter(
                visibility__in=[Visibility.NETWORK, Visibility.PUBLIC]
            ).order_by("-created_at"),
        )
        if self.instance.pk:
            start, end = self.instance.local_start, self.instance.local_end
            self.initial.update(
                start_day=start.date(),
                start_time=start.time(),
                end_day=end.date(),
                end_time=end.time(),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        zone_name = data.get("time_zone")
        parts = [data.get(k) for k in ("start_day", "start_time", "end_day", "end_time")]
        if zone_name and all(part is not None for part in parts):
            zone = zoneinfo.ZoneInfo(zone_name)
            starts = datetime.datetime.combine(parts[0], parts[1], tzinfo=zone)  # type: ignore[arg-type]
            ends = datetime.datetime.combine(parts[2], parts[3], tzinfo=zone)  # type: ignore[arg-type]
            if ends < starts:
                self.add_error("end_day", _("The event cannot end before it starts."))
            self.instance.starts_at = starts
            self.instance.ends_at = ends
        if not data.get("online") and not data.get("place") and not data.get("area"):
            self.add_error("place", _("Say where the event takes place, or tick online."))
        return data

    @property
    def changed_data(self) -> list[str]:
        # The start and end are typed as local day and time; saved, they are instants.
        changed = list(super().changed_data)
        typed = ("start_day", "start_time", "end_day", "end_time", "time_zone")
        if any(name in changed for name in typed):
            changed += ["starts_at", "ends_at"]
        return changed


class AgendaItemForm(forms.Form):
    day = LocalDateField(label=_("Day"))
    starts = forms.TimeField(label=_("Time"), widget=TIME)
    title = forms.CharField(label=_("Title"), max_length=200)


class AttendanceForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), required=False
    )
    other_organisation = forms.CharField(
        label=_("Or an organisation outside the network"), max_length=200, required=False
    )
    women = forms.IntegerField(label=_("Women and girls"), min_value=0, initial=0)
    men = forms.IntegerField(label=_("Men and boys"), min_value=0, initial=0)
    other = forms.IntegerField(label=_("Another or not given"), min_value=0, initial=0)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choose_from(self, organisation=_organisations())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("organisation")) == bool(data.get("other_organisation", "").strip()):
            raise forms.ValidationError(
                _("Choose a member organisation or name one outside the network, not both.")
            )
        return data


class AttendeesForm(forms.Form):
    attendees = forms.ModelMultipleChoiceField(
        label=_("Panj users who attended"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["attendees"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = _members()
        field.initial = list(event.attendees.values_list("pk", flat=True))


class ActionForm(forms.Form):
    description = forms.CharField(
        label=_("What is to be done"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    organisation = forms.ModelChoiceField(
        label=_("Owner organisation"), queryset=Organisation.objects.none()
    )
    due_on = LocalDateField(label=_("Due"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choose_from(self, organisation=_organisations())


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=FollowUpAction.Status.choices)


class OverdueFilterForm(forms.Form):
    show = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("overdue", _("Overdue")),
            ("pending", _("Open and in progress")),
            ("all", _("All")),
        ],
    )


class ProgrammeForm(forms.ModelForm[Programme]):
    starts_on = LocalDateField(label=_("Start"))
    ends_on = LocalDateField(label=_("End"))

    class Meta:
        model = Programme
        fields = [
            "title",
            "partners",
            "donor",
            "areas",
            "starts_on",
            "ends_on",
            "objectives",
            "events",
            "campaigns",
            "sharing",
        ]
        widgets = {"partners": CHECKBOXES, "objectives": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, events: Any, campaigns: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choose_from(
            self, partners=_organisations(), areas=_areas(), events=events, campaigns=campaigns
        )
        _without_public(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _ends_after_start(self, data, _("The programme cannot end before it starts."))
        return data


class IndicatorForm(forms.ModelForm[Indicator]):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "baseline", "target"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("target") is not None and data.get("target") == data.get("baseline"):
            self.add_error("target", _("The target must differ from the baseline."))
        return data


class ProgressForm(forms.Form):
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=Indicator.objects.none())
    measured_on = LocalDateField(label=_("Measured on"))
    value = forms.DecimalField(label=_("Value"), max_digits=12, decimal_places=2)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choose_from(self, indicator=programme.indicators.all())


class CampaignForm(forms.ModelForm[Campaign]):
    starts_on = LocalDateField(label=_("Start"))
    ends_on = LocalDateField(label=_("End"), required=False)
    audiences = forms.MultipleChoiceField(
        label=_("Audiences"), choices=Audience.choices, widget=CHECKBOXES, required=False
    )
    channels = forms.MultipleChoiceField(
        label=_("Channels"), choices=Channel.choices, widget=CHECKBOXES, required=False
    )

    class Meta:
        model = Campaign
        fields = [
            "title",
            "description",
            "partners",
            "areas",
            "communities",
            "audiences",
            "channels",
            "starts_on",
            "ends_on",
            "sharing",
        ]
        widgets = {
            "partners": CHECKBOXES,
            "description": forms.Textarea(attrs={"rows": 3}),
            "communities": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choose_from(self, partners=_organisations(), areas=_areas())
        _without_public(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _ends_after_start(self, data, _("The campaign cannot end before it starts."))
        return data


class MessageForm(forms.ModelForm[CampaignMessage]):
    class Meta:
        model = CampaignMessage
        fields = ["language", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class ReachForm(forms.Form):
    reported_on = LocalDateField(label=_("Date"))
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    age_group = forms.ChoiceField(label=_("Age group"), choices=AgeGroup.choices)
    women = forms.IntegerField(label=_("Women and girls reached"), min_value=0, initial=0)
    men = forms.IntegerField(label=_("Men and boys reached"), min_value=0, initial=0)
    other = forms.IntegerField(label=_("Another or not given"), min_value=0, initial=0)
