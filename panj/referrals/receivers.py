"""What referrals do when a case changes: a withdrawn consent stops its referrals."""

from __future__ import annotations

import uuid
from typing import Any


def consent_changed(sender: Any, *, case_id: uuid.UUID, purpose: str, **kwargs: Any) -> None:
    """Inside the case's transaction: the stop and the erasure commit with the withdrawal."""
    from panj.cases.models import Consent
    from panj.referrals.services import stop_for_withdrawn_consent

    if purpose == Consent.Purpose.REFERRAL:
        stop_for_withdrawn_consent(case_id=case_id)
