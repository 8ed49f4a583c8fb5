"""Who sees the duplicate check's pages: own organisation's staff only, coordinators by role."""

from __future__ import annotations

import pytest
from django.urls import reverse

from panj.linkage.tests.app_helpers import run, shared_person

pytestmark = pytest.mark.django_db


def test_it_shows_matches_to_a_read_only_role_of_the_same_organisation(
    client_for, ngo_af, alice, vera, ngo_tj, carol, dave
):
    case_af, _case_tj = shared_person(ngo_af, alice, ngo_tj, carol)
    run(dave, ngo_af, ngo_tj)
    page = client_for(vera).get(reverse("linkage:matches")).content.decode()
    assert case_af.number in page


def test_it_refuses_matches_to_roles_without_cases(client_for, hamid, dave):
    assert client_for(hamid).get(reverse("linkage:matches")).status_code == 403
    assert client_for(dave).get(reverse("linkage:matches")).status_code == 403


def test_it_never_shows_another_organisations_matches(
    client_for, ngo_af, alice, ngo_tj, carol, erin, dave
):
    case_af, _case_tj = shared_person(ngo_af, alice, ngo_tj, carol)
    run(dave, ngo_af, ngo_tj)
    page = client_for(carol).get(reverse("linkage:matches")).content.decode()
    assert case_af.number not in page
    assert client_for(carol).get(reverse("cases:case", args=[case_af.id])).status_code == 404


def test_it_offers_coordinators_a_shortcut_on_the_home_page(client_for, dave, alice):
    overview = f'href="{reverse("linkage:overview")}"'
    assert overview in client_for(dave).get(reverse("home")).content.decode()
    home = client_for(alice).get(reverse("home")).content.decode()
    assert overview not in home
    assert reverse("linkage:matches") in home


def test_it_starts_a_referral_to_the_other_organisation_from_a_match(
    client_for, ngo_af, alice, vera, ngo_tj, carol, dave, iom_kabul
):
    case_af, _case_tj = shared_person(ngo_af, alice, ngo_tj, carol)
    run(dave, ngo_af, ngo_tj)
    start = reverse("referrals:new", args=[case_af.id]) + f"?organisation={ngo_tj.slug}"
    assert start in client_for(alice).get(reverse("linkage:matches")).content.decode()
    assert start in client_for(alice).get(reverse("cases:case", args=[case_af.id])).content.decode()
    # A read-only role sees the match but is not offered what it may not do.
    assert start not in client_for(vera).get(reverse("linkage:matches")).content.decode()
    finder = client_for(alice).get(start).content.decode()
    assert ngo_tj.services.get().name in finder
    assert iom_kabul.services.get().name not in finder
    everyone = client_for(alice).get(reverse("referrals:new", args=[case_af.id])).content
    assert iom_kabul.services.get().name in everyone.decode()
