"""Forms of the duplicate check: which organisations to check, a partner exchange, its file."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from panj.directory.models import Organisation
from panj.linkage.services import MAX_UPLOAD_BYTES, check_waiting


def _members() -> forms.ModelMultipleChoiceField[Organisation]:
    return forms.ModelMultipleChoiceField(
        label=_("Organisations"),
        queryset=Organisation.objects.active().order_by("name"),
        widget=forms.CheckboxSelectMultiple,
    )


class RunForm(forms.Form):
    organisations = _members()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisations"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        assert field.queryset is not None
        field.help_text = _(
            "Every pair of the chosen organisations is checked. Choose two for a check that two "
            "organisations agreed to run."
        )
        field.initial = [o.pk for o in field.queryset]

    def clean_organisations(self) -> list[Organisation]:
        chosen = list(self.cleaned_data["organisations"])
        if len(chosen) < 2:
            raise forms.ValidationError(_("Choose at least two organisations."))
        return chosen


class CheckRequestForm(forms.Form):
    other_organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        help_text=_(
            "Its admins are asked to agree. When they accept, the cases of both organisations "
            "whose person agreed to the duplicate check are compared under a new key."
        ),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        field = self.fields["other_organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.active().exclude(pk=organisation.pk).order_by("name")

    def clean_other_organisation(self) -> Organisation:
        other: Organisation = self.cleaned_data["other_organisation"]
        if check_waiting(self.organisation, other):
            raise self.waiting_error(other)
        return other

    @staticmethod
    def waiting_error(other: Organisation) -> forms.ValidationError:
        return forms.ValidationError(
            _("A request between your organisation and %(name)s is already waiting."),
            params={"name": other.name},
        )


class ExchangeForm(forms.Form):
    label = forms.CharField(
        label=_("Partner"),
        max_length=100,
        help_text=_(
            "How your member organisations will see the partner, e.g. “Shelter in Khorugh”."
        ),
    )
    organisations = _members()


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("The partner's encodings file (.enc)"),
        help_text=_("Made by the partner with “panj linkage encode” and this exchange's secret."),
    )

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is too large."))
        data: bytes = upload.read()
        return data
