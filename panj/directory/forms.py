"""Forms of the directory: profiles, offices, focal points, services, the finder, joining."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from panj.directory.models import (
    Application,
    Area,
    Country,
    FocalPoint,
    Language,
    Office,
    Organisation,
    Service,
    ServiceCategory,
)


def area_label(area: Area) -> str:
    """A district with its province, so that places of the same name stay apart."""
    if area.parent_id and area.parent is not None:
        return f"{area.parent.name} › {area.name}"
    return area.name


class AreaChoiceField(forms.ModelChoiceField[Area]):
    def label_from_instance(self, obj: Area) -> str:
        return area_label(obj)


class AreaMultipleChoiceField(forms.ModelMultipleChoiceField[Area]):
    def label_from_instance(self, obj: Area) -> str:
        return area_label(obj)


def areas() -> Any:
    return Area.objects.select_related("parent", "country").order_by(
        "country__iso2", "parent__name_en", "level", "name_en"
    )


def website_field() -> forms.URLField:
    return forms.URLField(label=_("Website"), required=False, assume_scheme="https")


class OrganisationForm(forms.ModelForm[Organisation]):
    website = website_field()

    class Meta:
        model = Organisation
        fields = [
            "name",
            "name_local",
            "acronym",
            "kind",
            "country",
            "description_en",
            "description_fr",
            "description_ru",
            "description_tg",
            "description_prs",
            "languages",
            "website",
            "email",
            "phone",
            "is_public",
            "case_number_prefix",
        ]
        widgets = {
            "languages": forms.CheckboxSelectMultiple,
            **{
                f"description_{code}": forms.Textarea(attrs={"rows": 3})
                for code in ("en", "fr", "ru", "tg", "prs")
            },
            "description_prs": forms.Textarea(attrs={"rows": 3, "dir": "rtl", "lang": "prs"}),
        }


class MemberOrganisationForm(OrganisationForm):
    """What a network coordinator may also change: whether the member is active."""

    class Meta(OrganisationForm.Meta):
        fields = [*OrganisationForm.Meta.fields, "status"]


class OfficeForm(forms.ModelForm[Office]):
    area = AreaChoiceField(queryset=areas(), label=_("Area"))

    class Meta:
        model = Office
        fields = ["name", "area", "address", "phone", "is_main"]
        widgets = {"address": forms.Textarea(attrs={"rows": 2})}


class FocalPointForm(forms.ModelForm[FocalPoint]):
    class Meta:
        model = FocalPoint
        fields = ["name", "function", "phone", "email", "languages"]
        widgets = {"languages": forms.CheckboxSelectMultiple}


class ServiceForm(forms.ModelForm[Service]):
    areas = AreaMultipleChoiceField(
        queryset=areas(), label=_("Areas covered"), required=False, widget=forms.SelectMultiple
    )

    class Meta:
        model = Service
        fields = [
            "category",
            "name",
            "description",
            "office",
            "areas",
            "for_women",
            "for_men",
            "for_children",
            "for_adults",
            "languages",
            "cost",
            "referral_contact",
            "is_active",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "languages": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        office = self.fields["office"]
        assert isinstance(office, forms.ModelChoiceField)
        office.queryset = organisation.offices.all()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("for_women") or data.get("for_men")):
            self.add_error("for_women", _("Tick who the service is for: women, men or both."))
        if not (data.get("for_children") or data.get("for_adults")):
            self.add_error("for_children", _("Tick the ages served: children, adults or both."))
        return data


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    country = forms.ModelChoiceField(
        Country.objects.all(), label=_("Country"), required=False, empty_label=_("Any country")
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Any kind")), *Organisation.Kind.choices],
    )


class ServiceFinderForm(forms.Form):
    SERVED = [
        ("", _("Anyone")),
        ("women", _("Women and girls")),
        ("men", _("Men and boys")),
        ("children", _("Children")),
        ("adults", _("Adults")),
    ]

    category = forms.ChoiceField(
        label=_("Service"),
        required=False,
        choices=[("", _("Any service")), *ServiceCategory.choices],
    )
    country = forms.ModelChoiceField(
        Country.objects.all(), label=_("Country"), required=False, empty_label=_("Any country")
    )
    area = AreaChoiceField(
        queryset=areas(), label=_("Area"), required=False, empty_label=_("Any area")
    )
    language = forms.ModelChoiceField(
        Language.objects.all(), label=_("Language"), required=False, empty_label=_("Any language")
    )
    served = forms.ChoiceField(label=_("Who is served"), required=False, choices=SERVED)

    def filter(self, services: Any) -> Any:
        data = self.cleaned_data
        if data.get("category"):
            services = services.filter(category=data["category"])
        if data.get("country"):
            services = services.filter(organisation__country=data["country"])
        area: Area | None = data.get("area")
        if area is not None:
            # A service in a district also serves its province's searchers, and the reverse.
            related = Q(areas=area) | Q(office__area=area)
            if area.level == Area.Level.PROVINCE:
                related |= Q(areas__parent=area) | Q(office__area__parent=area)
            elif area.parent_id:
                related |= Q(areas=area.parent_id)
            services = services.filter(related)
        if data.get("language"):
            services = services.filter(languages=data["language"])
        served = data.get("served")
        if served:
            services = services.filter(**{f"for_{served}": True})
        return services.distinct()


class ApplicationForm(forms.ModelForm[Application]):
    website = website_field()

    class Meta:
        model = Application
        fields = [
            "organisation_name",
            "kind",
            "country",
            "website",
            "work_description",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        widgets = {"work_description": forms.Textarea(attrs={"rows": 4})}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("accept", _("Accept")), ("decline", _("Decline"))]
    )
    note = forms.CharField(
        label=_("Note on the decision"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "decline" and not data.get("note"):
            self.add_error("note", _("Say why, so the applicant can be told."))
        return data
