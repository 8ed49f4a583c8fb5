"""Forms of the referral pages: choosing services, what travels, answers, agreements."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from panj.cases.dates import LocalDateField
from panj.directory.models import Country, Language, Organisation, ServiceCategory
from panj.referrals import travel
from panj.referrals.documents import check_pdf
from panj.referrals.models import Agreement, DeclineReason, Outcome, Reason, Urgency

CHECKBOXES = forms.CheckboxSelectMultiple


class NewReferralForm(forms.Form):
    """The services chosen in the finder (of one organisation), with urgency and reason."""

    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices)
    reason = forms.ChoiceField(label=_("Reason"), choices=Reason.choices)


class SendForm(forms.Form):
    travels = forms.MultipleChoiceField(
        label=_("What travels"),
        widget=CHECKBOXES,
        required=False,
        help_text=_(
            "The minimum the services need, within the agreement. Untick what the "
            "receiver can do without."
        ),
    )
    languages = forms.ModelMultipleChoiceField(
        Language.objects.order_by("name_en"),
        label=_("Languages the person speaks"),
        required=False,
        widget=CHECKBOXES,
    )
    note = forms.CharField(
        label=_("Note for the receiving organisation"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What they need to know to receive the person: no more."),
    )

    def __init__(self, *args: Any, allowed: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["travels"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(name, travel.BY_NAME[name].label) for name in allowed]
        if not self.is_bound:
            self.initial.setdefault("travels", allowed)


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason for declining"), choices=DeclineReason.choices)


class DeliveryForm(forms.Form):
    category = forms.ChoiceField(label=_("Service"), choices=ServiceCategory.choices)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    delivered_on = LocalDateField(label=_("Date"), required=False)

    def __init__(self, *args: Any, categories: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["category"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(c, ServiceCategory(c).label) for c in categories]


class AgreementForm(forms.ModelForm[Agreement]):
    organisations = forms.ModelMultipleChoiceField(
        Organisation.objects.active().order_by("name"),
        label=_("Organisations"),
        required=False,
        widget=CHECKBOXES,
    )
    countries = forms.ModelMultipleChoiceField(
        Country.objects.order_by("name_en"),
        label=_("All members in"),
        required=False,
        widget=CHECKBOXES,
        help_text=_("A country group: every member organisation in that country is a party."),
    )
    fields_allowed = forms.MultipleChoiceField(
        label=_("Fields that may travel"), choices=travel.CHOICES, widget=CHECKBOXES
    )
    document = forms.FileField(
        label=_("Signed document (PDF, at most 5 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )
    starts_on = LocalDateField(label=_("In force from"))
    ends_on = LocalDateField(label=_("In force until"))
    revoked_on = LocalDateField(
        label=_("Ended early on"),
        required=False,
        help_text=_("From this day no new referral is sent under the agreement."),
    )

    class Meta:
        model = Agreement
        fields = ["title", "scope", "starts_on", "ends_on", "response_days", "revoked_on"]

    def __init__(self, *args: Any, own: Organisation | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.own = own
        if not self.instance._state.adding:
            for name in ("organisations", "countries"):
                del self.fields[name]
        else:
            del self.fields["revoked_on"]
            self.initial.setdefault("fields_allowed", self.instance.fields)

    def clean_document(self) -> Any:
        document = self.cleaned_data.get("document")
        if document:
            check_pdf(document)
        return document

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("An agreement cannot end before it starts."))
        if self.instance._state.adding:
            organisations = list(data.get("organisations") or [])
            if self.own is not None and self.own not in organisations:
                organisations.append(self.own)
            countries = list(data.get("countries") or [])
            if len(organisations) + len(countries) < 2 and not countries:
                self.add_error(
                    "organisations", _("An agreement needs two parties, or a whole country.")
                )
            data["parties"] = [*organisations, *countries]
        return data
