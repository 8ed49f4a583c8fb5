"""Agreements, services and referrals between the personas' organisations, through services."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from panj.cases import services as case_services
from panj.cases.models import Consent
from panj.cases.tests.conftest import new_case
from panj.directory.models import Organisation, Service, ServiceCategory
from panj.referrals import services, travel
from panj.referrals.models import Agreement

TODAY = datetime.date(2025, 11, 1)


def make_agreement(
    by,
    parties,
    *,
    organisation=None,
    scope=Agreement.Scope.BOTH,
    fields=None,
    starts_on=None,
    ends_on=None,
    response_days=7,
) -> Agreement:
    today = timezone.localdate()
    return services.create_agreement(
        organisation=organisation or parties[0],
        by=by,
        title="Referral agreement",
        scope=scope,
        fields=fields
        if fields is not None
        else [name for name in travel.NAMES if name not in ("address", "id_document")],
        starts_on=starts_on or today - datetime.timedelta(days=30),
        ends_on=ends_on or today + datetime.timedelta(days=365),
        parties=parties,
        response_days=response_days,
    )


def consent_to(case, recipient: Organisation, by) -> Consent:
    return case_services.give_consent(
        case=case,
        by=by,
        purpose=Consent.Purpose.REFERRAL,
        given_by=Consent.GivenBy.PERSON,
        method=Consent.Method.VERBAL,
        given_on=timezone.localdate(),
        recipient=recipient,
    )


@pytest.fixture
def shelter_tj(ngo_tj) -> Service:
    return Service.objects.create(
        organisation=ngo_tj, category=ServiceCategory.SHELTER, name="Safe house in Khorugh"
    )


@pytest.fixture
def agreement(ngo_af, ngo_tj, hamid) -> Agreement:
    return make_agreement(hamid, [ngo_af, ngo_tj])


@pytest.fixture
def referred_case(ngo_af, ngo_tj, alice):
    """A case with a full identity, trafficking details and consent to be referred to ngo_tj."""
    case = new_case(
        ngo_af,
        alice,
        given="Zahra",
        family="Ahmadi",
        father="Karim",
        exploitation_types=["SexualExploitation"],
        needs=["shelter", "medical"],
        risk_level="high",
        citizenship=["AFG"],
    )
    case_services.update_identity(
        case=case,
        by=alice,
        identity=case_services.identity_of(case).__class__(
            given_name="Zahra",
            family_name="Ahmadi",
            father_name="Karim",
            birth_year=2004,
            phone="+93700111222",
            address="Street of the mosque 4, Kunduz",
            id_document="TAZKIRA-99887",
        ),
    )
    consent_to(case, ngo_tj, alice)
    return case


@pytest.fixture
def draft(referred_case, ngo_tj, shelter_tj, agreement, alice):
    return services.draft_referral(
        case=referred_case,
        by=alice,
        receiver=ngo_tj,
        services=[shelter_tj],
        urgency="urgent",
        reason="safety",
    )


def send_and_approve(draft, alice, bob, fields=None, note="Arrives by the Ishkashim bridge"):
    referral = services.send_referral(
        referral=draft,
        by=alice,
        fields=fields if fields is not None else services.may_travel(draft),
        languages=["prs"],
        note=note,
    )
    if referral.cross_border:
        referral = services.approve_referral(referral=referral, by=bob)
    return referral


@pytest.fixture
def sent(draft, alice, bob):
    return send_and_approve(draft, alice, bob)
