"""Sign-in, the organisation switcher and staff management by organisation admins."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from panj.accounts import services
from panj.accounts.access import (
    access_staff_membership,
    require,
    staff_of,
    switch_organisation,
)
from panj.accounts.forms import InviteStaffForm, MembershipForm, SignInForm, assignable_roles
from panj.accounts.roles import Perm


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = SignInForm
    redirect_authenticated_user = True


@require_POST
def switch(request: HttpRequest) -> HttpResponse:
    membership = switch_organisation(request, request.POST.get("organisation", ""))
    messages.success(request, _("You now work in %(name)s.") % {"name": membership.organisation})
    return redirect("home")


@require_http_methods(["GET", "POST"])
def staff(request: HttpRequest) -> HttpResponse:
    admin = require(request, Perm.MANAGE_STAFF)
    roles = assignable_roles(coordinator=admin.can(Perm.MANAGE_MEMBERS))
    form = InviteStaffForm(request.POST or None, roles=roles)
    if request.method == "POST" and form.is_valid():
        services.add_member(
            organisation=admin.organisation,
            email=form.cleaned_data["email"],
            full_name=form.cleaned_data["full_name"],
            role=form.cleaned_data["role"],
            invite_base_url=request.build_absolute_uri("/"),
        )
        messages.success(request, _("Added. A new account receives an e-mail to set a password."))
        return redirect("accounts:staff")
    return render(request, "accounts/staff.html", {"staff": staff_of(request), "form": form})


@require_http_methods(["GET", "POST"])
def staff_edit(request: HttpRequest, membership_id: uuid.UUID) -> HttpResponse:
    membership = access_staff_membership(request, membership_id)
    admin = require(request, Perm.MANAGE_STAFF)
    roles = assignable_roles(coordinator=admin.can(Perm.MANAGE_MEMBERS))
    form = MembershipForm(request.POST or None, instance=membership, roles=roles)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_membership(
                membership=membership,
                role=form.cleaned_data["role"],
                is_active=form.cleaned_data["is_active"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("accounts:staff")
    return render(request, "accounts/staff_edit.html", {"form": form, "member": membership})
