"""Running the duplicate check across member organisations, and what each side then sees."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from panj.audit.models import AuditEntry
from panj.cases.tests.conftest import new_case
from panj.linkage import services
from panj.linkage.engine import DEFAULT_THRESHOLD, Match
from panj.linkage.models import CaseEncoding, LinkageKey, ProbableMatch, RunPair
from panj.linkage.tests.app_helpers import CYRILLIC, DARI, run, secrets_of, shared_person

pytestmark = pytest.mark.django_db


def test_it_finds_the_same_person_across_scripts_for_both_sides(
    client_for, ngo_af, alice, ngo_tj, carol, dave
):
    case_af, case_tj = shared_person(ngo_af, alice, ngo_tj, carol)
    response = client_for(dave).post(
        reverse("linkage:run"), {"organisations": [ngo_af.id, ngo_tj.id]}
    )
    assert response.status_code == 302
    af_page = client_for(alice).get(reverse("linkage:matches")).content.decode()
    tj_page = client_for(carol).get(reverse("linkage:matches")).content.decode()
    assert "Tajik Test NGO" in af_page and case_af.number in af_page
    assert "Afghan Test NGO" in tj_page and case_tj.number in tj_page
    assert "Focal point of Tajik Test NGO" in af_page
    for secret in [*secrets_of(case_tj), *CYRILLIC.values()]:
        assert secret not in af_page
    for secret in [*secrets_of(case_af), *DARI.values()]:
        assert secret not in tj_page
    assert ProbableMatch.objects.count() == 2


def test_it_shows_each_side_on_its_own_case_page_and_list(
    client_for, ngo_af, alice, ngo_tj, carol, dave
):
    case_af, case_tj = shared_person(ngo_af, alice, ngo_tj, carol)
    run(dave, ngo_af, ngo_tj)
    client = client_for(alice)
    detail = client.get(reverse("cases:case", args=[case_af.id])).content.decode()
    listing = client.get(reverse("cases:list")).content.decode()
    assert "Probable shared case with Tajik Test NGO" in detail
    assert reverse("directory:organisation", args=[ngo_tj.slug]) in detail
    assert "1 of your cases has a probable shared case" in listing
    for page in (detail, listing):
        for secret in [*secrets_of(case_tj), *CYRILLIC.values()]:
            assert secret not in page


def test_it_shows_the_coordinator_counts_only(client_for, ngo_af, alice, ngo_tj, carol, dave):
    case_af, case_tj = shared_person(ngo_af, alice, ngo_tj, carol)
    run(dave, ngo_af, ngo_tj)
    page = client_for(dave).get(reverse("linkage:overview")).content.decode()
    pair = RunPair.objects.get()
    assert pair.matches == 1
    assert "Afghan Test NGO" in page and "Tajik Test NGO" in page
    for secret in [*secrets_of(case_af), *secrets_of(case_tj), *DARI.values(), *CYRILLIC.values()]:
        assert secret not in page
    assert client_for(dave).get(reverse("linkage:matches")).status_code == 403


def test_it_leaves_out_cases_without_linkage_consent(ngo_af, alice, ngo_tj, carol, dave):
    case_af, case_tj = shared_person(ngo_af, alice, ngo_tj, carol, consent=False)
    run(dave, ngo_af, ngo_tj)
    assert not CaseEncoding.objects.filter(case_id__in=[case_af.id, case_tj.id]).exists()
    assert CaseEncoding.objects.count() == 2  # the two others, who agreed
    assert not ProbableMatch.objects.exists()
    assert RunPair.objects.get().matches == 0


def test_it_rotates_the_key_each_run(ngo_af, alice, ngo_tj, carol, dave):
    case_af, _case_tj = shared_person(ngo_af, alice, ngo_tj, carol)
    first = run(dave, ngo_af, ngo_tj)
    before = bytes(CaseEncoding.objects.get(case_id=case_af.id).filter)
    second = run(dave, ngo_af, ngo_tj)
    assert second.epoch == first.epoch + 1
    assert list(LinkageKey.objects.values_list("epoch", flat=True)) == [second.epoch]
    assert set(CaseEncoding.objects.values_list("epoch", flat=True)) == {second.epoch}
    assert bytes(CaseEncoding.objects.get(case_id=case_af.id).filter) != before
    # the second run replaces the first one's matches between the same organisations
    assert set(ProbableMatch.objects.values_list("run_id", flat=True)) == {second.id}


def test_it_never_stores_a_score_below_the_threshold(
    monkeypatch, ngo_af, alice, ngo_tj, carol, dave
):
    case_af, case_tj = shared_person(ngo_af, alice, ngo_tj, carol)
    low = Match(str(case_af.id), str(case_tj.id), DEFAULT_THRESHOLD - 0.01)
    monkeypatch.setattr(services, "link", lambda a, b, threshold: [low])
    run(dave, ngo_af, ngo_tj)
    assert not ProbableMatch.objects.exists()
    with pytest.raises(IntegrityError), transaction.atomic():
        ProbableMatch.objects.create(
            run=RunPair.objects.get().run,
            pair=case_af.id,
            case=case_af,
            organisation=ngo_af,
            other_organisation=ngo_tj,
            score=DEFAULT_THRESHOLD - 0.01,
            threshold=DEFAULT_THRESHOLD,
        )


def test_it_records_the_run_in_each_organisations_audit_log(ngo_af, alice, ngo_tj, carol, dave):
    shared_person(ngo_af, alice, ngo_tj, carol)
    done = run(dave, ngo_af, ngo_tj)
    entries = AuditEntry.objects.filter(action="linkage_run", object_id=str(done.id))
    assert {e.organisation_id for e in entries} == {ngo_af.id, ngo_tj.id}
    assert all(e.fields == ["encoding"] for e in entries)


def test_it_refuses_a_caseworker_to_run(client_for, ngo_af, alice, ngo_tj, carol):
    shared_person(ngo_af, alice, ngo_tj, carol)
    client = client_for(alice)
    assert (
        client.post(reverse("linkage:run"), {"organisations": [ngo_af.id, ngo_tj.id]}).status_code
        == 403
    )
    assert client.get(reverse("linkage:overview")).status_code == 403
    assert not LinkageKey.objects.exists()


def test_it_refuses_the_wrong_method(client_for, dave, alice):
    assert client_for(dave).get(reverse("linkage:run")).status_code == 405
    assert client_for(dave).post(reverse("linkage:overview")).status_code == 405
    assert client_for(alice).post(reverse("linkage:matches")).status_code == 405


def test_it_needs_two_organisations(client_for, ngo_af, dave):
    response = client_for(dave).post(reverse("linkage:run"), {"organisations": [ngo_af.id]})
    assert response.status_code == 400
    assert "Choose at least two organisations." in response.content.decode()
    assert not LinkageKey.objects.exists()


def test_it_runs_a_check_between_two_organisations_only(
    ngo_af, alice, ngo_tj, carol, iom_kabul, dave
):
    shared_person(ngo_af, alice, ngo_tj, carol)
    new_case(iom_kabul, dave, consents=("assistance", "linkage"), **DARI)
    run(dave, ngo_af, ngo_tj)
    assert set(ProbableMatch.objects.values_list("organisation_id", flat=True)) == {
        ngo_af.id,
        ngo_tj.id,
    }


def test_it_keeps_pages_to_a_few_queries(
    client_for, django_assert_max_num_queries, ngo_af, alice, ngo_tj, carol, dave
):
    for n in range(5):
        new_case(
            ngo_af,
            alice,
            consents=("assistance", "linkage"),
            given=f"زهرا{n}",
            **{"family": DARI["family"], "father": DARI["father"]},
        )
        new_case(
            ngo_tj,
            carol,
            consents=("assistance", "linkage"),
            given=f"Зухро{n}",
            **{"family": CYRILLIC["family"], "father": CYRILLIC["father"]},
        )
    run(dave, ngo_af, ngo_tj)
    run(dave, ngo_af, ngo_tj)
    alice_client, dave_client = client_for(alice), client_for(dave)
    with django_assert_max_num_queries(14):
        assert alice_client.get(reverse("linkage:matches")).status_code == 200
    with django_assert_max_num_queries(14):
        assert dave_client.get(reverse("linkage:overview")).status_code == 200


def test_it_never_shows_a_score_below_the_current_threshold(
    client_for, ngo_af, alice, ngo_tj, carol, dave
):
    case_af, _case_tj = shared_person(ngo_af, alice, ngo_tj, carol)
    done = run(dave, ngo_af, ngo_tj)
    ProbableMatch.objects.all().delete()
    # a row kept from a run with a lower threshold than today's is not reported
    ProbableMatch.objects.create(
        run=done,
        pair=case_af.id,
        case=case_af,
        organisation=ngo_af,
        other_organisation=ngo_tj,
        score=DEFAULT_THRESHOLD - 0.05,
        threshold=DEFAULT_THRESHOLD - 0.1,
    )
    page = client_for(alice).get(reverse("linkage:matches")).content.decode()
    assert "No probable shared case for now." in page
    detail = client_for(alice).get(reverse("cases:case", args=[case_af.id])).content.decode()
    assert "Probable shared case with" not in detail
