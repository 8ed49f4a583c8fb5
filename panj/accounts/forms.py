"""Forms of sign-in and staff management."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from panj.accounts.models import Membership
from panj.accounts.roles import Role


class SignInForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages = {
        # One message whether the account exists or not: no user enumeration.
        "invalid_login": _("That e-mail address and password do not match an active account."),
        "inactive": _("That e-mail address and password do not match an active account."),
    }


class InviteStaffForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=[])

    def __init__(self, *args: Any, roles: list[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = roles  # type: ignore[attr-defined]


class MembershipForm(forms.ModelForm[Membership]):
    class Meta:
        model = Membership
        fields = ["role", "is_active"]
        labels = {"is_active": _("May sign in to this organisation")}

    def __init__(self, *args: Any, roles: list[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = roles  # type: ignore[attr-defined]


def assignable_roles(*, coordinator: bool) -> list[tuple[str, Any]]:
    """Roles an organisation admin may give; only coordinators make coordinators."""
    return [
        (value, label)
        for value, label in Role.choices
        if coordinator or value != Role.NETWORK_COORDINATOR
    ]
