"""Every write of linkage in Panj: the network secret, kept encodings, runs, partner exchanges.

Identities are opened only here, in memory, to be encoded; what is stored is the encoding.
A run rotates the secret: a new epoch, every consenting case encoded again, the old secret and
its encodings deleted. Only pairs from the threshold up are stored, for each side its own case.
"""

from __future__ import annotations

import itertools
import tempfile
import uuid
from collections.abc import Sequence

import numpy as np
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from panj.accounts.models import User
from panj.audit.models import Action
from panj.audit.services import record
from panj.cases import crypto, keys
from panj.cases.models import Case, CaseQuerySet, Consent
from panj.cases.services import identity_of
from panj.directory.models import Organisation
from panj.linkage.engine import (
    DEFAULT_THRESHOLD,
    EncodedSet,
    EncodingError,
    Match,
    Params,
    Person,
    Secret,
    encode_people,
    link,
)
from panj.linkage.engine.encode import FORMAT_VERSION, FormatVersionError
from panj.linkage.models import (
    CaseEncoding,
    CheckRequest,
    LinkageKey,
    LinkageRun,
    PartnerExchange,
    ProbableMatch,
    RunKind,
    RunPair,
)

_NETWORK_OWNER = "panj-linkage-network"
_SEX = {"Feminine": "F", "Masculine": "M"}
# The most an uploaded encodings file may weigh: 200 000 people at about 330 bytes each
# (id and encoding in the file), with room.
MAX_UPLOAD_BYTES = 96 * 1024 * 1024


class UploadRejected(ValueError):
    """A partner's file that cannot be linked; the message says why, for the coordinator."""


class SecretAlreadyTaken(ValueError):
    """A partner exchange's secret is shown only once."""


# The secret ----------------------------------------------------------------------------------


def _wrap(secret: Secret, *, owner: str, version: int) -> tuple[bytes, str]:
    master = keys.master_key()
    return (
        crypto.wrap_key(master, secret.value, owner=owner, version=version),
        crypto.key_fingerprint(master),
    )


def _unwrap(wrapped: bytes, fingerprint: str, *, owner: str, version: int) -> Secret:
    for master in [keys.master_key(), *keys.previous_master_keys()]:
        if crypto.key_fingerprint(master) == fingerprint:
            return Secret(crypto.unwrap_key(master, wrapped, owner=owner, version=version))
    raise crypto.DecryptionFailed("no configured master key wrapped this linkage secret")


def current_secret() -> tuple[int, Secret] | None:
    """The current epoch and its secret, or None before the first run."""
    row = LinkageKey.objects.order_by("-epoch").first()
    if row is None:
        return None
    return row.epoch, _unwrap(
        bytes(row.wrapped), row.master_fingerprint, owner=_NETWORK_OWNER, version=row.epoch
    )


def person_of(case: Case) -> Person:
    """What the engine encodes of a case: names, sex and birth; never stored in this form."""
    identity = identity_of(case)
    return Person(
        id=str(case.id),
        given_name=identity.given_name,
        father_name=identity.father_name,
        family_name=identity.family_name,
        sex=_SEX.get(case.gender, ""),
        birth_date=identity.birth_date.isoformat() if identity.birth_date else "",
        birth_year=identity.birth_year,
    )


def _encode(cases: Sequence[Case], secret: Secret) -> EncodedSet:
    return encode_people([person_of(case) for case in cases], secret)


def _rows(cases: Sequence[Case], encoded: EncodedSet, epoch: int) -> list[CaseEncoding]:
    return [
        CaseEncoding(
            case_id=case.id,
            organisation_id=case.organisation_id,
            epoch=epoch,
            filter=encoded.filters[i].tobytes(),
            blocks=encoded.blocks[i].tobytes(),
        )
        for i, case in enumerate(cases)
    ]


def _consenting() -> CaseQuerySet:
    return Case.objects.with_consent(Consent.Purpose.LINKAGE)


