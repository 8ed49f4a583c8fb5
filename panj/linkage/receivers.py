"""Keeping encodings in step with cases: refreshed when identity or linkage consent changes."""

from __future__ import annotations

import uuid
from typing import Any

from panj.cases.models import Consent
from panj.linkage import services


def identity_changed(sender: Any, *, case_id: uuid.UUID, **kwargs: Any) -> None:
    services.refresh_encoding(case_id=case_id)


def consent_changed(sender: Any, *, case_id: uuid.UUID, purpose: str, **kwargs: Any) -> None:
    if purpose == Consent.Purpose.LINKAGE:
        services.refresh_encoding(case_id=case_id)
