"""The hash chain: every entry verifies, and any edit or removal names the first broken one."""

from __future__ import annotations

import datetime
import itertools
import uuid

import pytest

from panj.audit import chain
from panj.audit.models import AuditEntry, AuditHead
from panj.audit.tests.conftest import read_case
from panj.audit.verify import Problem, verify_chain


def test_it_chains_each_entry_to_the_one_before(entries):
    assert [e.sequence for e in entries] == list(
        range(entries[0].sequence, entries[0].sequence + 5)
    )
    for before, after in itertools.pairwise(entries):
        assert after.previous_hash == before.hash
    head = AuditHead.objects.get()
    assert (head.last_sequence, head.last_hash) == (entries[-1].sequence, entries[-1].hash)


def test_it_verifies_an_untouched_log(entries):
    result = verify_chain()
    assert result.ok
    assert result.count == AuditEntry.objects.count() >= 5
    assert result.last_hash == entries[-1].hash


def test_it_verifies_an_empty_log(db):
    result = verify_chain()
    assert result.ok and result.count == 0


EDITS = {
    "id": uuid.uuid4(),
    "at": datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
    "action": "case_export",
    "actor_id": uuid.uuid4(),
    "actor_label": "someone.else@test.panj.org",
    "organisation_id": uuid.uuid4(),
    "object_type": "referral",
    "object_id": str(uuid.uuid4()),
    "fields": ["identity"],
    "purpose": "review",
    "request_id": "0123456789abcdef",
    "previous_hash": "0" * 64,
    "hash": "f" * 64,
}


@pytest.mark.parametrize("field", [*EDITS, "sequence"])
def test_it_names_the_entry_whose_field_was_edited(entries, attacker, field):
    attacker()
    target = entries[2]
    value = EDITS.get(field, target.sequence + 1000)
    AuditEntry.objects.filter(pk=target.pk).update(**{field: value})
    result = verify_chain()
    assert not result.ok
    assert result.broken is not None
    assert result.broken.sequence == target.sequence
    if field == "sequence":
        assert result.broken.problem == Problem.MISSING
    else:
        assert result.broken.entry_id == (value if field == "id" else target.pk)


def test_it_notices_an_entry_rewritten_without_the_key(entries, attacker, settings):
    """Recomputing a whole chain needs the key: with another one, the first entry breaks."""
    attacker()
    settings.PANJ_AUDIT_KEY = "a key the attacker made up"
    forged = chain.chain_key()
    target = entries[1]
    values = {name: getattr(target, name) for name in chain.CHAINED_FIELDS}
    values["purpose"] = "assistance"
    AuditEntry.objects.filter(pk=target.pk).update(
        purpose="assistance", hash=chain.entry_hash(forged, target.previous_hash, values)
    )
    del settings.PANJ_AUDIT_KEY
    broken = verify_chain().broken
    assert broken is not None and broken.sequence == target.sequence


def test_it_notices_a_deleted_entry_in_the_middle(entries, attacker):
    attacker()
    AuditEntry.objects.filter(pk=entries[2].pk).delete()
    broken = verify_chain().broken
    assert broken is not None
    assert (broken.sequence, broken.problem) == (entries[2].sequence, Problem.MISSING)


def test_it_notices_a_deleted_first_entry(entries, attacker):
    attacker()
    first = AuditEntry.objects.order_by("sequence").first()
    assert first is not None
    first.delete()
    broken = verify_chain().broken
    assert broken is not None and (broken.sequence, broken.problem) == (1, Problem.MISSING)


def test_it_notices_a_deleted_last_entry(entries, attacker):
    attacker()
    AuditEntry.objects.filter(pk=entries[-1].pk).delete()
    broken = verify_chain().broken
    assert broken is not None
    assert (broken.sequence, broken.problem) == (entries[-1].sequence, Problem.TAIL_MISSING)


def test_it_notices_a_deleted_last_entry_even_if_the_head_is_moved_back(entries, attacker):
    attacker()
    AuditEntry.objects.filter(pk=entries[-1].pk).delete()
    AuditHead.objects.update(last_sequence=entries[-2].sequence, last_hash=entries[-2].hash)
    broken = verify_chain().broken
    assert broken is not None and broken.problem == Problem.HEAD


def test_it_notices_a_removed_head(entries, attacker):
    attacker()
    AuditHead.objects.all().delete()
    broken = verify_chain().broken
    assert broken is not None and broken.problem == Problem.HEAD


def test_it_chains_new_entries_with_the_new_key_and_verifies_old_ones_with_the_retired(
    ngo_af, alice, settings
):
    settings.PANJ_AUDIT_KEY = "the first audit key"
    read_case(alice, ngo_af)
    settings.PANJ_AUDIT_KEY = "the second audit key"
    read_case(alice, ngo_af)
    settings.PANJ_AUDIT_PREVIOUS_KEYS = []
    assert not verify_chain().ok
    settings.PANJ_AUDIT_PREVIOUS_KEYS = ["the first audit key"]
    assert verify_chain().ok


def test_it_derives_its_key_from_the_secret_key_under_its_own_label(settings):
    settings.PANJ_AUDIT_KEY = ""
    key = chain.chain_key()
    assert len(key) == 32
    assert settings.SECRET_KEY.encode() not in key
    settings.SECRET_KEY = settings.SECRET_KEY + "-rotated"
    assert chain.chain_key() != key


def test_it_writes_canonical_json():
    moment = datetime.datetime(
        2025, 11, 1, 8, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=4, minutes=30))
    )
    text = chain.canonical({"b": uuid.UUID(int=1), "a": moment, "c": ["x"]})
    assert text == (
        b'{"a":"2025-11-01T04:00:00.000000+00:00",'
        b'"b":"00000000-0000-0000-0000-000000000001","c":["x"]}'
    )
