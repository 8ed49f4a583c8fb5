"""The database itself refuses to change or delete entries, whatever the application does."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from panj.audit.models import AuditEntry, AuditHead
from panj.audit.tests.conftest import read_case


def test_it_refuses_an_update_through_the_orm(entries):
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEntry.objects.filter(pk=entries[0].pk).update(purpose="review")
    entries[0].refresh_from_db()
    assert entries[0].purpose == "assistance"


def test_it_refuses_to_save_an_entry_again(entries):
    entry = entries[0]
    entry.purpose = "review"
    with pytest.raises(IntegrityError), transaction.atomic():
        entry.save()


def test_it_refuses_a_delete_through_the_orm(entries):
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEntry.objects.filter(pk=entries[0].pk).delete()
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.filter(pk__in=[e.pk for e in entries]).count() == 5


def test_it_refuses_a_delete_in_plain_sql(entries):
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry")


def test_it_lets_the_head_move_only_one_step_forward(entries):
    last = entries[-1]
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditHead.objects.update(last_sequence=last.sequence - 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditHead.objects.all().delete()


@pytest.mark.django_db(transaction=True)
def test_it_lets_flush_empty_the_whole_database(ngo_af, alice):
    read_case(alice, ngo_af)
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    assert not AuditEntry.objects.exists()
    assert not AuditHead.objects.exists()
