"""The one way to fetch organisations, offices, focal points, services and applications."""

from __future__ import annotations

import uuid
from typing import TypeVar

from django.db import models
from django.http import Http404, HttpRequest

from panj.accounts.access import current_membership, may
from panj.accounts.roles import Perm
from panj.directory.models import (
    Application,
    FocalPoint,
    Office,
    Organisation,
    OrganisationQuerySet,
    Service,
    ServiceQuerySet,
)

M = TypeVar("M", bound=models.Model)


def visible_organisations(request: HttpRequest) -> OrganisationQuerySet:
    """Members of the network see every active member; others see none."""
    if not may(request, Perm.VIEW_DIRECTORY):
        return Organisation.objects.none()
    return Organisation.objects.active()


def visible_services(request: HttpRequest) -> ServiceQuerySet:
    if not may(request, Perm.VIEW_DIRECTORY):
        return Service.objects.none()
    return Service.objects.active()


def access_organisation(request: HttpRequest, slug: str) -> Organisation:
    """An organisation's profile as a network member sees it."""
    try:
        return visible_organisations(request).select_related("country").get(slug=slug)
    except Organisation.DoesNotExist:
        raise Http404 from None


def editable_organisation_ids(request: HttpRequest) -> set[uuid.UUID] | None:
    """Ids of organisations the user may edit; None means every one (network coordinators)."""
    membership = current_membership(request)
    if membership is None:
        return set()
    if membership.can(Perm.MANAGE_MEMBERS):
        return None
    if membership.can(Perm.EDIT_OWN_ORGANISATION):
        return {membership.organisation_id}
    return set()


def may_edit(request: HttpRequest, organisation: Organisation) -> bool:
    ids = editable_organisation_ids(request)
    return ids is None or organisation.id in ids


def _editable(request: HttpRequest, queryset: models.QuerySet[M], field: str) -> models.QuerySet[M]:
    ids = editable_organisation_ids(request)
    if ids is None:
        return queryset
    return queryset.filter(**{f"{field}__in": ids})


def access_organisation_for_edit(request: HttpRequest, slug: str) -> Organisation:
    """An organisation whose profile the user may change; 404 for anything else."""
    try:
        return _editable(request, Organisation.objects.select_related("country"), "id").get(
            slug=slug
        )
    except Organisation.DoesNotExist:
        raise Http404 from None


def access_office_for_edit(request: HttpRequest, office_id: uuid.UUID) -> Office:
    try:
        return _editable(
            request, Office.objects.select_related("organisation"), "organisation_id"
        ).get(id=office_id)
    except Office.DoesNotExist:
        raise Http404 from None


def access_focal_point_for_edit(request: HttpRequest, focal_point_id: uuid.UUID) -> FocalPoint:
    try:
        return _editable(
            request, FocalPoint.objects.select_related("organisation"), "organisation_id"
        ).get(id=focal_point_id)
    except FocalPoint.DoesNotExist:
        raise Http404 from None


def access_service_for_edit(request: HttpRequest, service_id: uuid.UUID) -> Service:
    try:
        return _editable(
            request, Service.objects.select_related("organisation"), "organisation_id"
        ).get(id=service_id)
    except Service.DoesNotExist:
        raise Http404 from None


def access_service(request: HttpRequest, service_id: uuid.UUID) -> Service:
    """A service as any network member sees it in the finder."""
    try:
        return (
            visible_services(request)
            .select_related("organisation", "office__area")
            .prefetch_related("areas", "languages")
            .get(id=service_id)
        )
    except Service.DoesNotExist:
        raise Http404 from None


def pending_applications(request: HttpRequest) -> models.QuerySet[Application]:
    if not may(request, Perm.MANAGE_MEMBERS):
        return Application.objects.none()
    return Application.objects.filter(status=Application.Status.PENDING)


def access_application(request: HttpRequest, application_id: uuid.UUID) -> Application:
    """A membership application, for network coordinators only."""
    if not may(request, Perm.MANAGE_MEMBERS):
        raise Http404
    try:
        return Application.objects.select_related("country").get(id=application_id)
    except Application.DoesNotExist:
        raise Http404 from None


def public_organisations() -> OrganisationQuerySet:
    """Members that chose to be listed on the network's public pages."""
    return Organisation.objects.public()


def access_public_organisation(slug: str) -> Organisation:
    try:
        return public_organisations().select_related("country").get(slug=slug)
    except Organisation.DoesNotExist:
        raise Http404 from None
