"""The organisation's and the network's dashboards."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse


def test_it_shows_an_organisation_its_own_exact_figures(client_for, alice, network_cases):
    response = client_for(alice).get(reverse("stats:organisation"))
    assert response.status_code == 200
    body = response.content.decode()
    # 33 cases at the Afghan NGO, of which 3 men: small, but its own staff see it exactly.
    assert ">33<" in body and ">3<" in body
    assert 'role="img"' in body and "<title id=" in body


def test_it_lets_an_organisation_admin_read_the_figures(client_for, hamid, network_cases):
    assert client_for(hamid).get(reverse("stats:organisation")).status_code == 200


def test_it_refuses_the_dashboards_to_a_viewer(client_for, vera):
    client = client_for(vera)
    assert client.get(reverse("stats:organisation")).status_code == 403
    assert client.get(reverse("stats:network")).status_code == 403
    assert client.get(reverse("stats:index")).status_code == 200  # points to open data


def test_it_refuses_the_network_dashboard_to_an_organisation(client_for, alice):
    assert client_for(alice).get(reverse("stats:network")).status_code == 403


def test_it_sends_each_role_to_its_dashboard(client_for, alice, dave):
    assert client_for(alice).get(reverse("stats:index"))["Location"] == reverse(
        "stats:organisation"
    )
    assert client_for(dave).get(reverse("stats:index"))["Location"] == reverse("stats:network")


def test_it_hides_small_counts_on_the_network_dashboard(client_for, dave, network_cases):
    response = client_for(dave).get(reverse("stats:network"))
    assert response.status_code == 200
    tables = re.findall(r'<table class="numbers">(.*?)</table>', response.content.decode(), re.S)
    numbers = [int(n) for table in tables for n in re.findall(r"<td>(\d+)</td>", table)]
    assert 47 in numbers, "the total of consenting cases is shown"
    assert not [n for n in numbers if 0 < n < 11], "a small count is shown"


def test_it_shows_the_network_dashboard_in_few_queries(
    client_for, frank, network_cases, django_assert_max_num_queries
):
    client = client_for(frank)
    with django_assert_max_num_queries(40):
        assert client.get(reverse("stats:network")).status_code == 200


def test_it_shows_an_organisation_dashboard_in_few_queries(
    client_for, bob, network_cases, django_assert_max_num_queries
):
    client = client_for(bob)
    with django_assert_max_num_queries(40):
        assert client.get(reverse("stats:organisation")).status_code == 200


@pytest.mark.parametrize("name", ["stats:index", "stats:organisation", "stats:network"])
def test_it_refuses_to_post_to_a_dashboard(client_for, dave, name):
    assert client_for(dave).post(reverse(name)).status_code == 405


def test_it_offers_statistics_on_the_home_page(client_for, alice, dave, network_cases):
    assert "stats-panel" in client_for(alice).get(reverse("home")).content.decode()
    assert "stats-panel" in client_for(dave).get(reverse("home")).content.decode()
