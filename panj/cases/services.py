"""Every write to cases: registration (one or many), sections, consent, assistance, keys.

Each write that changes a case records which fields changed (names, never values) in the
audit log, in the same transaction as the change.
"""

from __future__ import annotations

import datetime
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Case as DbCase
from django.db.models import Exists, F, Min, OuterRef, Q, Subquery, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from panj.accounts.models import User
from panj.audit.services import record
from panj.cases import crypto, htcds, keys, signals
from panj.cases.identity import Identity
from panj.cases.models import (
    Case,
    CaseNameToken,
    CaseNumberCounter,
    CasePhoto,
    Consent,
    FollowUp,
    Note,
    PlanItem,
    ServiceDelivery,
    StatisticsConsent,
    TraffickingEvent,
)
from panj.directory.models import Organisation

BATCH = 1000


class ConsentRequired(PermissionDenied):
    """The person has no current consent for what was asked."""

    def __init__(self, purpose: str) -> None:
        super().__init__(_("There is no current consent for this use of the case."))
        self.purpose = purpose


@dataclass(frozen=True)
class ConsentInput:
    given_by: str = Consent.GivenBy.PERSON
    method: str = Consent.Method.VERBAL
    given_on: datetime.date | None = None
    expires_on: datetime.date | None = None


@dataclass
class NewCase:
    identity: Identity
    opened_on: datetime.date
    gender: str = htcds.Gender.UNKNOWN
    area_id: uuid.UUID | None = None
    caseworker_id: uuid.UUID | None = None
    # Consents given at registration, by purpose (referral needs its own, named recipient).
    consents: dict[str, ConsentInput] = field(default_factory=dict)
    # Other Case fields by name: HTCDS variables, status, risk level, needs.
    values: dict[str, Any] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)


def _audit(
    action: str, *, case: Case, by: User | None, fields: Iterable[str] = (), **extra: Any
) -> None:
    record(
        action=action,
        actor=by,
        organisation_id=case.organisation_id,
        object_type="case",
        object_id=str(case.id),
        fields=tuple(fields),
        **extra,
    )


# Sealed parts of a case --------------------------------------------------------------------


def identity_of(case: Case) -> Identity:
    key = keys.key_for(case.organisation_id, case.key_version)
    data = keys.open_json(
        organisation_id=case.organisation_id,
        case_id=case.id,
        label="identity",
        row_id=case.id,
        sealed=case.identity,
        key=key,
    )
    return Identity.from_json(data)


def texts_of(case: Case, row: Case | Note | PlanItem | None = None) -> dict[str, str]:
    """The free texts of the case itself or of one of its rows."""
    row = row or case
    key = keys.key_for(case.organisation_id, case.key_version)
    return {
        k: str(v)
        for k, v in keys.open_json(
            organisation_id=case.organisation_id,
            case_id=case.id,
            label=type(row).__name__.lower(),
            row_id=row.pk,
            sealed=row.texts,
            key=key,
        ).items()
    }


def _seal_texts(
    case: Case, row: Case | Note | PlanItem, texts: dict[str, str], key: bytes
) -> bytes:
    return keys.seal_json(
        organisation_id=case.organisation_id,
        case_id=case.id,
        label=type(row).__name__.lower(),
        row_id=row.pk,
        data={k: v for k, v in texts.items() if v},
        key=key,
    )


def _seal_identity(case: Case, identity: Identity, key: bytes) -> bytes:
    return keys.seal_json(
        organisation_id=case.organisation_id,
        case_id=case.id,
        label="identity",
        row_id=case.id,
        data=identity.to_json(),
        key=key,
    )


def _tokens(case: Case, identity: Identity, key: bytes) -> list[CaseNameToken]:
    index_key = crypto.index_key(key)
    return [
        CaseNameToken(case=case, organisation_id=case.organisation_id, token=token)
        for token in crypto.blind_tokens(index_key, identity.name_words())
    ]


def search_tokens(organisation_id: uuid.UUID, query: str) -> list[bytes]:
    """The blind tokens of each word of a name query, in the organisation's current key."""
    _version, key = keys.current_key(organisation_id)
    return crypto.blind_tokens(crypto.index_key(key), crypto.name_words(query))


def require_consent(case: Case, purpose: str, *, recipient_id: uuid.UUID | None = None) -> None:
    if not case.has_consent(purpose, recipient_id=recipient_id):
        raise ConsentRequired(purpose)


# Registration ------------------------------------------------------------------------------


