"""Answering a referral, feedback to the sender, withdrawal, and what stays where."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from panj.audit.models import AuditEntry
from panj.cases import services as case_services
from panj.cases.models import Case, Consent
from panj.referrals import services
from panj.referrals.models import Referral, ReferralEvent
from panj.referrals.services import WrongStep


def test_it_gives_the_receiver_its_own_case_with_the_travelled_fields_only(sent, carol, ngo_tj):
    referral = services.accept_referral(referral=sent, by=carol)
    case = referral.receiver_case
    assert case.organisation == ngo_tj
    identity = case_services.identity_of(case)
    assert identity.given_name == "Zahra" and identity.family_name == "Ahmadi"
    assert identity.phone == "+93700111222"
    # Never travelled: the father's name, the address, the identity document, the exploitation.
    assert identity.father_name == "" and identity.address == "" and identity.id_document == ""
    assert case.exploitation_types == [] and case.citizenship == []
    assert case.needs == ["shelter", "medical"] and case.risk_level == "high"
    assert not case.consents.exists()
    assert referral.status == Referral.Status.ACCEPTED and referral.news_for_sender


def test_it_refuses_to_accept_twice(sent, carol):
    services.accept_referral(referral=sent, by=carol)
    with pytest.raises(WrongStep):
        services.accept_referral(referral=sent, by=carol)


def test_it_leaves_nothing_of_a_declined_referral_at_the_receiver(sent, carol, ngo_tj):
    cases_before = Case.objects.filter(organisation=ngo_tj).count()
    referral = services.decline_referral(referral=sent, by=carol, reason="no_capacity")
    assert referral.status == Referral.Status.DECLINED
    assert bytes(referral.payload) == b"" and services.open_payload(referral) == {}
    assert Case.objects.filter(organisation=ngo_tj).count() == cases_before
    assert referral.events.filter(kind=ReferralEvent.Kind.DECLINED, detail="no_capacity").exists()


def test_it_sends_feedback_without_the_receivers_other_case_data(sent, carol, referred_case):
    referral = services.accept_referral(referral=sent, by=carol)
    case_services.give_consent(
        case=referral.receiver_case,
        by=carol,
        purpose=Consent.Purpose.ASSISTANCE,
        given_by="person",
        method="verbal",
        given_on=timezone.localdate(),
    )
    case_services.add_note(
        case=referral.receiver_case,
        by=carol,
        text="Private note of the shelter",
        written_on=timezone.localdate(),
    )
    services.record_delivery(referral=referral, by=carol, category="shelter", outcome="delivered")
    services.complete_referral(referral=referral, by=carol)
    referral.refresh_from_db()
    assert referral.status == Referral.Status.COMPLETED and referral.outcome == "delivered"
    delivered = referred_case.services.get()
    assert delivered.category == "shelter" and delivered.provider_id == referral.receiver_id
    assert delivered.delivered_by is None
    kinds = list(referral.events.values_list("kind", flat=True))
    assert kinds[-2:] == ["delivered", "completed"]


def test_it_refuses_feedback_for_a_service_not_asked_for(sent, carol):
    referral = services.accept_referral(referral=sent, by=carol)
    with pytest.raises(ValidationError):
        services.record_delivery(referral=referral, by=carol, category="legal", outcome="delivered")


def test_it_lets_the_sender_withdraw_and_erases_the_receivers_copy(sent, alice, carol):
    referral = services.accept_referral(referral=sent, by=carol)
    services.withdraw_referral(referral=referral, by=alice)
    referral.refresh_from_db()
    assert referral.status == Referral.Status.WITHDRAWN and not referral.payload
    copy = referral.receiver_case
    copy.refresh_from_db()
    assert case_services.identity_of(copy).given_name == ""
    assert copy.needs == [] and copy.risk_level == "" and not copy.is_open


def test_it_audits_every_answer_at_the_receiver(sent, carol):
    services.accept_referral(referral=sent, by=carol)
    entry = AuditEntry.objects.filter(action="referral_change", object_id=str(sent.id)).last()
    assert entry.organisation_id == sent.receiver_id and entry.fields == ["status"]
