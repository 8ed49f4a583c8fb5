"""A person who works for two organisations chooses which one they work in."""

from django.urls import reverse

from panj.accounts.roles import Role
from panj.accounts.services import add_member


def test_it_switches_to_another_of_the_users_organisations(client_for, alice, ngo_tj):
    add_member(organisation=ngo_tj, email=alice.email, full_name="Alice", role=Role.VIEWER)
    client = client_for(alice)
    response = client.post(reverse("accounts:switch_organisation"), {"organisation": ngo_tj.id})
    assert response.status_code == 302
    home = client.get(reverse("home")).content.decode()
    assert "your role: Viewer" in home


def test_it_refuses_to_switch_to_an_organisation_not_the_users(client_for, alice, ngo_tj):
    response = client_for(alice).post(
        reverse("accounts:switch_organisation"), {"organisation": ngo_tj.id}
    )
    assert response.status_code == 404


def test_it_switches_only_by_post(client_for, alice):
    assert client_for(alice).get(reverse("accounts:switch_organisation")).status_code == 405