def _allocate_numbers(organisation: Organisation, year: int, count: int) -> list[str]:
    counter, _created = CaseNumberCounter.objects.select_for_update().get_or_create(
        organisation=organisation, year=year
    )
    first = counter.last + 1
    counter.last += count
    counter.save(update_fields=["last"])
    prefix = organisation.case_number_prefix or organisation.slug.upper()
    return [f"{prefix}-{year}-{n:04d}" for n in range(first, first + count)]


@transaction.atomic
def bulk_register_cases(
    *,
    organisation: Organisation,
    by: User | None,
    items: Sequence[NewCase],
    action: str = "case_create",
) -> list[Case]:
    """Register many cases at once: sealed identities, blind indexes, consents, one audit each."""
    version, key = keys.current_key(organisation.id)
    numbers: dict[int, list[str]] = {}
    by_year: dict[int, int] = defaultdict(int)
    for item in items:
        by_year[item.opened_on.year] += 1
    for year, count in sorted(by_year.items()):
        numbers[year] = _allocate_numbers(organisation, year, count)[::-1]
    cases: list[Case] = []
    tokens: list[CaseNameToken] = []
    consents: list[Consent] = []
    for item in items:
        case = Case(
            organisation=organisation,
            number=numbers[item.opened_on.year].pop(),
            key_version=version,
            opened_on=item.opened_on,
            gender=item.gender,
            area_id=item.area_id,
            caseworker_id=item.caseworker_id,
            created_by=by,
            age_broad=htcds.AgeBroad.of(item.identity.age_on(item.opened_on)),
            **item.values,
        )
        case.identity = _seal_identity(case, item.identity, key)
        case.texts = _seal_texts(case, case, item.texts, key)
        cases.append(case)
        tokens.extend(_tokens(case, item.identity, key))
        for purpose, given in item.consents.items():
            consents.append(
                Consent(
                    case=case,
                    purpose=purpose,
                    given_by=given.given_by,
                    method=given.method,
                    given_on=given.given_on or item.opened_on,
                    expires_on=given.expires_on,
                    recorded_by=by,
                )
            )
    Case.objects.bulk_create(cases, batch_size=BATCH)
    CaseNameToken.objects.bulk_create(tokens, batch_size=BATCH * 4)
    Consent.objects.bulk_create(consents, batch_size=BATCH)
    refresh_statistics_consent(
        case_ids=[c.case.id for c in consents if c.purpose == Consent.Purpose.STATISTICS]
    )
    if action:
        for case in cases:
            _audit(action, case=case, by=by, fields=["number", *Identity.field_names()])
        for consent in consents:
            _audit(
                "consent_given",
                case=consent.case,
                by=by,
                fields=["purpose"],
                purpose=consent.purpose,
            )
    # A new case is encoded for linkage only if its person agreed: the consent signal says so.
    for consent in consents:
        _announce(consent_changed=consent.case.id, purpose=consent.purpose)
    return cases


def _announce(
    *,
    identity_changed: uuid.UUID | None = None,
    consent_changed: uuid.UUID | None = None,
    purpose: str = "",
) -> None:
    """Tell listeners (linkage encodings) about a change, inside the same transaction: a
    withdrawn consent and the deletion of the encoding it covered commit together or not at
    all, and a failure shows before anything is saved, not after."""
    if identity_changed is not None:
        signals.identity_changed.send(sender=Case, case_id=identity_changed)
    if consent_changed is not None:
        signals.consent_changed.send(sender=Case, case_id=consent_changed, purpose=purpose)


def register_case(*, organisation: Organisation, by: User | None, item: NewCase) -> Case:
    return bulk_register_cases(organisation=organisation, by=by, items=[item])[0]


# Changing a case ---------------------------------------------------------------------------


@transaction.atomic
def update_identity(
    *, case: Case, by: User | None, identity: Identity, needs_consent: bool = True
) -> list[str]:
    """Change who the person is; without `needs_consent` only to erase (a withdrawn referral)."""
    if needs_consent:
        require_consent(case, Consent.Purpose.ASSISTANCE)
    changed = identity.changed_fields(identity_of(case))
    if not changed:
        return []
    key = keys.key_for(case.organisation_id, case.key_version)
    case.identity = _seal_identity(case, identity, key)
    case.age_broad = htcds.AgeBroad.of(identity.age_on(case.opened_on))
    case.save(update_fields=["identity", "age_broad", "updated_at"])
    CaseNameToken.objects.filter(case=case).delete()
    CaseNameToken.objects.bulk_create(_tokens(case, identity, key))
    _audit("case_change", case=case, by=by, fields=changed)
    _announce(identity_changed=case.id)
    return changed


