"""Consent as data: each use of a case checks the current consent for its purpose."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from panj.cases import exports, services
from panj.cases.models import Case, Consent
from panj.cases.tests.conftest import new_case

DAY = datetime.date(2025, 11, 1)


def test_it_finds_cases_with_current_consent_for_a_purpose(ngo_af, alice):
    counted = new_case(ngo_af, alice, consents=("assistance", "statistics"))
    not_counted = new_case(ngo_af, alice, consents=("assistance",))
    found = Case.objects.with_consent(Consent.Purpose.STATISTICS)
    assert counted in found and not_counted not in found


def test_it_excludes_a_case_once_consent_is_withdrawn(ngo_af, alice):
    case = new_case(ngo_af, alice, consents=("assistance", "linkage"))
    consent = case.consents.get(purpose="linkage")
    assert case in Case.objects.with_consent("linkage")
    services.withdraw_consent(consent=consent, by=alice, on=datetime.date(2025, 12, 1))
    assert case not in Case.objects.with_consent("linkage", on=datetime.date(2025, 12, 1))
    assert case not in Case.objects.with_consent("linkage", on=datetime.date(2026, 1, 1))
    # Before the withdrawal, the consent held: the past is not rewritten.
    assert case in Case.objects.with_consent("linkage", on=datetime.date(2025, 11, 30))


def test_it_lets_consent_expire(ngo_af, alice, case_af):
    services.give_consent(
        case=case_af,
        by=alice,
        purpose="statistics",
        given_by="guardian",
        method="written",
        given_on=DAY,
        expires_on=datetime.date(2025, 12, 31),
    )
    assert case_af.has_consent("statistics", on=datetime.date(2025, 12, 31))
    assert not case_af.has_consent("statistics", on=datetime.date(2026, 1, 1))


def test_it_ties_referral_consent_to_a_named_organisation(ngo_af, ngo_tj, alice, case_af):
    services.give_consent(
        case=case_af,
        by=alice,
        purpose="referral",
        recipient=ngo_tj,
        given_by="person",
        method="verbal",
        given_on=DAY,
    )
    assert case_af.has_consent("referral", recipient_id=ngo_tj.id, on=DAY)
    assert not case_af.has_consent("referral", recipient_id=ngo_af.id, on=DAY)


def test_it_requires_a_recipient_for_referral_consent_only(alice, case_af):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.give_consent(
            case=case_af,
            by=alice,
            purpose="referral",
            given_by="person",
            method="verbal",
            given_on=DAY,
        )


def test_it_refuses_assistance_after_withdrawal(client_for, alice, case_af):
    consent = case_af.consents.get(purpose="assistance")
    client = client_for(alice)
    response = client.post(reverse("cases:withdraw_consent", args=[case_af.id, consent.id]))
    assert response.status_code == 302
    with pytest.raises(PermissionDenied):
        services.add_note(case=case_af, by=alice, text="x", written_on=DAY)
    response = client.post(
        reverse("cases:add_note", args=[case_af.id]), {"written_on": "2025-12-01", "text": "x"}
    )
    assert response.status_code == 403
    page = client.get(reverse("cases:case", args=[case_af.id]))
    assert page.status_code == 200 and b"Zahra" not in page.content
    assert client.get(reverse("cases:edit_identity", args=[case_af.id])).status_code == 403
    printed = client.get(reverse("cases:print", args=[case_af.id]), {"identifying": "1"})
    assert printed.status_code == 403


def test_it_records_services_of_another_organisation_only_with_referral_consent(
    ngo_af, ngo_tj, alice, case_af
):
    with pytest.raises(PermissionDenied):
        services.add_service(
            case=case_af, by=alice, category="shelter", delivered_on=DAY, provider=ngo_tj
        )
    services.give_consent(
        case=case_af,
        by=alice,
        purpose="referral",
        recipient=ngo_tj,
        given_by="person",
        method="verbal",
        given_on=DAY,
    )
    delivery = services.add_service(
        case=case_af, by=alice, category="shelter", delivered_on=DAY, provider=ngo_tj
    )
    assert delivery.is_referral


def test_it_counts_in_statistics_only_cases_that_agreed(ngo_af, alice):
    counted = new_case(
        ngo_af, alice, consents=("assistance", "statistics"), exploitation_types=["ForcedLabour"]
    )
    new_case(ngo_af, alice, consents=("assistance",))
    rows = list(exports.statistics_rows(ngo_af))
    assert len(rows) == 2 and "ForcedLabour" in rows[1]
    services.withdraw_consent(consent=counted.consents.get(purpose="statistics"), by=alice)
    assert len(list(exports.statistics_rows(ngo_af))) == 1


def test_it_exports_no_identifying_data(client_for, ngo_af, alice, bob):
    new_case(ngo_af, alice, given="Canaryname", consents=("assistance", "statistics"))
    response = client_for(bob).get(reverse("cases:export"))
    body = b"".join(response.streaming_content)
    assert b"Canaryname" not in body and b"vic_TypeOfExploitation" in body
