"""Referrals between the personas' organisations, built as the referrals tests build them."""

from __future__ import annotations

import pytest

from panj.accounts.models import User
from panj.accounts.roles import Role
from panj.accounts.services import add_member
from panj.directory.models import Country
from panj.directory.services import create_organisation
from panj.referrals.tests.conftest import (  # noqa: F401
    agreement,
    draft,
    referred_case,
    sent,
    shelter_tj,
)


@pytest.fixture
def third_caseworker(db) -> User:
    """A caseworker of an organisation that is party to none of the referrals."""
    organisation = create_organisation(
        slug="ngo-third", name="Third NGO", kind="ngo", country=Country.objects.get(iso2="AF")
    )
    return add_member(
        organisation=organisation,
        email="tess@test.panj.org",
        full_name="Tess",
        role=Role.CASEWORKER,
    ).user