@transaction.atomic
def rotate_key() -> int:
    """A new epoch: a fresh secret, every consenting case encoded with it, old ones deleted."""
    last = LinkageKey.objects.select_for_update().order_by("-epoch").first()
    epoch = (last.epoch if last else 0) + 1
    secret = Secret.generate()
    wrapped, fingerprint = _wrap(secret, owner=_NETWORK_OWNER, version=epoch)
    LinkageKey.objects.create(
        epoch=epoch, wrapped=wrapped, master_fingerprint=fingerprint, key_check=secret.check_value()
    )
    LinkageKey.objects.exclude(epoch=epoch).delete()
    CaseEncoding.objects.all().delete()
    cases = list(_consenting().order_by("organisation_id", "id"))
    if cases:
        CaseEncoding.objects.bulk_create(
            _rows(cases, _encode(cases, secret), epoch), batch_size=1000
        )
    return epoch


def _forget(case_id: uuid.UUID) -> None:
    CaseEncoding.objects.filter(case_id=case_id).delete()
    pairs = ProbableMatch.objects.filter(case_id=case_id).values_list("pair", flat=True)
    ProbableMatch.objects.filter(pair__in=list(pairs)).delete()


@transaction.atomic
def refresh_encoding(*, case_id: uuid.UUID) -> None:
    """Encode a case again after a change, or forget it (encoding and matches) without consent."""
    case = _consenting().filter(id=case_id).first()
    if case is None:
        _forget(case_id)
        return
    current = current_secret()
    if current is None:
        return  # nothing is encoded before the first run creates a secret
    epoch, secret = current
    row = _rows([case], _encode([case], secret), epoch)[0]
    CaseEncoding.objects.update_or_create(
        case_id=case.id,
        defaults={
            "organisation_id": row.organisation_id,
            "epoch": epoch,
            "filter": row.filter,
            "blocks": row.blocks,
        },
    )


def _stored_set(organisation_id: uuid.UUID, epoch: int, secret: Secret) -> EncodedSet:
    """The kept encodings of an organisation's consenting cases, as the engine reads them."""
    rows = list(
        CaseEncoding.objects.filter(
            organisation_id=organisation_id,
            epoch=epoch,
            case__in=_consenting().filter(organisation_id=organisation_id),
        )
        .order_by("case_id")
        .values_list("case_id", "filter", "blocks")
    )
    params = Params()
    filters = np.frombuffer(b"".join(bytes(r[1]) for r in rows), dtype=np.uint64)
    blocks = np.frombuffer(b"".join(bytes(r[2]) for r in rows), dtype=np.uint64)
    width = len(blocks) // len(rows) if rows else 1
    return EncodedSet(
        ids=[str(r[0]) for r in rows],
        filters=filters.reshape(len(rows), params.words).copy(),
        blocks=blocks.reshape(len(rows), width).copy(),
        params=params,
        key_check=secret.check_value(),
    )


def _link(a: EncodedSet, b: EncodedSet, threshold: float) -> list[Match]:
    if not len(a) or not len(b):
        return []
    return [m for m in link(a, b, threshold) if m.score >= threshold]


def _audit_run(run: LinkageRun, *, by: User | None, organisations: Sequence[Organisation]) -> None:
    for organisation in organisations:
        # Each organisation's log shows that its consenting cases took part: ids, never names.
        record(
            action="linkage_run",
            actor=by,
            organisation_id=organisation.id,
            object_type="linkage_run",
            object_id=str(run.id),
            fields=["encoding"],
            purpose="linkage",
        )


@transaction.atomic
def run_linkage(
    *, by: User | None, organisations: Sequence[Organisation], threshold: float = DEFAULT_THRESHOLD
) -> LinkageRun:
    """Link every pair of the organisations under a new secret; store each side's matches."""
    organisations = sorted(organisations, key=lambda o: o.name)
    epoch = rotate_key()
    current = current_secret()
    assert current is not None
    _epoch, secret = current
    run = LinkageRun.objects.create(
        kind=RunKind.NETWORK, started_by=by, threshold=threshold, epoch=epoch
    )
    run.organisations.set(organisations)
    sets = {o.id: _stored_set(o.id, epoch, secret) for o in organisations}
    run.encoded = sum(len(s) for s in sets.values())
    run.save(update_fields=["encoded"])
    matches: list[ProbableMatch] = []
    pairs: list[RunPair] = []
    for first, second in itertools.combinations(organisations, 2):
        # A new run replaces what an earlier one said about the same two organisations.
        ProbableMatch.objects.filter(
            organisation__in=[first, second], other_organisation__in=[first, second]
        ).delete()
        found = _link(sets[first.id], sets[second.id], threshold)
        for match in found:
            pair = uuid.uuid4()
            for case_id, owner, other in (
                (match.a_id, first, second),
                (match.b_id, second, first),
            ):
                matches.append(
                    ProbableMatch(
                        run=run,
                        pair=pair,
                        case_id=uuid.UUID(case_id),
                        organisation=owner,
                        other_organisation=other,
                        score=match.score,
                        threshold=threshold,
                    )
                )
        pairs.append(RunPair(run=run, first=first, second=second, matches=len(found)))
    ProbableMatch.objects.bulk_create(matches, batch_size=1000)
    RunPair.objects.bulk_create(pairs)
    _audit_run(run, by=by, organisations=organisations)
    return run


