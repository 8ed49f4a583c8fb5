"""Every write to users and memberships: invitations, roles, deactivation."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from panj.accounts.models import Membership, User
from panj.accounts.roles import Role
from panj.directory.models import Organisation


@transaction.atomic
def create_user(*, email: str, full_name: str, password: str | None = None) -> User:
    return User.objects.create_user(email=email, password=password, full_name=full_name)


def _send_invitation(*, user: User, organisation: Organisation, base_url: str) -> None:
    """An e-mail with a link to choose a password; it names the organisation, nothing else."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    body = render_to_string(
        "accounts/email/invitation.txt",
        {"user": user, "organisation": organisation, "link": base_url.rstrip("/") + path},
    )
    send_mail(
        _("Your Panj account"), body, settings.DEFAULT_FROM_EMAIL, [user.email], fail_silently=True
    )


@transaction.atomic
def add_member(
    *,
    organisation: Organisation,
    email: str,
    full_name: str,
    role: Role | str,
    password: str | None = None,
    invite_base_url: str | None = None,
) -> Membership:
    """Give a person a role in an organisation, creating their account if they have none.

    With `invite_base_url`, a new account gets an e-mail to choose its password once the
    transaction has committed.
    """
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if user is None:
        user = create_user(email=email, full_name=full_name, password=password)
    membership, _created = Membership.objects.update_or_create(
        user=user, organisation=organisation, defaults={"role": Role(role), "is_active": True}
    )
    if created and invite_base_url:
        new_user = user
        transaction.on_commit(
            lambda: _send_invitation(
                user=new_user, organisation=organisation, base_url=invite_base_url
            )
        )
    return membership


def _keeps_an_admin(membership: Membership, *, role: str, active: bool) -> bool:
    if membership.role != Role.ORGANISATION_ADMIN or (role == membership.role and active):
        return True
    return (
        Membership.objects.filter(
            organisation_id=membership.organisation_id,
            role=Role.ORGANISATION_ADMIN,
            is_active=True,
        )
        .exclude(id=membership.id)
        .exists()
    )


@transaction.atomic
def update_membership(*, membership: Membership, role: str, is_active: bool) -> Membership:
    """Change a staff member's role or access; an organisation always keeps one admin."""
    locked = Membership.objects.select_for_update().get(id=membership.id)
    if not _keeps_an_admin(locked, role=role, active=is_active):
        raise ValidationError(_("The organisation must keep at least one active admin."))
    locked.role = Role(role)
    locked.is_active = is_active
    locked.save(update_fields=["role", "is_active", "updated_at"])
    return locked
