"""Appending an entry: ids and field names only, never values or free text."""

from __future__ import annotations

import uuid

import pytest
from django.test import RequestFactory

from panj.audit.middleware import current_request_id
from panj.audit.models import Action, AuditEntry
from panj.audit.services import record


def test_it_records_who_where_what_and_why(ngo_af, bob):
    case_id = uuid.uuid4()
    entry = record(
        action=Action.CASE_REVIEW,
        actor=bob,
        organisation_id=str(ngo_af.id),
        object_type="case",
        object_id=str(case_id),
        fields=("summary", "risk_level"),
        purpose="review",
    )
    entry.refresh_from_db()
    assert entry.actor_id == bob.pk and entry.actor_label == "bob@test.panj.org"
    assert entry.organisation_id == ngo_af.id
    assert (entry.object_type, entry.object_id) == ("case", str(case_id))
    assert entry.fields == ["summary", "risk_level"]
    assert entry.purpose == "review" and entry.action == "case_review"


def test_it_keeps_the_entry_when_the_user_is_deleted(ngo_af, alice):
    entry = record(action="case_read", actor=alice, organisation_id=ngo_af.id)
    alice_id = alice.pk
    alice.delete()
    entry.refresh_from_db()
    assert (entry.actor_id, entry.actor_label) == (alice_id, "alice@test.panj.org")


def test_it_takes_the_request_id_from_the_request(alice):
    request = RequestFactory().get("/")
    request.request_id = "abcdef0123456789"
    assert record(action="case_read", actor=alice, request=request).request_id == request.request_id


def test_it_takes_the_request_id_of_the_request_being_served(alice):
    token = current_request_id.set("feedfacefeedface")
    try:
        entry = record(action="case_change", actor=alice)
    finally:
        current_request_id.reset(token)
    assert entry.request_id == "feedfacefeedface"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"action": "made_up"},
        {"action": "case_change", "fields": ["Zahra Ahmadi"]},
        {"action": "case_change", "fields": [{"name": "Zahra"}]},
        {"action": "case_read", "object_id": "Zahra Ahmadi"},
        {"action": "case_read", "purpose": "because she called about her brother"},
        {"action": "case_read", "object_type": "the case of Zahra"},
    ],
)
def test_it_refuses_anything_but_codes_ids_and_field_names(alice, kwargs):
    with pytest.raises(ValueError):
        record(actor=alice, **kwargs)
    assert not AuditEntry.objects.exists()


def test_it_rolls_back_with_the_work_it_records(alice):
    from django.db import transaction

    first = record(action="case_read", actor=alice)
    with pytest.raises(RuntimeError), transaction.atomic():
        record(action="case_read", actor=alice)
        raise RuntimeError
    assert list(AuditEntry.objects.all()) == [first]
    assert record(action="case_read", actor=alice).sequence == first.sequence + 1
