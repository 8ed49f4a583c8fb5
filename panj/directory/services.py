"""Every write to the directory that touches more than one row."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from panj.accounts.models import User
from panj.accounts.roles import Role
from panj.accounts.services import add_member
from panj.directory.models import Application, Country, Language, Organisation


def unique_slug(name: str) -> str:
    from anyascii import anyascii

    base = slugify(anyascii(name))[:50] or "organisation"
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def create_organisation(
    *,
    name: str,
    kind: str,
    country: Country,
    slug: str | None = None,
    acronym: str = "",
    name_local: str = "",
    descriptions: dict[str, str] | None = None,
    languages: list[str] | None = None,
    website: str = "",
    email: str = "",
    phone: str = "",
    is_public: bool = False,
    case_number_prefix: str = "",
) -> Organisation:
    organisation = Organisation.objects.create(
        slug=slug or unique_slug(acronym or name),
        name=name,
        name_local=name_local,
        acronym=acronym,
        kind=kind,
        country=country,
        website=website,
        email=email,
        phone=phone,
        is_public=is_public,
        case_number_prefix=case_number_prefix,
        **{f"description_{code}": text for code, text in (descriptions or {}).items()},
    )
    if languages:
        organisation.languages.set(Language.objects.filter(code__in=languages))
    return organisation


@transaction.atomic
def submit_application(
    *,
    organisation_name: str,
    kind: str,
    country: Country,
    work_description: str,
    contact_name: str,
    contact_email: str,
    contact_phone: str = "",
    website: str = "",
) -> Application:
    return Application.objects.create(
        organisation_name=organisation_name,
        kind=kind,
        country=country,
        work_description=work_description,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        website=website,
    )


@transaction.atomic
def accept_application(
    *, application: Application, reviewer: User, note: str = "", invite_base_url: str | None
) -> Organisation:
    """Admit the applicant: a members-only profile, its contact as the organisation admin."""
    locked = Application.objects.select_for_update().get(id=application.id)
    if locked.status != Application.Status.PENDING:
        raise ValueError("application already decided")
    organisation = create_organisation(
        name=locked.organisation_name,
        kind=locked.kind,
        country=locked.country,
        website=locked.website,
        descriptions={"en": locked.work_description},
        is_public=False,
    )
    add_member(
        organisation=organisation,
        email=locked.contact_email,
        full_name=locked.contact_name,
        role=Role.ORGANISATION_ADMIN,
        invite_base_url=invite_base_url,
    )
    locked.status = Application.Status.ACCEPTED
    locked.reviewed_by = reviewer
    locked.reviewed_at = timezone.now()
    locked.decision_note = note
    locked.organisation = organisation
    locked.save(
        update_fields=[
            "status",
            "reviewed_by",
            "reviewed_at",
            "decision_note",
            "organisation",
            "updated_at",
        ]
    )
    return organisation


@transaction.atomic
def decline_application(*, application: Application, reviewer: User, note: str) -> Application:
    locked = Application.objects.select_for_update().get(id=application.id)
    if locked.status != Application.Status.PENDING:
        raise ValueError("application already decided")
    locked.status = Application.Status.DECLINED
    locked.reviewed_by = reviewer
    locked.reviewed_at = timezone.now()
    locked.decision_note = note
    locked.save(
        update_fields=["status", "reviewed_by", "reviewed_at", "decision_note", "updated_at"]
    )
    return locked
