"""The demo network: built through the services, idempotent, never in production."""

import pytest
from django.core.management import CommandError, call_command

from panj.accounts.models import Membership, User
from panj.accounts.roles import Role
from panj.directory.demo import DEMO_PASSWORD, load_demo_network
from panj.directory.models import Organisation, Service


def test_it_builds_two_iom_missions_and_ten_ngos(db):
    load_demo_network()
    assert Organisation.objects.filter(kind="iom").count() == 2
    ngos = Organisation.objects.filter(kind="ngo")
    assert ngos.filter(country__iso2="AF").count() == 5
    assert ngos.filter(country__iso2="TJ").count() == 5
    assert Service.objects.filter(category="legal", areas__name_en="Badakhshan").exists()


def test_it_creates_the_demo_accounts_with_their_roles(db):
    load_demo_network()
    expected = {
        "alice": (Role.CASEWORKER, "AF"),
        "bob": (Role.SUPERVISOR, "AF"),
        "carol": (Role.CASEWORKER, "TJ"),
        "dave": (Role.NETWORK_COORDINATOR, "AF"),
        "erin": (Role.ORGANISATION_ADMIN, "TJ"),
        "frank": (Role.ANALYST, None),
    }
    for name, (role, country) in expected.items():
        user = User.objects.get(email=f"{name}@demo.panj.org")
        assert user.check_password(DEMO_PASSWORD)
        membership = Membership.objects.select_related("organisation__country").get(user=user)
        assert membership.role == role
        if country:
            assert membership.organisation.country.iso2 == country
    alice = Membership.objects.get(user__email="alice@demo.panj.org")
    bob = Membership.objects.get(user__email="bob@demo.panj.org")
    assert alice.organisation_id == bob.organisation_id
    assert Membership.objects.get(user__email="dave@demo.panj.org").organisation.slug == "iom-kabul"


def test_it_changes_nothing_when_run_twice(db):
    load_demo_network()
    counts = (Organisation.objects.count(), Service.objects.count(), User.objects.count())
    load_demo_network()
    assert (Organisation.objects.count(), Service.objects.count(), User.objects.count()) == counts


def test_it_refuses_demo_accounts_on_a_production_configuration(db, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("load_demo")
    assert not User.objects.exists()


def test_it_prints_the_demo_accounts(db, capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "alice@demo.panj.org" in out and DEMO_PASSWORD in out
