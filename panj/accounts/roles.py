"""Roles and what each may do: the one table that says who may do what in Panj."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CASEWORKER = "caseworker", _("Caseworker")
    SUPERVISOR = "supervisor", _("Supervisor")
    ORGANISATION_ADMIN = "org_admin", _("Organisation admin")
    NETWORK_COORDINATOR = "coordinator", _("Network coordinator")
    ANALYST = "analyst", _("Analyst")
    VIEWER = "viewer", _("Viewer")


class Perm(models.TextChoices):
    VIEW_DIRECTORY = "view_directory", _("See the network directory")
    VIEW_FOCAL_POINTS = "view_focal_points", _("See focal points of member organisations")
    EDIT_OWN_ORGANISATION = "edit_own_organisation", _("Edit the organisation's profile")
    MANAGE_STAFF = "manage_staff", _("Manage the organisation's staff accounts")
    MANAGE_MEMBERS = "manage_members", _("Manage the network's member organisations")
    VIEW_CASES = "view_cases", _("Read the organisation's cases")
    EDIT_CASES = "edit_cases", _("Register and update cases")
    REVIEW_CASES = "review_cases", _("Review and assign cases")
    APPROVE_REFERRALS = "approve_referrals", _("Approve cross-border referrals")
    VIEW_AUDIT_LOG = "view_audit_log", _("Read the organisation's audit log")
    VIEW_NETWORK_STATISTICS = "view_network_statistics", _("Read network-wide statistics")
    RUN_LINKAGE = "run_linkage", _("Run duplicate detection across members")
    MANAGE_AGREEMENTS = "manage_agreements", _("Manage data-sharing agreements")
    VIEW_ORGANISATION_STATISTICS = (
        "view_organisation_statistics",
        _("Read the organisation's own statistics"),
    )
    PREPARE_OPEN_DATA = "prepare_open_data", _("Build open-data releases")
    PUBLISH_OPEN_DATA = "publish_open_data", _("Review and publish open-data releases")
    CONTRIBUTE_KNOWLEDGE = "contribute_knowledge", _("Add to the library and post news")
    ORGANISE_EVENTS = "organise_events", _("Organise events, programmes and campaigns")


_EVERYONE = {Perm.VIEW_DIRECTORY, Perm.VIEW_FOCAL_POINTS}

ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.CASEWORKER: frozenset(
        _EVERYONE
        | {
            Perm.VIEW_CASES,
            Perm.EDIT_CASES,
            Perm.VIEW_ORGANISATION_STATISTICS,
            Perm.CONTRIBUTE_KNOWLEDGE,
        }
    ),
    Role.SUPERVISOR: frozenset(
        _EVERYONE
        | {
            Perm.VIEW_CASES,
            Perm.EDIT_CASES,
            Perm.REVIEW_CASES,
            Perm.APPROVE_REFERRALS,
            Perm.VIEW_ORGANISATION_STATISTICS,
            Perm.CONTRIBUTE_KNOWLEDGE,
            Perm.ORGANISE_EVENTS,
        }
    ),
    Role.ORGANISATION_ADMIN: frozenset(
        _EVERYONE
        | {
            Perm.EDIT_OWN_ORGANISATION,
            Perm.MANAGE_STAFF,
            Perm.VIEW_AUDIT_LOG,
            Perm.MANAGE_AGREEMENTS,
            Perm.VIEW_ORGANISATION_STATISTICS,
            Perm.CONTRIBUTE_KNOWLEDGE,
            Perm.ORGANISE_EVENTS,
        }
    ),
    Role.NETWORK_COORDINATOR: frozenset(
        _EVERYONE
        | {
            Perm.EDIT_OWN_ORGANISATION,
            Perm.MANAGE_MEMBERS,
            Perm.VIEW_NETWORK_STATISTICS,
            Perm.RUN_LINKAGE,
            Perm.MANAGE_AGREEMENTS,
            Perm.PREPARE_OPEN_DATA,
            Perm.PUBLISH_OPEN_DATA,
            Perm.CONTRIBUTE_KNOWLEDGE,
            Perm.ORGANISE_EVENTS,
        }
    ),
    Role.ANALYST: frozenset(
        _EVERYONE
        | {Perm.VIEW_NETWORK_STATISTICS, Perm.PREPARE_OPEN_DATA, Perm.CONTRIBUTE_KNOWLEDGE}
    ),
    Role.VIEWER: frozenset(_EVERYONE | {Perm.VIEW_CASES}),
}


def role_may(role: str, perm: Perm) -> bool:
    return perm in ROLE_PERMISSIONS.get(Role(role), frozenset())
