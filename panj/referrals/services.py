"""Every write to agreements and referrals: drafting, sending, answering, feedback, erasure.

Each step is one transaction that records an event on the referral's timeline and an entry in
the audit log (field names, never values); e-mails go out once it has committed and carry no
case data, only a link.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from panj.accounts.models import Membership, User
from panj.accounts.roles import ROLE_PERMISSIONS, Perm
from panj.audit.services import record
from panj.cases import keys
from panj.cases import services as case_services
from panj.cases.identity import Identity
from panj.cases.models import Case, ClosureReason, Consent, ServiceDelivery
from panj.directory.models import Country, Organisation, Service
from panj.referrals import travel
from panj.referrals.documents import check_pdf
from panj.referrals.models import (
    Agreement,
    AgreementParty,
    Referral,
    ReferralEvent,
)

Status = Referral.Status
Kind = ReferralEvent.Kind


class NoAgreement(PermissionDenied):
    """No data-sharing agreement in force covers these two organisations for this scope."""

    def __init__(self) -> None:
        super().__init__(_("There is no data-sharing agreement in force with this organisation."))


class ApprovalRequired(PermissionDenied):
    def __init__(self) -> None:
        super().__init__(_("A referral across the border needs a supervisor's approval."))


class WrongStep(ValidationError):
    """The referral is not at a step where this can be done."""

    def __init__(self) -> None:
        super().__init__(_("This cannot be done at this step of the referral."))


# Agreements --------------------------------------------------------------------------------


@transaction.atomic
def create_agreement(
    *,
    organisation: Organisation,
    by: User | None,
    title: str,
    scope: str,
    fields: Sequence[str],
    starts_on: datetime.date,
    ends_on: datetime.date,
    parties: Sequence[Organisation | Country],
    response_days: int = 7,
    document: UploadedFile[Any] | None = None,
) -> Agreement:
    agreement = Agreement(
        organisation=organisation,
        title=title,
        scope=scope,
        starts_on=starts_on,
        ends_on=ends_on,
        response_days=response_days,
        created_by=by,
    )
    agreement.fields = travel.ordered(fields)
    agreement.full_clean(exclude=["document"])
    if len(parties) < 1 or (len(parties) < 2 and not isinstance(parties[0], Country)):
        raise ValidationError(_("An agreement needs two parties, or a whole country."))
    agreement.save()
    AgreementParty.objects.bulk_create(
        [
            AgreementParty(
                agreement=agreement,
                organisation=party if isinstance(party, Organisation) else None,
                country=party if isinstance(party, Country) else None,
            )
            for party in parties
        ]
    )
    if document is not None:
        attach_document(agreement=agreement, by=by, document=document)
    _audit_agreement(agreement, by, fields=["title", "scope", "fields", "starts_on", "ends_on"])
    return agreement


@transaction.atomic
def update_agreement(*, agreement: Agreement, by: User | None, values: dict[str, Any]) -> None:
    if "fields" in values:
        values["fields"] = travel.ordered(values["fields"])
    changed = [name for name, value in values.items() if getattr(agreement, name) != value]
    for name in changed:
        setattr(agreement, name, values[name])
    if not changed:
        return
    agreement.full_clean(exclude=["document"])
    agreement.save(update_fields=[*changed, "updated_at"])
    _audit_agreement(agreement, by, fields=changed)


@transaction.atomic
def attach_document(*, agreement: Agreement, by: User | None, document: UploadedFile[Any]) -> None:
    """Keep the signed agreement: a checked PDF under the recording organisation's media."""
    check_pdf(document)
    old = agreement.document.name if agreement.document else ""
    agreement.document.save("agreement.pdf", document, save=False)
    agreement.save(update_fields=["document", "updated_at"])
    if old:
        storage = agreement.document.storage
        transaction.on_commit(lambda: storage.delete(old))
    _audit_agreement(agreement, by, fields=["document"])


def _audit_agreement(agreement: Agreement, by: User | None, *, fields: Iterable[str]) -> None:
    record(
        action="referral_change",
        actor=by,
        organisation_id=agreement.organisation_id,
        object_type="agreement",
        object_id=str(agreement.id),
        fields=fields,
    )


