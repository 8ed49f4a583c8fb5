"""Organisation admins manage their own staff accounts."""

from django.core import mail
from django.urls import reverse

from panj.accounts.models import Membership, User
from panj.accounts.roles import Role


def test_it_lists_the_organisations_staff_to_its_admin(client_for, hamid, alice, carol):
    response = client_for(hamid).get(reverse("accounts:staff"))
    assert response.status_code == 200
    assert "alice@test.panj.org" in response.content.decode()
    assert "carol@test.panj.org" not in response.content.decode()


def test_it_adds_a_staff_member_and_mails_an_invitation(
    client_for, hamid, ngo_af, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(hamid).post(
            reverse("accounts:staff"),
            {"full_name": "Nadia Rahimi", "email": "Nadia@ngo.example", "role": Role.CASEWORKER},
        )
    assert response.status_code == 302
    user = User.objects.get(email="nadia@ngo.example")
    assert not user.has_usable_password()
    assert Membership.objects.get(user=user).organisation == ngo_af
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/" in mail.outbox[0].body


def test_it_does_not_let_an_admin_make_coordinators(client_for, hamid):
    response = client_for(hamid).post(
        reverse("accounts:staff"),
        {"full_name": "X", "email": "x@ngo.example", "role": Role.NETWORK_COORDINATOR},
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="x@ngo.example").exists()


def test_it_refuses_staff_pages_to_other_roles(client_for, alice, bob, vera):
    for user in (alice, bob, vera):
        assert client_for(user).get(reverse("accounts:staff")).status_code == 403


def test_it_changes_a_role(client_for, hamid, alice):
    membership = Membership.objects.get(user=alice)
    url = reverse("accounts:staff_edit", args=[membership.id])
    response = client_for(hamid).post(url, {"role": Role.SUPERVISOR, "is_active": "on"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == Role.SUPERVISOR


def test_it_keeps_one_admin_in_every_organisation(client_for, hamid):
    membership = Membership.objects.get(user=hamid)
    url = reverse("accounts:staff_edit", args=[membership.id])
    response = client_for(hamid).post(url, {"role": Role.CASEWORKER, "is_active": "on"})
    assert response.status_code == 200
    assert "at least one active admin" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.ORGANISATION_ADMIN


def test_it_hides_staff_of_another_organisation(client_for, erin, alice):
    membership = Membership.objects.get(user=alice)
    url = reverse("accounts:staff_edit", args=[membership.id])
    assert client_for(erin).get(url).status_code == 404
    assert client_for(erin).post(url, {"role": "viewer"}).status_code == 404


def test_it_stops_a_deactivated_member_from_working_in_the_organisation(client_for, hamid, alice):
    membership = Membership.objects.get(user=alice)
    client_for(hamid).post(
        reverse("accounts:staff_edit", args=[membership.id]), {"role": "caseworker"}
    )
    membership.refresh_from_db()
    assert not membership.is_active
    home = client_for(alice).get(reverse("home"))
    assert "not part of any active organisation" in home.content.decode()


def test_it_answers_wrong_methods_with_405(client_for, hamid):
    assert client_for(hamid).delete(reverse("accounts:staff")).status_code == 405