# Checks that two organisations agree to run ---------------------------------------------------


def check_waiting(first: Organisation, second: Organisation) -> bool:
    """Whether a request between the two organisations, either way, awaits an answer."""
    return CheckRequest.objects.filter(
        Q(organisation=first, other_organisation=second)
        | Q(organisation=second, other_organisation=first),
        status=CheckRequest.Status.PENDING,
    ).exists()


def _audit_check(check: CheckRequest, action: Action, by: User | None) -> None:
    # Both organisations' logs show who asked, answered or withdrew: the request's id only.
    for organisation_id in (check.organisation_id, check.other_organisation_id):
        record(
            action=action,
            actor=by,
            organisation_id=organisation_id,
            object_type="check_request",
            object_id=str(check.id),
            purpose="linkage",
        )


@transaction.atomic
def ask_for_check(
    *, organisation: Organisation, other: Organisation, by: User | None
) -> CheckRequest:
    """One organisation asks another for a duplicate check of the two of them."""
    check = CheckRequest.objects.create(
        organisation=organisation, other_organisation=other, requested_by=by
    )
    _audit_check(check, Action.CHECK_ASK, by)
    return check


@transaction.atomic
def answer_check(*, check: CheckRequest, accept: bool, by: User | None) -> CheckRequest:
    """The asked organisation's answer; accepting runs the check over the two organisations at
    once, under a new key, as a coordinator's run would."""
    check = CheckRequest.objects.select_for_update().get(pk=check.pk)
    if check.status != CheckRequest.Status.PENDING:
        return check
    if accept:
        _audit_check(check, Action.CHECK_ACCEPT, by)
        check.run = run_linkage(by=by, organisations=[check.organisation, check.other_organisation])
        check.status = CheckRequest.Status.ACCEPTED
    else:
        _audit_check(check, Action.CHECK_DECLINE, by)
        check.status = CheckRequest.Status.DECLINED
    check.answered_by, check.answered_at = by, timezone.now()
    check.save(update_fields=["run", "status", "answered_by", "answered_at"])
    return check


@transaction.atomic
def withdraw_check(*, check: CheckRequest, by: User | None) -> None:
    """The asking organisation takes back a request not yet answered."""
    withdrawn = CheckRequest.objects.filter(pk=check.pk, status=CheckRequest.Status.PENDING).update(
        status=CheckRequest.Status.WITHDRAWN, answered_by=by, answered_at=timezone.now()
    )
    if withdrawn:
        _audit_check(check, Action.CHECK_WITHDRAW, by)


# Partner exchanges ---------------------------------------------------------------------------


def _exchange_owner(exchange: PartnerExchange) -> str:
    return f"panj-linkage-exchange:{exchange.id}"


@transaction.atomic
def create_exchange(
    *,
    organisation: Organisation,
    by: User | None,
    label: str,
    organisations: Sequence[Organisation],
) -> PartnerExchange:
    """A partner exchange with its own secret, used for this exchange only."""
    secret = Secret.generate()
    exchange = PartnerExchange(
        organisation=organisation,
        label=label.strip(),
        created_by=by,
        key_check=secret.check_value(),
    )
    exchange.wrapped_secret, exchange.master_fingerprint = _wrap(
        secret, owner=_exchange_owner(exchange), version=0
    )
    exchange.full_clean(exclude=["wrapped_secret"])
    exchange.save()
    exchange.organisations.set(organisations)
    return exchange