def agreement_between(
    sender: Organisation, receiver: Organisation, *, on: datetime.date | None = None
) -> Agreement | None:
    """The agreement in force that lets `sender` refer to `receiver`, if any."""
    cross_border = sender.country_id != receiver.country_id
    scopes = (
        [Agreement.Scope.CROSS_BORDER, Agreement.Scope.BOTH]
        if cross_border
        else [Agreement.Scope.IN_COUNTRY, Agreement.Scope.BOTH]
    )
    found = (
        Agreement.objects.in_force(on)
        .filter(scope__in=scopes)
        .filter(id__in=Agreement.objects.covering(sender.id, sender.country_id).values("id"))
        .filter(id__in=Agreement.objects.covering(receiver.id, receiver.country_id).values("id"))
        .order_by("-ends_on", "id")
    )
    return found.first()


# Drafting and sending ----------------------------------------------------------------------


def _event(
    referral: Referral,
    kind: str,
    *,
    by: User | None,
    organisation_id: uuid.UUID | None,
    detail: str = "",
    at: datetime.datetime | None = None,
) -> None:
    ReferralEvent.objects.create(
        referral=referral,
        kind=kind,
        actor=by,
        organisation_id=organisation_id,
        detail=detail,
        at=at or timezone.now(),
    )


def _audit(
    action: str,
    referral: Referral,
    *,
    by: User | None,
    organisation_id: uuid.UUID,
    fields: Iterable[str] = (),
) -> None:
    record(
        action=action,
        actor=by,
        organisation_id=organisation_id,
        object_type="referral",
        object_id=str(referral.id),
        fields=fields,
        purpose="referral",
    )


@transaction.atomic
def draft_referral(
    *,
    case: Case,
    by: User | None,
    receiver: Organisation,
    services: Sequence[Service],
    urgency: str,
    reason: str,
) -> Referral:
    """A draft referral for the services of `receiver`: refused without an agreement in force."""
    sender = case.organisation
    if receiver.id == sender.id:
        raise ValidationError(_("A referral goes to another organisation."))
    if any(service.organisation_id != receiver.id for service in services) or not services:
        raise ValidationError(_("Choose one or more services of the receiving organisation."))
    agreement = agreement_between(sender, receiver)
    if agreement is None:
        raise NoAgreement
    categories = sorted({service.category for service in services})
    referral = Referral(
        sender=sender,
        receiver=receiver,
        case=case,
        agreement=agreement,
        urgency=urgency,
        reason=reason,
        cross_border=sender.country_id != receiver.country_id,
        created_by=by,
    )
    referral.categories = categories
    referral.travelled = travel.fields_that_may_travel(categories, agreement.fields)
    referral.full_clean(exclude=["payload", "case", "sender", "receiver", "agreement"])
    referral.save()
    referral.services.set(services)
    _event(referral, Kind.CREATED, by=by, organisation_id=sender.id)
    _audit("referral_change", referral, by=by, organisation_id=sender.id, fields=["status"])
    return referral


def may_travel(referral: Referral) -> list[str]:
    """What may travel now: the minimum for the services, within the agreement in force."""
    return travel.fields_that_may_travel(referral.categories, referral.agreement.fields)


def _values(case: Case, names: Collection[str], extra: dict[str, Any]) -> dict[str, Any]:
    """The values of the named fields, taken from the case and what was written for the referral."""
    identity = case_services.identity_of(case)
    texts = case_services.texts_of(case)
    values: dict[str, Any] = {}
    for name in names:
        field = travel.BY_NAME[name]
        value: Any
        if field.source == "identity":
            if name == "birth_year":
                value = identity.birth_year or (
                    identity.birth_date.year if identity.birth_date else None
                )
            elif name == "birth_date":
                value = identity.birth_date.isoformat() if identity.birth_date else None
            else:
                value = getattr(identity, name)
        elif field.source == "case":
            value = str(case.area_id) if name == "area" and case.area_id else getattr(case, name)
            if name == "area" and not case.area_id:
                value = None
        elif field.source == "texts":
            value = texts.get(name, "")
        else:
            value = extra.get(name)
        if value not in (None, "", []):
            values[name] = value
    return values


