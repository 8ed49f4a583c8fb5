"""Forms of the case pages: small, one section each, so a phone can save as it goes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from panj.accounts.models import User
from panj.cases import htcds
from panj.cases.dates import LocalDateField
from panj.cases.identity import Identity
from panj.cases.models import Case, ClosureReason, Consent, RiskLevel
from panj.directory.models import Area, BorderCrossing, Country, Organisation, ServiceCategory

CHECKBOXES = forms.CheckboxSelectMultiple


def _staff_choices(organisation_id: Any) -> Any:
    return User.objects.filter(
        memberships__organisation_id=organisation_id,
        memberships__is_active=True,
        memberships__role__in=["caseworker", "supervisor"],
    ).order_by("full_name")


def _set_queryset(form: forms.BaseForm, name: str, queryset: Any) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset


def _set_choices(form: forms.BaseForm, name: str, choices: Any) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = choices


def _areas(country_id: Any = None) -> Any:
    areas = Area.objects.select_related("parent").order_by("country__iso2", "level", "name_en")
    return areas.filter(country_id=country_id) if country_id else areas


class IdentityForm(forms.Form):
    given_name = forms.CharField(label=_("Given name"), max_length=100)
    father_name = forms.CharField(label=_("Father's name"), max_length=100, required=False)
    family_name = forms.CharField(label=_("Family name"), max_length=100, required=False)
    other_names = forms.CharField(
        label=_("Other names and aliases"), max_length=200, required=False
    )
    birth_date = LocalDateField(label=_("Date of birth"), required=False)
    birth_year = forms.IntegerField(
        label=_("Year of birth, if the date is not known"),
        min_value=1900,
        max_value=2100,
        required=False,
    )
    estimated_age = forms.IntegerField(
        label=_("Estimated age, if the year is not known"),
        min_value=0,
        max_value=120,
        required=False,
    )
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    id_document = forms.CharField(
        label=_("Identity document"),
        max_length=100,
        required=False,
        help_text=_("Kind and number, for example tazkira 1234-5678."),
    )
    address = forms.CharField(
        label=_("Address"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def identity(self) -> Identity:
        data = self.cleaned_data
        return Identity(
            given_name=data.get("given_name") or "",
            father_name=data.get("father_name") or "",
            family_name=data.get("family_name") or "",
            other_names=data.get("other_names") or "",
            birth_date=data.get("birth_date"),
            birth_year=data.get("birth_year"),
            estimated_age=data.get("estimated_age"),
            phone=data.get("phone") or "",
            id_document=data.get("id_document") or "",
            address=data.get("address") or "",
        )

    @classmethod
    def initial_from(cls, identity: Identity) -> dict[str, Any]:
        return {name: getattr(identity, name) for name in Identity.field_names()}


class NewCaseForm(IdentityForm):
    """The first step: who, where, and consent to assistance. The rest can wait."""

    opened_on = LocalDateField(label=_("Date of registration"))
    gender = forms.ChoiceField(label=_("Gender"), choices=htcds.Gender.choices)
    area = forms.ModelChoiceField(label=_("Area"), queryset=Area.objects.none(), required=False)
    consent_assistance = forms.BooleanField(
        label=_("The person (or their guardian) agrees to receive assistance and to this record."),
        required=True,
    )
    consent_given_by = forms.ChoiceField(
        label=_("Consent given by"), choices=Consent.GivenBy.choices
    )
    consent_method = forms.ChoiceField(label=_("How"), choices=Consent.Method.choices)

    field_order = ["given_name", "father_name", "family_name", "gender", "birth_date"]

    def __init__(self, *args: Any, country_id: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_queryset(self, "area", _areas(country_id))
        self.fields["opened_on"].initial = timezone.localdate()
        for name in ("phone", "id_document", "address", "other_names"):
            # Asked later, on the identity section, only if it serves the person.
            del self.fields[name]


class TraffickingForm(forms.ModelForm[Case]):
    class Meta:
        model = Case
        fields = [
            "trafficking_status",
            "status_decided_by",
            "gender",
            "citizenship",
            "age_when_trafficked",
            "exploitation_types",
            "labour_industries",
            "sexual_exploitation_types",
            "recruitment_methods",
            "control_methods",
            "relationship_to_trafficker",
            "recruitment_apps",
            "exploitation_apps",
        ]

    citizenship = forms.MultipleChoiceField(
        label=_("Citizenship"), required=False, widget=CHECKBOXES
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(
            self, "citizenship", [(c.iso2, c.name) for c in Country.objects.order_by("name_en")]
        )


class ManagementForm(forms.ModelForm[Case]):
    """Status, caseworker, area and risk; closing asks for a reason and a date."""

    risk_assessment = forms.CharField(
        label=_("Risk assessment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A few lines: what puts the person at risk now, and what protects them."),
    )
    closed_on = LocalDateField(label=_("Closed on"), required=False)

    class Meta:
        model = Case
        fields = ["status", "closure_reason", "closed_on", "caseworker", "area", "risk_level"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_queryset(self, "caseworker", _staff_choices(self.instance.organisation_id))
        _set_queryset(self, "area", _areas(self.instance.organisation.country_id))
        _set_choices(self, "risk_level", RiskLevel.choices)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("status") in (htcds.CaseStatus.CLOSED, htcds.CaseStatus.CLOSED_REFERRED):
            if not data.get("closure_reason"):
                self.add_error("closure_reason", _("Say why the case is closed."))
            if not data.get("closed_on"):
                data["closed_on"] = timezone.localdate()
        else:
            data["closure_reason"] = ""
            data["closed_on"] = None
        return data


class NeedsForm(forms.ModelForm[Case]):
    class Meta:
        model = Case
        fields = ["needs"]


class PlanItemForm(forms.Form):
    type = forms.ChoiceField(label=_("Kind of support"), choices=htcds.SupportType.choices)
    objective = forms.CharField(label=_("Objective"), max_length=300)
    actions = forms.CharField(
        label=_("Actions"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    planned_end_on = LocalDateField(label=_("Planned end"), required=False)


class ServiceForm(forms.Form):
    category = forms.ChoiceField(label=_("Service"), choices=ServiceCategory.choices)
    delivered_on = LocalDateField(label=_("Date"))
    provider = forms.ModelChoiceField(
        label=_("Provided by"),
        queryset=Organisation.objects.active(),
        help_text=_("Your organisation, or the one the person was referred to."),
    )


class NoteForm(forms.Form):
    written_on = LocalDateField(label=_("Date"))
    text = forms.CharField(
        label=_("Note"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )


class FollowUpForm(forms.Form):
    due_on = LocalDateField(label=_("Follow up on"))


class EventForm(forms.Form):
    type = forms.ChoiceField(label=_("Step"), choices=htcds.EventType.choices)
    happened_on = LocalDateField(label=_("Date"), required=False)
    country = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.order_by("name_en"), required=False
    )
    area = forms.ModelChoiceField(
        label=_("Province or district"), queryset=_areas(), required=False
    )
    border_crossing = forms.ModelChoiceField(
        label=_("Border crossing used"), queryset=BorderCrossing.objects.all(), required=False
    )


class ConsentForm(forms.Form):
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Consent.Purpose.choices)
    recipient = forms.ModelChoiceField(
        label=_("Organisation referred to"),
        queryset=Organisation.objects.active(),
        required=False,
        help_text=_("Only for a referral: consent names the organisation."),
    )
    given_by = forms.ChoiceField(label=_("Given by"), choices=Consent.GivenBy.choices)
    method = forms.ChoiceField(label=_("How"), choices=Consent.Method.choices)
    given_on = LocalDateField(label=_("Given on"))
    expires_on = LocalDateField(label=_("Expires on"), required=False)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("purpose") == Consent.Purpose.REFERRAL and not data.get("recipient"):
            self.add_error(
                "recipient", _("Name the organisation the person agrees to be referred to.")
            )
        if data.get("purpose") != Consent.Purpose.REFERRAL:
            data["recipient"] = None
        given, expires = data.get("given_on"), data.get("expires_on")
        if given and expires and expires < given:
            self.add_error("expires_on", _("Consent cannot expire before it is given."))
        return data


class CloseReasonForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=ClosureReason.choices)


class CaseFilterForm(forms.Form):
    mine = forms.BooleanField(label=_("Only my cases"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any")), *htcds.CaseStatus.choices]
    )
    caseworker = forms.ModelChoiceField(
        label=_("Caseworker"), queryset=User.objects.none(), required=False
    )
    exploitation = forms.ChoiceField(
        label=_("Exploitation"),
        required=False,
        choices=[("", _("Any")), *htcds.ExploitationType.choices],
    )
    gender = forms.ChoiceField(
        label=_("Gender"), required=False, choices=[("", _("Any")), *htcds.Gender.choices]
    )
    age = forms.ChoiceField(
        label=_("Age group"),
        required=False,
        choices=[
            ("", _("Any")),
            ("child", _("Children (under 18)")),
            ("adult", _("Adults")),
            ("unknown", _("Age unknown")),
        ],
    )
    area = forms.ModelChoiceField(label=_("Area"), queryset=Area.objects.none(), required=False)
    due = forms.BooleanField(label=_("Follow-up due this week"), required=False)

    def __init__(
        self, *args: Any, organisation_id: Any = None, country_id: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        _set_queryset(self, "caseworker", _staff_choices(organisation_id))
        _set_queryset(self, "area", _areas(country_id).filter(level=Area.Level.PROVINCE))


class NameSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Find by name"),
        max_length=200,
        help_text=_(
            "Whole words only: type a full given, father's or family name. Names are stored "
            "encrypted, so parts of words cannot be searched."
        ),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (CSV or XLSX)"),
        help_text=_(
            "One case per row, with HTCDS column names. "
            "Nothing is imported unless every row is valid."
        ),
    )


class PhotoForm(forms.Form):
    photo = forms.FileField(
        label=_("Photo"),
        help_text=_(
            "JPEG, PNG or WebP. Panj keeps a small copy, encrypted, and removes the camera's "
            "data (place, time, device) from it."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    def clean_photo(self) -> bytes:
        from panj.cases.photos import clean_photo

        return clean_photo(self.cleaned_data["photo"])
