"""A list of coded values (HTCDS multi-selects) kept in one indexed-friendly text column.

Stored as `,CodeA,CodeB,` so that "has CodeA" is `column LIKE '%,CodeA,%'` on every database.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models


def has_code(field: str, code: str) -> models.Q:
    return models.Q(**{f"{field}__contains": f",{code},"})


class CodeListField(models.CharField):  # type: ignore[type-arg]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 600)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == 600:
            del kwargs["max_length"]
        kwargs.pop("blank", None)
        kwargs.pop("default", None)
        return name, path, args, kwargs

    @staticmethod
    def _split(value: Any) -> list[str]:
        if value is None or value == "":
            return []
        if isinstance(value, str):
            return [part for part in value.split(",") if part]
        return [str(part) for part in value]

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> list[str]:
        return self._split(value)

    def to_python(self, value: Any) -> list[str]:
        return self._split(value)

    def get_prep_value(self, value: Any) -> str:
        codes = self._split(value)
        return f",{','.join(codes)}," if codes else ""

    def validate(self, value: Any, model_instance: Any) -> None:
        allowed = {str(choice) for choice, _label in self.choices or []}
        for code in self._split(value):
            if allowed and code not in allowed:
                raise ValidationError(self.error_messages["invalid_choice"], params={"value": code})
        if not self.blank and not value:
            raise ValidationError(self.error_messages["blank"])

    def run_validators(self, value: Any) -> None:
        # The stored text is longer than the list: check the length of what is stored.
        super().run_validators(self.get_prep_value(value))

    def value_to_string(self, obj: models.Model) -> str:
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs: Any) -> Any:
        return forms.TypedMultipleChoiceField(
            choices=self.choices or [],
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def get_choices(self, *args: Any, **kwargs: Any) -> Any:
        return list(self.choices or [])

    def labels(self, codes: Iterable[str]) -> list[str]:
        names = dict(self.choices or [])
        return [str(names.get(code, code)) for code in codes]
