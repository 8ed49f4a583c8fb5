"""Who may read, list, search, print, export and change a case, and what gets recorded."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from panj.cases import access, services
from panj.cases.tests.conftest import new_case

CASE_PAGES = [
    "cases:case",
    "cases:print",
    "cases:edit_identity",
    "cases:edit_trafficking",
    "cases:edit_management",
    "cases:edit_needs",
    "cases:add_note",
    "cases:add_plan_item",
    "cases:add_service",
    "cases:add_follow_up",
    "cases:add_event",
    "cases:add_consent",
]
EDIT_PAGES = CASE_PAGES[2:]


@pytest.mark.parametrize("stranger", ["carol", "erin", "dave", "frank"])
def test_it_answers_404_to_another_organisation_for_every_case_page(
    request, client_for, case_af, stranger
):
    client = client_for(request.getfixturevalue(stranger))
    for name in CASE_PAGES:
        for method in ("get", "post"):
            response = getattr(client, method)(reverse(name, args=[case_af.id]))
            expected = (404,) if method == "get" else (404, 405)
            assert response.status_code in expected, (name, method, response.status_code)


def test_it_answers_the_same_404_for_a_case_that_does_not_exist(client_for, carol, case_af):
    import uuid

    client = client_for(carol)
    missing = client.get(reverse("cases:case", args=[uuid.uuid4()]))
    foreign = client.get(reverse("cases:case", args=[case_af.id]))
    assert missing.status_code == foreign.status_code == 404
    assert case_af.number.encode() not in foreign.content
    assert len(missing.content) == len(foreign.content)


def test_it_never_lists_or_finds_another_organisations_case(client_for, carol, case_af, case_tj):
    client = client_for(carol)
    assert case_af.number.encode() not in client.get(reverse("cases:list")).content
    response = client.post(reverse("cases:list"), {"q": "Zahra Ahmadi"})
    assert case_af.number.encode() not in response.content
    assert case_tj.number.encode() in client.get(reverse("cases:list")).content


def test_it_refuses_the_case_list_to_roles_without_cases(client_for, hamid, dave, frank):
    for user in (hamid, dave, frank):
        assert client_for(user).get(reverse("cases:list")).status_code == 403


def test_it_lets_a_viewer_read_but_not_change(client_for, vera, case_af):
    client = client_for(vera)
    assert client.get(reverse("cases:case", args=[case_af.id])).status_code == 200
    for name in EDIT_PAGES:
        assert client.get(reverse(name, args=[case_af.id])).status_code == 403, name
        assert client.post(reverse(name, args=[case_af.id])).status_code == 403, name
    assert client.get(reverse("cases:new")).status_code == 403
    assert client.get(reverse("cases:import")).status_code == 403
    consent = case_af.consents.get()
    url = reverse("cases:withdraw_consent", args=[case_af.id, consent.id])
    assert client.post(url).status_code == 403
    consent.refresh_from_db()
    assert consent.withdrawn_on is None


def test_it_lets_a_supervisor_review_any_case_and_records_it_as_review(
    client_for, bob, case_af, audit_calls
):
    client = client_for(bob)
    response = client.get(reverse("cases:case", args=[case_af.id]))
    assert response.status_code == 200
    read = [call for call in audit_calls if call["action"] == "case_read"][-1]
    assert (read["purpose"], read["object_id"]) == ("review", str(case_af.id))
    assert client.post(reverse("cases:review", args=[case_af.id])).status_code == 302
    assert audit_calls[-1]["action"] == "case_review"


def test_it_refuses_review_to_a_caseworker(client_for, alice, case_af):
    assert client_for(alice).post(reverse("cases:review", args=[case_af.id])).status_code == 403


def test_it_records_every_case_read_before_answering(client_for, alice, case_af, audit_calls):
    client_for(alice).get(reverse("cases:case", args=[case_af.id]))
    reads = [call for call in audit_calls if call["action"] == "case_read"]
    assert reads and reads[0]["object_id"] == str(case_af.id)
    assert reads[0]["purpose"] == access.ASSISTANCE


def test_it_records_field_names_of_changes_never_values(alice, case_af, audit_calls):
    services.update_case(
        case=case_af,
        by=alice,
        values={"risk_level": "high"},
        texts={"risk_assessment": "secret words"},
    )
    change = audit_calls[-1]
    assert change["action"] == "case_change"
    assert set(change["fields"]) == {"risk_level", "risk_assessment"}
    assert "secret words" not in repr(change) and "high" not in repr(change["fields"])


def test_it_records_consent_given_and_withdrawn(alice, case_af, audit_calls):
    consent = services.give_consent(
        case=case_af,
        by=alice,
        purpose="statistics",
        given_by="person",
        method="written",
        given_on=datetime.date(2025, 11, 2),
    )
    services.withdraw_consent(consent=consent, by=alice)
    assert [c["action"] for c in audit_calls[-2:]] == ["consent_given", "consent_withdrawn"]


def test_it_exports_only_to_supervisors_of_the_organisation(client_for, alice, bob, carol, case_af):
    assert client_for(alice).get(reverse("cases:export")).status_code == 403
    assert client_for(bob).get(reverse("cases:export")).status_code == 200


def test_it_refuses_wrong_methods(client_for, alice, case_af):
    client = client_for(alice)
    assert client.get(reverse("cases:review", args=[case_af.id])).status_code == 405
    assert client.post(reverse("cases:case", args=[case_af.id])).status_code == 405
    assert client.post(reverse("cases:follow_ups")).status_code == 405


def test_it_requires_sign_in(client, case_af):
    response = client.get(reverse("cases:case", args=[case_af.id]))
    assert response.status_code == 302


def test_it_keeps_other_organisations_consents_and_follow_ups_out_of_reach(
    client_for, ngo_af, alice, case_af, case_tj, carol
):
    foreign_consent = case_tj.consents.get()
    url = reverse("cases:withdraw_consent", args=[case_af.id, foreign_consent.id])
    assert client_for(alice).post(url).status_code == 404
    other = new_case(ngo_af, alice, given="Other")
    follow_up = services.schedule_follow_up(case=other, by=alice, due_on=datetime.date(2025, 12, 1))
    url = reverse("cases:complete_follow_up", args=[case_af.id, follow_up.id])
    assert client_for(alice).post(url).status_code == 404
