"""The case list, name search, the case page and its sections, for each kind of user."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from panj.cases import services
from panj.cases.models import Case
from panj.cases.tests.conftest import new_case


def test_it_lists_the_organisations_cases_with_short_names(client_for, alice, case_af, case_tj):
    response = client_for(alice).get(reverse("cases:list"))
    assert response.status_code == 200
    assert case_af.number.encode() in response.content
    assert b"Zahra A." in response.content
    assert case_tj.number.encode() not in response.content
    assert b"Ahmadi" not in response.content


def test_it_filters_by_what_is_not_identifying(client_for, ngo_af, alice, bob):
    labour = new_case(ngo_af, alice, exploitation_types=["ForcedLabour"]).number.encode()
    marriage = new_case(ngo_af, bob, exploitation_types=["ForcedMarriage"]).number.encode()
    client = client_for(alice)
    response = client.get(reverse("cases:list"), {"exploitation": "ForcedLabour"})
    assert labour in response.content and marriage not in response.content
    response = client.get(reverse("cases:list"), {"mine": "on"})
    assert labour in response.content and marriage not in response.content
    response = client.get(reverse("cases:list"), {"age": "child"})
    assert labour not in response.content
    response = client.get(reverse("cases:list"), {"age": "adult", "status": "Active"})
    assert labour in response.content


def test_it_serves_only_the_rows_to_htmx(client_for, alice, case_af):
    response = client_for(alice).get(reverse("cases:list"), headers={"HX-Request": "true"})
    assert b"<html" not in response.content and case_af.number.encode() in response.content


@pytest.mark.parametrize(
    ("given", "family", "query"),
    [
        ("فرزانه", "احمدی", "احمدي"),
        ("Нигина", "Саидова", "нигина"),
        ("Zarina", "Karimi", "KARIMI zarina"),
    ],
)
def test_it_finds_a_case_by_whole_words_of_a_name(client_for, ngo_af, alice, given, family, query):
    case = new_case(ngo_af, alice, given=given, family=family)
    new_case(ngo_af, alice, given="Someone", family="Else")
    response = client_for(alice).post(reverse("cases:list"), {"q": query})
    assert case.number.encode() in response.content
    assert b"Someone" not in response.content


def test_it_finds_nothing_by_part_of_a_word(client_for, alice, case_af):
    response = client_for(alice).post(reverse("cases:list"), {"q": "Zah"})
    assert case_af.number.encode() not in response.content


def test_it_keeps_names_out_of_addresses(client_for, alice, case_af):
    """The search form posts; no link on the page carries a name."""
    response = client_for(alice).post(reverse("cases:list"), {"q": "Zahra"})
    content = response.content.decode()
    assert 'method="post"' in content
    assert "q=Zahra" not in content and "?q=" not in content


def test_it_keeps_the_number_of_queries_of_the_list_constant(
    client_for, ngo_af, alice, django_assert_max_num_queries
):
    client = client_for(alice)
    new_case(ngo_af, alice)
    client.get(reverse("cases:list"))
    with django_assert_max_num_queries(16) as few:
        client.get(reverse("cases:list"))
    for i in range(30):
        new_case(ngo_af, alice, given=f"Name{i}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("cases:list"))
    with django_assert_max_num_queries(len(few.captured_queries) + 2):
        client.post(reverse("cases:list"), {"q": "Name3 Ahmadi"})


def test_it_shows_the_case_page_in_a_constant_number_of_queries(
    client_for, ngo_af, alice, case_af, django_assert_max_num_queries
):
    client = client_for(alice)
    client.get(reverse("cases:case", args=[case_af.id]))
    with django_assert_max_num_queries(24) as few:
        response = client.get(reverse("cases:case", args=[case_af.id]))
    assert b"Zahra Ahmadi" in response.content
    for day in range(5):
        services.add_note(
            case=case_af, by=alice, text=f"note {day}", written_on=datetime.date(2025, 11, 2)
        )
        services.schedule_follow_up(case=case_af, by=alice, due_on=datetime.date(2025, 12, day + 1))
        services.add_service(
            case=case_af,
            by=alice,
            category="medical",
            delivered_on=datetime.date(2025, 11, 3),
            provider=ngo_af,
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("cases:case", args=[case_af.id]))
    assert b"note 4" in response.content


def test_it_registers_a_case_with_consent(client_for, alice, ngo_af):
    response = client_for(alice).post(
        reverse("cases:new"),
        {
            "given_name": "Mahbooba",
            "family_name": "Rahimi",
            "gender": "Feminine",
            "opened_on": "2025-11-27",
            "consent_assistance": "on",
            "consent_given_by": "person",
            "consent_method": "verbal",
        },
    )
    case = Case.objects.get(organisation=ngo_af)
    assert response.status_code == 302 and response["Location"] == reverse(
        "cases:case", args=[case.id]
    )
    assert case.has_consent("assistance") and case.caseworker == alice


def test_it_refuses_registration_without_consent(client_for, alice, ngo_af):
    response = client_for(alice).post(
        reverse("cases:new"),
        {
            "given_name": "X",
            "gender": "Feminine",
            "opened_on": "2025-11-27",
            "consent_given_by": "person",
            "consent_method": "verbal",
        },
    )
    assert response.status_code == 200 and not Case.objects.exists()


def test_it_saves_each_section_on_its_own(client_for, alice, case_af):
    client = client_for(alice)
    response = client.post(
        reverse("cases:edit_trafficking", args=[case_af.id]),
        {
            "trafficking_status": "ActualVictimOfTrafficking",
            "gender": "Feminine",
            "exploitation_types": ["ForcedLabour", "ForcedMarriage"],
            "labour_industries": ["T_ActivitiesOfHouseholdsAsEmployers"],
            "citizenship": ["AF"],
            "control_methods": ["DebtBondage"],
        },
    )
    assert response.status_code == 302, response.content
    case_af.refresh_from_db()
    assert case_af.exploitation_types == ["ForcedLabour", "ForcedMarriage"]
    assert case_af.citizenship == ["AF"]
    response = client.post(
        reverse("cases:edit_management", args=[case_af.id]),
        {
            "status": "Active",
            "risk_level": "high",
            "risk_assessment": "Threats by the recruiter",
            "caseworker": alice.pk,
        },
    )
    assert response.status_code == 302, response.content
    case_af.refresh_from_db()
    assert case_af.risk_level == "high"
    assert services.texts_of(case_af)["risk_assessment"] == "Threats by the recruiter"
    assert b"Threats" not in bytes(case_af.texts)


def test_it_closes_a_case_with_a_reason(client_for, alice, case_af):
    client = client_for(alice)
    response = client.post(
        reverse("cases:edit_management", args=[case_af.id]),
        {"status": "Closed", "closed_on": "2025-12-01"},
    )
    assert response.status_code == 200  # a reason is required
    response = client.post(
        reverse("cases:edit_management", args=[case_af.id]),
        {"status": "Closed", "closure_reason": "goals_met", "closed_on": "2025-12-01"},
    )
    assert response.status_code == 302
    case_af.refresh_from_db()
    assert (case_af.status, case_af.closed_on) == ("Closed", datetime.date(2025, 12, 1))


def test_it_lists_follow_ups_due_this_week(client_for, alice, case_af):
    from django.utils import timezone

    services.schedule_follow_up(case=case_af, by=alice, due_on=timezone.localdate())
    response = client_for(alice).get(reverse("cases:follow_ups"))
    assert case_af.number.encode() in response.content


def test_it_prints_without_identifying_data_unless_asked(client_for, alice, case_af, audit_calls):
    client = client_for(alice)
    response = client.get(reverse("cases:print", args=[case_af.id]))
    assert response.status_code == 200 and b"Zahra" not in response.content
    assert audit_calls[-1]["action"] == "case_print"
    assert audit_calls[-1]["fields"] == ("summary",)
    response = client.get(reverse("cases:print", args=[case_af.id]), {"identifying": "1"})
    assert b"Zahra" in response.content
    assert audit_calls[-1]["fields"] == ("identity", "summary")
