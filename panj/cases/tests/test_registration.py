"""Registering a case: a number per organisation, a sealed identity, blind indexes, consent."""

from __future__ import annotations

import datetime

from panj.cases import services
from panj.cases.identity import Identity
from panj.cases.models import Case, CaseNameToken, Consent
from panj.cases.tests.conftest import new_case


def test_it_numbers_cases_per_organisation_and_year(ngo_af, alice):
    ngo_af.case_number_prefix = "AF-KDZ"
    ngo_af.save()
    first = new_case(ngo_af, alice, opened_on=datetime.date(2026, 1, 5))
    second = new_case(ngo_af, alice, opened_on=datetime.date(2026, 2, 5))
    assert (first.number, second.number) == ("AF-KDZ-2026-0001", "AF-KDZ-2026-0002")
    assert new_case(ngo_af, alice, opened_on=datetime.date(2027, 1, 1)).number.endswith("2027-0001")


def test_it_keeps_the_identity_sealed_and_opens_it_for_the_organisation(case_af):
    case = Case.objects.get(id=case_af.id)
    assert b"Zahra" not in bytes(case.identity)
    identity = services.identity_of(case)
    assert (identity.given_name, identity.family_name, identity.birth_year) == (
        "Zahra",
        "Ahmadi",
        2004,
    )
    assert case.age_broad == "21--23"
    assert str(case) == case.number


def test_it_indexes_each_word_of_the_names(case_af):
    assert CaseNameToken.objects.filter(case=case_af).count() == 2


def test_it_records_the_consent_to_assistance(case_af, alice):
    consent = case_af.consents.get()
    assert (consent.purpose, consent.recorded_by) == (Consent.Purpose.ASSISTANCE, alice)
    assert case_af.has_consent(Consent.Purpose.ASSISTANCE)


def test_it_registers_many_cases_in_one_go(ngo_af, alice):
    items = [
        services.NewCase(
            identity=Identity(given_name=f"Name{i}"),
            opened_on=datetime.date(2025, 1, 1),
            consents={"assistance": services.ConsentInput()},
        )
        for i in range(30)
    ]
    cases = services.bulk_register_cases(organisation=ngo_af, by=alice, items=items)
    assert len({case.number for case in cases}) == 30
    assert Consent.objects.filter(case__organisation=ngo_af).count() == 30
    assert services.identity_of(Case.objects.get(id=cases[7].id)).given_name == "Name7"


def test_it_rebuilds_the_index_when_names_change(case_af, alice):
    changed = services.update_identity(
        case=case_af,
        by=alice,
        identity=Identity(given_name="Zahra", family_name="Karimi", birth_year=2004),
    )
    assert changed == ["family_name"]
    tokens = services.search_tokens(case_af.organisation_id, "Karimi")
    assert CaseNameToken.objects.filter(case=case_af, token__in=tokens).exists()
    old = services.search_tokens(case_af.organisation_id, "Ahmadi")
    assert not CaseNameToken.objects.filter(case=case_af, token__in=old).exists()