@transaction.atomic
def update_case(
    *,
    case: Case,
    by: User | None,
    values: dict[str, Any],
    texts: dict[str, str] | None = None,
    needs_consent: bool = True,
) -> list[str]:
    """Set plain fields (and sealed case texts); record the names of what changed."""
    if needs_consent:
        require_consent(case, Consent.Purpose.ASSISTANCE)
    changed = [name for name, value in values.items() if getattr(case, name) != value]
    for name in changed:
        setattr(case, name, values[name])
    if texts is not None:
        old = texts_of(case)
        changed_texts = [k for k, v in texts.items() if old.get(k, "") != v]
        if changed_texts:
            merged = {**old, **texts}
            key = keys.key_for(case.organisation_id, case.key_version)
            case.texts = _seal_texts(case, case, merged, key)
            changed.extend(changed_texts)
    if not changed:
        return []
    concrete = {f.name for f in case._meta.concrete_fields}
    update = [name for name in changed if name in concrete]
    if texts is not None and len(update) < len(changed):
        update.append("texts")
    case.full_clean(exclude=["identity", "texts"])
    case.save(update_fields=[*update, "updated_at"])
    _audit("case_change", case=case, by=by, fields=changed)
    return changed


@transaction.atomic
def close_case(
    *, case: Case, by: User | None, reason: str, closed_on: datetime.date, referred: bool = False
) -> list[str]:
    status = htcds.CaseStatus.CLOSED_REFERRED if referred else htcds.CaseStatus.CLOSED
    return update_case(
        case=case,
        by=by,
        values={"status": status, "closure_reason": reason, "closed_on": closed_on},
        needs_consent=False,
    )


@transaction.atomic
def mark_reviewed(*, case: Case, by: User) -> None:
    case.reviewed_at = timezone.now()
    case.reviewed_by = by
    case.save(update_fields=["reviewed_at", "reviewed_by", "updated_at"])
    _audit("case_review", case=case, by=by, fields=["reviewed_at"], purpose="review")


# Consent -----------------------------------------------------------------------------------


def refresh_statistics_consent(*, case_ids: Iterable[uuid.UUID] | None = None) -> int:
    """Set `Case.statistics_consent` from the consents (of these cases, or of every case):
    OPEN if a consent given by today has no end, else DATED if one may be current today or
    later, else NONE. Called by every write of a statistics consent; returns the cases set."""
    today = timezone.localdate()
    statistics = Consent.objects.filter(case_id=OuterRef("pk"), purpose=Consent.Purpose.STATISTICS)
    open_ended = statistics.filter(
        given_on__lte=today, expires_on__isnull=True, withdrawn_on__isnull=True
    )
    may_be_current = statistics.filter(
        Q(expires_on__isnull=True) | Q(expires_on__gte=today),
        Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=today),
    )
    value = DbCase(
        When(Exists(open_ended), then=Value(StatisticsConsent.OPEN)),
        When(Exists(may_be_current), then=Value(StatisticsConsent.DATED)),
        default=Value(StatisticsConsent.NONE),
    )
    return _update_cases(case_ids, statistics_consent=value)


def _update_cases(case_ids: Iterable[uuid.UUID] | None, **values: Any) -> int:
    """Update these cases (or every case) in one statement per batch of ids; the count set."""
    if case_ids is None:
        return Case.objects.update(**values)
    ids = list(case_ids)
    return sum(
        Case.objects.filter(id__in=ids[start : start + BATCH * 5]).update(**values)
        for start in range(0, len(ids), BATCH * 5)
    )


@transaction.atomic
def give_consent(
    *,
    case: Case,
    by: User | None,
    purpose: str,
    given_by: str,
    method: str,
    given_on: datetime.date,
    recipient: Organisation | None = None,
    expires_on: datetime.date | None = None,
) -> Consent:
    consent = Consent(
        case=case,
        purpose=purpose,
        recipient=recipient if purpose == Consent.Purpose.REFERRAL else None,
        given_by=given_by,
        method=method,
        given_on=given_on,
        expires_on=expires_on,
        recorded_by=by,
    )
    consent.full_clean(exclude=["case"])
    consent.save()
    if purpose == Consent.Purpose.STATISTICS:
        refresh_statistics_consent(case_ids=[case.id])
    _audit("consent_given", case=case, by=by, fields=["purpose"], purpose=purpose)
    _announce(consent_changed=case.id, purpose=purpose)
    return consent


