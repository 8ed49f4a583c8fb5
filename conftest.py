"""Shared personas of the test suite, built through the same services as the app.

alice (caseworker) and bob (supervisor) work at an NGO in Afghanistan, with hamid as its
admin and vera as a read-only viewer; carol (caseworker) and erin (organisation admin) at an
NGO in Tajikistan; dave is the network coordinator at IOM Kabul; frank an analyst.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from panj.accounts.models import User
from panj.accounts.roles import Role
from panj.accounts.services import add_member
from panj.directory.models import (
    Area,
    Country,
    FocalPoint,
    Office,
    Organisation,
    Service,
    ServiceCategory,
)
from panj.directory.services import create_organisation

PASSWORD = "a long test passphrase"


def pytest_configure(config):
    """Argon2 as in production, with the cheapest parameters: tests hash many passwords."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["conftest.QuickArgon2PasswordHasher"]


from django.contrib.auth.hashers import Argon2PasswordHasher  # noqa: E402


class QuickArgon2PasswordHasher(Argon2PasswordHasher):
    time_cost = 1
    memory_cost = 8
    parallelism = 1


def _organisation(slug: str, name: str, country: str, town_key: str, *, kind: str = "ngo"):
    organisation = create_organisation(
        slug=slug,
        name=name,
        kind=kind,
        country=Country.objects.get(iso2=country),
        languages=["prs"] if country == "AF" else ["tg", "ru"],
        is_public=True,
    )
    area = Area.objects.get(key=town_key)
    office = Office.objects.create(
        organisation=organisation, name=f"{name} office", area=area, is_main=True
    )
    FocalPoint.objects.create(organisation=organisation, name=f"Focal point of {name}")
    service = Service.objects.create(
        organisation=organisation,
        category=ServiceCategory.LEGAL,
        name=f"Legal aid of {name}",
        office=office,
    )
    service.areas.set([area.parent or area])
    return organisation


@pytest.fixture
def ngo_af(db) -> Organisation:
    return _organisation("ngo-af", "Afghan Test NGO", "AF", "af-kunduz-kunduz")


@pytest.fixture
def ngo_tj(db) -> Organisation:
    return _organisation("ngo-tj", "Tajik Test NGO", "TJ", "tj-gbao-khorugh")


@pytest.fixture
def iom_kabul(db) -> Organisation:
    return _organisation("iom-test", "IOM Test Kabul", "AF", "af-kabul-kabul", kind="iom")


def _member(organisation: Organisation, name: str, role: Role) -> User:
    return add_member(
        organisation=organisation,
        email=f"{name}@test.panj.org",
        full_name=name.capitalize(),
        role=role,
        password=PASSWORD,
    ).user


@pytest.fixture
def alice(ngo_af) -> User:
    return _member(ngo_af, "alice", Role.CASEWORKER)


@pytest.fixture
def bob(ngo_af) -> User:
    return _member(ngo_af, "bob", Role.SUPERVISOR)


@pytest.fixture
def hamid(ngo_af) -> User:
    return _member(ngo_af, "hamid", Role.ORGANISATION_ADMIN)


@pytest.fixture
def vera(ngo_af) -> User:
    return _member(ngo_af, "vera", Role.VIEWER)


@pytest.fixture
def carol(ngo_tj) -> User:
    return _member(ngo_tj, "carol", Role.CASEWORKER)


@pytest.fixture
def erin(ngo_tj) -> User:
    return _member(ngo_tj, "erin", Role.ORGANISATION_ADMIN)


@pytest.fixture
def dave(iom_kabul) -> User:
    return _member(iom_kabul, "dave", Role.NETWORK_COORDINATOR)


@pytest.fixture
def frank(iom_kabul) -> User:
    return _member(iom_kabul, "frank", Role.ANALYST)


@pytest.fixture
def client_for(db) -> Callable[[User], Client]:
    """A client signed in as the given user."""

    def make(user: User) -> Client:
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return make