def _seal(referral: Referral, data: dict[str, Any]) -> None:
    version, key = keys.current_key(referral.receiver_id)
    referral.payload = keys.seal_json(
        organisation_id=referral.receiver_id,
        case_id=referral.id,
        label="referral",
        row_id=referral.id,
        data=data,
        key=key,
    )
    referral.payload_key_version = version


def open_payload(referral: Referral) -> dict[str, Any]:
    """What travelled, as sealed for the receiver. Callers audit the read."""
    if not referral.payload or referral.payload_key_version is None:
        return {}
    return keys.open_json(
        organisation_id=referral.receiver_id,
        case_id=referral.id,
        label="referral",
        row_id=referral.id,
        sealed=referral.payload,
        key=keys.key_for(referral.receiver_id, referral.payload_key_version),
    )


def _require_sendable(referral: Referral) -> None:
    agreement = agreement_between(referral.sender, referral.receiver)
    if agreement is None:
        raise NoAgreement
    case_services.require_consent(
        referral.case, Consent.Purpose.REFERRAL, recipient_id=referral.receiver_id
    )


@transaction.atomic
def send_referral(
    *,
    referral: Referral,
    by: User | None,
    fields: Collection[str],
    languages: Sequence[str] = (),
    note: str = "",
) -> Referral:
    """Seal what travels for the receiver and send it; across the border, ask for approval.

    Refused without an agreement in force or without the person's current consent to be
    referred to the receiver. `fields` may leave out any of what may travel, never add.
    """
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.status != Status.DRAFT:
        raise WrongStep
    _require_sendable(referral)
    allowed = may_travel(referral)
    if not set(fields) <= set(allowed):
        raise ValidationError(_("Only the fields shown may travel."))
    chosen = travel.ordered(fields)
    extra = {"languages": list(languages), "note": note.strip()}
    data = _values(referral.case, chosen, extra)
    _seal(referral, data)
    # What travels is what has a value: an empty field is not shown as shared.
    chosen = [name for name in chosen if name in data]
    referral.travelled = chosen
    sender_id = referral.sender_id
    if referral.cross_border:
        referral.status = Status.AWAITING_APPROVAL
        referral.save(
            update_fields=["payload", "payload_key_version", "travelled", "status", "updated_at"]
        )
        _event(referral, Kind.SUBMITTED, by=by, organisation_id=sender_id)
        _audit("referral_change", referral, by=by, organisation_id=sender_id, fields=chosen)
        _notify(referral, referral.sender_id, Perm.APPROVE_REFERRALS, exclude=by)
        return referral
    referral.save(update_fields=["payload", "payload_key_version", "travelled", "updated_at"])
    _dispatch(referral, by=by)
    return referral


@transaction.atomic
def approve_referral(*, referral: Referral, by: User) -> Referral:
    """A supervisor of the sending organisation approves a referral across the border."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.status != Status.AWAITING_APPROVAL:
        raise WrongStep
    if referral.created_by_id == by.pk:
        # Four eyes: whoever prepared a referral across the border does not approve it.
        raise ApprovalRequired
    _require_sendable(referral)
    referral.approved_by = by
    referral.approved_at = timezone.now()
    referral.save(update_fields=["approved_by", "approved_at", "updated_at"])
    _event(referral, Kind.APPROVED, by=by, organisation_id=referral.sender_id)
    _dispatch(referral, by=by)
    return referral


@transaction.atomic
def return_to_draft(*, referral: Referral, by: User) -> Referral:
    """The supervisor does not approve: back to the caseworker, nothing sealed kept."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.status != Status.AWAITING_APPROVAL:
        raise WrongStep
    referral.status = Status.DRAFT
    referral.payload = b""
    referral.payload_key_version = None
    referral.save(update_fields=["status", "payload", "payload_key_version", "updated_at"])
    _event(referral, Kind.CREATED, by=by, organisation_id=referral.sender_id)
    _audit(
        "referral_change", referral, by=by, organisation_id=referral.sender_id, fields=["status"]
    )
    return referral


