"""Consent to a referral withdrawn after sending: the receiver is told to stop and forgets."""

from __future__ import annotations

from django.utils import timezone

from panj.cases import services as case_services
from panj.cases.models import Consent
from panj.referrals import services
from panj.referrals.models import Referral


def _withdraw(case, by):
    consent = case.consents.get(purpose=Consent.Purpose.REFERRAL)
    case_services.withdraw_consent(consent=consent, by=by)


def test_it_stops_a_sent_referral_and_erases_what_travelled(sent, referred_case, alice):
    _withdraw(referred_case, alice)
    sent.refresh_from_db()
    assert sent.status == Referral.Status.STOPPED
    assert not sent.payload and sent.news_for_receiver
    assert sent.events.filter(kind="stopped").exists()


def test_it_erases_the_shared_fields_from_the_receivers_case(sent, referred_case, alice, carol):
    referral = services.accept_referral(referral=sent, by=carol)
    _withdraw(referred_case, alice)
    copy = referral.receiver_case
    copy.refresh_from_db()
    identity = case_services.identity_of(copy)
    assert identity.given_name == "" and identity.family_name == "" and identity.phone == ""
    assert copy.needs == [] and copy.area_id is None and case_services.texts_of(copy) == {}
    assert copy.status == "Closed"


def test_it_keeps_the_receivers_case_when_it_has_its_own_consent(sent, referred_case, alice, carol):
    referral = services.accept_referral(referral=sent, by=carol)
    case_services.give_consent(
        case=referral.receiver_case,
        by=carol,
        purpose=Consent.Purpose.ASSISTANCE,
        given_by="person",
        method="written",
        given_on=timezone.localdate(),
    )
    _withdraw(referred_case, alice)
    referral.refresh_from_db()
    assert referral.status == Referral.Status.STOPPED
    assert case_services.identity_of(referral.receiver_case).given_name == "Zahra"


def test_it_leaves_referrals_to_other_organisations_alone(sent, referred_case, alice, iom_kabul):
    from panj.referrals.tests.conftest import consent_to

    other = consent_to(referred_case, iom_kabul, alice)
    case_services.withdraw_consent(consent=other, by=alice)
    sent.refresh_from_db()
    assert sent.status == Referral.Status.SENT