@transaction.atomic
def withdraw_consent(
    *, consent: Consent, by: User | None, on: datetime.date | None = None
) -> Consent:
    """From `on` (today) the case is no longer used for the consent's purpose."""
    if consent.withdrawn_on is not None:
        return consent
    consent.withdrawn_on = max(on or timezone.localdate(), consent.given_on)
    consent.withdrawn_by = by
    consent.save(update_fields=["withdrawn_on", "withdrawn_by", "updated_at"])
    if consent.purpose == Consent.Purpose.STATISTICS:
        refresh_statistics_consent(case_ids=[consent.case_id])
    _audit(
        "consent_withdrawn", case=consent.case, by=by, fields=["purpose"], purpose=consent.purpose
    )
    _announce(consent_changed=consent.case_id, purpose=consent.purpose)
    return consent


# Assistance --------------------------------------------------------------------------------


@transaction.atomic
def add_note(*, case: Case, by: User | None, text: str, written_on: datetime.date) -> Note:
    require_consent(case, Consent.Purpose.ASSISTANCE)
    note = Note(case=case, author=by, written_on=written_on)
    note.texts = _seal_texts(
        case, note, {"text": text}, keys.key_for(case.organisation_id, case.key_version)
    )
    note.save()
    _audit("case_change", case=case, by=by, fields=["notes"])
    return note


@transaction.atomic
def add_plan_item(
    *,
    case: Case,
    by: User | None,
    type: str,
    objective: str,
    actions: str = "",
    planned_end_on: datetime.date | None = None,
) -> PlanItem:
    require_consent(case, Consent.Purpose.ASSISTANCE)
    item = PlanItem(case=case, type=type, planned_end_on=planned_end_on)
    item.texts = _seal_texts(
        case,
        item,
        {"objective": objective, "actions": actions},
        keys.key_for(case.organisation_id, case.key_version),
    )
    item.full_clean(exclude=["case", "texts"])
    item.save()
    _audit("case_change", case=case, by=by, fields=["support_plan"])
    return item


@transaction.atomic
def add_service(
    *,
    case: Case,
    by: User | None,
    category: str,
    delivered_on: datetime.date,
    provider: Organisation,
) -> ServiceDelivery:
    require_consent(case, Consent.Purpose.ASSISTANCE)
    if provider.id != case.organisation_id:
        # Services of another organisation are recorded only for a person who agreed to it.
        require_consent(case, Consent.Purpose.REFERRAL, recipient_id=provider.id)
    delivery = ServiceDelivery.objects.create(
        case=case, category=category, delivered_on=delivered_on, provider=provider, delivered_by=by
    )
    _audit("case_change", case=case, by=by, fields=["services"])
    return delivery


def refresh_route(*, case_ids: Iterable[uuid.UUID] | None = None) -> int:
    """Set the cases' route (`Case.route_*`) from their trafficking events: the country and
    the area of the first recruitment and of the first exploitation step that name one, first
    by date (undated ones after the dated, on every database), then by the order recorded.
    Of these cases, or of every case."""

    def first(type_: str, field: str) -> Subquery:
        return Subquery(
            TraffickingEvent.objects.filter(
                case_id=OuterRef("pk"), type=type_, **{f"{field}__isnull": False}
            )
            .order_by(F("happened_on").asc(nulls_last=True), "created_at")
            .values(field)[:1]
        )

    route = {
        "route_from_country": first(htcds.EventType.RECRUITMENT, "country_id"),
        "route_to_country": first(htcds.EventType.EXPLOITATION, "country_id"),
        "route_from_area": first(htcds.EventType.RECRUITMENT, "area_id"),
        "route_to_area": first(htcds.EventType.EXPLOITATION, "area_id"),
    }
    return _update_cases(case_ids, **route)


@transaction.atomic
def add_event(
    *,
    case: Case,
    by: User | None,
    type: str,
    happened_on: datetime.date | None = None,
    country_id: uuid.UUID | None = None,
    area_id: uuid.UUID | None = None,
    border_crossing_id: uuid.UUID | None = None,
) -> TraffickingEvent:
    require_consent(case, Consent.Purpose.ASSISTANCE)
    event = TraffickingEvent.objects.create(
        case=case,
        type=type,
        happened_on=happened_on,
        country_id=country_id,
        area_id=area_id,
        border_crossing_id=border_crossing_id,
    )
    refresh_route(case_ids=[case.id])
    _audit("case_change", case=case, by=by, fields=["trafficking_events"])
    return event


def _refresh_next_follow_up(case: Case) -> None:
    due = FollowUp.objects.filter(case=case, done_on__isnull=True).aggregate(first=Min("due_on"))
    if case.next_follow_up_on != due["first"]:
        case.next_follow_up_on = due["first"]
        case.save(update_fields=["next_follow_up_on", "updated_at"])


