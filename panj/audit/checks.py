"""A production server should chain its audit log with a key of its own, not SECRET_KEY."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Info, Tags, register

from panj.audit.chain import configured_key


@register(Tags.security, deploy=True)
def audit_key_is_set(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if not getattr(settings, "PRODUCTION", False) or configured_key():
        return []
    return [
        Info(
            "PANJ_AUDIT_KEY is not set: the audit log is chained with a key derived from "
            "SECRET_KEY, so older entries verify only while the retired SECRET_KEY stays in "
            "SECRET_KEY_FALLBACKS.",
            hint="Set PANJ_AUDIT_KEY to a long random secret kept apart from the database.",
            id="panj_audit.I001",
        )
    ]
