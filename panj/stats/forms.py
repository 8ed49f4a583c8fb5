"""Forms of the statistics pages: a release to build, a reference dataset to load."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from panj.stats.disclosure import DEFAULT_THRESHOLD

MAX_REFERENCE_BYTES = 20 * 1024 * 1024


class ReleaseForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    first_year = forms.IntegerField(label=_("From year"), min_value=2000, max_value=2100)
    last_year = forms.IntegerField(label=_("To year"), min_value=2000, max_value=2100)
    threshold = forms.IntegerField(
        label=_("Suppression threshold"),
        min_value=DEFAULT_THRESHOLD,
        max_value=100,
        initial=DEFAULT_THRESHOLD,
        help_text=_("Counts from 1 to one less than this are hidden. At least 11."),
    )
    k = forms.IntegerField(
        label=_("k of the microdata"), min_value=DEFAULT_THRESHOLD, max_value=100, initial=11
    )
    l_diversity = forms.IntegerField(
        label=_("l of the microdata"), min_value=1, max_value=10, initial=2
    )
    epsilon = forms.FloatField(
        label=_("Privacy-loss budget (ε)"),
        min_value=0.05,
        max_value=10,
        initial=1.0,
        help_text=_("Shared by all tables of the release. Smaller is more private and noisier."),
    )
    include_microdata = forms.BooleanField(
        label=_("Include k-anonymous microdata"), required=False, initial=True
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        year = timezone.localdate().year
        self.fields["first_year"].initial = year - 4
        self.fields["last_year"].initial = year

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("first_year"), data.get("last_year")
        if first and last and last < first:
            self.add_error("last_year", _("The last year comes after the first."))
        return data


class ReferenceForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    source = forms.CharField(label=_("Source and licence"), max_length=300, required=False)
    file = forms.FileField(label=_("CTDC dataset (CSV)"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_REFERENCE_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload
