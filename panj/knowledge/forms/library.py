"""Forms of the library: an item with its files, and the search and filters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from panj.directory.models import Area, Country
from panj.knowledge.models import LibraryItem
from panj.knowledge.services.library import ItemDetails
from panj.knowledge.uploads import CleanFile, clean_upload
from panj.knowledge.vocabulary import TEXT_LANGUAGES, DocumentLanguage, Topic

MAX_FILES = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several uploads, each checked and rewritten without metadata."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[CleanFile]:
        uploads = [upload for upload in (data or []) if upload] if isinstance(data, list) else []
        if data and not isinstance(data, list):
            uploads = [data]
        if self.required and not uploads:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if len(uploads) > MAX_FILES:
            raise forms.ValidationError(
                _("Send at most %(count)d files at once."), params={"count": MAX_FILES}
            )
        return [clean_upload(super(MultipleFileField, self).clean(upload)) for upload in uploads]


TEXT_FIELDS = [f"{kind}_{code}" for kind in ("title", "summary") for code in TEXT_LANGUAGES]


class LibraryItemForm(forms.ModelForm[LibraryItem]):
    documents = MultipleFileField(
        label=_("Files"),
        help_text=_(
            "PDF, JPEG, PNG, Word, Excel, PowerPoint or OpenDocument text. Author names, "
            "dates and places are removed from the files before they are stored."
        ),
    )

    link = forms.URLField(
        label=_("link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("A web address, if the document is online."),
    )

    class Meta:
        model = LibraryItem
        fields = [
            "kind",
            *TEXT_FIELDS,
            "language",
            "topics",
            "tags",
            "countries",
            "areas",
            "link",
            "visibility",
        ]
        widgets = {
            "countries": forms.CheckboxSelectMultiple,
            **{f"summary_{code}": forms.Textarea(attrs={"rows": 3}) for code in TEXT_LANGUAGES},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        areas = self.fields["areas"]
        assert isinstance(areas, forms.ModelMultipleChoiceField)
        areas.queryset = Area.objects.provinces().select_related("country")
        areas.help_text = _("Provinces the item is about, if any.")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        assert data is not None
        if not any(data.get(f"title_{code}") for code in TEXT_LANGUAGES):
            raise forms.ValidationError(_("Give a title in at least one language."))
        has_files = bool(data.get("documents")) or (
            self.instance.pk is not None and self.instance.files.exists()
        )
        if not has_files and not data.get("link"):
            raise forms.ValidationError(_("Upload a file or give a link."))
        return data

    def details(self) -> ItemDetails:
        data = self.cleaned_data
        return ItemDetails(
            kind=data["kind"],
            language=data["language"],
            titles={code: data[f"title_{code}"] for code in TEXT_LANGUAGES},
            summaries={code: data[f"summary_{code}"] for code in TEXT_LANGUAGES},
            visibility=data["visibility"],
            topics=data["topics"],
            tags=data["tags"],
            link=data["link"],
            countries=list(data["countries"]),
            areas=list(data["areas"]),
        )


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    kind = forms.ChoiceField(label=_("Type"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("Any topic")), *Topic.choices]  # type: ignore[attr-defined]
        self.fields["kind"].choices = [("", _("Any type")), *LibraryItem.Kind.choices]  # type: ignore[attr-defined]
        self.fields["language"].choices = [("", _("Any language")), *DocumentLanguage.choices]  # type: ignore[attr-defined]
        self.fields["country"].choices = [  # type: ignore[attr-defined]
            ("", _("Any country")),
            *((country.iso2, country.name) for country in Country.objects.order_by("iso2")),
        ]