@transaction.atomic
def schedule_follow_up(
    *, case: Case, by: User | None, due_on: datetime.date, assigned_to: User | None = None
) -> FollowUp:
    require_consent(case, Consent.Purpose.ASSISTANCE)
    follow_up = FollowUp.objects.create(
        case=case, due_on=due_on, assigned_to=assigned_to or case.caseworker
    )
    _refresh_next_follow_up(case)
    _audit("case_change", case=case, by=by, fields=["follow_ups"])
    return follow_up


@transaction.atomic
def complete_follow_up(
    *, follow_up: FollowUp, by: User | None, done_on: datetime.date | None = None
) -> FollowUp:
    follow_up.done_on = done_on or timezone.localdate()
    follow_up.save(update_fields=["done_on", "updated_at"])
    _refresh_next_follow_up(follow_up.case)
    _audit("case_change", case=follow_up.case, by=by, fields=["follow_ups"])
    return follow_up


# Photo ------------------------------------------------------------------------------------


def photo_of(case: Case) -> bytes | None:
    """The case's photo as JPEG bytes, or None; callers check consent and audit the read."""
    photo = CasePhoto.objects.filter(case=case).first()
    if photo is None:
        return None
    return keys.open_bytes(
        organisation_id=case.organisation_id,
        case_id=case.id,
        label="photo",
        sealed=photo.sealed,
        key=keys.key_for(case.organisation_id, case.key_version),
    )


@transaction.atomic
def set_photo(*, case: Case, by: User | None, jpeg: bytes) -> None:
    """Keep a photo (already cleaned of metadata by `photos.clean_photo`), sealed."""
    require_consent(case, Consent.Purpose.ASSISTANCE)
    sealed = keys.seal_bytes(
        organisation_id=case.organisation_id,
        case_id=case.id,
        label="photo",
        data=jpeg,
        key=keys.key_for(case.organisation_id, case.key_version),
    )
    CasePhoto.objects.update_or_create(case=case, defaults={"sealed": sealed})
    _audit("case_change", case=case, by=by, fields=["photo"])


@transaction.atomic
def remove_photo(*, case: Case, by: User | None) -> None:
    deleted, _rows = CasePhoto.objects.filter(case=case).delete()
    if deleted:
        _audit("case_change", case=case, by=by, fields=["photo"])


# Keys --------------------------------------------------------------------------------------


def _reseal_case(case: Case, old: bytes, new: bytes, version: int) -> list[Any]:
    """Re-encrypt a case and its sealed rows from the old key to the new; returns rows."""
    identity = Identity.from_json(
        keys.open_json(
            organisation_id=case.organisation_id,
            case_id=case.id,
            label="identity",
            row_id=case.id,
            sealed=case.identity,
            key=old,
        )
    )
    texts = keys.open_json(
        organisation_id=case.organisation_id,
        case_id=case.id,
        label="case",
        row_id=case.id,
        sealed=case.texts,
        key=old,
    )
    case.key_version = version
    case.identity = _seal_identity(case, identity, new)
    case.texts = _seal_texts(case, case, texts, new)
    return _tokens(case, identity, new)


@transaction.atomic
def rotate_keys(*, organisation: Organisation) -> int:
    """Re-encryption: a new data key version, every case and sealed row re-encrypted with it,
    blind indexes rebuilt. Old key versions stay (wrapped) so nothing sealed can be lost."""
    version, new = keys.create_key(organisation.id)
    count = 0
    cases = Case.objects.filter(organisation=organisation).exclude(key_version=version)
    for case in cases.iterator(chunk_size=BATCH):
        old = keys.key_for(organisation.id, case.key_version)
        tokens = _reseal_case(case, old, new, version)
        for model in (Note, PlanItem):
            for row in model.objects.filter(case=case):
                data = keys.open_json(
                    organisation_id=case.organisation_id,
                    case_id=case.id,
                    label=model.__name__.lower(),
                    row_id=row.pk,
                    sealed=row.texts,
                    key=old,
                )
                row.texts = _seal_texts(case, row, data, new)
                row.save(update_fields=["texts"])
        photo = CasePhoto.objects.filter(case=case).first()
        if photo is not None:
            kept = keys.open_bytes(
                organisation_id=case.organisation_id,
                case_id=case.id,
                label="photo",
                sealed=photo.sealed,
                key=old,
            )
            photo.sealed = keys.seal_bytes(
                organisation_id=case.organisation_id,
                case_id=case.id,
                label="photo",
                data=kept,
                key=new,
            )
            photo.save(update_fields=["sealed", "updated_at"])
        case.save(update_fields=["key_version", "identity", "texts"])
        CaseNameToken.objects.filter(case=case).delete()
        CaseNameToken.objects.bulk_create(tokens)
        count += 1
    return count
