"""The one way to read the audit log for a request: an admin reads their organisation's entries."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest

from panj.accounts.access import require
from panj.accounts.models import Membership
from panj.accounts.roles import Perm
from panj.audit.models import AuditEntry


def entries_for(request: HttpRequest) -> QuerySet[AuditEntry]:
    """Entries of the current organisation, for a role that reads its log; 403 otherwise."""
    membership = require(request, Perm.VIEW_AUDIT_LOG)
    return AuditEntry.objects.filter(organisation_id=membership.organisation_id)


def people_of(request: HttpRequest) -> QuerySet[Membership]:
    """Everyone who works or worked in the organisation whose log is read, to filter by."""
    membership = require(request, Perm.VIEW_AUDIT_LOG)
    return (
        Membership.objects.filter(organisation_id=membership.organisation_id)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )
