"""Sign-ins, sign-outs and failed sign-ins go to the audit log.

A failed attempt is recorded without the name typed: it may be someone's e-mail address, or a
password typed in the wrong box.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from panj.accounts.models import Membership
from panj.audit.models import Action
from panj.audit.services import record


def _organisation_of(user: Any) -> uuid.UUID | None:
    """The organisation the user works in first: the first of their active memberships."""
    found: uuid.UUID | None = (
        Membership.objects.active()
        .filter(user_id=user.pk)
        .order_by("organisation__name")
        .values_list("organisation_id", flat=True)
        .first()
    )
    return found


@receiver(user_logged_in, dispatch_uid="panj.audit.sign_in")
def on_sign_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    record(
        action=Action.SIGN_IN,
        actor=user,
        organisation_id=_organisation_of(user),
        request=request,
    )


@receiver(user_logged_out, dispatch_uid="panj.audit.sign_out")
def on_sign_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is None or not user.is_authenticated:
        return
    record(
        action=Action.SIGN_OUT,
        actor=user,
        organisation_id=_organisation_of(user),
        request=request,
    )


@receiver(user_login_failed, dispatch_uid="panj.audit.sign_in_failed")
def on_sign_in_failed(sender: Any, credentials: Any, request: Any = None, **kwargs: Any) -> None:
    record(action=Action.SIGN_IN_FAILED, request=request)
