"""Saving a validated model form: one atomic write, only the changed columns of an update."""

from __future__ import annotations

from typing import Any, TypeVar

from django import forms
from django.db import models, transaction

M = TypeVar("M", bound=models.Model)


@transaction.atomic
def save_model_form(form: forms.ModelForm[M], **assign: Any) -> M:
    """Save `form`'s instance with `assign` set on it, and its many-to-many fields."""
    instance: M = form.save(commit=False)
    for field, value in assign.items():
        setattr(instance, field, value)
    if instance._state.adding:
        instance.save()
    else:
        concrete = {f.name for f in instance._meta.concrete_fields}
        changed = [name for name in form.changed_data if name in concrete]
        if changed:
            if "updated_at" in concrete:
                changed.append("updated_at")
            instance.save(update_fields=changed)
    form.save_m2m()
    return instance
