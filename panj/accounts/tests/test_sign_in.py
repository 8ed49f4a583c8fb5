"""Signing in and out, throttling of failed attempts, password change and reset."""

import pytest
from django.core import mail
from django.urls import reverse

from conftest import PASSWORD


@pytest.fixture(autouse=True)
def _fresh_throttle(db):
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()


def sign_in(client, email, password):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def test_it_signs_in_with_email_and_password(client, alice):
    response = sign_in(client, "ALICE@test.panj.org", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200


def test_it_hashes_passwords_with_argon2(alice):
    assert alice.password.startswith("argon2")


def test_it_gives_one_message_whether_or_not_the_account_exists(client, alice):
    wrong_password = sign_in(client, "alice@test.panj.org", "not the password")
    no_account = sign_in(client, "nobody@test.panj.org", "not the password")
    assert wrong_password.status_code == no_account.status_code == 200
    message = "That e-mail address and password do not match an active account."
    assert message in wrong_password.content.decode()
    assert message in no_account.content.decode()


def test_it_pauses_signing_in_after_five_failures(client, alice):
    for _ in range(5):
        sign_in(client, "alice@test.panj.org", "guess")
    locked = sign_in(client, "alice@test.panj.org", PASSWORD)
    assert locked.status_code == 429
    assert "paused for 15 minutes" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_throttles_unknown_accounts_alike_so_none_is_revealed(client, db):
    for _ in range(5):
        sign_in(client, "nobody@test.panj.org", "guess")
    assert sign_in(client, "nobody@test.panj.org", "guess").status_code == 429


def test_it_refuses_inactive_accounts(client, alice):
    alice.is_active = False
    alice.save(update_fields=["is_active"])
    assert (
        "_auth_user_id" not in sign_in(client, "alice@test.panj.org", PASSWORD).wsgi_request.session
    )


def test_it_signs_out_only_by_post(client_for, alice):
    client = client_for(alice)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(reverse("home")).status_code == 302


def test_it_changes_a_password_after_checking_the_old_one(client_for, alice):
    client = client_for(alice)
    url = reverse("accounts:password_change")
    bad = client.post(url, {"old_password": "wrong", "new_password1": "x", "new_password2": "x"})
    assert bad.status_code == 200
    new = "river crossing at dawn 42"
    ok = client.post(url, {"old_password": PASSWORD, "new_password1": new, "new_password2": new})
    assert ok.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(new)


def test_it_rejects_weak_new_passwords(client_for, alice):
    client = client_for(alice)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200
    assert "too short" in response.content.decode() or "common" in response.content.decode()


def test_it_mails_a_reset_link_without_saying_whether_the_account_exists(client, alice):
    url = reverse("accounts:password_reset")
    known = client.post(url, {"email": "alice@test.panj.org"})
    unknown = client.post(url, {"email": "nobody@test.panj.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alice@test.panj.org"]
    assert "/accounts/password/reset/" in mail.outbox[0].body
