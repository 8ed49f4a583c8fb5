"""Writes that events, programmes and campaigns share."""

from __future__ import annotations

from typing import TypeVar

from django import forms
from django.db import models, transaction

from panj.core.services import save_model_form
from panj.directory.models import Organisation

_Led = TypeVar("_Led", bound=models.Model)


@transaction.atomic
def save_led_record(
    *, form: forms.ModelForm[_Led], organisation: Organisation | None = None
) -> _Led:
    """Save the form of a record one organisation leads; a new one is led by `organisation`."""
    if form.instance._state.adding:
        assert organisation is not None
        return save_model_form(form, organisation=organisation)
    return save_model_form(form)
