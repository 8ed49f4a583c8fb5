"""Objects of the Afghan NGO for the URL walker: a referral it sent and its agreement.

The receiver is a fourth organisation, so that none of the walker's strangers is a party.
"""

from __future__ import annotations

import pytest

from panj.accounts.roles import Role
from panj.accounts.services import add_member
from panj.directory.models import Country, Service, ServiceCategory
from panj.directory.services import create_organisation
from panj.referrals import services
from panj.referrals.tests.conftest import consent_to, make_agreement


def url_samples(request: pytest.FixtureRequest, base: dict) -> dict:
    ngo_af = request.getfixturevalue("ngo_af")
    alice = request.getfixturevalue("alice")
    hamid = request.getfixturevalue("hamid")
    from panj.cases.models import Case

    case = Case.objects.get(id=base["case_id"])
    partner = create_organisation(
        slug="ngo-af-partner",
        name="Afghan Partner NGO",
        kind="ngo",
        country=Country.objects.get(iso2="AF"),
    )
    add_member(
        organisation=partner, email="pat@test.panj.org", full_name="Pat", role=Role.CASEWORKER
    )
    service = Service.objects.create(
        organisation=partner, category=ServiceCategory.MEDICAL, name="Clinic"
    )
    agreement = make_agreement(hamid, [ngo_af, partner])
    consent_to(case, partner, alice)
    referral = services.draft_referral(
        case=case,
        by=alice,
        receiver=partner,
        services=[service],
        urgency="routine",
        reason="specialised",
    )
    services.send_referral(referral=referral, by=alice, fields=["given_name"])
    return {"referral_id": referral.id, "agreement_id": agreement.id}