def _dispatch(referral: Referral, *, by: User | None) -> None:
    if referral.cross_border and referral.approved_by_id is None:
        raise ApprovalRequired
    now = timezone.now()
    referral.status = Status.SENT
    referral.sent_at = now
    referral.due_at = now + datetime.timedelta(days=referral.agreement.response_days)
    referral.news_for_receiver = True
    referral.save(update_fields=["status", "sent_at", "due_at", "news_for_receiver", "updated_at"])
    _event(referral, Kind.SENT, by=by, organisation_id=referral.sender_id, at=now)
    _audit(
        "referral_send",
        referral,
        by=by,
        organisation_id=referral.sender_id,
        fields=referral.travelled,
    )
    _notify(referral, referral.receiver_id, Perm.EDIT_CASES)


# Answers and feedback ----------------------------------------------------------------------


def _step(
    referral: Referral,
    *,
    by: User | None,
    kind: str,
    status: str,
    organisation_id: uuid.UUID,
    detail: str = "",
    update: Sequence[str] = (),
) -> None:
    receiving = organisation_id == referral.receiver_id
    # A referral not sent yet is nothing to the receiver: no news, no e-mail.
    reached_receiver = referral.sent_at is not None
    referral.status = status
    referral.news_for_sender = referral.news_for_sender or receiving
    referral.news_for_receiver = referral.news_for_receiver or (not receiving and reached_receiver)
    referral.save(
        update_fields=["status", "news_for_sender", "news_for_receiver", *update, "updated_at"]
    )
    _event(referral, kind, by=by, organisation_id=organisation_id, detail=detail)
    _audit("referral_change", referral, by=by, organisation_id=organisation_id, fields=["status"])
    if receiving or reached_receiver:
        other = referral.sender_id if receiving else referral.receiver_id
        _notify(referral, other, Perm.VIEW_CASES)


def _locked(referral: Referral, *statuses: str) -> Referral:
    locked = (
        Referral.objects.select_for_update(of=("self",)).select_related("case").get(pk=referral.pk)
    )
    if locked.status not in statuses:
        raise WrongStep
    return locked


def _erase_payload(referral: Referral) -> None:
    referral.payload = b""
    referral.payload_key_version = None


@transaction.atomic
def accept_referral(*, referral: Referral, by: User) -> Referral:
    """The receiver accepts: its own case, holding the travelled fields and nothing else."""
    referral = _locked(referral, Status.SENT)
    data = open_payload(referral)
    receiver_case = _register_received_case(referral, data, by=by)
    referral.receiver_case = receiver_case
    referral.answered_at = timezone.now()
    _step(
        referral,
        by=by,
        kind=Kind.ACCEPTED,
        status=Status.ACCEPTED,
        organisation_id=referral.receiver_id,
        update=["receiver_case", "answered_at"],
    )
    return referral


def _register_received_case(referral: Referral, data: dict[str, Any], *, by: User) -> Case:
    birth_date = data.get("birth_date")
    identity = Identity(
        given_name=data.get("given_name", ""),
        family_name=data.get("family_name", ""),
        father_name=data.get("father_name", ""),
        birth_year=data.get("birth_year"),
        birth_date=datetime.date.fromisoformat(birth_date) if birth_date else None,
        phone=data.get("phone", ""),
        id_document=data.get("id_document", ""),
        address=data.get("address", ""),
    )
    values: dict[str, Any] = {
        name: data[name]
        for name in (
            "citizenship",
            "trafficking_status",
            "exploitation_types",
            "needs",
            "risk_level",
        )
        if name in data
    }
    receiver = Organisation.objects.get(pk=referral.receiver_id)
    # No consent is copied: the person agreed to be referred; the receiver records its own
    # consent for assistance when it meets them.
    case = case_services.register_case(
        organisation=receiver,
        by=by,
        item=case_services.NewCase(
            identity=identity,
            opened_on=timezone.localdate(),
            gender=data.get("gender", "NonSpecifiedUnknown"),
            area_id=uuid.UUID(data["area"]) if data.get("area") else None,
            caseworker_id=by.pk,
            values=values,
            texts={"risk_assessment": data["risk_assessment"]}
            if data.get("risk_assessment")
            else {},
        ),
    )
    if "age_broad" in data and case.age_broad != data["age_broad"]:
        case_services.update_case(
            case=case, by=by, values={"age_broad": data["age_broad"]}, needs_consent=False
        )
    return case


