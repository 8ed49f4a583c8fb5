"""Joint programmes: partners and areas, indicators, dated progress and the chart of it."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from panj.directory.models import Area
from panj.knowledge.charts import progress_chart
from panj.knowledge.models.events import Sharing
from panj.knowledge.models.programmes import Indicator, Programme
from panj.knowledge.services.programmes import add_indicator, add_progress
from panj.knowledge.tests.joint_work import new_campaign, new_event, new_programme, status_of

pytestmark = pytest.mark.django_db


def test_it_creates_a_programme_with_partners_areas_and_activities(
    client_for, ngo_af, ngo_tj, dave
):
    border = list(Area.objects.filter(on_border=True)[:2])
    event = new_event(ngo_af)
    campaign = new_campaign(ngo_tj)
    data = {
        "title": "Safer border districts",
        "partners": [ngo_af.id, ngo_tj.id],
        "donor": "A donor",
        "areas": [area.id for area in border],
        "starts_on": "2026-01-01",
        "ends_on": "2027-06-30",
        "objectives": "Fewer people trafficked across the river.",
        "events": [event.id],
        "campaigns": [campaign.id],
        "sharing": "network",
    }
    response = client_for(dave).post(reverse("knowledge:programme_new"), data)
    programme = Programme.objects.get()
    assert response["Location"] == reverse("knowledge:programme", args=[programme.id])
    assert set(programme.partners.all()) == {ngo_af, ngo_tj}
    assert set(programme.areas.all()) == set(border)
    page = client_for(dave).get(response["Location"]).content.decode()
    assert "Cross-border workshop" in page and "Safe migration" in page
    if border and border[0].pcode:
        assert border[0].pcode in page


def test_it_refuses_to_create_programmes_for_caseworkers(client_for, alice):
    data = {"title": "X", "starts_on": "2026-01-01", "ends_on": "2026-02-01", "sharing": "network"}
    assert client_for(alice).post(reverse("knowledge:programme_new"), data).status_code == 403


def test_it_lets_partners_record_progress_and_shows_it_against_the_target(
    client_for, ngo_af, ngo_tj, erin
):
    programme = new_programme(ngo_af, partners=[ngo_tj])
    indicator = programme.indicators.get()
    url = reverse("knowledge:add_progress", args=[programme.id])
    data = {"indicator": indicator.id, "measured_on": "2026-09-30", "value": "150", "note": ""}
    assert client_for(erin).post(url, data).status_code == 302
    page = client_for(erin).get(reverse("knowledge:programme", args=[programme.id]))
    body = page.content.decode()
    assert "<svg" in body and 'role="img"' in body and "<title" in body and "<desc" in body
    assert "75%" in body  # 150 of a target of 200, from a baseline of 0
    assert "style=" not in body.split("<svg", 1)[1].split("</svg>", 1)[0]


def test_it_adds_an_indicator_with_baseline_and_target(client_for, ngo_af, bob):
    programme = new_programme(ngo_af)
    url = reverse("knowledge:add_indicator", args=[programme.id])
    data = {
        "name": "Cases referred across the border",
        "unit": "",
        "baseline": "10",
        "target": "60",
    }
    assert client_for(bob).post(url, data).status_code == 302
    assert programme.indicators.filter(baseline=10, target=60).exists()
    same = data | {"target": "10"}
    assert client_for(bob).post(url, same).status_code == 200


def test_it_refuses_progress_from_members_outside_the_programme(client_for, ngo_af, erin, vera):
    programme = new_programme(ngo_af)
    indicator = programme.indicators.get()
    url = reverse("knowledge:add_progress", args=[programme.id])
    data = {"indicator": indicator.id, "measured_on": "2026-09-30", "value": "150"}
    assert client_for(erin).post(url, data).status_code == 403
    assert client_for(vera).post(url, data).status_code == 403
    assert indicator.values.count() == 1


def test_it_refuses_an_indicator_of_another_programme(client_for, ngo_af, bob):
    mine = new_programme(ngo_af)
    other = new_programme(ngo_af, title="Other")
    url = reverse("knowledge:add_progress", args=[mine.id])
    data = {"indicator": other.indicators.get().id, "measured_on": "2026-09-30", "value": "1"}
    assert client_for(bob).post(url, data).status_code == 200
    assert other.indicators.get().values.count() == 1


def test_it_hides_partners_only_programmes_from_other_organisations(
    client_for, ngo_af, ngo_tj, carol, dave, django_assert_max_num_queries
):
    new_programme(ngo_af, title="Open to the network")
    closed = new_programme(ngo_af, title="Partners only", sharing=Sharing.INVITED)
    assert status_of(client_for(carol), "get", "programme", closed.id) == 404
    client = client_for(dave)
    with django_assert_max_num_queries(10):
        body = client.get(reverse("knowledge:programmes")).content.decode()
    assert "Open to the network" in body and "Partners only" not in body
    closed.partners.add(ngo_tj)
    assert status_of(client_for(carol), "get", "programme", closed.id) == 200


def test_it_draws_bars_from_baseline_to_target_capped_at_full(ngo_af):
    programme = new_programme(ngo_af)
    fewer = add_indicator(
        programme=programme, name="Fewer", baseline=Decimal(100), target=Decimal(50)
    )
    add_progress(indicator=fewer, measured_on=datetime.date(2026, 2, 1), value=Decimal(75))
    beyond = add_indicator(programme=programme, name="Beyond", target=Decimal(10))
    add_progress(indicator=beyond, measured_on=datetime.date(2026, 2, 1), value=Decimal(30))
    add_indicator(programme=programme, name="No value yet", target=Decimal(10))
    indicators = list(Indicator.objects.filter(programme=programme).prefetch_related("values"))
    chart = progress_chart(indicators)
    assert [bar.percent for bar in chart.bars] == [25, 50, 100, 0]
    assert [bar.width for bar in chart.bars] == [100, 200, 400, 0]
    assert chart.bars[3].latest is None


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("programmes", "post"),
        ("programme", "post"),
        ("programme_edit", "put"),
        ("add_indicator", "put"),
        ("add_progress", "delete"),
    ],
)
def test_it_refuses_the_wrong_method(client_for, ngo_af, bob, name, method):
    programme = new_programme(ngo_af)
    args = [] if name == "programmes" else [programme.id]
    assert status_of(client_for(bob), method, name, *args) == 405


def test_it_lets_the_lead_change_the_programme(client_for, ngo_af, bob, alice):
    programme = new_programme(ngo_af)
    url = reverse("knowledge:programme_edit", args=[programme.id])
    data = {
        "title": "Renamed",
        "starts_on": "2026-01-01",
        "ends_on": "2027-12-31",
        "sharing": "network",
    }
    assert client_for(alice).post(url, data).status_code == 403
    assert client_for(bob).post(url, data).status_code == 302
    programme.refresh_from_db()
    assert programme.title == "Renamed"


def test_it_offers_no_public_sharing_for_programmes(client_for, bob):
    data = {"title": "X", "starts_on": "2026-01-01", "ends_on": "2026-02-01", "sharing": "public"}
    response = client_for(bob).post(reverse("knowledge:programme_new"), data)
    assert response.status_code == 200
    assert not Programme.objects.exists()
