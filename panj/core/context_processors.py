"""Template context shared by every page: the signed-in user's organisation and role."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def panj(request: HttpRequest) -> dict[str, Any]:
    from panj.accounts.access import current_membership

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"membership": None}
    return {"membership": current_membership(request)}
