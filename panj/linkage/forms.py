"""Forms of the duplicate check: which organisations to check, a partner exchange, its file."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from panj.directory.models import Organisation
from panj.linkage.services import MAX_UPLOAD_BYTES


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
