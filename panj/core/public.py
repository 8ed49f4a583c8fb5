"""The switch for everything Panj shows without sign-in."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404


def public_pages_on() -> None:
    """404 for every public page when the network has switched its public pages off."""
    if not settings.PANJ_PUBLIC_PAGES:
        raise Http404