@transaction.atomic
def decline_referral(*, referral: Referral, by: User, reason: str) -> Referral:
    """The receiver declines: nothing of the case stays with it."""
    referral = _locked(referral, Status.SENT)
    _erase_payload(referral)
    referral.decline_reason = reason
    referral.answered_at = timezone.now()
    referral.full_clean(exclude=["payload", "case", "sender", "receiver", "agreement"])
    _step(
        referral,
        by=by,
        kind=Kind.DECLINED,
        status=Status.DECLINED,
        organisation_id=referral.receiver_id,
        detail=reason,
        update=["payload", "payload_key_version", "decline_reason", "answered_at"],
    )
    return referral


@transaction.atomic
def record_delivery(
    *,
    referral: Referral,
    by: User,
    category: str,
    outcome: str,
    delivered_on: datetime.date | None = None,
) -> Referral:
    """Feedback to the sender: which service was delivered and how; no other case data."""
    referral = _locked(referral, Status.ACCEPTED, Status.DELIVERED)
    if category not in referral.categories:
        raise ValidationError(_("Choose one of the services asked for."))
    referral.outcome = outcome
    referral.full_clean(exclude=["payload", "case", "sender", "receiver", "agreement"])
    if outcome in ("delivered", "partly"):
        # The sender's case shows the service as delivered by the receiver, by nobody named.
        ServiceDelivery.objects.create(
            case=referral.case,
            category=category,
            delivered_on=delivered_on or timezone.localdate(),
            provider_id=referral.receiver_id,
            delivered_by=None,
        )
    _step(
        referral,
        by=by,
        kind=Kind.DELIVERED,
        status=Status.DELIVERED,
        organisation_id=referral.receiver_id,
        detail=category,
        update=["outcome"],
    )
    return referral


@transaction.atomic
def complete_referral(*, referral: Referral, by: User) -> Referral:
    referral = _locked(referral, Status.ACCEPTED, Status.DELIVERED)
    referral.closed_at = timezone.now()
    _step(
        referral,
        by=by,
        kind=Kind.COMPLETED,
        status=Status.COMPLETED,
        organisation_id=referral.receiver_id,
        update=["closed_at"],
    )
    return referral


@transaction.atomic
def withdraw_referral(*, referral: Referral, by: User) -> Referral:
    """The sender withdraws: the receiver's copy goes, unless it has the person's own consent."""
    referral = _locked(
        referral,
        Status.DRAFT,
        Status.AWAITING_APPROVAL,
        Status.SENT,
        Status.ACCEPTED,
        Status.DELIVERED,
    )
    _erase_payload(referral)
    referral.closed_at = timezone.now()
    _erase_received_case(referral, by=by)
    _step(
        referral,
        by=by,
        kind=Kind.WITHDRAWN,
        status=Status.WITHDRAWN,
        organisation_id=referral.sender_id,
        update=["payload", "payload_key_version", "closed_at"],
    )
    return referral


def _erase_received_case(referral: Referral, *, by: User | None) -> None:
    """Erase the travelled fields from the receiver's case unless the receiver has since
    recorded the person's own consent for assistance; then the case is the receiver's."""
    case = referral.receiver_case
    if case is None or case.has_consent(Consent.Purpose.ASSISTANCE):
        return
    case_services.update_identity(case=case, by=by, identity=Identity(), needs_consent=False)
    blank: dict[str, Any] = {
        "gender": "NonSpecifiedUnknown",
        "age_broad": "",
        "citizenship": [],
        "area": None,
        "trafficking_status": "PossibleVictimOfTrafficking",
        "exploitation_types": [],
        "needs": [],
        "risk_level": "",
    }
    case_services.update_case(
        case=case, by=by, values=blank, texts={"risk_assessment": ""}, needs_consent=False
    )
    if case.is_open:
        case_services.close_case(
            case=case,
            by=by,
            reason=ClosureReason.CONSENT_WITHDRAWN,
            closed_on=timezone.localdate(),
        )


