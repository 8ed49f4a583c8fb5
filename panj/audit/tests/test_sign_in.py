"""Sign-ins, sign-outs and failed sign-ins are in the log; a failure keeps no typed name."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from conftest import PASSWORD
from panj.audit.models import AuditEntry


def test_it_records_a_sign_in_with_the_user_and_organisation(ngo_af, alice):
    response = Client().post(
        reverse("accounts:login"), {"username": "alice@test.panj.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="sign_in")
    assert entry.actor_id == alice.pk and entry.organisation_id == ngo_af.id
    assert entry.request_id == response["X-Request-ID"]


def test_it_records_a_sign_out(client_for, ngo_af, alice):
    client = client_for(alice)
    client.post(reverse("accounts:logout"))
    entry = AuditEntry.objects.order_by("sequence").last()
    assert entry is not None
    assert (entry.action, entry.actor_id, entry.organisation_id) == (
        "sign_out",
        alice.pk,
        ngo_af.id,
    )


def test_it_records_a_failed_sign_in_without_what_was_typed(alice):
    typed = "alice@test.panj.org"
    response = Client().post(
        reverse("accounts:login"), {"username": typed, "password": "not the password"}
    )
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action="sign_in_failed")
    assert entry.actor_id is None and entry.organisation_id is None and entry.actor_label == ""
    assert entry.request_id == response["X-Request-ID"]
    stored = " ".join(str(v) for v in AuditEntry.objects.values_list().get(pk=entry.pk))
    assert typed not in stored and "alice" not in stored and "not the password" not in stored


def test_it_records_a_sign_in_without_organisation_for_someone_without_one(db):
    from panj.accounts.services import create_user

    create_user(email="loner@test.panj.org", full_name="Loner", password=PASSWORD)
    Client().post(
        reverse("accounts:login"), {"username": "loner@test.panj.org", "password": PASSWORD}
    )
    assert AuditEntry.objects.get(action="sign_in").organisation_id is None