def _exchange_secret(exchange: PartnerExchange) -> Secret:
    return _unwrap(
        bytes(exchange.wrapped_secret),
        exchange.master_fingerprint,
        owner=_exchange_owner(exchange),
        version=0,
    )


@transaction.atomic
def take_exchange_secret(*, exchange: PartnerExchange, by: User | None) -> str:
    """The secret file's text, once; from then on the exchange waits for the partner's file."""
    locked = PartnerExchange.objects.select_for_update().get(pk=exchange.pk)
    if locked.status != PartnerExchange.Status.NEW:
        raise SecretAlreadyTaken
    locked.status = PartnerExchange.Status.WAITING
    locked.save(update_fields=["status", "updated_at"])
    exchange.status = locked.status
    record(
        action="export",
        actor=by,
        organisation_id=exchange.organisation_id,
        object_type="linkage_secret",
        object_id=str(exchange.id),
        purpose="linkage",
    )
    return _exchange_secret(locked).dumps()


def read_partner_file(data: bytes, *, key_check: str) -> EncodedSet:
    """The partner's `.enc` file, checked as `panj linkage match` checks it, or UploadRejected."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadRejected(_("The file is too large."))
    with tempfile.NamedTemporaryFile(suffix=".enc") as fh:
        fh.write(data)
        fh.flush()
        try:
            theirs = EncodedSet.load(fh.name)
        except FormatVersionError as exc:
            raise UploadRejected(
                _(
                    "The file was made with another version of “panj linkage encode” "
                    "(format %(found)s; Panj reads format %(current)s). Ask the partner to "
                    "encode again with the current version."
                )
                % {"found": str(exc.found)[:10], "current": FORMAT_VERSION}
            ) from None
        except EncodingError:
            raise UploadRejected(
                _(
                    "This is not a Panj encodings file, or it is damaged. "
                    "Ask the partner for the .enc file made with “panj linkage encode”."
                )
            ) from None
    if theirs.params != Params():
        raise UploadRejected(
            _(
                "The file was encoded with other settings than Panj's. "
                "Ask the partner to encode again with the current “panj linkage encode”."
            )
        )
    if theirs.key_check != key_check:
        raise UploadRejected(
            _(
                "The file was encoded with another secret than this exchange's. "
                "Ask the partner to encode with the secret file downloaded for this exchange."
            )
        )
    return theirs


@transaction.atomic
def link_partner_file(
    *, exchange: PartnerExchange, by: User | None, data: bytes, threshold: float = DEFAULT_THRESHOLD
) -> LinkageRun:
    """Link a partner's file with the exchange's organisations; then erase the exchange's secret."""
    exchange = PartnerExchange.objects.select_for_update().get(pk=exchange.pk)
    if exchange.status != PartnerExchange.Status.WAITING:
        raise UploadRejected(_("This exchange does not wait for a file."))
    theirs = read_partner_file(data, key_check=exchange.key_check)
    secret = _exchange_secret(exchange)
    organisations = sorted(exchange.organisations.all(), key=lambda o: o.name)
    run = LinkageRun.objects.create(kind=RunKind.PARTNER, started_by=by, threshold=threshold)
    run.organisations.set(organisations)
    matches: list[ProbableMatch] = []
    pairs: list[RunPair] = []
    encoded = 0
    for organisation in organisations:
        cases = list(_consenting().filter(organisation=organisation).order_by("id"))
        ours = _encode(cases, secret) if cases else None
        encoded += len(cases)
        found = _link(ours, theirs, threshold) if ours is not None else []
        matches.extend(
            ProbableMatch(
                run=run,
                pair=uuid.uuid4(),
                case_id=uuid.UUID(m.a_id),
                organisation=organisation,
                partner_label=exchange.label,
                score=m.score,
                threshold=threshold,
            )
            for m in found
        )
        pairs.append(
            RunPair(run=run, first=organisation, partner_label=exchange.label, matches=len(found))
        )
    ProbableMatch.objects.bulk_create(matches, batch_size=1000)
    RunPair.objects.bulk_create(pairs)
    run.encoded = encoded
    run.save(update_fields=["encoded"])
    exchange.status = PartnerExchange.Status.DONE
    exchange.run = run
    exchange.wrapped_secret = b""
    exchange.save(update_fields=["status", "run", "wrapped_secret", "updated_at"])
    _audit_run(run, by=by, organisations=organisations)
    return run
