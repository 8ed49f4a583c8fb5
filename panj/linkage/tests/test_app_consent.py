"""Kept encodings follow the person's consent and identity: given, withdrawn, changed."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from django.urls import reverse

from panj.cases import services as cases
from panj.cases.models import Consent
from panj.cases.tests.conftest import new_case
from panj.linkage.models import CaseEncoding, ProbableMatch
from panj.linkage.tests.app_helpers import CYRILLIC, DARI, run, shared_person

pytestmark = pytest.mark.django_db


def test_it_encodes_nothing_before_the_first_run(django_capture_on_commit_callbacks, ngo_af, alice):
    with django_capture_on_commit_callbacks(execute=True):
        new_case(ngo_af, alice, consents=("assistance", "linkage"), **DARI)
    assert not CaseEncoding.objects.exists()


def test_it_encodes_a_case_when_linkage_consent_is_given(
    django_capture_on_commit_callbacks, ngo_af, alice, ngo_tj, carol, dave
):
    run(dave, ngo_af, ngo_tj)
    with django_capture_on_commit_callbacks(execute=True):
        case = new_case(ngo_af, alice, **DARI)
    assert not CaseEncoding.objects.filter(case=case).exists()
    with django_capture_on_commit_callbacks(execute=True):
        cases.give_consent(
            case=case,
            by=alice,
            purpose=Consent.Purpose.LINKAGE,
            given_by=Consent.GivenBy.PERSON,
            method=Consent.Method.VERBAL,
            given_on=datetime.date(2025, 11, 2),
        )
    encoding = CaseEncoding.objects.get(case=case)
    assert encoding.organisation_id == ngo_af.id


def test_it_deletes_the_encoding_and_hides_matches_when_consent_is_withdrawn(
    client_for, django_capture_on_commit_callbacks, ngo_af, alice, ngo_tj, carol, dave
):
    case_af, case_tj = shared_person(ngo_af, alice, ngo_tj, carol)
    run(dave, ngo_af, ngo_tj)
    assert ProbableMatch.objects.count() == 2
    consent = case_tj.consents.get(purpose=Consent.Purpose.LINKAGE)
    with django_capture_on_commit_callbacks(execute=True):
        cases.withdraw_consent(consent=consent, by=carol)
    assert not CaseEncoding.objects.filter(case=case_tj).exists()
    # both sides' rows go: the other side no longer learns anything from this person
    assert not ProbableMatch.objects.exists()
    for user, case in ((alice, case_af), (carol, case_tj)):
        page = client_for(user).get(reverse("linkage:matches")).content.decode()
        assert "No probable shared case for now." in page
        detail = client_for(user).get(reverse("cases:case", args=[case.id])).content.decode()
        assert "Probable shared case with" not in detail
    # and a later run leaves the person out
    run(dave, ngo_af, ngo_tj)
    assert not ProbableMatch.objects.exists()


def test_it_hides_a_match_once_consent_lapses_even_before_anything_is_deleted(
    client_for, ngo_af, alice, ngo_tj, carol, dave
):
    case_af, _case_tj = shared_person(ngo_af, alice, ngo_tj, carol)
    run(dave, ngo_af, ngo_tj)
    # an expired consent sends no signal: the pages check consent themselves
    case_af.consents.filter(purpose=Consent.Purpose.LINKAGE).update(
        expires_on=datetime.date(2025, 11, 1)
    )
    page = client_for(alice).get(reverse("linkage:matches")).content.decode()
    assert "No probable shared case for now." in page


def test_it_refreshes_the_encoding_when_identity_changes(
    django_capture_on_commit_callbacks, ngo_af, alice, ngo_tj, carol, dave
):
    case_af, _case_tj = shared_person(ngo_af, alice, ngo_tj, carol)
    run(dave, ngo_af, ngo_tj)
    before = CaseEncoding.objects.get(case=case_af)
    identity = cases.identity_of(case_af)
    with django_capture_on_commit_callbacks(execute=True):
        cases.update_identity(
            case=case_af, by=alice, identity=dataclasses.replace(identity, given_name="مریم")
        )
    after = CaseEncoding.objects.get(case=case_af)
    assert after.epoch == before.epoch
    assert bytes(after.filter) != bytes(before.filter)


def test_it_matches_the_corrected_identity_at_the_next_run(
    django_capture_on_commit_callbacks, ngo_af, alice, ngo_tj, carol, dave
):
    case_af = new_case(
        ngo_af, alice, consents=("assistance", "linkage"), given="مریم", family="کریمی"
    )
    new_case(ngo_tj, carol, consents=("assistance", "linkage"), **CYRILLIC)
    run(dave, ngo_af, ngo_tj)
    assert not ProbableMatch.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        cases.update_identity(
            case=case_af,
            by=alice,
            identity=dataclasses.replace(
                cases.identity_of(case_af),
                given_name=DARI["given"],
                father_name=DARI["father"],
                family_name=DARI["family"],
            ),
        )
    run(dave, ngo_af, ngo_tj)
    assert ProbableMatch.objects.filter(case=case_af).exists()
