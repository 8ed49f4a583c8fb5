"""Sending a referral: an agreement in force, the person's consent, approval across the border."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from panj.audit.models import AuditEntry
from panj.cases.models import Consent
from panj.cases.services import ConsentRequired, withdraw_consent
from panj.cases.tests.conftest import new_case
from panj.directory.models import Country, Service, ServiceCategory
from panj.referrals import services
from panj.referrals.models import Agreement, Referral
from panj.referrals.tests.conftest import consent_to, make_agreement, send_and_approve


def test_it_refuses_a_referral_without_an_agreement(referred_case, ngo_tj, shelter_tj, alice):
    with pytest.raises(services.NoAgreement):
        services.draft_referral(
            case=referred_case,
            by=alice,
            receiver=ngo_tj,
            services=[shelter_tj],
            urgency="routine",
            reason="safety",
        )
    assert not Referral.objects.exists()


def test_it_refuses_a_referral_once_the_agreement_has_expired(
    referred_case, ngo_af, ngo_tj, shelter_tj, alice, hamid
):
    today = timezone.localdate()
    make_agreement(
        hamid,
        [ngo_af, ngo_tj],
        starts_on=today - datetime.timedelta(days=400),
        ends_on=today - datetime.timedelta(days=1),
    )
    with pytest.raises(services.NoAgreement):
        services.draft_referral(
            case=referred_case,
            by=alice,
            receiver=ngo_tj,
            services=[shelter_tj],
            urgency="routine",
            reason="safety",
        )


def test_it_refuses_to_send_a_draft_whose_agreement_ended_since(draft, alice):
    Agreement.objects.update(
        ends_on=timezone.localdate() - datetime.timedelta(days=1),
        starts_on=timezone.localdate() - datetime.timedelta(days=10),
    )
    with pytest.raises(services.NoAgreement):
        services.send_referral(referral=draft, by=alice, fields=["given_name"])
    draft.refresh_from_db()
    assert draft.status == Referral.Status.DRAFT and not draft.payload


def test_it_refuses_a_cross_border_referral_under_an_in_country_agreement(
    referred_case, ngo_af, ngo_tj, shelter_tj, alice, hamid
):
    make_agreement(hamid, [ngo_af, ngo_tj], scope=Agreement.Scope.IN_COUNTRY)
    with pytest.raises(services.NoAgreement):
        services.draft_referral(
            case=referred_case,
            by=alice,
            receiver=ngo_tj,
            services=[shelter_tj],
            urgency="routine",
            reason="safety",
        )


def test_it_lets_a_country_group_agreement_cover_every_member_in_the_country(
    ngo_af, iom_kabul, alice, dave
):
    afghanistan = Country.objects.get(iso2="AF")
    make_agreement(dave, [afghanistan], organisation=iom_kabul, scope=Agreement.Scope.IN_COUNTRY)
    assert services.agreement_between(ngo_af, iom_kabul) is not None


def test_it_refuses_to_send_without_consent_to_the_receiver(draft, referred_case, alice):
    consent = referred_case.consents.get(purpose=Consent.Purpose.REFERRAL)
    withdraw_consent(consent=consent, by=alice)
    with pytest.raises(ConsentRequired):
        services.send_referral(referral=draft, by=alice, fields=["given_name"])
    draft.refresh_from_db()
    assert draft.status == Referral.Status.DRAFT and not draft.payload


def test_it_refuses_consent_given_for_another_organisation(
    ngo_af, ngo_tj, iom_kabul, shelter_tj, agreement, alice
):
    case = new_case(ngo_af, alice)
    consent_to(case, iom_kabul, alice)
    referral = services.draft_referral(
        case=case,
        by=alice,
        receiver=ngo_tj,
        services=[shelter_tj],
        urgency="routine",
        reason="safety",
    )
    with pytest.raises(ConsentRequired):
        services.send_referral(referral=referral, by=alice, fields=["given_name"])


def test_it_holds_a_cross_border_referral_until_a_supervisor_approves(draft, alice, bob):
    referral = services.send_referral(referral=draft, by=alice, fields=["given_name", "gender"])
    assert referral.status == Referral.Status.AWAITING_APPROVAL
    assert referral.sent_at is None
    assert not Referral.objects.incoming(referral.receiver_id).exists()
    with pytest.raises(services.ApprovalRequired):
        services.approve_referral(referral=referral, by=alice)
    referral = services.approve_referral(referral=referral, by=bob)
    assert referral.status == Referral.Status.SENT
    assert referral.approved_by == bob
    assert Referral.objects.incoming(referral.receiver_id).get() == referral


def test_it_never_dispatches_a_cross_border_referral_without_approval(draft, alice):
    services.send_referral(referral=draft, by=alice, fields=["given_name"])
    draft.refresh_from_db()
    with pytest.raises(services.ApprovalRequired):
        services._dispatch(draft, by=alice)


def test_it_sends_within_the_country_without_approval(ngo_af, iom_kabul, alice, hamid):
    service = Service.objects.create(
        organisation=iom_kabul, category=ServiceCategory.MEDICAL, name="Clinic"
    )
    make_agreement(hamid, [ngo_af, iom_kabul])
    case = new_case(ngo_af, alice)
    consent_to(case, iom_kabul, alice)
    referral = services.draft_referral(
        case=case,
        by=alice,
        receiver=iom_kabul,
        services=[service],
        urgency="routine",
        reason="specialised",
    )
    referral = services.send_referral(referral=referral, by=alice, fields=["given_name"])
    assert referral.status == Referral.Status.SENT and not referral.cross_border


def test_it_offers_the_minimum_for_the_services_within_the_allow_list(draft):
    allowed = services.may_travel(draft)
    assert "given_name" in allowed and "phone" in allowed and "risk_level" in allowed
    # Not needed by a shelter, or not allowed by the agreement:
    assert "father_name" not in allowed
    assert "exploitation_types" not in allowed
    assert "address" not in allowed and "id_document" not in allowed


def test_it_refuses_fields_beyond_what_may_travel(draft, alice):
    with pytest.raises(ValidationError):
        services.send_referral(referral=draft, by=alice, fields=["given_name", "father_name"])


def test_it_seals_exactly_the_chosen_fields_with_the_receivers_key(draft, alice, bob):
    referral = send_and_approve(draft, alice, bob, fields=["given_name", "gender", "phone"])
    data = services.open_payload(referral)
    assert set(data) <= {"given_name", "gender", "phone", "languages", "note"}
    assert data["given_name"] == "Zahra" and data["phone"] == "+93700111222"
    assert referral.travelled == ["given_name", "phone", "gender"]
    assert b"Zahra" not in bytes(referral.payload)
    assert referral.payload_key_version is not None


def test_it_audits_the_send_with_field_names_only(sent):
    entry = AuditEntry.objects.filter(action="referral_send").get()
    assert entry.object_id == str(sent.id)
    assert "given_name" in entry.fields and "Zahra" not in str(entry.fields)


def test_it_emails_the_receiver_a_link_without_case_data(
    draft, alice, bob, carol, erin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_and_approve(draft, alice, bob)
    to_receiver = [m for m in mail.outbox if "carol@test.panj.org" in m.to]
    assert to_receiver
    for message in mail.outbox:
        assert "Zahra" not in message.body and "Ahmadi" not in message.body
        assert f"/referrals/{draft.id}/" in message.body


def test_it_tells_the_receiver_nothing_of_a_draft_withdrawn(
    draft, alice, carol, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_referral(referral=draft, by=alice)
    draft.refresh_from_db()
    assert draft.status == Referral.Status.WITHDRAWN and not draft.news_for_receiver
    assert not [m for m in mail.outbox if "carol@test.panj.org" in m.to]


def test_it_lists_as_travelled_only_the_fields_that_had_a_value(ngo_af, iom_kabul, alice, hamid):
    service = Service.objects.create(
        organisation=iom_kabul, category=ServiceCategory.MEDICAL, name="Clinic"
    )
    make_agreement(hamid, [ngo_af, iom_kabul])
    case = new_case(ngo_af, alice)  # no phone recorded
    consent_to(case, iom_kabul, alice)
    referral = services.draft_referral(
        case=case,
        by=alice,
        receiver=iom_kabul,
        services=[service],
        urgency="routine",
        reason="specialised",
    )
    referral = services.send_referral(referral=referral, by=alice, fields=["given_name", "phone"])
    assert referral.travelled == ["given_name"]
    assert set(services.open_payload(referral)) == {"given_name"}
