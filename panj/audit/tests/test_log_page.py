"""The audit log page: an organisation admin reads their own organisation's entries, only."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from panj.audit.services import record
from panj.audit.tests.conftest import read_case

URL = reverse("audit:log")


def test_it_shows_the_admin_their_organisations_entries(client_for, hamid, entries, carol, ngo_tj):
    foreign = read_case(carol, ngo_tj)
    response = client_for(hamid).get(URL)
    assert response.status_code == 200
    page = response.context["page"]
    # Newest first: hamid's own sign-in, then the reads.
    newest, *older = list(page)
    assert newest.action == "sign_in"
    assert [e.sequence for e in older] == [e.sequence for e in reversed(entries)]
    assert foreign.object_id not in response.content.decode()
    assert "alice@test.panj.org" in response.content.decode()


def test_it_shows_another_admin_only_their_own(client_for, erin, entries, carol, ngo_tj):
    own = read_case(carol, ngo_tj)
    response = client_for(erin).get(URL, {"action": "case_read"})
    assert [e.pk for e in response.context["page"]] == [own.pk]
    for entry in entries:
        assert entry.object_id not in response.content.decode()


@pytest.mark.parametrize("persona", ["alice", "bob", "vera", "dave", "frank"])
def test_it_refuses_everyone_but_organisation_admins(request, client_for, entries, persona):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403


def test_it_refuses_other_methods(client_for, hamid):
    assert client_for(hamid).post(URL).status_code == 405


def test_it_links_to_the_log_from_home_for_admins_only(client_for, hamid, alice):
    assert URL in client_for(hamid).get(reverse("home")).content.decode()
    assert URL not in client_for(alice).get(reverse("home")).content.decode()


def test_it_filters_by_action_and_person(client_for, hamid, entries, bob):
    client = client_for(hamid)
    by_bob = client.get(URL, {"actor": str(bob.pk)}).context["page"]
    assert [e.pk for e in by_bob] == [entries[1].pk]
    reviews = client.get(URL, {"action": "case_read"}).context["page"]
    assert len(reviews) == 5
    assert not client.get(URL, {"action": "case_export"}).context["page"]


def test_it_filters_by_day(client_for, hamid, entries):
    client = client_for(hamid)
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    # The five reads and hamid's sign-in.
    assert len(client.get(URL, {"since": today, "until": today}).context["page"]) == 6
    assert not client.get(URL, {"since": tomorrow}).context["page"]
    assert not client.get(URL, {"until": today - datetime.timedelta(days=1)}).context["page"]


def test_it_offers_only_its_own_staff_to_filter_by(client_for, hamid, alice, carol):
    form = client_for(hamid).get(URL).context["form"]
    choices = {value for value, _label in form.fields["actor"].choices}
    assert str(alice.pk) in choices and str(carol.pk) not in choices


def test_it_ignores_a_person_of_another_organisation(client_for, hamid, entries, carol, ngo_tj):
    read_case(carol, ngo_tj)
    page = client_for(hamid).get(URL, {"actor": str(carol.pk)}).context["page"]
    assert {e.organisation_id for e in page} == {entries[0].organisation_id}


def test_it_serves_only_the_results_to_htmx(client_for, hamid, entries):
    response = client_for(hamid).get(URL, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert 'id="results"' in html and "<form" not in html and "<html" not in html


def test_it_pages_by_fifty(client_for, hamid, ngo_af, alice):
    for _ in range(51):
        record(action="case_change", actor=alice, organisation_id=ngo_af.id, fields=["notes"])
    client = client_for(hamid)
    assert len(client.get(URL, {"action": "case_change"}).context["page"]) == 50
    assert len(client.get(URL, {"action": "case_change", "page": 2}).context["page"]) == 1


def test_it_reads_the_log_in_a_constant_number_of_queries(
    client_for, hamid, ngo_af, alice, django_assert_max_num_queries
):
    client = client_for(hamid)
    read_case(alice, ngo_af)
    with django_assert_max_num_queries(8):
        client.get(URL, {"action": "case_read"})
    for _ in range(40):
        read_case(alice, ngo_af)
    with django_assert_max_num_queries(8):
        response = client.get(URL, {"action": "case_read"})
    assert len(response.context["page"]) == 41


def test_it_names_the_purpose_in_words(client_for, hamid, entries):
    html = client_for(hamid).get(URL, {"action": "case_read"}).content.decode()
    assert "<td>review</td>" in html and "<td>assistance</td>" in html