@transaction.atomic
def stop_for_withdrawn_consent(*, case_id: uuid.UUID, by: User | None = None) -> int:
    """The person withdrew consent to a referral: tell the receiver to stop, erase its copy."""
    stopped = 0
    referrals = Referral.objects.select_for_update(of=("self",)).filter(
        case_id=case_id, status__in=[Status.AWAITING_APPROVAL, *Referral.HOLDING]
    )
    for referral in referrals.select_related("case", "receiver_case"):
        if referral.case.has_consent(Consent.Purpose.REFERRAL, recipient_id=referral.receiver_id):
            continue
        was_sent = referral.sent_at is not None
        _erase_payload(referral)
        referral.closed_at = timezone.now()
        _erase_received_case(referral, by=by)
        if was_sent:
            _step(
                referral,
                by=by,
                kind=Kind.STOPPED,
                status=Status.STOPPED,
                organisation_id=referral.sender_id,
                update=["payload", "payload_key_version", "closed_at"],
            )
        else:
            referral.status = Status.DRAFT
            referral.save(update_fields=["status", "payload", "payload_key_version", "updated_at"])
        stopped += 1
    return stopped


def expire_overdue_referrals(*, now: datetime.datetime | None = None) -> int:
    """Referrals not answered within their agreement's response time expire; the receiver
    keeps nothing of them. Returns how many expired (at most 500 a call)."""
    now = now or timezone.now()
    # Every inbox load asks: a read on the (status, due) index, a write transaction only
    # when something is due.
    if not Referral.objects.overdue(now).exists():
        return 0
    return _expire(now)


@transaction.atomic
def _expire(now: datetime.datetime) -> int:
    expired = 0
    # Skip rows another request is expiring: two inboxes loading at once never wait on each other.
    overdue = Referral.objects.select_for_update(skip_locked=True).overdue(now)
    for referral in overdue.order_by("due_at")[:500]:
        _erase_payload(referral)
        referral.closed_at = now
        referral.status = Status.EXPIRED
        referral.news_for_sender = True
        referral.save(
            update_fields=[
                "status",
                "payload",
                "payload_key_version",
                "closed_at",
                "news_for_sender",
                "updated_at",
            ]
        )
        _event(referral, Kind.EXPIRED, by=None, organisation_id=None, at=now)
        _audit(
            "referral_change",
            referral,
            by=None,
            organisation_id=referral.sender_id,
            fields=["status"],
        )
        _notify(referral, referral.sender_id, Perm.VIEW_CASES)
        expired += 1
    return expired


def mark_seen(*, referral: Referral, organisation_id: uuid.UUID, by: User) -> None:
    """The side that opened the referral has seen its news; the receiver's first look is a step."""
    sender, receiver = referral.sender_id, referral.receiver_id
    if (organisation_id == sender and referral.news_for_sender) or (
        organisation_id == receiver and referral.news_for_receiver
    ):
        _clear_news(referral=referral, organisation_id=organisation_id, by=by)


@transaction.atomic
def _clear_news(*, referral: Referral, organisation_id: uuid.UUID, by: User) -> None:
    if organisation_id == referral.sender_id and referral.news_for_sender:
        Referral.objects.filter(pk=referral.pk).update(news_for_sender=False)
        referral.news_for_sender = False
    elif organisation_id == referral.receiver_id and referral.news_for_receiver:
        Referral.objects.filter(pk=referral.pk).update(news_for_receiver=False)
        referral.news_for_receiver = False
        if referral.status == Status.SENT and not referral.events.filter(kind=Kind.READ).exists():
            _event(referral, Kind.READ, by=by, organisation_id=organisation_id)


# E-mail ------------------------------------------------------------------------------------


def _notify(
    referral: Referral, organisation_id: uuid.UUID, perm: Perm, *, exclude: User | None = None
) -> None:
    """After commit, tell the people who act on it that a referral waits: a link, no case data."""
    roles = [role for role, perms in ROLE_PERMISSIONS.items() if perm in perms]
    members = (
        Membership.objects.active()
        .filter(organisation_id=organisation_id, role__in=roles)
        .exclude(user__email="")
    )
    if exclude is not None:
        members = members.exclude(user_id=exclude.pk)
    recipients = list(members.values_list("user__email", flat=True))
    if not recipients:
        return
    # The site's address where it is configured; else the path, which the reader's Panj opens.
    link = settings.PANJ_BASE_URL.rstrip("/") + reverse(
        "referrals:referral", kwargs={"referral_id": referral.id}
    )
    subject = gettext("A referral is waiting for you in Panj")
    body = gettext("You have a referral waiting in Panj:\n\n%(link)s\n") % {"link": link}
    messages = [(subject, body, None, [email]) for email in recipients]
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=True))
